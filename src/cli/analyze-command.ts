/** `parley analyze FILE.json`: the decision-support engine on a file, without a database. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyze, type AnalysisResult } from '../core/analysis/analyze.js';
import { packageIds, type Domain, type Package } from '../core/analysis/domain.js';
import { MAX_EPSILON } from '../core/analysis/frontier.js';
import { parseAnalysisInput } from '../core/analysis/input.js';
import type { SolutionOutcome } from '../core/analysis/solutions.js';
import { out, UsageError } from './session.js';
import type { CommandUsage } from './usage.js';

/** Usage of the analyze command. */
export const analyzeUsage: CommandUsage = {
  name: 'analyze',
  synopsis: 'FILE.json [--json] [--epsilon E] [--top K] [--frontier N|all]',
  summary:
    'The decision-support engine on a file, without a database: the Pareto frontier and its first packages, the Nash, Kalai–Smorodinsky, egalitarian and max-welfare packages, and the best improvements on a tabled proposal.',
  options: [
    [
      'FILE.json',
      'Issues, options, each party’s preferences and an optional proposal (format: the top of src/core/analysis/input.ts).',
    ],
    ['--json', 'Print the result as JSON, for machines.'],
    [
      '--epsilon E',
      `Ask for an ε-approximate frontier, ε from 0 to ${MAX_EPSILON} of the 0–100 scale (default: the file’s; else exact when it fits).`,
    ],
    ['--top K', 'List the best K improvements on the proposal (default 5).'],
    ['--frontier N|all', 'List the first N frontier packages, or all of them (default 5).'],
  ],
};

/** How many frontier packages are listed unless --frontier says otherwise. */
const DEFAULT_FRONTIER_LISTED = 5;

const round = (x: number) => Math.round(x * 100) / 100;

function describe(domain: Domain, pkg: Package): string {
  const ids = packageIds(domain, pkg);
  return domain.issues
    .map((issue) => {
      const option = issue.options.find((o) => o.id === ids[issue.id]);
      return `${issue.label ?? issue.id}: ${option?.label ?? option?.id ?? 'open'}`;
    })
    .join('; ');
}

function solutionLine(result: AnalysisResult, name: string, s: SolutionOutcome): string {
  if (!s.found)
    return `${name}: none — no package gives every party at least its reservation level`;
  const u = result.parties.map((p, i) => `${p} ${round(s.utilities[i] ?? 0)}`).join(', ');
  return `${name}: ${describe(result.domain, s.package)}\n    utilities ${u}${s.individuallyRational ? '' : ' (below a reservation level)'}`;
}

/** Machine-readable form of a result, listing the first `listed` frontier packages. */
function asJson(result: AnalysisResult, listed: number) {
  const solution = (s: SolutionOutcome) =>
    s.found
      ? {
          found: true,
          package: packageIds(result.domain, s.package),
          utilities: s.utilities,
          gains: s.gains,
          value: s.value,
          individuallyRational: s.individuallyRational,
        }
      : { found: false, reason: s.reason };
  const f = result.frontier;
  const shown = Math.min(f.size, listed);
  return {
    parties: result.parties,
    frontier: {
      size: f.size,
      exact: f.exact,
      epsilon: f.epsilon,
      shown,
      omitted: f.size - shown,
      points: Array.from({ length: shown }, (_, i) => ({
        package: packageIds(result.domain, f.packageAt(i)),
        utilities: f.utilitiesAt(i),
      })),
    },
    solutions: {
      nash: solution(result.solutions.nash),
      kalaiSmorodinsky: solution(result.solutions.kalaiSmorodinsky),
      egalitarian: solution(result.solutions.egalitarian),
      maxWelfare: solution({ found: true, ...result.solutions.maxWelfare }),
    },
    proposal: result.proposal && {
      efficient: result.proposal.efficient,
      baseline: result.proposal.baseline,
      improvements: result.proposal.improvements.map((i) => ({
        package: packageIds(result.domain, i.package),
        utilities: i.utilities,
        gains: i.gains,
        minGain: i.minGain,
      })),
    },
  };
}

