import { createHash, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MerkleLog, leafHash, toHex, type Sha256Bytes } from './merkle.js';
import {
  checkExtends,
  readSignedTreeHead,
  signTreeHead,
  treeHeadProblem,
  treeHeadSigningBytes,
  verifyTreeHead,
  type ExtendsFailure,
  type SignBytes,
  type SignedTreeHead,
  type TreeHead,
  type VerifySignature,
} from './tree-head.js';

const sha256: Sha256Bytes = (data) => new Uint8Array(createHash('sha256').update(data).digest());

/** An Ed25519 key pair as the server will hold it, with the two ports built on node:crypto. */
function ed25519(): { sign: SignBytes; verify: VerifySignature; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    sign: (bytes) => new Uint8Array(sign(null, bytes, privateKey)),
    verify: (bytes, signature) => verify(null, bytes, publicKey, signature),
    publicKey,
  };
}

const logKey = ed25519();
const otherKey = ed25519();

const unsigned: TreeHead = {
  treeSize: 42,
  rootHash: '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
  timestamp: '2026-11-27T09:30:00.000Z',
  keyId: 'parley-log-1',
};

describe('the signed bytes of a tree head', () => {
  it('are a fixed text with one field per line', () => {
    expect(new TextDecoder().decode(treeHeadSigningBytes(unsigned))).toBe(
      'parley-audit-tree-head/v1\n' +
        'key parley-log-1\n' +
        'size 42\n' +
        'root 5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328\n' +
        'time 2026-11-27T09:30:00.000Z\n',
    );
  });

  it.each<[string, Partial<TreeHead>]>([
    ['a negative size', { treeSize: -1 }],
    ['a fractional size', { treeSize: 1.5 }],
    ['a size beyond 2^53', { treeSize: 2 ** 53 }],
    ['a NaN size', { treeSize: NaN }],
    ['an upper-case root', { rootHash: unsigned.rootHash.toUpperCase() }],
    ['a short root', { rootHash: unsigned.rootHash.slice(2) }],
    ['a timestamp without milliseconds', { timestamp: '2026-11-27T09:30:00Z' }],
    ['a timestamp with an offset', { timestamp: '2026-11-27T10:30:00.000+01:00' }],
    ['a date that does not exist', { timestamp: '2026-02-30T09:30:00.000Z' }],
    ['an empty key id', { keyId: '' }],
    ['a key id with a space', { keyId: 'parley log' }],
    ['a key id with a newline', { keyId: 'parley\nsize 1' }],
    ['a key id of 129 characters', { keyId: 'k'.repeat(129) }],
  ])('refuse a head with %s, so that every head has one spelling', (_, change) => {
    const head = { ...unsigned, ...change };
    expect(treeHeadProblem(head)).toBeTypeOf('string');
    expect(() => treeHeadSigningBytes(head)).toThrow(RangeError);
  });

  it('accept a key id of 128 printable characters and the empty tree', () => {
    expect(treeHeadProblem({ ...unsigned, keyId: '~'.repeat(128), treeSize: 0 })).toBeUndefined();
  });
});

