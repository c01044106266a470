/**
 * Joint communiqués and press lines (C8). The mediators draft in their room; they circulate the
 * draft to the plenary for approval; each party's head of delegation and the lead mediator approve
 * the exact wording (bound to its SHA-256, so any change resets every approval); the lead mediator
 * releases it once all have approved. Released, it is visible to the process's members at once and
 * public from its embargo time, computed from the clock. Released communiqués are numbered. A
 * release may hold a short undo window (a few minutes' embargo set at release): until it is
 * public, the lead mediator can withdraw it, and it is circulated again, its approvals intact.
 * Public statements by the parties are logged beside the agreed line.
 */
import type { Party } from '../process/model.js';
import type {
  CommuniqueId,
  CompartmentId,
  PartyId,
  ProcessId,
  RoundId,
  StatementId,
  UserId,
} from '../shared/ids.js';

/** A numbered joint communiqué, or a press line (the agreed line to take, unnumbered). */
export const communiqueKinds = ['communique', 'press_line'] as const;
export type CommuniqueKind = (typeof communiqueKinds)[number];

/** Drafted in the mediators' room, circulated to the plenary for approval, released. */
export const communiqueStates = ['draft', 'circulated', 'released'] as const;
export type CommuniqueState = (typeof communiqueStates)[number];

/** A communiqué or press line. */
export interface Communique {
  /** Stable id. */
  id: CommuniqueId;
  /** The process. */
  processId: ProcessId;
  /** Communiqué or press line. */
  kind: CommuniqueKind;
  /** 1, 2, 3 … per process, given at release to communiqués; null before, and for press lines. */
  number: number | null;
  /** Title. */
  title: string;
  /** The wording. */
  text: string;
  /** Public from this time once released (ISO 8601); null: public at release. */
  embargoUntil: string | null;
  /** Where it stands. */
  state: CommuniqueState;
  /** The mediators' room while a draft; the plenary once circulated (and released). */
  compartmentId: CompartmentId;
  /** The round it concerns, if any. */
  roundId: RoundId | null;
  /** SHA-256 of `canonicalWording`: what every approval is bound to. */
  hash: string;
  /** Increases with every change; edits name the revision they start from. */
  revision: number;
  /** Drafted by. */
  createdBy: UserId;
  /** Drafted (ISO 8601). */
  createdAt: string;
  /** Last changed (ISO 8601). */
  updatedAt: string;
  /** Released (ISO 8601). */
  releasedAt: string | null;
  /** Released by. */
  releasedBy: UserId | null;
  /** From when it is public (ISO 8601): the later of release and embargo; null until released. */
  publicFrom: string | null;
}

/**
 * The exact thing the approvers approve, as one string: kind, title, wording and embargo, in a
 * fixed order. Its SHA-256 is the communiqué's hash.
 */
export function canonicalWording(
  c: Pick<Communique, 'kind' | 'title' | 'text' | 'embargoUntil'>,
): string {
  return JSON.stringify({
    kind: c.kind,
    title: c.title,
    text: c.text,
    embargoUntil: c.embargoUntil,
  });
}

/** An approval of a communiqué's wording by a party or by the mediator team. */
export interface CommuniqueApproval {
  /** The communiqué. */
  communiqueId: CommuniqueId;
  /** The approving party; null for the mediator team. */
  partyId: PartyId | null;
  /** The hash of the wording approved. */
  hash: string;
  /** Its head of delegation, or the lead mediator. */
  approvedBy: UserId;
  /** When (ISO 8601). */
  approvedAt: string;
}

/** How a party says no to a circulated wording. */
export type ObjectionKind = 'rejected' | 'change_requested';

/** A party's rejection of, or request for a change to, the exact wording circulated. */
export interface CommuniqueObjection {
  /** The communiqué. */
  communiqueId: CommuniqueId;
  /** The objecting party. */
  partyId: PartyId;
  /** The hash of the wording objected to: a changed wording resets it, as it resets approvals. */
  hash: string;
  /** Rejected outright, or a change asked for. */
  kind: ObjectionKind;
  /** What the party says, for the mediators; shown to the mediator team and that party only. */
  comment: string;
  /** Its head of delegation. */
  by: UserId;
  /** When (ISO 8601). */
  at: string;
}

/** Who must approve: every party that has not withdrawn, and the mediator team (null). */
export function requiredApprovers(parties: readonly Party[]): Array<PartyId | null> {
  return [...parties.filter((p) => p.status !== 'withdrawn').map((p) => p.id), null];
}

/** The approvers still missing for the current wording (an approval of another hash counts for nothing). */
export function approversAwaited(
  parties: readonly Party[],
  approvals: readonly CommuniqueApproval[],
  hash: string,
): Array<PartyId | null> {
  return requiredApprovers(parties).filter(
    (who) => !approvals.some((a) => a.partyId === who && a.hash === hash),
  );
}

/** From when a communiqué released at `releasedAt` is public: its embargo, if later. */
export function publicFromOf(releasedAt: string, embargoUntil: string | null): string {
  return embargoUntil !== null && embargoUntil > releasedAt ? embargoUntil : releasedAt;
}

/**
 * The longest undo window a release may hold (minutes): a short embargo set at release, during
 * which the lead mediator can still withdraw it. Longer delays belong in the approved embargo.
 */
export const maxReleaseHoldMinutes = 30;

/**
 * From when a communiqué released at `now` with an undo window of `holdMinutes` is public: the
 * end of the window or its approved embargo, whichever is later.
 */
export function publicFromWithHold(
  now: Date,
  holdMinutes: number,
  embargoUntil: string | null,
): string {
  return publicFromOf(new Date(now.getTime() + holdMinutes * 60_000).toISOString(), embargoUntil);
}

/**
 * Whether a release can still be withdrawn at a time: released, and not yet public. Once public
 * it has been read outside the process and cannot be taken back.
 */
export function isWithdrawableAt(c: Pick<Communique, 'state' | 'publicFrom'>, now: Date): boolean {
  return c.state === 'released' && c.publicFrom !== null && c.publicFrom > now.toISOString();
}

/** Whether a communiqué is public at a time: released, and its embargo has passed. */
export function isPublicAt(c: Pick<Communique, 'publicFrom'>, now: Date): boolean {
  return c.publicFrom !== null && c.publicFrom <= now.toISOString();
}

/** A party's public statement, logged in the plenary beside the agreed line. */
export interface PublicStatement {
  /** Stable id. */
  id: StatementId;
  /** The process. */
  processId: ProcessId;
  /** The plenary, where parties and mediators compare it with the agreed line. */
  compartmentId: CompartmentId;
  /** Whose statement. */
  partyId: PartyId;
  /** The round after which it was made, if any. */
  roundId: RoundId | null;
  /** The released communiqué or press line it is compared with, if any. */
  agreedLineId: CommuniqueId | null;
  /** Where it was made (a video, a speech, an interview). */
  source: string;
  /** When it was made (YYYY-MM-DD). */
  statedOn: string;
  /** What was said. */
  text: string;
  /** The mediators' note on how it departs from the agreed line, once raised. */
  divergence: string | null;
  /** Who logged it. */
  recordedBy: UserId;
  /** When (ISO 8601). */
  recordedAt: string;
}
