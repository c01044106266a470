import type { Actor } from '../../access/policy.js';
import { consentForRole, isFirstAppointment } from '../../access/consent.js';
import type { Deps } from '../../ports.js';
import type { User } from '../../accounts/model.js';
import { checkPassword } from '../../accounts/sign-in.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type ProcessId } from '../../shared/ids.js';
import { addressThrottleKey, reserveAttempts } from '../accounts/sign-in-rules.js';
import { insertNewUser } from '../accounts/user-rules.js';
import { findUsable } from './invitation-context.js';
import { requestSeat, seatEventData, seatRoomId } from './seat-rules.js';

/**
 * Accepts an invitation: as the signed-in user, or by creating an account. The link works once;
 * a user already in the process cannot take a second role through it. A seat in a party's
 * delegation or the mediator team is only pending until those who hold the room confirm it
 * (`access/consent.ts`): until then the invitee holds nothing in the process. The first head of a
 * party with no members, and the first lead mediator, accept their appointment by accepting.
 *
 * A new-account acceptance tells nobody whether the e-mail already has an account: it answers the
 * same either way (the password hashed on both paths, so the time matches too). If the e-mail has
 * an account, nothing about that account changes and nobody is seated: the invitation is held for
 * that account (to everyone else it is used up), and completes when its owner signs in and
 * accepts it. Each new-account acceptance is booked against the client address's sign-in
 * throttle, and never given back, so a link is no fast oracle; a link works once in any case.
 */
export async function acceptInvitation(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  input: {
    secret: string;
    actor: Actor | null;
    newAccount: { email: string; displayName: string; password: string } | null;
    /**
     * The client address a new-account acceptance is booked against (its sign-in throttle key);
     * null only for the server's own callers (the demo).
     */
    ip: string | null;
  },
): Promise<{ user: User | null; processId: ProcessId; pending: boolean }> {
  if (!input.actor && input.newAccount) {
    checkPassword(input.newAccount.password);
    if (input.ip !== null) await reserveAttempts(deps, [addressThrottleKey(input.ip)]);
  }
  return deps.db.transaction(async (s) => {
    const { invitation } = await findUsable(deps, s, input.secret, input.actor?.userId ?? null);
    let user: User | null = null;
    let userId = input.actor?.userId;
    if (!userId) {
      if (!input.newAccount)
        throw new DomainError(
          'RULE_VIOLATION',
          'Sign in, or give an e-mail, a name and a password for a new account.',
        );
      const owner = await s.accounts.findUserByEmail(input.newAccount.email.trim().toLowerCase());
      if (owner) {
        // Same work and same answer as a new account: hash the password, name nobody.
        await deps.hashing.hashPassword(input.newAccount.password);
        await s.processes.markInvitation(invitation.id, { heldFor: owner.id });
        await s.audit.append({
          kind: 'invitation.held',
          data: { invitationId: invitation.id },
          actorUserId: null,
          processId: invitation.processId,
          compartmentId: null,
        });
        const holder = consentForRole(undefined, invitation.role, invitation.partyId);
        const members = holder ? await s.processes.listMembers(invitation.processId) : [];
        const pending = holder !== null && !isFirstAppointment(invitation.role, holder, members);
        return { user: null, processId: invitation.processId, pending };
      }
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
