/**
 * The Pareto-sum merge: the engine's frontier algorithm (internal; `frontier.ts` is the public face).
 *
 * Utilities are additive, so a package is Pareto-optimal only if each of its parts is optimal
 * within its own issues. The frontier of issues 1..t is therefore the Pareto-filtered Minkowski sum
 * of the frontier of issues 1..t−1 with the Pareto set of issue t's options. Each point keeps a
 * back-pointer (its predecessor point and the option chosen at this issue) so that any frontier
 * point can be turned back into its package.
 *
 * Ties: among packages with identical utility vectors the one kept is the lexicographically
 * smallest by option indices in issue order. The merge keeps, for every point, its rank in that
 * order among the current points, so ties are settled in O(1) per comparison. (An ε-run of three
 * or more parties merges the issues in another order, see below; its representatives are then
 * deterministic but not necessarily the smallest, as documented for every ε-frontier.)
 *
 * Two parties: the merge of the sorted frontier with the m option vectors is an m-way merge of m
 * sorted lists by (u₀ desc, u₁ desc, tie) followed by a linear sweep that keeps a point when its u₁
 * beats every earlier u₁; dominated runs of a list are skipped by binary search.
 *
 * Three or more parties: all |F|·m sums are formed and filtered with a k-d tree dominance index
 * (`dominance-index.ts`).
 *
 * ε-approximation: each kept point q carries an error vector e_q with the invariant "every prefix
 * package that q stands for has utilities ≤ q + e_q". A point p may be dropped in favour of q
 * only when p + e_p ≤ q + budget in every coordinate; q's error then grows to cover p. The budget
 * is 0 while the sets are small (those steps are exact), then grows linearly to reach ε at the
 * last merge, so every true frontier point p ends up with a returned point q ≥ p − ε. Two
 * parties: a greedy sweep along the sorted frontier (optimal on a staircase when no error is
 * carried yet). More parties: a greedy cover by decreasing utility sum that absorbs each point
 * into the kept point whose error grows least (`epsilon-cover.ts`), with the issues merged by
 * increasing spread (`bySpread`). When a step outgrows the cap the budget coarsens in flight (see
 * `Budget`), so a run never starts over.
 */
import type { CompiledDomain } from './domain.js';
import { DominanceIndex } from './dominance-index.js';
import { greedyCover } from './epsilon-cover.js';

/** The back-pointers of one merge step, in the order of that step's points. */
export interface BackPointers {
  /** The issue this step merged (steps may merge the issues in another order than the agenda's). */
  readonly issue: number;
  /** For each point, the index of its predecessor among the previous step's points. */
  readonly parent: Int32Array;
  /** For each point, the option index chosen for this step's issue. */
  readonly option: Int32Array;
}

/** A Pareto set of packages with the trail that reconstructs each package. */
export interface ParetoSumResult {
  /** Number of points. */
  readonly count: number;
  /** Number of parties. */
  readonly dim: number;
  /** Utilities in micro-points, point-major (`coords[i * dim + p]`), sorted lexicographically descending. */
  readonly coords: Float64Array;
  /** One entry per issue, in merge order (see `BackPointers.issue`); the last one is aligned with `coords`. */
  readonly steps: readonly BackPointers[];
  /** The guaranteed additive error per coordinate (micro-points); 0 when the set is exact. */
  readonly epsilonUnits: number;
}

/** How to run the merge. */
export interface ParetoSumOptions {
  /** Additive error allowed per coordinate at the end, in micro-points; 0 computes the exact set. */
  readonly epsilonUnits: number;
  /** Largest number of points a step may keep. */
  readonly maxPoints: number;
  /**
   * What to do when a step outgrows `maxPoints`: give up (return null), or coarsen — double ε, or
   * switch an exact run to `fallbackUnits` — and go on.
   */
  readonly onOverflow: 'fail' | 'coarsen';
  /** The ε (micro-points) an exact run switches to when it coarsens. */
  readonly fallbackUnits: number;
}

/** The Pareto set of one issue's option vectors: options that no other option of the issue dominates. */
interface IssueSet {
  /** Number of kept options. */
  readonly count: number;
  /** Their contribution vectors, option-major. */
  readonly vectors: Float64Array;
  /** Their option indices in the issue. */
  readonly options: Int32Array;
  /** Number of options of the issue (for tie keys). */
  readonly optionCount: number;
}

