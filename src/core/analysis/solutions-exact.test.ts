/**
 * The solutions are decided exactly, for any number of parties: an exact tie goes to the
 * documented tie-break (total utility, then the lexicographically smallest package), a difference
 * below floating-point resolution is not taken for a tie, and the answer does not depend on the
 * order in which the parties are listed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDomain, type Domain } from './domain.js';
import { solveCompiled, type Solutions } from './solutions.js';
import { domainArbitrary } from './test-support/arbitraries.js';
import { exactSolutions } from './test-support/exact-reference.js';

/** One issue whose option o gives party p the utility utilities[o][p] (weight 1, so exactly). */
function oneIssue(utilities: readonly (readonly number[])[], reservation = 0): Domain {
  const parties = utilities[0]?.length ?? 0;
  return {
    issues: [{ id: 'terms', options: utilities.map((_, o) => ({ id: `option-${o}` })) }],
    parties: Array.from({ length: parties }, (_, p) => ({
      id: `party-${p}`,
      weights: { terms: 1 },
      scores: { terms: Object.fromEntries(utilities.map((u, o) => [`option-${o}`, u[p] ?? 0])) },
      reservation,
    })),
  };
}

/** The same domain with its parties listed in another order. */
function reordered(domain: Domain, order: readonly number[]): Domain {
  return {
    ...domain,
    parties: order.flatMap((p) => {
      const party = domain.parties[p];
      return party === undefined ? [] : [party];
    }),
  };
}

/** Every cyclic shift of `base`: options that tie on every symmetric criterion. */
const shifts = (base: readonly number[]): number[][] =>
  base.map((_, s) => base.map((_, p) => base[(p + s) % base.length] ?? 0));

/** A few orders of d parties: as listed, reversed, rotated, pairs swapped, evens first. */
function orders(d: number): number[][] {
  const all = Array.from({ length: d }, (_, p) => p);
  return [
    all,
    [...all].reverse(),
    all.map((p) => (p + 1) % d),
    all.map((p) => (p % 2 === 0 ? Math.min(p + 1, d - 1) : p - 1)),
    [...all.filter((p) => p % 2 === 0), ...all.filter((p) => p % 2 === 1)],
  ];
}

/** The packages of the three bargaining solutions, solved by every path the engine has. */
function chosen(domain: Domain): Record<'nash' | 'ks' | 'egalitarian', readonly number[] | null> {
  const compiled = compileDomain(domain);
  // One frontier point forces branch-and-bound; two parties otherwise scan the exact frontier.
  const [searched, scanned] = [1, 100_000].map((maxFrontierPoints) =>
    solveCompiled(compiled, { maxFrontierPoints }),
  ) as [Solutions, Solutions];
  expect(searched).toEqual(scanned);
  const pkg = (s: Solutions['nash']) => (s.found ? s.package : null);
  return {
    nash: pkg(scanned.nash),
    ks: pkg(scanned.kalaiSmorodinsky),
    egalitarian: pkg(scanned.egalitarian),
  };
}

const base = [90, 50, 20, 40, 70, 10, 60, 30];

