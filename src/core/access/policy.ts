/**
 * The access policy: the one place that decides who may do what. Pure functions over
 * (actor, action, compartment). Use cases ask it before every read and write; repositories apply
 * its answer in SQL through `visibleTo`. What an actor may not read answers NOT_FOUND, exactly like
 * what does not exist.
 */
import type { Compartment } from './compartments.js';
import { isWider } from './compartments.js';
import type { Membership } from '../process/model.js';
import type { SessionFormat } from '../rounds/model.js';
import { isDelegationRole, isMediatorRole } from '../process/model.js';
import type { CompartmentId, PartyId, ProcessId, UserId } from '../shared/ids.js';
import { DomainError, notFound } from '../shared/errors.js';

/** Who is asking: a signed-in user with their memberships. */
export interface Actor {
  /** The user. */
  userId: UserId;
  /** A system administrator (facilitator admin): may create processes and accounts. */
  isAdmin: boolean;
  /** Whether this session was opened with a second factor. */
  mfa: boolean;
  /** Whether this session was opened with a passkey (which also counts as a second factor). */
  passkey: boolean;
  /** The user's memberships, one per process at most. */
  memberships: readonly Membership[];
}

/** Actions on material inside a compartment. */
export type CompartmentAction = 'read' | 'write';

/** Actions on a process as a whole. */
export type ProcessAction =
  | 'view' // see the process, its title, parties and members
  | 'manage' // change set-up: parties, links, status, invitations
  | 'invite' // issue invitations
  | 'change_status' // move the process through its states
  | 'view_audit'; // read the process's audit log

/** The actor's membership in a process, if any. */
export function membershipIn(actor: Actor, processId: ProcessId): Membership | undefined {
  return actor.memberships.find((m) => m.processId === processId);
}

/** Whether a membership may read the compartment (by role, or by explicit grant). */
export function canReadCompartment(m: Membership | undefined, c: Compartment): boolean {
  if (!m || m.processId !== c.processId) return false;
  if (c.kind === 'public') return true;
  if (m.grants.includes(c.id)) return true;
  const role = m.role;
  switch (c.kind) {
    case 'plenary':
      return isMediatorRole(role) || isDelegationRole(role);
    case 'mediators':
      return isMediatorRole(role);
    case 'bilateral':
      return isMediatorRole(role) || (isDelegationRole(role) && m.partyId === c.partyId);
    case 'caucus':
      return isDelegationRole(role) && m.partyId === c.partyId;
  }
}

/**
 * Whether a membership may add material to the compartment. Guarantors and observers only read;
 * the public compartment is written only by release, or by the mediator team.
 */
export function canWriteCompartment(m: Membership | undefined, c: Compartment): boolean {
  if (!m || !canReadCompartment(m, c)) return false;
  if (!isMediatorRole(m.role) && !isDelegationRole(m.role)) return false;
  if (c.kind === 'public') return isMediatorRole(m.role);
  return true;
}

/**
 * Whether a membership may release material from one compartment to a wider one. A party's own
 * material (caucus, bilateral) is released only by its head of delegation; the mediators' room and
 * plenary only by the lead mediator. The releaser must be able to read both sides.
 */
export function canRelease(m: Membership | undefined, from: Compartment, to: Compartment): boolean {
  if (!m || !isWider(from, to)) return false;
  if (!canReadCompartment(m, from) || !canReadCompartment(m, to)) return false;
  switch (from.kind) {
    case 'caucus':
    case 'bilateral':
      return m.role === 'head_of_delegation' && m.partyId === from.partyId;
    case 'mediators':
    case 'plenary':
      return m.role === 'lead_mediator';
    case 'public':
      return false;
  }
}

/** Whether a membership may perform a process-level action. */
export function canOnProcess(m: Membership | undefined, action: ProcessAction): boolean {
  if (!m) return false;
  switch (action) {
    case 'view':
      return true;
    case 'manage':
    case 'invite':
      return m.role === 'facilitator' || m.role === 'lead_mediator';
    case 'change_status':
      return m.role === 'facilitator' || m.role === 'lead_mediator';
    case 'view_audit':
      return m.role === 'facilitator' || m.role === 'lead_mediator';
  }
}

