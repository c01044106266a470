/**
 * Rounds and sessions (C3) and communication (C8): rounds with their invitees and the
 * acknowledgements of their rules, consultations and answers, sessions with agenda, attendance and
 * minutes (with approvals), threads and messages (with shuttle relays), communiqués and press
 * lines (with approvals), and the parties' public statements.
 * Frozen in time; imports nothing from the app.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('venue', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('rules_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rounds_number', ['process_id', 'number'])
    .execute();
  await db.schema
    .createTable('round_invitees')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('round_invitees_pk', ['round_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('round_acknowledgements')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('rules_hash', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_acknowledgements_pk', ['round_id', 'user_id', 'rules_hash'])
    .execute();
  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createTable('consultation_responses')
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('responded_by', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_responses_pk', ['consultation_id', 'party_id'])
    .execute();
  await db.schema
    .createTable('round_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text', (c) => c.references('parties.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('round_sessions_process')
    .on('round_sessions')
    .columns(['process_id', 'compartment_id'])
    .execute();
  await db.schema
    .createTable('session_agenda')
    .addColumn('session_id', 'text', (c) => c.notNull().references('round_sessions.id'))
    .addColumn('issue_id', 'text', (c) => c.notNull().references('agenda_issues.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_agenda_pk', ['session_id', 'issue_id'])
    .execute();
  await db.schema
    .createTable('session_attendance')
    .addColumn('session_id', 'text', (c) => c.notNull().references('round_sessions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('session_attendance_pk', ['session_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('minutes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('round_sessions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('minutes_session_kind', ['session_id', 'kind'])
    .execute();
  await db.schema
    .createTable('minutes_approvals')
    .addColumn('minutes_id', 'text', (c) => c.notNull().references('minutes.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('minutes_approvals_pk', ['minutes_id', 'party_id'])
    .execute();
  await db.schema
    .createTable('threads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.references('round_sessions.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('threads_process')
    .on('threads')
    .columns(['process_id', 'compartment_id'])
    .execute();
  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('thread_id', 'text', (c) => c.notNull().references('threads.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'text', (c) => c.notNull())
    .addColumn('relay_of', 'text', (c) => c.references('messages.id'))
    .addColumn('relay_of_compartment_id', 'text', (c) => c.references('compartments.id'))
    .execute();
  await db.schema
    .createIndex('messages_thread')
    .on('messages')
    .columns(['thread_id', 'compartment_id'])
    .execute();
  await db.schema
    .createTable('communiques')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('embargo_until', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('public_compartment_id', 'text', (c) => c.references('compartments.id'))
    .addColumn('public_from', 'text')
    .addColumn('round_id', 'text', (c) => c.references('rounds.id'))
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('released_at', 'text')
    .addColumn('released_by', 'text')
    .addUniqueConstraint('communiques_number', ['process_id', 'number'])
    .execute();
  await db.schema
    .createTable('communique_approvals')
    .addColumn('communique_id', 'text', (c) => c.notNull().references('communiques.id'))
    // The approving party's id, or 'mediators' for the mediator team.
    .addColumn('approver', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text', (c) => c.references('parties.id'))
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('communique_approvals_pk', ['communique_id', 'approver'])
    .execute();
  await db.schema
    .createTable('public_statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('round_id', 'text', (c) => c.references('rounds.id'))
    .addColumn('agreed_line_id', 'text', (c) => c.references('communiques.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('stated_on', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('divergence', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'public_statements',
    'communique_approvals',
    'communiques',
    'messages',
    'threads',
    'minutes_approvals',
    'minutes',
    'session_attendance',
    'session_agenda',
    'round_sessions',
    'consultation_responses',
    'consultations',
    'round_acknowledgements',
    'round_invitees',
    'rounds',
  ])
    await db.schema.dropTable(t).execute();
}