describe('the solutions, decided exactly', () => {
  it.each([
    { name: 'the four-party case of issue 18', utilities: shifts([90, 50, 20, 40]) },
    ...[2, 3, 4, 5, 6, 7, 8].map((d) => ({
      name: `${d} parties, cyclic shifts`,
      utilities: shifts(base.slice(0, d)),
    })),
    {
      name: '4 parties, every option reversed too',
      utilities: [...shifts([90, 50, 20, 40]), ...shifts([40, 20, 50, 90])],
    },
    {
      name: '6 parties, fractional utilities',
      utilities: shifts([99.9, 77.7, 55.5, 33.3, 11.1, 88.8]),
    },
  ])(
    'send a tie on every criterion to the first package, whatever the order of the parties ($name)',
    ({ utilities }) => {
      const domain = oneIssue(utilities);
      for (const order of orders(utilities[0]?.length ?? 0))
        expect(chosen(reordered(domain, order))).toEqual({ nash: [0], ks: [0], egalitarian: [0] });
    },
  );

  it.each([4, 6, 8])(
    'send a tie in the product and the level to total utility with %i parties',
    (d) => {
      // 60 × 75 = 90 × 50 and 60/90 = 50/75: only the total (195 against 200) tells them apart.
      const rest = [20, 40, 30, 30, 10, 80].slice(0, d - 2);
      const domain = oneIssue([
        [60, 75, ...rest],
        [90, 50, ...rest],
      ]);
      for (const order of orders(d))
        expect(chosen(reordered(domain, order))).toEqual({ nash: [1], ks: [1], egalitarian: [1] });
    },
  );

  it.each([2, 4, 8])(
    'tell a larger product and a higher level from a tie when floats cannot (%i parties)',
    (d) => {
      // 99.999999² exceeds 100 × 99.999998 by one micro-point², and the level 0.99999999
      // exceeds 99.999998 / 99.999999 by 1e-16: both round to the same float. Same totals;
      // the least gain differs only with two parties (the others' is lower and the same).
      const rest = [50, 30, 70, 20, 60, 40].slice(0, d - 2);
      const domain = oneIssue([
        [100, 99.999998, ...rest],
        [99.999999, 99.999999, ...rest],
      ]);
      const egalitarian = d === 2 ? [1] : [0];
      for (const order of orders(d))
        expect(chosen(reordered(domain, order))).toEqual({ nash: [1], ks: [1], egalitarian });
    },
  );

  it('equal an exact enumeration on domains built to tie, for 2 to 8 parties', () => {
    // Every option gives the parties some permutation of one list of utilities, so products,
    // levels and totals tie often and exactly; one or two such issues, equal weights.
    const utility = fc.oneof(
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 0, max: 100_000_000 }).map((u) => u / 1_000_000),
    );
    const cases = fc.integer({ min: 2, max: 8 }).chain((d) => {
      const parties = Array.from({ length: d }, (_, p) => p);
      const permutation = fc.shuffledSubarray(parties, { minLength: d, maxLength: d });
      return fc.record({
        utilities: fc.array(utility, { minLength: d, maxLength: d }),
        options: fc.array(fc.array(permutation, { minLength: 2, maxLength: 4 }), {
          minLength: 1,
          maxLength: 2,
        }),
        reservation: fc.constantFrom(0, 5, 20),
        order: permutation,
      });
    });
    fc.assert(
      fc.property(cases, ({ utilities, options, reservation, order }) => {
        const issues = options.map((perms, i) => ({
          id: `issue-${i}`,
          options: perms.map((_, o) => ({ id: `option-${o}` })),
        }));
        const domain: Domain = {
          issues,
          parties: utilities.map((_, p) => ({
            id: `party-${p}`,
            weights: Object.fromEntries(issues.map((issue) => [issue.id, 1])),
            scores: Object.fromEntries(
              options.map((perms, i) => [
                `issue-${i}`,
                Object.fromEntries(
                  perms.map((perm, o) => [`option-${o}`, utilities[perm[p] ?? 0] ?? 0]),
                ),
              ]),
            ),
            reservation,
          })),
        };
        const exact = exactSolutions(compileDomain(domain));
        const expected = {
          nash: exact.nash?.pkg ?? null,
          ks: exact.kalaiSmorodinsky?.pkg ?? null,
          egalitarian: exact.egalitarian?.pkg ?? null,
        };
        expect(chosen(domain)).toEqual(expected);
        expect(chosen(reordered(domain, order))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('equal an exact enumeration for 2 to 8 parties, in any order of the parties', () => {
    const bounds = { minParties: 2, maxParties: 8, maxIssues: 4, maxOptions: 4, maxOutcomes: 120 };
    const cases = domainArbitrary(bounds).chain((domain) =>
      fc.record({
        domain: fc.constant(domain),
        order: fc.shuffledSubarray(
          domain.parties.map((_, p) => p),
          { minLength: domain.parties.length, maxLength: domain.parties.length },
        ),
      }),
    );
    fc.assert(
      fc.property(cases, ({ domain, order }) => {
        const exact = exactSolutions(compileDomain(domain));
        const expected = {
          nash: exact.nash?.pkg ?? null,
          ks: exact.kalaiSmorodinsky?.pkg ?? null,
          egalitarian: exact.egalitarian?.pkg ?? null,
        };
        expect(chosen(domain)).toEqual(expected);
        expect(chosen(reordered(domain, order))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
