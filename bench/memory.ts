/**
 * Memory under mixed load (issue 14): one Parley instance (SQLite, or PostgreSQL with
 * --postgres) serves reads, writes, sign-ins and sign-outs and live WebSocket sockets for ten
 * minutes; its resident set size (RSS) is sampled every 5 s and the median RSS of the last minute is
 * compared with that of the minute after the first. Target: no growth over 10 %.
 *
 * Run: npx tsx bench/memory.ts [--quick] [--minutes=M] [--sockets=N] [--postgres] [--no-record]
 *      [--server=built|source]
 *
 * --quick runs 2 minutes and compares with the RSS after 30 s: a smoke run, not a figure. The load
 * is paced (about 150 reads, 15 notes, 1 sign-in and 1 sign-out per second, N sockets open the
 * whole time) rather than saturating, so that what grows is what the server keeps, not a backlog.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import WebSocket from 'ws';
import { serverBuildOf, serverEntry } from './server-entry.js';
import { demoPassword } from '../src/server/demo/seed.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const serverBuild = serverBuildOf(args);
const quick = args.includes('--quick');
const numberArg = (name: string, fallback: number): number => {
  const raw = args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
};
const minutes = numberArg('minutes', quick ? 2 : 10);
const plan = {
  seconds: minutes * 60,
  /** The RSS compared against is the one at this time. */
  baselineSeconds: quick ? 30 : 60,
  sockets: Math.round(numberArg('sockets', 100)),
  readsPerSecond: 150,
  writesPerSecond: 15,
  sampleSeconds: 5,
};
const usePostgres = args.includes('--postgres');
const record = !quick && !args.includes('--no-record');
const postgresUrl =
  process.env.PARLEY_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const demoEmails = [
  'lead.mediator@demo.parley',
  'mediator@demo.parley',
  'gov.head@demo.parley',
  'gov.delegate@demo.parley',
  'opp.head@demo.parley',
  'opp.delegate@demo.parley',
  'observer@demo.parley',
];

let child: ChildProcess | null = null;
let dataDir: string | null = null;
let database: string | null = null;
const sockets = new Set<WebSocket>();

