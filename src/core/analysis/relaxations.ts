/**
 * Upper bounds for branch-and-bound that decompose per issue (internal). Each is derived from a
 * weighting λ of the parties: the best package for Σ λ_p u_p is found issue by issue, and duality
 * turns it into a bound on the real, non-linear objective:
 *
 * - max-min (egalitarian, Kalai–Smorodinsky, improvements): min_p h_p ≤ Σ λ_p h_p for λ in the
 *   simplex; λ is tuned by multiplicative weights (the minimising player of the zero-sum game).
 * - Nash: log g ≤ log a − 1 + g/a for any a > 0 (the tangent of the logarithm), so
 *   Σ log g_p ≤ Σ (log a_p − 1) + Σ g_p/a_p; a is moved towards the optimum of the convex
 *   relaxation by Frank–Wolfe steps.
 * - a constrained maximum (a party's ideal level subject to everyone's reservation):
 *   u_q ≤ u_q + Σ μ_p (u_p − r_p) for μ ≥ 0 on the feasible set; μ by projected subgradient.
 *
 * Any λ gives a valid bound; better λ only prune more. The handful of best weightings found is
 * handed to the search.
 */
import { UNITS_PER_POINT, type CompiledDomain } from './domain.js';
import type { LinearBound } from './branch-and-bound.js';

/** Utilities (micro-points) of the package that maximises Σ weights_p u_p, chosen issue by issue. */
export function bestResponse(compiled: CompiledDomain, weights: Float64Array): Float64Array {
  const d = compiled.partyCount;
  const u = new Float64Array(d);
  for (let i = 0; i < compiled.issueCount; i++) {
    const c = compiled.contributions[i] ?? new Float64Array(0);
    const m = compiled.optionCounts[i] ?? 0;
    let best = 0;
    let bestScore = -Infinity;
    for (let o = 0; o < m; o++) {
      let s = 0;
      for (let p = 0; p < d; p++) s += (weights[p] ?? 0) * (c[o * d + p] ?? 0);
      if (s > bestScore) {
        bestScore = s;
        best = o;
      }
    }
    for (let p = 0; p < d; p++) u[p] = (u[p] ?? 0) + (c[best * d + p] ?? 0);
  }
  return u;
}

