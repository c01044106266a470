import { type Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';

/** A consistency proof that the log of `newSize` entries extends the one of `oldSize` entries. */
export async function proveConsistency(
  deps: Deps<'auditTree'>,
  input: { actor: Actor; oldSize: number; newSize: number },
): Promise<{ oldSize: number; newSize: number; proof: string[] }> {
  if (!input.actor.isAdmin && input.actor.memberships.length === 0)
    throw new DomainError('FORBIDDEN', 'Proofs are for members of a process.');
  const head = await deps.auditTree.head();
  if (input.oldSize < 1 || input.oldSize > input.newSize || input.newSize > head.treeSize)
    throw new DomainError(
      'RULE_VIOLATION',
      `Sizes must satisfy 1 ≤ from ≤ to ≤ ${head.treeSize} (the current size).`,
    );
  return {
    oldSize: input.oldSize,
    newSize: input.newSize,
    proof: await deps.auditTree.consistency(input.oldSize, input.newSize),
  };
}
