/**
 * Sign-in hardening: one throttle row per key (an account name, a client address, a known device)
 * replaces the list of failures, so that reserving an attempt can lock the row it counts on; and
 * the devices an account has signed in from, which the throttle tells apart from everyone else.
 * Frozen in time; imports nothing from the app.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'text')
    .addColumn('locked_until', 'text')
    .execute();
  await db.schema
    .createTable('sign_in_devices')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_devices_user')
    .on('sign_in_devices')
    .column('user_id')
    .execute();
  // Failures counted the old way expire within their 15-minute window anyway.
  await db.schema.dropTable('sign_in_failures').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_failures_key_at')
    .on('sign_in_failures')
    .columns(['key', 'at'])
    .execute();
  await db.schema.dropTable('sign_in_devices').execute();
  await db.schema.dropTable('sign_in_throttle').execute();
}
