/**
 * Audit log benchmark (issue 7): appends per second through the real repository with
 * synchronous=FULL, one per transaction and batched, on SQLite and PostgreSQL side by side; the
 * throughput of `parley audit verify`; and the RFC 9162 Merkle tree at one million entries (build,
 * roots, inclusion and consistency proofs, memory).
 *
 * Run: npx tsx bench/audit.ts [--quick]
 *
 * PostgreSQL is taken from PARLEY_BENCH_DATABASE_URL (default: the local test database); the
 * benchmark works in a fresh schema and drops it afterwards, and says so in one line when no
 * server answers. SQLite is a fresh file in the system temporary directory (the same disk as the
 * data directory on this machine: a file on tmpfs would make fsync free and the figures
 * meaningless), removed afterwards.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Migrator } from 'kysely';
import pg from 'pg';
import type { AuditEvent } from '../src/core/audit/catalogue.js';
import {
  auditLeafHash,
  MerkleLog,
  verifyConsistency,
  verifyInclusion,
} from '../src/core/audit/merkle.js';
import type { Clock, UnitOfWork } from '../src/core/ports.js';
import { sha256Bytes } from '../src/server/audit-tree.js';
import { verifyAuditLog } from '../src/server/audit-verify.js';
import { canonicalJson, entryHash } from '../src/core/audit/chain.js';
import { migrateToLatest, openDatabase, type Database } from '../src/server/db/connect.js';
import { migrations } from '../src/server/db/migrations/index.js';
import { kyselyUnitOfWork } from '../src/server/db/unit-of-work.js';
import { DataKeys } from '../src/server/db/data-keys.js';
import { ephemeralMasterKey } from '../src/server/security/master-key.js';
import { sha256 } from '../src/server/security/crypto.js';

const quick = process.argv.includes('--quick');

/** Sizes of each part; --quick shrinks them for a smoke run, not for figures. */
const plan = quick
  ? { single: 200, batched: 5_000, batch: 100, rounds: 1, verifyRuns: 1, leaves: 100_000 }
  : { single: 2_000, batched: 50_000, batch: 100, rounds: 3, verifyRuns: 3, leaves: 1_000_000 };
const proofSamples = 1_000;
const warmupSamples = 200;

const postgresUrl =
  process.env.PARLEY_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const systemClock: Clock = { now: () => new Date() };

// ---------------------------------------------------------------------------------------------
// Small helpers

/** A garbage collector to call before reading memory figures (exposed at run time, not by flag). */
const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = vm.runInNewContext('gc');
  return typeof gc === 'function' ? () => void gc() : () => undefined;
})();

/** Memory after two collections around a turn of the event loop (ArrayBuffers are swept late). */
async function settledMemory(): Promise<NodeJS.MemoryUsage> {
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  return process.memoryUsage();
}

