/**
 * Items by recency within a compartment: `(process_id, compartment_id, updated_at desc, id)`
 * replaces `(process_id, compartment_id)`, which it covers. A list of items reads each readable
 * compartment's newest through it instead of sorting every item the reader may see.
 * Frozen in time; imports nothing from the app.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('items_compartment_recent')
    .on('items')
    .columns(['process_id', 'compartment_id', 'updated_at desc', 'id'])
    .execute();
  await db.schema.dropIndex('items_process_compartment').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('items_process_compartment')
    .on('items')
    .columns(['process_id', 'compartment_id'])
    .execute();
  await db.schema.dropIndex('items_compartment_recent').execute();
}
