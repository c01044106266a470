import type { Actor } from '../../access/policy.js';
import { requireOnProcess } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { type InvitationId, type ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/** Revokes an unused invitation. */
export async function revokeInvitation(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; processId: ProcessId; invitationId: InvitationId },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    requireOnProcess(ctx.membership, 'invite');
    const inv = await s.processes.findInvitation(input.invitationId);
    if (!inv || inv.processId !== input.processId) throw notFound('Invitation');
    if (inv.usedAt || inv.revokedAt)
      throw new DomainError('INVITATION_INVALID', 'This invitation was already used or revoked.');
    await s.processes.markInvitation(inv.id, { revokedAt: deps.clock.now().toISOString() });
    await s.audit.append({
      kind: 'invitation.revoked',
      data: { invitationId: inv.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
  });
}
