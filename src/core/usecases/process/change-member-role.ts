import type { Actor } from '../../access/policy.js';
import { consentForRole } from '../../access/consent.js';
import type { Role } from '../../process/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { PartyId, ProcessId, UserId } from '../../shared/ids.js';
import { revokeLinksOfFormerInviter } from './invitation-rules.js';
import { checkRoleParty } from './role-rules.js';
import { openForManaging } from './member-context.js';
import { requestSeat } from './seat-rules.js';

/**
 * Changes a member's role (and party); takes effect on their next request. A change into a party's
 * delegation, to its head, into the mediator team or to lead mediator only asks for the seat: it
 * waits, and the member keeps their present role, until those who hold the room confirm it
 * (`access/consent.ts`). A member moved to a role that does not invite loses the links they
 * issued.
 */
export async function changeMemberRole(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    userId: UserId;
    role: Role;
    partyId: PartyId | null;
  },
): Promise<{ pending: boolean }> {
  return deps.db.transaction(async (s) => {
    const { ctx, target } = await openForManaging(s, input.actor, input.processId, input.userId);
    checkRoleParty(input.role, input.partyId, await s.processes.listParties(input.processId));
    if (input.role === 'facilitator' || target.role === 'facilitator')
      throw new DomainError(
        'RULE_VIOLATION',
        'The facilitator role is not assigned or taken away here.',
      );
    const holder = consentForRole(target, input.role, input.partyId);
    if (holder) {
      await requestSeat(deps, s, {
        processId: input.processId,
        userId: input.userId,
        origin: 'role_change',
        role: input.role,
        partyId: input.partyId,
        compartmentId: null,
        initiatedBy: input.actor.userId,
        actorUserId: input.actor.userId,
        holder,
        compartments: ctx.compartments,
      });
      return { pending: true };
    }
    await s.processes.updateMembershipRole(
      input.processId,
      input.userId,
      input.role,
      input.partyId,
    );
    await s.audit.append({
      kind: 'membership.role_changed',
      data: { userId: input.userId, from: target.role, to: input.role, partyId: input.partyId },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    await revokeLinksOfFormerInviter(deps, s, {
      processId: input.processId,
      issuer: input.userId,
      now: { ...target, role: input.role, partyId: input.partyId },
      actorUserId: input.actor.userId,
    });
    return { pending: false };
  });
}
