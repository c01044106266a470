/**
 * Media feeds and statements' issues (C9): the RSS/Atom feeds the mediators follow, each in one
 * compartment (address, title, the entries already taken and the last error sealed; when it was
 * last fetched and how that went readable for the scheduler), the feed an article came from, and
 * the agenda issues a statement concerns (ids, readable for the media view's filter) with a
 * revision, since a statement's issues are edited after it was confirmed.
 * Frozen in time; imports nothing from the app.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('media_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('seen', 'text', (c) => c.notNull())
    .addColumn('interval_minutes', 'integer', (c) => c.notNull())
    .addColumn('last_fetched_at', 'text')
    .addColumn('last_status', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('articles_added', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('media_feeds_process')
    .on('media_feeds')
    .columns(['process_id', 'compartment_id'])
    .execute();
  await db.schema.alterTable('articles').addColumn('feed_id', 'text').execute();
  await db.schema
    .alterTable('actor_statements')
    .addColumn('issue_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('actor_statements')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('actor_statements').dropColumn('revision').execute();
  await db.schema.alterTable('actor_statements').dropColumn('issue_ids').execute();
  await db.schema.alterTable('articles').dropColumn('feed_id').execute();
  await db.schema.dropTable('media_feeds').execute();
}