/** Per party, the spread between its best and worst possible utility (micro-points, at least 1). */
function spans(compiled: CompiledDomain): Float64Array {
  const d = compiled.partyCount;
  const out = new Float64Array(d);
  for (let p = 0; p < d; p++) {
    let s = 0;
    for (let i = 0; i < compiled.issueCount; i++) {
      const c = compiled.contributions[i] ?? new Float64Array(0);
      const m = compiled.optionCounts[i] ?? 0;
      let mn = Infinity;
      let mx = -Infinity;
      for (let o = 0; o < m; o++) {
        const v = c[o * d + p] ?? 0;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      s += mx - mn;
    }
    out[p] = Math.max(1, s);
  }
  return out;
}

/** Keeps the `count` weightings with the smallest bound value. */
function keepBest(found: { bound: LinearBound; value: number }[], count: number): LinearBound[] {
  return found
    .filter((f) => Number.isFinite(f.value))
    .sort((a, b) => a.value - b.value)
    .slice(0, count)
    .map((f) => f.bound);
}

const ITERATIONS = 120;
const KEEP = 4;

/**
 * Bounds for max_x min_{p ∈ parties} scale_p · (u_p(x) − base_p): λ over the listed parties by
 * multiplicative weights. Returns the bounds (best first); the first one's weights make a good guide.
 */
export function maxMinRelaxations(
  compiled: CompiledDomain,
  problem: { parties: readonly number[]; scale: Float64Array; base: Float64Array },
): LinearBound[] {
  const d = compiled.partyCount;
  const { parties, scale, base } = problem;
  if (parties.length === 0) return [];
  const span = spans(compiled);
  let range = 0;
  for (const p of parties) range = Math.max(range, (scale[p] ?? 0) * (span[p] ?? 1));
  if (range <= 0) range = 1;
  const lambda = new Float64Array(d);
  for (const p of parties) lambda[p] = 1 / parties.length;
  const found: { bound: LinearBound; value: number }[] = [];
  for (let t = 1; t <= ITERATIONS; t++) {
    const weights = new Float64Array(d);
    let constant = 0;
    for (const p of parties) {
      weights[p] = (lambda[p] ?? 0) * (scale[p] ?? 0);
      constant -= (weights[p] ?? 0) * (base[p] ?? 0);
    }
    const u = bestResponse(compiled, weights);
    let value = constant;
    for (let p = 0; p < d; p++) value += (weights[p] ?? 0) * (u[p] ?? 0);
    found.push({ bound: { weights, constant }, value });
    // Shift weight towards the parties the current weighting serves worst.
    const eta = 4 / Math.sqrt(t);
    let sum = 0;
    for (const p of parties) {
      const h = (scale[p] ?? 0) * ((u[p] ?? 0) - (base[p] ?? 0));
      lambda[p] = Math.max(1e-12, (lambda[p] ?? 0) * Math.exp((-eta * h) / range));
      sum += lambda[p] ?? 0;
    }
    for (const p of parties) lambda[p] = (lambda[p] ?? 0) / sum;
  }
  return keepBest(found, KEEP);
}

/**
 * Bounds for the Nash product Π_{p ∈ parties} (u_p − r_p)/UNITS_PER_POINT, as logarithms: the
 * search applies exp. Tangent points a by Frank–Wolfe on the convex relaxation.
 */
export function nashRelaxations(
  compiled: CompiledDomain,
  problem: { parties: readonly number[]; reservation: Float64Array; start: Float64Array },
): LinearBound[] {
  const d = compiled.partyCount;
  const { parties, reservation } = problem;
  if (parties.length === 0) return [];
  const span = spans(compiled);
  const floor = (p: number): number => Math.max(1, (span[p] ?? 1) * 1e-4);
  const a = new Float64Array(d);
  for (const p of parties)
    a[p] = Math.max(floor(p), (problem.start[p] ?? 0) - (reservation[p] ?? 0));
  const found: { bound: LinearBound; value: number }[] = [];
  for (let t = 0; t < ITERATIONS; t++) {
    const weights = new Float64Array(d);
    let constant = 0;
    for (const p of parties) {
      const ap = a[p] ?? 1;
      weights[p] = 1 / ap;
      constant += Math.log(ap / UNITS_PER_POINT) - 1 - (reservation[p] ?? 0) / ap;
    }
    const u = bestResponse(compiled, weights);
    let value = constant;
    for (let p = 0; p < d; p++) value += (weights[p] ?? 0) * (u[p] ?? 0);
    found.push({ bound: { weights, constant }, value });
    const gamma = 2 / (t + 3);
    for (const p of parties) {
      const g = (u[p] ?? 0) - (reservation[p] ?? 0);
      a[p] = Math.max(floor(p), (1 - gamma) * (a[p] ?? 1) + gamma * g);
    }
  }
  return keepBest(found, KEEP);
}

/** Bounds for max u_q subject to u_p ≥ lower_p for every p (Lagrangian, projected subgradient). */
export function constrainedMaxRelaxations(
  compiled: CompiledDomain,
  problem: { party: number; lower: Float64Array },
): LinearBound[] {
  const d = compiled.partyCount;
  const { party, lower } = problem;
  const span = spans(compiled);
  const mu = new Float64Array(d);
  const found: { bound: LinearBound; value: number }[] = [];
  for (let t = 1; t <= ITERATIONS; t++) {
    const weights = new Float64Array(d);
    let constant = 0;
    for (let p = 0; p < d; p++) {
      weights[p] = (mu[p] ?? 0) + (p === party ? 1 : 0);
      constant -= (mu[p] ?? 0) * (lower[p] ?? 0);
    }
    const u = bestResponse(compiled, weights);
    let value = constant;
    for (let p = 0; p < d; p++) value += (weights[p] ?? 0) * (u[p] ?? 0);
    found.push({ bound: { weights, constant }, value });
    let violated = false;
    for (let p = 0; p < d; p++) {
      const g = (u[p] ?? 0) - (lower[p] ?? 0);
      if (g < 0) violated = true;
      mu[p] = Math.max(0, (mu[p] ?? 0) - ((2 / Math.sqrt(t)) * g) / (span[p] ?? 1));
    }
    if (!violated && t > 1) break;
  }
  return keepBest(found, KEEP);
}
