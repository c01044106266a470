import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './catalogue.js';
import { canonicalJson, entryHash, genesisHash, verifyChain } from './chain.js';

const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = genesisHash;
  for (let seq = 1; seq <= n; seq++) {
    const e = {
      seq,
      at: `2026-11-27T00:00:0${seq % 10}Z`,
      actorUserId: 'u',
      processId: 'p',
      compartmentId: null,
      kind: 'item.read',
      data: canonicalJson({ itemId: `i${seq}` }),
      prevHash: prev,
    };
    const hash = entryHash(e, sha256);
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
}

describe('the audit hash chain', () => {
  it('verifies an untouched chain and reports its head', async () => {
    const entries = chain(5);
    expect(await verifyChain(entries, sha256, { seq: 5, hash: entries[4]!.hash })).toEqual({
      ok: true,
      entries: 5,
      head: entries[4]!.hash,
    });
  });

  it('names a changed entry', async () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, data: canonicalJson({ itemId: 'forged' }) };
    expect(await verifyChain(entries, sha256)).toMatchObject({ ok: false, badSeq: 3 });
  });

  it('names the entry after a deleted one', async () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(await verifyChain(entries, sha256)).toMatchObject({ ok: false, badSeq: 3 });
  });

  it('detects a recomputed hash by the broken link of the next entry', async () => {
    const entries = chain(5);
    const forged = { ...entries[1]!, data: canonicalJson({ itemId: 'forged' }) };
    entries[1] = { ...forged, hash: entryHash(forged, sha256) };
    expect(await verifyChain(entries, sha256)).toMatchObject({ ok: false, badSeq: 3 });
  });

  it('hashes objects the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(
      canonicalJson({ a: { c: 3, d: 2 }, b: 1 }),
    );
  });
});
