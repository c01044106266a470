import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './catalogue.js';
import { canonicalJson, entryHash, genesisHash } from './chain.js';
import {
  MerkleLog,
  MerkleReader,
  auditLeaf,
  auditLeafHash,
  consistencyProofRanges,
  emptyTreeHash,
  fetchedSubtrees,
  fromHex,
  hashBytes,
  inclusionPathRanges,
  leafHash,
  leafSubtrees,
  nodeHash,
  rangeSubtrees,
  subtreeKey,
  toHex,
  verifyConsistency,
  verifyInclusion,
  type ConsistencyClaim,
  type InclusionClaim,
  type LeafRange,
  type Sha256Bytes,
  type SubtreeId,
} from './merkle.js';

const sha256: Sha256Bytes = (data) => new Uint8Array(createHash('sha256').update(data).digest());
const unhex = (hex: string): Uint8Array => fromHex(hex)!;
const hexes = (hashes: readonly Uint8Array[]): string[] => hashes.map(toHex);
const sameHashes = (a: readonly Uint8Array[], b: readonly Buffer[]): boolean =>
  a.length === b.length && a.every((hash, i) => b[i]!.equals(hash));

// ---------------------------------------------------------------------------------------------
// Published test vectors.
//
// The eight-leaf reference tree of Certificate Transparency, with its roots, audit paths and
// consistency proofs, as published in google/certificate-transparency
// (cpp/merkletree/merkle_tree_test.cc: kInputs, kSHA256Roots, kSHA256Paths, kSHA256Proofs) and
// transparency-dev/merkle (proof/verify_test.go: leaves, roots, inclusionProofs,
// consistencyProofs, which adds the 6 → 7 proof). Those files number leaves from 1; here the
// index is 0-based, as in RFC 9162.

const ctLeaves = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(unhex);