/**
 * The Pareto set of issue `i`: options weakly dominated by another are dropped, and of options
 * with identical vectors only the smallest index is kept. Sorted by option index.
 */
export function issueParetoSet(compiled: CompiledDomain, i: number): IssueSet {
  const d = compiled.partyCount;
  const m = compiled.optionCounts[i] ?? 0;
  const c = compiled.contributions[i] ?? new Float64Array(0);
  const kept: number[] = [];
  for (let o = 0; o < m; o++) {
    let dominated = false;
    for (let q = 0; q < m && !dominated; q++) {
      if (q === o) continue;
      let weakly = true;
      let strictly = false;
      for (let p = 0; p < d; p++) {
        const a = c[q * d + p] ?? 0;
        const b = c[o * d + p] ?? 0;
        if (a < b) {
          weakly = false;
          break;
        }
        if (a > b) strictly = true;
      }
      if (weakly && (strictly || q < o)) dominated = true;
    }
    if (!dominated) kept.push(o);
  }
  const vectors = new Float64Array(kept.length * d);
  kept.forEach((o, k) => {
    for (let p = 0; p < d; p++) vectors[k * d + p] = c[o * d + p] ?? 0;
  });
  return { count: kept.length, vectors, options: Int32Array.from(kept), optionCount: m };
}

/** Ranks points by (predecessor rank, option index): their packages' lexicographic order. */
function lexRanks(
  prevRank: Int32Array,
  parent: Int32Array,
  option: Int32Array,
  m: number,
): Int32Array {
  const n = parent.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = ((prevRank[parent[i] ?? 0] ?? 0) * m + (option[i] ?? 0)) * n + i;
  }
  keys.sort();
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[(keys[r] ?? 0) % n] = r;
  return rank;
}

/** The exact set, or null when a step exceeds `maxPoints`. */
export function exactParetoSum(
  compiled: CompiledDomain,
  maxPoints: number,
): ParetoSumResult | null {
  return paretoSum(compiled, { epsilonUnits: 0, maxPoints, onOverflow: 'fail', fallbackUnits: 0 });
}

/** Runs the merge over all issues; null when a step exceeds `maxPoints` and `onOverflow` is 'fail'. */
export function paretoSum(
  compiled: CompiledDomain,
  options: ParetoSumOptions,
): ParetoSumResult | null {
  return compiled.partyCount === 2 ? paretoSum2(compiled, options) : paretoSumN(compiled, options);
}

/**
 * The error budget per step. Thinning starts lazily, at the first step whose set outgrows the
 * lazy size (or at the last step); from then on the budget grows linearly to reach ε at the last
 * merge. Before it starts, the steps are exact and carry no error. When a step outgrows the cap,
 * `coarsen` doubles ε (or starts at the fallback ε if the run was exact so far) and the budget
 * grows from the level already reached to the new ε: earlier errors stay within it, so the
 * guarantee holds for the final ε without starting over.
 */
class Budget {
  private start: number | null = null;
  private base = 0;

  constructor(
    private epsilon: number,
    private readonly steps: number,
    private readonly lazyPoints: number,
  ) {}

  /** The ε the run guarantees so far (micro-points); 0 while it is exact. */
  get guaranteed(): number {
    return this.start === null ? 0 : this.epsilon;
  }

  /** Whether points may carry error (an ε is set). */
  get approximate(): boolean {
    return this.epsilon > 0;
  }

  /** The budget for step t (0-based), given the size of its set before thinning. */
  at(t: number, size: number): number {
    if (this.epsilon <= 0) return 0;
    if (this.start === null && (size > this.lazyPoints || t === this.steps - 1)) this.start = t;
    if (this.start === null) return 0;
    return (
      this.base + ((this.epsilon - this.base) * (t - this.start + 1)) / (this.steps - this.start)
    );
  }

  /** Coarsens from step t on (see the class comment). */
  coarsen(t: number, fallback: number): void {
    const reached = this.start === null || t <= this.start ? this.base : this.at(t - 1, 0);
    this.epsilon = this.epsilon > 0 ? 2 * this.epsilon : fallback;
    this.base = reached;
    this.start = t;
  }
}

/** Sets up to this size are merged exactly even when an approximation is asked for. */
const LAZY_POINTS_2 = 20_000;
const LAZY_POINTS_N = 2_000;

// ---------------------------------------------------------------------------------------------
// Two parties

interface State2 {
  u0: Float64Array;
  u1: Float64Array;
  e0: Float64Array | null;
  e1: Float64Array | null;
  rank: Int32Array;
}

