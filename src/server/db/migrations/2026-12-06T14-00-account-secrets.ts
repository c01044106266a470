/**
 * Account secrets: an invitation accepted "with a new account" on an e-mail that already has one
 * is held for that account (`held_for_user_id`) instead of answering that the account exists; it
 * completes only when the account's owner signs in and accepts it. And the account-scope data key
 * (`account_keys`, wrapped under the master key like a process's data keys), which seals what
 * belongs to accounts rather than to a process: TOTP secrets. Secrets stored in clear before are
 * sealed at the first start after this migration (the app does it: a migration holds no key).
 * Frozen in time; imports nothing from the app.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('invitations')
    .addColumn('held_for_user_id', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createTable('account_keys')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('master_key_id', 'text', (c) => c.notNull())
    .addColumn('wrapped', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_keys').execute();
  await db.schema.alterTable('invitations').dropColumn('held_for_user_id').execute();
}