async function cleanUp(): Promise<void> {
  for (const s of sockets) s.terminate();
  if (child && child.exitCode === null) {
    const c = child;
    await new Promise<void>((done) => {
      const force = setTimeout(() => c.kill('SIGKILL'), 5000);
      c.once('exit', () => {
        clearTimeout(force);
        done();
      });
      c.kill('SIGTERM');
    });
  }
  if (database) {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`).catch(() => undefined);
    await admin.end();
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
process.on('exit', () => child?.kill('SIGKILL'));
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? done(port) : fail(new Error('no port'))));
    });
  });
}

async function start(): Promise<string> {
  dataDir = mkdtempSync(join(os.tmpdir(), 'parley-bench-memory-'));
  let url: string | undefined;
  if (usePostgres) {
    database = `parley_bench_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
    const u = new URL(postgresUrl);
    u.pathname = `/${database}`;
    url = u.toString();
  }
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PARLEY_')) env[k] = v;
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    PARLEY_DATA_DIR: dataDir,
    PARLEY_DEMO: 'on',
    PARLEY_LOG_LEVEL: 'warn',
    ...(url ? { PARLEY_DATABASE_URL: url } : {}),
  });
  const c = spawn(process.execPath, serverEntry(serverBuild), {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child = c;
  const errors: string[] = [];
  c.stderr?.on('data', (d: Buffer) => errors.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (c.exitCode !== null) throw new Error(`Parley exited:\n${errors.join('')}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return base;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`Parley did not answer:\n${errors.join('')}`);
    await sleep(100);
  }
}

/** Resident set size of a process in MiB (Linux /proc). */
function rssMiB(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return Number(kb) / 1024;
}

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(base: string, email: string): Promise<Session> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} answered ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('parley_session='));
  if (!cookie) throw new Error('no session cookie');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
function send(
  base: string,
  method: string,
  path: string,
  s: Session,
  body?: unknown,
): Promise<number> {
  return new Promise((done, fail) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    if (text) headers['content-type'] = 'application/json';
    const req = http.request(`${base}${path}`, { method, headers, agent }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end(text);
  });
}

/** Calls `fn` `perSecond` times a second until `until`, at most 16 calls in flight. */
async function paced(
  perSecond: number,
  until: number,
  fn: (i: number) => Promise<void>,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  const start = Date.now();
  for (let i = 0; Date.now() < until; i++) {
    const due = start + (i * 1000) / perSecond;
    if (due > Date.now()) await sleep(due - Date.now());
    if (inFlight.size >= 16) await Promise.race(inFlight);
    const p = fn(i).finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
}

async function main(): Promise<void> {
  const command = ['npx tsx bench/memory.ts', ...args].join(' ');
  const cpus = os.cpus();
  const machine = `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`;
  console.log(`Memory benchmark — ${command}`);
  console.log(
    `Machine: ${machine}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const base = await start();
  const sessions = await Promise.all(demoEmails.map((e) => signIn(base, e)));
  const lead = sessions[0];
  if (!lead) throw new Error('no session');
  const list = (await (
    await fetch(`${base}/api/processes`, { headers: { cookie: lead.cookie } })
  ).json()) as { processes: Array<{ id: string; codename: string }> };
  const processId = list.processes.find((p) => p.codename === 'NORDLYS')?.id ?? '';
  const view = (await (
    await fetch(`${base}/api/processes/${processId}`, { headers: { cookie: lead.cookie } })
  ).json()) as { compartments: Array<{ id: string; kind: string; writable: boolean }> };
  const writable = view.compartments.filter((c) => c.writable).map((c) => c.id);
  // Each role reads the items it may read (a 404 here would be a request of the bench's making).
  const itemIds = await Promise.all(
    sessions.map(async (s) => {
      const res = await fetch(`${base}/api/processes/${processId}/items`, {
        headers: { cookie: s.cookie },
      });
      return ((await res.json()) as { items: Array<{ id: string }> }).items.map((i) => i.id);
    }),
  );

  // Live sockets, spread over the roles, kept open for the whole run.
  let messages = 0;
  for (let i = 0; i < plan.sockets; i++) {
    const s = sessions[i % sessions.length];
    if (!s) continue;
    const socket = new WebSocket(`ws://${base.slice(7)}/api/live`, {
      headers: { cookie: s.cookie, origin: base },
    });
    socket.on('message', () => (messages += 1));
    socket.on('error', () => undefined);
    sockets.add(socket);
  }
  for (let waited = 0; waited < 20; waited++) {
    if ([...sockets].every((s) => s.readyState !== WebSocket.CONNECTING)) break;
    await sleep(500);
  }
  const open = [...sockets].filter((s) => s.readyState === WebSocket.OPEN).length;
  console.log(`${open} of ${plan.sockets} live sockets open; running ${minutes} min of mixed load`);

  const started = Date.now();
  const until = started + plan.seconds * 1000;
  const samples: Array<{ at: number; rss: number }> = [];
  const pid = child?.pid;
  let statuses = new Map<number, number>();
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
  const sampler = (async () => {
    while (Date.now() < until) {
      samples.push({ at: (Date.now() - started) / 1000, rss: rssMiB(pid) });
      await sleep(plan.sampleSeconds * 1000);
    }
    samples.push({ at: (Date.now() - started) / 1000, rss: rssMiB(pid) });
  })();
  const reads = paced(plan.readsPerSecond, until, async (i) => {
    const r = i % sessions.length;
    const s = sessions[r] ?? lead;
    const own = itemIds[r] ?? [];
    const path = [
      `/api/processes/${processId}/items/${own[Math.floor(i / sessions.length) % own.length] ?? ''}`,
      `/api/processes/${processId}/items?limit=50`,
      `/api/processes/${processId}`,
      '/api/session',
    ][i % 4];
    count(await send(base, 'GET', path ?? '/api/session', s));
  });
  const writes = paced(plan.writesPerSecond, until, async (i) => {
    const compartment = writable[i % writable.length] ?? '';
    count(
      await send(
        base,
        'POST',
        `/api/processes/${processId}/compartments/${compartment}/notes`,
        lead,
        {
          title: `Memory note ${i}`,
          body: 'Written while memory is measured. '.repeat(20),
        },
      ),
    );
  });
  // A new session every second, signed out a second later: the session cache sees new entries
  // and sign-outs all the time.
  const churn = paced(1, until, async (i) => {
    const s = await signIn(base, demoEmails[i % demoEmails.length] ?? '');
    count(await send(base, 'GET', '/api/session', s));
    await sleep(1000);
    count(await send(base, 'DELETE', '/api/session', s));
  });
  await Promise.all([reads, writes, churn, sampler]);
  const stillOpen = [...sockets].filter((s) => s.readyState === WebSocket.OPEN).length;

  const at = (t: number) =>
    samples.reduce((best, s) => (Math.abs(s.at - t) < Math.abs(best.at - t) ? s : best));
  const first = at(plan.baselineSeconds);
  const last = samples[samples.length - 1] ?? first;
  const peak = Math.max(...samples.map((s) => s.rss));
  const change = (last.rss - first.rss) / first.rss;
  // One sample can land on a collection's peak or trough (RSS swings by a third with garbage
  // collection under this load), so the target is judged on the median of a whole window: the
  // minute after the baseline against the last minute of the run.
  const window = plan.baselineSeconds;
  const end = last.at;
  const early = median(samples.filter((s) => s.at >= window && s.at < 2 * window));
  const late = median(samples.filter((s) => s.at > end - window));
  const growth = (late - early) / early;
  const statusLine = [...statuses].map(([k, v]) => `${k}: ${v}`).join(', ');
  statuses = new Map();
  const lines = [
    `RSS after ${first.at.toFixed(0)} s: ${first.rss.toFixed(1)} MiB; at the end (${last.at.toFixed(0)} s): ` +
      `${last.rss.toFixed(1)} MiB (${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)} %); peak ${peak.toFixed(1)} MiB`,
    `Answers by status: ${statusLine}; live messages received ${messages}; sockets open at the end ${stillOpen} of ${open}`,
    `RSS every minute (MiB): ${samples
      .filter((s, i) => i % Math.round(60 / plan.sampleSeconds) === 0)
      .map((s) => s.rss.toFixed(0))
      .join(' ')}`,
    `Median RSS over ${window}–${2 * window} s: ${early.toFixed(1)} MiB; over the last ${window} s: ` +
      `${late.toFixed(1)} MiB (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %)`,
    `Target (no growth over 10 % from the first minute, window medians): ${growth <= 0.1 ? 'met' : 'MISSED'}` +
      (quick ? ' (a --quick run: not a figure)' : ''),
    `Load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  ];
  for (const l of lines) console.log(l);
  if (record) {
    const path = join(repoRoot, 'bench', 'RESULTS.md');
    const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
    appendFileSync(
      path,
      `${existing.endsWith('\n') ? '' : '\n'}\n## Memory under mixed load — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n\n` +
        `Command: \`${command}\`  \nMachine: ${machine}  \n` +
        `Load: ${plan.readsPerSecond} reads/s, ${plan.writesPerSecond} notes/s, a sign-in and a sign-out per second, ${plan.sockets} live sockets, ${usePostgres ? 'PostgreSQL' : 'SQLite'}.\n\n` +
        lines.map((l) => `- ${l}`).join('\n') +
        '\n',
    );
    console.log('Appended to bench/RESULTS.md.');
  }
}

/** The median RSS of some samples. */
function median(of: readonly { rss: number }[]): number {
  const sorted = of.map((s) => s.rss).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

try {
  await main();
} catch (e) {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
} finally {
  await cleanUp();
}
