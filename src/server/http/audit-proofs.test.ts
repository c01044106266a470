/**
 * What a member does with the audit tree: keep a signed tree head, later prove that the log
 * extends it, and prove that one entry (their own action, or an event they may see) is in it.
 * Proofs are checked with the witness-side verifiers of core/audit, never with server code.
 */
import { describe, expect, it } from 'vitest';
import { auditLeafHash, fromHex, verifyInclusion } from '../../core/audit/merkle.js';
import {
  checkExtends,
  readSignedTreeHead,
  type SignedTreeHead,
} from '../../core/audit/tree-head.js';
import { sha256Bytes } from '../audit-tree.js';
import { testDatabases } from '../test-support/databases.js';
import { useParley, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();

interface Inclusion {
  seq: number;
  kind: string;
  hash: string;
  treeSize: number;
  proof: string[];
}

describe.each(targets)('audit proofs for members on $name', (target) => {
  const p = useParley(target);

  type Key = Parameters<TestParley['session']>[0];
  const get = p.get;
  const head = async (key: Key): Promise<SignedTreeHead> => {
    const reading = readSignedTreeHead((await get(key, '/api/audit/tree-head')).json());
    if (!reading.ok) throw new Error(reading.reason);
    return reading.head;
  };
  const verify = (bytes: Uint8Array, signature: Uint8Array, keyId: string) =>
    keyId === p.runtime.treeHeadKey.keyId && p.runtime.treeHeadKey.verify(bytes, signature);
  const bytes = (hex: string) => fromHex(hex) ?? new Uint8Array();
  const holds = (proof: Inclusion, root: string) =>
    verifyInclusion(
      {
        index: proof.seq - 1,
        size: proof.treeSize,
        leafHash: auditLeafHash({ seq: proof.seq, hash: proof.hash }, sha256Bytes),
        root: bytes(root),
        proof: proof.proof.map(bytes),
      },
      sha256Bytes,
    );

  /** Writes a note in the government caucus and returns the seq of its audit entry. */
  const caucusNote = async (): Promise<number> => {
    const caucus = p.demo.compartments.find(
      (c) => c.kind === 'caucus' && c.partyId === p.demo.parties.gov,
    )!;
    const res = await p.as(await p.session('govHead'), {
      method: 'POST',
      url: `/api/processes/${p.demo.processId}/compartments/${caucus.id}/notes`,
      payload: { title: 'Fallback on the border', body: 'Only if the corridor is agreed.' },
    });
    expect(res.statusCode).toBe(201);
    const row = await p.runtime.database.db
      .selectFrom('audit_log')
      .select('seq')
      .where('kind', '=', 'item.created')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    return Number(row.seq);
  };

  it('proves that a later log extends a witnessed head, and that an entry is in it', async () => {
    const witnessed = await head('govHead');
    const seq = await caucusNote();
    const now = await head('govHead');
    expect(now.treeSize).toBeGreaterThan(witnessed.treeSize);

    const consistency = (
      await get('govHead', `/api/audit/consistency?from=${witnessed.treeSize}&to=${now.treeSize}`)
    ).json() as { proof: string[] };
    expect(
      checkExtends({
        oldHead: witnessed,
        newHead: now,
        proof: consistency.proof,
        verify,
        sha256: sha256Bytes,
      }),
    ).toEqual({ ok: true });

    const res = await get('govHead', `/api/audit/inclusion?seq=${seq}&size=${now.treeSize}`);
    expect(res.statusCode).toBe(200);
    const proof = res.json() as Inclusion;
    expect(proof).toMatchObject({ seq, kind: 'item.created', treeSize: now.treeSize });
    expect(holds(proof, now.rootHash)).toEqual({ ok: true });

    // The same entry against the head witnessed before it was written cannot be proven.
    const early = await get(
      'govHead',
      `/api/audit/inclusion?seq=${seq}&size=${witnessed.treeSize}`,
    );
    expect(early.statusCode).toBe(422);
  });

  it('rejects a tampered path, a changed entry hash and the wrong root', async () => {
    const seq = await caucusNote();
    const now = await head('govHead');
    const proof = (await get('govHead', `/api/audit/inclusion?seq=${seq}`)).json() as Inclusion;
    expect(holds(proof, now.rootHash)).toEqual({ ok: true });
    const flip = (hex: string) => `${hex[0] === '0' ? '1' : '0'}${hex.slice(1)}`;
    const tampered = { ...proof, proof: [flip(proof.proof[0] ?? ''), ...proof.proof.slice(1)] };
    expect(holds(tampered, now.rootHash).ok).toBe(false);
    expect(holds({ ...proof, hash: flip(proof.hash) }, now.rootHash).ok).toBe(false);
    expect(holds({ ...proof, seq: proof.seq - 1 }, now.rootHash).ok).toBe(false);
    expect(holds(proof, flip(now.rootHash)).ok).toBe(false);
    expect(holds({ ...proof, proof: proof.proof.slice(1) }, now.rootHash).ok).toBe(false);
  });

  it('proves entries only to those who may see them, answering the rest like a missing one', async () => {
    const seq = await caucusNote();
    const ghost = await get('oppHead', '/api/audit/inclusion?seq=999999999');
    for (const key of ['oppHead', 'mediator', 'leadMediator'] as const) {
      const hidden = await get(key, `/api/audit/inclusion?seq=${seq}`);
      expect({ key, status: hidden.statusCode, body: hidden.body }).toEqual({
        key,
        status: ghost.statusCode,
        body: ghost.body,
      });
    }
    expect(ghost.statusCode).toBe(404);
    expect((await get('govDelegate', `/api/audit/inclusion?seq=${seq}`)).statusCode).toBe(200);
  });
});