describe('signing and verifying a tree head with Ed25519', () => {
  const head = signTreeHead(unsigned, logKey.sign);

  it('round-trips: a signed head verifies, also after JSON', () => {
    expect(head).toMatchObject(unsigned);
    expect(head.signature).toMatch(/^[A-Za-z0-9+/]{86}==$/); // 64 bytes
    expect(verifyTreeHead(head, logKey.verify)).toEqual({ ok: true });
    const read = readSignedTreeHead(JSON.parse(JSON.stringify(head)));
    expect(read).toEqual({ ok: true, head });
  });

  it('is the signature of exactly the canonical bytes', () => {
    const signature = Buffer.from(head.signature, 'base64');
    expect(verify(null, treeHeadSigningBytes(unsigned), logKey.publicKey, signature)).toBe(true);
  });

  const flipped = (base64: string): string => {
    const bytes = Buffer.from(base64, 'base64');
    bytes[10]! ^= 1;
    return bytes.toString('base64');
  };

  it.each<[string, Partial<SignedTreeHead>]>([
    ['a larger size', { treeSize: 43 }],
    ['a smaller size', { treeSize: 41 }],
    ['another root', { rootHash: '0'.repeat(64) }],
    ['one root digit changed', { rootHash: `4${unsigned.rootHash.slice(1)}` }],
    ['a timestamp a millisecond later', { timestamp: '2026-11-27T09:30:00.001Z' }],
    ['another key id', { keyId: 'parley-log-2' }],
    ['a flipped signature bit', { signature: flipped(head.signature) }],
    ['a signature by another key', { signature: signTreeHead(unsigned, otherKey.sign).signature }],
    ['a truncated signature', { signature: head.signature.slice(0, 44) }],
    ['an empty signature', { signature: '' }],
    ['unpadded base64', { signature: head.signature.replace(/=+$/, '') }],
    ['base64 with whitespace', { signature: ` ${head.signature}` }],
  ])('detects a head with %s', (_, change) => {
    expect(verifyTreeHead({ ...head, ...change }, logKey.verify).ok).toBe(false);
  });

  it('detects a head with URL-safe base64', () => {
    // Only a signature with a '+' or '/' has a URL-safe spelling that differs: sign sizes until one does.
    let withSymbols = head;
    for (let size = 1; !/[+/]/.test(withSymbols.signature); size++)
      withSymbols = signTreeHead({ ...unsigned, treeSize: size }, logKey.sign);
    const urlSafe = withSymbols.signature.replace(/\+/g, '-').replace(/\//g, '_');
    expect(verifyTreeHead(withSymbols, logKey.verify).ok).toBe(true);
    expect(verifyTreeHead({ ...withSymbols, signature: urlSafe }, logKey.verify).ok).toBe(false);
  });

  it('does not verify under another key', () => {
    expect(verifyTreeHead(head, otherKey.verify)).toEqual({
      ok: false,
      reason: 'the signature does not match key parley-log-1',
    });
  });
});

describe('reading a tree head from JSON', () => {
  const head = signTreeHead(unsigned, logKey.sign);

  it.each<[string, unknown]>([
    ['null', null],
    ['an array', [head]],
    ['a string', JSON.stringify(head)],
    ['a missing field', { ...head, keyId: undefined }],
    ['an extra field', { ...head, note: 'trust me' }],
    ['a size as a string', { ...head, treeSize: '42' }],
    ['a malformed root', { ...head, rootHash: 'xyz' }],
    ['a signature that is not base64', { ...head, signature: '!!!!' }],
  ])('refuses %s', (_, value) => {
    expect(readSignedTreeHead(value).ok).toBe(false);
  });
});

describe('checking that a newer head extends an older one', () => {
  const leaves = Array.from({ length: 100 }, (_, i) =>
    leafHash(new TextEncoder().encode(`entry ${i + 1}`), sha256),
  );
  const log = new MerkleLog(sha256);
  for (const leaf of leaves) log.append(leaf);

  // The same history with entry 5 rewritten: what a log that altered its past would show.
  const rewritten = new MerkleLog(sha256);
  leaves.forEach((leaf, i) =>
    rewritten.append(i === 4 ? leafHash(new TextEncoder().encode('forged'), sha256) : leaf),
  );

  const at = (size: number) => new Date(Date.UTC(2026, 10, 27, 9, 0, size)).toISOString();
  const headOf = (tree: MerkleLog, size: number, key = logKey): SignedTreeHead =>
    signTreeHead(
      { treeSize: size, rootHash: toHex(tree.root(size)), timestamp: at(size), keyId: 'k1' },
      key.sign,
    );
  const proofOf = (tree: MerkleLog, oldSize: number, newSize: number): string[] =>
    tree.consistencyProof(oldSize, newSize).map(toHex);
  const check = (oldHead: SignedTreeHead, newHead: SignedTreeHead, proof: readonly string[]) =>
    checkExtends({ oldHead, newHead, proof, verify: logKey.verify, sha256 });

  it.each([
    [10, 50],
    [1, 100],
    [64, 100],
    [99, 100],
    [0, 50],
    [0, 0],
    [50, 50],
  ])('accepts a log that grew from %i to %i entries', (oldSize, newSize) => {
    const verdict = check(
      headOf(log, oldSize),
      headOf(log, newSize),
      proofOf(log, oldSize, newSize),
    );
    expect(verdict).toEqual({ ok: true });
  });

  it('accepts a head for the same tree signed at another time, earlier or later', () => {
    for (const timestamp of ['2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']) {
      const again = signTreeHead({ ...headOf(log, 50), timestamp }, logKey.sign);
      expect(check(headOf(log, 50), again, [])).toEqual({ ok: true });
    }
  });

  const tampered = proofOf(log, 10, 50).map((hex, i) => (i === 1 ? `f${hex.slice(1)}` : hex));

  it.each<[string, () => [SignedTreeHead, SignedTreeHead, string[]], ExtendsFailure]>([
    [
      'an old head whose signature was tampered with',
      () => [{ ...headOf(log, 10), treeSize: 11 }, headOf(log, 50), proofOf(log, 10, 50)],
      'bad_signature',
    ],
    [
      'a new head signed by another key',
      () => [headOf(log, 10), headOf(log, 50, otherKey), proofOf(log, 10, 50)],
      'bad_signature',
    ],
    [
      'a malformed head',
      () => [{ ...headOf(log, 10), rootHash: 'nope' }, headOf(log, 50), proofOf(log, 10, 50)],
      'malformed_head',
    ],
    ['a log that shrank', () => [headOf(log, 50), headOf(log, 10), []], 'log_shrank'],
    [
      'two different roots for one size',
      () => [headOf(log, 50), headOf(rewritten, 50), []],
      'fork',
    ],
    [
      'a rewritten past, with the rewritten log’s own proof',
      () => [headOf(log, 10), headOf(rewritten, 50), proofOf(rewritten, 10, 50)],
      'proof_rejected',
    ],
    [
      'a rewritten past, with the honest log’s proof',
      () => [headOf(log, 10), headOf(rewritten, 50), proofOf(log, 10, 50)],
      'proof_rejected',
    ],
    ['a tampered proof', () => [headOf(log, 10), headOf(log, 50), tampered], 'proof_rejected'],
    [
      'a proof between other sizes',
      () => [headOf(log, 10), headOf(log, 50), proofOf(log, 11, 50)],
      'proof_rejected',
    ],
    [
      'a proof with an extra node',
      () => [headOf(log, 10), headOf(log, 50), [...proofOf(log, 10, 50), '00'.repeat(32)]],
      'proof_rejected',
    ],
    ['no proof', () => [headOf(log, 10), headOf(log, 50), []], 'proof_rejected'],
    [
      'a proof node that is not hex',
      () => [headOf(log, 10), headOf(log, 50), proofOf(log, 10, 50).map(() => 'zz'.repeat(32))],
      'proof_rejected',
    ],
    [
      'a proof node of 31 bytes',
      () => [headOf(log, 10), headOf(log, 50), proofOf(log, 10, 50).map((h) => h.slice(2))],
      'proof_rejected',
    ],
    [
      'a proof where equal heads need none',
      () => [headOf(log, 50), headOf(log, 50), [toHex(log.root(50))]],
      'proof_rejected',
    ],
    [
      'a signed empty head whose root is not the empty hash',
      () => [
        signTreeHead({ ...headOf(log, 0), rootHash: toHex(log.root(1)) }, logKey.sign),
        headOf(log, 50),
        [],
      ],
      'proof_rejected',
    ],
    [
      'a larger tree signed before the smaller one',
      () => [
        headOf(log, 50),
        signTreeHead({ ...headOf(log, 60), timestamp: at(49) }, logKey.sign),
        proofOf(log, 50, 60),
      ],
      'time_went_backwards',
    ],
  ])('refuses %s', (_, build, failure) => {
    const [oldHead, newHead, proof] = build();
    expect(check(oldHead, newHead, proof)).toMatchObject({ ok: false, failure });
  });

  it('says what is wrong in words', () => {
    expect(check(headOf(log, 50), headOf(log, 10), [])).toEqual({
      ok: false,
      failure: 'log_shrank',
      reason: 'the log had 50 entries and now claims 10',
    });
  });

  it('accepts every honest pair of heads and refuses the same pair with any bit of the proof flipped', () => {
    const sizes = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(sizes, sizes, fc.nat(), fc.integer({ min: 0, max: 255 }), (a, b, node, bit) => {
        const [oldSize, newSize] = a <= b ? [a, b] : [b, a];
        const oldHead = headOf(log, oldSize);
        const newHead = headOf(log, newSize);
        const proof = proofOf(log, oldSize, newSize);
        expect(check(oldHead, newHead, proof)).toEqual({ ok: true });
        fc.pre(proof.length > 0);
        const i = node % proof.length;
        const bytes = Buffer.from(proof[i]!, 'hex');
        bytes[bit >> 3]! ^= 1 << (bit & 7);
        const broken = proof.map((hex, j) => (j === i ? bytes.toString('hex') : hex));
        expect(check(oldHead, newHead, broken)).toMatchObject({
          ok: false,
          failure: 'proof_rejected',
        });
      }),
    );
  });
});

