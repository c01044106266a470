/**
 * Signed tree heads: the log's signed statement "my first treeSize entries have this Merkle root",
 * as in RFC 9162 §4.10. Each party keeps the heads it has seen; later it asks for a newer head and
 * a consistency proof, and `checkExtends` tells it whether the log it sees now extends the one it
 * saw then, or why not. Signing and verifying are ports (the server uses Ed25519 from
 * node:crypto), so this module stays pure.
 *
 * The signed bytes are a small text, one field per line, so anyone can rebuild them by hand:
 *
 *     parley-audit-tree-head/v1
 *     key <keyId>
 *     size <treeSize in decimal>
 *     root <rootHash, 64 lowercase hex digits>
 *     time <timestamp, as Date.prototype.toISOString writes it>
 *
 * each line ending in "\n". The first line separates these signatures from anything else the key
 * might sign.
 *
 * A head of one audit scope (core/audit/scope.ts: the log of one compartment, of a process's
 * set-up, or of a member's own reads — what members witness) names its scope, so that a head, a
 * proof or a size of one scope can never pass for another's:
 *
 *     parley-audit-tree-head/v2
 *     key <keyId>
 *     scope <scope>
 *     size <treeSize>
 *     root <rootHash>
 *     time <timestamp>
 *
 * The global log's heads (the operator's) keep the v1 form, so heads kept before scopes still
 * verify. Every field is validated so that it has exactly one spelling (no leading zeros, no
 * upper-case hex, one timestamp format, no newline in the key id): one head, one byte string.
 */
import { fromHex, hashBytes, isHashHex, verifyConsistency, type Sha256Bytes } from './merkle.js';

/** A tree head signed by the log, as published to parties and kept by them (e.g. HEAD.json). */
export interface SignedTreeHead {
  /** How many audit entries the tree covers (entries with seq 1..treeSize). */
  treeSize: number;
  /** MTH of those entries' leaves, 64 lowercase hex digits. */
  rootHash: string;
  /** When the log signed it, as `Date.prototype.toISOString` writes it (UTC, milliseconds). */
  timestamp: string;
  /** Signature over `treeHeadSigningBytes` of the other fields, standard padded base64. */
  signature: string;
  /** Which log key signed it: printable ASCII without spaces, at most 128 characters. */
  keyId: string;
  /**
   * The audit scope whose log this is (printable ASCII without spaces, at most 200 characters);
   * absent for the global log, whose heads only the operator sees.
   */
  scope?: string;
}

/** A tree head before signing: everything the signature covers. */
export type TreeHead = Omit<SignedTreeHead, 'signature'>;

/** Signs bytes with the log's private key (the server: Ed25519 from node:crypto). */
export type SignBytes = (bytes: Uint8Array) => Uint8Array;

/**
 * Checks a signature with the public key named by `keyId` (a verifier bound to one key may ignore
 * the id: the signature fails anyway when another key made it).
 */
export type VerifySignature = (bytes: Uint8Array, signature: Uint8Array, keyId: string) => boolean;

/** The first line of the signed bytes of a global head: names this format and version. */
export const treeHeadFormat = 'parley-audit-tree-head/v1';

/** The first line of the signed bytes of a scope's head. */
export const scopedTreeHeadFormat = 'parley-audit-tree-head/v2';

const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const keyIdPattern = /^[\x21-\x7e]{1,128}$/;
const scopePattern = /^[\x21-\x7e]{1,200}$/;

/** What is wrong with a tree head's fields, or undefined when each has its one valid spelling. */
export function treeHeadProblem(head: TreeHead): string | undefined {
  if (!Number.isSafeInteger(head.treeSize) || head.treeSize < 0)
    return 'treeSize must be a non-negative integer';
  if (!isHashHex(head.rootHash)) return 'rootHash must be 64 lowercase hexadecimal digits';
  if (!isoTimestamp.test(head.timestamp) || !isExactInstant(head.timestamp))
    return 'timestamp must be an ISO 8601 UTC instant as toISOString writes it';
  if (!keyIdPattern.test(head.keyId))
    return 'keyId must be 1 to 128 printable ASCII characters without spaces';
  if (head.scope !== undefined && !scopePattern.test(head.scope))
    return 'scope must be 1 to 200 printable ASCII characters without spaces';
  return undefined;
}