/** mulberry32: a seeded generator, so every run draws the same indices and sizes. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sorted(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

function median(xs: readonly number[]): number {
  const s = sorted(xs);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((sum, x) => sum + x, 0) / xs.length;
}

/** Nearest-rank percentile. */
function percentile(xs: readonly number[], p: number): number {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

const int = (n: number): string => Math.round(n).toLocaleString('en');
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const ms = (t: number): string =>
  t >= 1000 ? `${(t / 1000).toFixed(2)} s` : t >= 10 ? `${t.toFixed(0)} ms` : `${t.toFixed(2)} ms`;
const us = (t: number): string => `${(t * 1000).toFixed(1)} µs`;

/** Per-operation timings in ms: mean, median and p99. */
interface Spread {
  mean: number;
  median: number;
  p99: number;
}

function spread(samples: readonly number[]): Spread {
  return { mean: mean(samples), median: median(samples), p99: percentile(samples, 99) };
}

const showSpread = (s: Spread): string =>
  `mean ${us(s.mean)}, median ${us(s.median)}, p99 ${us(s.p99)}`;

// ---------------------------------------------------------------------------------------------
// Appends through the real unit of work

/** A realistic event: an item read, with ids shaped like the real ones (UUIDs). */
function readEvent(ids: { actor: string; process: string; compartment: string }): AuditEvent {
  return {
    kind: 'item.read',
    data: { itemId: randomUUID() },
    actorUserId: ids.actor,
    processId: ids.process,
    compartmentId: ids.compartment,
  };
}

/** Append rates of one way of appending. */
interface Rates {
  /** Median appends/s over the rounds, one append per transaction. */
  single: number;
  /** Commit latency (ms) of one-append transactions, over every round. */
  singleLatency: Spread;
  /** Median appends/s over the rounds, `plan.batch` appends per transaction. */
  batched: number;
}

/** The figures of one database through the repository. */
interface AppendFigures extends Rates {
  /** Median entries/s of `parley audit verify` over the whole log. */
  verify: number;
  /** Entries in the log when verified. */
  entries: number;
  /** Median wall time of one verification. */
  verifyMs: number;
}

async function benchAppends(name: string, database: Database): Promise<AppendFigures> {
  const uow: UnitOfWork = kyselyUnitOfWork(database, {
    clock: systemClock,
    sha256,
    dataKeys: new DataKeys(ephemeralMasterKey(), systemClock),
  });
  const ids = { actor: randomUUID(), process: randomUUID(), compartment: randomUUID() };

  const singles = async (n: number, latencies: number[] | null): Promise<number> => {
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await uow.transaction((stores) => stores.audit.append(readEvent(ids)));
      latencies?.push(performance.now() - t);
    }
    return n / ((performance.now() - start) / 1000);
  };
  const batches = async (n: number): Promise<number> => {
    const start = performance.now();
    for (let done = 0; done < n; done += plan.batch) {
      await uow.transaction(async (stores) => {
        for (let i = 0; i < plan.batch; i++) await stores.audit.append(readEvent(ids));
      });
    }
    return n / ((performance.now() - start) / 1000);
  };

  // Warm up: JIT, statement caches, the pool's connections, the first pages of the files.
  await singles(warmupSamples, null);
  await batches(10 * plan.batch);

  const singleRates: number[] = [];
  const latencies: number[] = [];
  const batchedRates: number[] = [];
  for (let r = 0; r < plan.rounds; r++) {
    singleRates.push(await singles(plan.single, latencies));
    console.log(`  ${name} round ${r + 1}: one per transaction ${int(singleRates[r] ?? 0)}/s`);
    batchedRates.push(await batches(plan.batched));
    console.log(
      `  ${name} round ${r + 1}: ${plan.batch} per transaction ${int(batchedRates[r] ?? 0)}/s`,
    );
  }

  const verifyTimes: number[] = [];
  let entries = 0;
  for (let r = 0; r < plan.verifyRuns; r++) {
    const start = performance.now();
    const verdict = await verifyAuditLog(database);
    verifyTimes.push(performance.now() - start);
    if (!verdict.ok) throw new Error(`${name}: the chain does not verify: ${verdict.reason}`);
    entries = verdict.entries;
  }
  const verifyMs = median(verifyTimes);
  console.log(`  ${name} verify: ${int(entries)} entries in ${ms(verifyMs)}`);
  return {
    single: median(singleRates),
    singleLatency: spread(latencies),
    batched: median(batchedRates),
    verify: entries / (verifyMs / 1000),
    entries,
    verifyMs,
  };
}

