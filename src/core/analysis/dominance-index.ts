/**
 * A static k-d tree over a set of utility vectors that answers "is this point weakly dominated by
 * another point of the set?" — the exact dominance filter of the Pareto-sum merge for three or
 * more parties. The naive filter compares every pair (O(k²)); the tree prunes every subtree whose
 * bounding box's upper corner does not reach the query point. A query starts at the point's own
 * leaf and widens to the sibling subtrees on the way up to the root: a dominator, when there is
 * one, is usually close by, and the answer "undominated" visits the same nodes in any order.
 */
import { buildKdTree, siblingOf, type KdTree } from './kd-tree.js';

/** Points with a tie order: among equal vectors exactly one is undominated, the one with the smallest tie key. */
export interface PointSet {
  /** Flattened coordinates, point-major: `coords[i * dim + k]`; integers below 2³¹ (see kd-tree.ts). */
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
  private readonly tree: KdTree;
  /** The coordinates in position order. */
  private readonly c: Int32Array;
  /** Per node, the upper corner of its points. */
  private readonly upper: Int32Array;
  private readonly stack: Int32Array;

  /** Builds the tree over `points` (the arrays are read, never written). */
  constructor(private readonly points: PointSet) {
    const { coords, count, dim } = points;
    const c = Int32Array.from(coords.subarray(0, count * dim));
    const tree = buildKdTree({ data: c, count, dim, stride: dim });
    this.tree = tree;
    this.c = c;
    const upper = new Int32Array(tree.nodeCount * dim).fill(-(2 ** 31));
    // Children come after their parent, so one backward pass fills every node.
    for (let node = tree.nodeCount - 1; node >= 0; node--) {
      const r = tree.right[node] ?? -1;
      if (r < 0) {
        const end = tree.hi[node] ?? 0;
        for (let t = tree.lo[node] ?? 0; t < end; t++)
          for (let k = 0; k < dim; k++)
            upper[node * dim + k] = Math.max(upper[node * dim + k] ?? 0, c[t * dim + k] ?? 0);
      } else {
        for (let k = 0; k < dim; k++)
          upper[node * dim + k] = Math.max(
            upper[(node + 1) * dim + k] ?? 0,
            upper[r * dim + k] ?? 0,
          );
      }
    }
    this.upper = upper;
    this.stack = new Int32Array(tree.maxDepth + 2);
  }

  /**
   * Returns a point of the set that weakly dominates point `i` (≥ in every coordinate, and either
   * different or equal with a smaller tie key), or -1 when point `i` is undominated.
   */
  findDominator(i: number): number {
    const tree = this.tree;
    if (tree.count === 0) return -1;
    const pos = tree.position[i] ?? 0;
    let node = tree.leafOf[pos] ?? 0;
    let root = node;
    for (;;) {
      const q = this.searchDominator(root, pos);
      if (q >= 0) return tree.perm[q] ?? 0;
      if (node === 0) return -1;
      root = siblingOf(tree, node);
      node = tree.parent[node] ?? 0;
    }
  }

  /** Depth-first search of the subtree at `root` for a dominator of position `pos`; its position or -1. */
  private searchDominator(root: number, pos: number): number {
    const { dim, tieKey } = this.points;
    const { right, lo, hi, perm } = this.tree;
    const c = this.c;
    const upper = this.upper;
    const stack = this.stack;
    const base = pos * dim;
    const ownTie = tieKey[perm[pos] ?? 0] ?? 0;
    let top = 0;
    stack[top++] = root;
    while (top > 0) {
      const node = stack[--top] ?? 0;
      const ub = node * dim;
      let reaches = true;
      for (let k = 0; k < dim; k++) {
        if ((upper[ub + k] ?? 0) < (c[base + k] ?? 0)) {
          reaches = false;
          break;
        }
      }
      if (!reaches) continue;
      const r = right[node] ?? -1;
      if (r < 0) {
        const end = hi[node] ?? 0;
        for (let t = lo[node] ?? 0; t < end; t++) {
          if (t === pos) continue;
          const qb = t * dim;
          let weakly = true;
          let strictly = false;
          for (let k = 0; k < dim; k++) {
            const a = c[qb + k] ?? 0;
            const b = c[base + k] ?? 0;
            if (a < b) {
              weakly = false;
              break;
            }
            if (a > b) strictly = true;
          }
          if (weakly && (strictly || (tieKey[perm[t] ?? 0] ?? 0) < ownTie)) return t;
        }
      } else {
        stack[top++] = node + 1;
        stack[top++] = r;
      }
    }
    return -1;
  }
}
