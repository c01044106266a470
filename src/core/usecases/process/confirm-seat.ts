import type { Actor } from '../../access/policy.js';
import { canConfirmSeat } from '../../access/consent.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { ProcessId, SeatId } from '../../shared/ids.js';
import { revokeLinksOfFormerInviter } from './invitation-rules.js';
import { openSeat } from './seat-context.js';
import { seatEventData, seatRoomId } from './seat-rules.js';

/**
 * Confirms a seat awaiting consent, as the party's head of delegation or a delegation admin (the
 * lead mediator for the mediator team), or as the appointee of a first head or lead mediator: the
 * seat, role or grant takes effect now. A seat the actor may not know of answers NOT_FOUND; one it
 * may see but not confirm, FORBIDDEN. A member moved by the seat to a role that does not invite
 * loses the links they issued.
 */
export async function confirmSeat(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; processId: ProcessId; seatId: SeatId },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const { ctx, seat, holder, members } = await openSeat(
      s,
      input.actor,
      input.processId,
      input.seatId,
    );
    if (!canConfirmSeat(ctx.membership, seat, holder, members))
      throw new DomainError(
        'FORBIDDEN',
        holder.kind === 'party'
          ? "Only the party's head of delegation, or a delegation admin, confirms a seat in its rooms."
          : 'Only the lead mediator confirms a seat in the mediator team.',
      );
    const target = members.find((m) => m.userId === seat.userId);
    // What the seat would change must still be possible: checked before anything is recorded.
    if (seat.compartmentId !== null) {
      if (!target || (target.role !== 'guarantor' && target.role !== 'observer'))
        throw notFound('Member');
    } else if (seat.origin === 'invitation') {
      if (target) throw new DomainError('CONFLICT', 'This person is already a member.');
    } else if (!target || target.role === 'facilitator') throw notFound('Member');
    const room = seatRoomId(holder, ctx.compartments);
    const base = { processId: input.processId, compartmentId: null };
    await s.processes.deletePendingSeat(seat.id);
    await s.audit.append({
      kind: 'seat.confirmed',
      data: seatEventData(seat),
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: room,
    });
    if (seat.compartmentId !== null) {
      if (target?.grants.includes(seat.compartmentId)) return;
      await s.processes.insertGrant(input.processId, seat.userId, seat.compartmentId);
      await s.audit.append({
        ...base,
        kind: 'grant.added',
        data: { userId: seat.userId, compartmentId: seat.compartmentId },
        actorUserId: input.actor.userId,
      });
      return;
    }
    if (!seat.role) throw notFound('Seat');
    if (seat.origin === 'invitation') {
      await s.processes.insertMembership({
        processId: input.processId,
        userId: seat.userId,
        role: seat.role,
        partyId: seat.partyId,
        grants: [],
      });
      await s.audit.append({
        ...base,
        kind: 'membership.added',
        data: { userId: seat.userId, role: seat.role, partyId: seat.partyId },
        actorUserId: input.actor.userId,
      });
      return;
    }
    if (!target) throw notFound('Member');
    await s.processes.updateMembershipRole(input.processId, seat.userId, seat.role, seat.partyId);
    await s.audit.append({
      ...base,
      kind: 'membership.role_changed',
      data: { userId: seat.userId, from: target.role, to: seat.role, partyId: seat.partyId },
      actorUserId: input.actor.userId,
    });
    await revokeLinksOfFormerInviter(deps, s, {
      processId: input.processId,
      issuer: seat.userId,
      now: { ...target, role: seat.role, partyId: seat.partyId },
      actorUserId: input.actor.userId,
    });
  });
}
