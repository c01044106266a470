/**
 * Decision-support engine benchmark (issue 4, C6): brute-force enumeration against the engine on
 * the same domain in one process, then the engine alone on domains far too large to enumerate.
 *
 * Run: npx tsx bench/analysis.ts [--quick] [--baseline=DIR]
 *
 * --baseline=DIR runs the five-party, three-seed table side by side with the engine of another
 * checkout of this repository (e.g. `git worktree add /tmp/parley-base HEAD` with node_modules
 * linked): both engines in one process on the same domains, alternately, so that a shared
 * machine's load falls on both alike.
 *
 * The domains are described in bench/analysis-domains.ts (seeded, so every run measures the same
 * inputs). Wall-clock times on a shared machine vary with its load, which is printed too; the
 * engine-alone tables also give the process's CPU time in parentheses.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { compileDomain } from '../src/core/analysis/domain.js';
import { frontierOf, type Frontier } from '../src/core/analysis/frontier.js';
import { analyzeProposalCompiled } from '../src/core/analysis/improvements.js';
import { solveCompiled } from '../src/core/analysis/solutions.js';
import {
  bruteSolutions,
  enumerate,
  paretoIndices,
} from '../src/core/analysis/test-support/brute-force.js';
import { makeDomain, mulberry32, type Shape } from './analysis-domains.js';

const quick = process.argv.includes('--quick');
const baselineDir = process.argv
  .find((a) => a.startsWith('--baseline='))
  ?.slice('--baseline='.length);

/** The two entry points the side-by-side table needs, from this tree or the baseline checkout. */
interface Engine {
  compileDomain: typeof compileDomain;
  frontierOf: typeof frontierOf;
}

async function loadBaseline(dir: string): Promise<Engine> {
  const domain = (await import(`${dir}/src/core/analysis/domain.ts`)) as {
    compileDomain: typeof compileDomain;
  };
  const frontier = (await import(`${dir}/src/core/analysis/frontier.ts`)) as {
    frontierOf: typeof frontierOf;
  };
  return { compileDomain: domain.compileDomain, frontierOf: frontier.frontierOf };
}

const baseline = baselineDir === undefined ? null : await loadBaseline(baselineDir);

/** Wall time and this process's CPU time (less sensitive to other load on a shared machine). */
function time<T>(run: () => T): { ms: number; cpu: number; value: T } {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const value = run();
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000, value };
}

/** "wall (cpu)" for one timed run. */
const both = (t: { ms: number; cpu: number }): string => `${fmt(t.ms)} (${fmt(t.cpu)})`;

/** Median wall time of `repeat` runs, with the first run's result. */
function timeMedian<T>(repeat: number, run: () => T): { ms: number; value: T } {
  const first = time(run);
  const times = [first.ms];
  for (let r = 1; r < repeat; r++) times.push(time(run).ms);
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? first.ms, value: first.value };
}

const fmt = (ms: number): string =>
  ms >= 1000
    ? `${(ms / 1000).toFixed(2)} s`
    : ms >= 10
      ? `${ms.toFixed(0)} ms`
      : `${ms.toFixed(2)} ms`;

const label = (s: Shape): string =>
  `${s.parties} parties, ${s.issues} × ${s.options} ${s.adversarial ? 'adversarial' : 'random'}`;

function outcomes(s: Shape): string {
  const n = s.options ** s.issues;
  if (n < 1e7) return n.toLocaleString('en');
  const e = Math.floor(Math.log10(n));
  return `${(n / 10 ** e).toFixed(2)}·10^${e}`;
}