function isExactInstant(timestamp: string): boolean {
  const ms = Date.parse(timestamp);
  return Number.isFinite(ms) && new Date(ms).toISOString() === timestamp;
}

/** The canonical bytes a tree head's signature covers (see the module comment); throws if invalid. */
export function treeHeadSigningBytes(head: TreeHead): Uint8Array {
  const problem = treeHeadProblem(head);
  if (problem) throw new RangeError(`invalid tree head: ${problem}`);
  return new TextEncoder().encode(
    (head.scope === undefined
      ? `${treeHeadFormat}\n` + `key ${head.keyId}\n`
      : `${scopedTreeHeadFormat}\n` + `key ${head.keyId}\n` + `scope ${head.scope}\n`) +
      `size ${head.treeSize}\n` +
      `root ${head.rootHash}\n` +
      `time ${head.timestamp}\n`,
  );
}

/** Signs a tree head with the log's key. */
export function signTreeHead(head: TreeHead, sign: SignBytes): SignedTreeHead {
  const signature = toBase64(sign(treeHeadSigningBytes(head)));
  return {
    treeSize: head.treeSize,
    rootHash: head.rootHash,
    timestamp: head.timestamp,
    signature,
    keyId: head.keyId,
    ...(head.scope === undefined ? {} : { scope: head.scope }),
  };
}

/** The outcome of checking a signed tree head on its own: valid, or why not. */
export type TreeHeadVerdict =
  | { ok: true }
  | {
      ok: false;
      /** What is wrong with the head, in words for a person. */
      reason: string;
    };

/** Checks a signed tree head's fields and its signature. */
export function verifyTreeHead(head: SignedTreeHead, verify: VerifySignature): TreeHeadVerdict {
  const problem = treeHeadProblem(head);
  if (problem) return { ok: false, reason: problem };
  const signature = fromBase64(head.signature);
  if (!signature || signature.length === 0)
    return { ok: false, reason: 'signature must be standard padded base64' };
  if (!verify(treeHeadSigningBytes(head), signature, head.keyId))
    return { ok: false, reason: `the signature does not match key ${head.keyId}` };
  return { ok: true };
}

/** The outcome of reading a tree head from JSON. */
export type TreeHeadReading =
  | {
      ok: true;
      /** The head, every field checked (its signature not yet: see `verifyTreeHead`). */
      head: SignedTreeHead;
    }
  | {
      ok: false;
      /** Why the value is not a tree head. */
      reason: string;
    };

/**
 * Reads a signed tree head from parsed JSON (e.g. a party's HEAD.json): exactly the five fields
 * (and `scope` for a scope's head), each of the right type and spelling. The signature is not
 * checked here (see `verifyTreeHead`).
 */
export function readSignedTreeHead(value: unknown): TreeHeadReading {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'a tree head is a JSON object' };
  const fields = value as Record<string, unknown>;
  const expected = ['keyId', 'rootHash', 'signature', 'timestamp', 'treeSize'];
  const keys = Object.keys(fields)
    .filter((k) => k !== 'scope')
    .sort();
  if (keys.join() !== expected.join())
    return {
      ok: false,
      reason: `a tree head has exactly the fields ${expected.join(', ')} (and scope for a scope's log)`,
    };
  const { treeSize, rootHash, timestamp, signature, keyId, scope } = fields;
  if (scope !== undefined && typeof scope !== 'string')
    return { ok: false, reason: 'scope is a string' };
  if (
    typeof treeSize !== 'number' ||
    typeof rootHash !== 'string' ||
    typeof timestamp !== 'string' ||
    typeof signature !== 'string' ||
    typeof keyId !== 'string'
  )
    return { ok: false, reason: 'treeSize is a number and the other fields are strings' };
  const head: SignedTreeHead = {
    treeSize,
    rootHash,
    timestamp,
    signature,
    keyId,
    ...(scope === undefined ? {} : { scope }),
  };
  const problem = treeHeadProblem(head);
  if (problem) return { ok: false, reason: problem };
  if (!fromBase64(signature)) return { ok: false, reason: 'signature must be standard base64' };
  return { ok: true, head };
}

