import type { Actor } from '../../access/policy.js';
import type { MediaActor } from '../../media/model.js';
import type { Deps } from '../../ports.js';
import type { ProcessId } from '../../shared/ids.js';
import { auditListing } from './media-view.js';
import { openMedia } from './media-context.js';

/** The actors the reader may see in a process, every register it reads. Listing is audited. */
export async function listActors(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<MediaActor[]> {
  return deps.db.transaction(async (s) => {
    const m = await openMedia(s, input.actor, input.processId);
    const actors = await s.media.listActors(input.processId, m.visible);
    await auditListing(s, m, input.actor, 'actors', actors);
    return actors;
  });
}
