/**
 * Implementation imports (C10) at scale: the level entries and evidence an import stores carry the
 * import's id (`import_id`), which its one audit entry names together with the SHA-256 of those
 * rows; an imported piece of evidence whose report is the note of the level entry it was imported
 * with stores no copy of it (`text` null, `note_of` names that entry), so the note is encrypted
 * once, not twice. SQLite cannot drop a NOT NULL constraint: the evidence table is rebuilt there.
 * Frozen in time; imports nothing from the app.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('impl_levels').addColumn('import_id', 'text').execute();
  // The roll-ups read a process's entries grouped by commitment in history order: this index
  // holds every column they read, in that order, so the read is one ordered scan of it.
  await db.schema
    .createIndex('impl_levels_history')
    .on('impl_levels')
    .columns([
      'process_id',
      'commitment_id',
      'effective_on',
      'set_at',
      'id',
      'level',
      'compartment_id',
    ])
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema.alterTable('impl_evidence').addColumn('import_id', 'text').execute();
    await db.schema.alterTable('impl_evidence').addColumn('note_of', 'text').execute();
    await sql`alter table impl_evidence alter column text drop not null`.execute(db);
    return;
  }
  await db.schema
    .createTable('impl_evidence_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('url', 'text')
    .addColumn('observed_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text')
    .addColumn('note_of', 'text')
    .execute();
  await sql`insert into impl_evidence_next
    (id, process_id, commitment_id, compartment_id, kind, text, url, observed_on, source, sha256,
     submitted_by, submitted_at)
    select id, process_id, commitment_id, compartment_id, kind, text, url, observed_on, source,
     sha256, submitted_by, submitted_at from impl_evidence`.execute(db);
  await db.schema.dropTable('impl_evidence').execute();
  await db.schema.alterTable('impl_evidence_next').renameTo('impl_evidence').execute();
  await db.schema
    .createIndex('impl_evidence_commitment')
    .on('impl_evidence')
    .columns(['commitment_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('impl_levels_history').execute();
  await db.schema.alterTable('impl_levels').dropColumn('import_id').execute();
  await db.schema.alterTable('impl_evidence').dropColumn('import_id').execute();
  await db.schema.alterTable('impl_evidence').dropColumn('note_of').execute();
}