describe('the tree heads of audit scopes', () => {
  const scoped: TreeHead = { ...unsigned, scope: 'compartment:c-1' };

  it('sign their scope, in the v2 form, while global heads keep the v1 form', () => {
    expect(new TextDecoder().decode(treeHeadSigningBytes(scoped))).toBe(
      'parley-audit-tree-head/v2\n' +
        'key parley-log-1\n' +
        'scope compartment:c-1\n' +
        'size 42\n' +
        'root 5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328\n' +
        'time 2026-11-27T09:30:00.000Z\n',
    );
  });

  it('cannot pass for a head of another scope or of the global log', () => {
    const head = signTreeHead(scoped, logKey.sign);
    expect(verifyTreeHead(head, logKey.verify)).toEqual({ ok: true });
    expect(verifyTreeHead({ ...head, scope: 'compartment:c-2' }, logKey.verify).ok).toBe(false);
    const { scope: _dropped, ...global } = head;
    expect(verifyTreeHead(global, logKey.verify).ok).toBe(false);
  });

  it('are read back from JSON with their scope, and refused with a scope that is not text', () => {
    const head = signTreeHead(scoped, logKey.sign);
    expect(readSignedTreeHead(JSON.parse(JSON.stringify(head)))).toEqual({ ok: true, head });
    expect(readSignedTreeHead({ ...head, scope: 7 }).ok).toBe(false);
    expect(readSignedTreeHead({ ...head, scope: 'two words' }).ok).toBe(false);
  });

  it('refuse a consistency check between heads of two different logs', () => {
    const log = new MerkleLog(sha256);
    for (let i = 0; i < 5; i++) log.append(leafHash(new Uint8Array([i]), sha256));
    const headOf = (size: number, scope: string) =>
      signTreeHead(
        { ...unsigned, treeSize: size, rootHash: toHex(log.root(size)), scope },
        logKey.sign,
      );
    const proof = log.consistencyProof(3, 5).map(toHex);
    const same = checkExtends({
      oldHead: headOf(3, 'process:p'),
      newHead: headOf(5, 'process:p'),
      proof,
      verify: logKey.verify,
      sha256,
    });
    expect(same).toEqual({ ok: true });
    const other = checkExtends({
      oldHead: headOf(3, 'process:p'),
      newHead: headOf(5, 'compartment:c'),
      proof,
      verify: logKey.verify,
      sha256,
    });
    expect(other).toMatchObject({ ok: false, failure: 'other_log' });
  });
});
