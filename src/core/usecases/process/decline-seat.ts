import type { Actor } from '../../access/policy.js';
import { canDeclineSeat } from '../../access/consent.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId, SeatId } from '../../shared/ids.js';
import { openSeat } from './seat-context.js';
import { seatEventData, seatRoomId } from './seat-rules.js';

/**
 * Declines a seat awaiting consent: those who may confirm it refuse it, its initiator withdraws it,
 * or the person concerned turns it down. Nothing it would have opened is opened.
 */
export async function declineSeat(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; seatId: SeatId },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const { ctx, seat, holder, members } = await openSeat(
      s,
      input.actor,
      input.processId,
      input.seatId,
    );
    if (!canDeclineSeat(ctx.membership, seat, holder, members))
      throw new DomainError(
        'FORBIDDEN',
        'Only those who may confirm this seat, whoever asked for it, or the person concerned may decline it.',
      );
    await s.processes.deletePendingSeat(seat.id);
    await s.audit.append({
      kind: 'seat.declined',
      data: seatEventData(seat),
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: seatRoomId(holder, ctx.compartments),
    });
  });
}
