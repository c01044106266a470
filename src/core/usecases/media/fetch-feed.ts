import type { Actor } from '../../access/policy.js';
import { requireWrite } from '../../access/policy.js';
import type { FeedId } from '../../media/model.js';
import type { Deps } from '../../ports.js';
import { notFound } from '../../shared/errors.js';
import type { ProcessId } from '../../shared/ids.js';
import { takeReading, type FeedFetchResult } from './feed-rules.js';
import { findVisibleFeed, openMedia } from './media-context.js';

/**
 * Fetches a feed now, at a person's request, instead of waiting for the schedule. The network is
 * read outside any transaction; what it gave is taken in a second one, which opens the process and
 * the feed again (the person may have lost access, or the feed been removed, meanwhile).
 */
export async function fetchFeed(
  deps: Deps<'db' | 'clock' | 'ids' | 'feeds'>,
  input: { actor: Actor; processId: ProcessId; feedId: FeedId },
): Promise<FeedFetchResult> {
  const url = await deps.db.transaction(async (s) => {
    const m = await openMedia(s, input.actor, input.processId);
    const { feed, compartment } = await findVisibleFeed(s, m, input.feedId);
    requireWrite(m.ctx.membership, compartment, 'Feed');
    return feed.url;
  });
  const reading = await deps.feeds.read(url);
  return deps.db.transaction(async (s) => {
    const m = await openMedia(s, input.actor, input.processId);
    const { feed, compartment } = await findVisibleFeed(s, m, input.feedId);
    requireWrite(m.ctx.membership, compartment, 'Feed');
    if (feed.url !== url) throw notFound('Feed');
    return takeReading(s, deps, { feed, reading, by: input.actor.userId });
  });
}
