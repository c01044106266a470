/**
 * Taking a feed's entries: which are new (never taken before, by guid or link), what text each
 * becomes, and what the feed remembers afterwards. Pure; the fetching is the FeedReader port's.
 *
 * - An entry is new when its key is not among the keys the feed remembers, nor repeated earlier
 *   in the same reading (feeds do list an entry twice).
 * - At most `perFetch` new entries are taken at once, oldest first as the feed lists them newest
 *   first, so a feed with a long backlog fills in over several fetches, not all in one.
 * - An entry with neither text nor title is skipped but remembered: it would never become an
 *   article.
 * - The feed remembers at most `feedMemory` keys, the most recent ones.
 */
import { feedMemory, type FeedEntry, type MediaFeed } from './model.js';

/** How many new entries one fetch of a feed brings in at most. */
export const entriesPerFetch = 50;
/** The longest article text Parley keeps (the same bound as a pasted article). */
export const maxArticleLength = 200_000;

/** The entries of a reading to bring in, and the keys the feed remembers afterwards. */
export interface TakenEntries {
  /** New entries, in the order to bring them in, each with its article text. */
  fresh: Array<FeedEntry & { articleText: string }>;
  /** The keys to remember. */
  seen: string[];
}

/** The article text of an entry: its text, else its title; trimmed and bounded. */
export function articleTextOf(e: FeedEntry): string {
  const text = e.text.trim() || e.title.trim();
  return text.slice(0, maxArticleLength);
}

/** Which entries of a reading are new, and what the feed remembers after taking them. */
export function takeNewEntries(
  seen: readonly string[],
  entries: readonly FeedEntry[],
  perFetch = entriesPerFetch,
): TakenEntries {
  const known = new Set(seen);
  const fresh: TakenEntries['fresh'] = [];
  const remembered = [...seen];
  // Feeds list the newest first: walk from the oldest so that articles arrive in their order.
  for (const e of [...entries].reverse()) {
    if (fresh.length >= perFetch) break;
    if (!e.key || known.has(e.key)) continue;
    known.add(e.key);
    remembered.push(e.key);
    const articleText = articleTextOf(e);
    if (articleText) fresh.push({ ...e, articleText });
  }
  return { fresh, seen: remembered.slice(-feedMemory) };
}

/** Whether a feed is due at `now`: never fetched, or its interval has passed since. */
export function isDue(f: Pick<MediaFeed, 'intervalMinutes' | 'lastFetchedAt'>, now: Date): boolean {
  return (
    f.lastFetchedAt === null ||
    Date.parse(f.lastFetchedAt) + f.intervalMinutes * 60_000 <= now.getTime()
  );
}
