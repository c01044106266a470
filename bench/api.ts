/**
 * Request-path benchmark (issue 14): Parley's API against a Fastify hello-world, side by side in
 * one run on this machine. Each row runs the same bounded load loop (keep-alive connections, one
 * request in flight on each, a fixed time) and is printed as a ratio to the hello-world's
 * requests per second, with its p50 and p99 latency. Rows: the audited read of a note in a
 * bilateral channel as the lead mediator, the item list, the process read (not audited),
 * GET /api/session, note creation by 1 and by 10 concurrent writers, and the raw fsync rate of the
 * disk the data directory is on. Scenarios: A one instance on SQLite, B one instance on
 * PostgreSQL, C two instances on one PostgreSQL database (connections split between them).
 *
 * Run: npx tsx bench/api.ts [--quick] [--no-record] [--only=A|B|C] [--rows=read,list,...]
 *      [--seconds=S] [--connections=N] [--profile=DIR] [--server=built|source]
 *      npx tsx bench/api.ts --compare=REF [--rows=...] [--rounds=N] [--seconds=S]
 *
 * The servers are real Parley child processes (the built `dist/server/main.js` that `npm start`
 * runs, compiled first; `--server=source` runs `src/server/main.ts` through tsx) on 127.0.0.1 with a fresh data
 * directory and the demo seeded; hello-world is a child process too. They are always stopped and
 * the PostgreSQL database dropped, also on an error or Ctrl-C. The load loop runs in this process
 * on the same cores: every ratio pays the same client cost. No test asserts a time.
 *
 * `--compare=REF` measures this checkout against another commit instead (scenario A only): both
 * servers run side by side, each built from its own source, and every row alternates short slices
 * of load between them (ABBA order, `--rounds` times), so that a machine whose speed drifts, as a
 * shared one does, slows both alike; it prints each one's median and the ratio. Nothing is recorded.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeSync,
} from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { serverBuildOf, serverEntry } from './server-entry.js';
import { demoPassword } from '../src/server/demo/seed.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const serverBuild = serverBuildOf(args);
const quick = args.includes('--quick');
const arg = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const numberArg = (name: string, fallback: number): number => {
  const raw = arg(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
};

const plan = {
  connections: Math.round(numberArg('connections', 10)),
  warmupSeconds: quick ? 0.5 : 1,
  seconds: numberArg('seconds', quick ? 2 : 6),
  fsyncSeconds: quick ? 1 : 3,
};
const only = arg('only');
const rowFilter = arg('rows')?.split(',');
const profileDir = arg('profile');
const compareRef = arg('compare');
const record = !quick && !args.includes('--no-record');
const postgresUrl =
  process.env.PARLEY_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const leadMediatorEmail = 'lead.mediator@demo.parley';

// ---------------------------------------------------------------------------------------------
// Child processes and scratch space: always cleaned up

const children = new Set<ChildProcess>();
const scratchDirs: string[] = [];
const scratchDatabases: string[] = [];

process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
process.once('SIGINT', () => {
  console.error('\ninterrupted: stopping the servers');
  void cleanUp().finally(() => process.exit(130));
});

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

async function dropDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}

async function cleanUp(): Promise<void> {
  await Promise.all([...children].map(stopChild));
  for (const name of scratchDatabases.splice(0))
    await dropDatabase(name).catch((e: unknown) =>
      console.error(`could not drop database ${name}: ${String(e)}`),
    );
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

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

interface Instance {
  name: string;
  base: string;
  child: ChildProcess;
}

/** Starts a child process and waits until `readyPath` answers 200. */
async function startChild(
  name: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  readyPath: string,
  cwd = repoRoot,
): Promise<Instance> {
  const child = spawn(process.execPath, argv, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const tail: string[] = [];
  const keep = (chunk: Buffer): void => {
    tail.push(...String(chunk).split('\n'));
    if (tail.length > 40) tail.splice(0, tail.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${name} exited before answering:\n${tail.join('\n')}`);
    try {
      const res = await fetch(`${base}${readyPath}`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`${name} did not answer in time:\n${tail.join('\n')}`);
    await sleep(100);
  }
  return { name, base, child };
}

/** Parley on a free port, with the demo seeded when `demo`. */
async function startParley(
  name: string,
  env: { dataDir: string; databaseUrl?: string; demo: boolean },
  root = repoRoot,
): Promise<Instance> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {};
  // The bench's own environment, minus any Parley setting that would change what is measured.
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PARLEY_')) childEnv[k] = v;
  Object.assign(childEnv, {
    PORT: String(port),
    HOST: '127.0.0.1',
    PARLEY_DATA_DIR: env.dataDir,
    PARLEY_DEMO: env.demo ? 'on' : 'off',
    PARLEY_LOG_LEVEL: 'warn',
    ...(env.databaseUrl ? { PARLEY_DATABASE_URL: env.databaseUrl } : {}),
  });
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [];
  return startChild(
    name,
    [...profile, ...serverEntry(serverBuild, root)],
    childEnv,
    port,
    '/api/health',
    root,
  );
}

/** Fastify's hello-world, as its own process, with the same Fastify as Parley. */
async function startHelloWorld(): Promise<Instance> {
  const port = await freePort();
  const script =
    "import Fastify from 'fastify';" +
    "const app = Fastify({ logger: false }); app.get('/', async () => ({ hello: 'world' }));" +
    `await app.listen({ port: ${port}, host: '127.0.0.1' });` +
    "process.on('SIGTERM', () => app.close().then(() => process.exit(0)));";
  return startChild('hello-world', ['--input-type=module', '-e', script], process.env, port, '/');
}

// ---------------------------------------------------------------------------------------------
// The load loop

interface Request {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  /** A fresh body per request (note titles differ). */
  body?: () => string;
  expect: number;
}

interface Figures {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  firstError: string;
  /** Whole-machine CPU use during the row, in % of one core. */
  machineCpu: number | null;
  /** Every answer, warm-up included (for CPU per request). */
  served: number;
  /** CPU time of the server process(es) per answer, in µs (warm-up included), or null. */
  serverCpuUs: number | null;
}

function send(
  agent: http.Agent,
  base: string,
  r: Request,
): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const body = r.body?.();
    const headers = body
      ? {
          ...r.headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
        }
      : r.headers;
    const req = http.request(`${base}${r.path}`, { method: r.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** CPU seconds a process has used so far (Linux /proc; clock ticks of 1/100 s), or null. */
function cpuSecondsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Runs a load and adds the CPU time its server processes used per answer. */
async function withServerCpu(
  children: ChildProcess[],
  run: () => Promise<Figures>,
): Promise<Figures> {
  const cpu = (): number | null => {
    let sum = 0;
    for (const c of children) {
      const v = cpuSecondsOf(c.pid);
      if (v === null) return null;
      sum += v;
    }
    return sum;
  };
  const before = cpu();
  const figures = await run();
  const after = cpu();
  return {
    ...figures,
    serverCpuUs:
      before === null || after === null || figures.served === 0
        ? null
        : ((after - before) / figures.served) * 1e6,
  };
}

function machineTicks(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, ...ticks] = line.trim().split(/\s+/).map(Number);
    const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - (ticks[3] ?? 0) - (ticks[4] ?? 0), total };
  } catch {
    return null;
  }
}

/**
 * `connections` connections (connection i to bases[i % bases.length]), each sending the next
 * request when the last one answered, for warm-up + measured seconds; only the measured part
 * counts. Bounded in time and therefore in count.
 */
async function load(bases: string[], r: Request, connections: number): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  let served = 0;
  let firstError = '';
  const start = performance.now();
  const measureFrom = start + plan.warmupSeconds * 1000;
  const end = measureFrom + plan.seconds * 1000;
  let ticksBefore: ReturnType<typeof machineTicks> = null;
  const timer = setTimeout(() => (ticksBefore = machineTicks()), plan.warmupSeconds * 1000);
  const agents: http.Agent[] = [];
  const loops = Array.from({ length: connections }, async (_, i) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    const base = bases[i % bases.length] ?? '';
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end) return;
      const res = await send(agent, base, r);
      const t1 = performance.now();
      served += 1;
      if (t0 < measureFrom) continue;
      if (res.status !== r.expect) {
        errors += 1;
        if (!firstError) firstError = `${res.status} ${res.body.slice(0, 200)}`;
      } else latencies.push(t1 - t0);
    }
  });
  await Promise.all(loops);
  clearTimeout(timer);
  const ticksAfter = machineTicks();
  for (const a of agents) a.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number): number =>
    latencies.length
      ? (latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN)
      : NaN;
  const before = ticksBefore as ReturnType<typeof machineTicks>;
  return {
    requests: latencies.length,
    perSecond: latencies.length / plan.seconds,
    p50: q(0.5),
    p99: q(0.99),
    errors,
    firstError,
    machineCpu:
      before && ticksAfter
        ? ((ticksAfter.busy - before.busy) / (ticksAfter.total - before.total)) *
          os.cpus().length *
          100
        : null,
    served,
    serverCpuUs: null,
  };
}

/** Appends 4 KiB and fsyncs, as fast as the disk allows, for `seconds`; answers fsyncs per second. */
function fsyncRate(dir: string, seconds: number): number {
  const file = join(dir, 'fsync-probe');
  const fd = openSync(file, 'a', 0o600);
  const block = randomBytes(4096);
  let n = 0;
  const start = performance.now();
  try {
    while (performance.now() - start < seconds * 1000) {
      writeSync(fd, block);
      fsyncSync(fd);
      n += 1;
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  return n / ((performance.now() - start) / 1000);
}

// ---------------------------------------------------------------------------------------------
// Parley as the lead mediator

interface Target {
  cookie: string;
  csrfToken: string;
  processId: string;
  bilateralId: string;
  noteId: string;
}

async function prepare(base: string): Promise<Target> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: leadMediatorEmail, password: demoPassword }),
  });
  if (!res.ok) throw new Error(`sign-in answered ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('parley_session='));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  if (!cookie) throw new Error('sign-in set no session cookie');
  const get = async <T>(path: string): Promise<T> => {
    const r = await fetch(`${base}${path}`, { headers: { cookie } });
    if (!r.ok) throw new Error(`GET ${path} answered ${r.status}`);
    return (await r.json()) as T;
  };
  const list = await get<{ processes: Array<{ id: string; codename: string }> }>('/api/processes');
  const processId = list.processes.find((p) => p.codename === 'NORDLYS')?.id;
  if (!processId) throw new Error('the demo process NORDLYS is missing');
  const view = await get<{ compartments: Array<{ id: string; kind: string }> }>(
    `/api/processes/${processId}`,
  );
  const bilateralId = view.compartments.find((c) => c.kind === 'bilateral')?.id;
  if (!bilateralId) throw new Error('no bilateral channel');
  const items = await get<{ items: Array<{ id: string }> }>(
    `/api/processes/${processId}/items?compartmentId=${bilateralId}`,
  );
  let noteId = items.items[0]?.id;
  if (!noteId) {
    const created = await fetch(
      `${base}/api/processes/${processId}/compartments/${bilateralId}/notes`,
      {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Bench note', body: 'A note to read.' }),
      },
    );
    noteId = ((await created.json()) as { id: string }).id;
  }
  return { cookie, csrfToken, processId, bilateralId, noteId };
}

interface RowSpec {
  key: string;
  label: string;
  connections: number;
  request: (t: Target) => Request;
}

let noteCounter = 0;
const rows: RowSpec[] = [
  {
    key: 'read',
    label: 'GET /api/processes/:id/items/:itemId (bilateral note: policy + audited read)',
    connections: plan.connections,
    request: (t) => ({
      method: 'GET',
      path: `/api/processes/${t.processId}/items/${t.noteId}`,
      headers: { cookie: t.cookie },
      expect: 200,
    }),
  },
  {
    key: 'list',
    label: 'GET /api/processes/:id/items',
    connections: plan.connections,
    request: (t) => ({
      method: 'GET',
      path: `/api/processes/${t.processId}/items`,
      headers: { cookie: t.cookie },
      expect: 200,
    }),
  },
  {
    key: 'process',
    label: 'GET /api/processes/:id (not audited)',
    connections: plan.connections,
    request: (t) => ({
      method: 'GET',
      path: `/api/processes/${t.processId}`,
      headers: { cookie: t.cookie },
      expect: 200,
    }),
  },
  {
    key: 'session',
    label: 'GET /api/session',
    connections: plan.connections,
    request: (t) => ({
      method: 'GET',
      path: '/api/session',
      headers: { cookie: t.cookie },
      expect: 200,
    }),
  },
  ...[1, 10].map((writers): RowSpec => ({
    key: `write${writers}`,
    label: `POST …/compartments/:id/notes, ${writers} writer${writers > 1 ? 's' : ''}`,
    connections: writers,
    request: (t) => ({
      method: 'POST',
      path: `/api/processes/${t.processId}/compartments/${t.bilateralId}/notes`,
      headers: { cookie: t.cookie, 'x-csrf-token': t.csrfToken },
      body: () =>
        JSON.stringify({ title: `Bench note ${(noteCounter += 1)}`, body: 'Written under load.' }),
      expect: 201,
    }),
  })),
];

interface Result {
  label: string;
  connections: number;
  figures: Figures;
}

interface ScenarioResult {
  scenario: string;
  hello: Figures[];
  fsync: number;
  results: Result[];
  loadBefore: number[];
  loadAfter: number[];
}

async function runScenario(
  scenario: string,
  instances: Instance[],
  dataDir: string,
): Promise<ScenarioResult> {
  console.log(`\n${scenario}`);
  const loadBefore = os.loadavg();
  const bases = instances.map((i) => i.base);
  const targets = await Promise.all(bases.map(prepare));
  const first = targets[0];
  if (!first) throw new Error('no instance');
  // Every instance uses its own sign-in; all read the same note of the same process.
  const hello = await startHelloWorld();
  const helloRequest: Request = { method: 'GET', path: '/', headers: {}, expect: 200 };
  const helloFigures: Figures[] = [];
  const results: Result[] = [];
  try {
    helloFigures.push(
      await withServerCpu([hello.child], () => load([hello.base], helloRequest, plan.connections)),
    );
    console.log(`  hello-world ${helloFigures[0]?.perSecond.toFixed(0)} req/s`);
    for (const row of rows) {
      if (rowFilter && !rowFilter.includes(row.key)) continue;
      // One request spec per instance (each with its own cookie), interleaved over connections.
      const perInstance = targets.map((t) => row.request(t));
      const figures = await withServerCpu(
        instances.map((i) => i.child),
        () => loadOver(bases, perInstance, row.connections),
      );
      results.push({ label: row.label, connections: row.connections, figures });
      console.log(
        `  ${row.label}: ${figures.perSecond.toFixed(0)} req/s, p99 ${figures.p99.toFixed(1)} ms` +
          `, server CPU ${fmt(figures.serverCpuUs ?? NaN)} µs/request` +
          (figures.errors ? `, ${figures.errors} errors (first: ${figures.firstError})` : ''),
      );
    }
    helloFigures.push(
      await withServerCpu([hello.child], () => load([hello.base], helloRequest, plan.connections)),
    );
    console.log(`  hello-world ${helloFigures[1]?.perSecond.toFixed(0)} req/s`);
  } finally {
    await stopChild(hello.child);
  }
  const fsync = fsyncRate(dataDir, plan.fsyncSeconds);
  console.log(`  raw fsync ${fsync.toFixed(0)}/s`);
  return { scenario, hello: helloFigures, fsync, results, loadBefore, loadAfter: os.loadavg() };
}

/** The load loop over several instances, each connection with its instance's request. */
async function loadOver(
  bases: string[],
  requests: Request[],
  connections: number,
): Promise<Figures> {
  if (bases.length === 1 || requests.length === 1) {
    const r = requests[0];
    if (!r) throw new Error('no request');
    return load(bases.slice(0, 1), r, connections);
  }
  // Split the connections between the instances and merge the figures.
  const parts = await Promise.all(
    bases.map((base, i) => {
      const r = requests[i];
      if (!r) throw new Error('no request');
      const n = Math.floor(connections / bases.length) + (i < connections % bases.length ? 1 : 0);
      return n > 0 ? load([base], r, n) : null;
    }),
  );
  const got = parts.filter((p): p is Figures => p !== null);
  const total = got.reduce((s, p) => s + p.requests, 0);
  return {
    requests: total,
    perSecond: got.reduce((s, p) => s + p.perSecond, 0),
    // A merged percentile is approximated by the worst part's: conservative.
    p50: Math.max(...got.map((p) => p.p50)),
    p99: Math.max(...got.map((p) => p.p99)),
    errors: got.reduce((s, p) => s + p.errors, 0),
    firstError: got.find((p) => p.firstError)?.firstError ?? '',
    machineCpu: got[0]?.machineCpu ?? null,
    served: got.reduce((s, p) => s + p.served, 0),
    serverCpuUs: null,
  };
}

async function scenarioA(): Promise<ScenarioResult> {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'parley-bench-api-'));
  scratchDirs.push(dataDir);
  const one = await startParley('Parley (SQLite)', { dataDir, demo: true });
  try {
    return await runScenario('A: 1 instance, SQLite', [one], dataDir);
  } finally {
    await stopChild(one.child);
  }
}