const eps = (f: Frontier): string => (f.exact ? 'exact' : `ε = ${f.epsilon}`);
const load = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const cpus = os.cpus();
console.log('# Decision-support engine benchmark');
console.log(
  `machine: ${cpus[0]?.model ?? 'unknown cpu'} × ${cpus.length}, ` +
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, ${os.platform()} ${os.arch()}; ` +
    `load average at start ${load()}`,
);
const verdicts: string[] = [];

// 1. Side by side: enumeration vs engine on the same domain.
{
  const shape: Shape = { parties: 2, issues: 8, options: 6, adversarial: false, seed: 1 };
  const compiled = compileDomain(makeDomain(shape));
  console.log(
    `\n## Brute-force enumeration vs engine: ${label(shape)} (${outcomes(shape)} outcomes)\n`,
  );
  const bruteFront = timeMedian(3, () => paretoIndices(enumerate(compiled)));
  const bruteAll = timeMedian(3, () => {
    const e = enumerate(compiled);
    return { front: paretoIndices(e), solutions: bruteSolutions(compiled, e) };
  });
  const engineFront = timeMedian(51, () => frontierOf(compiled, { epsilon: 0 }));
  const engineAll = timeMedian(51, () => {
    const f = frontierOf(compiled, { epsilon: 0 });
    return solveCompiled(compiled, { exactFrontier: f.raw, maxFrontierPoints: 100_000 });
  });
  const nash = bruteAll.value.solutions.best.nash;
  const same =
    engineFront.value.size === bruteFront.value.length &&
    engineAll.value.nash.found === (nash !== null) &&
    (!engineAll.value.nash.found || engineAll.value.nash.package.join() === nash?.pkg.join());
  const ratioFront = bruteFront.ms / engineFront.ms;
  const ratioAll = bruteAll.ms / engineAll.ms;
  console.log('| | brute force (median of 3) | engine (median of 51) | speed-up |');
  console.log('|---|---|---|---|');
  console.log(
    `| Pareto frontier | ${fmt(bruteFront.ms)} | ${fmt(engineFront.ms)} | ${ratioFront.toFixed(0)}× |`,
  );
  console.log(
    `| frontier + Nash, Kalai–Smorodinsky, egalitarian, max welfare | ${fmt(bruteAll.ms)} | ${fmt(engineAll.ms)} | ${ratioAll.toFixed(0)}× |`,
  );
  console.log(
    `\nfrontier: ${engineFront.value.size} points both ways; same frontier and Nash package: ${same ? 'yes' : 'NO'}`,
  );
  verdicts.push(
    `≥ 1000× faster than enumeration at 1.68 million outcomes: ${ratioFront >= 1000 ? 'met' : 'MISSED'} (${ratioFront.toFixed(0)}× frontier, ${ratioAll.toFixed(0)}× with solutions)`,
  );
}

// 2. Engine alone: frontiers.
console.log('\n## Engine alone: Pareto frontier\n');
console.log('| domain | outcomes | asked | wall (cpu) | points | result |');
console.log('|---|---|---|---|---|---|');
const frontierCases: { shape: Shape; epsilon?: number }[] = [
  { shape: { parties: 2, issues: 20, options: 10, adversarial: false, seed: 2 } },
  { shape: { parties: 2, issues: 20, options: 10, adversarial: true, seed: 3 } },
  { shape: { parties: 2, issues: 50, options: 10, adversarial: false, seed: 4 } },
  { shape: { parties: 2, issues: 50, options: 10, adversarial: true, seed: 5 } },
  { shape: { parties: 2, issues: 50, options: 10, adversarial: true, seed: 5 }, epsilon: 0.001 },
  { shape: { parties: 3, issues: 10, options: 5, adversarial: false, seed: 6 } },
  { shape: { parties: 3, issues: 10, options: 5, adversarial: true, seed: 7 } },
  { shape: { parties: 3, issues: 20, options: 6, adversarial: false, seed: 8 } },
  { shape: { parties: 3, issues: 20, options: 6, adversarial: true, seed: 8 } },
  { shape: { parties: 5, issues: 8, options: 5, adversarial: false, seed: 9 } },
  { shape: { parties: 5, issues: 20, options: 6, adversarial: false, seed: 10 } },
  { shape: { parties: 5, issues: 20, options: 6, adversarial: false, seed: 10 }, epsilon: 0.01 },
  { shape: { parties: 5, issues: 20, options: 6, adversarial: true, seed: 11 }, epsilon: 0.01 },
];
for (const { shape, epsilon } of quick ? frontierCases.slice(0, 6) : frontierCases) {
  const compiled = compileDomain(makeDomain(shape));
  const r = time(() => frontierOf(compiled, epsilon === undefined ? {} : { epsilon }));
  console.log(
    `| ${label(shape)} | ${outcomes(shape)} | ${epsilon === undefined ? 'exact if ≤ 100,000 points' : `ε = ${epsilon}`} | ${both(r)} | ${r.value.size.toLocaleString('en')} | ${eps(r.value)} |`,
  );
  if (shape.parties === 2 && shape.issues === 50 && epsilon === undefined)
    verdicts.push(
      `exact two-party frontier of 50 × 10 ${shape.adversarial ? 'adversarial' : 'random'} < 1 s: ${r.ms < 1000 && r.value.exact ? 'met' : 'MISSED'} (${both(r)}, ${r.value.size} points)`,
    );
}

