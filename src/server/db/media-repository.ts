import type { Kysely } from 'kysely';
import type {
  ActorAlias,
  ActorKind,
  ActorStatement,
  Article,
  FeedStatus,
  MediaActor,
  MediaFeed,
  Mention,
  NameSuggestion,
  Quote,
  Stance,
  StanceChange,
} from '../../core/media/model.js';
import type { MediaStore } from '../../core/ports.js';
import { asId } from '../../core/shared/ids.js';
import type { ProcessBox, Sealer } from './data-keys.js';
import type {
  ActorStatementsTable,
  ArticlesTable,
  DB,
  MediaActorsTable,
  MediaFeedsTable,
} from './schema.js';
import { visibleTo } from './visible-to.js';

const toActor = (r: MediaActorsTable, box: ProcessBox): MediaActor => {
  const row = box.row('media_actors', [r.id]);
  return {
    id: asId(r.id),
    processId: asId(r.process_id),
    compartmentId: asId(r.compartment_id),
    kind: r.kind as ActorKind,
    name: row.open('name', r.name),
    aliases: JSON.parse(row.open('aliases', r.aliases)) as ActorAlias[],
    wikidataId: r.wikidata_id === null ? null : row.open('wikidata_id', r.wikidata_id),
    notes: row.open('notes', r.notes),
    stances: (JSON.parse(row.open('stances', r.stances)) as StanceChange[]).map((c) => ({
      ...c,
      setBy: asId(c.setBy),
    })),
    createdBy: asId(r.created_by),
    createdAt: r.created_at,
    revision: r.revision,
  };
};

/** The stored analysis of an article. */
interface StoredAnalysis {
  mentions: Mention[];
  quotes: Quote[];
  suggestions: NameSuggestion[];
}

const toArticle = (r: ArticlesTable, box: ProcessBox): Article => {
  const row = box.row('articles', [r.id]);
  const analysis = JSON.parse(row.open('analysis', r.analysis)) as StoredAnalysis;
  return {
    id: asId(r.id),
    processId: asId(r.process_id),
    compartmentId: asId(r.compartment_id),
    title: row.open('title', r.title),
    text: row.open('text', r.text),
    url: r.url === null ? null : row.open('url', r.url),
    outlet: r.outlet === null ? null : row.open('outlet', r.outlet),
    publishedAt: r.published_at,
    language: r.language,
    mentions: analysis.mentions,
    quotes: analysis.quotes,
    suggestions: analysis.suggestions,
    addedBy: asId(r.added_by),
    addedAt: r.added_at,
    feedId: r.feed_id === null ? null : asId(r.feed_id),
  };
};

const toStatement = (r: ActorStatementsTable, box: ProcessBox): ActorStatement => {
  const row = box.row('actor_statements', [r.id]);
  return {
    id: asId(r.id),
    processId: asId(r.process_id),
    compartmentId: asId(r.compartment_id),
    actorId: asId(r.actor_id),
    quote: row.open('quote', r.quote),
    language: r.language,
    url: r.url === null ? null : row.open('url', r.url),
    outlet: r.outlet === null ? null : row.open('outlet', r.outlet),
    statedOn: r.stated_on,
    stance: r.stance as Stance,
    articleId: r.article_id === null ? null : asId(r.article_id),
    confirmedBy: asId(r.confirmed_by),
    confirmedAt: r.confirmed_at,
    issueIds: (JSON.parse(r.issue_ids) as string[]).map((id) => asId<'Issue'>(id)),
    revision: r.revision,
  };
};

const toFeed = (r: MediaFeedsTable, box: ProcessBox): MediaFeed => {
  const row = box.row('media_feeds', [r.id]);
  return {
    id: asId(r.id),
    processId: asId(r.process_id),
    compartmentId: asId(r.compartment_id),
    url: row.open('url', r.url),
    title: row.open('title', r.title),
    seen: JSON.parse(row.open('seen', r.seen)) as string[],
    intervalMinutes: r.interval_minutes,
    lastFetchedAt: r.last_fetched_at,
    lastStatus: r.last_status as FeedStatus,
    lastError: r.last_error === null ? null : row.open('last_error', r.last_error),
    articlesAdded: r.articles_added,
    createdBy: asId(r.created_by),
    createdAt: r.created_at,
    revision: r.revision,
  };
};

/**
 * Actors, articles and statements in SQL; every read is filtered by `visibleTo`. Names, aliases,
 * Wikidata ids, notes and stance histories of actors, articles' texts, sources and analyses, and
 * statements' quotes and sources are encrypted at rest; kinds, languages, stances of statements
 * and dates stay readable for the media view's filters.
 */
