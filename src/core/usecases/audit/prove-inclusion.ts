import { canSeeEvent, type Actor } from '../../access/policy.js';
import type { AuditEntry } from '../../audit/catalogue.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { asId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/** An inclusion proof for one audit entry, with what the verifier needs to recompute its leaf. */
export interface InclusionProof {
  /** The entry's sequence number (its leaf is number seq − 1). */
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
 * A proof that an entry is in the log of `size` entries: a party can show that its signature, its
 * approval or its acknowledgement is in the log a signed tree head commits to. Only entries the
 * caller could have been told about are proven (its own actions, and events it may see as a
 * member, compartments obeyed); any other seq answers NOT_FOUND, exactly like one beyond the log.
 */
export async function proveInclusion(
  deps: Deps<'db' | 'auditTree'>,
  input: { actor: Actor; seq: number; size?: number },
): Promise<InclusionProof> {
  const entry = await deps.db.transaction(async (s) => {
    const found = await s.audit.findBySeq(input.seq);
    if (!found) return undefined;
    if (found.actorUserId === input.actor.userId) return found;
    if (found.processId === null) return undefined;
    const ctx = await openProcess(s, input.actor, asId<'Process'>(found.processId)).catch(
      (e: unknown) => {
        // Not a member, or a session too weak for the process: as if there were no such entry.
        if (e instanceof DomainError) return undefined;
        throw e;
      },
    );
    if (!ctx) return undefined;
    const compartment =
      found.compartmentId === null
        ? null
        : ctx.compartments.find((c) => c.id === found.compartmentId);
    if (compartment === undefined) return undefined;
    return canSeeEvent(ctx.membership, compartment) ? found : undefined;
  });
  if (!entry) throw notFound('Audit entry');
  const head = await deps.auditTree.head();
  const size = input.size ?? head.treeSize;
  if (size < entry.seq || size > head.treeSize)
    throw new DomainError(
      'RULE_VIOLATION',
      `The tree size must be between ${entry.seq} (the entry) and ${head.treeSize} (the current size).`,
    );
  return {
    seq: entry.seq,
    kind: entry.kind,
    at: entry.at,
    compartmentId: entry.compartmentId,
    hash: entry.hash,
    treeSize: size,
    proof: await deps.auditTree.inclusion(entry.seq, size),
  };
}