// 3. Five parties, 20 × 6, requested ε, several seeds (side by side with the baseline if given).
if (!quick) {
  console.log('\n## Five parties, 20 × 6 random: requested ε across seeds\n');
  if (baseline === null) {
    console.log('| seed | asked | wall (cpu) | points | guaranteed |');
    console.log('|---|---|---|---|---|');
  } else {
    console.log(`baseline: ${baselineDir ?? ''}\n`);
    console.log(
      '| seed | asked | this tree: wall (cpu), points, guaranteed | baseline: wall (cpu), points, guaranteed |',
    );
    console.log('|---|---|---|---|');
  }
  const cell = (r: { ms: number; cpu: number; value: Frontier }): string =>
    `${both(r)}, ${r.value.size.toLocaleString('en')}, ε = ${r.value.epsilon}`;
  for (const seed of [10, 20, 30]) {
    const domain = makeDomain({ parties: 5, issues: 20, options: 6, adversarial: false, seed });
    const compiled = compileDomain(domain);
    const base = baseline?.compileDomain(domain);
    for (const epsilon of [0.01, 0.02, 0.04, 0.08]) {
      const old =
        baseline === null || base === undefined
          ? null
          : time(() => baseline.frontierOf(base, { epsilon }));
      const r = time(() => frontierOf(compiled, { epsilon }));
      console.log(
        old === null
          ? `| ${seed} | ε = ${epsilon} | ${both(r)} | ${r.value.size.toLocaleString('en')} | ε = ${r.value.epsilon} |`
          : `| ${seed} | ε = ${epsilon} | ${cell(r)} | ${cell(old)} |`,
      );
      if (epsilon === 0.01)
        verdicts.push(
          `five-party ε = 0.01 frontier of 20 × 6 (seed ${seed}) < 5 s: ${r.ms < 5000 && r.value.epsilon === 0.01 ? 'met' : 'MISSED'} (${both(r)}, ${r.value.size} points, guaranteed ε = ${r.value.epsilon})`,
        );
    }
  }
}

// 4. Exact solutions by branch-and-bound, and improvements.
console.log('\n## Engine alone: exact solutions and improvements (branch-and-bound)\n');
console.log(
  '| domain | outcomes | Nash, KS, egalitarian, max welfare: wall (cpu) | top 5 improvements on a random proposal: wall (cpu) |',
);
console.log('|---|---|---|---|');
const solutionCases: Shape[] = [
  { parties: 3, issues: 12, options: 8, adversarial: false, seed: 12 },
  { parties: 5, issues: 12, options: 8, adversarial: false, seed: 13 },
  { parties: 6, issues: 12, options: 8, adversarial: false, seed: 14 },
  { parties: 6, issues: 12, options: 8, adversarial: true, seed: 15 },
  { parties: 6, issues: 20, options: 10, adversarial: false, seed: 16 },
  { parties: 6, issues: 20, options: 10, adversarial: true, seed: 17 },
];
for (const shape of quick ? solutionCases.slice(0, 3) : solutionCases) {
  const compiled = compileDomain(makeDomain(shape));
  const s = time(() => solveCompiled(compiled, { maxFrontierPoints: 100_000 }));
  const rnd = mulberry32(shape.seed + 1000);
  const proposal = Array.from({ length: shape.issues }, () => Math.floor(rnd() * shape.options));
  const imp = time(() =>
    analyzeProposalCompiled(compiled, proposal, { limit: 5, maxFrontierPoints: 100_000 }),
  );
  console.log(
    `| ${label(shape)} | ${outcomes(shape)} | ${both(s)}, Nash ${s.value.nash.found ? 'found' : 'none'} | ${both(imp)}, ${imp.value.improvements.length} listed${imp.value.efficient ? ', efficient' : ''} |`,
  );
  if (shape.parties === 6 && shape.issues === 12)
    verdicts.push(
      `Nash/KS exact for 6 parties × 12 × 8 ${shape.adversarial ? 'adversarial' : 'random'}: ${both(s)}`,
    );
}

console.log('\n## Targets\n');
for (const v of verdicts) console.log(`- ${v}`);
console.log(`\nload average at end ${load()}`);
