/** Shared steps of the round use cases: opening a round, the acknowledgement gate, the round as one member sees it. */
import type { Actor } from '../../access/policy.js';
import { canSeeInvitee, canSeeVenue, readableCompartmentIds } from '../../access/policy.js';
import type { Membership } from '../../process/model.js';
import type { Stores } from '../../ports.js';
import { hasAcknowledged, type Round } from '../../rounds/model.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { CompartmentId, ProcessId, RoundId, UserId } from '../../shared/ids.js';
import { openProcess, type ProcessContext } from '../process-context.js';

/** A round opened by one member. */
export interface RoundContext extends ProcessContext {
  /** The round. */
  round: Round;
  /** Whether the member has acknowledged the round's current rules. */
  acknowledged: boolean;
  /** The compartments the member may read. */
  visible: CompartmentId[];
}

/** The venue as a reader gets it: the venue itself, or the reason it is withheld (never both). */
export type VenueView =
  | { withheld: false; name: string }
  | { withheld: true; reason: 'not_invited' | 'not_acknowledged' };

/** A round as one member sees it. */
export interface RoundView {
  /** The round's set-up fields, known to every member. */
  round: Omit<Round, 'venue' | 'invitees'>;
  /** The venue, or why it is withheld. */
  venue: VenueView;
  /** Whether the reader is invited. */
  invited: boolean;
  /** Whether the reader has acknowledged the current rules. */
  acknowledged: boolean;
  /** The invitees the reader may know of, with their names. */
  invitees: Array<{ userId: UserId; displayName: string }>;
}

/**
 * Loads a round of a process the actor may see (NOT_FOUND otherwise, as if it did not exist) and,
 * unless told not to, insists that the actor has acknowledged its rules (ACKNOWLEDGEMENT_REQUIRED).
 */
export async function openRound(
  s: Stores,
  actor: Actor,
  processId: ProcessId,
  roundId: RoundId,
  options: { requireAcknowledgement: boolean } = { requireAcknowledgement: true },
): Promise<RoundContext> {
  const ctx = await openProcess(s, actor, processId);
  const round = await s.rounds.findRound(roundId);
  if (!round || round.processId !== processId) throw notFound('Round');
  const acknowledged = hasAcknowledged(
    round,
    await s.rounds.listAcknowledgements(actor.userId, [round.id]),
  );
  if (options.requireAcknowledgement) requireAcknowledged(round, acknowledged);
  return {
    ...ctx,
    round,
    acknowledged,
    visible: readableCompartmentIds(actor, processId, ctx.compartments),
  };
}

/** The acknowledgement gate: a clear 403 that says what to do, with the hash to acknowledge. */
export function requireAcknowledged(round: Round, acknowledged: boolean): void {
  if (!acknowledged)
    throw new DomainError(
      'ACKNOWLEDGEMENT_REQUIRED',
      `Round ${round.number} opens once you have acknowledged its confidentiality rules.`,
      { roundId: round.id, rulesHash: round.rulesHash },
    );
}

/** A round as the reader sees it: the venue only for invitees who acknowledged, invitees by the policy. */
export function viewRound(
  round: Round,
  reader: Membership,
  acknowledged: boolean,
  members: ReadonlyArray<Membership & { displayName: string }>,
): RoundView {
  const { venue, invitees, ...rest } = round;
  const invited = invitees.includes(reader.userId);
  return {
    round: rest,
    venue: canSeeVenue(reader.userId, invitees, acknowledged)
      ? { withheld: false, name: venue }
      : { withheld: true, reason: invited ? 'not_acknowledged' : 'not_invited' },
    invited,
    acknowledged,
    invitees: members
      .filter((m) => invitees.includes(m.userId) && canSeeInvitee(reader, m))
      .map((m) => ({ userId: m.userId, displayName: m.displayName })),
  };
}

/** Checks that every user named is a member of the process; RULE_VIOLATION naming those who are not. */
export function requireMembers(
  userIds: readonly UserId[],
  members: ReadonlyArray<Membership>,
  what: string,
): void {
  const strangers = userIds.filter((u) => !members.some((m) => m.userId === u));
  if (strangers.length)
    throw new DomainError(
      'RULE_VIOLATION',
      `Only members of the process can be ${what}: ${strangers.join(', ')} is not one.`,
      { notMembers: strangers },
    );
  if (new Set(userIds).size !== userIds.length)
    throw new DomainError('RULE_VIOLATION', `Someone is named twice among those ${what}.`);
}
