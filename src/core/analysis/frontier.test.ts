import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { compileDomain, packageUnits, type CompiledDomain, type Domain } from './domain.js';
import { frontierOf, MAX_EPSILON, type Frontier } from './frontier.js';
import { domainArbitrary, LARGE, SMALL } from './test-support/arbitraries.js';
import { bruteFrontier, enumerate } from './test-support/brute-force.js';

const small = SMALL;

function points(f: Frontier): { units: number[]; pkg: readonly number[] }[] {
  return Array.from({ length: f.size }, (_, i) => ({
    units: Array.from(f.unitsAt(i)),
    pkg: f.packageAt(i),
  }));
}

const keyOf = (p: { units: readonly number[]; pkg: readonly number[] }): string =>
  `${p.units.join(',')}|${p.pkg.join(',')}`;

function assertEpsilonFrontier(compiled: CompiledDomain, f: Frontier): void {
  const slack = f.epsilon * 100 * 1_000_000;
  const got = points(f);
  // Every returned point is a real package with the stated utilities, and none dominates another.
  for (const p of got) expect(Array.from(packageUnits(compiled, p.pkg))).toEqual(p.units);
  for (const a of got)
    for (const b of got)
      if (a !== b) expect(a.units.every((v, k) => v >= (b.units[k] ?? 0))).toBe(false);
  // Every true frontier point is within ε of a returned point, in every coordinate.
  for (const truth of bruteFrontier(enumerate(compiled))) {
    const covered = got.some((q) => q.units.every((v, k) => v >= (truth.units[k] ?? 0) - slack));
    expect(covered).toBe(true);
  }
}

