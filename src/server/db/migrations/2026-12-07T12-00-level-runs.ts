/**
 * Implementation imports (C10) stored as runs: the level entries one import gives one commitment
 * (and the evidence each rests on) are kept as one row, `impl_level_runs`, instead of two rows per
 * entry. What the roll-ups read stays in the clear, packed: the levels (one digit each), the dates
 * and the evidence's hashes (comma-separated), in history order; the notes, sources and links are
 * one sealed value. An entry's id and its evidence's are derived from the run's (its last four hex
 * digits), so a verification may name an entry that has no row of its own: the foreign key from
 * `impl_verifications.level_entry_id` to `impl_levels` goes (SQLite rebuilds the table for it).
 * Entries imported before stay rows. Frozen in time; imports nothing from the app.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('impl_level_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('impl_level_runs_commitment')
    .on('impl_level_runs')
    .columns(['process_id', 'commitment_id'])
    .execute();
  await db.schema
    .createIndex('impl_level_runs_import')
    .on('impl_level_runs')
    .columns(['process_id', 'import_id'])
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table impl_verifications
      drop constraint if exists impl_verifications_level_entry_id_fkey`.execute(db);
    return;
  }
  await db.schema
    .createTable('impl_verifications_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('level_entry_id', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('by_user', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .addColumn('resolution', 'text')
    .execute();
  await sql`insert into impl_verifications_next select
    id, process_id, commitment_id, compartment_id, level_entry_id, verdict, reason, by_user, at,
    resolved_at, resolved_by, resolution from impl_verifications`.execute(db);
  await db.schema.dropTable('impl_verifications').execute();
  await db.schema.alterTable('impl_verifications_next').renameTo('impl_verifications').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('impl_level_runs').execute();
}
