import { type Actor } from '../../access/policy.js';
import type { SignedTreeHead } from '../../audit/tree-head.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';

/**
 * The current signed head of the audit tree, for a member to keep as a witness: later, the log
 * they see must extend the one they saw (`parley audit verify --against HEAD.json`). It reveals
 * the log's size and root, never an entry.
 */
export async function getTreeHead(
  deps: Deps<'auditTree'>,
  input: { actor: Actor },
): Promise<SignedTreeHead> {
  if (!input.actor.isAdmin && input.actor.memberships.length === 0)
    throw new DomainError('FORBIDDEN', 'Tree heads are for members of a process.');
  return deps.auditTree.head();
}
