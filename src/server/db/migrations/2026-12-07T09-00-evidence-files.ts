/**
 * Implementation (C10): files as evidence. A file evidence keeps its name (sealed), its media type
 * (recognised from its content) and its size on its evidence row; its bytes live apart, sealed, in
 * `impl_evidence_files`, so that listing evidence never reads a file. Frozen in time; imports
 * nothing from the app.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('impl_evidence').addColumn('file_name', 'text').execute();
  await db.schema.alterTable('impl_evidence').addColumn('file_type', 'text').execute();
  await db.schema.alterTable('impl_evidence').addColumn('file_size', 'integer').execute();
  await db.schema
    .createTable('impl_evidence_files')
    .addColumn('evidence_id', 'text', (c) => c.primaryKey().references('impl_evidence.id'))
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('impl_evidence_files').execute();
  for (const column of ['file_size', 'file_type', 'file_name'])
    await db.schema.alterTable('impl_evidence').dropColumn(column).execute();
}
