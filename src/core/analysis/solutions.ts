/**
 * Fair and efficient solutions: Nash bargaining, Kalai–Smorodinsky, egalitarian and maximal total
 * welfare (definitions in `objectives.ts`). All are exact:
 *
 * - maximal total welfare decomposes: the best option of each issue for the sum of utilities;
 * - two parties: a scan of the exact Pareto frontier (every optimum is on it, since a dominated
 *   package loses at least on the total-utility tie-break);
 * - three or more parties (or a two-party frontier too large to hold): branch-and-bound with
 *   per-issue bounds. Kalai–Smorodinsky first needs each party's ideal level (its highest utility
 *   over the individually rational packages), found by the same search.
 *
 * When no package gives every party at least its reservation level, Nash, Kalai–Smorodinsky and
 * egalitarian have no solution and say so; maximal welfare is still reported, flagged as not
 * individually rational.
 */
import { branchAndBound, type SearchHit } from './branch-and-bound.js';
import {
  compileDomain,
  comparePackages,
  toPoints,
  UNITS_PER_POINT,
  type CompiledDomain,
  type Domain,
  type Package,
} from './domain.js';
import {
  canGain,
  compareRanked,
  egalitarianRanking,
  kalaiSmorodinskyRanking,
  nashRanking,
  rankingOf,
  utilityRanking,
  valueOf,
  welfareRanking,
  type ObjectiveContext,
  type SolutionKind,
} from './objectives.js';
import { exactParetoSum, packageAt, type ParetoSumResult } from './pareto-sum.js';
import { DEFAULT_MAX_FRONTIER_POINTS } from './frontier.js';
import { constrainedMaxRelaxations, maxMinRelaxations, nashRelaxations } from './relaxations.js';

/** One computed solution. */
export interface Solution {
  /** Which concept this is. */
  readonly kind: SolutionKind;
  /** The package: option index per issue, in issue order. */
  readonly package: Package;
  /** Each party's utility (0–100), in party order. */
  readonly utilities: readonly number[];
  /** Each party's gain over its reservation level, in utility points. */
  readonly gains: readonly number[];
  /**
   * The optimised quantity: Nash, the product of gains in points over the parties that can gain;
   * Kalai–Smorodinsky, the level t; egalitarian, the least gain in points over the parties that
   * can gain; max welfare, the total.
   */
  readonly value: number;
  /** Whether every party gets at least its reservation level. */
  readonly individuallyRational: boolean;
}

/** A solution, or the reason there is none. */
export type SolutionOutcome =
  | ({ readonly found: true } & Solution)
  | {
      /** No solution exists. */
      readonly found: false;
      /** Which concept this is. */
      readonly kind: SolutionKind;
      /** Why: no package gives every party at least its reservation level. */
      readonly reason: 'no-individually-rational-package';
    };

/** Every solution concept for one domain. */
export interface Solutions {
  /**
   * Each party's ideal level: its highest utility over the individually rational packages
   * (points); null when there is no such package.
   */
  readonly ideal: readonly number[] | null;
  /** Nash bargaining solution. */
  readonly nash: SolutionOutcome;
  /** Kalai–Smorodinsky solution. */
  readonly kalaiSmorodinsky: SolutionOutcome;
  /** Egalitarian solution. */
  readonly egalitarian: SolutionOutcome;
  /** Maximal total welfare (always exists; may fall below a reservation level). */
  readonly maxWelfare: Solution;
}

/** Options of `solveCompiled`. */
export interface SolveOptions {
  /** The exact two-party frontier, when the caller has it already. */
  readonly exactFrontier?: ParetoSumResult | null;
  /** Largest two-party frontier to scan before switching to branch-and-bound. */
  readonly maxFrontierPoints: number;
}

function makeSolution(
  compiled: CompiledDomain,
  kind: SolutionKind,
  hit: { key: readonly number[]; pkg: readonly number[]; units: Float64Array },
): Solution {
  const r = compiled.reservation;
  let rational = true;
  for (let p = 0; p < compiled.partyCount; p++)
    if ((hit.units[p] ?? 0) < (r[p] ?? 0)) rational = false;
  return {
    kind,
    package: [...hit.pkg],
    utilities: Array.from(hit.units, toPoints),
    gains: Array.from(hit.units, (u, p) => (u - (r[p] ?? 0)) / UNITS_PER_POINT),
    value: valueOf(kind, hit.key),
    individuallyRational: rational,
  };
}

