import { type Actor } from '../../access/policy.js';
import type { SignedTreeHead } from '../../audit/tree-head.js';
import type { Deps } from '../../ports.js';
import { openAuditScope } from './scope-context.js';

/**
 * The current signed head of one audit scope's tree, for a member to keep as a witness: later, the
 * scope's log must extend the one they saw. It reveals the scope's size and root — counting only
 * what the member may read — never an entry. A scope the member may not witness answers NOT_FOUND.
 */
export async function getTreeHead(
  deps: Deps<'db' | 'auditTree'>,
  input: { actor: Actor; scope: string },
): Promise<SignedTreeHead> {
  const { name } = await deps.db.read((s) => openAuditScope(s, input.actor, input.scope));
  return deps.auditTree.head(name);
}
