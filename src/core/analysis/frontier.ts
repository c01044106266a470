/**
 * The Pareto frontier of complete packages, exact where the size allows and ε-approximate
 * otherwise (the algorithm is in `pareto-sum.ts`).
 *
 * ε is a fraction of the 0–100 utility scale: ε = 0.01 means one utility point. An ε-approximate
 * frontier guarantees that for every package on the true frontier some returned package gives
 * every party at least its utility minus 100·ε points; returned packages are real packages, their
 * utilities exact, and no returned point dominates another.
 */
import { DomainError } from '../shared/errors.js';
import {
  compileDomain,
  toPoints,
  UNITS_PER_POINT,
  type CompiledDomain,
  type Domain,
  type Package,
} from './domain.js';
import { exactParetoSum, packageAt, paretoSum, type ParetoSumResult } from './pareto-sum.js';

/** Largest frontier held in memory before the engine coarsens to an ε-approximation. */
export const DEFAULT_MAX_FRONTIER_POINTS = 100_000;

/**
 * The largest ε a caller may ask for (half the 0–100 scale): the one limit of the file format,
 * the `parley analyze` command, the API and the engine itself.
 */
export const MAX_EPSILON = 0.5;

/** The ε tried first when the exact frontier is too large and the caller asked for none. */
export const FALLBACK_EPSILON = 0.01;

/** Options of `frontierOf`. */
export interface FrontierOptions {
  /**
   * Requested approximation as a fraction of the 0–100 scale (0.01 = one utility point). Omitted:
   * exact when the frontier has at most `maxPoints` points, else approximate. 0: exact or an error.
   */
  readonly epsilon?: number;
  /** Largest number of points to hold; beyond it ε is coarsened until the set fits. */
  readonly maxPoints?: number;
}

/** A computed frontier. Points are sorted by the first party's utility, descending, then the next party's. */
export interface Frontier {
  /** Whether this is the exact frontier. */
  readonly exact: boolean;
  /** The guaranteed approximation (fraction of the 0–100 scale); 0 when exact. */
  readonly epsilon: number;
  /** The ε the caller asked for, if any (the result may be coarser when the set would not fit). */
  readonly requestedEpsilon: number | null;
  /** Number of points. */
  readonly size: number;
  /** Utilities of point i in utility points (0–100), in party order. */
  utilitiesAt(i: number): number[];
  /** Utilities of point i in the engine's micro-points. */
  unitsAt(i: number): Float64Array;
  /** The package of point i, reconstructed from the merge's back-pointers. */
  packageAt(i: number): Package;
  /** The underlying merge result (for the other algorithms of the engine). */
  readonly raw: ParetoSumResult;
}

function wrap(raw: ParetoSumResult, requestedEpsilon: number | null): Frontier {
  const d = raw.dim;
  return {
    exact: raw.epsilonUnits === 0,
    epsilon: raw.epsilonUnits / (100 * UNITS_PER_POINT),
    requestedEpsilon,
    size: raw.count,
    utilitiesAt: (i) => Array.from(raw.coords.subarray(i * d, i * d + d), toPoints),
    unitsAt: (i) => raw.coords.slice(i * d, i * d + d),
    packageAt: (i) => packageAt(raw.steps, i),
    raw,
  };
}

/**
 * Computes the frontier of a compiled domain. Exact by default while it fits in `maxPoints`;
 * otherwise, or when ε is requested, an ε-approximation whose ε is stated in the result (the
 * merge coarsens in flight — from the fallback ε, or by doubling the requested one — whenever a
 * step would outgrow `maxPoints`). Throws DomainError('RULE_VIOLATION') for an invalid ε, or when
 * ε = 0 (exact required) and the exact frontier does not fit.
 */
export function frontierOf(compiled: CompiledDomain, options: FrontierOptions = {}): Frontier {
  const maxPoints = options.maxPoints ?? DEFAULT_MAX_FRONTIER_POINTS;
  const requested = options.epsilon;
  if (
    requested !== undefined &&
    (!Number.isFinite(requested) || requested < 0 || requested > MAX_EPSILON)
  )
    throw new DomainError('RULE_VIOLATION', `epsilon must be a number from 0 to ${MAX_EPSILON}`);
  if (!Number.isInteger(maxPoints) || maxPoints < 1)
    throw new DomainError('RULE_VIOLATION', 'maxPoints must be a positive integer');
  if (requested === 0) {
    const exact = exactParetoSum(compiled, maxPoints);
    if (exact === null)
      throw new DomainError(
        'RULE_VIOLATION',
        `the exact frontier has more than ${maxPoints} points; ask for an approximation`,
      );
    return wrap(exact, 0);
  }
  const result = paretoSum(compiled, {
    epsilonUnits: (requested ?? 0) * 100 * UNITS_PER_POINT,
    maxPoints,
    onOverflow: 'coarsen',
    fallbackUnits: FALLBACK_EPSILON * 100 * UNITS_PER_POINT,
  });
  return wrap(result ?? unreachable(), requested ?? null);
}

function unreachable(): never {
  throw new Error('unreachable: a coarsening merge always returns a set');
}

/** Validates and compiles `domain`, then computes its frontier (see `frontierOf`). */
export function paretoFrontier(domain: Domain, options: FrontierOptions = {}): Frontier {
  return frontierOf(compileDomain(domain), options);
}
