import { type Actor } from '../../access/policy.js';
import type { AuditEntry } from '../../audit/catalogue.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { openAuditScope } from './scope-context.js';

/** An inclusion proof for one audit entry, with what the verifier needs to recompute its leaf. */
export interface InclusionProof {
  /** The scope whose log the proof is in. */
  readonly scope: string;
  /** The entry's number in its scope (its leaf is number seq − 1 of the scope's tree). */
  readonly seq: number;
  /** What happened, when, in which compartment (null: process level). */
  readonly kind: AuditEntry['kind'];
  readonly at: string;
  readonly compartmentId: string | null;
  /** The entry's chain hash: the leaf is `seq:hash` (core/audit/merkle.ts). */
  readonly hash: string;
  /** The size of the tree the proof leads to (the caller's witnessed head, or the current one). */
  readonly treeSize: number;
  /** The audit path (hex), nearest the leaf first, per RFC 9162 §2.1.3. */
  readonly proof: string[];
}

/**
 * A proof that entry `seq` of an audit scope is in the scope's log of `size` entries: a party can
 * show that its signature, its approval or its acknowledgement is in the log a signed tree head
 * commits to. A scope the member may not witness answers NOT_FOUND, and so does a number beyond
 * the scope's log.
 */
export async function proveInclusion(
  deps: Deps<'db' | 'auditTree'>,
  input: { actor: Actor; scope: string; seq: number; size?: number },
): Promise<InclusionProof> {
  const { name, entry } = await deps.db.read(async (s) => {
    const opened = await openAuditScope(s, input.actor, input.scope);
    return { name: opened.name, entry: await s.audit.findInScope(opened.name, input.seq) };
  });
  const head = await deps.auditTree.head(name);
  // An entry committed after the tree's last look is as if not there yet.
  if (!entry || input.seq > head.treeSize) throw notFound('Audit entry');
  const size = input.size ?? head.treeSize;
  if (size < input.seq || size > head.treeSize)
    throw new DomainError(
      'RULE_VIOLATION',
      `The tree size must be between ${input.seq} (the entry) and ${head.treeSize} (the scope's current size).`,
    );
  return {
    scope: name,
    seq: input.seq,
    kind: entry.kind,
    at: entry.at,
    compartmentId: entry.compartmentId,
    hash: entry.hash,
    treeSize: size,
    proof: await deps.auditTree.inclusion(name, input.seq, size),
  };
}
