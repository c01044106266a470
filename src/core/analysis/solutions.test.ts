import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDomain, type CompiledDomain, type Domain } from './domain.js';
import type { SolutionKind } from './objectives.js';
import { solveCompiled, type SolutionOutcome, type Solutions } from './solutions.js';
import { domainArbitrary, LARGE, SMALL } from './test-support/arbitraries.js';
import { bruteSolutions, enumerate } from './test-support/brute-force.js';

const small = SMALL;

function byKind(s: Solutions): Record<SolutionKind, SolutionOutcome> {
  return {
    nash: s.nash,
    'kalai-smorodinsky': s.kalaiSmorodinsky,
    egalitarian: s.egalitarian,
    'max-welfare': { found: true, ...s.maxWelfare },
  };
}

function assertMatchesBruteForce(compiled: CompiledDomain, solutions: Solutions): void {
  const brute = bruteSolutions(compiled, enumerate(compiled));
  expect(solutions.ideal === null).toBe(brute.ideal === null);
  if (brute.ideal !== null) expect(solutions.ideal).toEqual(brute.ideal.map((u) => u / 1_000_000));
  for (const [kind, outcome] of Object.entries(byKind(solutions))) {
    const expected = brute.best[kind as SolutionKind];
    if (expected === null) {
      expect(outcome.found).toBe(false);
      continue;
    }
    expect(outcome.found).toBe(true);
    if (!outcome.found) continue;
    expect({ kind, pkg: outcome.package }).toEqual({ kind, pkg: expected.pkg });
    expect(outcome.utilities).toEqual(expected.units.map((u) => u / 1_000_000));
  }
}

