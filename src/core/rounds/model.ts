/**
 * Rounds and sessions (C3): a round of talks with its dates, a venue that only its invitees see,
 * confidentiality rules each participant acknowledges before first access, a status that may pause
 * "for consultations with principals", and sessions in several formats with their agenda,
 * attendance and minutes.
 */
import type { Party } from '../process/model.js';
import type {
  CompartmentId,
  ConsultationId,
  IssueId,
  MinutesId,
  PartyId,
  ProcessId,
  RoundId,
  RoundSessionId,
  UserId,
} from '../shared/ids.js';

/** Where a round stands. */
export const roundStatuses = ['planned', 'in_progress', 'in_consultations', 'closed'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

const roundTransitions: Record<RoundStatus, readonly RoundStatus[]> = {
  planned: ['in_progress', 'closed'],
  in_progress: ['in_consultations', 'closed'],
  in_consultations: ['in_progress', 'closed'],
  closed: [],
};

/** Whether a round may move between two statuses (closed is final; consultations pause a round). */
export function canTransitionRound(from: RoundStatus, to: RoundStatus): boolean {
  return roundTransitions[from].includes(to);
}

/** The rules a new round starts with unless its organisers write their own. */
export const defaultConfidentialityRules = [
  'I will not disclose the venue, dates, participants or content of this round to anyone outside the people invited to it.',
  'I will keep the material of each compartment inside that compartment and will not copy it to insecure channels.',
  'Nothing is agreed until everything is agreed; nothing said here is attributed outside the talks.',
].join('\n');

/** A round of talks. Its existence, number, title, dates and status are known to every member. */
export interface Round {
  /** Stable id. */
  id: RoundId;
  /** The process. */
  processId: ProcessId;
  /** 1, 2, 3 … per process. */
  number: number;
  /** Title, e.g. "Second round"; it must not name the venue. */
  title: string;
  /** First day (YYYY-MM-DD). */
  startsOn: string;
  /** Last day (YYYY-MM-DD), on or after the first. */
  endsOn: string;
  /** The venue: shown only to invitees who have acknowledged the rules, never sent to anyone else. */
  venue: string;
  /** The confidentiality rules each participant acknowledges before first access. */
  rules: string;
  /** SHA-256 of `rules`: an acknowledgement is bound to it, so changed rules ask again. */
  rulesHash: string;
  /** Where it stands. */
  status: RoundStatus;
  /** The members invited to it (they, and only they, may see the venue). */
  invitees: UserId[];
  /** Increases with every change; edits name the revision they start from. */
  revision: number;
  /** Who created it. */
  createdBy: UserId;
  /** Created (ISO 8601). */
  createdAt: string;
  /** Last changed (ISO 8601). */
  updatedAt: string;
}

/** A member's acknowledgement of a round's confidentiality rules, bound to their hash. */
export interface Acknowledgement {
  /** The round. */
  roundId: RoundId;
  /** Who acknowledged. */
  userId: UserId;
  /** The hash of the rules they acknowledged. */
  rulesHash: string;
  /** When (ISO 8601). */
  acknowledgedAt: string;
}

/** Whether a user's acknowledgements cover the round's current rules. */
export function hasAcknowledged(round: Round, acks: readonly Acknowledgement[]): boolean {
  return acks.some((a) => a.roundId === round.id && a.rulesHash === round.rulesHash);
}

/** Problems with a round's dates: real dates, the last not before the first. */
export function roundDateProblems(startsOn: string, endsOn: string): string[] {
  const problems: string[] = [];
  if (!isDate(startsOn)) problems.push('startsOn is not a date (YYYY-MM-DD)');
  if (!isDate(endsOn)) problems.push('endsOn is not a date (YYYY-MM-DD)');
  if (problems.length === 0 && endsOn < startsOn)
    problems.push('the round cannot end before it starts');
  return problems;
}

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The formats of a session. */
export const sessionFormats = ['plenary', 'caucus', 'bilateral', 'shuttle', 'proximity'] as const;
export type SessionFormat = (typeof sessionFormats)[number];

/** Whether a format belongs to one party (a caucus, or a bilateral with the mediators). */
export function formatNeedsParty(format: SessionFormat): boolean {
  return format === 'caucus' || format === 'bilateral';
}

/**
 * The kind of compartment a session (its schedule, agenda and attendance) lives in. Shuttle and
 * proximity sessions are scheduled in the plenary, since every party knows they take place, but
 * the parties never share a channel in them: their material goes to the bilateral channels.
 */
export function sessionCompartmentKind(format: SessionFormat): 'plenary' | 'caucus' | 'bilateral' {
  switch (format) {
    case 'plenary':
    case 'shuttle':
    case 'proximity':
      return 'plenary';
    case 'caucus':
      return 'caucus';
    case 'bilateral':
      return 'bilateral';
  }
}

/** Whether the parties share a channel in a format (not in shuttle and proximity talks). */
export function partiesShareChannel(format: SessionFormat): boolean {
  return format !== 'shuttle' && format !== 'proximity';
}

/**
 * Whether a thread about a session of this format may live in a compartment of this kind: in
 * shuttle and proximity sessions the parties never share a channel, so not the plenary (nor the
 * public compartment, which no session's thread belongs in).
 */
export function sessionThreadAllowedIn(
  format: SessionFormat,
  kind: 'public' | 'plenary' | 'mediators' | 'caucus' | 'bilateral',
): boolean {
  if (kind === 'public') return false;
  return kind !== 'plenary' || partiesShareChannel(format);
}

/** A session within a round. */
export interface RoundSession {
  /** Stable id. */
  id: RoundSessionId;
  /** The process. */
  processId: ProcessId;
  /** The round it belongs to. */
  roundId: RoundId;
  /** Where it lives: the plenary, or the party's caucus or bilateral channel. */
  compartmentId: CompartmentId;
  /** Its format. */
  format: SessionFormat;
  /** The party of a caucus or bilateral session; null otherwise. */
  partyId: PartyId | null;
  /** Title, e.g. "Opening plenary". */
  title: string;
  /** Start (ISO 8601, UTC). */
  startsAt: string;
  /** End (ISO 8601, UTC), after the start. */
  endsAt: string;
  /** Agenda items: issues of the process's agenda, in order. */
  agenda: IssueId[];
  /** The members who attended. */
  attendance: UserId[];
  /** Increases with every change (attendance); edits name the revision they start from. */
  revision: number;
  /** Who scheduled it. */
  createdBy: UserId;
  /** When (ISO 8601). */
  createdAt: string;
}

/** How far a session may stray from the round's calendar days, for time zones (UTC−12 … UTC+14). */
const timeZoneSlackMs = 14 * 3_600_000;

/**
 * Problems with a session's times: real instants, the end after the start, and within the
 * round's days (the round's dates are local days, the session's times UTC, so up to 14 hours
 * either side are allowed).
 */
export function sessionTimeProblems(
  round: Pick<Round, 'startsOn' | 'endsOn'>,
  startsAt: string,
  endsAt: string,
): string[] {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  if (Number.isNaN(start) || Number.isNaN(end)) return ['the times are not valid instants'];
  const problems: string[] = [];
  if (end <= start) problems.push('a session ends after it starts');
  const first = Date.parse(`${round.startsOn}T00:00:00Z`) - timeZoneSlackMs;
  const last = Date.parse(`${round.endsOn}T00:00:00Z`) + 86_400_000 + timeZoneSlackMs;
  if (start < first || end > last)
    problems.push(
      `the session falls outside the round's dates (${round.startsOn} to ${round.endsOn})`,
    );
  return problems;
}

/** The kinds of minutes: the mediator team's own, and the plenary's that every party approves. */
export const minutesKinds = ['mediators', 'plenary'] as const;
export type MinutesKind = (typeof minutesKinds)[number];

/**
 * Whether a session of a format keeps minutes of a kind: plenary minutes only of plenary sessions
 * (in shuttle and proximity talks the parties share no channel); the mediators' minutes of any
 * session they attend (not a party's caucus).
 */
export function minutesAllowed(kind: MinutesKind, format: SessionFormat): boolean {
  return kind === 'plenary' ? format === 'plenary' : format !== 'caucus';
}

/** The minutes of a session. */
export interface Minutes {
  /** Stable id. */
  id: MinutesId;
  /** The process. */
  processId: ProcessId;
  /** The session. */
  sessionId: RoundSessionId;
  /** The mediators' own or the plenary's. */
  kind: MinutesKind;
  /** The mediators' room, or the plenary. */
  compartmentId: CompartmentId;
  /** The text. */
  text: string;
  /** SHA-256 of the text: approvals are bound to it. */
  hash: string;
  /** Increases with every change; edits name the revision they start from. */
  revision: number;
  /** Last changed (ISO 8601). */
  updatedAt: string;
  /** Last changed by. */
  updatedBy: UserId;
}

/** A party's approval of plenary minutes, bound to the hash of the text it approved. */
export interface MinutesApproval {
  /** The minutes. */
  minutesId: MinutesId;
  /** The approving party. */
  partyId: PartyId;
  /** The hash of the text approved. */
  hash: string;
  /** Its head of delegation. */
  approvedBy: UserId;
  /** When (ISO 8601). */
  approvedAt: string;
}

/** How a party says no to plenary minutes. */
export type MinutesObjectionKind = 'rejected' | 'change_requested';

/** A party's rejection of, or request for a change to, the exact text of plenary minutes. */
export interface MinutesObjection {
  /** The minutes. */
  minutesId: MinutesId;
  /** The objecting party. */
  partyId: PartyId;
  /** The hash of the text objected to: a changed text resets it, as it resets approvals. */
  hash: string;
  /** Rejected outright, or a change asked for. */
  kind: MinutesObjectionKind;
  /** What the party says, for the mediators; shown to the mediator team and that party only. */
  comment: string;
  /** Its head of delegation. */
  by: UserId;
  /** When (ISO 8601). */
  at: string;
}

/** The parties whose approval a plenary text needs: every party that has not withdrawn. */
export function approvingParties(parties: readonly Party[]): PartyId[] {
  return parties.filter((p) => p.status !== 'withdrawn').map((p) => p.id);
}

/** The parties that have not yet approved the current text (approvals of another hash do not count). */
export function partiesAwaited(
  parties: readonly Party[],
  approvals: readonly MinutesApproval[],
  hash: string,
): PartyId[] {
  return approvingParties(parties).filter(
    (id) => !approvals.some((a) => a.partyId === id && a.hash === hash),
  );
}

/** A consultation with principals: the round pauses until a deadline for each party's answer. */
export interface Consultation {
  /** Stable id. */
  id: ConsultationId;
  /** The process. */
  processId: ProcessId;
  /** The round. */
  roundId: RoundId;
  /** The plenary: every party is consulted on the same thing. */
  compartmentId: CompartmentId;
  /** What the delegations take back to their principals. */
  subject: string;
  /** Answers are accepted until then (ISO 8601). */
  deadline: string;
  /** Opened (ISO 8601). */
  openedAt: string;
  /** Opened by. */
  openedBy: UserId;
  /** Closed when the round resumed or closed (ISO 8601). */
  closedAt: string | null;
}

/** The response form of a consultation. */
export const consultationAnswers = ['accept', 'accept_with_reservations', 'counter_text'] as const;
export type ConsultationAnswer = (typeof consultationAnswers)[number];

/** A party's answer to a consultation, kept in its bilateral channel with the mediators. */
export interface ConsultationResponse {
  /** The consultation. */
  consultationId: ConsultationId;
  /** The answering party. */
  partyId: PartyId;
  /** The party's bilateral channel. */
  compartmentId: CompartmentId;
  /** Accept, accept with reservations, or a counter-text. */
  kind: ConsultationAnswer;
  /** The reservations or the counter-text (may be empty for a plain accept). */
  text: string;
  /** Its head of delegation. */
  respondedBy: UserId;
  /** When (ISO 8601); a later answer before the deadline replaces an earlier one. */
  respondedAt: string;
}

/** Problems with an answer: reservations and counter-texts must say something. */
export function consultationAnswerProblems(kind: ConsultationAnswer, text: string): string[] {
  if (kind === 'accept') return [];
  return text.trim() === ''
    ? [
        kind === 'accept_with_reservations'
          ? 'an acceptance with reservations states the reservations'
          : 'a counter-text gives the text',
      ]
    : [];
}
