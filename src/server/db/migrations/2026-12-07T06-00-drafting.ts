/**
 * Parties can say no to minutes: a party's answer to the plenary minutes of a session is an
 * approval, a rejection or a request for a change, with a comment (encrypted at rest) for the
 * mediators. The answer stays one row per party in `minutes_approvals`; existing rows are
 * approvals. Frozen in time; imports nothing from the app.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('minutes_approvals')
    .addColumn('response', 'text', (c) => c.notNull().defaultTo('approved'))
    .execute();
  await db.schema.alterTable('minutes_approvals').addColumn('comment', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('minutes_approvals').where('response', '!=', 'approved').execute();
  await db.schema.alterTable('minutes_approvals').dropColumn('comment').execute();
  await db.schema.alterTable('minutes_approvals').dropColumn('response').execute();
}
