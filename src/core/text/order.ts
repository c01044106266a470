/**
 * Order helpers shared by the diff and the change list. Internal to the text module.
 */

/**
 * The keys that changed place between two orders: everything both orders hold except a longest
 * common subsequence, i.e. the fewest provisions whose moving explains the new order (insertions
 * and deletions elsewhere only renumber, they do not move anything).
 */
export function movedKeys<K>(before: readonly K[], after: readonly K[]): Set<K> {
  const inAfter = new Set(after);
  const inBefore = new Set(before);
  const a = before.filter((k) => inAfter.has(k));
  const b = after.filter((k) => inBefore.has(k));
  // lengths[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lengths: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  const at = (i: number, j: number): number => lengths[i]?.[j] ?? 0;
  for (let i = a.length - 1; i >= 0; i -= 1) {
    const row = lengths[i];
    if (row === undefined) continue;
    for (let j = b.length - 1; j >= 0; j -= 1) {
      row[j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const stable = new Set<K>();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      stable.add(a[i] as K);
      i += 1;
      j += 1;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      i += 1;
    } else {
      j += 1;
    }
  }
  return new Set(a.filter((k) => !stable.has(k)));
}

/**
 * The keys of `base` in order, with the keys only `other` has inserted right after the key that
 * precedes them in `other` (or first), so that removed provisions show where they stood.
 */
export function mergeOrder<K>(base: readonly K[], other: readonly K[]): K[] {
  const result = [...base];
  const present = new Set(base);
  other.forEach((key, index) => {
    if (present.has(key)) return;
    let position = 0;
    for (let i = index - 1; i >= 0; i -= 1) {
      const before = result.indexOf(other[i] as K);
      if (before >= 0) {
        position = before + 1;
        break;
      }
    }
    result.splice(position, 0, key);
    present.add(key);
  });
  return result;
}
