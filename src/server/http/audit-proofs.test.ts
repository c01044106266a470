/**
 * What a member does with the audit trees of the scopes it may witness: keep a scope's signed
 * tree head, later prove that the scope's log extends it, and prove that one entry is in it —
 * with numbers and sizes that count only what the member may read. Proofs are checked with the
 * witness-side verifiers of core/audit, never with server code.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLeafHash, fromHex, verifyInclusion } from '../../core/audit/merkle.js';
import {
  checkExtends,
  readSignedTreeHead,
  type SignedTreeHead,
} from '../../core/audit/tree-head.js';
import { sha256Bytes } from '../audit-tree.js';
import { testDatabases } from '../test-support/databases.js';
import { startTestParley, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();

interface Inclusion {
  scope: string;
  seq: number;
  kind: string;
  hash: string;
  treeSize: number;
  proof: string[];
}

describe.each(targets)('audit proofs for members on $name', (target) => {
  let p: TestParley;
  beforeAll(async () => {
    p = await startTestParley(target);
  });
  afterAll(async () => p.close());

  type Key = Parameters<TestParley['session']>[0];
  const get = async (key: Key, url: string) => p.as(await p.session(key), { method: 'GET', url });
  const compartment = (kind: string, party?: 'gov' | 'opp') =>
    p.demo.compartments.find(
      (c) => c.kind === kind && (party === undefined || c.partyId === p.demo.parties[party]),
    )!;
  const scopeOf = (kind: string, party?: 'gov' | 'opp') =>
    `compartment:${compartment(kind, party).id}`;
  const head = async (key: Key, scope: string): Promise<SignedTreeHead> => {
    const res = await get(key, `/api/audit/tree-head?scope=${scope}`);
    expect(res.statusCode, res.body).toBe(200);
    const reading = readSignedTreeHead(res.json());
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

  /** Writes a note in a party's caucus; answers its entry's number in the caucus's scope. */
  const caucusNote = async (party: 'gov' | 'opp' = 'gov'): Promise<number> => {
    const caucus = compartment('caucus', party);
    const res = await p.as(await p.session(party === 'gov' ? 'govHead' : 'oppHead'), {
      method: 'POST',
      url: `/api/processes/${p.demo.processId}/compartments/${caucus.id}/notes`,
      payload: { title: 'Fallback on the border', body: 'Only if the corridor is agreed.' },
    });
    expect(res.statusCode).toBe(201);
    const row = await p.runtime.database.db
      .selectFrom('audit_log')
      .select('scope_seq')
      .where('kind', '=', 'item.created')
      .where('scope', '=', `compartment:${caucus.id}`)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    return Number(row.scope_seq);
  };

  it("proves that a scope's later log extends a witnessed head, and that an entry is in it", async () => {
    const scope = scopeOf('caucus', 'gov');
    const witnessed = await head('govHead', scope);
    expect(witnessed.scope).toBe(scope);
    const seq = await caucusNote();
    const now = await head('govHead', scope);
    expect(now.treeSize).toBe(seq);
    expect(now.treeSize).toBeGreaterThan(witnessed.treeSize);

    const consistency = (
      await get(
        'govHead',
        `/api/audit/consistency?scope=${scope}&from=${witnessed.treeSize}&to=${now.treeSize}`,
      )
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

    const res = await get(
      'govDelegate',
      `/api/audit/inclusion?scope=${scope}&seq=${seq}&size=${now.treeSize}`,
    );
    expect(res.statusCode).toBe(200);
    const proof = res.json() as Inclusion;
    expect(proof).toMatchObject({ scope, seq, kind: 'item.created', treeSize: now.treeSize });
    expect(holds(proof, now.rootHash)).toEqual({ ok: true });

    // The same entry against the head witnessed before it was written cannot be proven.
    const early = await get(
      'govHead',
      `/api/audit/inclusion?scope=${scope}&seq=${seq}&size=${witnessed.treeSize}`,
    );
    expect(early.statusCode).toBe(422);
  });

  it('rejects a tampered path, a changed entry hash and the wrong root', async () => {
    const scope = scopeOf('caucus', 'gov');
    const seq = await caucusNote();
    const now = await head('govHead', scope);
    const proof = (
      await get('govHead', `/api/audit/inclusion?scope=${scope}&seq=${seq}`)
    ).json() as Inclusion;
    expect(holds(proof, now.rootHash)).toEqual({ ok: true });
    const flip = (hex: string) => `${hex[0] === '0' ? '1' : '0'}${hex.slice(1)}`;
    const tampered = { ...proof, proof: [flip(proof.proof[0] ?? ''), ...proof.proof.slice(1)] };
    expect(holds(tampered, now.rootHash).ok).toBe(false);
    expect(holds({ ...proof, hash: flip(proof.hash) }, now.rootHash).ok).toBe(false);
    expect(holds({ ...proof, seq: proof.seq - 1 }, now.rootHash).ok).toBe(false);
    expect(holds(proof, flip(now.rootHash)).ok).toBe(false);
    expect(holds({ ...proof, proof: proof.proof.slice(1) }, now.rootHash).ok).toBe(false);
  });

  it("counts in a member's scopes nothing of what happens in another party's caucus", async () => {
    const mine = ['process:' + p.demo.processId, scopeOf('plenary'), scopeOf('caucus', 'gov')];
    const before = await Promise.all(mine.map((s) => head('govDelegate', s)));
    await caucusNote('opp');
    const read = await p.as(await p.session('oppDelegate'), {
      method: 'GET',
      url: `/api/processes/${p.demo.processId}/items?compartmentId=${compartment('caucus', 'opp').id}`,
    });
    expect(read.statusCode).toBe(200);
    const after = await Promise.all(mine.map((s) => head('govDelegate', s)));
    expect(after.map((h) => [h.treeSize, h.rootHash])).toEqual(
      before.map((h) => [h.treeSize, h.rootHash]),
    );
  });

  it('answers a scope one may not witness exactly like one that does not exist', async () => {
    const hiddenCaucus = scopeOf('caucus', 'gov');
    const seq = await caucusNote();
    const other = p.demo.accounts.find((a) => a.key === 'govHead')!.userId;
    const cases: Array<[Key, string]> = [
      ['oppHead', hiddenCaucus],
      ['mediator', hiddenCaucus],
      ['leadMediator', hiddenCaucus],
      ['admin', scopeOf('plenary')],
      ['observer', scopeOf('mediators')],
      ['govDelegate', `member:${p.demo.processId}:${other}`],
    ];
    for (const [key, scope] of cases) {
      const ghostScope = `compartment:${randomUUID()}`;
      for (const [path, query] of [
        ['tree-head', ''],
        ['consistency', '&from=1&to=1'],
        ['inclusion', `&seq=${seq}`],
      ] as const) {
        const hidden = await get(key, `/api/audit/${path}?scope=${scope}${query}`);
        const ghost = await get(key, `/api/audit/${path}?scope=${ghostScope}${query}`);
        expect({ key, path, status: hidden.statusCode, body: hidden.body }).toEqual({
          key,
          path,
          status: ghost.statusCode,
          body: ghost.body,
        });
        expect(hidden.statusCode).toBe(404);
      }
    }
    const malformed = await get('govHead', '/api/audit/tree-head?scope=nonsense');
    const missing = await get('govHead', `/api/audit/tree-head?scope=process:${randomUUID()}`);
    expect([malformed.statusCode, malformed.body]).toEqual([missing.statusCode, missing.body]);
  });

  it('numbers audit pages per scope and pages on from a (scope, number) pair', async () => {
    await caucusNote();
    const url = `/api/processes/${p.demo.processId}/audit`;
    const first = (await get('leadMediator', `${url}?limit=5`)).json() as {
      entries: Array<{ scope: string; seq: number; kind: string }>;
    };
    expect(first.entries).toHaveLength(5);
    for (const e of first.entries) expect(e.scope).toMatch(/^(process|compartment|member):/);
    const last = first.entries[4]!;
    const next = (
      await get('leadMediator', `${url}?limit=5&beforeScope=${last.scope}&beforeSeq=${last.seq}`)
    ).json() as { entries: Array<{ scope: string; seq: number }> };
    expect(next.entries).toHaveLength(5);
    const seen = new Set(first.entries.map((e) => `${e.scope} ${e.seq}`));
    expect(next.entries.some((e) => seen.has(`${e.scope} ${e.seq}`))).toBe(false);
    // A cursor in a scope the reader may not see answers like one that does not exist.
    const hidden = await get(
      'leadMediator',
      `${url}?limit=5&beforeScope=${scopeOf('caucus', 'gov')}&beforeSeq=1`,
    );
    const ghost = await get(
      'leadMediator',
      `${url}?limit=5&beforeScope=compartment:${randomUUID()}&beforeSeq=1`,
    );
    expect([hidden.statusCode, hidden.body]).toEqual([ghost.statusCode, ghost.body]);
    expect(hidden.statusCode).toBe(404);
  });
});
