/**
 * The negotiation record: agenda issues and options, demands, positions, proposals, responses.
 * Frozen in time; imports nothing from the app.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agenda_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('issue_options')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issue_id', 'text', (c) => c.notNull().references('agenda_issues.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('demands')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('issue_id', 'text', (c) => c.references('agenda_issues.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('stated_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('positions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('issue_id', 'text', (c) => c.notNull().references('agenda_issues.id'))
    .addColumn('option_id', 'text', (c) => c.references('issue_options.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('tabled_by_party', 'text', (c) => c.references('parties.id'))
    .addColumn('tabled_by', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('tabled_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('responds_to', 'text', (c) => c.references('proposals.id'))
    .execute();
  await db.schema
    .createIndex('proposals_process')
    .on('proposals')
    .columns(['process_id', 'compartment_id'])
    .execute();
  await db.schema
    .createTable('proposal_terms')
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
    .addColumn('issue_id', 'text', (c) => c.notNull().references('agenda_issues.id'))
    .addColumn('option_id', 'text', (c) => c.notNull().references('issue_options.id'))
    .addPrimaryKeyConstraint('proposal_terms_pk', ['proposal_id', 'issue_id'])
    .execute();
  await db.schema
    .createTable('proposal_responses')
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('counter_proposal_id', 'text', (c) => c.references('proposals.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('responded_by', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'proposal_responses',
    'proposal_terms',
    'proposals',
    'positions',
    'demands',
    'issue_options',
    'agenda_issues',
  ])
    await db.schema.dropTable(t).execute();
}
