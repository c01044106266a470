/**
 * Improvements on a tabled proposal (SmartSettle's "improvement over a baseline").
 *
 * Baseline. A complete proposal's baseline is its utility vector. A partial proposal (some issues
 * left open) is judged by what it guarantees: each party's baseline is its utility from the
 * specified issues plus, on every open issue, its worst option — the least it can end up with,
 * whatever the open issues become. Improvements are complete packages and may change any issue,
 * specified or open: they answer "which whole deals would every party prefer to the text on the
 * table, however it were completed?".
 *
 * Improvement: a complete package that gives every party at least its baseline and someone more.
 * Only Pareto-efficient improvements are listed (a dominated one is beaten for everyone by an
 * efficient one that ranks above it), one package per distinct utility vector (the
 * lexicographically smallest). Ranking: the smallest gain over the baseline, descending (max-min,
 * as SmartSettle); then total utility, descending; then package, lexicographically.
 *
 * Efficiency: a complete proposal is Pareto-efficient exactly when it has no improvement. A partial
 * proposal is not a package, so the question does not apply (null).
 *
 * Two parties: the improvements are the arc of the exact frontier that dominates the baseline.
 * More parties: branch-and-bound for the best K improvements by the ranking (K starts at the
 * number asked for and grows fourfold while needed), filtered to the efficient ones in rank order (an improvement is efficient exactly when no efficient improvement
 * ranked above it dominates it, because its dominators all rank above it), until the requested
 * number of efficient ones is found or the improvements run out.
 */
import { branchAndBound, compareHits, type SearchHit } from './branch-and-bound.js';
import { DomainError } from '../shared/errors.js';
import {
  compileDomain,
  proposalIndices,
  toPoints,
  UNITS_PER_POINT,
  type CompiledDomain,
  type Domain,
  type Package,
  type ProposalByIds,
} from './domain.js';
import { DEFAULT_MAX_FRONTIER_POINTS } from './frontier.js';
import { improvementRanking } from './objectives.js';
import { exactParetoSum, packageAt, type ParetoSumResult } from './pareto-sum.js';
import { maxMinRelaxations } from './relaxations.js';

/** One improvement on the tabled proposal. */
export interface Improvement {
  /** The package: option index per issue, in issue order. */
  readonly package: Package;
  /** Each party's utility (0–100), in party order. */
  readonly utilities: readonly number[];
  /** Each party's gain over its baseline, in utility points. */
  readonly gains: readonly number[];
  /** The smallest gain, in utility points (the ranking criterion). */
  readonly minGain: number;
  /** The sum of the gains, in utility points. */
  readonly totalGain: number;
}

/** The analysis of a tabled proposal. */
export interface ProposalAnalysis {
  /** The proposal, by option index per issue; -1 for an open issue. */
  readonly proposal: readonly number[];
  /** Whether every issue is specified. */
  readonly complete: boolean;
  /** Each party's baseline utility (points): the proposal's utility, or its guaranteed minimum if partial. */
  readonly baseline: readonly number[];
  /** Whether the (complete) proposal is Pareto-efficient; null for a partial proposal. */
  readonly efficient: boolean | null;
  /** The best Pareto-efficient improvements, best first (see the module comment). */
  readonly improvements: readonly Improvement[];
}

/** Options of `analyzeProposalCompiled`. */
export interface ImprovementOptions {
  /** How many improvements to list. */
  readonly limit: number;
  /** The exact two-party frontier, when the caller has it already. */
  readonly exactFrontier?: ParetoSumResult | null;
  /** Largest two-party frontier to use before switching to branch-and-bound. */
  readonly maxFrontierPoints: number;
}

/** Each party's baseline in micro-points (see the module comment for partial proposals). */
export function baselineUnits(compiled: CompiledDomain, proposal: readonly number[]): Float64Array {
  const d = compiled.partyCount;
  const b = new Float64Array(d);
  for (let i = 0; i < compiled.issueCount; i++) {
    const c = compiled.contributions[i] ?? new Float64Array(0);
    const m = compiled.optionCounts[i] ?? 0;
    const o = proposal[i] ?? -1;
    if (o >= m)
      throw new DomainError('RULE_VIOLATION', `the proposal has no option ${o} on issue ${i + 1}`);
    for (let p = 0; p < d; p++) {
      let v: number;
      if (o >= 0) v = c[o * d + p] ?? 0;
      else {
        v = Infinity;
        for (let q = 0; q < m; q++) v = Math.min(v, c[q * d + p] ?? 0);
      }
      b[p] = (b[p] ?? 0) + v;
    }
  }
  return b;
}

