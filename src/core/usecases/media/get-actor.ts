import type { Actor } from '../../access/policy.js';
import type { ActorStatement, MediaActor, MediaActorId } from '../../media/model.js';
import type { Deps } from '../../ports.js';
import type { ProcessId } from '../../shared/ids.js';
import { findVisibleActor, openMedia } from './media-context.js';

/** An actor with its timeline: the statements the reader may see, by date. */
export interface ActorWithTimeline {
  /** The actor, with its stance history. */
  actor: MediaActor;
  /** Its confirmed statements the reader may see, oldest first. */
  timeline: ActorStatement[];
}

/** Reads one actor and its timeline; an actor the reader may not see answers NOT_FOUND. Audited. */
export async function getActor(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; actorId: MediaActorId },
): Promise<ActorWithTimeline> {
  return deps.db.transaction(async (s) => {
    const m = await openMedia(s, input.actor, input.processId);
    const { actor, compartment } = await findVisibleActor(s, m, input.actorId);
    const timeline = (await s.media.listStatements(input.processId, m.visible)).filter(
      (st) => st.actorId === actor.id,
    );
    await s.audit.append({
      kind: 'media_actor.read',
      data: { actorId: actor.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: compartment.id,
    });
    return { actor, timeline };
  });
}
