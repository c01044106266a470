import type { Actor } from '../../access/policy.js';
import { requireWrite } from '../../access/policy.js';
import type { FeedId } from '../../media/model.js';
import type { Deps } from '../../ports.js';
import type { ProcessId } from '../../shared/ids.js';
import { findVisibleFeed, openMedia } from './media-context.js';

/** Stops following a feed; the articles it brought in stay. Audited in its compartment. */
export async function removeFeed(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; feedId: FeedId },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const m = await openMedia(s, input.actor, input.processId);
    const { feed, compartment } = await findVisibleFeed(s, m, input.feedId);
    requireWrite(m.ctx.membership, compartment, 'Feed');
    await s.media.deleteFeed(feed.id);
    await s.audit.append({
      kind: 'media_feed.removed',
      data: { feedId: feed.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: compartment.id,
    });
  });
}