/** Maximal total welfare: per issue the option with the largest sum of contributions (smallest index on ties). */
export function maxWelfare(compiled: CompiledDomain): Solution {
  const d = compiled.partyCount;
  const units = new Float64Array(d);
  const pkg: number[] = [];
  for (let i = 0; i < compiled.issueCount; i++) {
    const c = compiled.contributions[i] ?? new Float64Array(0);
    let best = 0;
    let bestTotal = -Infinity;
    for (let o = 0; o < (compiled.optionCounts[i] ?? 0); o++) {
      let t = 0;
      for (let p = 0; p < d; p++) t += c[o * d + p] ?? 0;
      if (t > bestTotal) {
        bestTotal = t;
        best = o;
      }
    }
    pkg.push(best);
    for (let p = 0; p < d; p++) units[p] = (units[p] ?? 0) + (c[best * d + p] ?? 0);
  }
  return makeSolution(compiled, 'max-welfare', { key: welfareRanking.key(units), pkg, units });
}

const none = (kind: SolutionKind): SolutionOutcome => ({
  found: false,
  kind,
  reason: 'no-individually-rational-package',
});

const found = (s: Solution): SolutionOutcome => ({ found: true, ...s });

/** Computes every solution concept exactly (see the module comment for the method). */
export function solveCompiled(compiled: CompiledDomain, options: SolveOptions): Solutions {
  const welfare = maxWelfare(compiled);
  if (compiled.partyCount === 2) {
    const exact = options.exactFrontier ?? exactParetoSum(compiled, options.maxFrontierPoints);
    if (exact !== null) return scanTwoParty(compiled, exact, welfare);
  }
  return searchSolutions(compiled, welfare);
}

/** Validates and compiles `domain`, then computes every solution concept exactly. */
export function solve(domain: Domain, options: Partial<SolveOptions> = {}): Solutions {
  return solveCompiled(compileDomain(domain), {
    maxFrontierPoints: options.maxFrontierPoints ?? DEFAULT_MAX_FRONTIER_POINTS,
  });
}

/** Two parties: scan the exact frontier. */
function scanTwoParty(
  compiled: CompiledDomain,
  front: ParetoSumResult,
  welfare: Solution,
): Solutions {
  const r = compiled.reservation;
  const rational: number[] = [];
  for (let i = 0; i < front.count; i++) {
    if ((front.coords[2 * i] ?? 0) >= (r[0] ?? 0) && (front.coords[2 * i + 1] ?? 0) >= (r[1] ?? 0))
      rational.push(i);
  }
  if (rational.length === 0) {
    return {
      ideal: null,
      nash: none('nash'),
      kalaiSmorodinsky: none('kalai-smorodinsky'),
      egalitarian: none('egalitarian'),
      maxWelfare: welfare,
    };
  }
  const ideal = new Float64Array(2);
  ideal[0] = -Infinity;
  ideal[1] = -Infinity;
  for (const i of rational) {
    for (let p = 0; p < 2; p++) ideal[p] = Math.max(ideal[p] ?? 0, front.coords[2 * i + p] ?? 0);
  }
  const ctx: ObjectiveContext = { reservation: r, ideal };
  const best = (kind: Exclude<SolutionKind, 'max-welfare'>): Solution => {
    const ranking = rankingOf(kind, ctx);
    let top: SearchHit | null = null;
    for (const i of rational) {
      const units = front.coords.slice(2 * i, 2 * i + 2);
      const key = ranking.key(units);
      if (top !== null) {
        const c = compareRanked(ranking, { key, units }, top);
        if (c > 0) continue;
        if (c === 0) {
          const pkg = packageAt(front.steps, i);
          if (comparePackages(pkg, top.pkg) >= 0) continue;
          top = { key, pkg, units };
          continue;
        }
      }
      top = { key, pkg: packageAt(front.steps, i), units };
    }
    if (top === null) throw new Error('unreachable: no rational point');
    return makeSolution(compiled, kind, top);
  };
  return {
    ideal: Array.from(ideal, toPoints),
    nash: found(best('nash')),
    kalaiSmorodinsky: found(best('kalai-smorodinsky')),
    egalitarian: found(best('egalitarian')),
    maxWelfare: welfare,
  };
}

/** The uniform weighting over `parties` (zero elsewhere). */
function uniformOver(parties: readonly number[], d: number): Float64Array {
  const w = new Float64Array(d);
  for (const p of parties) w[p] = 1 / parties.length;
  return w;
}

