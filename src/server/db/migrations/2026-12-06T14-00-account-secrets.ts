/**
 * Account secrets: an invitation accepted "with a new account" on an e-mail that already has one
 * is held for that account (`held_for_user_id`) instead of answering that the account exists; it
 * completes only when the account's owner signs in and accepts it.
 * Frozen in time; imports nothing from the app.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('invitations')
    .addColumn('held_for_user_id', 'text', (c) => c.references('users.id'))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invitations').dropColumn('held_for_user_id').execute();
}
