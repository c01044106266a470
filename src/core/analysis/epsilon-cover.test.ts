import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedyCover, type Cover } from './epsilon-cover.js';

/** A random thinning pass: points on a coarse grid (so ties and dominance occur), errors within the budget. */
const problemArbitrary = fc
  .record({
    dim: fc.integer({ min: 3, max: 5 }),
    count: fc.integer({ min: 1, max: 400 }),
    budget: fc.constantFrom(0, 5, 40, 300),
    errorShare: fc.constantFrom(0, 0.5, 1),
    coarse: fc.boolean(),
  })
  .chain(({ dim, count, budget, errorShare, coarse }) =>
    fc.record({
      dim: fc.constant(dim),
      budget: fc.constant(budget),
      coords: fc.array(fc.integer({ min: 0, max: coarse ? 20 : 1000 }), {
        minLength: count * dim,
        maxLength: count * dim,
      }),
      errors: fc.array(fc.integer({ min: 0, max: Math.floor(budget * errorShare) }), {
        minLength: count * dim,
        maxLength: count * dim,
      }),
    }),
  );

interface Problem {
  readonly dim: number;
  readonly budget: number;
  readonly coords: number[];
  readonly errors: number[];
}

/** Visiting order: decreasing sum, ties by index (lists a point before the points it dominates). */
function bySum(p: Problem): Int32Array {
  const n = p.coords.length / p.dim;
  const sum = (i: number): number =>
    p.coords.slice(i * p.dim, (i + 1) * p.dim).reduce((a, b) => a + b, 0);
  return Int32Array.from(
    Array.from({ length: n }, (_, i) => i).sort((a, b) => sum(b) - sum(a) || a - b),
  );
}

function run(p: Problem, carry: boolean, maxPoints = Infinity): Cover | null {
  const count = p.coords.length / p.dim;
  return greedyCover({
    coords: Int32Array.from(p.coords),
    errors: Int32Array.from(p.errors),
    count,
    dim: p.dim,
    order: bySum(p),
    budget: p.budget,
    maxPoints,
    carry,
  });
}

const at = (a: ArrayLike<number>, i: number, d: number): number[] =>
  Array.from({ length: d }, (_, k) => a[i * d + k] ?? 0);

describe('the greedy ε-cover', () => {
  it('leaves every candidate’s envelope inside a kept point’s envelope, with errors within the budget', () => {
    fc.assert(
      fc.property(problemArbitrary, fc.boolean(), (p, carry) => {
        const cover = run(p, carry);
        expect(cover).not.toBeNull();
        if (cover === null) return;
        const d = p.dim;
        const kept = Array.from(cover.kept, (i, r) => ({
          point: at(p.coords, i, d),
          error: at(cover.errors, r, d),
        }));
        for (const q of kept) {
          for (const e of q.error) expect(e).toBeLessThanOrEqual(p.budget);
        }
        if (!carry) return;
        for (let i = 0; i < p.coords.length / d; i++) {
          const envelope = at(p.coords, i, d).map((v, k) => v + (p.errors[i * d + k] ?? 0));
          const covered = kept.some((q) =>
            envelope.every((u, k) => u <= (q.point[k] ?? 0) + (q.error[k] ?? 0)),
          );
          expect(covered).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps no point that another kept point dominates', () => {
    fc.assert(
      fc.property(problemArbitrary, (p) => {
        const cover = run(p, true);
        const d = p.dim;
        const points = Array.from(cover?.kept ?? [], (i) => at(p.coords, i, d));
        for (const [a, x] of points.entries())
          for (const [b, y] of points.entries())
            if (a !== b) expect(x.every((v, k) => v >= (y[k] ?? 0))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the same points whether or not the errors are carried on', () => {
    fc.assert(
      fc.property(problemArbitrary, (p) => {
        expect(run(p, false)?.kept).toEqual(run(p, true)?.kept);
      }),
      { numRuns: 300 },
    );
  });

  it('is the exact Pareto filter when the budget is 0 and no point carries an error', () => {
    fc.assert(
      fc.property(problemArbitrary, (p) => {
        const exact = { ...p, budget: 0, errors: p.errors.map(() => 0) };
        const d = p.dim;
        const n = p.coords.length / d;
        const points = Array.from({ length: n }, (_, i) => at(p.coords, i, d));
        const order = Array.from(bySum(exact));
        // Undominated, and the first in visiting order among identical points.
        const expected = order.filter((i, r) =>
          points.every((y, j) => {
            const x = points[i] ?? [];
            const weakly = y.every((v, k) => v >= (x[k] ?? 0));
            const equal = y.every((v, k) => v === x[k]);
            return j === i || !weakly || (equal && order.indexOf(j) > r);
          }),
        );
        expect(Array.from(run(exact, true)?.kept ?? [])).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('gives up past the cap', () => {
    const p: Problem = { dim: 3, budget: 0, coords: [3, 0, 0, 0, 3, 0, 0, 0, 3], errors: [] };
    expect(run({ ...p, errors: p.coords.map(() => 0) }, true, 2)).toBeNull();
    expect(run({ ...p, errors: p.coords.map(() => 0) }, true, 3)?.kept.length).toBe(3);
  });
});
