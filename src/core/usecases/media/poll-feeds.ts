import { isDue } from '../../media/feeds.js';
import type { Deps } from '../../ports.js';
import { takeReading } from './feed-rules.js';

/** What one round of the schedule did. */
export interface PollResult {
  /** Feeds fetched. */
  fetched: number;
  /** Of them, those whose fetch failed (the error is recorded on the feed). */
  failed: number;
  /** Articles brought in. */
  added: number;
}

/**
 * One round of the server's schedule: fetches every feed that is due, one after another, and
 * takes each reading in a transaction of its own, so one feed's failure costs no other its
 * articles. A system act: audited with no person, in each feed's compartment.
 */
export async function pollFeeds(
  deps: Deps<'db' | 'clock' | 'ids' | 'feeds'>,
  _input: Record<string, never> = {},
): Promise<PollResult> {
  const now = deps.clock.now();
  const schedule = await deps.db.transaction((s) => s.media.listFeedSchedule());
  const result: PollResult = { fetched: 0, failed: 0, added: 0 };
  for (const due of schedule.filter((f) => isDue(f, now))) {
    const url = await deps.db.transaction(
      async (s) => (await s.media.findFeed(due.id, [due.compartmentId]))?.url,
    );
    if (url === undefined) continue;
    const reading = await deps.feeds.read(url);
    const taken = await deps.db.transaction(async (s) => {
      const feed = await s.media.findFeed(due.id, [due.compartmentId]);
      // Removed, moved or changed while it was fetched: the next round will see it as it is.
      if (!feed || feed.url !== url || feed.lastFetchedAt !== due.lastFetchedAt) return null;
      return takeReading(s, deps, { feed, reading, by: null });
    });
    if (!taken) continue;
    result.fetched += 1;
    if (!reading.ok) result.failed += 1;
    result.added += taken.added.length;
  }
  return result;
}
