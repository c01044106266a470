/**
 * Implementation benchmark (issue 16, C10): importing 5,000 commitments with 60 monthly levels
 * each (300,000 level rows, each with its evidence; stored as one run per commitment and audited
 * by one entry for the file) through the import use case, in one transaction; then the whole agreement's monthly roll-up over the 60 months, through
 * the progress use case (every roll-up, the matrix and the flags), as the whole-agreement roll-up
 * with its read of the level history, and as the pure roll-up alone.
 * Targets on a 2-core machine: import ≤ 10 s, whole-agreement monthly roll-up ≤ 200 ms.
 *
 * Run: npx tsx bench/implementation.ts [--commitments=5000] [--months=60]
 *
 * SQLite in a file in a temporary directory, as `npm start` runs it (WAL, synchronous=FULL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { monthlyRollup, monthsBetween } from '../src/core/implementation/progress.js';
import { getProgress } from '../src/core/usecases/implementation/get-progress.js';
import { importImplementation } from '../src/core/usecases/implementation/import-implementation.js';
import { loadConfig } from '../src/server/config.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { startRuntime } from '../src/server/runtime.js';
import { actorOf } from '../src/server/test-support/actors.js';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const commitments = arg('commitments', 5000);
const months = arg('months', 60);

const cpus = os.cpus();
console.log(
  `machine: ${cpus[0]?.model ?? 'unknown cpu'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
    `Node ${process.version}, ${os.platform()} ${os.arch()}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
);

const dir = mkdtempSync(join(os.tmpdir(), 'parley-bench-implementation-'));
const rt = await startRuntime(
  loadConfig({
    PARLEY_DATA_DIR: dir,
    PARLEY_DATABASE_URL: `sqlite:${join(dir, 'parley.db')}`,
    PARLEY_LOG_LEVEL: 'silent',
  }),
  { webRoot: null },
);
try {
  const demo = await seedDemo(rt.deps);
  const actor = await actorOf(rt.deps, 'mediator@demo.parley');
  const types = ['ceasefire', 'amnesty', 'electoral_reform', 'prisoner_release', 'human_rights'];
  const head =
    'external_id,provision_type,theme,wording,responsible,starts_on,deadline,recurrence,weight,version,provision';
  const rows = [head];
  for (let i = 0; i < commitments; i++)
    rows.push(
      `C-${i},${types[i % types.length]},,Commitment ${i} (invented),${i % 2 ? 'GOV' : 'GOV|OPP'},2020-01-01,2024-12-31,none,${1 + (i % 3)},,`,
    );
  const period = monthsBetween('2020-01', '2030-12').slice(0, months);
  const levels = [
    'external_id,effective_on,level,note,evidence_source,evidence_url,evidence_sha256',
  ];
  for (let i = 0; i < commitments; i++)
    period.forEach((m, k) =>
      levels.push(
        `C-${i},${m}-01,${Math.min(3, Math.floor((k * (1 + (i % 4))) / 20))},Month ${k},Field team,,${(i * 100 + k).toString(16).padStart(64, '0')}`,
      ),
    );
  const commitmentsCsv = rows.join('\n');
  const levelsCsv = levels.join('\n');
  console.log(
    `files: ${commitments} commitments (${(commitmentsCsv.length / 1e6).toFixed(1)} MB), ` +
      `${levels.length - 1} level rows (${(levelsCsv.length / 1e6).toFixed(1)} MB)`,
  );

  const auditSize = () => rt.deps.db.transaction((s) => s.audit.lastSeq());
  const auditBefore = await auditSize();
  let t = performance.now();
  let c0 = process.cpuUsage();
  const report = await importImplementation(rt.deps, {
    actor,
    processId: demo.processId,
    commitmentsCsv,
    levelsCsv,
  });
  const importMs = performance.now() - t;
  const cpuSeconds = () => {
    const c = process.cpuUsage(c0);
    return ((c.user + c.system) / 1e6).toFixed(2);
  };
  console.log(
    `import: ${(importMs / 1000).toFixed(2)} s (cpu ${cpuSeconds()} s), ${(await auditSize()) - auditBefore} audit entries`,
    report,
  );

  t = performance.now();
  c0 = process.cpuUsage();
  const again = await importImplementation(rt.deps, {
    actor,
    processId: demo.processId,
    commitmentsCsv,
    levelsCsv,
  });
  console.log(
    `re-import of the same files (nothing changes): ${((performance.now() - t) / 1000).toFixed(2)} s (cpu ${cpuSeconds()} s)`,
    again,
  );

  const from = period[0] ?? '2020-01';
  const to = period.at(-1) ?? '2020-01';
  const runs: number[] = [];
  let overall: unknown;
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    const p = await getProgress(rt.deps, {
      actor,
      processId: demo.processId,
      from,
      to,
      silentFrom: null,
      silentTo: null,
      knownAt: null,
    });
    runs.push(performance.now() - t);
    overall = p.overall.at(-1);
  }
  runs.sort((a, b) => a - b);
  console.log(
    `progress use case (read + decrypt + roll-ups by agreement, theme, party + matrix), median of 5: ${runs[2]?.toFixed(0)} ms`,
    overall,
  );

  // The whole agreement's monthly roll-up as the progress use case computes it: the level
  // history read from the database (in history order, column by column, nothing decrypted) and
  // rolled up over the months; then the pure roll-up alone over the history already read.
  const plenary = demo.compartments.map((c) => c.id);
  const stored = await rt.deps.db.transaction((s) =>
    s.implementation.listCommitments(demo.processId, plenary),
  );
  const weighted = stored.map((c) => ({ id: c.id, weight: c.weight, groups: [] }));
  const timed = async <T>(fn: () => Promise<T> | T) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    let value: T | undefined;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      value = await fn();
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    wall.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    return { wall: wall[2] ?? 0, cpu: cpu[2] ?? 0, value };
  };
  const read = await timed(async () => {
    const history = await rt.deps.db.transaction((s) =>
      s.implementation.readLevelHistory(demo.processId, plenary),
    );
    return monthlyRollup({ commitments: weighted, facts: history, months: period });
  });
  console.log(
    `whole-agreement monthly roll-up (read ${read.value?.overall.length ?? 0} months of ${commitments} commitments + roll-up), median of 5: ${read.wall.toFixed(0)} ms (cpu ${read.cpu.toFixed(0)} ms)`,
  );
  const history = await rt.deps.db.transaction((s) =>
    s.implementation.readLevelHistory(demo.processId, plenary),
  );
  const pure = await timed(() =>
    monthlyRollup({ commitments: weighted, facts: history, months: period }),
  );
  console.log(
    `whole-agreement monthly roll-up alone (pure, over the history read), median of 5: ${pure.wall.toFixed(0)} ms (cpu ${pure.cpu.toFixed(0)} ms)`,
  );
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await rt.close();
  rmSync(dir, { recursive: true, force: true });
}
