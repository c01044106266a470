/**
 * Consent to enter a room. Nobody enters a party's rooms (its caucus, its bilateral channel with
 * the mediators) or the mediator team's room without the consent of those who hold it — the
 * facilitator who hosts the talks and the lead mediator included.
 *
 * - A seat in a party's delegation, by an accepted invitation or by a change of role, and a grant
 *   of one of the party's rooms to a guarantor or observer, is only *pending* until the party's
 *   head of delegation, or a delegation member the head made a delegation admin, confirms it.
 *   Failing a head and an admin (the head left), any member of the delegation confirms.
 * - The same holds for the mediator team: a new member of the team, a promotion to lead mediator,
 *   and a grant of the mediators' room wait for a lead mediator (failing one, any team member).
 * - The first head of a party with no members, and the first lead mediator of a team with no
 *   members, cannot be confirmed by anyone in the room: the organisers appoint them and the
 *   appointee accepts (accepting the invitation, or confirming their own seat). Everyone who
 *   joins later sees that history in the access changes.
 * - A pending seat gives nothing at all: the person holds no membership, role or grant from it,
 *   so the access policy, which reads memberships only, treats it as nothing. Nobody confirms
 *   their own seat, except the first head or lead mediator accepting an appointment.
 * - A pending seat is shown to those who read the holder's room, to the person concerned, to its
 *   initiator and to those who manage the process's people, with the initiator's name. Its audit
 *   events are filed under the holder's room (the party's caucus, the mediators' room), so live
 *   updates tell only those who read it.
 */
import type { Compartment } from './compartments.js';
import { canOnProcess, canReadCompartment } from './policy.js';
import {
  isDelegationRole,
  isMediatorRole,
  type Membership,
  type PendingSeat,
  type Role,
} from '../process/model.js';
import type { PartyId } from '../shared/ids.js';

/** Whose consent opens a room: a party's delegation, or the mediator team. */
export type RoomHolder = { kind: 'party'; partyId: PartyId } | { kind: 'mediators' };

/**
 * Whose consent a change of role (or a first role, `before` undefined) needs: joining a party's
 * delegation or becoming its head, joining the mediator team or becoming lead mediator. Null when
 * the change opens no room the member could not already read and gives no power to confirm.
 */
export function consentForRole(
  before: Membership | undefined,
  role: Role,
  partyId: PartyId | null,
): RoomHolder | null {
  if (isDelegationRole(role) && partyId) {
    const stays = !!before && isDelegationRole(before.role) && before.partyId === partyId;
    if (stays && (role !== 'head_of_delegation' || before.role === 'head_of_delegation'))
      return null;
    return { kind: 'party', partyId };
  }
  if (isMediatorRole(role)) {
    const stays = !!before && isMediatorRole(before.role);
    if (stays && (role !== 'lead_mediator' || before.role === 'lead_mediator')) return null;
    return { kind: 'mediators' };
  }
  return null;
}

/** Whose consent a grant of a compartment needs: null for the public compartment and the plenary. */
export function consentForGrant(c: Compartment): RoomHolder | null {
  switch (c.kind) {
    case 'caucus':
    case 'bilateral':
      return c.partyId ? { kind: 'party', partyId: c.partyId } : null;
    case 'mediators':
      return { kind: 'mediators' };
    case 'public':
    case 'plenary':
      return null;
  }
}

/** Whose consent a pending seat waits for. */
export function holderOfSeat(
  seat: PendingSeat,
  compartments: readonly Compartment[],
): RoomHolder | null {
  if (seat.compartmentId !== null) {
    const c = compartments.find((x) => x.id === seat.compartmentId);
    return c ? consentForGrant(c) : null;
  }
  return seat.role ? consentForRole(undefined, seat.role, seat.partyId) : null;
}

/** The holder's own room, where events about its seats are filed: the caucus, or the mediators' room. */
export function holderRoom(
  holder: RoomHolder,
  compartments: readonly Compartment[],
): Compartment | undefined {
  return holder.kind === 'party'
    ? compartments.find((c) => c.kind === 'caucus' && c.partyId === holder.partyId)
    : compartments.find((c) => c.kind === 'mediators');
}

/** The members of the holder: the party's delegation, or the mediator team. */
export function holderMembers(
  holder: RoomHolder,
  members: readonly Membership[],
): readonly Membership[] {
  return holder.kind === 'party'
    ? members.filter((m) => isDelegationRole(m.role) && m.partyId === holder.partyId)
    : members.filter((m) => isMediatorRole(m.role));
}

/**
 * Who confirms for the holder: the party's heads and delegation admins, or the lead mediators;
 * failing them, every member of the holder.
 */
export function confirmersFor(
  holder: RoomHolder,
  members: readonly Membership[],
): readonly Membership[] {
  const own = holderMembers(holder, members);
  const chosen = own.filter((m) =>
    holder.kind === 'party'
      ? m.role === 'head_of_delegation' || m.delegationAdmin === true
      : m.role === 'lead_mediator',
  );
  return chosen.length > 0 ? chosen : own;
}

/**
 * Whether a seat is the appointment of the first head of a party with no members, or of the first
 * lead mediator of a team with no members: the appointee accepts it.
 */
export function isFirstAppointment(
  role: Role | null,
  holder: RoomHolder,
  members: readonly Membership[],
): boolean {
  const first = holder.kind === 'party' ? 'head_of_delegation' : 'lead_mediator';
  return role === first && holderMembers(holder, members).length === 0;
}

/** Whether a member may confirm a pending seat. */
export function canConfirmSeat(
  m: Membership | undefined,
  seat: PendingSeat,
  holder: RoomHolder,
  members: readonly Membership[],
): boolean {
  if (!m || m.processId !== seat.processId) return false;
  if (seat.compartmentId === null && isFirstAppointment(seat.role, holder, members))
    return m.userId === seat.userId;
  if (m.userId === seat.userId) return false;
  return confirmersFor(holder, members).some((c) => c.userId === m.userId);
}

/** Whether a member may decline a pending seat: who may confirm it, its initiator, or the person concerned. */
export function canDeclineSeat(
  m: Membership | undefined,
  seat: PendingSeat,
  holder: RoomHolder,
  members: readonly Membership[],
): boolean {
  if (!m || m.processId !== seat.processId) return false;
  return (
    m.userId === seat.initiatedBy ||
    m.userId === seat.userId ||
    canConfirmSeat(m, seat, holder, members)
  );
}

/**
 * Whether a member may know of a pending seat: those who read the holder's room, the person
 * concerned, its initiator, and those who manage the process's people. Anyone else is answered as
 * if it did not exist.
 */
export function canSeeSeat(
  m: Membership | undefined,
  seat: PendingSeat,
  room: Compartment | undefined,
): boolean {
  if (!m || m.processId !== seat.processId) return false;
  return (
    m.userId === seat.userId ||
    m.userId === seat.initiatedBy ||
    canOnProcess(m, 'manage') ||
    (!!room && canReadCompartment(m, room))
  );
}

/** Whether a head of delegation may make a member of its delegation an admin (or no longer one). */
export function canAppointDelegationAdmin(head: Membership, target: Membership): boolean {
  return (
    head.role === 'head_of_delegation' &&
    !!head.partyId &&
    target.partyId === head.partyId &&
    isDelegationRole(target.role) &&
    target.role !== 'head_of_delegation' &&
    target.userId !== head.userId
  );
}
