/**
 * The audit log as an append-only Merkle tree, exactly as RFC 9162 (Certificate Transparency
 * version 2.0) §2.1 defines it, so that a party holding a signed tree head can check with any
 * RFC 9162 implementation that an entry is in the log (inclusion proof, §2.1.3) and that the log
 * it sees now extends the one it saw before (consistency proof, §2.1.4).
 *
 * The module has three layers:
 *
 * - Hashes and verifiers. `leafHash`, `nodeHash`, `emptyTreeHash`, `verifyInclusion` and
 *   `verifyConsistency` need nothing but a SHA-256 port; they are what a witness runs.
 * - Proof shapes and proof generation. A proof is first computed as a list of leaf ranges
 *   (`inclusionPathRanges`, `consistencyProofRanges`: the RFC's PATH and SUBPROOF recursions,
 *   returning D[a:b] instead of MTH(D[a:b])). Every range is then hashed from perfect, aligned
 *   subtrees read through a `SubtreeSource` (`MerkleReader`). Proof ranges are always made of a
 *   few perfect subtrees (a range ending at the tree size is a run of decreasing powers of two), so
 *   a root or a proof costs O(log n) subtree reads and hashes.
 * - `MerkleLog`, the in-memory `SubtreeSource`: it keeps every leaf hash and every complete
 *   subtree hash (about 2n × 32 bytes), so an append is amortised O(1) hashes and any root or
 *   proof, at any earlier size, is O(log n).
 *
 * Where the hashes come from is the caller's choice, which keeps this module synchronous and pure:
 * - the server can rebuild a `MerkleLog` at start by appending the stored leaf hashes page by page
 *   (one node hash per leaf on average), then append each entry once its transaction commits;
 * - a store that persists subtree hashes can list the ones a proof needs with `rangeSubtrees`,
 *   fetch them in one query and hand them over through `fetchedSubtrees`;
 * - `leafSubtrees` computes subtrees from a `leafHashAt(i)` accessor, O(2^level) per subtree,
 *   which suits small trees and tests, not serving proofs from a large log.
 *
 * Indices are 0-based leaf positions: the audit entry with seq s is leaf s − 1. Sizes and indices
 * are safe integers; the arithmetic avoids JavaScript's 32-bit bit operators on purpose, so trees
 * beyond 2^31 leaves stay correct.
 */
import type { AuditEntry } from './catalogue.js';

/** A SHA-256 function over bytes, injected so core does no I/O (the server passes node:crypto). */
export type Sha256Bytes = (data: Uint8Array) => Uint8Array;

/** Bytes in a SHA-256 hash: every leaf hash, node hash, root and proof node has this length. */
export const hashBytes = 32;

/** RFC 9162 §2.1.1 domain separation: leaves and interior nodes can never hash alike. */
const leafPrefix = 0x00;
const nodePrefix = 0x01;

// ---------------------------------------------------------------------------------------------
// Hashes

/** MTH({}): the root of the empty tree, SHA-256 of the empty string (RFC 9162 §2.1.1). */
export function emptyTreeHash(sha256: Sha256Bytes): Uint8Array {
  return sha256(new Uint8Array(0));
}

/** MTH({d}) = SHA-256(0x00 || d): the hash of one leaf's bytes (RFC 9162 §2.1.1). */
export function leafHash(leaf: Uint8Array, sha256: Sha256Bytes): Uint8Array {
  const input = new Uint8Array(1 + leaf.length);
  input[0] = leafPrefix;
  input.set(leaf, 1);
  return sha256(input);
}

/** SHA-256(0x01 || left || right): the hash of an interior node (RFC 9162 §2.1.1). */
export function nodeHash(left: Uint8Array, right: Uint8Array, sha256: Sha256Bytes): Uint8Array {
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = nodePrefix;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return sha256(input);
}