/** The ids of the compartments the actor may read in a process: the input of `visibleTo`. */
export function readableCompartmentIds(
  actor: Actor,
  processId: ProcessId,
  compartments: readonly Compartment[],
): CompartmentId[] {
  const m = membershipIn(actor, processId);
  return compartments.filter((c) => canReadCompartment(m, c)).map((c) => c.id);
}

/** How a process requires its members to have signed in. */
export interface SignInRequirements {
  /** A second factor (an authenticator code or a passkey). */
  requireTotp: boolean;
  /** A passkey. */
  requirePasskey: boolean;
}

/** Whether a session's sign-in (second factor, passkey) meets what a process requires. */
export function meetsSignInRequirements(
  signIn: Pick<Actor, 'mfa' | 'passkey'>,
  requirements: SignInRequirements,
): boolean {
  return (
    (!requirements.requirePasskey || signIn.passkey) && (!requirements.requireTotp || signIn.mfa)
  );
}

/**
 * Asserts the actor may see the process at all; otherwise NOT_FOUND, as if it did not exist.
 * A process that requires a passkey refuses sessions opened without one, and a process that
 * requires a second factor refuses sessions opened without one; only members learn either.
 */
export function requireProcessView(
  actor: Actor,
  processId: ProcessId,
  requirements: SignInRequirements,
): Membership {
  const m = membershipIn(actor, processId);
  if (!m) throw notFound('Process');
  if (requirements.requirePasskey && !actor.passkey)
    throw new DomainError(
      'PASSKEY_REQUIRED_BY_PROCESS',
      'This process requires signing in with a passkey. Register a passkey on your account page if you have none, then sign out and sign in with it.',
    );
  if (requirements.requireTotp && !actor.mfa)
    throw new DomainError(
      'MFA_REQUIRED_BY_PROCESS',
      'This process requires signing in with a second factor (an authenticator code or a passkey).',
    );
  return m;
}

/** Asserts a process-level action, after the process is known to be visible. */
export function requireOnProcess(m: Membership, action: ProcessAction): void {
  if (!canOnProcess(m, action))
    throw new DomainError(
      'FORBIDDEN',
      `Your role (${m.role}) may not ${action.replace('_', ' ')} this process.`,
    );
}

/** Asserts the compartment is readable, else NOT_FOUND. */
export function requireRead(m: Membership | undefined, c: Compartment, what: string): void {
  if (!canReadCompartment(m, c)) throw notFound(what);
}

/** Asserts the compartment is writable: NOT_FOUND if unreadable, FORBIDDEN if only readable. */
export function requireWrite(m: Membership | undefined, c: Compartment, what: string): void {
  requireRead(m, c, what);
  if (!canWriteCompartment(m, c))
    throw new DomainError('FORBIDDEN', `You may read but not add to this compartment.`);
}

/** Whether a membership may shape the agenda (issues and their options). */
export function canEditAgenda(m: Membership | undefined): boolean {
  return !!m && (m.role === 'facilitator' || isMediatorRole(m.role));
}

/** Whether a membership may record a party's public demand: its delegation, or the mediators. */
export function canRecordDemand(m: Membership | undefined, partyId: PartyId): boolean {
  if (!m) return false;
  return isMediatorRole(m.role) || (isDelegationRole(m.role) && m.partyId === partyId);
}

/** Who a proposal is tabled by: a party's delegation, or the mediator team. */
export type Tabler = { kind: 'party'; partyId: PartyId } | { kind: 'mediators' };

/**
 * Whether a membership may table a proposal in a compartment. A party's head or delegate tables
 * for their own party, to the plenary or to their bilateral channel with the mediators; the lead
 * mediator and mediators table to the plenary, any bilateral channel, or their own room.
 */
export function tablerFor(m: Membership | undefined, c: Compartment): Tabler | null {
  if (!m || !canWriteCompartment(m, c)) return null;
  if ((m.role === 'head_of_delegation' || m.role === 'delegate') && m.partyId) {
    const own = c.kind === 'plenary' || (c.kind === 'bilateral' && c.partyId === m.partyId);
    return own ? { kind: 'party', partyId: m.partyId } : null;
  }
  if (m.role === 'lead_mediator' || m.role === 'mediator')
    return c.kind === 'plenary' || c.kind === 'bilateral' || c.kind === 'mediators'
      ? { kind: 'mediators' }
      : null;
  return null;
}

