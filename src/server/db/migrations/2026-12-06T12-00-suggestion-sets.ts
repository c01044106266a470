/**
 * Decision support without an oracle: a party's numbered, immutable submissions of its ratings;
 * the suggestion sets the mediator team publishes from the current submissions (numbered,
 * immutable), with each party's own utilities of their packages; the parties' consents to a
 * publication beyond the bound; and the bound itself (publications per round), per process.
 * Frozen in time; imports nothing from the app.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('preference_submissions')
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('weights', 'text', (c) => c.notNull())
    .addColumn('scores', 'text', (c) => c.notNull())
    .addColumn('reservation', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('draft_revision', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('preference_submissions_pk', ['process_id', 'party_id', 'number'])
    .execute();

  await db.schema
    .createTable('suggestion_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('round_id', 'text', (c) => c.references('rounds.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('packages', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull().references('users.id'))
    .addUniqueConstraint('suggestion_sets_number', ['process_id', 'number'])
    .execute();

  await db.schema
    .createTable('suggestion_set_inputs')
    .addColumn('set_id', 'text', (c) => c.notNull().references('suggestion_sets.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('submission_number', 'integer', (c) => c.notNull())
    .addColumn('utilities', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('suggestion_set_inputs_pk', ['set_id', 'party_id'])
    .execute();

  await db.schema
    .createTable('suggestion_consents')
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('set_number', 'integer', (c) => c.notNull())
    .addColumn('consented_at', 'text', (c) => c.notNull())
    .addColumn('consented_by', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('suggestion_consents_pk', ['process_id', 'party_id', 'set_number'])
    .execute();

  await db.schema
    .createTable('analysis_settings')
    .addColumn('process_id', 'text', (c) => c.primaryKey().references('processes.id'))
    .addColumn('sets_per_round', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('analysis_settings').execute();
  await db.schema.dropTable('suggestion_consents').execute();
  await db.schema.dropTable('suggestion_set_inputs').execute();
  await db.schema.dropTable('suggestion_sets').execute();
  await db.schema.dropTable('preference_submissions').execute();
}
