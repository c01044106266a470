import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { compileDomain, packageUnits, type Domain } from './domain.js';
import { analyzeProposalCompiled, baselineUnits } from './improvements.js';
import { domainWithProposal, LARGE, SMALL } from './test-support/arbitraries.js';
import { bruteImprovements, bruteIsDominated, enumerate } from './test-support/brute-force.js';

function checkAgainstBruteForce(
  domain: Domain,
  proposal: number[],
  limit: number,
  cap: number,
): void {
  const compiled = compileDomain(domain);
  const result = analyzeProposalCompiled(compiled, proposal, { limit, maxFrontierPoints: cap });
  const e = enumerate(compiled);
  const baseline = baselineUnits(compiled, proposal);
  expect(result.baseline).toEqual(Array.from(baseline, (u) => u / 1_000_000));
  const expected = bruteImprovements(e, baseline, limit);
  expect(result.improvements.map((i) => i.package)).toEqual(expected.map((x) => x.pkg));
  expect(result.improvements.map((i) => i.utilities)).toEqual(
    expected.map((x) => x.units.map((u) => u / 1_000_000)),
  );
  const complete = proposal.every((o) => o >= 0);
  expect(result.complete).toBe(complete);
  if (complete)
    expect(result.efficient).toBe(!bruteIsDominated(e, packageUnits(compiled, proposal)));
  else expect(result.efficient).toBeNull();
  for (const imp of result.improvements) {
    expect(Math.min(...imp.gains)).toBeCloseTo(imp.minGain, 9);
    expect(imp.gains.every((g) => g >= 0)).toBe(true);
    expect(imp.gains.some((g) => g > 0)).toBe(true);
  }
}

describe('improvements on a tabled proposal', () => {
  it('equal brute-force enumeration for complete proposals, with the efficiency verdict', () => {
    fc.assert(
      fc.property(domainWithProposal(SMALL, false), fc.integer({ min: 1, max: 6 }), (c, limit) =>
        checkAgainstBruteForce(c.domain, c.proposal, limit, 100_000),
      ),
      { numRuns: 300 },
    );
  });

  it('equal brute-force enumeration for partial proposals (open issues at each party’s worst option)', () => {
    fc.assert(
      fc.property(domainWithProposal(SMALL, true), fc.integer({ min: 1, max: 6 }), (c, limit) =>
        checkAgainstBruteForce(c.domain, c.proposal, limit, 100_000),
      ),
      { numRuns: 300 },
    );
  });

  it('equal brute-force enumeration on the largest small domains, by frontier arc and by search', () => {
    fc.assert(
      fc.property(domainWithProposal(LARGE, false), fc.constantFrom(1, 100_000), (c, cap) =>
        checkAgainstBruteForce(c.domain, c.proposal, 5, cap),
      ),
      { numRuns: 80 },
    );
  });

  it('are the same for two parties whether found on the frontier or by branch-and-bound', () => {
    fc.assert(
      fc.property(
        domainWithProposal({ ...SMALL, maxParties: 2 }, true),
        fc.integer({ min: 1, max: 6 }),
        (c, limit) => {
          const compiled = compileDomain(c.domain);
          const viaFrontier = analyzeProposalCompiled(compiled, c.proposal, {
            limit,
            maxFrontierPoints: 100_000,
          });
          const viaSearch = analyzeProposalCompiled(compiled, c.proposal, {
            limit,
            maxFrontierPoints: 1,
          });
          expect(viaSearch).toEqual(viaFrontier);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rank by the smallest gain first, SmartSettle style', () => {
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
          reservation: 0,
        },
        {
          id: 'south',
          weights: { land: 40, water: 60 },
          scores: {
            land: { north: 0, split: 50, south: 100 },
            water: { north: 0, split: 50, south: 100 },
          },
          reservation: 0,
        },
      ],
    };
    // Tabled: split both — (50, 50). Land north, water south — (80, 60) — gains 30 and 10.
    const result = analyzeProposalCompiled(compileDomain(domain), [1, 1], {
      limit: 5,
      maxFrontierPoints: 100,
    });
    expect(result.efficient).toBe(false);
    expect(result.improvements.map((i) => i.package)).toEqual([[0, 2]]);
    expect(result.improvements[0]?.minGain).toBeCloseTo(10);
    expect(result.improvements[0]?.totalGain).toBeCloseTo(40);
    const efficient = analyzeProposalCompiled(compileDomain(domain), [0, 2], {
      limit: 5,
      maxFrontierPoints: 100,
    });
    expect(efficient).toMatchObject({ efficient: true, improvements: [] });
  });

  it('reject a proposal that does not fit the agenda', () => {
    const compiled = compileDomain({
      issues: [{ id: 'a', options: [{ id: 'x' }] }],
      parties: ['p', 'q'].map((id) => ({
        id,
        weights: { a: 1 },
        scores: { a: { x: 50 } },
        reservation: 0,
      })),
    });
    expect(() =>
      analyzeProposalCompiled(compiled, [], { limit: 1, maxFrontierPoints: 10 }),
    ).toThrow(DomainError);
    expect(() =>
      analyzeProposalCompiled(compiled, [3], { limit: 1, maxFrontierPoints: 10 }),
    ).toThrow(DomainError);
  });
});