/** Three or more parties: branch-and-bound for each concept. */
function searchSolutions(compiled: CompiledDomain, welfare: Solution): Solutions {
  const d = compiled.partyCount;
  const r = compiled.reservation;
  const everyone = Array.from({ length: d }, (_, p) => p);

  // Ideal levels: max u_q subject to every reservation level.
  const ideal = new Float64Array(d);
  for (let q = 0; q < d; q++) {
    const relaxations = constrainedMaxRelaxations(compiled, { party: q, lower: r });
    const guide = new Float64Array(d);
    guide[q] = 1;
    const hits = branchAndBound(compiled, {
      lower: r,
      strictlyAbove: false,
      ranking: utilityRanking(q),
      boundFromMax: (m) => m[q] ?? 0,
      relaxations,
      relaxationsAreLogs: false,
      limit: 1,
      guide: relaxations[0]?.weights ?? guide,
    });
    const top = hits[0];
    if (top === undefined) {
      return {
        ideal: null,
        nash: none('nash'),
        kalaiSmorodinsky: none('kalai-smorodinsky'),
        egalitarian: none('egalitarian'),
        maxWelfare: welfare,
      };
    }
    ideal[q] = top.units[q] ?? 0;
  }
  const ctx: ObjectiveContext = { reservation: r, ideal };
  const gaining = everyone.filter((p) => canGain(ctx, p));

  // Egalitarian.
  const ones = new Float64Array(d).fill(1);
  const egalRelax = maxMinRelaxations(compiled, { parties: gaining, scale: ones, base: r });
  const egal = branchAndBound(compiled, {
    lower: r,
    strictlyAbove: false,
    ranking: egalitarianRanking(ctx),
    boundFromMax: (m) => {
      let least = Infinity;
      for (const p of gaining) least = Math.min(least, (m[p] ?? 0) - (r[p] ?? 0));
      return least === Infinity ? 0 : least;
    },
    relaxations: egalRelax,
    relaxationsAreLogs: false,
    adaptiveMaxMin: {
      parties: gaining,
      scale: ones,
      base: r,
      start: uniformOver(gaining, d),
    },
    limit: 1,
    guide: egalRelax[0]?.weights ?? ones,
  })[0];

  // Kalai–Smorodinsky.
  const ksScale = new Float64Array(d);
  for (const p of gaining) ksScale[p] = 1 / ((ideal[p] ?? 0) - (r[p] ?? 0));
  const ksRelax = maxMinRelaxations(compiled, { parties: gaining, scale: ksScale, base: r });
  const ks = branchAndBound(compiled, {
    lower: r,
    strictlyAbove: false,
    ranking: kalaiSmorodinskyRanking(ctx),
    boundFromMax: (m) => {
      let least = Infinity;
      for (const p of gaining)
        least = Math.min(least, ((m[p] ?? 0) - (r[p] ?? 0)) * (ksScale[p] ?? 0));
      return least === Infinity ? 1 : least;
    },
    relaxations: ksRelax,
    relaxationsAreLogs: false,
    adaptiveMaxMin: {
      parties: gaining,
      scale: ksScale,
      base: r,
      start: uniformOver(gaining, d),
    },
    secondaryBound: (m) => {
      let product = 1;
      for (const p of gaining) product *= ((m[p] ?? 0) - (r[p] ?? 0)) * (ksScale[p] ?? 0);
      return product;
    },
    limit: 1,
    guide: ksRelax[0]?.weights ?? ones,
  })[0];

  // Nash, with tangent points started at the Kalai–Smorodinsky package (balanced, all gains > 0 if possible).
  const nashRelax = nashRelaxations(compiled, {
    parties: gaining,
    reservation: r,
    start: ks?.units ?? ideal,
  });
  const nash = branchAndBound(compiled, {
    lower: r,
    strictlyAbove: false,
    ranking: nashRanking(ctx),
    boundFromMax: (m) => {
      let product = 1;
      for (const p of gaining) product *= ((m[p] ?? 0) - (r[p] ?? 0)) / UNITS_PER_POINT;
      return product;
    },
    relaxations: nashRelax,
    relaxationsAreLogs: true,
    limit: 1,
    guide: nashRelax[0]?.weights ?? ones,
  })[0];

  const outcome = (kind: SolutionKind, hit: SearchHit | undefined): SolutionOutcome =>
    hit === undefined ? none(kind) : found(makeSolution(compiled, kind, hit));
  return {
    ideal: Array.from(ideal, toPoints),
    nash: outcome('nash', nash),
    kalaiSmorodinsky: outcome('kalai-smorodinsky', ks),
    egalitarian: outcome('egalitarian', egal),
    maxWelfare: welfare,
  };
}