export function mediaRepository(db: Kysely<DB>, sealer: Sealer): MediaStore {
  const actorValues = async (a: MediaActor) => {
    const row = (await sealer.writer(a.processId)).row('media_actors', [a.id]);
    return {
      compartment_id: a.compartmentId,
      kind: a.kind,
      name: row.seal('name', a.name),
      aliases: row.seal('aliases', JSON.stringify(a.aliases)),
      wikidata_id: a.wikidataId === null ? null : row.seal('wikidata_id', a.wikidataId),
      notes: row.seal('notes', a.notes),
      stances: row.seal('stances', JSON.stringify(a.stances)),
      updated_at: a.stances[a.stances.length - 1]?.setAt ?? a.createdAt,
      revision: a.revision,
    };
  };
  const feedValues = async (f: MediaFeed) => {
    const row = (await sealer.writer(f.processId)).row('media_feeds', [f.id]);
    return {
      compartment_id: f.compartmentId,
      url: row.seal('url', f.url),
      title: row.seal('title', f.title),
      seen: row.seal('seen', JSON.stringify(f.seen)),
      interval_minutes: f.intervalMinutes,
      last_fetched_at: f.lastFetchedAt,
      last_status: f.lastStatus,
      last_error: f.lastError === null ? null : row.seal('last_error', f.lastError),
      articles_added: f.articlesAdded,
      revision: f.revision,
    };
  };
  return {
    async insertActor(a) {
      await db
        .insertInto('media_actors')
        .values({
          id: a.id,
          process_id: a.processId,
          created_by: a.createdBy,
          created_at: a.createdAt,
          ...(await actorValues(a)),
        })
        .execute();
    },
    async updateActor(a, expectedRevision) {
      const res = await db
        .updateTable('media_actors')
        .set(await actorValues(a))
        .where('id', '=', a.id)
        .where('revision', '=', expectedRevision)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async findActor(id, visible) {
      const r = await db
        .selectFrom('media_actors')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(visible))
        .executeTakeFirst();
      return r && toActor(r, await sealer.reader(r.process_id));
    },
    async listActors(processId, visible) {
      const rows = await db
        .selectFrom('media_actors')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const box = await sealer.reader(processId);
      return rows.map((r) => toActor(r, box));
    },
    async insertArticle(a) {
      const row = (await sealer.writer(a.processId)).row('articles', [a.id]);
      const analysis: StoredAnalysis = {
        mentions: a.mentions,
        quotes: a.quotes,
        suggestions: a.suggestions,
      };
      await db
        .insertInto('articles')
        .values({
          id: a.id,
          process_id: a.processId,
          compartment_id: a.compartmentId,
          title: row.seal('title', a.title),
          text: row.seal('text', a.text),
          url: a.url === null ? null : row.seal('url', a.url),
          outlet: a.outlet === null ? null : row.seal('outlet', a.outlet),
          published_at: a.publishedAt,
          language: a.language,
          analysis: row.seal('analysis', JSON.stringify(analysis)),
          added_by: a.addedBy,
          added_at: a.addedAt,
          feed_id: a.feedId,
        })
        .execute();
    },
    async findArticle(id, visible) {
      const r = await db
        .selectFrom('articles')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(visible))
        .executeTakeFirst();
      return r && toArticle(r, await sealer.reader(r.process_id));
    },
    async listArticles(processId, visible) {
      const rows = await db
        .selectFrom('articles')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .orderBy('added_at', 'desc')
        .orderBy('id')
        .execute();
      const box = await sealer.reader(processId);
      return rows.map((r) => toArticle(r, box));
    },
    async insertStatement(s) {
      const row = (await sealer.writer(s.processId)).row('actor_statements', [s.id]);
      await db
        .insertInto('actor_statements')
        .values({
          id: s.id,
          process_id: s.processId,
          compartment_id: s.compartmentId,
          actor_id: s.actorId,
          quote: row.seal('quote', s.quote),
          language: s.language,
          url: s.url === null ? null : row.seal('url', s.url),
          outlet: s.outlet === null ? null : row.seal('outlet', s.outlet),
          stated_on: s.statedOn,
          stance: s.stance,
          article_id: s.articleId,
          confirmed_by: s.confirmedBy,
          confirmed_at: s.confirmedAt,
          issue_ids: JSON.stringify(s.issueIds),
          revision: s.revision,
        })
        .execute();
    },
    async updateStatement(s, expectedRevision) {
      const res = await db
        .updateTable('actor_statements')
        .set({ issue_ids: JSON.stringify(s.issueIds), revision: s.revision })
        .where('id', '=', s.id)
        .where('revision', '=', expectedRevision)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async insertFeed(f) {
      await db
        .insertInto('media_feeds')
        .values({
          id: f.id,
          process_id: f.processId,
          created_by: f.createdBy,
          created_at: f.createdAt,
          ...(await feedValues(f)),
        })
        .execute();
    },
    async updateFeed(f, expectedRevision) {
      const res = await db
        .updateTable('media_feeds')
        .set(await feedValues(f))
        .where('id', '=', f.id)
        .where('revision', '=', expectedRevision)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async deleteFeed(id) {
      await db.deleteFrom('media_feeds').where('id', '=', id).execute();
    },
    async findFeed(id, visible) {
      const r = await db
        .selectFrom('media_feeds')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(visible))
        .executeTakeFirst();
      return r && toFeed(r, await sealer.reader(r.process_id));
    },
    async listFeeds(processId, visible) {
      const rows = await db
        .selectFrom('media_feeds')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const box = await sealer.reader(processId);
      return rows.map((r) => toFeed(r, box));
    },
    async listFeedSchedule() {
      const rows = await db
        .selectFrom('media_feeds')
        .select(['id', 'process_id', 'compartment_id', 'interval_minutes', 'last_fetched_at'])
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: asId<'MediaFeed'>(r.id),
        processId: asId<'Process'>(r.process_id),
        compartmentId: asId<'Compartment'>(r.compartment_id),
        intervalMinutes: r.interval_minutes,
        lastFetchedAt: r.last_fetched_at,
      }));
    },
    async listStatements(processId, visible) {
      const rows = await db
        .selectFrom('actor_statements')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .orderBy('stated_on')
        .orderBy('confirmed_at')
        .orderBy('id')
        .execute();
      const box = await sealer.reader(processId);
      return rows.map((r) => toStatement(r, box));
    },
    async findStatement(id, visible) {
      const r = await db
        .selectFrom('actor_statements')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(visible))
        .executeTakeFirst();
      return r && toStatement(r, await sealer.reader(r.process_id));
    },
  };
}
