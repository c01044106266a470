import type {
  CompartmentId,
  InvitationId,
  PartyId,
  ProcessId,
  SeatId,
  UserId,
} from '../shared/ids.js';

/** Where a process stands. Concluded is final, with or without an agreement. */
export const processStatuses = [
  'exploratory',
  'active',
  'suspended',
  'concluded_agreement',
  'concluded_no_agreement',
] as const;
export type ProcessStatus = (typeof processStatuses)[number];

/** Allowed status changes: exploratory → active ⇄ suspended → concluded (either way). */
const transitions: Record<ProcessStatus, readonly ProcessStatus[]> = {
  exploratory: ['active', 'concluded_no_agreement'],
  active: ['suspended', 'concluded_agreement', 'concluded_no_agreement'],
  suspended: ['active', 'concluded_agreement', 'concluded_no_agreement'],
  concluded_agreement: [],
  concluded_no_agreement: [],
};

/** Whether the process state machine allows moving from one status to another. */
export function canTransition(from: ProcessStatus, to: ProcessStatus): boolean {
  return transitions[from].includes(to);
}

/** A party's own standing in the process: it may suspend its participation or withdraw. */
export const partyStatuses = ['participating', 'suspended', 'withdrawn'] as const;
export type PartyStatus = (typeof partyStatuses)[number];

const partyTransitions: Record<PartyStatus, readonly PartyStatus[]> = {
  participating: ['suspended', 'withdrawn'],
  suspended: ['participating', 'withdrawn'],
  withdrawn: [],
};

/** Whether a party may move from one standing to another (withdrawal is final). */
export function canTransitionParty(from: PartyStatus, to: PartyStatus): boolean {
  return partyTransitions[from].includes(to);
}

/** Roles a person can hold in one process. */
export const roles = [
  'facilitator',
  'lead_mediator',
  'mediator',
  'secretariat',
  'head_of_delegation',
  'delegate',
  'adviser',
  'guarantor',
  'observer',
] as const;
export type Role = (typeof roles)[number];

/** The mediator team: holds the pen, sees plenary, its own room and every bilateral channel. */
export const mediatorRoles = ['lead_mediator', 'mediator', 'secretariat'] as const;
/** A party's delegation: sees plenary, its own caucus and its own bilateral channel. */
export const delegationRoles = ['head_of_delegation', 'delegate', 'adviser'] as const;
/** Those who accompany the process: see what they are explicitly given. */
export const accompanyingRoles = ['guarantor', 'observer'] as const;

export type MediatorRole = (typeof mediatorRoles)[number];
export type DelegationRole = (typeof delegationRoles)[number];

/** Whether a role belongs to the mediator team. */
export function isMediatorRole(role: Role): role is MediatorRole {
  return (mediatorRoles as readonly Role[]).includes(role);
}

/** Whether a role belongs to a party's delegation (and so needs a party). */
export function isDelegationRole(role: Role): role is DelegationRole {
  return (delegationRoles as readonly Role[]).includes(role);
}

/** A person's place in one process. Delegation roles carry their party. */
export interface Membership {
  /** The process. */
  processId: ProcessId;
  /** The member. */
  userId: UserId;
  /** Their role in this process. */
  role: Role;
  /** The party whose delegation they belong to; null for every non-delegation role. */
  partyId: PartyId | null;
  /** Compartments explicitly granted to a guarantor or observer. */
  grants: readonly CompartmentId[];
  /** Whether the head of delegation made this delegation member an admin, who confirms seats. */
  delegationAdmin?: boolean;
}

/** How a seat awaiting consent came about. */
export const seatOrigins = ['invitation', 'role_change', 'grant'] as const;
export type SeatOrigin = (typeof seatOrigins)[number];

/**
 * A seat in a party's delegation or the mediator team, or a grant of one of their rooms, that
 * waits for the consent of those who hold the room (`access/consent.ts`). Until confirmed it gives
 * nothing: the person holds no membership, no new role and no grant from it.
 */
export interface PendingSeat {
  /** Stable id. */
  id: SeatId;
  /** The process. */
  processId: ProcessId;
  /** Who would take the seat. */
  userId: UserId;
  /** By an accepted invitation, a change of role, or a grant. */
  origin: SeatOrigin;
  /** The role the seat gives; null for a grant. */
  role: Role | null;
  /** The party of a delegation seat; null otherwise. */
  partyId: PartyId | null;
  /** The room a grant opens; null for a seat. */
  compartmentId: CompartmentId | null;
  /** Who asked for it: the organiser who invited, changed the role or granted. */
  initiatedBy: UserId;
  /** When it was asked for (ISO 8601). */
  createdAt: string;
}

/** A negotiation process. The codename is what invitees see; the title only members see. */
export interface Process {
  /** Stable id. */
  id: ProcessId;
  /** A name that reveals nothing, shown to anyone invited. */
  codename: string;
  /** The real title, shown to members only. */
  title: string;
  /** Where the process stands. */
  status: ProcessStatus;
  /** Whether every member must sign in with a second factor to open the process. */
  requireTotp: boolean;
  /** Whether every member must sign in with a passkey to open the process. */
  requirePasskey: boolean;
  /** When it was created (ISO 8601). */
  createdAt: string;
}

/** A party to the negotiation. */
export interface Party {
  /** Stable id. */
  id: PartyId;
  /** The process it negotiates in. */
  processId: ProcessId;
  /** Full name, e.g. "Government delegation". */
  name: string;
  /** Short code used in brackets and charts, e.g. "GOV". */
  code: string;
  /** Whether it participates, has suspended its participation or has withdrawn. */
  status: PartyStatus;
}

/** One entry of a process's status history (process or party changes). */
export interface StatusChange {
  /** When it happened (ISO 8601). */
  at: string;
  /** What changed: the process itself, or one party's standing. */
  subject: 'process' | 'party';
  /** The party whose standing changed, or the party that caused the process change. */
  partyId: PartyId | null;
  /** Previous status. */
  from: string;
  /** New status. */
  to: string;
  /** Why, in the words of whoever recorded it. */
  reason: string;
  /** Who recorded it. */
  byUserId: UserId;
}

/** A link to an earlier attempt at the same conflict, inside Parley or outside it. */
export interface ProcessLink {
  /** Short label, e.g. "Santo Domingo talks 2017–2018". */
  label: string;
  /** Free text on how it relates. */
  note: string;
  /** The earlier process if it lives in Parley; shown only to members of both. */
  linkedProcessId: ProcessId | null;
}

/** A single-use, expiring invitation bound to a role in a process. */
export interface Invitation {
  /** Stable id. */
  id: InvitationId;
  /** The process. */
  processId: ProcessId;
  /** The role the invitee will hold. */
  role: Role;
  /** Their party, for delegation roles. */
  partyId: PartyId | null;
  /** Whom it is meant for (free text, e.g. a name), shown to those who manage the process. */
  inviteeLabel: string;
  /** SHA-256 of the secret in the link. */
  tokenHash: string;
  /** Who issued it. */
  createdBy: UserId;
  /** Created (ISO 8601). */
  createdAt: string;
  /** Expires (ISO 8601). */
  expiresAt: string;
  /** Used (ISO 8601). */
  usedAt: string | null;
  /** Revoked (ISO 8601). */
  revokedAt: string | null;
  /**
   * The account this invitation is held for: someone accepted it "with a new account" on that
   * account's e-mail, so only the account's owner, signed in, may complete it.
   */
  heldFor: UserId | null;
}
