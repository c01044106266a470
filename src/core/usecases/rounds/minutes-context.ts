/** Opening a session's plenary minutes for a party's answer: the step approving and objecting share. */
import type { Actor } from '../../access/policy.js';
import { answeringParty } from '../../access/policy.js';
import type { Stores } from '../../ports.js';
import type { Minutes, MinutesKind } from '../../rounds/model.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { PartyId, ProcessId, RoundId, RoundSessionId } from '../../shared/ids.js';
import { openRound, type RoundContext } from './round-context.js';

/** Plenary minutes a party's head of delegation may answer, as read by them. */
export interface MinutesToAnswer {
  rc: RoundContext;
  minutes: Minutes;
  /** The party the actor answers for. */
  partyId: PartyId;
}

/**
 * Opens the minutes of a session that the actor answers for their party: minutes the actor may
 * not read answer NOT_FOUND; the mediators' own minutes are not the parties' to answer; only a
 * head of delegation answers; `hash` must be the SHA-256 of the current text (STALE_REVISION
 * with the current hash otherwise).
 */
export async function openMinutesToAnswer(
  s: Stores,
  input: {
    actor: Actor;
    processId: ProcessId;
    roundId: RoundId;
    sessionId: RoundSessionId;
    kind: MinutesKind;
    hash: string;
  },
): Promise<MinutesToAnswer> {
  const rc = await openRound(s, input.actor, input.processId, input.roundId);
  const session = await s.rounds.findSession(input.sessionId, rc.visible);
  if (!session || session.roundId !== rc.round.id) throw notFound('Session');
  const minutes = await s.rounds.findMinutes(session.id, input.kind, rc.visible);
  if (!minutes) throw notFound('Minutes');
  if (minutes.kind !== 'plenary')
    throw new DomainError(
      'RULE_VIOLATION',
      "The mediators' own minutes are not the parties' to answer.",
    );
  const partyId = answeringParty(rc.membership);
  if (!partyId)
    throw new DomainError(
      'FORBIDDEN',
      "Each party's head of delegation answers minutes for the party; the mediators change them instead.",
    );
  if (input.hash !== minutes.hash)
    throw new DomainError(
      'STALE_REVISION',
      'The minutes changed since you read them; read the current text before answering.',
      { hash: minutes.hash, revision: minutes.revision },
    );
  return { rc, minutes, partyId };
}