/** Whether a membership may answer, for its party, a proposal it can read and did not table. */
export function canRespond(
  m: Membership | undefined,
  c: Compartment,
  tabledByParty: PartyId | null,
): m is Membership & { partyId: PartyId } {
  return (
    !!m &&
    m.role === 'head_of_delegation' &&
    !!m.partyId &&
    m.partyId !== tabledByParty &&
    canReadCompartment(m, c)
  );
}

/** Whether a membership holds the pen on the negotiating text: the lead mediator and mediators. */
export function canHoldPen(m: Membership | undefined): boolean {
  return !!m && (m.role === 'lead_mediator' || m.role === 'mediator');
}

/** Whether a membership is its party's authorised signatory (the head of delegation). */
export function isSignatory(m: Membership | undefined): m is Membership & { partyId: PartyId } {
  return !!m && m.role === 'head_of_delegation' && !!m.partyId;
}

/** Whether a membership may propose amendments for its party (head of delegation or delegate). */
export function canProposeAmendment(
  m: Membership | undefined,
): m is Membership & { partyId: PartyId } {
  return !!m && (m.role === 'head_of_delegation' || m.role === 'delegate') && !!m.partyId;
}

// ---- Rounds and sessions (C3) ------------------------------------------------------------------

/**
 * Whether a membership organises rounds: sets them up, invites to them and moves their status.
 * The facilitator (who runs the logistics) and the mediator team.
 */
export function canOrganiseRounds(m: Membership | undefined): boolean {
  return !!m && (m.role === 'facilitator' || isMediatorRole(m.role));
}

/** Whether a membership may put a round into consultations (the subject is plenary material). */
export function canOpenConsultations(m: Membership | undefined): boolean {
  return !!m && isMediatorRole(m.role);
}

/**
 * Whether the venue of a round may be shown to a reader: only to someone invited to it, and only
 * once they have acknowledged its confidentiality rules. Everyone else gets "venue withheld".
 */
export function canSeeVenue(
  userId: UserId,
  invitees: readonly UserId[],
  acknowledged: boolean,
): boolean {
  return acknowledged && invitees.includes(userId);
}

/**
 * Whether a reader may see that someone is invited to a round. Each party has its own invitation
 * and logistics: organisers see the whole list, a party's delegation its own members and the
 * mediator team, anyone else only themselves.
 */
export function canSeeInvitee(reader: Membership, invitee: Membership): boolean {
  if (reader.userId === invitee.userId || canOrganiseRounds(reader)) return true;
  if (isDelegationRole(reader.role))
    return isMediatorRole(invitee.role) || invitee.partyId === reader.partyId;
  return false;
}

/**
 * Whether a membership may schedule a session of a format in its compartment: a party's head or
 * delegate schedules its own caucus; the mediator team every other format.
 */
export function canScheduleSession(
  m: Membership | undefined,
  format: SessionFormat,
  c: Compartment,
): boolean {
  if (!m || !canWriteCompartment(m, c)) return false;
  if (format === 'caucus')
    return (
      (m.role === 'head_of_delegation' || m.role === 'delegate') &&
      c.kind === 'caucus' &&
      m.partyId === c.partyId
    );
  return isMediatorRole(m.role);
}

/**
 * Whether a reader of a session may see one of its attendees. In shuttle and proximity sessions
 * the parties never share a channel, so a party's members see only their own delegation and
 * those who belong to no party; in every other format whoever sees the session sees who came.
 */
export function canSeeAttendee(
  reader: Membership,
  sharedChannel: boolean,
  attendee: { partyId: PartyId | null },
): boolean {
  if (sharedChannel || !isDelegationRole(reader.role)) return true;
  return attendee.partyId === null || attendee.partyId === reader.partyId;
}

/** Whether a membership keeps minutes and records attendance: the mediator team, note-takers included. */
export function canKeepMinutes(m: Membership | undefined): boolean {
  return !!m && isMediatorRole(m.role);
}

/**
 * The party a membership answers for — approving plenary minutes, answering a consultation: its
 * head of delegation only; null for everyone else.
 */
export function answeringParty(m: Membership | undefined): PartyId | null {
  return m && m.role === 'head_of_delegation' && m.partyId ? m.partyId : null;
}

// ---- Messages (C8) ----------------------------------------------------------------------------

/**
 * Whether a membership may relay a message between two channels: the lead mediator or a mediator,
 * from one party's bilateral channel to another party's, reading both.
 */
