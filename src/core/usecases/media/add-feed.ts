import type { Actor } from '../../access/policy.js';
import { requireWrite } from '../../access/policy.js';
import type { MediaFeed } from '../../media/model.js';
import type { Deps } from '../../ports.js';
import { asId, type CompartmentId, type ProcessId } from '../../shared/ids.js';
import { openMedia, targetCompartment } from './media-context.js';

/** The default time between two fetches of a feed, in minutes. */
export const defaultFeedInterval = 30;

/** What following a feed takes. */
export interface AddFeedInput {
  /** Who adds it. */
  actor: Actor;
  /** The process. */
  processId: ProcessId;
  /** Where its articles go; by default the mediators' room (or the party's caucus). */
  compartmentId?: CompartmentId;
  /** The feed's address. */
  url: string;
  /** A name for it; the feed's own title once fetched, if none. */
  title?: string;
  /** Minutes between fetches. */
  intervalMinutes?: number;
}

/**
 * Follows an RSS or Atom feed: the server fetches it on its schedule (the first time at its next
 * round), and each new entry becomes an article in the compartment chosen. Audited there.
 */
export async function addFeed(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: AddFeedInput,
): Promise<MediaFeed> {
  return deps.db.transaction(async (s) => {
    const m = await openMedia(s, input.actor, input.processId);
    const c = targetCompartment(m, input.compartmentId);
    requireWrite(m.ctx.membership, c, 'Compartment');
    const feed: MediaFeed = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      compartmentId: c.id,
      url: input.url,
      title: input.title?.trim() ?? '',
      seen: [],
      intervalMinutes: input.intervalMinutes ?? defaultFeedInterval,
      lastFetchedAt: null,
      lastStatus: 'never',
      lastError: null,
      articlesAdded: 0,
      createdBy: input.actor.userId,
      createdAt: deps.clock.now().toISOString(),
      revision: 1,
    };
    await s.media.insertFeed(feed);
    await s.audit.append({
      kind: 'media_feed.added',
      data: { feedId: feed.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: c.id,
    });
    return feed;
  });
}
