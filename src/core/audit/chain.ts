/**
 * The audit hash chain. Each entry's hash covers the previous entry's hash and every field of the
 * entry, so changing, deleting or reordering any past entry breaks every hash after it.
 */
import type { AuditEntry } from './catalogue.js';

/** The previous hash of the first entry. */
export const genesisHash = '0'.repeat(64);

/** A SHA-256 function returning lowercase hex; injected so core does no I/O. */
export type Sha256 = (text: string) => string;

/** JSON with object keys sorted at every level, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** The hash of an entry given its fields and the previous hash. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>, sha256: Sha256): string {
  const body = canonicalJson({
    seq: entry.seq,
    at: entry.at,
    actorUserId: entry.actorUserId,
    processId: entry.processId,
    compartmentId: entry.compartmentId,
    kind: entry.kind,
    data: entry.data,
  });
  return sha256(`${entry.prevHash}\n${body}`);
}

/** The outcome of verifying a chain: fine, or the first entry that does not match and why. */
export type ChainVerdict =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; badSeq: number; reason: string };

/** Walks the entries in stored order and names the first one that breaks the chain. */
export async function verifyChain(
  entries: AsyncIterable<AuditEntry> | Iterable<AuditEntry>,
  sha256: Sha256,
  /** The head recorded beside the log: catches entries cut off the end. */
  recordedHead?: { seq: number; hash: string },
): Promise<ChainVerdict> {
  let prev = genesisHash;
  let expectedSeq = 1;
  let count = 0;
  for await (const e of entries) {
    count++;
    if (e.seq !== expectedSeq)
      return {
        ok: false,
        entries: count,
        badSeq: e.seq,
        reason: `expected entry #${expectedSeq} but found #${e.seq} (an entry was removed or reordered)`,
      };
    if (e.prevHash !== prev)
      return {
        ok: false,
        entries: count,
        badSeq: e.seq,
        reason: 'its link to the previous entry does not match',
      };
    if (entryHash(e, sha256) !== e.hash)
      return {
        ok: false,
        entries: count,
        badSeq: e.seq,
        reason: 'its contents do not match its hash',
      };
    prev = e.hash;
    expectedSeq++;
  }
  if (recordedHead && (recordedHead.seq !== count || recordedHead.hash !== prev))
    return {
      ok: false,
      entries: count,
      badSeq: count + 1,
      reason: `the recorded head is entry #${recordedHead.seq} but the log ends at #${count} (entries were removed from the end)`,
    };
  return { ok: true, entries: count, head: prev };
}
