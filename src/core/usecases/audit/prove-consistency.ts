import { type Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import { openAuditScope } from './scope-context.js';

/**
 * A consistency proof that one audit scope's log of `newSize` entries extends its log of
 * `oldSize` entries. A scope the member may not witness answers NOT_FOUND.
 */
export async function proveConsistency(
  deps: Deps<'db' | 'auditTree'>,
  input: { actor: Actor; scope: string; oldSize: number; newSize: number },
): Promise<{ scope: string; oldSize: number; newSize: number; proof: string[] }> {
  const { name } = await deps.db.read((s) => openAuditScope(s, input.actor, input.scope));
  const head = await deps.auditTree.head(name);
  if (input.oldSize < 1 || input.oldSize > input.newSize || input.newSize > head.treeSize)
    throw new DomainError(
      'RULE_VIOLATION',
      `Sizes must satisfy 1 ≤ from ≤ to ≤ ${head.treeSize} (the scope's current size).`,
    );
  return {
    scope: name,
    oldSize: input.oldSize,
    newSize: input.newSize,
    proof: await deps.auditTree.consistency(name, input.oldSize, input.newSize),
  };
}
