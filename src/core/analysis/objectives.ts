/**
 * The solution concepts as rankings of packages, shared by every algorithm (frontier scan,
 * branch-and-bound and the brute-force reference) so that all of them order packages alike.
 *
 * A ranking gives a package a key: a list of numbers, higher is better, compared
 * lexicographically; the last entry is always the total utility, and any remaining tie goes to
 * the lexicographically smallest package. Gains are utilities minus reservation levels. Every
 * concept except max welfare ranges over the individually rational packages only (every party's
 * utility ≥ its reservation level).
 *
 * Parties that cannot gain. A party whose ideal level (its best utility over the individually
 * rational packages) equals its reservation level gets exactly that level, a gain of 0, in every
 * individually rational package. Nash, Kalai–Smorodinsky and egalitarian all leave such parties
 * out: with them the product, the level and the least gain would be 0 everywhere, and each
 * concept would fall to its tie-break (total utility) instead of weighing the parties that do
 * bargain. When no party can gain, Kalai–Smorodinsky's level is 1 and the least gain 0.
 *
 * Exactness. Utilities are whole micro-points, so totals and least gains are exact in floating
 * point. Products of gains (Nash, and Kalai–Smorodinsky's tie-break) and quotients
 * (Kalai–Smorodinsky's level) are not: two gains near 100 points already multiply past 2^53
 * micro-points², so mathematically equal products can round apart — and then listing the parties
 * in another order changes the answer — while different products or levels can round to the same
 * float. A key therefore holds floats, which the search's bounds are compared with, and its
 * ranking says how many leading entries are rounded. Two rounded entries farther apart than
 * rounding can carry are ordered by their floats; closer ones are ordered exactly, from the
 * utilities, in BigInt (`compareRanked`). Near-ties are rare outside exact ties, so the exact path
 * costs little.
 */
import { UNITS_PER_POINT } from './domain.js';

/** The solution concepts the engine computes. */
export type SolutionKind = 'nash' | 'kalai-smorodinsky' | 'egalitarian' | 'max-welfare';

/** What an objective needs to know besides a package's utilities. */
export interface ObjectiveContext {
  /** Reservation levels in micro-points. */
  readonly reservation: Float64Array;
  /**
   * Ideal levels in micro-points: each party's highest utility over the individually rational
   * packages (needed by Kalai–Smorodinsky and to tell which parties can gain at all).
   */
  readonly ideal: Float64Array;
}

/** How one concept orders packages by their utilities (see the module comment). */
export interface Ranking {
  /** The key of a package's utilities in micro-points: higher is better, lexicographically. */
  readonly key: (units: Float64Array) => number[];
  /** How many leading entries of the key are rounded floats; the others are exact integers. */
  readonly rounded: number;
  /**
   * Orders rounded entry `entry` of two packages exactly, from their utilities in micro-points:
   * negative when a's is higher, 0 when equal.
   */
  readonly exactly: (entry: number, a: ArrayLike<number>, b: ArrayLike<number>) => number;
}

/** A package's key next to the utilities (micro-points) it was computed from. */
export interface Ranked {
  /** Its key under some ranking. */
  readonly key: readonly number[];
  /** Its utilities in micro-points. */
  readonly units: ArrayLike<number>;
}

/**
 * Relative distance within which two rounded entries may stand for the same exact value. Each is
 * at most (2k + 2)·2⁻⁵³ away from its exact value relative to it (k parties: one rounding per
 * quotient and per product), below 10⁻¹³ for several hundred parties; a non-finite entry (a
 * product of very many gains) is always compared exactly.
 */
const ROUNDING = 1e-12;

/** Whether x and y are within rounding distance of each other (or not both finite). */
function withinRounding(x: number, y: number): boolean {
  return !(Math.abs(x - y) > ROUNDING * Math.max(Math.abs(x), Math.abs(y)));
}

/** Orders entry `entry` of two keys: floats where they decide, else exactly from the utilities. */
export function compareEntry(ranking: Ranking, entry: number, a: Ranked, b: Ranked): number {
  const x = a.key[entry] ?? 0;
  const y = b.key[entry] ?? 0;
  if (entry < ranking.rounded && withinRounding(x, y))
    return ranking.exactly(entry, a.units, b.units);
  return x > y ? -1 : x < y ? 1 : 0;
}

/** Orders two packages by their keys, exactly: negative when a ranks higher, 0 on a full tie. */
export function compareRanked(ranking: Ranking, a: Ranked, b: Ranked): number {
  const n = Math.min(a.key.length, b.key.length);
  for (let i = 0; i < n; i++) {
    const c = compareEntry(ranking, i, a, b);
    if (c !== 0) return c;
  }
  return 0;
}

/** Orders two BigInts, higher first. */
function higherFirst(x: bigint, y: bigint): number {
  return x > y ? -1 : x < y ? 1 : 0;
}

function total(u: Float64Array): number {
  let s = 0;
  for (let p = 0; p < u.length; p++) s += u[p] ?? 0;
  return s;
}

/** Whether party p can gain anything over its reservation level in some individually rational package. */
export function canGain(ctx: ObjectiveContext, p: number): boolean {
  return (ctx.ideal[p] ?? 0) > (ctx.reservation[p] ?? 0);
}

/** The parties that can gain, in party order. */
function gainingParties(ctx: ObjectiveContext): number[] {
  const out: number[] = [];
  for (let p = 0; p < ctx.reservation.length; p++) if (canGain(ctx, p)) out.push(p);
  return out;
}

