import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { MinutesKind, MinutesObjection, MinutesObjectionKind } from '../../rounds/model.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId, RoundId, RoundSessionId } from '../../shared/ids.js';
import { openMinutesToAnswer } from './minutes-context.js';
import { viewMinutes, type MinutesView } from './session-view.js';

/**
 * A party's head of delegation says no to the plenary minutes of a session as written: rejects
 * them, or asks for a change, with a comment for the mediators (seen by the mediator team and that
 * party only; the other parties see only that it said no). It names the SHA-256 of the text read
 * (a text changed since answers STALE_REVISION) and replaces the party's earlier answer, except
 * an approval of the same text, which stands (CONFLICT). A changed text resets it, as it resets
 * approvals.
 */
export async function objectToMinutes(
  deps: Deps<'db' | 'clock'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    roundId: RoundId;
    sessionId: RoundSessionId;
    kind: MinutesKind;
    hash: string;
    objection: MinutesObjectionKind;
    comment: string;
  },
): Promise<MinutesView> {
  return deps.db.transaction(async (s) => {
    const { rc, minutes, partyId } = await openMinutesToAnswer(s, input);
    const comment = input.comment.trim();
    if (comment === '')
      throw new DomainError(
        'RULE_VIOLATION',
        'Say what is wrong or what should change, so that the mediators can act on it.',
      );
    const approvals = await s.rounds.listMinutesApprovals([minutes.id]);
    if (approvals.some((a) => a.partyId === partyId && a.hash === minutes.hash))
      throw new DomainError(
        'CONFLICT',
        'Your party has approved these minutes; the approval stands until the text changes.',
      );
    const objection: MinutesObjection = {
      minutesId: minutes.id,
      partyId,
      hash: minutes.hash,
      kind: input.objection,
      comment,
      by: input.actor.userId,
      at: deps.clock.now().toISOString(),
    };
    await s.rounds.insertMinutesObjection(objection);
    await s.audit.append({
      kind: 'minutes.objected',
      data: { minutesId: minutes.id, partyId, hash: minutes.hash, objection: input.objection },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: minutes.compartmentId,
    });
    return viewMinutes(minutes, approvals, await s.processes.listParties(input.processId), {
      objections: await s.rounds.listMinutesObjections([minutes.id]),
      reader: rc.membership,
    });
  });
}