describe('the Pareto frontier', () => {
  it('equals brute-force enumeration, as utility vectors and lexicographically smallest packages', () => {
    fc.assert(
      fc.property(domainArbitrary(small), (domain) => {
        const compiled = compileDomain(domain);
        const f = frontierOf(compiled, { epsilon: 0 });
        expect(f.exact).toBe(true);
        expect(f.epsilon).toBe(0);
        const expected = bruteFrontier(enumerate(compiled)).map(keyOf).sort();
        expect(points(f).map(keyOf).sort()).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('equals brute-force enumeration on the largest small domains too (6 issues × 5 options)', () => {
    fc.assert(
      fc.property(domainArbitrary(LARGE), (domain) => {
        const compiled = compileDomain(domain);
        const expected = bruteFrontier(enumerate(compiled)).map(keyOf).sort();
        expect(
          points(frontierOf(compiled, { epsilon: 0 }))
            .map(keyOf)
            .sort(),
        ).toEqual(expected);
        assertEpsilonFrontier(compiled, frontierOf(compiled, { epsilon: 0.01 }));
      }),
      { numRuns: 60 },
    );
  });

  it('is sorted by the first party’s utility, then the next party’s, descending', () => {
    fc.assert(
      fc.property(domainArbitrary(small), (domain) => {
        const f = frontierOf(compileDomain(domain));
        for (let i = 1; i < f.size; i++) {
          const a = Array.from(f.unitsAt(i - 1));
          const b = Array.from(f.unitsAt(i));
          const k = a.findIndex((v, p) => v !== b[p]);
          expect(k).toBeGreaterThanOrEqual(0);
          expect(a[k]).toBeGreaterThan(b[k] ?? 0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('covers every true frontier point within the requested ε', () => {
    fc.assert(
      fc.property(
        domainArbitrary(small),
        fc.constantFrom(0.001, 0.01, 0.05, 0.2),
        (domain, epsilon) => {
          const compiled = compileDomain(domain);
          const f = frontierOf(compiled, { epsilon });
          expect(f.requestedEpsilon).toBe(epsilon);
          expect(f.epsilon).toBeLessThanOrEqual(epsilon);
          assertEpsilonFrontier(compiled, f);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('coarsens ε in flight when the set would outgrow the cap, and the stated ε still holds', () => {
    fc.assert(
      fc.property(
        domainArbitrary(small),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(undefined, 0.005),
        (domain, maxPoints, epsilon) => {
          const compiled = compileDomain(domain);
          const f = frontierOf(compiled, {
            maxPoints,
            ...(epsilon === undefined ? {} : { epsilon }),
          });
          expect(f.size).toBeLessThanOrEqual(maxPoints);
          assertEpsilonFrontier(compiled, f);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is exact by default when it fits, and says so', () => {
    const domain: Domain = {
      issues: [
        { id: 'a', options: [{ id: 'x' }, { id: 'y' }] },
        { id: 'b', options: [{ id: 'x' }, { id: 'y' }] },
      ],
      parties: [
        {
          id: 'p',
          weights: { a: 3, b: 1 },
          scores: { a: { x: 100, y: 0 }, b: { x: 100, y: 0 } },
          reservation: 0,
        },
        {
          id: 'q',
          weights: { a: 1, b: 3 },
          scores: { a: { x: 0, y: 100 }, b: { x: 0, y: 100 } },
          reservation: 0,
        },
      ],
    };
    const f = frontierOf(compileDomain(domain));
    expect(f.exact).toBe(true);
    expect(f.requestedEpsilon).toBeNull();
    expect(Array.from({ length: f.size }, (_, i) => [f.utilitiesAt(i), f.packageAt(i)])).toEqual([
      [
        [100, 0],
        [0, 0],
      ],
      [
        [75, 75],
        [0, 1],
      ],
      [
        [0, 100],
        [1, 1],
      ],
    ]);
  });

  it('refuses an exact frontier that does not fit when exactness is required', () => {
    const compiled = compileDomain({
      issues: Array.from({ length: 6 }, (_, i) => ({
        id: `i${i}`,
        options: [{ id: 'lo' }, { id: 'mid' }, { id: 'hi' }],
      })),
      parties: ['p', 'q'].map((id, p) => ({
        id,
        weights: Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`i${i}`, i + 1 + p * 3])),
        scores: Object.fromEntries(
          Array.from({ length: 6 }, (_, i) => [
            `i${i}`,
            p === 0 ? { lo: 0, mid: 60, hi: 100 } : { lo: 100, mid: 55, hi: 0 },
          ]),
        ),
        reservation: 0,
      })),
    });
    expect(() => frontierOf(compiled, { epsilon: 0, maxPoints: 3 })).toThrow(DomainError);
    expect(() => frontierOf(compiled, { epsilon: 2 })).toThrow(DomainError);
    expect(frontierOf(compiled, { maxPoints: 3 }).exact).toBe(false);
  });

  it('accepts a requested ε up to the one limit the file format and the command share', () => {
    const compiled = compileDomain({
      issues: [{ id: 'terms', options: [{ id: 'a' }, { id: 'b' }] }],
      parties: ['p', 'q'].map((id, p) => ({
        id,
        weights: { terms: 1 },
        scores: { terms: { a: p * 100, b: 100 - p * 100 } },
        reservation: 0,
      })),
    });
    expect(frontierOf(compiled, { epsilon: MAX_EPSILON }).requestedEpsilon).toBe(MAX_EPSILON);
    expect(() => frontierOf(compiled, { epsilon: MAX_EPSILON + 0.01 })).toThrow(
      `epsilon must be a number from 0 to ${MAX_EPSILON}`,
    );
  });

  it('gives the same result for the same input', () => {
    fc.assert(
      fc.property(domainArbitrary(small), fc.constantFrom(undefined, 0.02), (domain, epsilon) => {
        const options = epsilon === undefined ? {} : { epsilon };
        const a = frontierOf(compileDomain(domain), options);
        const b = frontierOf(compileDomain(domain), options);
        expect(points(a)).toEqual(points(b));
      }),
      { numRuns: 40 },
    );
  });
});