describe('the solutions', () => {
  it('equal brute-force enumeration for every concept (values and tie-broken packages)', () => {
    fc.assert(
      fc.property(domainArbitrary(small), (domain) => {
        const compiled = compileDomain(domain);
        assertMatchesBruteForce(compiled, solveCompiled(compiled, { maxFrontierPoints: 100_000 }));
      }),
      { numRuns: 300 },
    );
  });

  it('equal brute-force enumeration on the largest small domains too (6 issues × 5 options)', () => {
    fc.assert(
      fc.property(domainArbitrary(LARGE), (domain) => {
        const compiled = compileDomain(domain);
        assertMatchesBruteForce(compiled, solveCompiled(compiled, { maxFrontierPoints: 100_000 }));
      }),
      { numRuns: 60 },
    );
  });

  it('equal brute-force enumeration for five and six parties too', () => {
    fc.assert(
      fc.property(
        domainArbitrary({ minParties: 5, maxParties: 6, maxIssues: 6, maxOptions: 4 }),
        (domain) => {
          const compiled = compileDomain(domain);
          assertMatchesBruteForce(
            compiled,
            solveCompiled(compiled, { maxFrontierPoints: 100_000 }),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('are the same whether two parties are solved by frontier scan or by branch-and-bound', () => {
    fc.assert(
      fc.property(domainArbitrary({ ...small, maxParties: 2 }), (domain) => {
        const compiled = compileDomain(domain);
        // A cap of one point forces the branch-and-bound path.
        const searched = solveCompiled(compiled, { maxFrontierPoints: 1 });
        const scanned = solveCompiled(compiled, { maxFrontierPoints: 100_000 });
        expect(searched).toEqual(scanned);
        assertMatchesBruteForce(compiled, searched);
      }),
      { numRuns: 150 },
    );
  });

  it('send an exact tie in the Nash product to the tie-break, not to rounding noise', () => {
    // 66.666666 × 49.999999 and 77.777777 × 42.857142 are the same product of whole micro-points;
    // the documented tie-break (total utility) must pick the second whichever algorithm runs.
    const issue = (id: string, n: number) => ({
      id,
      options: Array.from({ length: n }, (_, i) => ({ id: `option-${i}` })),
    });
    const scores = (hot: Record<string, [number, number]>, sizes: Record<string, number>) =>
      Object.fromEntries(
        Object.entries(sizes).map(([id, n]) => [
          id,
          Object.fromEntries(
            Array.from({ length: n }, (_, i) => [
              `option-${i}`,
              hot[id]?.[0] === i ? (hot[id]?.[1] ?? 0) : 0,
            ]),
          ),
        ]),
      );
    const sizes = { a: 3, b: 5, c: 3, d: 5, e: 1, f: 5 };
    const domain: Domain = {
      issues: Object.entries(sizes).map(([id, n]) => issue(id, n)),
      parties: [
        {
          id: 'north',
          weights: { a: 1, b: 2, c: 1, d: 2, e: 1, f: 2 },
          scores: scores({ a: [1, 100], b: [4, 100], c: [2, 100], d: [3, 50], f: [3, 100] }, sizes),
          reservation: 0,
        },
        {
          id: 'south',
          weights: { a: 1, b: 1, c: 1, d: 1, e: 2, f: 1 },
          scores: scores(
            { a: [1, 50], b: [1, 100], c: [0, 50], d: [3, 100], e: [0, 50], f: [3, 50] },
            sizes,
          ),
          reservation: 0,
        },
      ],
    };
    const compiled = compileDomain(domain);
    const scanned = solveCompiled(compiled, { maxFrontierPoints: 100_000 });
    const searched = solveCompiled(compiled, { maxFrontierPoints: 1 });
    expect(scanned.nash).toEqual(searched.nash);
    expect(scanned.nash.found && scanned.nash.utilities).toEqual([77.777777, 42.857142]);
    assertMatchesBruteForce(compiled, scanned);
  });

  it('tell a Kalai–Smorodinsky level higher by less than 1e-9 from a tie', () => {
    // From CI: levels 9.5/22 and 25.333333/58.666666 differ by 8e-10; the higher one wins even
    // though the other package has the larger total.
    const domain = JSON.parse(
      '{"issues":[{"id":"issue-0","options":[{"id":"option-0"},{"id":"option-1"}]},{"id":"issue-1","options":[{"id":"option-0"},{"id":"option-1"}]},{"id":"issue-0-mirror","options":[{"id":"option-0"},{"id":"option-1"}]}],"parties":[{"id":"party-0","weights":{"issue-0":1,"issue-1":1,"issue-0-mirror":1},"scores":{"issue-0":{"option-0":0,"option-1":0},"issue-1":{"option-0":0,"option-1":0},"issue-0-mirror":{"option-0":0,"option-1":0}},"reservation":0},{"id":"party-1","weights":{"issue-0":1,"issue-1":2,"issue-0-mirror":1},"scores":{"issue-0":{"option-0":0,"option-1":50},"issue-1":{"option-0":0,"option-1":50},"issue-0-mirror":{"option-0":0,"option-1":50}},"reservation":28},{"id":"party-2","weights":{"issue-0":1,"issue-1":1,"issue-0-mirror":1},"scores":{"issue-0":{"option-0":0,"option-1":0},"issue-1":{"option-0":50,"option-1":0},"issue-0-mirror":{"option-0":0,"option-1":0}},"reservation":0},{"id":"party-3","weights":{"issue-0":2,"issue-1":2,"issue-0-mirror":2},"scores":{"issue-0":{"option-0":100,"option-1":0},"issue-1":{"option-0":0,"option-1":100},"issue-0-mirror":{"option-0":100,"option-1":0}},"reservation":8},{"id":"party-4","weights":{"issue-0":1,"issue-1":1,"issue-0-mirror":1},"scores":{"issue-0":{"option-0":0,"option-1":0},"issue-1":{"option-0":0,"option-1":0},"issue-0-mirror":{"option-0":0,"option-1":0}},"reservation":0},{"id":"party-5","weights":{"issue-0":1,"issue-1":1,"issue-0-mirror":1},"scores":{"issue-0":{"option-0":50,"option-1":100},"issue-1":{"option-0":0,"option-1":0},"issue-0-mirror":{"option-0":50,"option-1":100}},"reservation":0}]}',
    ) as Domain;
    const compiled = compileDomain(domain);
    const solutions = solveCompiled(compiled, { maxFrontierPoints: 100_000 });
    expect(solutions.kalaiSmorodinsky.found && solutions.kalaiSmorodinsky.package).toEqual([
      0, 1, 1,
    ]);
    assertMatchesBruteForce(compiled, solutions);
  });

  it('report that none exists when no package meets every reservation level', () => {
    const domain: Domain = {
      issues: [{ id: 'border', options: [{ id: 'open' }, { id: 'closed' }] }],
      parties: [
        {
          id: 'north',
          weights: { border: 1 },
          scores: { border: { open: 100, closed: 0 } },
          reservation: 60,
        },
        {
          id: 'south',
          weights: { border: 1 },
          scores: { border: { open: 0, closed: 100 } },
          reservation: 60,
        },
        {
          id: 'east',
          weights: { border: 1 },
          scores: { border: { open: 50, closed: 50 } },
          reservation: 10,
        },
      ],
    };
    for (const maxFrontierPoints of [1, 100]) {
      const s = solveCompiled(compileDomain({ ...domain, parties: domain.parties.slice(0, 2) }), {
        maxFrontierPoints,
      });
      expect(s.ideal).toBeNull();
      expect(s.nash).toEqual({
        found: false,
        kind: 'nash',
        reason: 'no-individually-rational-package',
      });
      expect(s.kalaiSmorodinsky.found).toBe(false);
      expect(s.egalitarian.found).toBe(false);
      expect(s.maxWelfare.individuallyRational).toBe(false);
    }
    expect(solveCompiled(compileDomain(domain), { maxFrontierPoints: 100 }).nash.found).toBe(false);
  });

  it('leave a party that cannot gain out of the egalitarian minimum, as out of Nash and KS', () => {
    // East gets its reservation level, 30, in every package: it cannot gain. Counting its gain
    // of 0 would make every least gain 0 and hand the egalitarian choice to total utility (the
    // third option); over north and south the second option's least gain, 50, is the largest.
    const utilities = [
      [100, 0, 30],
      [50, 50, 30],
      [60, 45, 30],
    ];
    const ids = ['north', 'south', 'east'];
    const domain: Domain = {
      issues: [{ id: 'terms', options: utilities.map((_, o) => ({ id: `option-${o}` })) }],
      parties: ids.map((id, p) => ({
        id,
        weights: { terms: 1 },
        scores: { terms: Object.fromEntries(utilities.map((u, o) => [`option-${o}`, u[p] ?? 0])) },
        reservation: id === 'east' ? 30 : 0,
      })),
    };
    for (const order of [
      [0, 1, 2],
      [2, 0, 1],
      [1, 2, 0],
    ]) {
      const parties = order.flatMap((p) => domain.parties.slice(p, p + 1));
      const s = solveCompiled(compileDomain({ ...domain, parties }), { maxFrontierPoints: 100 });
      expect(s.egalitarian.found && [s.egalitarian.package, s.egalitarian.value]).toEqual([
        [1],
        50,
      ]);
      expect(s.nash.found && s.nash.package).toEqual([2]);
      expect(s.kalaiSmorodinsky.found && s.kalaiSmorodinsky.package).toEqual([2]);
    }
  });

  it('give a least gain of 0 and the tie-break when no party can gain', () => {
    const domain: Domain = {
      issues: [{ id: 'terms', options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] }],
      parties: ['north', 'south'].map((id) => ({
        id,
        weights: { terms: 1 },
        scores: { terms: { a: 10, b: 40, c: 40 } },
        reservation: 40,
      })),
    };
    for (const maxFrontierPoints of [1, 100]) {
      const s = solveCompiled(compileDomain(domain), { maxFrontierPoints });
      expect(s.egalitarian.found && [s.egalitarian.package, s.egalitarian.value]).toEqual([[1], 0]);
      expect(
        s.kalaiSmorodinsky.found && [s.kalaiSmorodinsky.package, s.kalaiSmorodinsky.value],
      ).toEqual([[1], 1]);
      expect(s.nash.found && s.nash.package).toEqual([1]);
    }
  });

  it('follow their definitions on a small worked example', () => {
    // Two issues; north cares about land, south about water.
    const domain: Domain = {
      issues: [
        { id: 'land', options: [{ id: 'north' }, { id: 'split' }, { id: 'south' }] },
        { id: 'water', options: [{ id: 'north' }, { id: 'split' }, { id: 'south' }] },
      ],
      parties: [
        {
          id: 'north',
          weights: { land: 80, water: 20 },
          scores: {
            land: { north: 100, split: 50, south: 0 },
            water: { north: 100, split: 50, south: 0 },
          },
          reservation: 30,
        },
        {
          id: 'south',
          weights: { land: 40, water: 60 },
          scores: {
            land: { north: 0, split: 50, south: 100 },
            water: { north: 0, split: 50, south: 100 },
          },
          reservation: 20,
        },
      ],
    };
    const s = solveCompiled(compileDomain(domain), { maxFrontierPoints: 100 });
    // Logrolling: land to the north, water to the south gives (80, 60) — gains (50, 40).
    expect(s.nash.found && s.nash.package).toEqual([0, 2]);
    expect(s.nash.found && s.nash.value).toBeCloseTo(50 * 40);
    expect(s.maxWelfare.package).toEqual([0, 2]);
    expect(s.maxWelfare.value).toBeCloseTo(140);
    expect(s.egalitarian.found && s.egalitarian.package).toEqual([0, 2]);
    // Ideal levels over the individually rational packages: north 90 at (north, split) — its 100
    // at (north, north) leaves south below 20 — and south 80 at (split, south).
    expect(s.ideal).toEqual([90, 80]);
    // KS: possible gains (60, 60); at (80, 60) the normalised gains are 50/60 and 40/60.
    expect(s.kalaiSmorodinsky.found && s.kalaiSmorodinsky.package).toEqual([0, 2]);
    expect(s.kalaiSmorodinsky.found && s.kalaiSmorodinsky.value).toBeCloseTo(40 / 60);
  });
});
