import type { Actor } from '../../access/policy.js';
import { canReleaseCommunique } from '../../access/policy.js';
import { isWithdrawableAt, type Communique } from '../../communiques/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { CommuniqueId, ProcessId } from '../../shared/ids.js';
import { viewCommunique, type CommuniqueView } from './communique-view.js';
import { findVisibleCommunique } from './communique-context.js';

/**
 * The lead mediator withdraws a release before it is public (within its undo window or its
 * embargo): the communiqué is circulated again, its approvals of the same wording intact, and it
 * gives back its number. Once public it cannot be withdrawn (RULE_VIOLATION); nor can a communiqué
 * whose number a later release follows, which would leave a gap in the numbering.
 */
export async function withdrawCommunique(
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
    if (!canReleaseCommunique(ctx.membership))
      throw new DomainError(
        'FORBIDDEN',
        'Only the lead mediator withdraws a release, as only the lead mediator releases.',
      );
    if (old.state !== 'released')
      throw new DomainError(
        'INVALID_TRANSITION',
        'It has not been released; there is nothing to withdraw.',
      );
    if (!isWithdrawableAt(old, now))
      throw new DomainError(
        'RULE_VIOLATION',
        'It is public already and cannot be withdrawn; issue a correction instead.',
        { publicFrom: old.publicFrom },
      );
    if (input.hash !== old.hash)
      throw new DomainError(
        'STALE_REVISION',
        'The wording is not the one you read; read it again.',
        {
          hash: old.hash,
        },
      );
    if (
      old.number !== null &&
      (await s.communiques.latestCommuniqueNumber(input.processId)) > old.number
    )
      throw new DomainError(
        'RULE_VIOLATION',
        'A later communiqué has been numbered since; withdraw that one first, so the numbering has no gap.',
      );
    const at = now.toISOString();
    const next: Communique = {
      ...old,
      state: 'circulated',
      number: null,
      revision: old.revision + 1,
      updatedAt: at,
      releasedAt: null,
      releasedBy: null,
      publicFrom: null,
    };
    if (!(await s.communiques.updateCommunique(next, old.revision)))
      throw new DomainError('STALE_REVISION', 'It changed while withdrawing; try again.');
    await s.audit.append({
      kind: 'communique.withdrawn',
      data: {
        communiqueId: old.id,
        number: old.number,
        hash: old.hash,
        publicFrom: old.publicFrom ?? at,
      },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: old.compartmentId,
    });
    const parties = await s.processes.listParties(input.processId);
    const approvals = await s.communiques.listApprovals([old.id]);
    return viewCommunique(next, approvals, parties, ctx.compartments, now);
  });
}
