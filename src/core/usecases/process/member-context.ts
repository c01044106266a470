import type { Actor } from '../../access/policy.js';
import { requireOnProcess } from '../../access/policy.js';
import type { Stores } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { ProcessId, UserId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/**
 * Opens a process for changing one member's place in it: the actor must be allowed to manage
 * members, and the member must be in the process (NOT_FOUND otherwise).
 */
export async function openForManaging(
  s: Stores,
  actor: Actor,
  processId: ProcessId,
  userId: UserId,
) {
  const ctx = await openProcess(s, actor, processId);
  requireOnProcess(ctx.membership, 'manage');
  const target = (await s.processes.listMembers(processId)).find((m) => m.userId === userId);
  if (!target) throw notFound('Member');
  if (userId === actor.userId)
    throw new DomainError('RULE_VIOLATION', 'You cannot change your own membership.');
  return { ctx, target };
}
