/** Shared steps of seats awaiting consent: asking for one, and recording what became of it. */
import type { SeatEventData } from '../../audit/catalogue.js';
import { holderRoom, type RoomHolder } from '../../access/consent.js';
import type { Compartment } from '../../access/compartments.js';
import type { PendingSeat, Role, SeatOrigin } from '../../process/model.js';
import type { Deps, Stores } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import {
  asId,
  type CompartmentId,
  type PartyId,
  type ProcessId,
  type UserId,
} from '../../shared/ids.js';

/** The data every seat event records. */
export function seatEventData(seat: PendingSeat): SeatEventData {
  return {
    seatId: seat.id,
    userId: seat.userId,
    origin: seat.origin,
    role: seat.role,
    partyId: seat.partyId,
    compartmentId: seat.compartmentId,
    initiatedBy: seat.initiatedBy,
  };
}

/** The compartment a seat's events are filed under: the holder's own room, told to its readers only. */
export function seatRoomId(holder: RoomHolder, compartments: readonly Compartment[]): string {
  const room = holderRoom(holder, compartments);
  if (!room) throw new DomainError('RULE_VIOLATION', 'This party has no rooms to join.');
  return room.id;
}

/**
 * Records a seat awaiting the holder's consent, and tells the holder's room. A person has at most
 * one seat awaiting consent per process, and one grant awaiting consent per room.
 */
export async function requestSeat(
  deps: Deps<'clock' | 'ids'>,
  s: Stores,
  input: {
    processId: ProcessId;
    userId: UserId;
    origin: SeatOrigin;
    role: Role | null;
    partyId: PartyId | null;
    compartmentId: CompartmentId | null;
    initiatedBy: UserId;
    /** Who performs the act: the initiator, or the invitee accepting an invitation. */
    actorUserId: UserId;
    holder: RoomHolder;
    compartments: readonly Compartment[];
  },
): Promise<PendingSeat> {
  const waiting = (await s.processes.listPendingSeats(input.processId)).find(
    (x) => x.userId === input.userId && x.compartmentId === input.compartmentId,
  );
  if (waiting)
    throw new DomainError(
      'CONFLICT',
      'A seat for this person already awaits confirmation: it must be confirmed or declined first.',
    );
  const seat: PendingSeat = {
    id: asId(deps.ids.newId()),
    processId: input.processId,
    userId: input.userId,
    origin: input.origin,
    role: input.role,
    partyId: input.partyId,
    compartmentId: input.compartmentId,
    initiatedBy: input.initiatedBy,
    createdAt: deps.clock.now().toISOString(),
  };
  await s.processes.insertPendingSeat(seat);
  await s.audit.append({
    kind: 'seat.requested',
    data: seatEventData(seat),
    actorUserId: input.actorUserId,
    processId: input.processId,
    compartmentId: seatRoomId(input.holder, input.compartments),
  });
  return seat;
}
