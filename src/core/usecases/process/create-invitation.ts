import type { Actor } from '../../access/policy.js';
import { requireOnProcess } from '../../access/policy.js';
import type { Role } from '../../process/model.js';
import type { Deps } from '../../ports.js';
import type { Invitation } from '../../process/model.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type PartyId, type ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';
import { checkRoleParty } from './role-rules.js';

/** How long an invitation link stays valid unless stated otherwise. */
export const defaultInvitationDays = 7;

/** Issues a single-use invitation link bound to a role (and party). The secret is returned once. */
export async function createInvitation(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    role: Role;
    partyId: PartyId | null;
    inviteeLabel: string;
    validDays?: number;
  },
): Promise<{ invitation: Invitation; secret: string }> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    requireOnProcess(ctx.membership, 'invite');
    checkRoleParty(input.role, input.partyId, await s.processes.listParties(input.processId));
    if (input.role === 'facilitator')
      throw new DomainError(
        'RULE_VIOLATION',
        'The facilitator is whoever created the process; invite another role.',
      );
    const secret = deps.ids.newSecret();
    const now = deps.clock.now();
    const invitation: Invitation = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      role: input.role,
      partyId: input.partyId,
      inviteeLabel: input.inviteeLabel.trim(),
      tokenHash: deps.hashing.sha256(secret),
      createdBy: input.actor.userId,
      createdAt: now.toISOString(),
      expiresAt: new Date(
        now.getTime() + (input.validDays ?? defaultInvitationDays) * 86_400_000,
      ).toISOString(),
      usedAt: null,
      revokedAt: null,
      heldFor: null,
    };
    await s.processes.insertInvitation(invitation);
    await s.audit.append({
      kind: 'invitation.created',
      data: { invitationId: invitation.id, role: input.role, partyId: input.partyId },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    return { invitation, secret };
  });
}
