/**
 * Encryption at rest: each process's data keys, wrapped under the master key (which is never in
 * the database), a marker saying when every confidential column was first encrypted, and a
 * column for a party's reservation value (the old numeric column can hold no ciphertext; it is
 * zeroed when its value moves here). Frozen in time; imports nothing from the app.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_keys')
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('master_key_id', 'text', (c) => c.notNull())
    .addColumn('wrapped', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('data_keys_pk', ['process_id', 'version'])
    .execute();
  await db.schema
    .createTable('encryption_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('sealed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('preferences').addColumn('reservation_sealed', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('preferences').dropColumn('reservation_sealed').execute();
  await db.schema.dropTable('encryption_state').execute();
  await db.schema.dropTable('data_keys').execute();
}
