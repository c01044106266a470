/**
 * Changes of access: who joined, changed role, left or was given a compartment, and which
 * compartments each change opened or closed to them. They are rebuilt from the audit log (the one
 * record of every membership change) by replaying a process's membership events in order, so that
 * each change knows the membership before it — a removal's stored data names only the role.
 *
 * A change is shown to the members of the compartments it affects (they should know who can now
 * read their room, or no longer can), to the person concerned, and to those who manage the
 * process's people. Each viewer sees only the affected compartments it may read itself. The public
 * compartment is left out: everyone reads it, so opening it says nothing.
 */
import type { AuditEntry } from '../audit/catalogue.js';
import { roles, type Membership, type Role } from '../process/model.js';
import {
  asId,
  type CompartmentId,
  type PartyId,
  type ProcessId,
  type UserId,
} from '../shared/ids.js';
import type { Compartment } from './compartments.js';
import { canOnProcess, canReadCompartment } from './policy.js';

/** The audit kinds that change who may read what. */
export const accessAuditKinds = [
  'membership.added',
  'membership.role_changed',
  'membership.removed',
  'grant.added',
  'seat.confirmed',
] as const satisfies readonly AuditEntry['kind'][];

/** What happened to the member. */
export const accessChangeKinds = ['joined', 'role_changed', 'left', 'granted'] as const;
export type AccessChangeKind = (typeof accessChangeKinds)[number];

/** One change of access, as a viewer may see it. */
export interface AccessChange {
  /** The audit entry it comes from (for an inclusion proof). */
  readonly seq: number;
  readonly at: string;
  /**
   * Who made the change, or asked for it when it needed consent (the organiser who invited, changed
   * the role or granted); null: the system.
   */
  readonly byUserId: string | null;
  /** Who consented to it for the room's holder (a head, a delegation admin, the lead mediator, or the appointee accepting); null when it needed no consent. */
  readonly confirmedByUserId: string | null;
  /** Whose access changed. */
  readonly userId: UserId;
  readonly change: AccessChangeKind;
  /** The role before and after (null: not a member). */
  readonly fromRole: Role | null;
  readonly toRole: Role | null;
  /** The delegation after the change (before it, for a departure). */
  readonly partyId: PartyId | null;
  /** Compartments the change opened to them, and closed to them. */
  readonly opened: readonly CompartmentId[];
  readonly closed: readonly CompartmentId[];
}

interface Data {
  userId?: string;
  role?: string;
  to?: string;
  partyId?: string | null;
  compartmentId?: string;
  initiatedBy?: string;
}

/** Replays a process's membership events (oldest first) into the changes they made. */
export function replayAccessChanges(
  processId: ProcessId,
  entries: readonly AuditEntry[],
  compartments: readonly Compartment[],
): AccessChange[] {
  const members = new Map<string, Membership>();
  const changes: AccessChange[] = [];
  const rooms = compartments.filter((c) => c.kind !== 'public');
  // A confirmed seat is followed, in the same transaction, by the change it made effective.
  const consents = new Map<string, { initiatedBy: string; confirmedBy: string | null }>();
  for (const entry of entries) {
    const data = JSON.parse(entry.data) as Data;
    if (data.userId === undefined) continue;
    if (entry.kind === 'seat.confirmed') {
      if (data.initiatedBy)
        consents.set(data.userId, {
          initiatedBy: data.initiatedBy,
          confirmedBy: entry.actorUserId,
        });
      continue;
    }
    // Only the change appended right after a confirmation is the one it made effective.
    const consent = consents.get(data.userId);
    consents.clear();
    const userId = asId<'User'>(data.userId);
    const before = members.get(userId);
    const after = nextMembership(processId, userId, before, entry.kind, data);
    if (after === null) continue;
    if (after === undefined) members.delete(userId);
    else members.set(userId, after);
    changes.push({
      seq: entry.seq,
      at: entry.at,
      byUserId: consent ? consent.initiatedBy : entry.actorUserId,
      confirmedByUserId: consent ? consent.confirmedBy : null,
      userId,
      change: changeKind(entry.kind),
      fromRole: before?.role ?? null,
      toRole: after?.role ?? null,
      partyId: (after ?? before)?.partyId ?? null,
      opened: rooms
        .filter((c) => !canReadCompartment(before, c) && canReadCompartment(after, c))
        .map((c) => c.id),
      closed: rooms
        .filter((c) => canReadCompartment(before, c) && !canReadCompartment(after, c))
        .map((c) => c.id),
    });
  }
  return changes;
}

/** The membership after one event; undefined once removed; null for an event that is not a change. */
function nextMembership(
  processId: ProcessId,
  userId: UserId,
  before: Membership | undefined,
  kind: string,
  data: Data,
): Membership | undefined | null {
  const party = (id: string | null | undefined) => (id ? asId<'Party'>(id) : null);
  const role = (name: string | undefined) => roles.find((r) => r === name);
  switch (kind) {
    case 'membership.added': {
      const r = role(data.role);
      return r ? { processId, userId, role: r, partyId: party(data.partyId), grants: [] } : null;
    }
    case 'membership.role_changed': {
      const r = role(data.to);
      return before && r ? { ...before, role: r, partyId: party(data.partyId) } : null;
    }
    case 'membership.removed':
      return undefined;
    case 'grant.added':
      return before && data.compartmentId
        ? { ...before, grants: [...before.grants, asId<'Compartment'>(data.compartmentId)] }
        : null;
    default:
      return null;
  }
}

function changeKind(kind: string): AccessChangeKind {
  switch (kind) {
    case 'membership.added':
      return 'joined';
    case 'membership.removed':
      return 'left';
    case 'grant.added':
      return 'granted';
    default:
      return 'role_changed';
  }
}

/**
 * The changes a member may see, newest first, each with only the affected compartments the viewer
 * reads: those about the viewer, those affecting a compartment the viewer reads, and every change
 * for those who manage the process's people.
 */
export function accessChangesSeenBy(
  viewer: Membership,
  changes: readonly AccessChange[],
  compartments: readonly Compartment[],
): AccessChange[] {
  const readable = new Set(
    compartments.filter((c) => canReadCompartment(viewer, c)).map((c) => c.id),
  );
  const manages = canOnProcess(viewer, 'manage');
  const seen: AccessChange[] = [];
  for (const change of changes) {
    const opened = change.opened.filter((id) => readable.has(id));
    const closed = change.closed.filter((id) => readable.has(id));
    const concerned = change.userId === viewer.userId;
    if (!manages && !concerned && opened.length === 0 && closed.length === 0) continue;
    seen.push({ ...change, opened, closed });
  }
  return seen.reverse();
}
