import { describe, expect, it } from 'vitest';
import type { FeedEntry } from './model.js';
import { articleTextOf, isDue, takeNewEntries } from './feeds.js';
import { feedMemory } from './model.js';

const entry = (key: string, text = `Text of ${key}`): FeedEntry => ({
  key,
  title: `Title ${key}`,
  text,
  url: `https://example.org/${key}`,
  publishedAt: null,
});

describe('taking the new entries of a feed', () => {
  it('takes entries never seen, oldest first, and remembers their keys', () => {
    const r = takeNewEntries(['a'], [entry('c'), entry('b'), entry('a')]);
    expect(r.fresh.map((e) => e.key)).toEqual(['b', 'c']);
    expect(r.seen).toEqual(['a', 'b', 'c']);
  });

  it('skips an entry listed twice in one reading', () => {
    const r = takeNewEntries([], [entry('x'), entry('x')]);
    expect(r.fresh.map((e) => e.key)).toEqual(['x']);
  });

  it('takes at most the limit per fetch and leaves the rest for the next', () => {
    const entries = ['e', 'd', 'c', 'b', 'a'].map((k) => entry(k));
    const first = takeNewEntries([], entries, 2);
    expect(first.fresh.map((e) => e.key)).toEqual(['a', 'b']);
    const second = takeNewEntries(first.seen, entries, 2);
    expect(second.fresh.map((e) => e.key)).toEqual(['c', 'd']);
  });

  it('remembers but skips an entry with no words, and falls back on the title', () => {
    const empty = { ...entry('z', ''), title: '' };
    const titled = entry('t', '   ');
    const r = takeNewEntries([], [empty, titled]);
    expect(r.fresh.map((e) => e.articleText)).toEqual(['Title t']);
    expect(r.seen).toEqual(['t', 'z']);
    expect(articleTextOf(entry('long', 'x'.repeat(300_000)))).toHaveLength(200_000);
  });

  it('keeps only the most recent keys', () => {
    const seen = Array.from({ length: feedMemory }, (_, i) => `k${i}`);
    const r = takeNewEntries(seen, [entry('new')]);
    expect(r.seen).toHaveLength(feedMemory);
    expect(r.seen[0]).toBe('k1');
    expect(r.seen.at(-1)).toBe('new');
  });
});

describe('when a feed is due', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  it('is due when never fetched or its interval has passed, and not before', () => {
    expect(isDue({ intervalMinutes: 30, lastFetchedAt: null }, now)).toBe(true);
    expect(isDue({ intervalMinutes: 30, lastFetchedAt: '2026-12-07T09:30:00.000Z' }, now)).toBe(
      true,
    );
    expect(isDue({ intervalMinutes: 30, lastFetchedAt: '2026-12-07T09:30:01.000Z' }, now)).toBe(
      false,
    );
  });
});
