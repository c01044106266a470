/**
 * Verifying a live audit log: with more than one page of entries and writers appending the whole
 * time, every verification reads one consistent snapshot and passes; a log really cut short still
 * fails. SQLite in a file (a second connection, as `parley audit verify` opens beside a running
 * server) and PostgreSQL (a pool of its own).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asId, type ItemId } from '../core/shared/ids.js';
import { getItem } from '../core/usecases/items/get-item.js';
import { verifyAuditEvidence, verifyAuditLog } from './audit-verify.js';
import { openDatabase, type Database } from './db/connect.js';
import { actorOf } from './test-support/actors.js';
import { sqliteFile, testDatabases } from './test-support/databases.js';
import { useParley } from './test-support/harness.js';

const [, postgres] = await testDatabases();
const targets = [sqliteFile(), ...(postgres ? [postgres] : [])];

/** More entries than one page of the verifier's reads (5,000). */
const logSize = 5_300;

describe.each(targets)('verifying the audit log of a busy server on $name', (target) => {
  const p = useParley(target);
  let verifier: Database;

  beforeAll(async () => {
    const d = p.runtime.deps;
    const { userId } = await actorOf(d, 'lead.mediator@demo.parley');
    const filler = p.demo.notes.values().next().value!;
    for (let seq = await lastSeq(); seq < logSize; seq = await lastSeq())
      await d.db.transaction(async (s) => {
        for (let i = 0; i < Math.min(500, logSize - seq); i++)
          await s.audit.append({
            kind: 'item.read',
            data: { itemId: filler },
            actorUserId: userId,
            processId: p.demo.processId,
            compartmentId: null,
          });
      });
    // The verifier's own connection, as the `parley` command opens one beside the server.
    verifier = openDatabase(target.url, { schema: p.runtime.database.schema ?? undefined });
  }, 120_000);
  afterAll(async () => verifier?.close());

  async function lastSeq(): Promise<number> {
    const r = await sql<{ seq: number }>`select seq from audit_head`.execute(p.runtime.database.db);
    return Number(r.rows[0]?.seq ?? 0);
  }

  /** Audited reads of a caucus note, by three writers at once, until stopped; counts them. */
  function startWriters() {
    let stopped = false;
    let done = 0;
    const caucus = p.demo.compartments.find(
      (c) => c.kind === 'caucus' && c.partyId === p.demo.parties.gov,
    )!;
    const itemId: ItemId = asId(p.demo.notes.get(caucus.id)!);
    const loops = [0, 1, 2].map(async () => {
      const actor = await actorOf(p.runtime.deps, 'gov.head@demo.parley');
      while (!stopped) {
        await getItem(p.runtime.deps, { actor, processId: p.demo.processId, itemId });
        done++;
      }
    });
    return {
      done: () => done,
      stop: async () => {
        stopped = true;
        await Promise.all(loops);
      },
    };
  }

  it('passes every time while writers append, each time over one snapshot', async () => {
    const writers = startWriters();
    try {
      let previous = 0;
      let overlapped = 0;
      for (let round = 0; round < 4; round++) {
        const before = writers.done();
        const v = await verifyAuditEvidence(verifier, {
          treeHeadKey: p.runtime.treeHeadKey,
          clock: p.runtime.deps.clock,
        });
        if (writers.done() > before) overlapped++;
        expect(v).toMatchObject({ ok: true });
        if (!v.ok) return;
        expect(v.entries).toBeGreaterThanOrEqual(logSize);
        expect(v.entries).toBeGreaterThanOrEqual(previous);
        expect(v.scopes).toBeGreaterThan(0);
        previous = v.entries;
      }
      // Writers really were appending while the log was read (else this test proves nothing).
      expect(overlapped).toBeGreaterThan(0);
    } finally {
      await writers.stop();
    }
    const idle = await verifyAuditLog(verifier);
    expect(idle).toMatchObject({ ok: true, entries: await lastSeq() });
  }, 180_000);

  it('still names an entry removed from the log while writers append', async () => {
    const writers = startWriters();
    try {
      await sql`delete from audit_log where seq = 99`.execute(p.runtime.database.db);
      const v = await verifyAuditEvidence(verifier, {
        treeHeadKey: p.runtime.treeHeadKey,
        clock: p.runtime.deps.clock,
      });
      expect(v).toMatchObject({ ok: false, part: 'chain', badSeq: 100 });
    } finally {
      await writers.stop();
    }
  }, 120_000);
});
