/**
 * Consent to seats: a seat in a party's delegation or the mediator team, and a grant of one of
 * their rooms, waits in `pending_seats` until those who hold the room confirm it; a head of
 * delegation may make a member of the delegation a delegation admin, who confirms seats too.
 * Frozen in time; imports nothing from the app.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pending_seats')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('party_id', 'text', (c) => c.references('parties.id'))
    .addColumn('compartment_id', 'text', (c) => c.references('compartments.id'))
    .addColumn('initiated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pending_seats_process')
    .on('pending_seats')
    .columns(['process_id', 'user_id'])
    .execute();
  await db.schema
    .alterTable('memberships')
    .addColumn('delegation_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('memberships').dropColumn('delegation_admin').execute();
  await db.schema.dropTable('pending_seats').execute();
}