/** Why a newer tree head fails to extend an older one. */
export type ExtendsFailure =
  /** A head's fields are malformed. */
  | 'malformed_head'
  /** A head's signature does not verify. */
  | 'bad_signature'
  /** The heads are of different logs (two scopes, or a scope and the global log). */
  | 'other_log'
  /** The newer head has fewer entries than the older one. */
  | 'log_shrank'
  /** Same size, different roots: the log showed two different histories. */
  | 'fork'
  /** The newer head covers more entries but was signed earlier. */
  | 'time_went_backwards'
  /** The consistency proof is malformed or does not connect the two roots. */
  | 'proof_rejected';

/** The outcome of `checkExtends`: the new head extends the old one, or what is wrong. */
export type ExtendsVerdict =
  | { ok: true }
  | {
      ok: false;
      /** The kind of failure, for programs (the CLI's exit status, an alert). */
      failure: ExtendsFailure;
      /** What is wrong, in words for a person. */
      reason: string;
    };

/** What a party needs to check that the log it sees now extends the one it saw before. */
export interface ExtendsCheck {
  /** The head the party kept from before. */
  oldHead: SignedTreeHead;
  /** The head the log publishes now. */
  newHead: SignedTreeHead;
  /** The consistency proof from oldHead.treeSize to newHead.treeSize, as hex strings. */
  proof: readonly string[];
  /** Checks the log's signatures. */
  verify: VerifySignature;
  /** The SHA-256 port. */
  sha256: Sha256Bytes;
}

/**
 * The witness check: both heads are well formed and signed, the log did not shrink, and the
 * consistency proof shows that the new tree's first oldHead.treeSize leaves are exactly the old
 * tree (RFC 9162 §2.1.4.2). Equal sizes need equal roots and an empty proof; a head of size 0
 * must carry the empty tree's root, and then every later head extends it.
 */
export function checkExtends(check: ExtendsCheck): ExtendsVerdict {
  const { oldHead, newHead, proof, verify, sha256 } = check;
  for (const [name, head] of [
    ['old', oldHead],
    ['new', newHead],
  ] as const) {
    const problem = treeHeadProblem(head);
    if (problem) return refuse('malformed_head', `the ${name} head is malformed: ${problem}`);
    const verdict = verifyTreeHead(head, verify);
    if (!verdict.ok) return refuse('bad_signature', `the ${name} head: ${verdict.reason}`);
  }
  if (newHead.scope !== oldHead.scope)
    return refuse(
      'other_log',
      `the heads are of different logs (${oldHead.scope ?? 'the global log'} and ${newHead.scope ?? 'the global log'})`,
    );
  if (newHead.treeSize < oldHead.treeSize)
    return refuse(
      'log_shrank',
      `the log had ${oldHead.treeSize} entries and now claims ${newHead.treeSize}`,
    );
  if (newHead.treeSize === oldHead.treeSize && newHead.rootHash !== oldHead.rootHash)
    return refuse('fork', `two different roots for ${oldHead.treeSize} entries`);
  if (
    newHead.treeSize > oldHead.treeSize &&
    Date.parse(newHead.timestamp) < Date.parse(oldHead.timestamp)
  )
    return refuse(
      'time_went_backwards',
      `the head for ${newHead.treeSize} entries was signed before the head for ${oldHead.treeSize}`,
    );

  const nodes: Uint8Array[] = [];
  for (const hex of proof) {
    const node = fromHex(hex);
    if (!node || node.length !== hashBytes)
      return refuse('proof_rejected', 'every proof node is a 32-byte hash in hex');
    nodes.push(node);
  }
  const oldRoot = fromHex(oldHead.rootHash);
  const newRoot = fromHex(newHead.rootHash);
  if (!oldRoot || !newRoot) return refuse('malformed_head', 'a root hash is not hex');
  const verdict = verifyConsistency(
    { oldSize: oldHead.treeSize, newSize: newHead.treeSize, oldRoot, newRoot, proof: nodes },
    sha256,
  );
  if (!verdict.ok) return refuse('proof_rejected', verdict.reason);
  return { ok: true };
}

function refuse(failure: ExtendsFailure, reason: string): ExtendsVerdict {
  return { ok: false, failure, reason };
}

// Base64 through the btoa/atob globals (Node ≥ 16 and browsers), over binary strings.

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Bytes of standard padded base64, or undefined unless `text` is exactly how btoa writes them. */
function fromBase64(text: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return toBase64(bytes) === text ? bytes : undefined;
}
