/**
 * Actors and media (C9): the register of actors outside the table (name, kind, aliases, Wikidata
 * id, notes and the stance history, sealed), the articles brought in with their analysis (sealed),
 * and the statements people confirmed from them (quote, source sealed; actor, stance, language and
 * date readable for the media view's filters). Each row lives in one compartment.
 * Frozen in time; imports nothing from the app.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('media_actors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('wikidata_id', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('stances', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('media_actors_process')
    .on('media_actors')
    .columns(['process_id', 'compartment_id'])
    .execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('outlet', 'text')
    .addColumn('published_at', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('analysis', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('articles_process')
    .on('articles')
    .columns(['process_id', 'compartment_id'])
    .execute();

  await db.schema
    .createTable('actor_statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('actor_id', 'text', (c) => c.notNull().references('media_actors.id'))
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('outlet', 'text')
    .addColumn('stated_on', 'text', (c) => c.notNull())
    .addColumn('stance', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.references('articles.id'))
    .addColumn('confirmed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('actor_statements_process')
    .on('actor_statements')
    .columns(['process_id', 'stated_on'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('actor_statements').execute();
  await db.schema.dropTable('articles').execute();
  await db.schema.dropTable('media_actors').execute();
}
