import { canOnProcess } from '../../access/policy.js';
import type { Membership } from '../../process/model.js';
import type { Deps, Stores } from '../../ports.js';
import type { ProcessId, UserId } from '../../shared/ids.js';

/**
 * Revokes the links a member issued that still work, once they no longer hold the right to invite
 * in the process (removed, or moved to a role that does not invite): a link carries the authority
 * of whoever issued it, and must not outlive it. Each revocation is audited as the acting member's.
 */
export async function revokeLinksOfFormerInviter(
  deps: Deps<'clock'>,
  s: Stores,
  input: {
    processId: ProcessId;
    issuer: UserId;
    /** The issuer's membership after the change, or null once removed. */
    now: Membership | null;
    actorUserId: UserId;
  },
): Promise<void> {
  if (input.now && canOnProcess(input.now, 'invite')) return;
  const at = deps.clock.now().toISOString();
  const live = (await s.processes.listInvitations(input.processId))
    .filter((i) => i.createdBy === input.issuer && !i.usedAt && !i.revokedAt && i.expiresAt > at)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  for (const invitation of live) {
    await s.processes.markInvitation(invitation.id, { revokedAt: at });
    await s.audit.append({
      kind: 'invitation.revoked',
      data: { invitationId: invitation.id },
      actorUserId: input.actorUserId,
      processId: input.processId,
      compartmentId: null,
    });
  }
}