/**
 * The leaf bytes of an audit entry: UTF-8 of `<seq>:<chain hash hex>`, e.g. `42:9f86d0…`.
 * The chain hash already covers every field of the entry and the whole history before it, so the
 * leaf need not repeat them; the seq is written out so that the leaf states its own position
 * (leaf index = seq − 1) to anyone reading it. Frozen: changing it changes every root ever signed.
 */
export function auditLeaf(entry: Pick<AuditEntry, 'seq' | 'hash'>): Uint8Array {
  if (!Number.isSafeInteger(entry.seq) || entry.seq < 1)
    throw new RangeError(`an audit seq is a positive integer, not ${String(entry.seq)}`);
  if (!isHashHex(entry.hash))
    throw new RangeError('an audit chain hash is 64 lowercase hexadecimal digits');
  return new TextEncoder().encode(`${entry.seq}:${entry.hash}`);
}

/** The Merkle leaf hash of an audit entry: leafHash(auditLeaf(entry)). */
export function auditLeafHash(
  entry: Pick<AuditEntry, 'seq' | 'hash'>,
  sha256: Sha256Bytes,
): Uint8Array {
  return leafHash(auditLeaf(entry), sha256);
}

// ---------------------------------------------------------------------------------------------
// Bytes and hex

const hexByte = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += hexByte[b] ?? '';
  return out;
}