function paretoSum2(compiled: CompiledDomain, options: ParetoSumOptions): ParetoSumResult | null {
  let state: State2 = {
    u0: new Float64Array(1),
    u1: new Float64Array(1),
    e0: null,
    e1: null,
    rank: new Int32Array(1),
  };
  const steps: BackPointers[] = [];
  const n = compiled.issueCount;
  const budget = new Budget(options.epsilonUnits, n, LAZY_POINTS_2);
  for (let t = 0; t < n; t++) {
    const set = issueParetoSet(compiled, t);
    for (;;) {
      // Until thinning starts the points carry no error and the exact merge (with its skips) runs.
      // Exact: give up as soon as the step outgrows the cap. ε: the cap applies after thinning.
      const merged = merge2(state, set, t, budget.approximate ? Infinity : options.maxPoints);
      if (merged !== null) {
        let { next, back } = merged;
        const allowance = budget.at(t, next.u0.length);
        if (allowance > 0 || next.e0 !== null) ({ next, back } = thin2(next, back, allowance));
        if (next.u0.length <= options.maxPoints) {
          next.rank = lexRanks(state.rank, back.parent, back.option, set.optionCount);
          steps.push(back);
          state = next;
          break;
        }
      }
      if (options.onOverflow === 'fail') return null;
      budget.coarsen(t, options.fallbackUnits);
    }
  }
  const count = state.u0.length;
  const coords = new Float64Array(count * 2);
  for (let i = 0; i < count; i++) {
    coords[2 * i] = state.u0[i] ?? 0;
    coords[2 * i + 1] = state.u1[i] ?? 0;
  }
  return { count, dim: 2, coords, steps, epsilonUnits: budget.guaranteed };
}

/** One two-party merge step: m-way merge by (u₀ desc, u₁ desc, tie) and a sweep on u₁. */
function merge2(
  state: State2,
  set: IssueSet,
  issue: number,
  maxPoints: number,
): { next: State2; back: BackPointers } | null {
  const { u0, u1, e0, e1, rank } = state;
  const k = u0.length;
  const s = set.count;
  const x = new Float64Array(s);
  const y = new Float64Array(s);
  for (let j = 0; j < s; j++) {
    x[j] = set.vectors[2 * j] ?? 0;
    y[j] = set.vectors[2 * j + 1] ?? 0;
  }
  const opt = set.options;
  const capacity = Math.min(k * s, maxPoints + 1);
  const o0 = new Float64Array(capacity);
  const o1 = new Float64Array(capacity);
  const oe0 = e0 === null ? null : new Float64Array(capacity);
  const oe1 = e1 === null ? null : new Float64Array(capacity);
  const parent = new Int32Array(capacity);
  const option = new Int32Array(capacity);
  let out = 0;

  const head = new Int32Array(s);
  const heap = new Int32Array(s);
  let size = s;
  for (let j = 0; j < s; j++) heap[j] = j;
  // a precedes b when its head comes first in (u₀ desc, u₁ desc, package order).
  const before = (a: number, b: number): boolean => {
    const ha = head[a] ?? 0;
    const hb = head[b] ?? 0;
    const a0 = (u0[ha] ?? 0) + (x[a] ?? 0);
    const b0 = (u0[hb] ?? 0) + (x[b] ?? 0);
    if (a0 !== b0) return a0 > b0;
    const a1 = (u1[ha] ?? 0) + (y[a] ?? 0);
    const b1 = (u1[hb] ?? 0) + (y[b] ?? 0);
    if (a1 !== b1) return a1 > b1;
    const ra = rank[ha] ?? 0;
    const rb = rank[hb] ?? 0;
    if (ra !== rb) return ra < rb;
    return (opt[a] ?? 0) < (opt[b] ?? 0);
  };
  const siftDown = (from: number): void => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) return;
      const r = l + 1;
      let c = l;
      if (r < size && before(heap[r] ?? 0, heap[l] ?? 0)) c = r;
      if (!before(heap[c] ?? 0, heap[i] ?? 0)) return;
      const t = heap[i] ?? 0;
      heap[i] = heap[c] ?? 0;
      heap[c] = t;
      i = c;
    }
  };
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i);

  let best = -Infinity;
  while (size > 0) {
    const j = heap[0] ?? 0;
    let h = head[j] ?? 0;
    const v1 = (u1[h] ?? 0) + (y[j] ?? 0);
    if (v1 > best) {
      if (out >= maxPoints) return null;
      o0[out] = (u0[h] ?? 0) + (x[j] ?? 0);
      o1[out] = v1;
      if (oe0 !== null && oe1 !== null && e0 !== null && e1 !== null) {
        oe0[out] = e0[h] ?? 0;
        oe1[out] = e1[h] ?? 0;
      }
      parent[out] = h;
      option[out] = opt[j] ?? 0;
      out++;
      best = v1;
      h++;
    } else if (oe0 !== null && oe1 !== null && e0 !== null && e1 !== null) {
      // Dominated by the last kept point (largest u₁ so far, u₀ no smaller): push its error there.
      const last = out - 1;
      const need0 = (u0[h] ?? 0) + (x[j] ?? 0) + (e0[h] ?? 0) - (o0[last] ?? 0);
      const need1 = v1 + (e1[h] ?? 0) - (o1[last] ?? 0);
      if (need0 > (oe0[last] ?? 0)) oe0[last] = need0;
      if (need1 > (oe1[last] ?? 0)) oe1[last] = need1;
      h++;
    } else {
      // Exact: every point of this list with u₁ ≤ best is dominated; jump past them.
      const limit = best - (y[j] ?? 0);
      let lo = h + 1;
      let hi = k;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((u1[mid] ?? 0) > limit) hi = mid;
        else lo = mid + 1;
      }
      h = lo;
    }
    head[j] = h;
    if (h >= k) {
      size--;
      heap[0] = heap[size] ?? 0;
    }
    siftDown(0);
  }
  return {
    next: {
      u0: o0.slice(0, out),
      u1: o1.slice(0, out),
      e0: oe0 === null ? null : oe0.slice(0, out),
      e1: oe1 === null ? null : oe1.slice(0, out),
      rank: new Int32Array(0),
    },
    back: { issue, parent: parent.slice(0, out), option: option.slice(0, out) },
  };
}

