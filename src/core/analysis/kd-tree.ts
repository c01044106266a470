/**
 * A static k-d tree layout over a set of utility vectors, shared by the exact dominance filter
 * (`dominance-index.ts`) and the ε-cover (`epsilon-cover.ts`) of the Pareto-sum merge.
 *
 * Every node covers a contiguous range of positions, split at the median of its widest
 * coordinate; nodes are numbered in depth-first order (an inner node's left child is the next
 * node). The build reorders the caller's records in place, so a subtree is one contiguous block of
 * records and a leaf scan reads contiguous memory. Records are 32-bit integers: utilities are
 * integer micro-points below 10⁸ (the 0–100 scale), so they fit, and half the width of a double
 * keeps more of a 10⁵-point, five-party set in the cache.
 */

/** Records per leaf: a leaf is scanned linearly, so a few more records cost less than one more level. */
const LEAF_SIZE = 8;

/** Records sampled per node to choose its split coordinate. */
const SAMPLE = 64;

/** The built tree: node ranges and links, and where each record went. */
export interface KdTree {
  /** Number of records. */
  readonly count: number;
  /** Number of nodes; node 0 is the root. */
  readonly nodeCount: number;
  /** An upper bound on the depth of a leaf (the root has depth 0), for sizing traversal stacks. */
  readonly maxDepth: number;
  /** The original index of the record now at each position. */
  readonly perm: Int32Array;
  /** The position of each original record. */
  readonly position: Int32Array;
  /** First position of each node. */
  readonly lo: Int32Array;
  /** One past the last position of each node. */
  readonly hi: Int32Array;
  /** Per node: its right child, or -1 for a leaf (an inner node's left child is the next node). */
  readonly right: Int32Array;
  /** Per node: its parent, or -1 for the root. */
  readonly parent: Int32Array;
  /** The leaf that holds each position. */
  readonly leafOf: Int32Array;
}

/** The records to build over: `stride` integers each, of which the first `dim` are the coordinates. */
export interface Records {
  /** The records, record-major; reordered in place into position order by the build. */
  readonly data: Int32Array;
  /** Number of records. */
  readonly count: number;
  /** Number of coordinates (the leading fields of each record). */
  readonly dim: number;
  /** Fields per record (≥ dim); the fields after the coordinates travel with them. */
  readonly stride: number;
}

/** Builds the tree, reordering `records.data` into position order. */
export function buildKdTree(records: Records): KdTree {
  const { data, count, dim, stride } = records;
  // Median splits halve a node: below this depth every node is small enough to be a leaf.
  let depth = 0;
  while (Math.ceil(count / 2 ** depth) > LEAF_SIZE) depth++;
  // Leaves hold at least ⌈LEAF_SIZE/2⌉ records, except when the whole set is smaller.
  const maxNodes = Math.max(1, 2 * Math.ceil(count / Math.ceil(LEAF_SIZE / 2)));
  const perm = new Int32Array(count);
  for (let i = 0; i < count; i++) perm[i] = i;
  const lo = new Int32Array(maxNodes);
  const hi = new Int32Array(maxNodes);
  const right = new Int32Array(maxNodes).fill(-1);
  const parent = new Int32Array(maxNodes).fill(-1);
  const leafOf = new Int32Array(count);
  const low = new Float64Array(dim);
  const high = new Float64Array(dim);
  let nodeCount = 0;
  // Depth-first with an explicit stack of (from, to, parent, is-right-child) frames.
  const stack = new Int32Array(4 * (depth + 2));
  let top = 0;
  if (count > 0) {
    stack[top++] = 0;
    stack[top++] = count;
    stack[top++] = -1;
    stack[top++] = 0;
  }
  while (top > 0) {
    const isRight = stack[--top] ?? 0;
    const up = stack[--top] ?? 0;
    const to = stack[--top] ?? 0;
    const from = stack[--top] ?? 0;
    const node = nodeCount++;
    lo[node] = from;
    hi[node] = to;
    parent[node] = up;
    if (isRight === 1) right[up] = node;
    let widest = 0;
    let widestSpan = 0;
    if (to - from > LEAF_SIZE) {
      low.fill(Infinity);
      high.fill(-Infinity);
      // The widest coordinate of a large node is judged from an even sample of its records.
      const step = Math.max(1, Math.floor((to - from) / SAMPLE));
      for (let t = from; t < to; t += step) {
        const tb = t * stride;
        for (let k = 0; k < dim; k++) {
          const v = data[tb + k] ?? 0;
          if (v < (low[k] ?? 0)) low[k] = v;
          if (v > (high[k] ?? 0)) high[k] = v;
        }
      }
      for (let k = 0; k < dim; k++) {
        const span = (high[k] ?? 0) - (low[k] ?? 0);
        if (span > widestSpan) {
          widestSpan = span;
          widest = k;
        }
      }
    }
    if (widestSpan > 0) {
      const mid = (from + to) >> 1;
      select(records, perm, widest, { from, to: to - 1, k: mid });
      // The right child is pushed first, so the left one is built next and numbered node + 1.
      stack[top++] = mid;
      stack[top++] = to;
      stack[top++] = node;
      stack[top++] = 1;
      stack[top++] = from;
      stack[top++] = mid;
      stack[top++] = node;
      stack[top++] = 0;
    } else {
      for (let t = from; t < to; t++) leafOf[t] = node;
    }
  }
  const position = new Int32Array(count);
  for (let t = 0; t < count; t++) position[perm[t] ?? 0] = t;
  return {
    count,
    nodeCount,
    maxDepth: depth,
    perm,
    position,
    lo: lo.slice(0, nodeCount),
    hi: hi.slice(0, nodeCount),
    right: right.slice(0, nodeCount),
    parent: parent.slice(0, nodeCount),
    leafOf,
  };
}

/** The sibling of a node other than the root. */
export function siblingOf(tree: KdTree, node: number): number {
  const up = tree.parent[node] ?? 0;
  return node === up + 1 ? (tree.right[up] ?? 0) : up + 1;
}

/**
 * Hoare quickselect on positions `from..to` by coordinate `axis`, moving whole records (and their
 * entries of `perm`), so that position `k` holds the median.
 */
function select(
  records: Records,
  perm: Int32Array,
  axis: number,
  range: { from: number; to: number; k: number },
): void {
  const { data, stride } = records;
  const { k } = range;
  let l = range.from;
  let r = range.to;
  while (l < r) {
    const pivot = data[((l + r) >> 1) * stride + axis] ?? 0;
    let i = l;
    let j = r;
    while (i <= j) {
      while ((data[i * stride + axis] ?? 0) < pivot) i++;
      while ((data[j * stride + axis] ?? 0) > pivot) j--;
      if (i <= j) {
        const p = perm[i] ?? 0;
        perm[i] = perm[j] ?? 0;
        perm[j] = p;
        const a = i * stride;
        const b = j * stride;
        for (let f = 0; f < stride; f++) {
          const v = data[a + f] ?? 0;
          data[a + f] = data[b + f] ?? 0;
          data[b + f] = v;
        }
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}