/** The exact product of the gains (micro-points) of `parties`. */
function gainProduct(u: ArrayLike<number>, ctx: ObjectiveContext, parties: readonly number[]) {
  let product = 1n;
  for (const p of parties) product *= BigInt((u[p] ?? 0) - (ctx.reservation[p] ?? 0));
  return product;
}

/**
 * Nash bargaining: maximise the product of gains (in utility points) over the parties that can
 * gain at all; the others get exactly their reservation level in every individually rational
 * package, so they are left out of the product (else it would be 0 everywhere). Ties: total utility.
 */
export function nashRanking(ctx: ObjectiveContext): Ranking {
  const parties = gainingParties(ctx);
  return {
    key: (u) => {
      let product = 1;
      for (const p of parties)
        product *= ((u[p] ?? 0) - (ctx.reservation[p] ?? 0)) / UNITS_PER_POINT;
      return [product, total(u)];
    },
    rounded: 1,
    exactly: (_entry, a, b) =>
      higherFirst(gainProduct(a, ctx, parties), gainProduct(b, ctx, parties)),
  };
}

/** The smallest normalised gain of a package exactly, as gain / span (1 / 1 when no one can gain). */
function exactLevel(
  u: ArrayLike<number>,
  ctx: ObjectiveContext,
  parties: readonly number[],
): [bigint, bigint] {
  let gain = 1n;
  let span = 1n;
  let first = true;
  for (const p of parties) {
    const r = ctx.reservation[p] ?? 0;
    const g = BigInt((u[p] ?? 0) - r);
    const s = BigInt((ctx.ideal[p] ?? 0) - r);
    // Spans are positive, so g / s < gain / span exactly when g · span < gain · s.
    if (first || g * span < gain * s) {
      gain = g;
      span = s;
      first = false;
    }
  }
  return [gain, span];
}

/**
 * Kalai–Smorodinsky (classic form): the largest t such that every party gets at least
 * reservation + t·(ideal − reservation). Over discrete packages: maximise the smallest normalised
 * gain (u − r)/(I − r) over the parties that can gain (t = 1 when none can); ties by the product of
 * the normalised gains, then total utility. (Not GENIUS's "minimal utility difference" nor
 * NegMAS's egalitarian `kalai_points`.)
 */
export function kalaiSmorodinskyRanking(ctx: ObjectiveContext): Ranking {
  const parties = gainingParties(ctx);
  return {
    key: (u) => {
      let level = Infinity;
      let product = 1;
      for (const p of parties) {
        const r = ctx.reservation[p] ?? 0;
        const h = ((u[p] ?? 0) - r) / ((ctx.ideal[p] ?? 0) - r);
        if (h < level) level = h;
        product *= h;
      }
      return [level === Infinity ? 1 : level, product, total(u)];
    },
    rounded: 2,
    exactly: (entry, a, b) => {
      if (entry === 0) {
        const [ga, sa] = exactLevel(a, ctx, parties);
        const [gb, sb] = exactLevel(b, ctx, parties);
        return higherFirst(ga * sb, gb * sa);
      }
      // Every package shares the spans, so the products of normalised gains compare as the
      // products of gains.
      return higherFirst(gainProduct(a, ctx, parties), gainProduct(b, ctx, parties));
    },
  };
}

/** Rankings whose keys are exact integers need no exact comparison. */
const exactKeys = (key: (units: Float64Array) => number[]): Ranking => ({
  key,
  rounded: 0,
  exactly: () => 0,
});

/**
 * Egalitarian: maximise the smallest gain (in micro-points) over the parties that can gain (0
 * when none can); ties: total utility.
 */
export function egalitarianRanking(ctx: ObjectiveContext): Ranking {
  const parties = gainingParties(ctx);
  return exactKeys((u) => {
    let least = parties.length === 0 ? 0 : Infinity;
    for (const p of parties) {
      const g = (u[p] ?? 0) - (ctx.reservation[p] ?? 0);
      if (g < least) least = g;
    }
    return [least, total(u)];
  });
}

/**
 * Improvement over a baseline b (SmartSettle's form): maximise the smallest gain over b (in
 * micro-points); ties: total utility.
 */
export function improvementRanking(baseline: Float64Array): Ranking {
  return exactKeys((u) => {
    let least = Infinity;
    for (let p = 0; p < u.length; p++) {
      const g = (u[p] ?? 0) - (baseline[p] ?? 0);
      if (g < least) least = g;
    }
    return [least, total(u)];
  });
}

/** Party q's utility (micro-points), ties by total utility: the search for q's ideal level. */
export function utilityRanking(q: number): Ranking {
  return exactKeys((u) => [u[q] ?? 0, total(u)]);
}

/** Maximal total welfare: maximise the sum of utilities (decomposes per issue). */
export const welfareRanking: Ranking = exactKeys((u) => [total(u)]);

/** The ranking of a concept, for the scans that handle every concept alike. */
export function rankingOf(
  kind: Exclude<SolutionKind, 'max-welfare'>,
  ctx: ObjectiveContext,
): Ranking {
  switch (kind) {
    case 'nash':
      return nashRanking(ctx);
    case 'kalai-smorodinsky':
      return kalaiSmorodinskyRanking(ctx);
    case 'egalitarian':
      return egalitarianRanking(ctx);
  }
}

/** The reported value of a key: the product, level, least gain (in points) or total (in points). */
export function valueOf(kind: SolutionKind, key: readonly number[]): number {
  const first = key[0] ?? 0;
  switch (kind) {
    case 'nash':
    case 'kalai-smorodinsky':
      return first;
    case 'egalitarian':
    case 'max-welfare':
      return first / UNITS_PER_POINT;
  }
}
