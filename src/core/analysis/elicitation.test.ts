import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { compileDomain, packageUtilities } from './domain.js';
import { preferencesFromRankings, scoresFromRanking, weightsFromOrder } from './elicitation.js';

describe('the easier way in: rankings to numbers', () => {
  it('scores ranked options evenly from 100 (best) to 0 (worst)', () => {
    expect(
      scoresFromRanking(['open', 'monitored', 'closed'], ['closed', 'monitored', 'open']),
    ).toEqual({
      open: 100,
      monitored: 50,
      closed: 0,
    });
    expect(scoresFromRanking(['only'], ['only'])).toEqual({ only: 100 });
  });

  it('gives tied options the mean score of the positions they share', () => {
    expect(scoresFromRanking(['a', ['b', 'c'], 'd'], ['a', 'b', 'c', 'd'])).toEqual({
      a: 100,
      b: 50,
      c: 50,
      d: 0,
    });
  });

  it('weighs ordered issues by rank-order centroid, out of 100 points', () => {
    const w = weightsFromOrder(['border', 'water', 'refugees'], ['water', 'border', 'refugees']);
    // ROC for n = 3: (1 + 1/2 + 1/3)/3, (1/2 + 1/3)/3, (1/3)/3.
    expect(w.border).toBeCloseTo((100 * (1 + 1 / 2 + 1 / 3)) / 3, 10);
    expect(w.water).toBeCloseTo((100 * (1 / 2 + 1 / 3)) / 3, 10);
    expect(w.refugees).toBeCloseTo((100 * (1 / 3)) / 3, 10);
    expect(Object.values(w).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
  });

  it('gives tied issues the mean weight of the positions they share', () => {
    const w = weightsFromOrder([['a', 'b']], ['a', 'b']);
    expect(w).toEqual({ a: 50, b: 50 });
  });

  it('refuses a ranking that misses, repeats or invents an entry, naming each problem', () => {
    try {
      scoresFromRanking(['a', 'a', 'z'], ['a', 'b']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect(e instanceof DomainError && e.details?.problems).toEqual([
        'the option ranking lists "a" twice',
        'the option ranking lists an unknown "z"',
        'the option ranking leaves out "b"',
      ]);
    }
  });

  it('turns a whole qualitative statement into preferences to confirm, usable by the engine', () => {
    const issues = [
      { id: 'border', options: [{ id: 'closed' }, { id: 'open' }] },
      { id: 'water', options: [{ id: 'quota' }, { id: 'shared' }] },
    ];
    const south = preferencesFromRankings(issues, {
      id: 'south',
      issueOrder: ['water', 'border'],
      optionRankings: { border: ['open', 'closed'], water: ['shared', 'quota'] },
      reservation: 20,
    });
    expect(south.scores).toEqual({
      border: { open: 100, closed: 0 },
      water: { shared: 100, quota: 0 },
    });
    expect(south.weights.water).toBeCloseTo(75, 10);
    expect(south.weights.border).toBeCloseTo(25, 10);
    const compiled = compileDomain({
      issues,
      parties: [south, { ...south, id: 'north' }],
    });
    expect(packageUtilities(compiled, [1, 1])).toEqual([100, 100]);
    expect(() =>
      preferencesFromRankings(issues, {
        id: 'east',
        issueOrder: ['water'],
        optionRankings: { border: ['open', 'closed'], sky: [] },
        reservation: 0,
      }),
    ).toThrow(DomainError);
  });
});
