/**
 * The unit of work: a transaction's audit entries are written last, chained in the order the use
 * case recorded them, and only if it commits; a read without a transaction records nothing.
 */
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../core/audit/chain.js';
import type { AuditEvent } from '../../core/audit/catalogue.js';
import { verifyScopes } from '../../core/audit/scope.js';
import { nodeHashing } from '../security/crypto.js';
import { testDatabases } from '../test-support/databases.js';
import { useParley } from '../test-support/harness.js';
import { readHead, readWholeLog } from './audit-repository.js';

const targets = await testDatabases();

const event = (fields: string[]): AuditEvent => ({
  kind: 'process.updated',
  data: { fields },
  actorUserId: null,
  processId: null,
  compartmentId: null,
});

describe.each(targets)('the unit of work on $name', (target) => {
  const p = useParley(target);

  const db = () => p.runtime.database.db;
  const entriesAfter = async (seq: number) => {
    const all = [];
    for await (const e of readWholeLog(db())) all.push(e);
    return all.filter((e) => e.seq > seq);
  };

  it('writes a transaction’s entries when its work is done, in order, on one chain', async () => {
    const before = await readHead(db());
    const seen = await p.runtime.deps.db.transaction(async (s) => {
      await s.audit.append(event(['first']));
      await s.audit.append(event(['second']));
      // Not written yet, even within the transaction: the head is locked only at the end.
      const early = await s.audit.lastSeq();
      await s.audit.append(event(['third']));
      return early;
    });
    expect(seen).toBe(before.seq);
    const written = await entriesAfter(before.seq);
    expect(written.map((e) => [e.seq, JSON.parse(e.data)])).toEqual([
      [before.seq + 1, { fields: ['first'] }],
      [before.seq + 2, { fields: ['second'] }],
      [before.seq + 3, { fields: ['third'] }],
    ]);
    expect(written[0]!.prevHash).toBe(before.hash);
    expect(await readHead(db())).toEqual({ seq: before.seq + 3, hash: written[2]!.hash });
    expect(await verifyChain(readWholeLog(db()), nodeHashing.sha256)).toMatchObject({ ok: true });
  });

  it('numbers each audit scope without gaps, in global order, under concurrent transactions', async () => {
    const before = await readHead(db());
    const scoped = (processId: string, compartmentId: string | null): AuditEvent => ({
      kind: 'process.updated',
      data: { fields: ['concurrent'] },
      actorUserId: null,
      processId,
      compartmentId,
    });
    const { processId } = p.demo;
    const [a, b] = p.demo.compartments;
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        p.runtime.deps.db.transaction(async (s) => {
          await s.audit.append(scoped(processId, i % 3 === 0 ? null : (a?.id ?? null)));
          await s.audit.append(scoped(processId, b?.id ?? null));
          await s.audit.append(scoped(processId, i % 2 === 0 ? (a?.id ?? null) : null));
        }),
      ),
    );
    expect((await readHead(db())).seq).toBe(before.seq + 72);
    const verdict = await verifyScopes(readWholeLog(db()));
    expect(verdict).toMatchObject({ ok: true });
    const written = await entriesAfter(before.seq);
    expect(written.every((e) => e.scopeSeq !== null && e.scopeSeq > 0)).toBe(true);
  });

  it('writes no entry of a transaction that fails', async () => {
    const before = await readHead(db());
    await expect(
      p.runtime.deps.db.transaction(async (s) => {
        await s.audit.append(event(['lost']));
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');
    expect(await readHead(db())).toEqual(before);
  });

  it('refuses to record an audit event in a read', async () => {
    const before = await readHead(db());
    await expect(
      p.runtime.deps.db.read(async (s) => {
        await s.audit.append(event(['read']));
      }),
    ).rejects.toThrow(/a read records no audit event/);
    expect(await readHead(db())).toEqual(before);
  });
});