/**
 * Thinning along the sorted two-party frontier within the error budget. A point p can stand in
 * for a point r when r + e_r ≤ p + budget in both coordinates. Greedy from the first point not
 * yet covered: the keeper is the farthest point that still covers every point before it, and
 * it then covers the following points as far as it can (optimal on a staircase when errors are 0).
 */
function thin2(
  state: State2,
  back: BackPointers,
  budget: number,
): { next: State2; back: BackPointers } {
  const { u0, u1 } = state;
  const e0 = state.e0 ?? new Float64Array(u0.length);
  const e1 = state.e1 ?? new Float64Array(u0.length);
  const k = u0.length;
  if (budget <= 0) return { next: { ...state, e0, e1 }, back };
  const keep = new Int32Array(k);
  let kept = 0;
  const need0 = (r: number): number => (u0[r] ?? 0) + (e0[r] ?? 0) - budget;
  const need1 = (r: number): number => (u1[r] ?? 0) + (e1[r] ?? 0) - budget;
  const cover = (q: number, r: number): void => {
    const a = (u0[r] ?? 0) + (e0[r] ?? 0) - (u0[q] ?? 0);
    const b = (u1[r] ?? 0) + (e1[r] ?? 0) - (u1[q] ?? 0);
    if (a > (e0[q] ?? 0)) e0[q] = a;
    if (b > (e1[q] ?? 0)) e1[q] = b;
  };
  let i = 0;
  while (i < k) {
    // Choose the keeper: advance while the candidate still covers points i..j-1.
    let j = i;
    let max0 = need0(i);
    let max1 = need1(i);
    while (j + 1 < k) {
      const c = j + 1;
      if ((u0[c] ?? 0) < Math.max(max0, need0(c)) || (u1[c] ?? 0) < Math.max(max1, need1(c))) break;
      j = c;
      max0 = Math.max(max0, need0(c));
      max1 = Math.max(max1, need1(c));
    }
    for (let r = i; r < j; r++) cover(j, r);
    let next = j + 1;
    while (next < k && (u0[j] ?? 0) >= need0(next) && (u1[j] ?? 0) >= need1(next)) {
      cover(j, next);
      next++;
    }
    keep[kept++] = j;
    i = next;
  }
  const pick = (a: Float64Array): Float64Array => {
    const r = new Float64Array(kept);
    for (let t = 0; t < kept; t++) r[t] = a[keep[t] ?? 0] ?? 0;
    return r;
  };
  const pickInt = (a: Int32Array): Int32Array => {
    const r = new Int32Array(kept);
    for (let t = 0; t < kept; t++) r[t] = a[keep[t] ?? 0] ?? 0;
    return r;
  };
  return {
    next: { u0: pick(u0), u1: pick(u1), e0: pick(e0), e1: pick(e1), rank: new Int32Array(0) },
    back: { issue: back.issue, parent: pickInt(back.parent), option: pickInt(back.option) },
  };
}

