import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_EPSILON } from '../core/analysis/frontier.js';
import { parley } from './test-support/parley.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-analyze-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const domain = {
  issues: [
    { id: 'election', options: ['6m', '12m', '24m'] },
    { id: 'sanctions', options: ['none', 'phased', 'full'] },
  ],
  parties: [
    {
      id: 'gov',
      reservation: 20,
      weights: { election: 30, sanctions: 70 },
      scores: {
        election: { '6m': 0, '12m': 50, '24m': 100 },
        sanctions: { none: 0, phased: 60, full: 100 },
      },
    },
    {
      id: 'opp',
      reservation: 20,
      weights: { election: 80, sanctions: 20 },
      scores: {
        election: { '6m': 100, '12m': 70, '24m': 0 },
        sanctions: { none: 100, phased: 50, full: 0 },
      },
    },
  ],
  proposal: { election: '24m', sanctions: 'none' },
};

describe('parley analyze', () => {
  it('prints the frontier and the solutions of a domain file', async () => {
    const r = await parley(['analyze', file('d.json', domain)]);
    expect(r.code).toBe(0);
    expect(r.output).toContain('2 parties, 2 issues, 9 possible packages.');
    expect(r.output).toMatch(/Pareto frontier: \d+ packages, exact/);
    expect(r.output).toContain('Nash bargaining: election: 6m; sanctions: full');
  });

  it('answers machines with JSON, including improvements on the proposal', async () => {
    const r = await parley(['analyze', file('d.json', domain), '--json']);
    const json = JSON.parse(r.output);
    // (6m, full) gives gains 50 and 60 over the reservation levels: the largest product.
    expect(json.solutions.nash.package).toEqual({ election: '6m', sanctions: 'full' });
    expect(json.proposal.efficient).toBe(false);
    for (const i of json.proposal.improvements)
      for (const g of i.gains) expect(g).toBeGreaterThanOrEqual(0);
  });

  it('lists the frontier up to --frontier and says how many packages it leaves out', async () => {
    const some = await parley(['analyze', file('d.json', domain), '--frontier', '2']);
    expect(some.output).toContain('Pareto frontier: 5 packages, exact');
    expect(some.output).toContain('The first 2 of 5 (by gov');
    expect(some.output).toContain('election: 24m; sanctions: full (utilities gov 100, opp 0)');
    const all = await parley(['analyze', file('d.json', domain), '--frontier', 'all']);
    expect(all.output).toContain('All 5 (by gov');
    const none = await parley(['analyze', file('d.json', domain), '--frontier', '0']);
    expect(none.output).toContain('(none listed: --frontier N or all lists them)');
    await expect(parley(['analyze', file('d.json', domain), '--frontier', 'many'])).rejects.toThrow(
      '--frontier needs a whole number, or all.',
    );
  });

  it('limits frontier points by --frontier and improvements by --top, each on its own', async () => {
    const json = async (...args: string[]) =>
      JSON.parse((await parley(['analyze', file('d.json', domain), '--json', ...args])).output);
    const some = await json('--frontier', '2', '--top', '1');
    expect(some.frontier).toMatchObject({ size: 5, shown: 2, omitted: 3 });
    expect(some.frontier.points).toHaveLength(2);
    expect(some.proposal.improvements).toHaveLength(1);
    const all = await json('--frontier', 'all', '--top', '3');
    expect(all.frontier).toMatchObject({ size: 5, shown: 5, omitted: 0 });
    expect(all.frontier.points).toHaveLength(5);
    expect(all.proposal.improvements).toHaveLength(3);
  });

  it('says in JSON whether each solution, max welfare included, is individually rational', async () => {
    const rational = JSON.parse(
      (await parley(['analyze', file('d.json', domain), '--json'])).output,
    );
    for (const s of Object.values(rational.solutions))
      expect(s).toMatchObject({ found: true, individuallyRational: true });
    // No package gives the opposition 95: only max welfare is reported, below that level.
    const [gov, opp] = domain.parties;
    const demanding = { ...domain, parties: [gov, { ...opp, reservation: 95 }] };
    const r = JSON.parse(
      (await parley(['analyze', file('hard.json', demanding), '--json'])).output,
    );
    expect(r.solutions.nash).toEqual({ found: false, reason: 'no-individually-rational-package' });
    expect(r.solutions.maxWelfare).toMatchObject({ found: true, individuallyRational: false });
  });

  it.each([0, 0.25, MAX_EPSILON, MAX_EPSILON + 0.01, 1])(
    'accepts ε = %s on the command line exactly when the file format does',
    async (epsilon) => {
      const inFile = () => parley(['analyze', file('eps.json', { ...domain, epsilon })]);
      const onLine = () => parley(['analyze', file('d.json', domain), '--epsilon', `${epsilon}`]);
      if (epsilon <= MAX_EPSILON) {
        expect((await inFile()).code).toBe(0);
        expect((await onLine()).code).toBe(0);
      } else {
        await expect(inFile()).rejects.toThrow(
          `"epsilon" must be a number from 0 to ${MAX_EPSILON}`,
        );
        await expect(onLine()).rejects.toThrow(`--epsilon must be between 0 and ${MAX_EPSILON}`);
      }
    },
  );

  it('lists every problem of an invalid file at once', async () => {
    const bad = {
      issues: [{ id: 'x', options: ['a'] }],
      parties: [{ id: 'p', weights: {}, scores: {}, reservation: 500 }],
    };
    await expect(parley(['analyze', file('bad.json', bad)])).rejects.toThrow(/problems/);
    await expect(parley(['analyze', file('broken.json', '{ not json')])).rejects.toThrow(
      /not readable JSON/,
    );
  });
});
