import { describe, expect, it } from 'vitest';
import { findMarks, fold, matchesAll, searchTerms, snippetOf } from './match.js';
import { groupMatches, type SearchDocument } from './results.js';

describe('search terms', () => {
  it('splits at white space, folds case and drops repeats', () => {
    expect(searchTerms('  Sanctions  relief SANCTIONS ')).toEqual(['sanctions', 'relief']);
    expect(searchTerms('   ')).toEqual([]);
  });

  it('keeps at most eight terms', () => {
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });

  it('folds case without moving offsets, even where lower case is longer', () => {
    expect(fold('İstanbul ÅRET')).toHaveLength('İstanbul ÅRET'.length);
    expect(fold('ÅRET')).toBe('året');
  });
});

describe('marks', () => {
  it('finds every occurrence of every term, merging overlaps', () => {
    expect(findMarks('Sanctions and sanctions relief', ['sanctions', 'relief'])).toEqual([
      [0, 9],
      [14, 23],
      [24, 30],
    ]);
    expect(findMarks('abcd', ['abc', 'bcd'])).toEqual([[0, 4]]);
  });

  it('requires every term in some field', () => {
    expect(matchesAll(['Sanctions', 'relief at signature'], ['sanctions', 'relief'])).toBe(true);
    expect(matchesAll(['Sanctions'], ['sanctions', 'relief'])).toBe(false);
    expect(matchesAll(['anything'], [])).toBe(false);
  });

  it('cuts a window around the first match at word boundaries and shifts the marks into it', () => {
    const text = `${'word '.repeat(60)}the sanctions clause ${'tail '.repeat(60)}`;
    const s = snippetOf(text, ['sanctions']);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.marks).toHaveLength(1);
    const [a, b] = s.marks[0]!;
    expect(s.text.slice(a, b)).toBe('sanctions');
  });

  it('keeps a markup-looking text as text: marks are ranges, never tags', () => {
    const s = snippetOf('<img src=x onerror=alert(1)> sanctions', ['sanctions']);
    expect(s.text).toBe('<img src=x onerror=alert(1)> sanctions');
    expect(s.marks).toEqual([[29, 38]]);
  });
});

describe('grouping matches', () => {
  const doc = (over: Partial<SearchDocument>): SearchDocument => ({
    kind: 'note',
    id: 'a',
    title: '',
    text: '',
    compartmentId: null,
    at: null,
    parentId: null,
    number: null,
    ...over,
  });

  it('groups by kind in a fixed order, most recent first, ties by id, and counts beyond the page', () => {
    const docs = [
      doc({ kind: 'round', id: 'r', title: 'Sanctions round' }),
      doc({ id: 'b', text: 'sanctions', at: '2026-01-01' }),
      doc({ id: 'a', text: 'sanctions', at: '2026-01-01' }),
      doc({ id: 'c', text: 'sanctions', at: '2026-02-01' }),
      doc({ id: 'd', text: 'nothing' }),
    ];
    const groups = groupMatches(docs, ['sanctions'], 2);
    expect(groups.map((g) => [g.kind, g.total, g.hits.map((h) => h.id)])).toEqual([
      ['note', 3, ['c', 'a']],
      ['round', 1, ['r']],
    ]);
    expect(groups[1]!.hits[0]!.titleMarks).toEqual([[0, 9]]);
  });
});