// ---------------------------------------------------------------------------------------------
// Three or more parties

interface StateN {
  count: number;
  coords: Float64Array;
  errors: Float64Array | null;
  rank: Int32Array;
}

function paretoSumN(compiled: CompiledDomain, options: ParetoSumOptions): ParetoSumResult | null {
  const d = compiled.partyCount;
  let state: StateN = {
    count: 1,
    coords: new Float64Array(d),
    errors: null,
    rank: new Int32Array(1),
  };
  const steps: BackPointers[] = [];
  const n = compiled.issueCount;
  const budget = new Budget(options.epsilonUnits, n, LAZY_POINTS_N);
  const sets = Array.from({ length: n }, (_, i) => issueParetoSet(compiled, i));
  // An exact run keeps the agenda order: its tie rule (lexicographically smallest package) is
  // built up issue by issue in that order.
  const merging = options.epsilonUnits > 0 ? bySpread(sets, d) : sets.map((_, i) => i);
  for (let t = 0; t < n; t++) {
    const issue = merging[t] ?? 0;
    const set = sets[issue] ?? issueParetoSet(compiled, issue);
    for (;;) {
      // Until thinning starts the points carry no error and the exact filter runs.
      const allowance = budget.at(t, state.count * set.count);
      if (allowance > 0 && state.errors === null)
        state = { ...state, errors: new Float64Array(state.count * d) };
      const merged = mergeN(state, set, {
        issue,
        dim: d,
        budget: allowance,
        maxPoints: options.maxPoints,
        last: t === n - 1,
      });
      if (merged !== null) {
        steps.push(merged.back);
        state = merged.next;
        break;
      }
      if (options.onOverflow === 'fail') return null;
      budget.coarsen(t, options.fallbackUnits);
    }
  }
  // Canonical order: lexicographically descending utility vectors.
  const { count, coords } = state;
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) => {
    for (let p = 0; p < d; p++) {
      const diff = (coords[b * d + p] ?? 0) - (coords[a * d + p] ?? 0);
      if (diff !== 0) return diff;
    }
    return 0;
  });
  const sorted = new Float64Array(count * d);
  const last = steps[steps.length - 1];
  const parent = new Int32Array(count);
  const option = new Int32Array(count);
  order.forEach((src, dst) => {
    for (let p = 0; p < d; p++) sorted[dst * d + p] = coords[src * d + p] ?? 0;
    parent[dst] = last?.parent[src] ?? 0;
    option[dst] = last?.option[src] ?? 0;
  });
  if (last !== undefined) steps[steps.length - 1] = { issue: last.issue, parent, option };
  return { count, dim: d, coords: sorted, steps, epsilonUnits: budget.guaranteed };
}

/**
 * The order in which an ε-run merges the issues: by increasing spread (the sum over parties of the
 * range of the issue's contributions), ties by agenda order. The sets stay small while the merges
 * are exact or nearly so, and the issues that move the utilities most come last, when the error
 * budget is largest. On the five-party, 20-issue benchmark domains this merges in about two
 * thirds of the time of the agenda order and ends with fewer points (measured; bench/RESULTS.md).
 */
function bySpread(sets: readonly IssueSet[], d: number): number[] {
  const spread = sets.map((set) => {
    let total = 0;
    for (let p = 0; p < d; p++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let j = 0; j < set.count; j++) {
        const v = set.vectors[j * d + p] ?? 0;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      total += hi - lo;
    }
    return total;
  });
  return sets.map((_, i) => i).sort((a, b) => (spread[a] ?? 0) - (spread[b] ?? 0) || a - b);
}

/**
 * One merge step for three or more parties: every sum of a current point and an option of the
 * issue (candidate c = a·s + j for point a and the issue's j-th undominated option), filtered
 * exactly or thinned within the step's error budget.
 */
