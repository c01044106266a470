import type { Party, Process } from '../../process/model.js';
import type { Deps, Stores } from '../../ports.js';
import type { Invitation } from '../../process/model.js';
import { DomainError } from '../../shared/errors.js';
import type { UserId } from '../../shared/ids.js';

/**
 * The invitation behind a link's secret, if it is still usable (unused, unrevoked, unexpired) by
 * `by`: an invitation held for an existing account (see `acceptInvitation`) is usable only by that
 * account, signed in; to anyone else it answers exactly like a used one.
 */
export async function findUsable(
  deps: Deps<'clock' | 'hashing'>,
  s: Stores,
  secret: string,
  by: UserId | null,
): Promise<{ invitation: Invitation; process: Process; party: Party | null }> {
  const invitation = await s.processes.findInvitationByTokenHash(deps.hashing.sha256(secret));
  const now = deps.clock.now().toISOString();
  if (
    !invitation ||
    invitation.usedAt ||
    invitation.revokedAt ||
    invitation.expiresAt <= now ||
    (invitation.heldFor !== null && invitation.heldFor !== by)
  )
    throw new DomainError(
      'INVITATION_INVALID',
      'This invitation link is not valid: it may have expired or been used.',
    );
  const process = await s.processes.findProcess(invitation.processId);
  if (!process) throw new DomainError('INVITATION_INVALID', 'This invitation link is not valid.');
  const party =
    (await s.processes.listParties(process.id)).find((p) => p.id === invitation.partyId) ?? null;
  return { invitation, process, party };
}
