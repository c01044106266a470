/**
 * The crash test ("nothing lost"): the real server runs as a child process on SQLite (WAL,
 * synchronous=FULL, group commit) while demo users write notes and amendments over HTTP, several
 * writers at once so that their transactions share commits; once writes are being answered it is
 * killed with SIGKILL at a random moment and restarted, round after round. After every restart each write that
 * was answered 201 must be readable again, the database must pass PRAGMA integrity_check, and the
 * audit log must verify. Loopback only; every loop is bounded in count and in time.
 *
 * PARLEY_CRASH_ROUNDS (default 20) sets the number of kills; PARLEY_CRASH_SEED replays a run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from './audit-verify.js';
import { openDatabase } from './db/connect.js';
import { demoPassword } from './demo/seed.js';

const rounds = Number(process.env.PARLEY_CRASH_ROUNDS ?? 20);
const seed = Number(process.env.PARLEY_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const serverMain = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Writes per writer per round at most, and how long one request may take. */
const maxWritesPerWriter = 2000;
/** Writers at once: enough that a kill often lands inside a batch of several commits. */
const noteWriters = 6;
const amendmentWriters = 2;
const requestTimeoutMs = 5000;
/** How long a start may take (tsx compiles the server, migrations run; a busy machine is slow). */
const startupMs = 120_000;

/** mulberry32: a small seeded generator, so a failing run can be replayed with its seed. */
function seededRandom(start: number): () => number {
  let a = start >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A free loopback port: listen on port 0, note the port, close. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

/** One run of the server process. */
interface Server {
  base: string;
  child: ChildProcess;
  exited: Promise<void>;
  output(): string;
}

async function startServer(dataDir: string): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', serverMain], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PARLEY_DATA_DIR: dataDir,
      PARLEY_DATABASE_URL: `sqlite:${join(dataDir, 'parley.db')}`,
      PARLEY_PUBLIC_URL: base,
      PARLEY_DEMO: 'on',
      PARLEY_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: Server = { base, child, exited, output: () => log };
  const deadline = Date.now() + startupMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited before answering:\n${log}`);
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return server;
    } catch {
      // Not listening yet.
    }
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not answer within ${startupMs / 1000} s:\n${log}`);
}

async function kill(server: Server): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null)
    server.child.kill('SIGKILL');
  await server.exited;
}

/** A signed-in browser session. */
interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(base: string, email: string): Promise<Session> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
    signal: AbortSignal.timeout(30_000),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('parley_session='));
  if (!cookie) throw new Error('no session cookie');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

function call(
  base: string,
  session: Session,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
}

/** A write the server answered 201 for: it must survive any crash after that answer. */
interface Acknowledged {
  kind: 'note' | 'amendment';
  id: string;
  /** A unique text of the write, compared when it is read back. */
  marker: string;
  round: number;
}

/** What one writer saw in one round. */
interface WriterResult {
  acknowledged: Acknowledged[];
  /** Requests cut by the kill: neither acknowledged nor refused. */
  uncertain: number;
  /** Answers other than 201 (should be none). */
  refused: string[];
}

/** Writes until told to stop or the server dies; records what was acknowledged. */
async function writer(
  kind: 'note' | 'amendment',
  send: (marker: string) => Promise<Response>,
  round: number,
  stop: { now: boolean; acknowledged?: () => void },
): Promise<WriterResult> {
  const result: WriterResult = { acknowledged: [], uncertain: 0, refused: [] };
  for (let i = 0; i < maxWritesPerWriter && !stop.now; i++) {
    const marker = `crash r${round} ${kind} ${i} ${randomBytes(6).toString('hex')}`;
    let res: Response;
    try {
      res = await send(marker);
    } catch {
      result.uncertain++;
      return result;
    }
    let body: { id?: string } | null = null;
    try {
      body = (await res.json()) as { id?: string };
    } catch {
      // The answer was cut mid-body by the kill: not an acknowledgement we can check.
      result.uncertain++;
      return result;
    }
    if (res.status === 201 && body?.id) {
      result.acknowledged.push({ kind, id: body.id, marker, round });
      stop.acknowledged?.();
    } else result.refused.push(`${res.status} ${JSON.stringify(body)}`);
  }
  return result;
}

