/**
 * Several instances on one PostgreSQL database, and transactions of theirs held open, for tests of
 * what two instances may do at once. Within one instance group commit runs one batch at a time, so
 * two requests to it never overlap in the database; requests to two instances do, and
 * `holdCommits` makes them overlap on purpose: every batch does its work and then waits, with its
 * locks, before its commit.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../http/app.js';
import { startRuntime, type Runtime } from '../runtime.js';
import type { TestParley } from './harness.js';

/** Another instance of a test Parley: its own runtime, pool and group commit, the same database. */
export interface SecondInstance {
  app: FastifyInstance;
  runtime: Runtime;
  /** inject() as a demo role, with the session it holds on the first instance. */
  request: TestParley['request'];
  close(): Promise<void>;
}

/**
 * Starts a second instance beside a running test Parley on PostgreSQL, as behind a load balancer:
 * the same configuration (database, schema, data directory and keys) and clock. Sessions live in
 * the database, so the first instance's sign-ins serve it too.
 */
export async function startSecondInstance(p: TestParley): Promise<SecondInstance> {
  const schema = p.runtime.database.schema;
  if (p.runtime.database.dialect !== 'postgres' || schema === null)
    throw new Error('A second instance shares a PostgreSQL database; SQLite has one writer.');
  const runtime = await startRuntime(p.runtime.deps.config, {
    clock: p.runtime.deps.clock,
    webRoot: null,
    schema,
  });
  const app = await buildApp(runtime.deps);
  return {
    app,
    runtime,
    async request(key, method, url, payload) {
      const session = await p.session(key);
      return app.inject({
        method,
        url,
        payload,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      });
    },
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}

/** Commits held back by `holdCommits`. */
export interface HeldCommits {
  /**
   * Resolves once `n` database sessions wait behind the hold, directly (at the audit log's head)
   * or behind one that does (a row lock its transaction holds); fails after a few seconds.
   */
  waiters(n: number): Promise<void>;
  /** Lets every held batch commit, in the order they queued at the head. */
  release(): Promise<void>;
}

/**
 * Locks the audit log's head row, as a batch does for its append, and keeps it until `release`:
 * every change of every instance then does its work and waits before its COMMIT, holding what it
 * locked, so the transactions started meanwhile overlap as they can in production. Sign in the
 * sessions a test needs first: a sign-in appends to the log too.
 */
export async function holdCommits(p: TestParley): Promise<HeldCommits> {
  const db = p.runtime.database.db;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding!: (pid: number) => void;
  const held = new Promise<number>((resolve) => (holding = resolve));
  const done = db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
    await trx.selectFrom('audit_head').select('seq').where('id', '=', 1).forUpdate().execute();
    holding(rows[0]?.pid ?? -1);
    await released;
  });
  const holder = await Promise.race([held, done.then(() => -1)]);
  if (holder === -1) throw new Error('The audit head could not be held.');
  /** The sessions waiting, directly or through others, on the holder. */
  const behind = async (): Promise<number> => {
    const { rows } = await sql<{ pid: number; blockers: number[] }>`
      select pid, pg_blocking_pids(pid) as blockers
      from pg_stat_activity where wait_event_type = 'Lock'`.execute(db);
    const reached = new Set([holder]);
    for (let grew = true; grew;) {
      grew = false;
      for (const r of rows)
        if (!reached.has(r.pid) && r.blockers.some((b) => reached.has(b))) {
          reached.add(r.pid);
          grew = true;
        }
    }
    return reached.size - 1;
  };
  return {
    async waiters(n) {
      let seen = 0;
      for (let i = 0; i < 500; i++) {
        seen = await behind();
        if (seen >= n) return;
        await sleep(10);
      }
      throw new Error(`${n} transactions were expected to wait behind the held head; ${seen} did.`);
    },
    async release() {
      release();
      await done;
    },
  };
}
