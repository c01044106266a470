import type { Actor } from '../../access/policy.js';
import type { MediaFeed } from '../../media/model.js';
import type { Deps } from '../../ports.js';
import type { ProcessId } from '../../shared/ids.js';
import { openMedia } from './media-context.js';
import { auditListing } from './media-view.js';

/** The feeds the reader may see, with how their last fetch went. Listing is audited. */
export async function listFeeds(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<MediaFeed[]> {
  return deps.db.transaction(async (s) => {
    const m = await openMedia(s, input.actor, input.processId);
    const feeds = await s.media.listFeeds(input.processId, m.visible);
    await auditListing(s, m, input.actor, 'feeds', feeds);
    return feeds;
  });
}
