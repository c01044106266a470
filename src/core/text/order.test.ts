import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeOrder, movedKeys } from './order.js';

describe('order of provisions between versions', () => {
  it.each<[string, string[], string[], string[]]>([
    ['nothing moves when nothing changes', ['a', 'b', 'c'], ['a', 'b', 'c'], []],
    ['insertions and deletions only renumber', ['a', 'b', 'c'], ['x', 'a', 'c', 'y'], []],
    [
      'one provision taken to the end is the one that moved',
      ['a', 'b', 'c', 'd'],
      ['b', 'c', 'd', 'a'],
      ['a'],
    ],
    ['a swap moves one of the two', ['a', 'b'], ['b', 'a'], ['a']],
  ])('%s', (_case, before, after, moved) => {
    expect([...movedKeys(before, after)]).toEqual(moved);
  });

  it('the provisions that did not move keep their relative order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 30 })),
        fc.uniqueArray(fc.integer({ min: 0, max: 30 })),
        (before, after) => {
          const moved = movedKeys(before, after);
          const stayA = before.filter((k) => after.includes(k) && !moved.has(k));
          const stayB = after.filter((k) => before.includes(k) && !moved.has(k));
          expect(stayA).toEqual(stayB);
        },
      ),
    );
  });

  it('merges the keys of two orders, each once, in the order of the first', () => {
    expect(mergeOrder(['x', 'a', 'c'], ['a', 'b', 'c', 'd'])).toEqual(['x', 'a', 'b', 'c', 'd']);
    expect(mergeOrder(['b'], ['a', 'b'])).toEqual(['a', 'b']);
  });
});
