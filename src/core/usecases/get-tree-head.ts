import type { Actor } from '../access/policy.js';
import type { SignedTreeHead } from '../audit/tree-head.js';
import type { AuditTreePort } from '../ports.js';
import { DomainError } from '../shared/errors.js';

/**
 * The current signed head of the audit tree, for a member to keep as a witness: later, the log
 * they see must extend the one they saw (`parley audit verify --against HEAD.json`). It reveals
 * the log's size and root, never an entry.
 */
export async function getTreeHead(
  deps: { auditTree: AuditTreePort },
  input: { actor: Actor },
): Promise<SignedTreeHead> {
  if (!input.actor.isAdmin && input.actor.memberships.length === 0)
    throw new DomainError('FORBIDDEN', 'Tree heads are for members of a process.');
  return deps.auditTree.head();
}

/** A consistency proof that the log of `newSize` entries extends the one of `oldSize` entries. */
export async function proveConsistency(
  deps: { auditTree: AuditTreePort },
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
