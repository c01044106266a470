/**
 * The single negotiating text: the working draft, published versions (immutable: the database
 * itself refuses to change or delete them), their recipients and signatures, and amendments.
 * Frozen in time; imports nothing from the app.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('text_drafts')
    .addColumn('process_id', 'text', (c) => c.primaryKey().references('processes.id'))
    .addColumn('canonical', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('text_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('change_list', 'text', (c) => c.notNull())
    .addColumn('canonical', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addUniqueConstraint('text_versions_number', ['process_id', 'number'])
    .execute();
  await db.schema
    .createTable('version_recipients')
    .addColumn('version_id', 'text', (c) => c.notNull().references('text_versions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text')
    .addPrimaryKeyConstraint('version_recipients_pk', ['version_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('version_signatures')
    .addColumn('version_id', 'text', (c) => c.notNull().references('text_versions.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('signed_by', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('version_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('version_signatures_pk', ['version_id', 'party_id'])
    .execute();
  await db.schema
    .createTable('amendments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('provision_key', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();

  const frozen = ['text_versions', 'version_recipients', 'version_signatures'];
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function parley_refuse_change() returns trigger language plpgsql as $$
      begin raise exception 'published versions and their signatures are immutable'; end $$`.execute(
      db,
    );
    for (const t of frozen)
      await sql`create trigger ${sql.raw(`${t}_immutable`)} before update or delete on ${sql.table(t)}
        for each row execute function parley_refuse_change()`.execute(db);
  } else {
    for (const t of frozen)
      for (const op of ['update', 'delete'])
        await sql`create trigger ${sql.raw(`${t}_no_${op}`)} before ${sql.raw(op)} on ${sql.table(t)}
          begin select raise(abort, 'published versions and their signatures are immutable'); end`.execute(
          db,
        );
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'amendments',
    'version_signatures',
    'version_recipients',
    'text_versions',
    'text_drafts',
  ])
    await db.schema.dropTable(t).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`drop function if exists parley_refuse_change()`.execute(db);
}