/** Runs `parley analyze …`. */
export async function runAnalyze(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      epsilon: { type: 'string' },
      top: { type: 'string' },
      frontier: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('analyze needs a JSON file.');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `${file} is not readable JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const input = parseAnalysisInput(json);
  const epsilon = values.epsilon === undefined ? input.epsilon : Number(values.epsilon);
  if (epsilon !== undefined && !(epsilon >= 0 && epsilon <= MAX_EPSILON))
    throw new UsageError(`--epsilon must be between 0 and ${MAX_EPSILON}.`);
  const top = values.top === undefined ? 5 : Number(values.top);
  if (!Number.isInteger(top) || top < 0) throw new UsageError('--top needs a whole number.');
  const listed =
    values.frontier === undefined
      ? DEFAULT_FRONTIER_LISTED
      : values.frontier === 'all'
        ? Infinity
        : Number(values.frontier);
  if (listed !== Infinity && (!Number.isInteger(listed) || listed < 0))
    throw new UsageError('--frontier needs a whole number, or all.');
  const started = performance.now();
  const result = analyze(input.domain, {
    epsilon,
    proposal: input.proposal,
    improvementsLimit: top,
  });
  const ms = performance.now() - started;
  if (values.json) {
    out(
      JSON.stringify(
        { ...asJson(result, listed), derived: input.derived, milliseconds: round(ms) },
        null,
        2,
      ),
    );
    return 0;
  }
  const f = result.frontier;
  const outcomes = input.domain.issues.reduce((n, i) => n * BigInt(i.options.length), 1n);
  out(
    `${input.domain.parties.length} parties, ${input.domain.issues.length} issues, ${outcomes} possible packages.`,
  );
  out(
    `Pareto frontier: ${f.size} packages, ${f.exact ? 'exact' : `ε-approximate (ε = ${f.epsilon} of the 0–100 scale)`}; computed in ${round(ms)} ms.`,
  );
  const shown = Math.min(f.size, listed);
  if (shown > 0) {
    const order = `by ${result.parties[0] ?? 'the first party'}'s utility, highest first`;
    out(
      shown < f.size
        ? `  The first ${shown} of ${f.size} (${order}; --frontier N or all to list more):`
        : `  All ${f.size} (${order}):`,
    );
    for (let i = 0; i < shown; i++) {
      const u = f.utilitiesAt(i);
      const utilities = result.parties.map((p, k) => `${p} ${round(u[k] ?? 0)}`).join(', ');
      out(`    ${describe(result.domain, f.packageAt(i))} (utilities ${utilities})`);
    }
  } else if (f.size > 0) out('  (none listed: --frontier N or all lists them)');
  for (const [id, d] of Object.entries(input.derived))
    out(
      `Scores derived from ${id}'s rankings (confirm them): weights ${JSON.stringify(d.weights)}`,
    );
  const s = result.solutions;
  out(solutionLine(result, 'Nash bargaining', s.nash));
  out(solutionLine(result, 'Kalai–Smorodinsky', s.kalaiSmorodinsky));
  out(solutionLine(result, 'Egalitarian', s.egalitarian));
  out(solutionLine(result, 'Maximal total welfare', { found: true, ...s.maxWelfare }));
  const p = result.proposal;
  if (p) {
    out(
      `Proposal: ${p.efficient === null ? 'partial (open issues searched too)' : p.efficient ? 'efficient' : 'not efficient'}; baseline ${p.baseline.map(round).join(', ')}.`,
    );
    if (p.improvements.length === 0)
      out('  No package leaves every party at least as well off and someone better off.');
    for (const i of p.improvements)
      out(
        `  Improvement (+${round(i.minGain)} for the least gaining party): ${describe(result.domain, i.package)}`,
      );
  }
  return 0;
}