describe('crash safety: SIGKILL during writes loses no acknowledged write', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-crash-'));
  const file = join(dataDir, 'parley.db');
  let server: Server | null = null;

  afterAll(async () => {
    if (server) await kill(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    `keeps every acknowledged write, an intact database and a verified audit log over ${rounds} kills`,
    async () => {
      const random = seededRandom(seed);
      const started = Date.now();
      server = await startServer(dataDir);
      const gov = await signIn(server.base, 'gov.head@demo.parley');
      const opp = await signIn(server.base, 'opp.delegate@demo.parley');
      const processes = (await (await call(server.base, gov, 'GET', '/api/processes')).json()) as {
        processes: Array<{ id: string }>;
      };
      const processId = processes.processes[0]?.id ?? '';
      const view = (await (
        await call(server.base, gov, 'GET', `/api/processes/${processId}`)
      ).json()) as { compartments: Array<{ id: string; kind: string; writable: boolean }> };
      const caucus = view.compartments.find((c) => c.kind === 'caucus' && c.writable);
      expect(caucus).toBeDefined();
      const caucusId = caucus?.id ?? '';

      const all: Acknowledged[] = [];
      const figures = { uncertain: 0, lost: 0, delays: [] as number[] };
      let auditEntries = 0;

      for (let round = 1; round <= rounds; round++) {
        const base = server.base;
        let writing = () => {};
        const firstWrite = new Promise<void>((resolve) => (writing = resolve));
        const stop = { now: false, acknowledged: () => writing() };
        const writers = [
          ...Array.from({ length: noteWriters }, () =>
            writer(
              'note',
              (marker) =>
                call(
                  base,
                  gov,
                  'POST',
                  `/api/processes/${processId}/compartments/${caucusId}/notes`,
                  {
                    title: marker,
                    body: `${marker}\n\nWritten during a crash test.`,
                  },
                ),
              round,
              stop,
            ),
          ),
          ...Array.from({ length: amendmentWriters }, () =>
            writer(
              'amendment',
              (marker) =>
                call(base, opp, 'POST', `/api/processes/${processId}/amendments`, {
                  provision: 'p-campaign',
                  change: { kind: 'insert', at: { position: 'end' }, wording: marker },
                  note: marker,
                }),
              round,
              stop,
            ),
          ),
        ];
        // The kill falls at a random moment once writes are being answered (a restarted server on a
        // busy machine may take a while to answer its first one).
        await Promise.race([firstWrite, sleep(30_000)]);
        const delay = 50 + Math.floor(random() * 350);
        figures.delays.push(delay);
        await sleep(delay);
        await kill(server);
        stop.now = true;
        const results = await Promise.all(writers);
        const acknowledged = results.flatMap((r) => r.acknowledged);
        expect(results.flatMap((r) => r.refused)).toEqual([]);
        figures.uncertain += results.reduce((n, r) => n + r.uncertain, 0);
        all.push(...acknowledged);

        server = await startServer(dataDir);

        // Every acknowledged write of this round reads back, as written.
        const missing: string[] = [];
        for (const a of acknowledged.filter((x) => x.kind === 'note')) {
          const res = await call(
            server.base,
            gov,
            'GET',
            `/api/processes/${processId}/items/${a.id}`,
          );
          const item = res.status === 200 ? ((await res.json()) as { title: string }) : null;
          if (item?.title !== a.marker) missing.push(`note ${a.id} (${res.status})`);
        }
        const listed = (await (
          await call(server.base, opp, 'GET', `/api/processes/${processId}/amendments`)
        ).json()) as { amendments: Array<{ id: string; note: string }> };
        const amendments = new Map(listed.amendments.map((x) => [x.id, x.note]));
        for (const a of acknowledged.filter((x) => x.kind === 'amendment'))
          if (amendments.get(a.id) !== a.marker) missing.push(`amendment ${a.id}`);
        figures.lost += missing.length;
        expect(missing, `round ${round} (seed ${seed})`).toEqual([]);

        // The file is intact and the audit log verifies and never shrinks.
        const database = openDatabase(`sqlite:${file}`);
        try {
          expect(database.sqlite?.pragma('integrity_check', { simple: true })).toBe('ok');
          const verdict = await verifyAuditLog(database);
          expect(verdict, `round ${round} (seed ${seed})`).toMatchObject({ ok: true });
          expect(verdict.entries).toBeGreaterThanOrEqual(auditEntries);
          auditEntries = verdict.entries;
        } finally {
          await database.close();
        }
      }

      // At the end, every write acknowledged in any round is still in the database (their texts
      // are encrypted at rest: each round above read them back, as written, through the API).
      const database = openDatabase(`sqlite:${file}`);
      try {
        const sqlite = database.sqlite;
        if (!sqlite) throw new Error('no SQLite handle');
        const ids = (table: 'items' | 'amendments') =>
          new Set(
            (sqlite.prepare(`select id from ${table}`).all() as Array<{ id: string }>).map(
              (r) => r.id,
            ),
          );
        const notes = ids('items');
        const amendments = ids('amendments');
        const gone = all.filter((a) => !(a.kind === 'note' ? notes : amendments).has(a.id));
        expect(gone).toEqual([]);
      } finally {
        await database.close();
      }

      const notes = all.filter((a) => a.kind === 'note').length;
      console.log(
        `crash test: ${rounds} SIGKILLs (seed ${seed}, ${noteWriters + amendmentWriters} writers at once, kill after ${Math.min(...figures.delays)}–${Math.max(...figures.delays)} ms of writes), ` +
          `${all.length} acknowledged writes (${notes} notes, ${all.length - notes} amendments), ` +
          `${figures.uncertain} cut mid-flight, ${figures.lost} lost, ${auditEntries} audit entries verified, ` +
          `${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      expect(all.length).toBeGreaterThan(rounds);
    },
    // Most of a round is the server starting again (tsx, migrations), slow on a busy machine.
    60_000 + rounds * 60_000,
  );
});
