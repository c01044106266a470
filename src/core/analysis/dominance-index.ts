/**
 * A static k-d tree over a set of utility vectors that answers "is this point weakly dominated by
 * another point of the set?" — the dominance filter of the Pareto-sum merge for three or more
 * parties. The naive filter compares every pair (O(k²)); the tree prunes every subtree whose
 * bounding box's upper corner does not reach the query point, so a query visits a small part of
 * the tree (about a hundred nodes on five-party frontiers of 10⁵ points in our measurements).
 * Build is O(k log k) by median splits on the widest coordinate.
 *
 * The same tree also serves the ε-approximation's greedy cover: points are "activated" one by one
 * as they are chosen to stay, and a query asks for an active point at least as high as a target
 * vector in every coordinate. Each node then also keeps the upper corner of its active points.
 */

const LEAF_SIZE = 8;

/** Points with a tie order: among equal vectors exactly one is undominated, the one with the smallest tie key. */
export interface PointSet {
  /** Flattened coordinates, point-major: `coords[i * dim + k]`. */
  readonly coords: Float64Array;
  /** Number of points. */
  readonly count: number;
  /** Number of coordinates per point. */
  readonly dim: number;
  /** Unique tie key per point: among identical vectors, the smallest key survives. */
  readonly tieKey: Float64Array;
}

/** The k-d tree; build once per point set, query once per point. */
export class DominanceIndex {
  private readonly perm: Int32Array;
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly upper: Float64Array;
  private stack: Int32Array;
  private nodeCount = 0;
  private readonly parentOf: Int32Array;
  private readonly leafOf: Int32Array;
  private activeUpper: Float64Array | null = null;
  private active: Uint8Array | null = null;

  /** Builds the tree over `points` (the arrays are read, never written). */
  constructor(private readonly points: PointSet) {
    const n = points.count;
    const d = points.dim;
    this.perm = new Int32Array(n);
    for (let i = 0; i < n; i++) this.perm[i] = i;
    const maxNodes = Math.max(1, 2 * Math.ceil(n / (LEAF_SIZE / 2)) + 1);
    this.lo = new Int32Array(maxNodes);
    this.hi = new Int32Array(maxNodes);
    this.left = new Int32Array(maxNodes).fill(-1);
    this.right = new Int32Array(maxNodes).fill(-1);
    this.upper = new Float64Array(maxNodes * d);
    this.stack = new Int32Array(256);
    this.parentOf = new Int32Array(maxNodes).fill(-1);
    this.leafOf = new Int32Array(n);
    if (n > 0) this.build(0, n, -1);
  }

