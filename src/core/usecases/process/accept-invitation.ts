import type { Actor } from '../../access/policy.js';
import { consentForRole, isFirstAppointment } from '../../access/consent.js';
import type { Deps } from '../../ports.js';
import type { User } from '../../accounts/model.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type ProcessId } from '../../shared/ids.js';
import { insertNewUser } from '../accounts/user-rules.js';
import { findUsable } from './invitation-context.js';
import { requestSeat, seatEventData, seatRoomId } from './seat-rules.js';

/**
 * Accepts an invitation: as the signed-in user, or by creating an account. The link works once;
 * a user already in the process cannot take a second role through it. A seat in a party's
 * delegation or the mediator team is only pending until those who hold the room confirm it
 * (`access/consent.ts`): until then the invitee holds nothing in the process. The first head of a
 * party with no members, and the first lead mediator, accept their appointment by accepting.
 */
export async function acceptInvitation(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  input: {
    secret: string;
    actor: Actor | null;
    newAccount: { email: string; displayName: string; password: string } | null;
  },
): Promise<{ user: User | null; processId: ProcessId; pending: boolean }> {
  return deps.db.transaction(async (s) => {
    const { invitation } = await findUsable(deps, s, input.secret);
    let user: User | null = null;
    let userId = input.actor?.userId;
    if (!userId) {
      if (!input.newAccount)
        throw new DomainError(
          'RULE_VIOLATION',
          'Sign in, or give an e-mail, a name and a password for a new account.',
        );
      user = await insertNewUser(deps, s, { ...input.newAccount, isAdmin: false });
      userId = user.id;
    }
    const existing = await s.processes.membershipsOf(userId);
    const waiting = (await s.processes.listPendingSeats(invitation.processId)).some(
      (x) => x.userId === userId,
    );
    if (waiting || existing.some((m) => m.processId === invitation.processId))
      throw new DomainError('CONFLICT', 'You are already a member of this process.');
    await s.processes.markInvitation(invitation.id, { usedAt: deps.clock.now().toISOString() });
    await s.audit.append({
      kind: 'invitation.accepted',
      data: { invitationId: invitation.id, userId },
      actorUserId: userId,
      processId: invitation.processId,
      compartmentId: null,
    });
    const holder = consentForRole(undefined, invitation.role, invitation.partyId);
    const members = holder ? await s.processes.listMembers(invitation.processId) : [];
    const compartments = holder ? await s.items.listCompartments(invitation.processId) : [];
    if (holder && !isFirstAppointment(invitation.role, holder, members)) {
      await requestSeat(deps, s, {
        processId: invitation.processId,
        userId,
        origin: 'invitation',
        role: invitation.role,
        partyId: invitation.partyId,
        compartmentId: null,
        initiatedBy: invitation.createdBy,
        actorUserId: userId,
        holder,
        compartments,
      });
      return { user, processId: invitation.processId, pending: true };
    }
    await s.processes.insertMembership({
      processId: invitation.processId,
      userId,
      role: invitation.role,
      partyId: invitation.partyId,
      grants: [],
    });
    if (holder)
      // The first head (or lead mediator) accepts the organisers' appointment by accepting.
      await s.audit.append({
        kind: 'seat.confirmed',
        data: seatEventData({
          id: asId(deps.ids.newId()),
          processId: invitation.processId,
          userId,
          origin: 'invitation',
          role: invitation.role,
          partyId: invitation.partyId,
          compartmentId: null,
          initiatedBy: invitation.createdBy,
          createdAt: deps.clock.now().toISOString(),
        }),
        actorUserId: userId,
        processId: invitation.processId,
        compartmentId: seatRoomId(holder, compartments),
      });
    await s.audit.append({
      kind: 'membership.added',
      data: { userId, role: invitation.role, partyId: invitation.partyId },
      actorUserId: userId,
      processId: invitation.processId,
      compartmentId: null,
    });
    return { user, processId: invitation.processId, pending: false };
  });
}
