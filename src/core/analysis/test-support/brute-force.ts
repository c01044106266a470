/**
 * The reference the engine is checked against, and the baseline of the benchmark: enumerate every
 * complete package, then filter and scan (what NegMAS and GENIUS do). Exponential in the number
 * of issues; for tests on small domains and for the side-by-side benchmark only.
 *
 * It shares only the fixed-point contributions and the objective rankings with the engine, so
 * that both order packages alike; everything else is written as plainly as possible. (The
 * rankings themselves are checked against `exact-reference.ts`, which shares neither.)
 */
import { comparePackages, type CompiledDomain } from '../domain.js';
import {
  compareRanked,
  improvementRanking,
  rankingOf,
  welfareRanking,
  type ObjectiveContext,
  type Ranked,
  type Ranking,
  type SolutionKind,
} from '../objectives.js';

/** Every package's utilities, in enumeration order (lexicographic by option indices). */
export interface Enumeration {
  /** Number of packages. */
  readonly count: number;
  /** Number of parties. */
  readonly dim: number;
  /** Utilities in micro-points, package-major. */
  readonly units: Float64Array;
  /** Decodes package number k (enumeration order) to option indices. */
  packageOf(k: number): number[];
}

/** Enumerates all packages depth first, summing contributions incrementally. */
export function enumerate(compiled: CompiledDomain): Enumeration {
  const d = compiled.partyCount;
  const n = compiled.issueCount;
  const radix = compiled.optionCounts;
  const count = radix.reduce((a, b) => a * b, 1);
  const units = new Float64Array(count * d);
  const partial = new Float64Array((n + 1) * d);
  let k = 0;
  const walk = (i: number): void => {
    if (i === n) {
      for (let p = 0; p < d; p++) units[k * d + p] = partial[n * d + p] ?? 0;
      k++;
      return;
    }
    const c = compiled.contributions[i] ?? new Float64Array(0);
    for (let o = 0; o < (radix[i] ?? 0); o++) {
      for (let p = 0; p < d; p++)
        partial[(i + 1) * d + p] = (partial[i * d + p] ?? 0) + (c[o * d + p] ?? 0);
      walk(i + 1);
    }
  };
  walk(0);
  return {
    count,
    dim: d,
    units,
    packageOf: (index) => {
      const pkg = new Array<number>(n).fill(0);
      let rest = index;
      for (let i = n - 1; i >= 0; i--) {
        const r = radix[i] ?? 1;
        pkg[i] = rest % r;
        rest = Math.floor(rest / r);
      }
      return pkg;
    },
  };
}

/** A point of the brute-force frontier. */
export interface BrutePoint {
  /** Utilities in micro-points. */
  readonly units: number[];
  /** The lexicographically smallest package with these utilities. */
  readonly pkg: number[];
}

function dominates(a: Float64Array, ai: number, b: Float64Array, bi: number, d: number): boolean {
  let strictly = false;
  for (let p = 0; p < d; p++) {
    const x = a[ai * d + p] ?? 0;
    const y = b[bi * d + p] ?? 0;
    if (x < y) return false;
    if (x > y) strictly = true;
  }
  return strictly;
}

/**
 * Indices (enumeration order) of the undominated packages, one per distinct utility vector (the
 * first enumerated, i.e. the lexicographically smallest package). Two parties: sort and sweep.
 * More: pairwise comparison against the kept set.
 */
export function paretoIndices(e: Enumeration): number[] {
  const { units, dim: d, count } = e;
  if (d === 2) {
    // Sort by u0 descending via packed keys (u0 < 2^27 micro-points, index < 2^21 in the benchmark).
    const keys = new Float64Array(count);
    for (let k = 0; k < count; k++) keys[k] = (units[2 * k] ?? 0) * 2 ** 22 + (count - 1 - k);
    keys.sort();
    const out: number[] = [];
    let best = -Infinity;
    let g = count - 1;
    while (g >= 0) {
      const u0 = Math.floor((keys[g] ?? 0) / 2 ** 22);
      // Within a group of equal u0, the package with the largest u1 (smallest index on ties).
      let top = -1;
      let topU1 = -Infinity;
      while (g >= 0 && Math.floor((keys[g] ?? 0) / 2 ** 22) === u0) {
        const k = count - 1 - ((keys[g] ?? 0) % 2 ** 22);
        const u1 = units[2 * k + 1] ?? 0;
        if (u1 > topU1 || (u1 === topU1 && k < top)) {
          topU1 = u1;
          top = k;
        }
        g--;
      }
      if (topU1 > best) {
        out.push(top);
        best = topU1;
      }
    }
    return out;
  }
  const kept: number[] = [];
  for (let k = 0; k < count; k++) {
    let drop = false;
    for (const q of kept) {
      if (dominates(units, q, units, k, d)) {
        drop = true;
        break;
      }
      let equal = true;
      for (let p = 0; p < d && equal; p++) equal = units[q * d + p] === units[k * d + p];
      if (equal) {
        drop = true;
        break;
      }
    }
    if (drop) continue;
    for (let j = kept.length - 1; j >= 0; j--) {
      if (dominates(units, k, units, kept[j] ?? 0, d)) kept.splice(j, 1);
    }
    kept.push(k);
  }
  return kept;
}