async function benchSqlite(): Promise<{ version: string; figures: AppendFigures }> {
  const dir = mkdtempSync(join(os.tmpdir(), 'parley-bench-audit-'));
  const database = openDatabase(`sqlite:${join(dir, 'parley.db')}`);
  try {
    const sqlite = database.sqlite;
    if (!sqlite) throw new Error('expected an SQLite handle');
    const version = String(sqlite.prepare('select sqlite_version()').pluck().get());
    const journal = String(sqlite.pragma('journal_mode', { simple: true }));
    const synchronous = Number(sqlite.pragma('synchronous', { simple: true }));
    if (journal !== 'wal' || synchronous !== 2)
      throw new Error(`expected WAL and synchronous=FULL (2), got ${journal} and ${synchronous}`);
    console.log(
      `SQLite ${version}: file ${join(dir, 'parley.db')}, journal_mode=wal, synchronous=FULL`,
    );
    await migrateToLatest(database);
    return { version, figures: await benchAppends('SQLite', database) };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A baseline, not Parley's path: the same three statements and the same chain hashing as
 * auditRepository.append, on better-sqlite3 directly, with statements prepared once and
 * synchronous transactions (no Kysely, no promises). The gap to the repository's figures is what
 * the query builder and the async driver cost per statement.
 */
async function benchSqliteRaw(): Promise<Rates> {
  const dir = mkdtempSync(join(os.tmpdir(), 'parley-bench-audit-raw-'));
  const database = openDatabase(`sqlite:${join(dir, 'parley.db')}`);
  try {
    await migrateToLatest(database);
    const sqlite = database.sqlite;
    if (!sqlite) throw new Error('expected an SQLite handle');
    const head = sqlite.prepare<[], { seq: number; hash: string }>(
      'select seq, hash from audit_head where id = 1',
    );
    const insert = sqlite.prepare(
      'insert into audit_log (seq, at, actor_user_id, process_id, compartment_id, kind, data, ' +
        'prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const update = sqlite.prepare('update audit_head set seq = ?, hash = ? where id = 1');
    const ids = { actor: randomUUID(), process: randomUUID(), compartment: randomUUID() };
    const appendOne = (): void => {
      const current = head.get();
      if (!current) throw new Error('no audit head');
      const event = readEvent(ids);
      const unsigned = {
        seq: current.seq + 1,
        at: systemClock.now().toISOString(),
        actorUserId: event.actorUserId,
        processId: event.processId,
        compartmentId: event.compartmentId,
        kind: event.kind,
        data: canonicalJson(event.data),
        prevHash: current.hash,
      };
      const hash = entryHash(unsigned, sha256);
      insert.run(
        unsigned.seq,
        unsigned.at,
        unsigned.actorUserId,
        unsigned.processId,
        unsigned.compartmentId,
        unsigned.kind,
        unsigned.data,
        unsigned.prevHash,
        hash,
      );
      update.run(unsigned.seq, hash);
    };
    const appendMany = sqlite.transaction((count: number) => {
      for (let i = 0; i < count; i++) appendOne();
    });
    const singles = (n: number, latencies: number[] | null): number => {
      const start = performance.now();
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        appendMany(1);
        latencies?.push(performance.now() - t);
      }
      return n / ((performance.now() - start) / 1000);
    };
    const batches = (n: number): number => {
      const start = performance.now();
      for (let done = 0; done < n; done += plan.batch) appendMany(plan.batch);
      return n / ((performance.now() - start) / 1000);
    };

    singles(warmupSamples, null);
    batches(10 * plan.batch);
    const singleRates: number[] = [];
    const latencies: number[] = [];
    const batchedRates: number[] = [];
    for (let r = 0; r < plan.rounds; r++) {
      singleRates.push(singles(plan.single, latencies));
      batchedRates.push(batches(plan.batched));
      console.log(
        `  raw better-sqlite3 round ${r + 1}: one per transaction ${int(singleRates[r] ?? 0)}/s, ` +
          `${plan.batch} per transaction ${int(batchedRates[r] ?? 0)}/s`,
      );
    }
    return {
      single: median(singleRates),
      singleLatency: spread(latencies),
      batched: median(batchedRates),
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The server's version and durability settings, or null when it does not answer. */
async function postgresServer(): Promise<{ version: string; settings: string } | null> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const show = async (setting: string): Promise<string> => {
      const r = await client.query<Record<string, string>>(`show ${setting}`);
      return r.rows[0]?.[setting] ?? '?';
    };
    const version = await show('server_version');
    // The settings that decide what a commit costs: fsync on, and waiting for it.
    const values: string[] = [];
    for (const s of ['fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes'])
      values.push(`${s}=${await show(s)}`);
    return { version, settings: values.join(', ') };
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function benchPostgres(): Promise<AppendFigures> {
  const schema = `bench_audit_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const database = openDatabase(postgresUrl, { schema });
  try {
    console.log(`PostgreSQL: fresh schema ${schema}`);
    // Not migrateToLatest: without migrationTableSchema, Kysely's Migrator takes a
    // kysely_migration_lock table in ANY schema (say, a test suite's running at the same time)
    // for its own and then fails to find it on the search path. Pinning the schema avoids that.
    const { error } = await new Migrator({
      db: database.db,
      provider: { getMigrations: async () => migrations },
      migrationTableSchema: schema,
    }).migrateToLatest();
    if (error) throw error;
    return await benchAppends('PostgreSQL', database);
  } finally {
    await database.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

// ---------------------------------------------------------------------------------------------
// The Merkle tree at a million entries

interface MerkleFigures {
  leaves: number;
  /** Median wall times (ms) over the rounds: leaf hashes, tree appends, both. */
  leafHashMs: number;
  appendMs: number;
  buildMs: number;
  /** Median share of wall time the build had the CPU (well under 100%: the machine was busy). */
  cpuShare: number;
  /** Memory held by the tree's hash buffers once built (ArrayBuffers, after collection). */
  treeBytes: number;
  /** Bytes of the hashes themselves: every leaf and every complete subtree, 32 bytes each. */
  hashBytes: number;
  rootFull: Spread;
  rootRandom: Spread;
  inclusionGen: Spread;
  inclusionVerify: Spread;
  inclusionNodes: number;
  consistencyGen: Spread;
  consistencyVerify: Spread;
  consistencyNodes: number;
}

/** How many hashes a MerkleLog of n leaves keeps: floor(n / 2^h) at each level h. */
function storedHashes(n: number): number {
  let total = 0;
  for (let level = n; level >= 1; level = Math.floor(level / 2)) total += level;
  return total;
}

function timeEach<T>(inputs: readonly T[], run: (input: T) => void): number[] {
  const out: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    run(input);
    out.push(performance.now() - t);
  }
  return out;
}

async function benchMerkle(): Promise<MerkleFigures> {
  const n = plan.leaves;
  // Synthetic entries hashed like real ones: a chain of SHA-256 hex hashes, seq 1..n. Not timed:
  // the server reads these from the database.
  const chain: string[] = new Array<string>(n);
  let prev = '0'.repeat(64);
  for (let i = 0; i < n; i++) {
    prev = sha256(`${prev}\n${i + 1}`);
    chain[i] = prev;
  }
  const entryAt = (i: number): { seq: number; hash: string } => ({
    seq: i + 1,
    hash: chain[i] ?? '',
  });

  // Warm up the hashing and append paths.
  {
    const warm = new MerkleLog(sha256Bytes);
    for (let i = 0; i < 20_000; i++) warm.append(auditLeafHash(entryAt(i), sha256Bytes));
  }

  const leafTimes: number[] = [];
  const appendTimes: number[] = [];
  const cpuShares: number[] = [];
  let log: MerkleLog | undefined;
  let treeBytes = 0;
  for (let r = 0; r < plan.rounds; r++) {
    log = undefined;
    // Memory is read in the first round only, when no earlier tree is waiting to be swept.
    const before = r === 0 ? await settledMemory() : null;
    const cpu = process.cpuUsage();
    const start = performance.now();
    const leaves: Uint8Array[] = new Array<Uint8Array>(n);
    for (let i = 0; i < n; i++) leaves[i] = auditLeafHash(entryAt(i), sha256Bytes);
    const hashed = performance.now();
    const built = new MerkleLog(sha256Bytes);
    for (const leaf of leaves) built.append(leaf);
    const end = performance.now();
    const used = process.cpuUsage(cpu);
    leafTimes.push(hashed - start);
    appendTimes.push(end - hashed);
    cpuShares.push((used.user + used.system) / 1000 / (end - start));
    leaves.length = 0;
    log = built;
    if (before) {
      const after = await settledMemory();
      treeBytes = after.arrayBuffers - before.arrayBuffers;
    }
    console.log(
      `  round ${r + 1}: leaf hashes ${ms(hashed - start)}, appends ${ms(end - hashed)}, ` +
        `CPU ${((cpuShares[r] ?? 0) * 100).toFixed(0)}% of wall time`,
    );
  }
  if (!log) throw new Error('no tree was built');
  const tree = log;

  const random = seededRandom(7);
  const draw = (below: number): number => Math.floor(random() * below);
  const size = tree.size;

  // Roots: at the full size, and at random earlier sizes (what a consistency check asks for).
  const fullSizes = Array.from({ length: proofSamples }, () => size);
  const randomSizes = Array.from({ length: proofSamples }, () => 1 + draw(size));
  timeEach(randomSizes.slice(0, warmupSamples), (s) => tree.root(s));
  const rootFull = spread(timeEach(fullSizes, (s) => tree.root(s)));
  const rootRandom = spread(timeEach(randomSizes, (s) => tree.root(s)));

  // Inclusion proofs for random leaves in the full tree.
  const root = tree.root();
  const indices = Array.from({ length: proofSamples }, () => draw(size));
  const inclusionProofs = new Map<number, Uint8Array[]>();
  timeEach(indices.slice(0, warmupSamples), (i) => tree.inclusionProof(i));
  const inclusionGen = spread(
    timeEach(indices, (i) => void inclusionProofs.set(i, tree.inclusionProof(i))),
  );
  const leafHashes = new Map(indices.map((i) => [i, auditLeafHash(entryAt(i), sha256Bytes)]));
  const inclusionClaim = (i: number) => ({
    index: i,
    size,
    leafHash: leafHashes.get(i) ?? new Uint8Array(0),
    root,
    proof: inclusionProofs.get(i) ?? [],
  });
  timeEach(indices.slice(0, warmupSamples), (i) => verifyInclusion(inclusionClaim(i), sha256Bytes));
  const claims = indices.map(inclusionClaim);
  const inclusionVerify = spread(
    timeEach(claims, (claim) => {
      const verdict = verifyInclusion(claim, sha256Bytes);
      if (!verdict.ok) throw new Error(`inclusion of ${claim.index}: ${verdict.reason}`);
    }),
  );
  const inclusionNodes = mean(claims.map((c) => c.proof.length));

  // Consistency proofs between random pairs of sizes 1 ≤ old < new ≤ size.
  const pairs = Array.from({ length: proofSamples }, () => {
    const a = 1 + draw(size);
    let b = 1 + draw(size);
    while (b === a) b = 1 + draw(size);
    return { oldSize: Math.min(a, b), newSize: Math.max(a, b) };
  });
  timeEach(pairs.slice(0, warmupSamples), (p) => tree.consistencyProof(p.oldSize, p.newSize));
  const consistencyProofs: Uint8Array[][] = [];
  const consistencyGen = spread(
    timeEach(
      pairs,
      (p) => void consistencyProofs.push(tree.consistencyProof(p.oldSize, p.newSize)),
    ),
  );
  const consistencyClaims = pairs.map((p, k) => ({
    ...p,
    oldRoot: tree.root(p.oldSize),
    newRoot: tree.root(p.newSize),
    proof: consistencyProofs[k] ?? [],
  }));
  timeEach(consistencyClaims.slice(0, warmupSamples), (c) => verifyConsistency(c, sha256Bytes));
  const consistencyVerify = spread(
    timeEach(consistencyClaims, (claim) => {
      const verdict = verifyConsistency(claim, sha256Bytes);
      if (!verdict.ok)
        throw new Error(`consistency ${claim.oldSize}→${claim.newSize}: ${verdict.reason}`);
    }),
  );
  const consistencyNodes = mean(consistencyClaims.map((c) => c.proof.length));

  const leafHashMs = median(leafTimes);
  const appendMs = median(appendTimes);
  return {
    leaves: size,
    leafHashMs,
    appendMs,
    buildMs: median(leafTimes.map((l, k) => l + (appendTimes[k] ?? 0))),
    cpuShare: median(cpuShares),
    treeBytes,
    hashBytes: storedHashes(size) * 32,
    rootFull,
    rootRandom,
    inclusionGen,
    inclusionVerify,
    inclusionNodes,
    consistencyGen,
    consistencyVerify,
    consistencyNodes,
  };
}

// ---------------------------------------------------------------------------------------------
// Run

const loadAverage = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const cpus = os.cpus();
  const server = await postgresServer();
  console.log(`Audit log benchmark${quick ? ' (--quick: smoke run, not figures)' : ''}`);
  console.log(
    `machine: ${cpus[0]?.model ?? 'unknown cpu'} × ${cpus.length}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, ` +
      `${os.platform()} ${os.release()} ${os.arch()}`,
  );
  // Other work on the machine skews every figure below: say how busy it was.
  console.log(`load average at start: ${loadAverage()}`);
  console.log(
    server
      ? `PostgreSQL ${server.version} at ${postgresUrl.replace(/\/\/[^@]*@/, '//')} (${server.settings})`
      : `PostgreSQL not reachable at ${postgresUrl}: its figures are skipped.`,
  );
  console.log(
    `plan: ${int(plan.single)} one-append transactions and ${int(plan.batched)} appends in ` +
      `transactions of ${plan.batch}, ${plan.rounds} round(s) each, medians reported`,
  );
  console.log('');

  console.log('## Appends through kyselyUnitOfWork → auditRepository.append');
  const sqlite = await benchSqlite();
  const raw = await benchSqliteRaw();
  const postgres = server ? await benchPostgres() : null;
  console.log('');

  console.log(`## Merkle tree of ${int(plan.leaves)} audit leaves`);
  const merkle = await benchMerkle();
  console.log('');

  console.log(`load average at end: ${loadAverage()}`);
  console.log(`SQLite ${sqlite.version}${server ? `, PostgreSQL ${server.version}` : ''}`);
  console.log('');
  const columns: { rates: Rates | null; figures: AppendFigures | null }[] = [
    { rates: sqlite.figures, figures: sqlite.figures },
    { rates: postgres, figures: postgres },
    { rates: raw, figures: null },
  ];
  console.log(
    '| audit log | SQLite file, WAL, synchronous=FULL | PostgreSQL | ' +
      'baseline: SQLite, raw better-sqlite3, no Kysely |',
  );
  console.log('|---|---|---|---|');
  const row = (label: string, f: (x: Rates) => string): void =>
    console.log(
      `| ${label} | ${columns.map((c) => (c.rates ? f(c.rates) : 'skipped')).join(' | ')} |`,
    );
  row('appends/s, one per transaction', (x) => int(x.single));
  row(
    'commit latency, one append (median / p99)',
    (x) => `${ms(x.singleLatency.median)} / ${ms(x.singleLatency.p99)}`,
  );
  row(`appends/s, ${plan.batch} per transaction`, (x) => int(x.batched));
  row('batched / single', (x) => `${(x.batched / x.single).toFixed(1)}×`);
  console.log(
    `| \`audit verify\` entries/s (whole log) | ${columns
      .map((c) =>
        c.figures
          ? `${int(c.figures.verify)} (${int(c.figures.entries)} in ${ms(c.figures.verifyMs)})`
          : c.rates
            ? '—'
            : 'skipped',
      )
      .join(' | ')} |`,
  );
  console.log('');
  console.log(`| Merkle tree, ${int(merkle.leaves)} leaves | figure |`);
  console.log('|---|---|');
  console.log(
    `| build: leaf hashes + appends (median of ${plan.rounds}) | ${ms(merkle.buildMs)} ` +
      `(${ms(merkle.leafHashMs)} + ${ms(merkle.appendMs)}; ${int(merkle.leaves / (merkle.buildMs / 1000))} leaves/s; ` +
      `CPU ${(merkle.cpuShare * 100).toFixed(0)}% of wall) |`,
  );
  console.log(
    `| memory held by the tree | ${mib(merkle.treeBytes)} of hash buffers ` +
      `(the hashes: ${mib(merkle.hashBytes)}; buffers grow by doubling) |`,
  );
  console.log(`| root at full size | ${showSpread(merkle.rootFull)} |`);
  console.log(`| root at a random size | ${showSpread(merkle.rootRandom)} |`);
  console.log(
    `| inclusion proof, generate (${merkle.inclusionNodes.toFixed(1)} nodes) | ${showSpread(merkle.inclusionGen)} |`,
  );
  console.log(`| inclusion proof, verify | ${showSpread(merkle.inclusionVerify)} |`);
  console.log(
    `| consistency proof, generate (${merkle.consistencyNodes.toFixed(1)} nodes) | ${showSpread(merkle.consistencyGen)} |`,
  );
  console.log(`| consistency proof, verify | ${showSpread(merkle.consistencyVerify)} |`);
}

await main();
