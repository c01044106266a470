import type { Actor } from '../../access/policy.js';
import { canReleaseCommunique } from '../../access/policy.js';
import {
  approversAwaited,
  maxReleaseHoldMinutes,
  publicFromWithHold,
  type Communique,
} from '../../communiques/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { CommuniqueId, ProcessId } from '../../shared/ids.js';
import { viewCommunique, type CommuniqueView } from './communique-view.js';
import { findVisibleCommunique } from './communique-context.js';

/**
 * The lead mediator releases a circulated communiqué once every party and the mediator team have
 * approved its current wording. A communiqué takes the next number of the process. It stays in
 * the plenary and is public from its embargo time (at once without one): visibility is computed
 * from the clock, so no job has to run when the embargo lapses. `holdMinutes` (up to
 * `maxReleaseHoldMinutes`) holds it back that long more, an undo window in which it can still be
 * withdrawn (`withdrawCommunique`).
 */
export async function releaseCommunique(
  deps: Deps<'db' | 'clock'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    communiqueId: CommuniqueId;
    hash: string;
    /** Minutes before it is public, during which it can be withdrawn; 0 or absent for none. */
    holdMinutes?: number;
  },
): Promise<CommuniqueView> {
  const hold = input.holdMinutes ?? 0;
  if (!Number.isInteger(hold) || hold < 0 || hold > maxReleaseHoldMinutes)
    throw new DomainError(
      'INVALID_INPUT',
      `The undo window is a whole number of minutes from 0 to ${maxReleaseHoldMinutes}.`,
    );
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
        'Only the lead mediator releases communiqués and press lines.',
      );
    if (old.state !== 'circulated')
      throw new DomainError(
        'INVALID_TRANSITION',
        old.state === 'draft'
          ? 'Circulate the draft for approval before releasing it.'
          : 'It has already been released.',
      );
    if (input.hash !== old.hash)
      throw new DomainError(
        'STALE_REVISION',
        'The wording changed since you read it; review it before releasing.',
        {
          hash: old.hash,
        },
      );
    const parties = await s.processes.listParties(input.processId);
    const approvals = await s.communiques.listApprovals([old.id]);
    const awaiting = approversAwaited(parties, approvals, old.hash);
    if (awaiting.length) {
      const names = awaiting.map(
        (p) => parties.find((x) => x.id === p)?.code ?? 'the mediator team',
      );
      throw new DomainError(
        'RULE_VIOLATION',
        `Not everyone has approved this wording yet: ${names.join(', ')}.`,
        { awaiting },
      );
    }
    const at = now.toISOString();
    const next: Communique = {
      ...old,
      state: 'released',
      number:
        old.kind === 'communique'
          ? (await s.communiques.latestCommuniqueNumber(input.processId)) + 1
          : null,
      revision: old.revision + 1,
      updatedAt: at,
      releasedAt: at,
      releasedBy: input.actor.userId,
      publicFrom: publicFromWithHold(now, hold, old.embargoUntil),
    };
    if (!(await s.communiques.updateCommunique(next, old.revision)))
      throw new DomainError('STALE_REVISION', 'The wording changed while releasing; try again.');
    await s.audit.append({
      kind: 'communique.released',
      data: {
        communiqueId: old.id,
        number: next.number,
        hash: old.hash,
        publicFrom: next.publicFrom ?? at,
      },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: old.compartmentId,
    });
    return viewCommunique(next, approvals, parties, ctx.compartments, now);
  });
}