/** The brute-force frontier as points. */
export function bruteFrontier(e: Enumeration): BrutePoint[] {
  return paretoIndices(e).map((k) => ({
    units: Array.from(e.units.subarray(k * e.dim, k * e.dim + e.dim)),
    pkg: e.packageOf(k),
  }));
}

/** One brute-force optimum. */
export interface BruteOptimum {
  /** Its ranking key. */
  readonly key: number[];
  /** The lexicographically smallest optimal package. */
  readonly pkg: number[];
  /** Its utilities in micro-points. */
  readonly units: number[];
}

/** Brute-force solutions: ideal levels (micro-points), and each concept's optimum or null. */
export interface BruteSolutions {
  /** Ideal levels, or null without an individually rational package. */
  readonly ideal: number[] | null;
  /** Optimum per concept (null when none exists). */
  readonly best: Record<SolutionKind, BruteOptimum | null>;
}

function better(ranking: Ranking, a: Ranked, b: Ranked): boolean {
  return compareRanked(ranking, a, b) < 0;
}

/** Scans every package for every concept (enumeration order makes the first optimum the lexicographically smallest). */
export function bruteSolutions(compiled: CompiledDomain, e: Enumeration): BruteSolutions {
  const d = e.dim;
  const r = compiled.reservation;
  const rational = (k: number): boolean => {
    for (let p = 0; p < d; p++) if ((e.units[k * d + p] ?? 0) < (r[p] ?? 0)) return false;
    return true;
  };
  const at = (k: number): Float64Array => e.units.slice(k * d, k * d + d);
  let welfare: BruteOptimum | null = null;
  for (let k = 0; k < e.count; k++) {
    const units = at(k);
    const key = welfareRanking.key(units);
    if (welfare === null || better(welfareRanking, { key, units }, welfare))
      welfare = { key, pkg: e.packageOf(k), units: Array.from(units) };
  }
  const ideal = new Float64Array(d).fill(-Infinity);
  let any = false;
  for (let k = 0; k < e.count; k++) {
    if (!rational(k)) continue;
    any = true;
    for (let p = 0; p < d; p++) ideal[p] = Math.max(ideal[p] ?? 0, e.units[k * d + p] ?? 0);
  }
  const best: Record<SolutionKind, BruteOptimum | null> = {
    nash: null,
    'kalai-smorodinsky': null,
    egalitarian: null,
    'max-welfare': welfare,
  };
  if (!any) return { ideal: null, best };
  const ctx: ObjectiveContext = { reservation: r, ideal };
  for (const kind of ['nash', 'kalai-smorodinsky', 'egalitarian'] as const) {
    const ranking = rankingOf(kind, ctx);
    let top: BruteOptimum | null = null;
    for (let k = 0; k < e.count; k++) {
      if (!rational(k)) continue;
      const units = at(k);
      const key = ranking.key(units);
      if (top === null || better(ranking, { key, units }, top))
        top = { key, pkg: e.packageOf(k), units: Array.from(units) };
    }
    best[kind] = top;
  }
  return { ideal: Array.from(ideal), best };
}

/**
 * The top `limit` Pareto-efficient improvements over `baseline` (micro-points): packages with every
 * utility ≥ baseline and some utility >, ranked by least gain, then total, then package.
 */
export function bruteImprovements(
  e: Enumeration,
  baseline: Float64Array,
  limit: number,
): BruteOptimum[] {
  const d = e.dim;
  const ranking = improvementRanking(baseline);
  const found: BruteOptimum[] = [];
  for (const k of paretoIndices(e)) {
    const u = e.units.slice(k * d, k * d + d);
    let ok = true;
    let above = false;
    for (let p = 0; p < d; p++) {
      if ((u[p] ?? 0) < (baseline[p] ?? 0)) ok = false;
      if ((u[p] ?? 0) > (baseline[p] ?? 0)) above = true;
    }
    if (ok && above) found.push({ key: ranking.key(u), pkg: e.packageOf(k), units: Array.from(u) });
  }
  found.sort((a, b) => compareRanked(ranking, a, b) || comparePackages(a.pkg, b.pkg));
  return found.slice(0, limit);
}

/** Whether some package gives every party at least its utility in `units` and someone more. */
export function bruteIsDominated(e: Enumeration, units: Float64Array): boolean {
  const d = e.dim;
  for (let k = 0; k < e.count; k++) if (dominates(e.units, k, units, 0, d)) return true;
  return false;
}
