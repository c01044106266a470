import { analyseText } from '../../media/analyse.js';
import { takeNewEntries } from '../../media/feeds.js';
import type { Article, MediaFeed } from '../../media/model.js';
import type { Deps, FeedReading, Stores } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import { asId } from '../../shared/ids.js';
import { mayName } from './media-context.js';

/** How a fetch of a feed went, as the feed records it. */
export interface FeedFetchResult {
  /** The feed after the fetch. */
  feed: MediaFeed;
  /** The articles it brought in. */
  added: Article[];
}

/**
 * Takes what a reading of a feed gave, in the caller's transaction: each new entry becomes an
 * article in the feed's compartment, analysed against the actors every reader of it may see (like
 * a pasted one), brought in in the name of the feed's creator; the feed records when it was
 * fetched, how that went and the entries it has taken. `by` is the person who asked for the
 * fetch, or null for the server's schedule. Audited in the feed's compartment.
 */
export async function takeReading(
  s: Stores,
  deps: Deps<'clock' | 'ids'>,
  input: { feed: MediaFeed; reading: FeedReading; by: string | null },
): Promise<FeedFetchResult> {
  const { feed, reading } = input;
  const now = deps.clock.now().toISOString();
  const added: Article[] = [];
  let next: MediaFeed;
  if (reading.ok) {
    const title = feed.title || reading.title.trim().slice(0, 200);
    const taken = takeNewEntries(feed.seen, reading.entries);
    if (taken.fresh.length > 0) {
      const compartments = await s.items.listCompartments(feed.processId);
      const where = compartments.find((c) => c.id === feed.compartmentId);
      const nameable = where
        ? compartments.filter((ac) => mayName(where, ac)).map((ac) => ac.id)
        : [];
      const register = (await s.media.listActors(feed.processId, nameable)).map((a) => ({
        id: a.id,
        kind: a.kind,
        name: a.name,
        aliases: a.aliases.map((x) => x.text),
      }));
      for (const e of taken.fresh) {
        const analysis = analyseText(e.articleText, register);
        const article: Article = {
          id: asId(deps.ids.newId()),
          processId: feed.processId,
          compartmentId: feed.compartmentId,
          title: e.title.trim().slice(0, 500),
          text: e.articleText,
          url: e.url,
          outlet: title || null,
          publishedAt: e.publishedAt,
          language: analysis.language,
          mentions: analysis.mentions,
          quotes: analysis.quotes,
          suggestions: analysis.suggestions,
          addedBy: feed.createdBy,
          addedAt: now,
          feedId: feed.id,
        };
        await s.media.insertArticle(article);
        await s.audit.append({
          kind: 'article.added',
          data: { articleId: article.id },
          actorUserId: input.by,
          processId: feed.processId,
          compartmentId: feed.compartmentId,
        });
        added.push(article);
      }
    }
    next = {
      ...feed,
      title,
      seen: taken.seen,
      lastFetchedAt: now,
      lastStatus: 'ok',
      lastError: null,
      articlesAdded: feed.articlesAdded + added.length,
      revision: feed.revision + 1,
    };
  } else {
    next = {
      ...feed,
      lastFetchedAt: now,
      lastStatus: 'error',
      lastError: JSON.stringify(reading.problem),
      revision: feed.revision + 1,
    };
  }
  if (!(await s.media.updateFeed(next, feed.revision)))
    throw new DomainError(
      'STALE_REVISION',
      'The feed changed while it was being fetched; try again.',
    );
  await s.audit.append({
    kind: 'media_feed.fetched',
    data: { feedId: feed.id, added: added.length, ok: reading.ok },
    actorUserId: input.by,
    processId: feed.processId,
    compartmentId: feed.compartmentId,
  });
  return { feed: next, added };
}
