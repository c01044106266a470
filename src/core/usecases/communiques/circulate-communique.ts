import type { Actor } from '../../access/policy.js';
import { canRelease } from '../../access/policy.js';
import type { Communique } from '../../communiques/model.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { CommuniqueId, ProcessId } from '../../shared/ids.js';
import { compartmentOf } from '../process-context.js';
import { viewCommunique, type CommuniqueView } from './communique-view.js';
import { findVisibleCommunique } from './communique-context.js';

/**
 * The lead mediator circulates a draft for approval: an audited release from the mediators' room
 * to the plenary, where the parties see it for the first time. The lead mediator names the hash of
 * the wording they circulate.
 */
export async function circulateCommunique(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; processId: ProcessId; communiqueId: CommuniqueId; hash: string },
): Promise<CommuniqueView> {
  return deps.db.transaction(async (s) => {
    const now = deps.clock.now();
    const { communique: old, ctx } = await findVisibleCommunique(
      s,
      input.actor,
      input.processId,
      input.communiqueId,
      now,
    );
    const from = compartmentOf(ctx, old.compartmentId);
    const plenary = ctx.compartments.find((c) => c.kind === 'plenary');
    if (!plenary) throw notFound('Compartment');
    if (old.state !== 'draft')
      throw new DomainError(
        'INVALID_TRANSITION',
        `This ${old.kind.replace('_', ' ')} has already been circulated.`,
      );
    if (!canRelease(ctx.membership, from, plenary))
      throw new DomainError(
        'FORBIDDEN',
        'Only the lead mediator circulates drafts to the parties.',
      );
    if (input.hash !== old.hash)
      throw new DomainError(
        'STALE_REVISION',
        'The wording changed since you read it; review it before circulating.',
        {
          hash: old.hash,
        },
      );
    const next: Communique = {
      ...old,
      state: 'circulated',
      compartmentId: plenary.id,
      revision: old.revision + 1,
      updatedAt: now.toISOString(),
    };
    if (!(await s.communiques.updateCommunique(next, old.revision)))
      throw new DomainError('STALE_REVISION', 'The wording changed while circulating; try again.');
    await s.audit.append({
      kind: 'communique.circulated',
      data: { communiqueId: old.id, from: from.id, to: plenary.id, hash: old.hash },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: plenary.id,
    });
    const parties = await s.processes.listParties(input.processId);
    return viewCommunique(next, [], parties, ctx.compartments, now);
  });
}
