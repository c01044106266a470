/** Opening one seat awaiting consent, as far as the actor may know of it. */
import type { Actor } from '../../access/policy.js';
import { canSeeSeat, holderOfSeat, holderRoom, type RoomHolder } from '../../access/consent.js';
import type { Membership, PendingSeat } from '../../process/model.js';
import type { Stores } from '../../ports.js';
import { notFound } from '../../shared/errors.js';
import type { ProcessId, SeatId } from '../../shared/ids.js';
import { openProcess, type ProcessContext } from '../process-context.js';

/** A seat awaiting consent with what deciding on it needs. */
export interface SeatContext {
  /** The process as the actor sees it. */
  ctx: ProcessContext;
  /** The seat. */
  seat: PendingSeat;
  /** Whose consent it waits for. */
  holder: RoomHolder;
  /** The process's members now. */
  members: Membership[];
}

/**
 * Opens a seat awaiting consent that the actor may know of; any other answers NOT_FOUND, exactly
 * like a seat that does not exist.
 */
export async function openSeat(
  s: Stores,
  actor: Actor,
  processId: ProcessId,
  seatId: SeatId,
): Promise<SeatContext> {
  const ctx = await openProcess(s, actor, processId);
  const seat = (await s.processes.listPendingSeats(processId)).find((x) => x.id === seatId);
  const holder = seat && holderOfSeat(seat, ctx.compartments);
  if (!seat || !holder || !canSeeSeat(ctx.membership, seat, holderRoom(holder, ctx.compartments)))
    throw notFound('Seat');
  return { ctx, seat, holder, members: await s.processes.listMembers(processId) };
}
