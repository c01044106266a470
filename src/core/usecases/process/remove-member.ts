import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId, UserId } from '../../shared/ids.js';
import { revokeLinksOfFormerInviter } from './invitation-rules.js';
import { openForManaging } from './member-context.js';

/**
 * Removes a member from the process; they lose access at once, and the invitation links they
 * issued stop working.
 */
export async function removeMember(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; processId: ProcessId; userId: UserId },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const { target } = await openForManaging(s, input.actor, input.processId, input.userId);
    if (target.role === 'facilitator')
      throw new DomainError('RULE_VIOLATION', 'The facilitator cannot be removed.');
    await s.processes.deleteMembership(input.processId, input.userId);
    await s.audit.append({
      kind: 'membership.removed',
      data: { userId: input.userId, role: target.role },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    await revokeLinksOfFormerInviter(deps, s, {
      processId: input.processId,
      issuer: input.userId,
      now: null,
      actorUserId: input.actor.userId,
    });
  });
}
