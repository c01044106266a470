import type { Actor } from '../../access/policy.js';
import { answeringParty } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { MinutesApproval, MinutesKind } from '../../rounds/model.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { ProcessId, RoundId, RoundSessionId } from '../../shared/ids.js';
import { openRound } from './round-context.js';
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
    const rc = await openRound(s, input.actor, input.processId, input.roundId);
    const session = await s.rounds.findSession(input.sessionId, rc.visible);
    if (!session || session.roundId !== rc.round.id) throw notFound('Session');
    const minutes = await s.rounds.findMinutes(session.id, input.kind, rc.visible);
    if (!minutes) throw notFound('Minutes');
    if (minutes.kind !== 'plenary')
      throw new DomainError(
        'RULE_VIOLATION',
        "The mediators' own minutes are not approved by the parties.",
      );
    const partyId = answeringParty(rc.membership);
    if (!partyId)
      throw new DomainError(
        'FORBIDDEN',
        "Only a party's head of delegation approves minutes for it.",
      );
    if (input.hash !== minutes.hash)
      throw new DomainError(
        'STALE_REVISION',
        'The minutes changed since you read them; read the current text before approving.',
        { hash: minutes.hash, revision: minutes.revision },
      );
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