const ctEmptyRoot = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const ctRoots: [size: number, root: string][] = [
  [1, '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d'],
  [2, 'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'],
  [3, 'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77'],
  [4, 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'],
  [5, '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4'],
  [6, '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef'],
  [7, 'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c'],
  [8, '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'],
];

const ctRoot = (size: number): Uint8Array => {
  const found = ctRoots.find(([n]) => n === size);
  return found ? unhex(found[1]) : unhex(ctEmptyRoot);
};

const ctInclusion: [index: number, size: number, proof: string[]][] = [
  [0, 1, []],
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    1,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];

const ctConsistency: [oldSize: number, newSize: number, proof: string[]][] = [
  [1, 1, []],
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
  [
    6,
    7,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
];

function logOf(leaves: readonly Uint8Array[]): MerkleLog {
  const log = new MerkleLog(sha256);
  for (const leaf of leaves) log.append(leafHash(leaf, sha256));
  return log;
}

// ---------------------------------------------------------------------------------------------
// An independent implementation, written straight from the definitions of RFC 9162 §2.1 over the
// leaf bytes, with its own hashing and its own power-of-two arithmetic. Only memoised, so that
// cross-checking every size up to 300 stays quick.

function referenceTree(data: readonly Uint8Array[]) {
  const H = (...parts: Uint8Array[]): Buffer => {
    const h = createHash('sha256');
    for (const part of parts) h.update(part);
    return h.digest();
  };
  const memo = new Map<string, Buffer>();
  const splitOf = (n: number): number => {
    let split = 1;
    while (split < n) split <<= 1;
    return split >> 1;
  };
  const mth = (a: number, b: number): Buffer => {
    const key = `${a}:${b}`;
    const known = memo.get(key);
    if (known) return known;
    let hash: Buffer;
    if (b === a) hash = H(new Uint8Array(0));
    else if (b - a === 1) hash = H(Uint8Array.of(0), data[a]!);
    else {
      const k = splitOf(b - a);
      hash = H(Uint8Array.of(1), mth(a, a + k), mth(a + k, b));
    }
    memo.set(key, hash);
    return hash;
  };
  // PATH(m, D[a:b]) of RFC 9162 §2.1.3.1.
  const path = (m: number, a: number, b: number): Buffer[] => {
    if (b - a <= 1) return [];
    const k = splitOf(b - a);
    return m < k
      ? [...path(m, a, a + k), mth(a + k, b)]
      : [...path(m - k, a + k, b), mth(a, a + k)];
  };
  // SUBPROOF(m, D[a:b], b) of RFC 9162 §2.1.4.1.
  const subproof = (m: number, a: number, b: number, whole: boolean): Buffer[] => {
    if (m === b - a) return whole ? [] : [mth(a, b)];
    const k = splitOf(b - a);
    return m <= k
      ? [...subproof(m, a, a + k, whole), mth(a + k, b)]
      : [...subproof(m - k, a + k, b, false), mth(a, a + k)];
  };
  return {
    root: (n: number) => toHex(mth(0, n)),
    path: (m: number, n: number) => path(m, 0, n),
    proof: (m: number, n: number) => (m === 0 || m === n ? [] : subproof(m, 0, n, true)),
  };
}

// ---------------------------------------------------------------------------------------------
// Corruptions, after the probes of the reference implementations' verifier tests.

const someHash = sha256(new TextEncoder().encode('some other hash'));

function inclusionProbes(claim: InclusionClaim): [string, InclusionClaim][] {
  const { index, size, leafHash: leaf, root, proof } = claim;
  const probes: [string, InclusionClaim][] = [
    ['index - 1', { ...claim, index: index - 1 }],
    ['index + 1', { ...claim, index: index + 1 }],
    ['index ^ 2', { ...claim, index: index ^ 2 }],
    ['size * 2', { ...claim, size: size * 2 }],
    ['size / 2', { ...claim, size: Math.floor(size / 2) }],
    ['a wrong leaf', { ...claim, leafHash: someHash }],
    ['the empty root', { ...claim, root: emptyTreeHash(sha256) }],
    ['another root', { ...claim, root: someHash }],
    ['trailing empty bytes', { ...claim, proof: [...proof, new Uint8Array(0)] }],
    ['a trailing root', { ...claim, proof: [...proof, root] }],
    ['a trailing leaf', { ...claim, proof: [...proof, leaf] }],
    ['preceding empty bytes', { ...claim, proof: [new Uint8Array(0), ...proof] }],
    ['a preceding root', { ...claim, proof: [root, ...proof] }],
  ];
  proof.forEach((_, i) => {
    const flipped = proof.map((node) => node.slice());
    flipped[i]![0]! ^= 8;
    probes.push([`node ${i} with a flipped bit`, { ...claim, proof: flipped }]);
    const replaced = [...proof];
    replaced[i] = emptyTreeHash(sha256);
    probes.push([`node ${i} replaced`, { ...claim, proof: replaced }]);
  });
  if (proof.length > 0)
    probes.push(['the last node removed', { ...claim, proof: proof.slice(0, -1) }]);
  if (proof.length > 1)
    probes.push(['a node inserted', { ...claim, proof: [proof[0]!, someHash, ...proof.slice(1)] }]);
  return probes;
}

function consistencyProbes(claim: ConsistencyClaim): [string, ConsistencyClaim][] {
  const { oldSize, newSize, oldRoot, newRoot, proof } = claim;
  const probes: [string, ConsistencyClaim][] = [
    ['old size - 1', { ...claim, oldSize: oldSize - 1 }],
    ['old size + 1', { ...claim, oldSize: oldSize + 1 }],
    ['old size ^ 2', { ...claim, oldSize: oldSize ^ 2 }],
    ['new size * 2', { ...claim, newSize: newSize * 2 }],
    ['new size / 2', { ...claim, newSize: Math.floor(newSize / 2) }],
    ['a wrong old root', { ...claim, oldRoot: someHash }],
    ['a wrong new root', { ...claim, newRoot: someHash }],
    ['swapped roots', { ...claim, oldRoot: newRoot, newRoot: oldRoot }],
    ['an empty proof', { ...claim, proof: [] }],
    ['trailing empty bytes', { ...claim, proof: [...proof, new Uint8Array(0)] }],
    ['a trailing old root', { ...claim, proof: [...proof, oldRoot] }],
    ['a trailing new root', { ...claim, proof: [...proof, newRoot] }],
    ['a repeated last node', { ...claim, proof: [...proof, proof.at(-1)!] }],
    ['preceding empty bytes', { ...claim, proof: [new Uint8Array(0), ...proof] }],
    ['a preceding old root', { ...claim, proof: [oldRoot, ...proof] }],
    ['a preceding new root', { ...claim, proof: [newRoot, ...proof] }],
    ['a repeated first node', { ...claim, proof: [proof[0]!, ...proof] }],
    ['the last node removed', { ...claim, proof: proof.slice(0, -1) }],
  ];
  proof.forEach((_, i) => {
    const flipped = proof.map((node) => node.slice());
    flipped[i]![0]! ^= 16;
    probes.push([`node ${i} with a flipped bit`, { ...claim, proof: flipped }]);
    const replaced = [...proof];
    replaced[i] = emptyTreeHash(sha256);
    probes.push([`node ${i} replaced`, { ...claim, proof: replaced }]);
  });
  return probes;
}

// ---------------------------------------------------------------------------------------------

describe('the Merkle tree hashes (RFC 9162 §2.1.1)', () => {
  it('gives the empty tree the hash of the empty string', () => {
    expect(toHex(emptyTreeHash(sha256))).toBe(ctEmptyRoot);
    expect(toHex(new MerkleLog(sha256).root())).toBe(ctEmptyRoot);
  });

  it('prefixes a leaf with 0x00 and an interior node with 0x01', () => {
    const a = Uint8Array.of(1, 2);
    const b = Uint8Array.of(3);
    expect(leafHash(a, sha256)).toEqual(sha256(Uint8Array.of(0, 1, 2)));
    expect(nodeHash(a, b, sha256)).toEqual(sha256(Uint8Array.of(1, 1, 2, 3)));
  });

  it('keeps an interior node from passing as a leaf, since the verifier hashes leaf bytes itself', () => {
    const log = logOf(ctLeaves.slice(0, 4));
    const interior = log.subtreeHash(1, 0);
    // As a leaf *hash*, the left half of a 4-leaf tree is a genuine leaf of the 2-leaf tree of
    // subtrees; as leaf *bytes*, the 0x00 prefix makes it a different hash that proves nothing.
    const claim = { index: 0, size: 2, root: log.root(), proof: [log.subtreeHash(1, 1)] };
    expect(verifyInclusion({ ...claim, leafHash: leafHash(interior, sha256) }, sha256).ok).toBe(
      false,
    );
  });
});

describe('the published Certificate Transparency test vectors', () => {
  it.each(ctRoots)('gives the tree of the first %i leaves the root %s', (size, root) => {
    const grown = logOf(ctLeaves.slice(0, size));
    expect(toHex(grown.root())).toBe(root);
    expect(toHex(logOf(ctLeaves).root(size))).toBe(root);
  });

  it.each(ctInclusion)('gives leaf %i of %i the published audit path', (index, size, proof) => {
    const log = logOf(ctLeaves);
    expect(hexes(log.inclusionProof(index, size))).toEqual(proof);
    const claim: InclusionClaim = {
      index,
      size,
      leafHash: leafHash(ctLeaves[index]!, sha256),
      root: ctRoot(size),
      proof: proof.map(unhex),
    };
    expect(verifyInclusion(claim, sha256)).toEqual({ ok: true });
  });

  it.each(ctInclusion)(
    'rejects every corruption of the audit path of leaf %i of %i',
    (index, size, proof) => {
      const claim: InclusionClaim = {
        index,
        size,
        leafHash: leafHash(ctLeaves[index]!, sha256),
        root: ctRoot(size),
        proof: proof.map(unhex),
      };
      for (const [what, probe] of inclusionProbes(claim))
        expect(verifyInclusion(probe, sha256).ok, what).toBe(false);
    },
  );

  it.each(ctConsistency)(
    'gives sizes %i → %i the published consistency proof',
    (oldSize, newSize, proof) => {
      const log = logOf(ctLeaves);
      expect(hexes(log.consistencyProof(oldSize, newSize))).toEqual(proof);
      const claim: ConsistencyClaim = {
        oldSize,
        newSize,
        oldRoot: ctRoot(oldSize),
        newRoot: ctRoot(newSize),
        proof: proof.map(unhex),
      };
      expect(verifyConsistency(claim, sha256)).toEqual({ ok: true });
    },
  );

  it.each(ctConsistency.filter(([m, n]) => m !== n))(
    'rejects every corruption of the consistency proof %i → %i',
    (oldSize, newSize, proof) => {
      const claim: ConsistencyClaim = {
        oldSize,
        newSize,
        oldRoot: ctRoot(oldSize),
        newRoot: ctRoot(newSize),
        proof: proof.map(unhex),
      };
      for (const [what, probe] of consistencyProbes(claim))
        expect(verifyConsistency(probe, sha256).ok, what).toBe(false);
    },
  );
});

// Leaves for the cross-checks: distinct, deterministic, of varying length.
const data = Array.from({ length: 300 }, (_, i) =>
  new TextEncoder().encode(`entry ${i}`.repeat((i % 3) + 1)),
);
const big = logOf(data);
const ref = referenceTree(data);
const bigRoots = Array.from({ length: data.length + 1 }, (_, n) => big.root(n));

describe('agreement with a straightforward implementation of RFC 9162 §2.1', () => {
  it('is checked first: the reference implementation reproduces the published vectors', () => {
    const published = referenceTree(ctLeaves);
    expect(published.root(0)).toBe(ctEmptyRoot);
    for (const [size, root] of ctRoots) expect(published.root(size)).toBe(root);
    for (const [index, size, proof] of ctInclusion)
      expect(hexes(published.path(index, size))).toEqual(proof);
    for (const [oldSize, newSize, proof] of ctConsistency)
      expect(hexes(published.proof(oldSize, newSize))).toEqual(proof);
  });

  it('gives the same root at every size from 0 to 300, whether asked now or while growing', () => {
    const growing = new MerkleLog(sha256);
    expect(toHex(growing.root())).toBe(ref.root(0));
    for (let n = 1; n <= data.length; n++) {
      growing.append(leafHash(data[n - 1]!, sha256));
      expect(toHex(growing.root()), `size ${n}`).toBe(ref.root(n));
    }
    for (let n = 0; n <= data.length; n++)
      expect(toHex(big.root(n)), `size ${n}`).toBe(ref.root(n));
  });

  it('gives the same audit path for every leaf of every tree up to 300 leaves, and each verifies', () => {
    const wrong: string[] = [];
    for (let n = 1; n <= data.length; n++) {
      const root = big.root(n);
      for (let m = 0; m < n; m++) {
        const proof = big.inclusionProof(m, n);
        if (!sameHashes(proof, ref.path(m, n))) wrong.push(`leaf ${m} of ${n} differs`);
        const claim = { index: m, size: n, leafHash: big.leafHash(m), root, proof };
        if (!verifyInclusion(claim, sha256).ok) wrong.push(`leaf ${m} of ${n} does not verify`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives the same consistency proof for every pair of sizes up to 300, and each verifies', () => {
    const wrong: string[] = [];
    for (let n = 1; n <= data.length; n++) {
      const newRoot = big.root(n);
      for (let m = 0; m <= n; m++) {
        const proof = big.consistencyProof(m, n);
        if (!sameHashes(proof, ref.proof(m, n))) wrong.push(`${m} → ${n} differs`);
        const claim = { oldSize: m, newSize: n, oldRoot: bigRoots[m]!, newRoot, proof };
        if (!verifyConsistency(claim, sha256).ok) wrong.push(`${m} → ${n} does not verify`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('rejects every corruption of every audit path and consistency proof up to 64 leaves', () => {
    // The probes of google/certificate-transparency's MerkleVerifierTest, which runs them up to
    // 128 leaves; 64 keeps this test quick, and the properties below reach 300 at random.
    const accepted: string[] = [];
    for (let n = 1; n <= 64; n++) {
      const root = big.root(n);
      for (let m = 0; m < n; m++) {
        const claim = {
          index: m,
          size: n,
          leafHash: big.leafHash(m),
          root,
          proof: big.inclusionProof(m, n),
        };
        for (const [what, probe] of inclusionProbes(claim))
          if (verifyInclusion(probe, sha256).ok) accepted.push(`leaf ${m} of ${n}: ${what}`);
      }
      for (let m = 1; m < n; m++) {
        const claim = {
          oldSize: m,
          newSize: n,
          oldRoot: bigRoots[m]!,
          newRoot: root,
          proof: big.consistencyProof(m, n),
        };
        for (const [what, probe] of consistencyProbes(claim))
          if (verifyConsistency(probe, sha256).ok) accepted.push(`${m} → ${n}: ${what}`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('gives the same proofs from a leaf accessor and from fetched subtrees as from MerkleLog', () => {
    const fromLeaves = new MerkleReader(
      leafSubtrees((i) => big.leafHash(i), sha256),
      sha256,
    );
    for (const [m, n] of [
      [0, 1],
      [13, 100],
      [99, 100],
      [64, 129],
      [255, 300],
    ] as const) {
      expect(fromLeaves.inclusionProof(m, n)).toEqual(big.inclusionProof(m, n));
      expect(fromLeaves.consistencyProof(m + 1, n)).toEqual(big.consistencyProof(m + 1, n));
      expect(fromLeaves.root(n)).toEqual(big.root(n));

      // What a database-backed store does: list the subtrees, fetch them, then build the proof.
      const ranges = [...inclusionPathRanges(m, n), ...consistencyProofRanges(m + 1, n)];
      const fetched = new Map(
        ranges
          .flatMap(rangeSubtrees)
          .map((id) => [subtreeKey(id), big.subtreeHash(id.level, id.index)] as const),
      );
      const reader = new MerkleReader(fetchedSubtrees(fetched), sha256);
      expect(reader.inclusionProof(m, n)).toEqual(big.inclusionProof(m, n));
      expect(reader.consistencyProof(m + 1, n)).toEqual(big.consistencyProof(m + 1, n));
    }
  });
});

describe('proof shapes', () => {
  const reads = (range: LeafRange): SubtreeId[] => {
    const seen: SubtreeId[] = [];
    const reader = new MerkleReader(
      {
        subtreeHash: (level, index) => {
          seen.push({ level, index });
          return big.subtreeHash(level, index);
        },
      },
      sha256,
    );
    reader.rangeHash(range);
    return seen;
  };

  it('lists exactly the subtrees the reader reads', () => {
    for (let n = 1; n <= 70; n++)
      for (let m = 0; m < n; m++)
        for (const range of [...inclusionPathRanges(m, n), ...consistencyProofRanges(m, n)])
          expect(rangeSubtrees(range)).toEqual(reads(range));
  });

  // Sizes far beyond 2^32 check the arithmetic as well as the shapes.
  const sizes = fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 2 ** 52 }));

  it('covers the tree exactly once: an audit path and its leaf, without gaps or overlaps', () => {
    fc.assert(
      fc.property(
        sizes,
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (size, at) => {
          const index = Math.floor(at * size);
          const ranges = [{ start: index, end: index + 1 }, ...inclusionPathRanges(index, size)];
          expectExactCover(ranges, size);
          // Each node of the path is made of few perfect subtrees: proofs stay O(log n).
          for (const range of ranges) expect(rangeSubtrees(range).length).toBeLessThanOrEqual(53);
          expect(ranges.length).toBeLessThanOrEqual(Math.ceil(Math.log2(size)) + 1);
        },
      ),
    );
  });

  it('covers the new tree exactly once from just below a power of two (seed 1189329573)', () => {
    expectExactCover(consistencyProofRanges(2 ** 49 - 1, 2 ** 49), 2 ** 49);
  });

  it('covers the new tree exactly once: a consistency proof and, for a power of two, the old tree', () => {
    fc.assert(
      fc.property(sizes, sizes, (a, b) => {
        const [oldSize, newSize] = a < b ? [a, b] : [b, a];
        fc.pre(oldSize < newSize);
        const ranges = consistencyProofRanges(oldSize, newSize);
        // Not Number.isInteger(Math.log2(n)): log2 of 2 ** 49 - 1 rounds to exactly 49.
        const isPowerOfTwo = 2 ** Math.round(Math.log2(oldSize)) === oldSize;
        expectExactCover(isPowerOfTwo ? [{ start: 0, end: oldSize }, ...ranges] : ranges, newSize);
        expect(ranges.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(newSize)) + 1);
      }),
    );
  });

  function expectExactCover(ranges: readonly LeafRange[], size: number): void {
    const sorted = [...ranges].sort((x, y) => x.start - y.start);
    let next = 0;
    for (const { start, end } of sorted) {
      expect(start).toBe(next);
      expect(end).toBeGreaterThan(start);
      next = end;
    }
    expect(next).toBe(size);
  }
});

describe('verification of tampered proofs (properties)', () => {
  const treeSize = fc.integer({ min: 1, max: data.length });
  const leafIn = (size: number) => fc.integer({ min: 0, max: size - 1 });
  const anyHash = fc.uint8Array({ minLength: hashBytes, maxLength: hashBytes });

  /** A change to a proof that must make it fail, or undefined where it does not apply. */
  type Tamper = (proof: readonly Uint8Array[]) => Uint8Array[] | undefined;
  const tamper: fc.Arbitrary<[string, Tamper]> = fc.oneof(
    fc
      .tuple(fc.nat(), fc.integer({ min: 0, max: 31 }), fc.integer({ min: 0, max: 7 }))
      .map(([at, byte, bit]): [string, Tamper] => [
        `flip bit ${bit} of byte ${byte}`,
        (proof) => {
          if (proof.length === 0) return undefined;
          const out = proof.map((node) => node.slice());
          out[at % out.length]![byte]! ^= 1 << bit;
          return out;
        },
      ]),
    fc
      .nat()
      .map((at): [string, Tamper] => [
        'drop a node',
        (proof) =>
          proof.length === 0 ? undefined : proof.filter((_, i) => i !== at % proof.length),
      ]),
    fc.tuple(fc.nat(), anyHash).map(([at, extra]): [string, Tamper] => [
      'add a node',
      (proof) => {
        const out = [...proof];
        out.splice(at % (proof.length + 1), 0, extra);
        return out;
      },
    ]),
    fc.tuple(fc.nat(), fc.nat()).map(([from, to]): [string, Tamper] => [
      'repeat a node elsewhere',
      (proof) => {
        if (proof.length === 0) return undefined;
        const out = [...proof];
        out.splice(to % (proof.length + 1), 0, proof[from % proof.length]!);
        return out;
      },
    ]),
    fc.tuple(fc.nat(), fc.nat()).map(([i, j]): [string, Tamper] => [
      'swap two nodes',
      (proof) => {
        const [a, b] = [i % Math.max(proof.length, 1), j % Math.max(proof.length, 1)];
        if (proof.length < 2 || a === b) return undefined;
        const out = [...proof];
        [out[a], out[b]] = [out[b]!, out[a]!];
        return out;
      },
    ]),
    fc.nat().map((cut): [string, Tamper] => [
      'truncate a node',
      (proof) => {
        if (proof.length === 0) return undefined;
        const out = [...proof];
        out[cut % proof.length] = out[cut % proof.length]!.slice(0, hashBytes - 1);
        return out;
      },
    ]),
  );

  it('verifies every audit path the log produces', () => {
    fc.assert(
      fc.property(
        treeSize.chain((n) => fc.tuple(fc.constant(n), leafIn(n))),
        ([size, index]) => {
          const claim = {
            index,
            size,
            leafHash: big.leafHash(index),
            root: bigRoots[size]!,
            proof: big.inclusionProof(index, size),
          };
          expect(verifyInclusion(claim, sha256)).toEqual({ ok: true });
        },
      ),
    );
  });

  it('verifies every consistency proof the log produces', () => {
    fc.assert(
      fc.property(treeSize, treeSize, (a, b) => {
        const [oldSize, newSize] = a <= b ? [a, b] : [b, a];
        const claim = {
          oldSize,
          newSize,
          oldRoot: bigRoots[oldSize]!,
          newRoot: bigRoots[newSize]!,
          proof: big.consistencyProof(oldSize, newSize),
        };
        expect(verifyConsistency(claim, sha256)).toEqual({ ok: true });
      }),
    );
  });

  it('rejects an audit path with a flipped, dropped, added, repeated, swapped or cut node', () => {
    fc.assert(
      fc.property(
        treeSize.chain((n) => fc.tuple(fc.constant(n), leafIn(n))),
        tamper,
        ([size, index], [, change]) => {
          const proof = change(big.inclusionProof(index, size));
          fc.pre(proof !== undefined);
          const claim = {
            index,
            size,
            leafHash: big.leafHash(index),
            root: bigRoots[size]!,
            proof,
          };
          expect(verifyInclusion(claim, sha256).ok).toBe(false);
        },
      ),
    );
  });

  it('rejects a consistency proof with a flipped, dropped, added, repeated, swapped or cut node', () => {
    fc.assert(
      fc.property(treeSize, treeSize, tamper, (a, b, [, change]) => {
        const [oldSize, newSize] = a <= b ? [a, b] : [b, a];
        const proof = change(big.consistencyProof(oldSize, newSize));
        fc.pre(proof !== undefined);
        const claim = {
          oldSize,
          newSize,
          oldRoot: bigRoots[oldSize]!,
          newRoot: bigRoots[newSize]!,
          proof,
        };
        expect(verifyConsistency(claim, sha256).ok).toBe(false);
      }),
    );
  });

  it('rejects an audit path presented for another leaf or another tree size', () => {
    fc.assert(
      fc.property(
        treeSize.chain((n) => fc.tuple(fc.constant(n), leafIn(n))),
        fc.integer({ min: -3, max: data.length + 3 }),
        fc.integer({ min: -3, max: data.length + 3 }),
        ([size, index], otherIndex, otherSize) => {
          fc.pre(otherIndex !== index || otherSize !== size);
          const proof = big.inclusionProof(index, size);
          // The claimed size comes with the root of that size, as a signed tree head binds them.
          const root = otherSize >= 0 && otherSize <= data.length ? bigRoots[otherSize]! : someHash;
          const claim = {
            index: otherIndex,
            size: otherSize,
            leafHash: big.leafHash(index),
            root,
            proof,
          };
          expect(verifyInclusion(claim, sha256).ok).toBe(false);
        },
      ),
    );
  });

  it('rejects a consistency proof presented for other tree sizes', () => {
    fc.assert(
      fc.property(
        treeSize,
        treeSize,
        fc.integer({ min: -3, max: data.length + 3 }),
        fc.integer({ min: -3, max: data.length + 3 }),
        (a, b, otherOld, otherNew) => {
          const [oldSize, newSize] = a < b ? [a, b] : [b, a];
          fc.pre(oldSize < newSize && (otherOld !== oldSize || otherNew !== newSize));
          const rootAt = (n: number) => (n >= 0 && n <= data.length ? bigRoots[n]! : someHash);
          const claim = {
            oldSize: otherOld,
            newSize: otherNew,
            oldRoot: rootAt(otherOld),
            newRoot: rootAt(otherNew),
            proof: big.consistencyProof(oldSize, newSize),
          };
          expect(verifyConsistency(claim, sha256).ok).toBe(false);
        },
      ),
    );
  });
});

describe('verification edge cases (where verifiers have accepted falsified proofs)', () => {
  const log = logOf(ctLeaves);
  const leaf = (i: number) => log.leafHash(i);
  const empty = emptyTreeHash(sha256);
  const path = log.inclusionProof(5, 8);

  it.each<[string, InclusionClaim]>([
    ['a tree of size 0', { index: 0, size: 0, leafHash: leaf(0), root: empty, proof: [] }],
    [
      'an index equal to the size',
      { index: 8, size: 8, leafHash: leaf(5), root: log.root(), proof: path },
    ],
    ['a negative index', { index: -1, size: 8, leafHash: leaf(5), root: log.root(), proof: path }],
    [
      'a fractional index',
      { index: 5.5, size: 8, leafHash: leaf(5), root: log.root(), proof: path },
    ],
    ['a NaN size', { index: 5, size: NaN, leafHash: leaf(5), root: log.root(), proof: path }],
    [
      'an infinite size',
      { index: 5, size: Infinity, leafHash: leaf(5), root: log.root(), proof: path },
    ],
    [
      'a size beyond 2^53',
      { index: 5, size: 2 ** 53 + 2, leafHash: leaf(5), root: log.root(), proof: path },
    ],
    [
      'an extra trailing node',
      { index: 5, size: 8, leafHash: leaf(5), root: log.root(), proof: [...path, someHash] },
    ],
    [
      'a trailing copy of the root',
      { index: 5, size: 8, leafHash: leaf(5), root: log.root(), proof: [...path, log.root()] },
    ],
    [
      'a missing last node',
      { index: 5, size: 8, leafHash: leaf(5), root: log.root(), proof: path.slice(0, 2) },
    ],
    [
      'a one-leaf tree with a proof node',
      { index: 0, size: 1, leafHash: leaf(0), root: leaf(0), proof: [leaf(0)] },
    ],
    [
      'a one-leaf tree with another root',
      { index: 0, size: 1, leafHash: leaf(0), root: leaf(1), proof: [] },
    ],
    [
      'a 33-byte proof node',
      {
        index: 5,
        size: 8,
        leafHash: leaf(5),
        root: log.root(),
        proof: [Uint8Array.of(...path[0]!, 0), ...path.slice(1)],
      },
    ],
    [
      'a short root',
      { index: 5, size: 8, leafHash: leaf(5), root: log.root().slice(0, 31), proof: path },
    ],
    [
      'an empty leaf hash',
      { index: 0, size: 1, leafHash: new Uint8Array(0), root: new Uint8Array(0), proof: [] },
    ],
  ])('rejects an inclusion claim with %s', (_, claim) => {
    expect(verifyInclusion(claim, sha256).ok).toBe(false);
  });

  it('accepts the one-leaf tree, whose root is its leaf hash and whose path is empty', () => {
    const claim = { index: 0, size: 1, leafHash: leaf(0), root: log.root(1), proof: [] };
    expect(verifyInclusion(claim, sha256)).toEqual({ ok: true });
  });

  it('trusts the size only together with its root: leaf 0 has the same path shape in sizes 3 and 4', () => {
    // Why a tree head signs size and root together: the verifier cannot tell them apart alone.
    const claim = {
      index: 0,
      size: 3,
      leafHash: leaf(0),
      root: log.root(4),
      proof: log.inclusionProof(0, 4),
    };
    expect(verifyInclusion(claim, sha256).ok).toBe(true);
    expect(verifyInclusion({ ...claim, root: log.root(3) }, sha256).ok).toBe(false);
  });

  const proof = log.consistencyProof(4, 8);
  it.each<[string, ConsistencyClaim]>([
    [
      'a shrinking log',
      { oldSize: 8, newSize: 4, oldRoot: log.root(8), newRoot: log.root(4), proof },
    ],
    [
      'an empty proof between different sizes',
      { oldSize: 4, newSize: 8, oldRoot: log.root(4), newRoot: log.root(8), proof: [] },
    ],
    [
      'the old root prepended by the prover as well',
      {
        oldSize: 4,
        newSize: 8,
        oldRoot: log.root(4),
        newRoot: log.root(8),
        proof: [log.root(4), ...proof],
      },
    ],
    [
      'an extra trailing node',
      {
        oldSize: 4,
        newSize: 8,
        oldRoot: log.root(4),
        newRoot: log.root(8),
        proof: [...proof, someHash],
      },
    ],
    [
      'a proof between equal sizes',
      { oldSize: 8, newSize: 8, oldRoot: log.root(8), newRoot: log.root(8), proof: [log.root(8)] },
    ],
    [
      'two roots for one size',
      { oldSize: 8, newSize: 8, oldRoot: log.root(8), newRoot: someHash, proof: [] },
    ],
    [
      'a proof from size 0',
      { oldSize: 0, newSize: 8, oldRoot: empty, newRoot: log.root(8), proof: [log.root(8)] },
    ],
    [
      'a size-0 head whose root is not the empty hash',
      { oldSize: 0, newSize: 8, oldRoot: someHash, newRoot: log.root(8), proof: [] },
    ],
    [
      'two size-0 heads with another root',
      { oldSize: 0, newSize: 0, oldRoot: empty, newRoot: someHash, proof: [] },
    ],
    [
      'a negative size',
      { oldSize: -1, newSize: 8, oldRoot: empty, newRoot: log.root(8), proof: [] },
    ],
    [
      'a fractional size',
      { oldSize: 4, newSize: 7.5, oldRoot: log.root(4), newRoot: log.root(8), proof },
    ],
    [
      'a 31-byte proof node',
      {
        oldSize: 4,
        newSize: 8,
        oldRoot: log.root(4),
        newRoot: log.root(8),
        proof: [proof[0]!.slice(1)],
      },
    ],
    [
      'a short old root',
      { oldSize: 4, newSize: 8, oldRoot: log.root(4).slice(1), newRoot: log.root(8), proof },
    ],
  ])('rejects a consistency claim with %s', (_, claim) => {
    expect(verifyConsistency(claim, sha256).ok).toBe(false);
  });

  it.each([
    [0, 0],
    [0, 5],
    [5, 5],
  ])('accepts the trivial consistency claim %i → %i with an empty proof', (oldSize, newSize) => {
    const claim = {
      oldSize,
      newSize,
      oldRoot: log.root(oldSize),
      newRoot: log.root(newSize),
      proof: [],
    };
    expect(verifyConsistency(claim, sha256)).toEqual({ ok: true });
  });

  it('says why a proof fails', () => {
    const claim = { oldSize: 4, newSize: 8, oldRoot: log.root(4), newRoot: someHash, proof };
    expect(verifyConsistency(claim, sha256)).toEqual({
      ok: false,
      reason: 'the proof does not lead to the new root',
    });
  });
});

describe('MerkleLog', () => {
  it('numbers leaves from 0 in append order', () => {
    const log = new MerkleLog(sha256);
    expect([0, 1, 2].map((i) => log.append(leafHash(data[i]!, sha256)))).toEqual([0, 1, 2]);
    expect(log.size).toBe(3);
    expect(log.leafHash(1)).toEqual(leafHash(data[1]!, sha256));
  });

  it('refuses a leaf hash that is not 32 bytes', () => {
    expect(() => new MerkleLog(sha256).append(new Uint8Array(31))).toThrow(RangeError);
  });

  it.each<[string, (log: MerkleLog) => unknown]>([
    ['a root beyond its size', (log) => log.root(301)],
    ['a proof for a leaf it does not have', (log) => log.inclusionProof(300)],
    ['a proof in a tree larger than itself', (log) => log.inclusionProof(0, 301)],
    ['a consistency proof from a larger to a smaller tree', (log) => log.consistencyProof(10, 9)],
    ['a consistency proof to a size beyond its own', (log) => log.consistencyProof(10, 301)],
    ['a subtree that is not complete', (log) => log.subtreeHash(2, 75)],
    ['a negative size', (log) => log.root(-1)],
  ])('refuses %s', (_, ask) => {
    expect(() => ask(big)).toThrow(RangeError);
  });

  it('hands out copies, so a caller cannot change what it stores', () => {
    const log = logOf(ctLeaves);
    log.root().fill(0);
    log.inclusionProof(0)[0]!.fill(0);
    log.leafHash(1).fill(0);
    log.subtreeHash(1, 0).fill(0);
    expect(toHex(log.root())).toBe(ctRoots[7]![1]);
    expect(hexes(log.inclusionProof(0))).toEqual(ctInclusion[1]![2]);
  });

  it('grows its storage without losing earlier hashes', () => {
    // 300 leaves pass the initial capacity of every level several times over.
    expect(toHex(big.root(17))).toBe(ref.root(17));
    expect(big.leafHash(0)).toEqual(leafHash(data[0]!, sha256));
  });
});

describe('audit entries as leaves', () => {
  const chainOf = (n: number): AuditEntry[] => {
    const out: AuditEntry[] = [];
    let prevHash = genesisHash;
    const sha256Hex = (t: string) => createHash('sha256').update(t).digest('hex');
    for (let seq = 1; seq <= n; seq++) {
      const e = {
        seq,
        at: '2026-11-27T00:00:00.000Z',
        actorUserId: 'u',
        processId: 'p',
        compartmentId: null,
        kind: 'item.read',
        data: canonicalJson({ itemId: `i${seq}` }),
        prevHash,
      };
      const entry = { ...e, hash: entryHash(e, sha256Hex) };
      out.push(entry);
      prevHash = entry.hash;
    }
    return out;
  };

  it('uses the seq and the chain hash as the leaf bytes', () => {
    const hash = 'ab'.repeat(32);
    expect(new TextDecoder().decode(auditLeaf({ seq: 42, hash }))).toBe(`42:${hash}`);
    expect(auditLeafHash({ seq: 42, hash }, sha256)).toEqual(
      leafHash(new TextEncoder().encode(`42:${hash}`), sha256),
    );
  });

  it.each([
    ['seq 0', { seq: 0, hash: 'ab'.repeat(32) }],
    ['a fractional seq', { seq: 1.5, hash: 'ab'.repeat(32) }],
    ['an upper-case hash', { seq: 1, hash: 'AB'.repeat(32) }],
    ['a short hash', { seq: 1, hash: 'ab'.repeat(31) }],
  ])('refuses an entry with %s', (_, entry) => {
    expect(() => auditLeaf(entry)).toThrow(RangeError);
  });

  it('proves that an entry of the hash chain is in the log, as leaf seq − 1', () => {
    const entries = chainOf(7);
    const log = new MerkleLog(sha256);
    for (const entry of entries)
      expect(log.append(auditLeafHash(entry, sha256))).toBe(entry.seq - 1);
    const third = entries[2]!;
    const claim = {
      index: third.seq - 1,
      size: log.size,
      leafHash: auditLeafHash(third, sha256),
      root: log.root(),
      proof: log.inclusionProof(third.seq - 1),
    };
    expect(verifyInclusion(claim, sha256)).toEqual({ ok: true });
    const forged = { ...third, hash: entries[3]!.hash };
    expect(verifyInclusion({ ...claim, leafHash: auditLeafHash(forged, sha256) }, sha256).ok).toBe(
      false,
    );
  });
});

describe('hex', () => {
  it.each([
    ['', []],
    ['00ff10', [0, 255, 16]],
    ['ABcd', [171, 205]],
  ])('reads %j', (hex, bytes) => {
    expect(fromHex(hex)).toEqual(Uint8Array.from(bytes));
  });

  it.each(['0', 'zz', '0x00', ' 00'])('refuses %j', (hex) => {
    expect(fromHex(hex)).toBeUndefined();
  });

  it('writes lowercase hex', () => {
    expect(toHex(Uint8Array.of(0, 171, 255))).toBe('00abff');
  });
});
