import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { User } from '../../accounts/model.js';
import { DomainError } from '../../shared/errors.js';
import { type ProcessId } from '../../shared/ids.js';
import { insertNewUser } from '../accounts/user-rules.js';
import { findUsable } from './invitation-context.js';

/**
 * Accepts an invitation: as the signed-in user, or by creating an account. The link works once;
 * a user already in the process cannot take a second role through it.
 */
export async function acceptInvitation(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  input: {
    secret: string;
    actor: Actor | null;
    newAccount: { email: string; displayName: string; password: string } | null;
  },
): Promise<{ user: User | null; processId: ProcessId }> {
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
    if (existing.some((m) => m.processId === invitation.processId))
      throw new DomainError('CONFLICT', 'You are already a member of this process.');
    await s.processes.insertMembership({
      processId: invitation.processId,
      userId,
      role: invitation.role,
      partyId: invitation.partyId,
      grants: [],
    });
    await s.processes.markInvitation(invitation.id, { usedAt: deps.clock.now().toISOString() });
    await s.audit.append({
      kind: 'invitation.accepted',
      data: { invitationId: invitation.id, userId },
      actorUserId: userId,
      processId: invitation.processId,
      compartmentId: null,
    });
    await s.audit.append({
      kind: 'membership.added',
      data: { userId, role: invitation.role, partyId: invitation.partyId },
      actorUserId: userId,
      processId: invitation.processId,
      compartmentId: null,
    });
    return { user, processId: invitation.processId };
  });
}
