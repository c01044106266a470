import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestStretch,
  binomialLowerTailLog10,
  binomialTailLog10,
  stretchChanceLog10,
} from './stats.js';

/** P(X ≥ k), X ~ Binomial(n, 1/2), summed exactly with big integers. */
function exactTail(n: number, k: number): number {
  let choose = 1n;
  let sum = 0n;
  for (let i = 0; i <= n; i += 1) {
    if (i >= k) sum += choose;
    choose = (choose * BigInt(n - i)) / BigInt(i + 1);
  }
  return Number(sum) / 2 ** n;
}

describe('binomialTailLog10', () => {
  it('matches the exact binomial tail', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n))),
        ([n, k]) => {
          const exact = exactTail(n, k);
          expect(10 ** binomialTailLog10(n, k)).toBeCloseTo(exact, 12);
          expect(binomialTailLog10(n, k) - Math.log10(exact)).toBeCloseTo(0, 9);
        },
      ),
    );
  });

  it.each([
    [40, 40, -40 * Math.log10(2)],
    [10, 0, 0],
    [10, 11, -Infinity],
  ])('gives log10 P(X ≥ %i of %i) as %f', (n, k, expected) => {
    expect(binomialTailLog10(n, k)).toBeCloseTo(expected, 9);
  });

  it('stays finite for a whole document, far below what a double can hold', () => {
    const log10 = binomialTailLog10(5000, 5000);
    expect(log10).toBeCloseTo(-5000 * Math.log10(2), 6);
    expect(binomialTailLog10(5000, 4000)).toBeLessThan(-300);
  });

  it('gives the lower tail by symmetry', () => {
    expect(10 ** binomialLowerTailLog10(10, 2)).toBeCloseTo(exactTail(10, 8), 12);
  });
});

describe('bestStretch', () => {
  it('finds the run that scores best at +1 per agreement and -3 per disagreement', () => {
    const t = true;
    const f = false;
    expect(bestStretch([f, t, t, t, t, f, t, t, t, t, t, f, f])).toEqual({
      score: 6,
      start: 1,
      end: 11,
    });
    expect(bestStretch([t, t, f, t, t, t])).toEqual({ score: 3, start: 3, end: 6 });
    expect(bestStretch([f, f])).toBeNull();
  });

  it('bounds the chance of a stretch by the number of starts times 1.839^-score', () => {
    expect(stretchChanceLog10(100, 0)).toBe(0);
    expect(stretchChanceLog10(100, 40)).toBeCloseTo(2 - 40 * Math.log10(1.8392867552141612), 9);
  });

  it('is conservative: fair coins reach a stretch bound of 1 % less than 1 % of the time', () => {
    // A fixed pseudo-random sequence of fair coins, so the test is deterministic.
    let state = 7;
    const coin = (): boolean => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state >= 1073741824;
    };
    let reached = 0;
    const trials = 2000;
    for (let trial = 0; trial < trials; trial += 1) {
      const agrees = Array.from({ length: 60 }, coin);
      const best = bestStretch(agrees);
      if (best !== null && stretchChanceLog10(60, best.score) <= -2) reached += 1;
    }
    expect(reached / trials).toBeLessThan(0.01);
  });
});