async function scenarioPostgres(two: boolean): Promise<ScenarioResult | null> {
  const name = `parley_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (e) {
    console.log(`  PostgreSQL scenario skipped: no server at ${postgresUrl} (${String(e)})`);
    return null;
  }
  try {
    await admin.query(`create database ${name}`);
    scratchDatabases.push(name);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(os.tmpdir(), 'parley-bench-api-'));
  scratchDirs.push(dataDir);
  const instances = [
    await startParley('Parley 1 (PostgreSQL)', {
      dataDir,
      databaseUrl: url.toString(),
      demo: true,
    }),
  ];
  if (two)
    instances.push(
      await startParley('Parley 2 (PostgreSQL)', {
        dataDir,
        databaseUrl: url.toString(),
        demo: false,
      }),
    );
  try {
    return await runScenario(
      two ? 'C: 2 instances, one PostgreSQL database' : 'B: 1 instance, PostgreSQL',
      instances,
      dataDir,
    );
  } finally {
    await Promise.all(instances.map((i) => stopChild(i.child)));
    await dropDatabase(name);
    scratchDatabases.splice(scratchDatabases.indexOf(name), 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function machine(): string {
  const cpus = os.cpus();
  return (
    `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ` +
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`
  );
}

const fmt = (v: number, digits = 0): string => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
const loads = (l: number[]): string => l.map((v) => v.toFixed(2)).join(' ');

