import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeCompiled } from './analyze.js';
import { compileDomain, packageIds, type CompiledDomain, type Domain } from './domain.js';
import { ownView, viewFor } from './disclosure.js';
import { baselineUnits } from './improvements.js';
import { domainWithProposal, SMALL } from './test-support/arbitraries.js';
import { enumerate } from './test-support/brute-force.js';

/** Every number anywhere in a value, as it would travel in JSON. */
function numbersIn(value: unknown): number[] {
  const out: number[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'number') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  walk(JSON.parse(JSON.stringify(value)));
  return out;
}

/**
 * Every number that can be derived from the ratings of the given parties alone: their utility of
 * every complete package, gains over their reservation level and over the proposal's baseline,
 * their reservation and baseline themselves.
 */
function derivedFrom(
  compiled: CompiledDomain,
  parties: readonly number[],
  proposal: number[] | null,
): Set<number> {
  const e = enumerate(compiled);
  const d = compiled.partyCount;
  const baseline = proposal === null ? null : baselineUnits(compiled, proposal);
  const out = new Set<number>();
  for (const p of parties) {
    const r = compiled.reservation[p] ?? 0;
    const b = baseline?.[p];
    out.add(r / 1_000_000);
    if (b !== undefined) out.add(b / 1_000_000);
    for (let k = 0; k < e.count; k++) {
      const u = e.units[k * d + p] ?? 0;
      out.add(u / 1_000_000);
      out.add((u - r) / 1_000_000);
      if (b !== undefined) out.add((u - b) / 1_000_000);
    }
  }
  return out;
}

/** Distinctive weights (prime totals) so that each party's utilities have their own decimals. */
const domain: Domain = {
  issues: ['land', 'water', 'return'].map((id) => ({
    id,
    options: [{ id: 'first' }, { id: 'second' }, { id: 'third' }],
  })),
  parties: [
    {
      id: 'alpha',
      weights: { land: 7, water: 11, return: 13 },
      scores: {
        land: { first: 97, second: 41, third: 3 },
        water: { first: 13, second: 89, third: 57 },
        return: { first: 71, second: 29, third: 83 },
      },
      reservation: 31.7,
    },
    {
      id: 'beta',
      weights: { land: 17, water: 19, return: 23 },
      scores: {
        land: { first: 7, second: 61, third: 99 },
        water: { first: 91, second: 17, third: 43 },
        return: { first: 37, second: 79, third: 11 },
      },
      reservation: 27.3,
    },
    {
      id: 'gamma',
      weights: { land: 29, water: 31, return: 37 },
      scores: {
        land: { first: 53, second: 67, third: 19 },
        water: { first: 23, second: 47, third: 87 },
        return: { first: 93, second: 5, third: 59 },
      },
      reservation: 22.9,
    },
  ],
};
const proposal = { land: 'second', water: 'second', return: 'second' };

describe('disclosure of an analysis', () => {
  const compiled = compileDomain(domain);
  const result = analyzeCompiled(compiled, { proposal, improvementsLimit: 10 });
  const proposalIndex = [1, 1, 1];

  it('computes a party’s own view from its own ratings alone, with no engine', () => {
    const alpha = domain.parties[0]!;
    const view = ownView(alpha, domain.issues, proposal);
    const own = derivedFrom(compiled, [0], proposalIndex);
    // The engine's numbers are rounded to its integer units; the own view computes in floats.
    for (const n of numbersIn(view))
      expect([...own].some((x) => Math.abs(x - n) < 1e-4)).toBe(true);
    expect(view.proposal?.utility).toBeCloseTo((result.proposal?.baseline[0] ?? -1) as number, 6);
    expect(JSON.stringify(view)).not.toMatch(/beta|gamma|suggestion|frontier/);
  });

  it('gives a publication the solutions’ packages in the concepts’ order, each party’s utility beside', () => {
    const view = viewFor(result, { kind: 'publication' });
    if (view.kind !== 'publication') throw new Error('expected a publication view');
    expect(view.parties).toEqual(['alpha', 'beta', 'gamma']);
    const nash = result.solutions.nash;
    if (!nash.found) throw new Error('expected a Nash solution');
    expect(view.packages[0]?.labels[0]).toBe('nash');
    expect(view.packages[0]?.package).toEqual(packageIds(domain, nash.package));
    expect(view.packages[0]?.utilities).toEqual([...nash.utilities]);
    const labels = view.packages.flatMap((p) => p.labels);
    expect(new Set(labels).size).toBe(labels.length);
    expect(JSON.stringify(view)).not.toMatch(/frontier|epsilon|value|gains/);
  });

  it('shows the mediator team the packages, and numbers only of the parties that shared', () => {
    const view = viewFor(result, { kind: 'mediator', sharedParties: ['alpha', 'beta'] });
    if (view.kind !== 'mediator') throw new Error('expected a mediator view');
    const allowed = derivedFrom(compiled, [0, 1], proposalIndex);
    allowed.add(view.frontier.epsilon);
    const gamma = derivedFrom(compiled, [2], proposalIndex);
    for (const n of numbersIn(view)) {
      expect(allowed.has(n)).toBe(true);
      if (!allowed.has(n)) expect(gamma.has(n)).toBe(false);
    }
    expect(JSON.stringify(view)).not.toContain('gamma');
    expect(view.complete).toBe(false);
    expect(view.frontier.points.length).toBe(result.frontier.size);
    expect(view.frontier.points[0]?.package).toEqual(
      packageIds(domain, result.frontier.packageAt(0)),
    );
  });

  it('adds the aggregate numbers for the mediator team once every party has shared', () => {
    const view = viewFor(result, { kind: 'mediator', sharedParties: ['alpha', 'beta', 'gamma'] });
    if (view.kind !== 'mediator') throw new Error('expected a mediator view');
    expect(view.complete).toBe(true);
    const nash = view.solutions.find((s) => s.kind === 'nash');
    expect(nash?.value).toBe(result.solutions.nash.found ? result.solutions.nash.value : undefined);
    expect(view.ideal).toEqual({
      alpha: result.solutions.ideal?.[0],
      beta: result.solutions.ideal?.[1],
      gamma: result.solutions.ideal?.[2],
    });
  });

  it('never lets a number derived from another party’s ratings into a party’s own view', () => {
    fc.assert(
      fc.property(domainWithProposal(SMALL, true), ({ domain: d, proposal: p }) => {
        const c = compileDomain(d);
        const r = analyzeCompiled(c, {
          proposal: Object.fromEntries(
            d.issues.flatMap((issue, i) => {
              const option = issue.options[p[i] ?? -1];
              return option === undefined ? [] : [[issue.id, option.id]];
            }),
          ),
        });
        const byIds = Object.fromEntries(
          d.issues.flatMap((issue, i) => {
            const option = issue.options[p[i] ?? -1];
            return option === undefined ? [] : [[issue.id, option.id]];
          }),
        );
        for (const [index, party] of d.parties.entries()) {
          const own = derivedFrom(c, [index], p);
          const view = ownView(party, d.issues, byIds);
          for (const n of numbersIn(view))
            expect([...own].some((x) => Math.abs(x - n) < 1e-4)).toBe(true);
        }
        const shared = d.parties.slice(1).map((party) => party.id);
        const mediator = viewFor(r, { kind: 'mediator', sharedParties: shared });
        const allowed = derivedFrom(
          c,
          shared.map((_, i) => i + 1),
          p,
        );
        if (mediator.kind === 'mediator') allowed.add(mediator.frontier.epsilon);
        for (const n of numbersIn(mediator)) expect(allowed.has(n)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
