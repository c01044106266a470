import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { MinutesApproval, MinutesKind } from '../../rounds/model.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId, RoundId, RoundSessionId } from '../../shared/ids.js';
import { openMinutesToAnswer } from './minutes-context.js';
import { viewMinutes, type MinutesView } from './session-view.js';

/**
 * A party's head of delegation approves the plenary minutes of a session, naming the SHA-256 of
 * the text they read: a text changed since answers STALE_REVISION with the current hash.
 */
export async function approveMinutes(
  deps: Deps<'db' | 'clock'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    roundId: RoundId;
    sessionId: RoundSessionId;
    kind: MinutesKind;
    hash: string;
  },
): Promise<MinutesView> {
  return deps.db.transaction(async (s) => {
    const { minutes, partyId } = await openMinutesToAnswer(s, input);
    const approvals = await s.rounds.listMinutesApprovals([minutes.id]);
    if (approvals.some((a) => a.partyId === partyId && a.hash === minutes.hash))
      throw new DomainError('CONFLICT', 'Your party has already approved these minutes.');
    const approval: MinutesApproval = {
      minutesId: minutes.id,
      partyId,
      hash: minutes.hash,
      approvedBy: input.actor.userId,
      approvedAt: deps.clock.now().toISOString(),
    };
    await s.rounds.insertMinutesApproval(approval);
    await s.audit.append({
      kind: 'minutes.approved',
      data: { minutesId: minutes.id, partyId, hash: minutes.hash },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: minutes.compartmentId,
    });
    return viewMinutes(
      minutes,
      [...approvals, approval],
      await s.processes.listParties(input.processId),
    );
  });
}