  private build(from: number, to: number, parent: number): number {
    const { coords, dim } = this.points;
    const id = this.nodeCount++;
    this.lo[id] = from;
    this.hi[id] = to;
    this.parentOf[id] = parent;
    let widest = 0;
    let widestSpan = -1;
    for (let k = 0; k < dim; k++) {
      let mn = Infinity;
      let mx = -Infinity;
      for (let t = from; t < to; t++) {
        const v = coords[(this.perm[t] ?? 0) * dim + k] ?? 0;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      this.upper[id * dim + k] = mx;
      if (mx - mn > widestSpan) {
        widestSpan = mx - mn;
        widest = k;
      }
    }
    if (to - from > LEAF_SIZE && widestSpan > 0) {
      const mid = (from + to) >> 1;
      this.select(from, to - 1, mid, widest);
      this.left[id] = this.build(from, mid, id);
      this.right[id] = this.build(mid, to, id);
    } else {
      for (let t = from; t < to; t++) this.leafOf[this.perm[t] ?? 0] = id;
    }
    return id;
  }

  /** Hoare quickselect on `perm[from..to]` so that position `k` holds the median by coordinate `axis`. */
  private select(from: number, to: number, k: number, axis: number): void {
    const { coords, dim } = this.points;
    const perm = this.perm;
    // Copy the axis values once, and permute them alongside `perm`.
    const vals = new Float64Array(to - from + 1);
    for (let t = from; t <= to; t++) vals[t - from] = coords[(perm[t] ?? 0) * dim + axis] ?? 0;
    let l = from;
    let r = to;
    while (l < r) {
      const pivot = vals[((l + r) >> 1) - from] ?? 0;
      let i = l;
      let j = r;
      while (i <= j) {
        while ((vals[i - from] ?? 0) < pivot) i++;
        while ((vals[j - from] ?? 0) > pivot) j--;
        if (i <= j) {
          const t = perm[i] ?? 0;
          perm[i] = perm[j] ?? 0;
          perm[j] = t;
          const v = vals[i - from] ?? 0;
          vals[i - from] = vals[j - from] ?? 0;
          vals[j - from] = v;
          i++;
          j--;
        }
      }
      if (k <= j) r = j;
      else if (k >= i) l = i;
      else return;
    }
  }

  /**
   * Returns a point of the set that weakly dominates point `i` (≥ in every coordinate, and either
   * different or equal with a smaller tie key), or -1 when point `i` is undominated.
   */
  findDominator(i: number): number {
    const { coords, dim, tieKey } = this.points;
    if (this.nodeCount === 0) return -1;
    const base = i * dim;
    const ownTie = tieKey[i] ?? 0;
    let stack = this.stack;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top] ?? 0;
      const ub = node * dim;
      let reaches = true;
      for (let k = 0; k < dim; k++) {
        if ((this.upper[ub + k] ?? 0) < (coords[base + k] ?? 0)) {
          reaches = false;
          break;
        }
      }
      if (!reaches) continue;
      const l = this.left[node] ?? -1;
      if (l < 0) {
        const end = this.hi[node] ?? 0;
        for (let t = this.lo[node] ?? 0; t < end; t++) {
          const q = this.perm[t] ?? 0;
          if (q === i) continue;
          const qb = q * dim;
          let weakly = true;
          let strictly = false;
          for (let k = 0; k < dim; k++) {
            const a = coords[qb + k] ?? 0;
            const b = coords[base + k] ?? 0;
            if (a < b) {
              weakly = false;
              break;
            }
            if (a > b) strictly = true;
          }
          if (weakly && (strictly || (tieKey[q] ?? 0) < ownTie)) return q;
        }
      } else {
        if (top + 2 > stack.length) {
          const bigger = new Int32Array(stack.length * 2);
          bigger.set(stack);
          stack = bigger;
          this.stack = bigger;
        }
        // Visit the upper half first: it is the likelier to hold a dominator.
        stack[top++] = l;
        stack[top++] = this.right[node] ?? 0;
      }
    }
    return -1;
  }

  /** Marks point `i` as active (chosen to stay), for `findActiveAtLeast`. */
  activate(i: number): void {
    const { coords, dim, count } = this.points;
    if (this.activeUpper === null || this.active === null) {
      this.activeUpper = new Float64Array(this.upper.length).fill(-Infinity);
      this.active = new Uint8Array(count);
    }
    const upper = this.activeUpper;
    this.active[i] = 1;
    let node = this.leafOf[i] ?? -1;
    while (node >= 0) {
      let raised = false;
      for (let k = 0; k < dim; k++) {
        const v = coords[i * dim + k] ?? 0;
        if (v > (upper[node * dim + k] ?? 0)) {
          upper[node * dim + k] = v;
          raised = true;
        }
      }
      if (!raised) break;
      node = this.parentOf[node] ?? -1;
    }
  }

  /** Returns an active point with every coordinate ≥ `target`, or -1 when there is none. */
  findActiveAtLeast(target: Float64Array): number {
    const { coords, dim } = this.points;
    const upper = this.activeUpper;
    const active = this.active;
    if (upper === null || active === null || this.nodeCount === 0) return -1;
    let stack = this.stack;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top] ?? 0;
      const ub = node * dim;
      let reaches = true;
      for (let k = 0; k < dim; k++) {
        if ((upper[ub + k] ?? 0) < (target[k] ?? 0)) {
          reaches = false;
          break;
        }
      }
      if (!reaches) continue;
      const l = this.left[node] ?? -1;
      if (l < 0) {
        const end = this.hi[node] ?? 0;
        for (let t = this.lo[node] ?? 0; t < end; t++) {
          const q = this.perm[t] ?? 0;
          if (active[q] !== 1) continue;
          let ok = true;
          for (let k = 0; k < dim; k++) {
            if ((coords[q * dim + k] ?? 0) < (target[k] ?? 0)) {
              ok = false;
              break;
            }
          }
          if (ok) return q;
        }
      } else {
        if (top + 2 > stack.length) {
          const bigger = new Int32Array(stack.length * 2);
          bigger.set(stack);
          stack = bigger;
          this.stack = bigger;
        }
        stack[top++] = l;
        stack[top++] = this.right[node] ?? 0;
      }
    }
    return -1;
  }
}