export function canRelay(m: Membership | undefined, from: Compartment, to: Compartment): boolean {
  if (!m || (m.role !== 'lead_mediator' && m.role !== 'mediator')) return false;
  if (from.kind !== 'bilateral' || to.kind !== 'bilateral' || from.partyId === to.partyId)
    return false;
  return canReadCompartment(m, from) && canWriteCompartment(m, to);
}

/**
 * Whether a reader of a relayed message may see where it came from and which mediator relayed it:
 * only the mediator team, reading the original's channel. Everyone else reads "relayed by the
 * mediators" and nothing more.
 */
export function canSeeRelaySource(m: Membership | undefined, source: Compartment): boolean {
  return !!m && isMediatorRole(m.role) && canReadCompartment(m, source);
}

// ---- Communiqués and press lines (C8) ---------------------------------------------------------

/** Whether a membership drafts and edits communiqués and press lines: the mediator team. */
export function canDraftCommunique(m: Membership | undefined): boolean {
  return !!m && isMediatorRole(m.role);
}

/**
 * Whom a membership approves a communiqué's wording for: its party (a head of delegation), the
 * mediator team (the lead mediator), or nobody (null).
 */
export function communiqueApproverFor(
  m: Membership | undefined,
): { kind: 'party'; partyId: PartyId } | { kind: 'mediators' } | null {
  if (!m) return null;
  if (m.role === 'lead_mediator') return { kind: 'mediators' };
  const party = answeringParty(m);
  return party ? { kind: 'party', partyId: party } : null;
}

/** Whether a membership releases an approved communiqué: the lead mediator, who releases plenary material. */
export function canReleaseCommunique(m: Membership | undefined): boolean {
  return !!m && m.role === 'lead_mediator';
}

/** Whether a membership may log a party's public statement: its delegation, or the mediators. */
export function canLogStatement(m: Membership | undefined, partyId: PartyId): boolean {
  return canRecordDemand(m, partyId);
}

/** Whether a membership may raise a divergence from the agreed line: the mediator team. */
export function canRaiseDivergence(m: Membership | undefined): boolean {
  return !!m && isMediatorRole(m.role);
}

/**
 * Whether a member may be told that something happened: events about material in a compartment
 * follow that compartment; process-level events (status, parties, people) go to every member.
 * The caller has checked that the member's session meets the process's sign-in requirements
 * (`requireProcessView`, or `meetsSignInRequirements` where nothing may be refused aloud).
 */
export function canSeeEvent(m: Membership | undefined, c: Compartment | null): boolean {
  if (!m) return false;
  return c === null ? true : canReadCompartment(m, c);
}

/**
 * Whether a membership plans and records implementation (C10): creates commitments and themes,
 * moves levels on released evidence, imports — the mediators who held the pen on the text.
 */
export function canPlanImplementation(m: Membership | undefined): boolean {
  return canHoldPen(m);
}

/**
 * Where a member's evidence for a commitment is first kept, or null if the member may not submit
 * it: a responsible party's head or delegate in the party's caucus; the mediator team in its room;
 * a guarantor or observer (who has no room) straight in the plenary, if they read it.
 */
export function evidenceRoomFor(
  m: Membership | undefined,
  compartments: readonly Compartment[],
  responsible: readonly PartyId[],
): Compartment | null {
  if (!m) return null;
  const find = (pred: (c: Compartment) => boolean) => compartments.find(pred) ?? null;
  if (m.role === 'head_of_delegation' || m.role === 'delegate')
    return m.partyId && responsible.includes(m.partyId)
      ? find((c) => c.kind === 'caucus' && c.partyId === m.partyId)
      : null;
  if (isMediatorRole(m.role)) return find((c) => c.kind === 'mediators');
  if (m.role === 'guarantor' || m.role === 'observer') {
    const plenary = find((c) => c.kind === 'plenary');
    return plenary && canReadCompartment(m, plenary) ? plenary : null;
  }
  return null;
}

/** Whether a membership verifies or disputes implementation levels: guarantors and observers. */
export function canVerifyLevels(m: Membership | undefined): boolean {
  return !!m && (m.role === 'guarantor' || m.role === 'observer');
}

/** Whether a membership may resolve a dispute: the lead mediator, or whoever raised it. */
export function canResolveDispute(m: Membership | undefined, raisedBy: UserId): boolean {
  return !!m && (m.role === 'lead_mediator' || m.userId === raisedBy);
}
