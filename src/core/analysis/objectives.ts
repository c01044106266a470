/**
 * The solution concepts as ranking keys, shared by every algorithm (frontier scan, branch-and-bound
 * and the brute-force reference) so that all of them compute bit-identical values.
 *
 * A key is a list of numbers, higher is better, compared lexicographically; the last entry is
 * always the total utility, and any remaining tie goes to the lexicographically smallest package.
 * Gains are utilities minus reservation levels. Every concept except max welfare ranges over the
 * individually rational packages only (every party's utility ≥ its reservation level).
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

function total(u: Float64Array): number {
  let s = 0;
  for (let p = 0; p < u.length; p++) s += u[p] ?? 0;
  return s;
}

/** Whether party p can gain anything over its reservation level in some individually rational package. */
export function canGain(ctx: ObjectiveContext, p: number): boolean {
  return (ctx.ideal[p] ?? 0) > (ctx.reservation[p] ?? 0);
}

/**
 * Nash bargaining: maximise the product of gains (in utility points) over the parties that can
 * gain at all; the others get exactly their reservation level in every individually rational
 * package, so they are left out of the product (else it would be 0 everywhere). Ties: total utility.
 */
export function nashKey(u: Float64Array, ctx: ObjectiveContext): number[] {
  // Gains are whole micro-points: multiplying them before scaling keeps mathematically equal
  // products bit-identical (a correctly rounded product of the same integers), so exact ties in
  // the product fall to the documented tie-break instead of to rounding noise.
  let product = 1;
  let scale = 1;
  for (let p = 0; p < u.length; p++) {
    if (!canGain(ctx, p)) continue;
    product *= (u[p] ?? 0) - (ctx.reservation[p] ?? 0);
    scale *= UNITS_PER_POINT;
  }
  return [product / scale, total(u)];
}

/**
 * Kalai–Smorodinsky (classic form): the largest t such that every party gets at least
 * reservation + t·(ideal − reservation). Over discrete packages: maximise the smallest normalised
 * gain (u − r)/(I − r) over the parties that can gain (t = 1 when none can); ties by the product of
 * the normalised gains, then total utility. (Not GENIUS's "minimal utility difference" nor
 * NegMAS's egalitarian `kalai_points`.)
 */
export function kalaiSmorodinskyKey(u: Float64Array, ctx: ObjectiveContext): number[] {
  let level = Infinity;
  let gains = 1;
  let spans = 1;
  for (let p = 0; p < u.length; p++) {
    if (!canGain(ctx, p)) continue;
    const r = ctx.reservation[p] ?? 0;
    const gain = (u[p] ?? 0) - r;
    const span = (ctx.ideal[p] ?? 0) - r;
    // A correctly rounded quotient: equal ratios give equal levels.
    const h = gain / span;
    if (h < level) level = h;
    gains *= gain;
    spans *= span;
  }
  // Π gain / Π span rather than Π (gain / span), for the same reason as in nashKey.
  return [level === Infinity ? 1 : level, gains / spans, total(u)];
}

/** Egalitarian: maximise the smallest gain over all parties (in micro-points); ties: total utility. */
export function egalitarianKey(u: Float64Array, ctx: ObjectiveContext): number[] {
  let least = Infinity;
  for (let p = 0; p < u.length; p++) {
    const g = (u[p] ?? 0) - (ctx.reservation[p] ?? 0);
    if (g < least) least = g;
  }
  return [least, total(u)];
}

/**
 * Improvement over a baseline b (SmartSettle's form): maximise the smallest gain over b (in
 * micro-points); ties: total utility.
 */
export function improvementKey(u: Float64Array, baseline: Float64Array): number[] {
  let least = Infinity;
  for (let p = 0; p < u.length; p++) {
    const g = (u[p] ?? 0) - (baseline[p] ?? 0);
    if (g < least) least = g;
  }
  return [least, total(u)];
}

/** Maximal total welfare: maximise the sum of utilities (decomposes per issue). */
export function welfareKey(u: Float64Array): number[] {
  return [total(u)];
}

/** The key of a concept, for the scans that handle every concept alike. */
export function keyOf(
  kind: Exclude<SolutionKind, 'max-welfare'>,
  u: Float64Array,
  ctx: ObjectiveContext,
): number[] {
  switch (kind) {
    case 'nash':
      return nashKey(u, ctx);
    case 'kalai-smorodinsky':
      return kalaiSmorodinskyKey(u, ctx);
    case 'egalitarian':
      return egalitarianKey(u, ctx);
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
