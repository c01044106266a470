/**
 * Verifying a live audit log: with more than one page of entries and writers appending the whole
 * time, every verification reads one consistent snapshot and passes; a log really cut short still
 * fails. SQLite in a file (a second connection, as `parley audit verify` opens beside a running
 * server) and PostgreSQL (a pool of its own).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
    // Changes, never skipped as repeated reads: every append writes an entry.
    for (let seq = await lastSeq(); seq < logSize; seq = await lastSeq())
      await d.db.transaction(async (s) => {
        for (let i = 0; i < Math.min(500, logSize - seq); i++)
          await s.audit.append({
            kind: 'invitation.revoked',
            data: { invitationId: `filler-${seq + i}` },
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

  /**
   * Three writers appending at once until stopped, each append its own committed entry (a change:
   * a repeated read of the same note would be covered by its first entry); counts them.
   */
  function startWriters() {
    let stopped = false;
    let done = 0;
    const loops = [0, 1, 2].map(async (w) => {
      const { userId } = await actorOf(p.runtime.deps, 'gov.head@demo.parley');
      while (!stopped) {
        await p.runtime.deps.db.transaction((s) =>
          s.audit.append({
            kind: 'invitation.revoked',
            data: { invitationId: `busy-${w}-${done}` },
            actorUserId: userId,
            processId: p.demo.processId,
            compartmentId: null,
          }),
        );
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
        // Between two verifications the writers go on (their commits are batched after the
        // current turn of the event loop).
        await vi.waitFor(() => expect(writers.done()).toBeGreaterThan(before));
        expect(v).toMatchObject({ ok: true });
        if (!v.ok) return;
        expect(v.entries).toBeGreaterThanOrEqual(logSize);
        expect(v.entries).toBeGreaterThanOrEqual(previous);
        expect(v.scopes).toBeGreaterThan(0);
        previous = v.entries;
      }
      // Writers really were appending while the log was read (else this test proves nothing). On
      // SQLite this process's verifier reads without giving the event loop a turn, so the batched
      // writers commit only between verifications; `parley audit verify` is a process of its own.
      if (target.name === 'postgres') expect(overlapped).toBeGreaterThan(0);
      expect(previous).toBeGreaterThan(logSize);
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
