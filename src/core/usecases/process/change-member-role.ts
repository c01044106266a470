import type { Actor } from '../../access/policy.js';
import type { Role } from '../../process/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { PartyId, ProcessId, UserId } from '../../shared/ids.js';
import { checkRoleParty } from './role-rules.js';
import { openForManaging } from './member-context.js';

/** Changes a member's role (and party); takes effect on their next request. */
export async function changeMemberRole(
  deps: Deps<'db'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    userId: UserId;
    role: Role;
    partyId: PartyId | null;
  },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const { target } = await openForManaging(s, input.actor, input.processId, input.userId);
    checkRoleParty(input.role, input.partyId, await s.processes.listParties(input.processId));
    if (input.role === 'facilitator' || target.role === 'facilitator')
      throw new DomainError(
        'RULE_VIOLATION',
        'The facilitator role is not assigned or taken away here.',
      );
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
  });
}