/** Bytes of a hex string (either case), or undefined if it is not an even run of hex digits. */
export function fromHex(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Whether a string is a SHA-256 hash written as 64 lowercase hex digits (the stored form). */
export function isHashHex(hex: string): boolean {
  return /^[0-9a-f]{64}$/.test(hex);
}

/** Whether two byte strings are equal. Hashes here are public, so timing does not matter. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Tree arithmetic (no 32-bit bit operators: see the module comment)

function isSize(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

function isOdd(n: number): boolean {
  return n % 2 === 1;
}

function half(n: number): number {
  return Math.floor(n / 2);
}

/** k in RFC 9162 §2.1.1: the largest power of two smaller than n (n ≥ 2). */
function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The level of [start, end) if it is a perfect subtree at an aligned position, else undefined. */
function alignedLevel(start: number, end: number): number | undefined {
  const n = end - start;
  let size = 1;
  let level = 0;
  while (size < n) {
    size *= 2;
    level++;
  }
  return size === n && start % n === 0 ? level : undefined;
}

function isPowerOfTwo(n: number): boolean {
  return n >= 1 && alignedLevel(0, n) !== undefined;
}

function assertIndexInTree(index: number, size: number): void {
  if (!isSize(size)) throw new RangeError(`a tree size is a non-negative integer, not ${size}`);
  if (!isSize(index) || index >= size)
    throw new RangeError(`leaf ${index} is not in a tree of ${size} leaves`);
}

function assertSizes(oldSize: number, newSize: number): void {
  if (!isSize(oldSize) || !isSize(newSize) || oldSize > newSize)
    throw new RangeError(`no consistency proof from size ${oldSize} to size ${newSize}`);
}

// ---------------------------------------------------------------------------------------------
// Proof shapes

/** The leaves D[start:end] whose Merkle tree hash is one node of a proof. */
export interface LeafRange {
  /** First leaf index, inclusive. */
  start: number;
  /** Last leaf index, exclusive. */
  end: number;
}

/** A perfect subtree: the 2^level leaves starting at leaf index × 2^level. */
export interface SubtreeId {
  /** Height above the leaves: 0 is a single leaf. */
  level: number;
  /** Position among the subtrees of that level, from the left. */
  index: number;
}

/**
 * The ranges whose hashes form the audit path of leaf `index` in a tree of `size` leaves, in
 * proof order (nearest the leaf first): PATH(m, D[n]) of RFC 9162 §2.1.3.1.
 */
export function inclusionPathRanges(index: number, size: number): LeafRange[] {
  assertIndexInTree(index, size);
  const out: LeafRange[] = [];
  path(index, 0, size, out);
  return out;
}

/** PATH(m, D[start:end]), appending the sibling after the sub-path as the RFC does. */
function path(m: number, start: number, end: number, out: LeafRange[]): void {
  const n = end - start;
  if (n <= 1) return;
  const k = largestPowerOfTwoBelow(n);
  if (m < k) {
    path(m, start, start + k, out);
    out.push({ start: start + k, end });
  } else {
    path(m - k, start + k, end, out);
    out.push({ start, end: start + k });
  }
}

/**
 * The ranges whose hashes form the consistency proof from size `oldSize` to size `newSize`, in
 * proof order: PROOF(m, D[n]) of RFC 9162 §2.1.4.1. Empty when oldSize is 0 or equal to newSize,
 * where there is nothing to prove.
 */
export function consistencyProofRanges(oldSize: number, newSize: number): LeafRange[] {
  assertSizes(oldSize, newSize);
  const out: LeafRange[] = [];
  if (oldSize === 0 || oldSize === newSize) return out;
  subproof(oldSize, 0, newSize, true, out);
  return out;
}

/** SUBPROOF(m, D[start:end], b); `isOldRoot` is the RFC's b: the subtree is the old tree itself. */
function subproof(
  m: number,
  start: number,
  end: number,
  isOldRoot: boolean,
  out: LeafRange[],
): void {
  const n = end - start;
  if (m === n) {
    if (!isOldRoot) out.push({ start, end });
    return;
  }
  const k = largestPowerOfTwoBelow(n);
  if (m <= k) {
    subproof(m, start, start + k, isOldRoot, out);
    out.push({ start: start + k, end });
  } else {
    subproof(m - k, start + k, end, false, out);
    out.push({ start, end: start + k });
  }
}

/**
 * The perfect subtrees a `MerkleReader` reads to hash a range, in the order it reads them: what a
 * database-backed store fetches before answering (see `fetchedSubtrees`).
 */
export function rangeSubtrees(range: LeafRange): SubtreeId[] {
  const out: SubtreeId[] = [];
  if (range.end > range.start) collectSubtrees(range.start, range.end, out);
  return out;
}

function collectSubtrees(start: number, end: number, out: SubtreeId[]): void {
  const level = alignedLevel(start, end);
  if (level !== undefined) {
    out.push({ level, index: start / 2 ** level });
    return;
  }
  const k = largestPowerOfTwoBelow(end - start);
  collectSubtrees(start, start + k, out);
  collectSubtrees(start + k, end, out);
}

// ---------------------------------------------------------------------------------------------
// Proof generation over any source of subtree hashes

/** Where proofs are built from: the hashes of perfect, aligned subtrees. */
export interface SubtreeSource {
  /** MTH of the 2^level leaves starting at index × 2^level; throws if they do not all exist. */
  subtreeHash(level: number, index: number): Uint8Array;
}

/** The key under which `fetchedSubtrees` looks a subtree up, e.g. `3:17`. */
export function subtreeKey(id: SubtreeId): string {
  return `${id.level}:${id.index}`;
}

/**
 * A source over subtree hashes fetched ahead (keyed by `subtreeKey`), for stores that are
 * asynchronous: list the ids with `rangeSubtrees`, fetch them, then build proofs synchronously.
 */
export function fetchedSubtrees(hashes: ReadonlyMap<string, Uint8Array>): SubtreeSource {
  return {
    subtreeHash(level, index) {
      const hash = hashes.get(subtreeKey({ level, index }));
      if (!hash) throw new RangeError(`subtree ${subtreeKey({ level, index })} was not fetched`);
      return hash;
    },
  };
}

/**
 * A source that computes each subtree from a leaf-hash accessor: O(2^level) hashes per subtree,
 * hence O(n) per proof. Right for small trees and tests; a large log serves proofs from a
 * `MerkleLog` or from stored subtree hashes instead.
 */
export function leafSubtrees(
  leafHashAt: (index: number) => Uint8Array,
  sha256: Sha256Bytes,
): SubtreeSource {
  const subtreeHash = (level: number, index: number): Uint8Array =>
    level === 0
      ? leafHashAt(index)
      : nodeHash(subtreeHash(level - 1, 2 * index), subtreeHash(level - 1, 2 * index + 1), sha256);
  return { subtreeHash };
}

/** Roots and proofs computed from a `SubtreeSource`; every result is a fresh copy. */
export class MerkleReader {
  constructor(
    /** Where the subtree hashes come from. */
    private readonly source: SubtreeSource,
    /** The SHA-256 port. */
    private readonly sha256: Sha256Bytes,
  ) {}

  /** MTH(D[start:end]), splitting as RFC 9162 §2.1.1 does; O(log n) for proof-shaped ranges. */
  rangeHash(range: LeafRange): Uint8Array {
    if (!isSize(range.start) || !isSize(range.end) || range.end < range.start)
      throw new RangeError(`[${range.start}, ${range.end}) is not a range of leaves`);
    if (range.end === range.start) return emptyTreeHash(this.sha256);
    return this.hashRange(range.start, range.end).slice();
  }

  /** MTH(D[0:size]): the root hash of the tree of the first `size` leaves. */
  root(size: number): Uint8Array {
    return this.rangeHash({ start: 0, end: size });
  }

  /** The audit path of leaf `index` in the tree of `size` leaves (RFC 9162 §2.1.3.1). */
  inclusionProof(index: number, size: number): Uint8Array[] {
    return inclusionPathRanges(index, size).map((range) => this.rangeHash(range));
  }

  /** The consistency proof from the tree of `oldSize` leaves to `newSize` (RFC 9162 §2.1.4.1). */
  consistencyProof(oldSize: number, newSize: number): Uint8Array[] {
    return consistencyProofRanges(oldSize, newSize).map((range) => this.rangeHash(range));
  }

  private hashRange(start: number, end: number): Uint8Array {
    const level = alignedLevel(start, end);
    if (level !== undefined) return this.source.subtreeHash(level, start / 2 ** level);
    const k = largestPowerOfTwoBelow(end - start);
    return nodeHash(this.hashRange(start, start + k), this.hashRange(start + k, end), this.sha256);
  }
}

// ---------------------------------------------------------------------------------------------
// The in-memory log

/** An append-only run of 32-byte hashes in one growable buffer (no object per hash). */
class HashColumn {
  private buffer = new Uint8Array(16 * hashBytes);
  /** How many hashes it holds. */
  length = 0;

  push(hash: Uint8Array): void {
    if ((this.length + 1) * hashBytes > this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer.set(hash, this.length * hashBytes);
    this.length++;
  }

  /** A view of hash i into the buffer, not a copy: callers copy what they hand out. */
  view(i: number): Uint8Array {
    return this.buffer.subarray(i * hashBytes, (i + 1) * hashBytes);
  }
}

/**
 * The audit Merkle tree in memory: every leaf hash and the hash of every complete perfect subtree
 * (level h holds one hash per 2^h leaves), about 2n × 32 bytes, 64 MB for a million entries.
 * Appending costs one node hash on average; a root or proof at any size ≤ `size` costs O(log n).
 */
export class MerkleLog implements SubtreeSource {
  /** levels[h][i] = MTH of leaves [i·2^h, (i+1)·2^h); levels[0] are the leaf hashes. */
  private readonly levels: HashColumn[] = [new HashColumn()];
  private readonly reader: MerkleReader;

  constructor(
    /** The SHA-256 port. */
    private readonly sha256: Sha256Bytes,
  ) {
    this.reader = new MerkleReader(this, sha256);
  }

  /** How many leaves the log holds. */
  get size(): number {
    return this.column(0).length;
  }

  /** Appends a leaf hash (see `auditLeafHash`) and returns its 0-based index. */
  append(leafHash: Uint8Array): number {
    if (leafHash.length !== hashBytes)
      throw new RangeError(`a leaf hash is ${hashBytes} bytes, not ${leafHash.length}`);
    const index = this.size;
    this.column(0).push(leafHash);
    // An odd index completes a pair: hash it into its parent, and carry up while parents pair.
    let level = 0;
    let i = index;
    while (isOdd(i)) {
      const below = this.column(level);
      const parent = nodeHash(below.view(i - 1), below.view(i), this.sha256);
      level++;
      i = (i - 1) / 2;
      this.column(level).push(parent);
    }
    return index;
  }

  /** The leaf hash at a 0-based index. */
  leafHash(index: number): Uint8Array {
    return this.subtreeHash(0, index);
  }

  /** The hash of a complete perfect subtree; throws if it is not complete yet. */
  subtreeHash(level: number, index: number): Uint8Array {
    const column = this.levels[level];
    if (!column || !isSize(index) || index >= column.length)
      throw new RangeError(`subtree ${subtreeKey({ level, index })} is not complete`);
    return column.view(index).slice();
  }

  /** The root hash at a size (default: the whole log). */
  root(size: number = this.size): Uint8Array {
    this.assertWithin(size);
    return this.reader.root(size);
  }

  /** The audit path of leaf `index` in the tree of `size` leaves (default: the whole log). */
  inclusionProof(index: number, size: number = this.size): Uint8Array[] {
    this.assertWithin(size);
    return this.reader.inclusionProof(index, size);
  }

  /** The consistency proof from `oldSize` to `newSize` leaves (default: the whole log). */
  consistencyProof(oldSize: number, newSize: number = this.size): Uint8Array[] {
    this.assertWithin(newSize);
    return this.reader.consistencyProof(oldSize, newSize);
  }

  private column(level: number): HashColumn {
    let column = this.levels[level];
    if (!column) {
      column = new HashColumn();
      this.levels[level] = column;
    }
    return column;
  }

  private assertWithin(size: number): void {
    if (!isSize(size) || size > this.size)
      throw new RangeError(`the log has ${this.size} leaves, not ${size}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Verification (what a witness runs)

/** The outcome of checking a proof: it holds, or why it does not. */
export type ProofVerdict =
  | { ok: true }
  | {
      ok: false;
      /** Why the proof fails, in words for a person. */
      reason: string;
    };

const holds: ProofVerdict = { ok: true };

function fails(reason: string): ProofVerdict {
  return { ok: false, reason };
}

/** A claim that a leaf is in a tree, with the audit path that should prove it. */
export interface InclusionClaim {
  /** The leaf's 0-based index. */
  index: number;
  /** The size of the tree the root belongs to. */
  size: number;
  /** The leaf hash, computed by the verifier from the leaf bytes (never taken on trust). */
  leafHash: Uint8Array;
  /** The root hash of that tree, from a signed tree head. */
  root: Uint8Array;
  /** The audit path, nearest the leaf first. */
  proof: readonly Uint8Array[];
}

/**
 * Checks an inclusion proof with the algorithm of RFC 9162 §2.1.3.2, after rejecting malformed
 * input outright: sizes that are not safe integers, hashes that are not 32 bytes, and a path that
 * is not exactly as long as the one for (index, size). That length check is redundant with the
 * RFC's own "sn is 0" checks, and kept on purpose: verifiers that accepted proofs with extra
 * nodes or with size 0 have shipped before.
 */
export function verifyInclusion(claim: InclusionClaim, sha256: Sha256Bytes): ProofVerdict {
  const { index, size, leafHash: leaf, root, proof } = claim;
  if (!isSize(index) || !isSize(size))
    return fails('the leaf index and tree size must be non-negative integers');
  if (index >= size) return fails(`leaf ${index} is not in a tree of ${size} leaves`);
  if (leaf.length !== hashBytes || root.length !== hashBytes)
    return fails(`the leaf hash and the root must be ${hashBytes} bytes`);
  if (proof.some((node) => node.length !== hashBytes))
    return fails(`every proof node must be ${hashBytes} bytes`);
  const expected = inclusionPathRanges(index, size).length;
  if (proof.length !== expected)
    return fails(`the proof has ${proof.length} nodes; leaf ${index} of ${size} needs ${expected}`);

  // RFC 9162 §2.1.3.2, step by step.
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return fails('the proof is longer than the path to the root');
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r, sha256);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p, sha256);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fails('the proof is shorter than the path to the root');
  if (!bytesEqual(r, root)) return fails('the proof does not lead to the root hash');
  return holds;
}

/** A claim that the tree of `newSize` leaves extends the tree of `oldSize` leaves. */
export interface ConsistencyClaim {
  /** The size of the earlier tree. */
  oldSize: number;
  /** The size of the later tree. */
  newSize: number;
  /** The earlier root hash, from the tree head the verifier kept. */
  oldRoot: Uint8Array;
  /** The later root hash, from the newer tree head. */
  newRoot: Uint8Array;
  /** The consistency proof, as the log produced it (RFC 9162 §2.1.4.1). */
  proof: readonly Uint8Array[];
}

/**
 * Checks a consistency proof with the algorithm of RFC 9162 §2.1.4.2 (defined for
 * 0 < oldSize < newSize), with the cases the RFC leaves out made explicit and strict:
 * - oldSize > newSize fails: a log never shrinks;
 * - oldSize = 0: anything extends the empty tree, so the proof must be empty, and a root claimed
 *   for size 0 must be MTH({}), SHA-256 of the empty string;
 * - oldSize = newSize: the proof must be empty and the roots equal (two roots for one size are a
 *   fork, the very thing witnesses look for);
 * - otherwise the proof must have exactly the length PROOF(oldSize, D[newSize]) has.
 */
export function verifyConsistency(claim: ConsistencyClaim, sha256: Sha256Bytes): ProofVerdict {
  const { oldSize, newSize, oldRoot, newRoot, proof } = claim;
  if (!isSize(oldSize) || !isSize(newSize))
    return fails('the tree sizes must be non-negative integers');
  if (oldRoot.length !== hashBytes || newRoot.length !== hashBytes)
    return fails(`the roots must be ${hashBytes} bytes`);
  if (proof.some((node) => node.length !== hashBytes))
    return fails(`every proof node must be ${hashBytes} bytes`);
  if (oldSize > newSize) return fails(`the log shrank from ${oldSize} to ${newSize} leaves`);
  if (oldSize === 0) {
    if (proof.length !== 0) return fails('a proof from the empty tree must be empty');
    const empty = emptyTreeHash(sha256);
    if (!bytesEqual(oldRoot, empty) || (newSize === 0 && !bytesEqual(newRoot, empty)))
      return fails('the root of the empty tree must be SHA-256 of the empty string');
    return holds;
  }
  if (oldSize === newSize) {
    if (proof.length !== 0) return fails('a proof between equal sizes must be empty');
    if (!bytesEqual(oldRoot, newRoot))
      return fails(`two different roots for ${oldSize} leaves: the log forked`);
    return holds;
  }
  const expected = consistencyProofRanges(oldSize, newSize).length;
  if (proof.length !== expected)
    return fails(
      `the proof has ${proof.length} nodes; from ${oldSize} to ${newSize} leaves needs ${expected}`,
    );

  // RFC 9162 §2.1.4.2, step by step.
  if (proof.length === 0) return fails('the proof is empty');
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  const [first, ...rest] = path;
  if (!first) return fails('the proof is empty');
  let fr = first;
  let sr = first;
  for (const c of rest) {
    if (sn === 0) return fails('the proof is longer than the path to the new root');
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr, sha256);
      sr = nodeHash(c, sr, sha256);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c, sha256);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fails('the proof is shorter than the path to the new root');
  if (!bytesEqual(fr, oldRoot)) return fails('the proof does not lead to the old root');
  if (!bytesEqual(sr, newRoot)) return fails('the proof does not lead to the new root');
  return holds;
}
