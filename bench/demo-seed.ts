/**
 * Seeding the demo: the illustrative process runs at every test Parley's start (every `describe`
 * of the API suites, on each database) and at the first `npm start`, so its cost is paid hundreds
 * of times per test run. This measures `seedDemo` on a fresh database, as each of them runs it:
 * SQLite in memory (the API suites), SQLite in a file (`npm start` and the browser journeys) and
 * PostgreSQL in a fresh schema (the API suites, when a server answers). It prints the median and
 * the spread of the wall time, and the process's CPU time, which a busy shared machine disturbs
 * less.
 *
 * Run: npx tsx bench/demo-seed.ts [--runs=5]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/server/config.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { startRuntime } from '../src/server/runtime.js';
import {
  postgresTestUrl,
  sqliteFile,
  testDatabases,
  type TestDatabase,
} from '../src/server/test-support/databases.js';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 5);

const cpus = os.cpus();
console.log(
  `machine: ${cpus[0]?.model ?? 'unknown cpu'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
    `Node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
);

/** Seeds the demo once on a fresh database; answers wall and CPU milliseconds. */
async function once(target: TestDatabase): Promise<{ wall: number; cpu: number }> {
  const fresh = await target.fresh();
  const dir = mkdtempSync(join(os.tmpdir(), 'parley-bench-seed-'));
  const runtime = await startRuntime(
    loadConfig({
      PARLEY_DATABASE_URL: target.url,
      PARLEY_LOG_LEVEL: 'silent',
      PARLEY_DATA_DIR: dir,
    }),
    { webRoot: null, schema: fresh.schema },
  );
  try {
    const t = performance.now();
    const c = process.cpuUsage();
    await seedDemo(runtime.deps);
    const used = process.cpuUsage(c);
    return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
  } finally {
    await runtime.close();
    await fresh.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The API suites' in-memory SQLite. */
const sqliteMemory = (): TestDatabase => ({
  name: 'sqlite',
  url: ':memory:',
  fresh: async () => ({ drop: async () => undefined }),
});

const targets: Array<[string, () => TestDatabase]> = [
  ['SQLite in memory (API suites)', sqliteMemory],
  ['SQLite in a file (npm start, journeys)', sqliteFile],
];
const postgres = (await testDatabases()).find((d) => d.name === 'postgres');
if (postgres) targets.push([`PostgreSQL, a fresh schema (${postgresTestUrl})`, () => postgres]);

await once(sqliteMemory()); // warm-up: module loading and the JIT
for (const [label, make] of targets) {
  const walls: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await once(make());
    walls.push(r.wall);
    cpu.push(r.cpu);
  }
  console.log(
    `${label}: median ${median(walls).toFixed(0)} ms wall (min ${Math.min(...walls).toFixed(0)}, ` +
      `max ${Math.max(...walls).toFixed(0)}), median ${median(cpu).toFixed(0)} ms CPU of this process, ${runs} runs`,
  );
}