function toImprovement(
  baseline: Float64Array,
  pkg: readonly number[],
  units: Float64Array,
): Improvement {
  const gains = Array.from(units, (u, p) => (u - (baseline[p] ?? 0)) / UNITS_PER_POINT);
  const key = improvementRanking(baseline).key(units);
  let total = 0;
  for (let p = 0; p < units.length; p++) total += (units[p] ?? 0) - (baseline[p] ?? 0);
  return {
    package: [...pkg],
    utilities: Array.from(units, toPoints),
    gains,
    minGain: (key[0] ?? 0) / UNITS_PER_POINT,
    totalGain: total / UNITS_PER_POINT,
  };
}

/** Analyses a tabled (complete or partial) proposal given by option indices, -1 for open issues. */
export function analyzeProposalCompiled(
  compiled: CompiledDomain,
  proposal: readonly number[],
  options: ImprovementOptions,
): ProposalAnalysis {
  if (proposal.length !== compiled.issueCount)
    throw new DomainError('RULE_VIOLATION', 'the proposal must list every issue (-1 for open)');
  const baseline = baselineUnits(compiled, proposal);
  const complete = proposal.every((o) => o >= 0);
  const limit = Math.max(0, Math.floor(options.limit));
  let hits: SearchHit[] | null = null;
  if (compiled.partyCount === 2) {
    const exact = options.exactFrontier ?? exactParetoSum(compiled, options.maxFrontierPoints);
    if (exact !== null) hits = frontierArc(exact, baseline, Math.max(1, limit));
  }
  hits ??= searchImprovements(compiled, baseline, Math.max(1, limit));
  return {
    proposal: [...proposal],
    complete,
    baseline: Array.from(baseline, toPoints),
    efficient: complete ? hits.length === 0 : null,
    improvements: hits.slice(0, limit).map((h) => toImprovement(baseline, h.pkg, h.units)),
  };
}

/**
 * Validates and compiles `domain`, then analyses a tabled proposal given by ids (issues left out
 * are open); lists 5 improvements unless told otherwise.
 */
export function analyzeProposal(
  domain: Domain,
  proposal: ProposalByIds,
  options: Partial<ImprovementOptions> = {},
): ProposalAnalysis {
  return analyzeProposalCompiled(compileDomain(domain), proposalIndices(domain, proposal), {
    limit: options.limit ?? 5,
    maxFrontierPoints: options.maxFrontierPoints ?? DEFAULT_MAX_FRONTIER_POINTS,
  });
}

/** Two parties: the frontier points that dominate the baseline, ranked. */
function frontierArc(front: ParetoSumResult, baseline: Float64Array, limit: number): SearchHit[] {
  const ranking = improvementRanking(baseline);
  const found: SearchHit[] = [];
  const b0 = baseline[0] ?? 0;
  const b1 = baseline[1] ?? 0;
  for (let i = 0; i < front.count; i++) {
    const u0 = front.coords[2 * i] ?? 0;
    const u1 = front.coords[2 * i + 1] ?? 0;
    if (u0 < b0) break; // sorted by u0 descending
    if (u1 < b1 || (u0 === b0 && u1 === b1)) continue;
    const units = front.coords.slice(2 * i, 2 * i + 2);
    found.push({ key: ranking.key(units), pkg: packageAt(front.steps, i), units });
  }
  found.sort((a, b) => compareHits(ranking, a, b));
  return found.slice(0, limit);
}

/** More parties: branch-and-bound for the top K, filtered to efficient ones, K growing as needed. */
function searchImprovements(
  compiled: CompiledDomain,
  baseline: Float64Array,
  limit: number,
): SearchHit[] {
  const d = compiled.partyCount;
  const everyone = Array.from({ length: d }, (_, p) => p);
  const ones = new Float64Array(d).fill(1);
  const relaxations = maxMinRelaxations(compiled, {
    parties: everyone,
    scale: ones,
    base: baseline,
  });
  const uniform = new Float64Array(d).fill(1 / d);
  let k = limit;
  for (;;) {
    const hits = branchAndBound(compiled, {
      lower: baseline,
      strictlyAbove: true,
      ranking: improvementRanking(baseline),
      boundFromMax: (m) => {
        let least = Infinity;
        for (let p = 0; p < d; p++) least = Math.min(least, (m[p] ?? 0) - (baseline[p] ?? 0));
        return least;
      },
      relaxations,
      relaxationsAreLogs: false,
      adaptiveMaxMin: { parties: everyone, scale: ones, base: baseline, start: uniform },
      limit: k,
      guide: relaxations[0]?.weights ?? ones,
    });
    const efficient: SearchHit[] = [];
    for (const h of hits) {
      if (efficient.some((e) => weaklyDominates(e.units, h.units))) continue;
      efficient.push(h);
      if (efficient.length >= limit) return efficient;
    }
    if (hits.length < k) return efficient;
    k *= 4;
  }
}

function weaklyDominates(a: Float64Array, b: Float64Array): boolean {
  for (let p = 0; p < a.length; p++) if ((a[p] ?? 0) < (b[p] ?? 0)) return false;
  return true;
}
