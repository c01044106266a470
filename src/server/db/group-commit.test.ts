/**
 * Group commit: transactions that arrive together share one commit, each answered only once that
 * commit is durable, each all-or-nothing on its own; the audit chain stays one unbroken chain.
 * SQLite runs on a file here (not in memory), so what a second connection sees was committed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../core/audit/chain.js';
import type { AuditEvent } from '../../core/audit/catalogue.js';
import { nodeHashing } from '../security/crypto.js';
import { testDatabases, type TestDatabase } from '../test-support/databases.js';
import { useParley } from '../test-support/harness.js';
import { appendAuditEntries, readHead, readWholeLog } from './audit-repository.js';
import { openDatabase, type Database } from './connect.js';
import { groupCommit, type CommitBatch, type GroupCommitOptions } from './group-commit.js';
import type { DB } from './schema.js';

/** SQLite in a file of its own, removed when the suite's Parley closes. */
const sqliteFile = (): TestDatabase => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-group-commit-'));
  return {
    name: 'sqlite',
    url: `sqlite:${join(dir, 'parley.db')}`,
    fresh: async () => ({ drop: async () => rmSync(dir, { recursive: true, force: true }) }),
  };
};

const targets = (await testDatabases()).map((t) => (t.name === 'sqlite' ? sqliteFile() : t));

const event = (label: string): AuditEvent => ({
  kind: 'process.updated',
  data: { fields: [label] },
  actorUserId: null,
  processId: null,
  compartmentId: null,
});