function table(s: ScenarioResult): string {
  const helloRate = s.hello.reduce((a, h) => a + h.perSecond, 0) / Math.max(1, s.hello.length);
  const helloP99 = Math.max(...s.hello.map((h) => h.p99));
  const helloCpus = s.hello.map((h) => h.serverCpuUs).filter((v): v is number => v !== null);
  const helloCpu = helloCpus.length
    ? helloCpus.reduce((a, b) => a + b, 0) / helloCpus.length
    : Number.NaN;
  const lines = [
    `**${s.scenario}** — load average before ${loads(s.loadBefore)}, after ${loads(s.loadAfter)}`,
    '',
    '| request | connections | req/s | ratio to hello-world | p50 ms | p99 ms | errors | machine CPU % | server CPU µs/request | CPU ratio |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    `| Fastify hello-world (mean of before and after) | ${plan.connections} | ${fmt(helloRate)} | 1 | ` +
      `${fmt(Math.max(...s.hello.map((h) => h.p50)), 2)} | ${fmt(helloP99, 2)} | ` +
      `${s.hello.reduce((a, h) => a + h.errors, 0)} | ${fmt(s.hello[0]?.machineCpu ?? NaN)} | ${fmt(helloCpu)} | 1 |`,
  ];
  for (const r of s.results) {
    const cpu = r.figures.serverCpuUs ?? Number.NaN;
    lines.push(
      `| ${r.label} | ${r.connections} | ${fmt(r.figures.perSecond)} | ${fmt(r.figures.perSecond / helloRate, 3)}× | ` +
        `${fmt(r.figures.p50, 2)} | ${fmt(r.figures.p99, 2)} | ${r.figures.errors} | ${fmt(r.figures.machineCpu ?? NaN)} | ` +
        `${fmt(cpu)} | ${fmt(helloCpu / cpu, 3)}× |`,
    );
  }
  lines.push(
    `| raw fsync of the data directory's disk (append 4 KiB + fsync) | 1 | ${fmt(s.fsync)} | — | | | | | | |`,
  );
  const w1 = s.results.find((r) => r.connections === 1 && r.label.startsWith('POST'));
  const w10 = s.results.find((r) => r.connections === 10 && r.label.startsWith('POST'));
  if (w1 && w10)
    lines.push(
      '',
      `One writer: ${fmt(w1.figures.perSecond / s.fsync, 2)}× the raw fsync rate; ten writers: ` +
        `${fmt(w10.figures.perSecond / w1.figures.perSecond, 2)}× one writer.`,
    );
  lines.push(
    '',
    "CPU ratio: hello-world's server CPU per request over the row's (the rate ratio a quiet machine " +
      'would show if the server were the bottleneck); it is less disturbed by other work than req/s.',
  );
  return lines.join('\n');
}

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot })
      .toString()
      .trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain'], { cwd: repoRoot }).toString().trim() !== '';
    return dirty ? `${head} with uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

function recordResults(block: string): void {
  const path = join(repoRoot, 'bench', 'RESULTS.md');
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
  appendFileSync(path, `${existing.endsWith('\n') || existing === '' ? '' : '\n'}\n${block}`);
}

// ---------------------------------------------------------------------------------------------
// This checkout against another commit

/** Exports commit `ref` into a scratch directory that shares this checkout's node_modules. */
function checkoutOf(ref: string): string {
  const dir = mkdtempSync(join(os.tmpdir(), 'parley-bench-ref-'));
  scratchDirs.push(dir);
  const archive = execFileSync('git', ['archive', '--format=tar', ref], {
    cwd: repoRoot,
    maxBuffer: 1 << 30,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function compare(ref: string): Promise<void> {
  const rounds = Math.round(numberArg('rounds', 5));
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: repoRoot })
    .toString()
    .trim();
  const sides = [
    { name: `${ref} (${commit})`, root: checkoutOf(ref) },
    { name: `this checkout (${gitCommit()})`, root: repoRoot },
  ];
  const instances: Instance[] = [];
  for (const side of sides) {
    const dataDir = mkdtempSync(join(os.tmpdir(), 'parley-bench-api-'));
    scratchDirs.push(dataDir);
    instances.push(await startParley(side.name, { dataDir, demo: true }, side.root));
  }
  const targets = await Promise.all(instances.map((i) => prepare(i.base)));
  console.log(
    `\nA: 1 instance, SQLite; ${rounds} × 2 slices of ${plan.seconds} s per side and row ` +
      `(after ${plan.warmupSeconds} s warm-up each), ABBA order\n`,
  );
  console.log(
    `| request | ${sides.map((x) => `${x.name} req/s | µs CPU/request`).join(' | ')} | req/s ratio | CPU ratio |`,
  );
  console.log(`|---|${sides.map(() => '--:|--:|').join('')}--:|--:|`);
  for (const row of rows) {
    if (rowFilter && !rowFilter.includes(row.key)) continue;
    const rates: number[][] = [[], []];
    const cpus: number[][] = [[], []];
    for (let round = 0; round < rounds; round++)
      for (const side of round % 2 ? [1, 0, 0, 1] : [0, 1, 1, 0]) {
        const instance = instances[side] as Instance;
        const target = targets[side] as Target;
        const f = await withServerCpu([instance.child], () =>
          load([instance.base], row.request(target), row.connections),
        );
        if (f.errors) throw new Error(`${row.label}: ${f.errors} errors (${f.firstError})`);
        rates[side]?.push(f.perSecond);
        cpus[side]?.push(f.serverCpuUs ?? NaN);
      }
    const [rate0, rate1] = rates.map(median) as [number, number];
    const [cpu0, cpu1] = cpus.map(median) as [number, number];
    console.log(
      `| ${row.label} | ${fmt(rate0)} | ${fmt(cpu0)} | ${fmt(rate1)} | ${fmt(cpu1)} | ` +
        `${fmt(rate1 / rate0, 2)}× | ${fmt(cpu0 / cpu1, 2)}× |`,
    );
  }
  console.log(
    `\nRatios are this checkout's over ${ref}'s (CPU: theirs over ours, > 1 is faster); medians of ` +
      `${rounds * 2} slices each. Load average at the end ${loads(os.loadavg())}.`,
  );
}

async function main(): Promise<void> {
  const command = ['npx tsx bench/api.ts', ...args].join(' ');
  console.log(`Request-path benchmark — ${command}`);
  console.log(`Machine: ${machine()}; load average ${loads(os.loadavg())}`);
  console.log(
    `Each row: ${plan.warmupSeconds} s warm-up, ${plan.seconds} s measured, one request in flight per keep-alive connection` +
      (quick ? ' (--quick: a smoke run, not figures)' : ''),
  );
  if (compareRef) return compare(compareRef);
  const scenarios: ScenarioResult[] = [];
  if (!only || only === 'A') scenarios.push(await scenarioA());
  if (!only || only === 'B') {
    const b = await scenarioPostgres(false);
    if (b) scenarios.push(b);
  }
  if (!only || only === 'C') {
    const c = await scenarioPostgres(true);
    if (c) scenarios.push(c);
  }
  const tables = scenarios.map(table);
  console.log('');
  for (const t of tables) console.log(`${t}\n`);
  if (record) {
    const block = [
      `## Request path — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Command: \`${command}\` (commit ${gitCommit()})  `,
      `Machine: ${machine()}  `,
      `Each row: ${plan.warmupSeconds} s warm-up, ${plan.seconds} s measured; the load loop runs on the same cores as the servers.`,
      '',
      ...tables.flatMap((t) => [t, '']),
    ].join('\n');
    recordResults(block);
    console.log('Appended to bench/RESULTS.md.');
  }
}

try {
  await main();
} catch (e) {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
} finally {
  await cleanUp();
}
