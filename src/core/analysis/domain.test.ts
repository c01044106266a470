import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import {
  compileDomain,
  comparePackages,
  packageIds,
  packageUtilities,
  proposalIndices,
  validateDomain,
  type Domain,
} from './domain.js';

const north = {
  id: 'north',
  weights: { border: 60, water: 40 },
  scores: { border: { closed: 100, open: 0 }, water: { quota: 50, shared: 100, none: 0 } },
  reservation: 30,
};

const domain: Domain = {
  issues: [
    { id: 'border', options: [{ id: 'closed' }, { id: 'open' }] },
    { id: 'water', options: [{ id: 'quota' }, { id: 'shared' }, { id: 'none' }] },
  ],
  parties: [
    north,
    {
      id: 'south',
      weights: { border: 1, water: 3 },
      scores: { border: { closed: 0, open: 100 }, water: { quota: 20, shared: 80, none: 100 } },
      reservation: 25.5,
    },
  ],
};

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    if (e instanceof DomainError) {
      expect(e.code).toBe('RULE_VIOLATION');
      return (e.details?.problems as string[] | undefined) ?? [];
    }
  }
  throw new Error('expected a DomainError');
}

describe('the analysis domain', () => {
  it('computes utilities as weight-normalised sums of scores on the 0–100 scale', () => {
    const compiled = compileDomain(domain);
    // north: 0.6·100 + 0.4·100 = 100; south: 0.25·0 + 0.75·80 = 60.
    expect(packageUtilities(compiled, [0, 1])).toEqual([100, 60]);
    // north: 0.6·0 + 0.4·0 = 0; south: 0.25·100 + 0.75·100 = 100.
    expect(packageUtilities(compiled, [1, 2])).toEqual([0, 100]);
    expect(Array.from(compiled.reservation)).toEqual([30_000_000, 25_500_000]);
  });

  it('rounds each per-issue contribution once to a micro-point, so sums are exact', () => {
    const thirds: Domain = {
      issues: ['a', 'b', 'c'].map((id) => ({ id, options: [{ id: 'x' }] })),
      parties: ['p', 'q'].map((id) => ({
        id,
        weights: { a: 1, b: 1, c: 1 },
        scores: { a: { x: 100 }, b: { x: 100 }, c: { x: 100 } },
        reservation: 0,
      })),
    };
    // Each contribution is 33.333333 (rounded), so the total is 99.999999, not 100.
    expect(packageUtilities(compileDomain(thirds), [0, 0, 0])).toEqual([99.999999, 99.999999]);
  });

  it('lists every problem of an invalid domain at once', () => {
    const broken: Domain = {
      issues: [
        { id: 'border', options: [{ id: 'closed' }, { id: 'closed' }] },
        { id: 'border', options: [] },
      ],
      parties: [
        {
          id: 'north',
          weights: { border: -1, ghost: 3 },
          scores: { border: { closed: 140 } },
          reservation: 101,
        },
      ],
    };
    const problems = problemsOf(() => validateDomain(broken));
    expect(problems).toEqual(
      expect.arrayContaining([
        'there must be at least two parties',
        'issue 1 ("border") repeats option id "closed"',
        'issue 2 ("border") repeats an issue id',
        'issue 2 ("border") has no options',
        'party 1 ("north"): the weight of issue "border" must be a non-negative number',
        'party 1 ("north"): the score of option "closed" of issue "border" must be a number from 0 to 100',
        'party 1 ("north") weighs an unknown issue "ghost"',
        'party 1 ("north"): the reservation level must be a number from 0 to 100',
      ]),
    );
  });

  it('refuses weights that are all zero and missing scores', () => {
    const problems = problemsOf(() =>
      compileDomain({
        ...domain,
        parties: [
          north,
          {
            id: 'south',
            weights: { border: 0, water: 0 },
            scores: { border: { open: 1 } },
            reservation: 0,
          },
        ],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'party 2 ("south"): the issue weights must not all be zero',
        'party 2 ("south") gives no score for option "closed" of issue "border"',
        'party 2 ("south") gives no scores for issue "water"',
      ]),
    );
  });

  it('converts proposals by ids to option indices, open issues as -1', () => {
    expect(proposalIndices(domain, { water: 'none' })).toEqual([-1, 2]);
    expect(packageIds(domain, [1, 0])).toEqual({ border: 'open', water: 'quota' });
    expect(problemsOf(() => proposalIndices(domain, { water: 'lake', sky: 'blue' }))).toEqual([
      'the proposal names an unknown issue "sky"',
      'the proposal names an unknown option "lake" of issue "water"',
    ]);
  });

  it('orders packages lexicographically by option index, the final tie-break', () => {
    expect(comparePackages([0, 2], [1, 0])).toBeLessThan(0);
    expect(comparePackages([1, 0], [1, 0])).toBe(0);
    expect(comparePackages([1, 1], [1, 0])).toBeGreaterThan(0);
  });
});
