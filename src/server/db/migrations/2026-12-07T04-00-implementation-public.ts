/**
 * Implementation (C10): the public accountability page. One released picture per process, found
 * by an unguessable address (slug); the picture (commitments, verified levels, progress) is kept
 * as released and encrypted at rest like the rest of the process. Frozen in time; imports nothing
 * from the app.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('impl_publications')
    .addColumn('process_id', 'text', (c) => c.primaryKey().references('processes.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('picture', 'text', (c) => c.notNull())
    .addColumn('released_at', 'text', (c) => c.notNull())
    .addColumn('released_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('impl_publications').execute();
}
