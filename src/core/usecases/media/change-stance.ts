import type { Actor } from '../../access/policy.js';
import { requireWrite } from '../../access/policy.js';
import type { MediaActor, MediaActorId, Stance } from '../../media/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId } from '../../shared/ids.js';
import { findVisibleActor, openMedia } from './media-context.js';

/**
 * Records a person's judgement of an actor's stance from a date on, with the reason: the history
 * grows, nothing earlier is overwritten. Needs the revision the person saw.
 */
export async function changeStance(
  deps: Deps<'db' | 'clock'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    actorId: MediaActorId;
    stance: Stance;
    since: string;
    reason: string;
    baseRevision: number;
  },
): Promise<MediaActor> {
  return deps.db.transaction(async (s) => {
    const m = await openMedia(s, input.actor, input.processId);
    const { actor, compartment } = await findVisibleActor(s, m, input.actorId);
    requireWrite(m.ctx.membership, compartment, 'Actor');
    if (actor.revision !== input.baseRevision)
      throw new DomainError(
        'STALE_REVISION',
        "The actor's entry changed since you opened it; review its stance history first.",
        { current: { revision: actor.revision } },
      );
    const changed: MediaActor = {
      ...actor,
      stances: [
        ...actor.stances,
        {
          stance: input.stance,
          since: input.since,
          reason: input.reason.trim(),
          setBy: input.actor.userId,
          setAt: deps.clock.now().toISOString(),
        },
      ],
      revision: actor.revision + 1,
    };
    if (!(await s.media.updateActor(changed, actor.revision)))
      throw new DomainError('STALE_REVISION', "The actor's entry changed meanwhile; try again.");
    await s.audit.append({
      kind: 'media_actor.stance_changed',
      data: { actorId: actor.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: compartment.id,
    });
    return changed;
  });
}
