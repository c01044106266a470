import type { Actor } from '../../access/policy.js';
import { canRelease } from '../../access/policy.js';
import { isWider } from '../../access/compartments.js';
import type { MediaActor, MediaActorId } from '../../media/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { CompartmentId, ProcessId } from '../../shared/ids.js';
import { compartmentOf } from '../process-context.js';
import { findVisibleActor, openMedia } from './media-context.js';

/**
 * Releases an actor's register entry to a wider compartment, like any item: an explicit, audited
 * act of those who release that compartment's material.
 */
export async function releaseActor(
  deps: Deps<'db'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    actorId: MediaActorId;
    to: CompartmentId;
    baseRevision: number;
  },
): Promise<MediaActor> {
  return deps.db.transaction(async (s) => {
    const m = await openMedia(s, input.actor, input.processId);
    const { actor, compartment: from } = await findVisibleActor(s, m, input.actorId);
    const to = compartmentOf(m.ctx, input.to);
    if (!isWider(from, to))
      throw new DomainError(
        'RULE_VIOLATION',
        'An actor can only be released to a wider compartment.',
      );
    if (!canRelease(m.ctx.membership, from, to))
      throw new DomainError(
        'FORBIDDEN',
        'Your role may not release material from this compartment.',
      );
    if (actor.revision !== input.baseRevision)
      throw new DomainError('STALE_REVISION', "The actor's entry changed since you opened it.", {
        current: { revision: actor.revision },
      });
    const released: MediaActor = { ...actor, compartmentId: to.id, revision: actor.revision + 1 };
    if (!(await s.media.updateActor(released, actor.revision)))
      throw new DomainError('STALE_REVISION', "The actor's entry changed meanwhile; try again.");
    await s.audit.append({
      kind: 'media_actor.released',
      data: { actorId: actor.id, from: from.id, to: to.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: to.id,
    });
    return released;
  });
}