function mergeN(
  state: StateN,
  set: IssueSet,
  step: { issue: number; dim: number; budget: number; maxPoints: number; last: boolean },
): { next: StateN; back: BackPointers } | null {
  const d = step.dim;
  const { count: k, coords: f, errors: fe } = state;
  const s = set.count;
  const x = set.vectors;
  const total = k * s;
  let kept: Int32Array | null;
  let keptErrors: Float64Array | null = null;
  if (fe === null) {
    const coords = new Float64Array(total * d);
    const tieKey = new Float64Array(total);
    for (let a = 0; a < k; a++) {
      const ra = (state.rank[a] ?? 0) * set.optionCount;
      for (let j = 0; j < s; j++) {
        const c = a * s + j;
        for (let p = 0; p < d; p++) coords[c * d + p] = (f[a * d + p] ?? 0) + (x[j * d + p] ?? 0);
        tieKey[c] = ra + (set.options[j] ?? 0);
      }
    }
    const index = new DominanceIndex({ coords, count: total, dim: d, tieKey });
    kept = undominated(index, total, step.maxPoints);
  } else {
    // Utilities and errors as 32-bit integers (see kd-tree.ts), and the utility sums.
    const coords = new Int32Array(total * d);
    const errors = new Int32Array(total * d);
    const sums = new Float64Array(total);
    for (let a = 0; a < k; a++) {
      for (let j = 0; j < s; j++) {
        const c = a * s + j;
        let sum = 0;
        for (let p = 0; p < d; p++) {
          const v = (f[a * d + p] ?? 0) + (x[j * d + p] ?? 0);
          coords[c * d + p] = v;
          errors[c * d + p] = fe[a * d + p] ?? 0;
          sum += v;
        }
        sums[c] = sum;
      }
    }
    const cover = greedyCover({
      coords,
      errors,
      count: total,
      dim: d,
      order: byDescendingSum(sums),
      budget: step.budget,
      maxPoints: step.maxPoints,
      carry: !step.last,
    });
    kept = cover === null ? null : cover.kept;
    keptErrors = cover === null ? null : cover.errors;
  }
  if (kept === null) return null;

  const survivors = kept.length;
  const outCoords = new Float64Array(survivors * d);
  const outParent = new Int32Array(survivors);
  const outOption = new Int32Array(survivors);
  for (let r = 0; r < survivors; r++) {
    const c = kept[r] ?? 0;
    const a = Math.floor(c / s);
    const j = c - a * s;
    for (let p = 0; p < d; p++) outCoords[r * d + p] = (f[a * d + p] ?? 0) + (x[j * d + p] ?? 0);
    outParent[r] = a;
    outOption[r] = set.options[j] ?? 0;
  }
  return {
    next: {
      count: survivors,
      coords: outCoords,
      errors: keptErrors,
      rank: lexRanks(state.rank, outParent, outOption, set.optionCount),
    },
    back: { issue: step.issue, parent: outParent, option: outOption },
  };
}

/** Exact: the candidates no other candidate weakly dominates (ties by tie key); null past the cap. */
function undominated(index: DominanceIndex, total: number, maxPoints: number): Int32Array | null {
  const keep = new Int32Array(total);
  let kept = 0;
  for (let i = 0; i < total; i++) {
    if (index.findDominator(i) >= 0) continue;
    if (kept >= maxPoints) return null;
    keep[kept++] = i;
  }
  return keep.slice(0, kept);
}

/**
 * Candidate indices by utility sum descending, ties by index (which follows the predecessor's
 * storage order and the option order: deterministic). Sums are integers; when sum and index pack
 * exactly into one double the native numeric sort does it.
 */
function byDescendingSum(sums: Float64Array): Int32Array {
  const n = sums.length;
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, sums[i] ?? 0);
  if ((max + 1) * n < Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = (max - (sums[i] ?? 0)) * n + i;
    keys.sort();
    const order = new Int32Array(n);
    for (let r = 0; r < n; r++) order[r] = (keys[r] ?? 0) % n;
    return order;
  }
  return Int32Array.from(
    Array.from({ length: n }, (_, i) => i).sort((a, b) => (sums[b] ?? 0) - (sums[a] ?? 0) || a - b),
  );
}

/** Reconstructs the package of point `index` of the last step by walking the back-pointers. */
export function packageAt(steps: readonly BackPointers[], index: number): number[] {
  const pkg = new Array<number>(steps.length).fill(0);
  let j = index;
  for (let t = steps.length - 1; t >= 0; t--) {
    const step = steps[t];
    if (step === undefined) break;
    pkg[step.issue] = step.option[j] ?? 0;
    j = step.parent[j] ?? 0;
  }
  return pkg;
}