describe.each(targets)('group commit on $name', (target) => {
  const batches: CommitBatch[] = [];
  const p = useParley(target, { onCommitBatch: (b) => void batches.push(b) });

  const database = () => p.runtime.database;
  const auditDeps = () => ({
    dialect: database().dialect,
    clock: p.runtime.deps.clock,
    sha256: nodeHashing.sha256,
  });
  const entriesAfter = async (seq: number) => {
    const all = [];
    for await (const e of readWholeLog(database().db)) if (e.seq > seq) all.push(e);
    return all;
  };
  /** A second connection to the same database: it sees only what was committed. */
  const otherConnection = (): Database =>
    openDatabase(target.url, {
      schema: database().schema === 'public' ? undefined : (database().schema ?? undefined),
    });
  const labels = (entries: Array<{ data: string }>) =>
    entries.map((e) => (JSON.parse(e.data) as { fields: string[] }).fields[0]);
  /** A group commit as the unit of work runs it: each transaction's events appended per batch. */
  const auditedCommits = (
    seen: CommitBatch[],
    options: Omit<GroupCommitOptions<{ events: AuditEvent[] }>, 'onBatch' | 'beforeCommit'> = {},
  ) =>
    groupCommit<{ events: AuditEvent[] }>(database().db, {
      ...options,
      onBatch: (b) => void seen.push(b),
      beforeCommit: async (trx, results) =>
        void (await appendAuditEntries(
          trx,
          auditDeps(),
          results.flatMap((r) => r.events),
        )),
    });

  it('lets transactions that arrive together share one commit, each answered once it is committed', async () => {
    const before = await readHead(database().db);
    batches.length = 0;
    const other = otherConnection();
    try {
      const seenAtAnswer: number[] = [];
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          p.runtime.deps.db
            .transaction((s) => s.audit.append(event(`t${i}`)))
            .then(async () => {
              // When the caller hears back, its entry is already visible to everyone else.
              seenAtAnswer.push((await readHead(other.db)).seq - before.seq);
            }),
        ),
      );
      expect(batches).toEqual([{ size: 20, failed: 0, fsyncSeconds: expect.any(Number) }]);
      expect(Math.min(...seenAtAnswer)).toBe(20);
      const written = await entriesAfter(before.seq);
      expect(written.map((e) => e.seq)).toEqual(
        Array.from({ length: 20 }, (_, i) => before.seq + 1 + i),
      );
      expect(labels(written)).toEqual(Array.from({ length: 20 }, (_, i) => `t${i}`));
      expect(await verifyChain(readWholeLog(database().db), nodeHashing.sha256)).toMatchObject({
        ok: true,
      });
    } finally {
      await other.close();
    }
  });

  it('rolls back a transaction that throws, alone, and commits the others of its batch', async () => {
    const before = await readHead(database().db);
    const seen: CommitBatch[] = [];
    const commits = groupCommit(database().db, { onBatch: (b) => void seen.push(b) });
    const append = (label: string) => (trx: Parameters<Parameters<typeof commits.run>[0]>[0]) =>
      appendAuditEntries(trx, auditDeps(), [event(label)]);
    const outcomes = await Promise.allSettled([
      commits.run(append('first')),
      commits.run(async (trx) => {
        await append('thrown')(trx);
        throw new Error('the use case refused');
      }),
      commits.run(async (trx) => {
        await append('failed statement')(trx);
        // A duplicate key: on PostgreSQL the whole transaction is aborted until the savepoint is
        // rolled back, so this is what would break the batch without one.
        await sql`insert into audit_head (id, seq, hash) values (1, 0, 'x')`.execute(trx);
      }),
      commits.run(append('last')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(seen).toEqual([{ size: 4, failed: 2, fsyncSeconds: expect.any(Number) }]);
    const written = await entriesAfter(before.seq);
    expect(labels(written)).toEqual(['first', 'last']);
    expect(written.map((e) => e.seq)).toEqual([before.seq + 1, before.seq + 2]);
    expect(written[1]?.prevHash).toBe(written[0]?.hash);
    expect(await readHead(database().db)).toEqual({ seq: before.seq + 2, hash: written[1]?.hash });
    expect(await verifyChain(readWholeLog(database().db), nodeHashing.sha256)).toMatchObject({
      ok: true,
    });
  });

  it('fails only the work that ran when a batch breaks, and commits the rest in the next batch', async () => {
    const before = await readHead(database().db);
    const seen: CommitBatch[] = [];
    const commits = groupCommit(database().db, { onBatch: (b) => void seen.push(b) });
    const outcomes = await Promise.allSettled([
      commits.run((trx) => appendAuditEntries(trx, auditDeps(), [event('ran before')])),
      // Ends the shared transaction under the batch's feet: nothing before it can be committed.
      commits.run(async (trx) => void (await sql`rollback`.execute(trx))),
      commits.run((trx) => appendAuditEntries(trx, auditDeps(), [event('ran after')])),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(seen).toEqual([{ size: 1, failed: 0, fsyncSeconds: expect.any(Number) }]);
    expect(labels(await entriesAfter(before.seq))).toEqual(['ran after']);
    expect(await verifyChain(readWholeLog(database().db), nodeHashing.sha256)).toMatchObject({
      ok: true,
    });
  });

  it('writes 50 audit entries, in order and durable, for 50 concurrent audited reads', async () => {
    const { processId, compartments } = p.demo;
    // Fifty notes in the mediators' room, none of them public: every first read is audited (a
    // repeated read of the same note by the same person is covered by its first entry).
    const room = compartments.find((c) => c.kind === 'mediators');
    expect(room).toBeDefined();
    await p.session('leadMediator');
    const readable: string[] = [];
    for (let i = 0; i < 50; i++) {
      const res = await p.post(
        'leadMediator',
        `/api/processes/${processId}/compartments/${room?.id}/notes`,
        { title: `Read ${i}`, body: 'Read once each, all at once.' },
      );
      expect(res.statusCode).toBe(201);
      readable.push((res.json() as { id: string }).id);
    }
    // Committed on SQLite means on disk: the WAL is synced at every commit.
    if (database().sqlite)
      expect(database().sqlite?.pragma('synchronous', { simple: true })).toBe(2);
    const before = await readHead(database().db);
    batches.length = 0;
    const other = otherConnection();
    try {
      const wanted = readable;
      const committedAtAnswer: number[] = [];
      const answers = await Promise.all(
        wanted.map((itemId) =>
          p.get('leadMediator', `/api/processes/${processId}/items/${itemId}`).then(async (res) => {
            committedAtAnswer.push((await readHead(other.db)).seq - before.seq);
            return res;
          }),
        ),
      );
      expect(answers.map((r) => r.statusCode)).toEqual(wanted.map(() => 200));
      // The k-th answer came after at least k entries were committed.
      committedAtAnswer.forEach((n, k) => expect(n).toBeGreaterThanOrEqual(k + 1));
      const written: Array<{ seq: number; kind: string; data: string }> = [];
      for await (const e of readWholeLog(other.db)) if (e.seq > before.seq) written.push(e);
      expect(written.map((e) => e.seq)).toEqual(
        Array.from({ length: 50 }, (_, i) => before.seq + 1 + i),
      );
      expect(written.every((e) => e.kind === 'item.read')).toBe(true);
      const readIds = written.map((e) => (JSON.parse(e.data) as { itemId: string }).itemId);
      expect([...readIds].sort()).toEqual([...wanted].sort());
      expect(await verifyChain(readWholeLog(other.db), nodeHashing.sha256)).toMatchObject({
        ok: true,
      });
      // They shared commits: fewer commits than reads, and all 50 in them.
      expect(batches.reduce((n, b) => n + b.size, 0)).toBe(50);
      expect(batches.length).toBeLessThan(50);
    } finally {
      await other.close();
    }
  });

  it('fails every caller of a batch whose COMMIT fails, writes none of it, and commits the next batch', async () => {
    // A constraint checked only at COMMIT: a child row without its parent breaks the commit itself,
    // after every transaction of the batch has run and its savepoint has been released.
    await sql`create table gc_parent (id integer primary key)`.execute(database().db);
    await sql`create table gc_child (parent integer not null references gc_parent (id) deferrable initially deferred)`.execute(
      database().db,
    );
    const orphan = (trx: Kysely<DB>) =>
      sql`insert into gc_child (parent) values (404)`.execute(trx);
    const children = async (db: Kysely<DB>) =>
      Number((await sql<{ n: number }>`select count(*) as n from gc_child`.execute(db)).rows[0]?.n);
    const before = await readHead(database().db);
    const seen: CommitBatch[] = [];
    const commits = auditedCommits(seen);
    const outcomes = await Promise.allSettled([
      commits.run(async () => ({ events: [event('before the orphan')] })),
      commits.run(async (trx) => {
        await orphan(trx);
        return { events: [event('orphan')] };
      }),
      commits.run(async () => ({ events: [event('after the orphan')] })),
    ]);
    // No caller hears of a success: each gets the commit's error.
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const o of outcomes)
      expect(o.status === 'rejected' && String(o.reason)).toMatch(/foreign key/i);
    // A lone transaction (no savepoint) whose commit fails is refused the same way.
    await expect(
      commits.run(async (trx) => {
        await orphan(trx);
        return { events: [event('alone')] };
      }),
    ).rejects.toThrow(/foreign key/i);
    expect(seen).toEqual([]);
    // Nothing half-written: no entry, the head where it was, no row, as another connection sees it.
    const other = otherConnection();
    try {
      expect(await readHead(other.db)).toEqual(before);
      expect(await children(other.db)).toBe(0);
    } finally {
      await other.close();
    }
    expect(await entriesAfter(before.seq)).toEqual([]);
    // The next batch commits, chained to the same head; so does the runtime's own unit of work.
    const next = await Promise.allSettled([
      commits.run(async () => ({ events: [event('next 1')] })),
      commits.run(async () => ({ events: [event('next 2')] })),
    ]);
    expect(next.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(seen).toEqual([{ size: 2, failed: 0, fsyncSeconds: expect.any(Number) }]);
    await p.runtime.deps.db.transaction((s) => s.audit.append(event('runtime')));
    const written = await entriesAfter(before.seq);
    expect(labels(written)).toEqual(['next 1', 'next 2', 'runtime']);
    expect(written[0]?.prevHash).toBe(before.hash);
    expect(await children(database().db)).toBe(0);
    expect(await verifyChain(readWholeLog(database().db), nodeHashing.sha256)).toMatchObject({
      ok: true,
    });
  });

  it('runs batches side by side where the database has the connections, on one audit chain', async () => {
    const before = await readHead(database().db);
    const seen: CommitBatch[] = [];
    const commits = auditedCommits(seen, { concurrency: 3 });
    let active = 0;
    let most = 0;
    const slow = (label: string) =>
      commits.run(async (trx) => {
        active++;
        most = Math.max(most, active);
        // Work that waits on the database (PostgreSQL) or on nothing (SQLite's one connection).
        if (database().dialect === 'postgres') await sql`select pg_sleep(0.05)`.execute(trx);
        else await sleep(50);
        active--;
        return { events: [event(label)] };
      });
    const runs: Array<Promise<unknown>> = [];
    for (let i = 0; i < 6; i++) {
      runs.push(slow(`s${i}`));
      await nextTurn(); // each arrives in a turn of its own, so each may start a batch
    }
    await Promise.all(runs);
    // PostgreSQL runs them on several connections at once; SQLite, one batch after the other.
    if (database().dialect === 'postgres') expect(most).toBeGreaterThan(1);
    else expect(most).toBe(1);
    expect(seen.reduce((n, b) => n + b.size, 0)).toBe(6);
    const written = await entriesAfter(before.seq);
    expect(written.map((e) => e.seq)).toEqual(
      Array.from({ length: 6 }, (_, i) => before.seq + 1 + i),
    );
    expect([...labels(written)].sort()).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
    expect(await verifyChain(readWholeLog(database().db), nodeHashing.sha256)).toMatchObject({
      ok: true,
    });
  });
});
