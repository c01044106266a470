import type { Actor } from '../../access/policy.js';
import { canOrganiseRounds } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { Round } from '../../rounds/model.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId, RoundId, UserId } from '../../shared/ids.js';
import { openRound, requireMembers, viewRound, type RoundView } from './round-context.js';

/** Replaces a round's invitation list (who may see its venue), from a named revision. */
export async function setRoundInvitees(
  deps: Deps<'db' | 'clock'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    roundId: RoundId;
    baseRevision: number;
    invitees: UserId[];
  },
): Promise<RoundView> {
  return deps.db.transaction(async (s) => {
    const rc = await openRound(s, input.actor, input.processId, input.roundId);
    if (!canOrganiseRounds(rc.membership))
      throw new DomainError(
        'FORBIDDEN',
        'Only the facilitator and the mediator team invite to rounds.',
      );
    if (rc.round.revision !== input.baseRevision)
      throw new DomainError(
        'STALE_REVISION',
        'The round changed since you opened it; review it again.',
        {
          currentRevision: rc.round.revision,
        },
      );
    const members = await s.processes.listMembers(input.processId);
    requireMembers(input.invitees, members, 'invited');
    const next: Round = {
      ...rc.round,
      invitees: [...input.invitees],
      revision: rc.round.revision + 1,
      updatedAt: deps.clock.now().toISOString(),
    };
    if (!(await s.rounds.updateRound(next, rc.round.revision)))
      throw new DomainError('STALE_REVISION', 'The round changed while saving; try again.');
    await s.audit.append({
      kind: 'round.invitees_changed',
      data: { roundId: next.id, invitees: next.invitees.length },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    return viewRound(next, rc.membership, rc.acknowledged, members);
  });
}
