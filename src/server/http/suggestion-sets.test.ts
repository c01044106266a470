/**
 * Suggestion sets: submissions are numbered and frozen, a set is the only way anything computed
 * from another party's ratings reaches a party, each party sees its own utilities only,
 * publications are bounded per round, and the probing attack of re-saving one's own ratings and
 * re-reading learns nothing about the other party.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoRoleKey } from '../demo/seed.js';
import { testDatabases } from '../test-support/databases.js';
import { startTestParley, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();

describe.each(targets)('suggestion sets on $name', (target) => {
  let p: TestParley;
  beforeAll(async () => {
    p = await startTestParley(target);
  });
  afterAll(async () => p.close());

  const url = () => `/api/processes/${p.demo.processId}`;
  const call = async (
    key: DemoRoleKey,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    payload?: object,
  ) => p.as(await p.session(key), { method, url: `${url()}${path}`, payload });
  const draftOf = async (key: DemoRoleKey) =>
    (await call(key, 'GET', '/preferences')).json().preferences;
  /** Saves a party's ratings with every score moved by `shift` (kept within 0–100) and a new reservation. */
  const resave = async (key: DemoRoleKey, shift: number, reservation: number) => {
    const draft = await draftOf(key);
    const scores = Object.fromEntries(
      Object.entries(draft.scores as Record<string, Record<string, number>>).map(([i, o]) => [
        i,
        Object.fromEntries(
          Object.entries(o).map(([k, v]) => [k, Math.max(0, Math.min(100, v + shift))]),
        ),
      ]),
    );
    const res = await call(key, 'PUT', '/preferences', {
      baseRevision: draft.revision,
      entry: { kind: 'numbers', weights: draft.weights, scores, reservation },
    });
    expect(res.statusCode).toBe(200);
    return res.json().preferences;
  };

  it('lets a party submit its draft as a numbered submission that later saves never change', async () => {
    const before = (await call('govDelegate', 'GET', '/preferences/submissions')).json()
      .submissions;
    expect(before.map((s: { number: number }) => s.number)).toEqual([1]);
    const draft = await resave('govDelegate', 1, 41);
    const res = await call('govDelegate', 'POST', '/preferences/submissions', {
      revision: draft.revision,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().submission).toMatchObject({ number: 2, reservation: 41 });
    await resave('govDelegate', 2, 43);
    const after = (await call('govHead', 'GET', '/preferences/submissions')).json().submissions;
    expect(
      after.map((s: { number: number; reservation: number }) => [s.number, s.reservation]),
    ).toEqual([
      [2, 41],
      [1, 40],
    ]);
    // A stale revision is refused: nobody submits a draft a colleague changed meanwhile.
    const stale = await call('govHead', 'POST', '/preferences/submissions', {
      revision: draft.revision,
    });
    expect(stale.statusCode).toBe(409);
    // Another party's submissions stay with that party.
    const opp = (await call('oppHead', 'GET', '/preferences/submissions')).json().submissions;
    expect(opp.map((s: { number: number }) => s.number)).toEqual([1]);
  });

  it('shows each party the demo’s published set with its own utility only, and the mediators both', async () => {
    const gov = (await call('govHead', 'GET', '/suggestion-sets')).json();
    const opp = (await call('oppDelegate', 'GET', '/suggestion-sets')).json();
    const team = (await call('mediator', 'GET', '/suggestion-sets')).json();
    expect(gov.sets).toHaveLength(1);
    expect(gov.viewer).toBe('party');
    for (const [view, own, other] of [
      [gov, p.demo.parties.gov, p.demo.parties.opp],
      [opp, p.demo.parties.opp, p.demo.parties.gov],
    ] as const) {
      const [set] = view.sets;
      expect(set.inputs).toEqual([
        { partyId: own, submission: 1, reservation: expect.any(Number) },
      ]);
      for (const pkg of set.packages) expect(Object.keys(pkg.utilities)).toEqual([own]);
      expect(JSON.stringify(view)).not.toContain(other);
      expect(view.pending).toBeNull();
    }
    // Same packages, in the same order, for everyone.
    expect(gov.sets[0].packages.map((x: { package: unknown }) => x.package)).toEqual(
      opp.sets[0].packages.map((x: { package: unknown }) => x.package),
    );
    const [set] = team.sets;
    expect(Object.keys(set.packages[0].utilities).sort()).toEqual(
      [p.demo.parties.gov, p.demo.parties.opp].sort(),
    );
    expect(set.packages[0].utilities[p.demo.parties.gov]).toBe(
      gov.sets[0].packages[0].utilities[p.demo.parties.gov],
    );
    // The mediators see how many submissions each party made since the set.
    expect(team.pending).toEqual(
      expect.arrayContaining([
        { partyId: p.demo.parties.gov, sinceLastSet: 1, submitted: true },
        { partyId: p.demo.parties.opp, sinceLastSet: 0, submitted: true },
      ]),
    );
  });

  it('refuses suggestion sets to the facilitator and the observer, like the analysis', async () => {
    for (const key of ['admin', 'observer'] as const)
      expect((await call(key, 'GET', '/suggestion-sets')).statusCode).toBe(403);
  });

  it('bounds publications per round and allows one more only when every party consents', async () => {
    const first = await call('leadMediator', 'POST', '/suggestion-sets');
    expect(first.statusCode).toBe(422);
    expect(first.json().error.code).toBe('RULE_VIOLATION');
    expect(first.json().error.message).toMatch(/1 suggestion set per round.*every party's consent/);
    const consent = await call('govHead', 'POST', '/suggestion-sets/consents');
    expect(consent.json()).toEqual({ setNumber: 2 });
    expect((await call('govDelegate', 'POST', '/suggestion-sets/consents')).statusCode).toBe(403);
    expect((await call('leadMediator', 'POST', '/suggestion-sets')).statusCode).toBe(422);
    // A party sees its own consent only.
    const opp = (await call('oppHead', 'GET', '/suggestion-sets')).json();
    expect(opp.bound).toMatchObject({
      setsPerRound: 1,
      round: 1,
      publishedInRound: 1,
      consentNeeded: true,
      consented: [],
    });
    await call('oppHead', 'POST', '/suggestion-sets/consents');
    const second = await call('mediator', 'POST', '/suggestion-sets');
    expect(second.statusCode).toBe(200);
    expect(second.json().set.number).toBe(2);
    // The consents were for set 2 only.
    expect((await call('leadMediator', 'POST', '/suggestion-sets')).statusCode).toBe(422);
    // Set 2 used the government's second submission: the government is told which of its own.
    const gov = (await call('govHead', 'GET', '/suggestion-sets')).json();
    expect(
      gov.sets.map((s: { inputs: { submission: number }[] }) => s.inputs[0]?.submission),
    ).toEqual([1, 2]);
  });

  it('lets only the facilitator change the bound, and tells every member', async () => {
    expect(
      (await call('leadMediator', 'PUT', '/suggestion-sets/bound', { setsPerRound: 5 })).statusCode,
    ).toBe(403);
    const res = await call('admin', 'PUT', '/suggestion-sets/bound', { setsPerRound: 3 });
    expect(res.statusCode).toBe(200);
    const opp = (await call('oppHead', 'GET', '/suggestion-sets')).json();
    expect(opp.bound).toMatchObject({ setsPerRound: 3, publishedInRound: 2, consentNeeded: false });
    expect((await call('leadMediator', 'POST', '/suggestion-sets')).statusCode).toBe(200);
    expect(
      (await call('admin', 'PUT', '/suggestion-sets/bound', { setsPerRound: 1 })).statusCode,
    ).toBe(200);
  });

  it('gives the prober nothing: 8 re-saves of its own ratings leave every view of the other party unchanged', async () => {
    // The attack of the issue: the opposition head rates everything alike, then varies its own
    // ratings and re-reads, hoping the suggestions move with the government's private trade-offs.
    const others = async () => {
      const sets = (await call('oppHead', 'GET', '/suggestion-sets')).body;
      const analysis = (await call('oppHead', 'GET', '/analysis')).json();
      return { sets, movement: JSON.stringify(analysis.movement), rounds: analysis.rounds };
    };
    const baseline = await others();
    for (let k = 0; k < 8; k++) {
      await resave('oppHead', k % 2 === 0 ? 10 * k : -10 * k, 20 + k);
      const view = await others();
      expect(view.sets).toBe(baseline.sets);
      expect(view.rounds).toEqual(baseline.rounds);
      // Its own analysis moves with its own numbers, and holds nobody else's.
      const analysis = (await call('oppHead', 'GET', '/analysis')).json();
      expect(analysis.view.reservation).toBe(20 + k);
      expect(Object.keys(analysis.view).sort()).toEqual([
        'kind',
        'party',
        'proposal',
        'reservation',
      ]);
      expect(analysis.dance.length).toBeGreaterThan(0);
      for (const step of analysis.dance)
        expect(Object.keys(step.utilities)).toEqual([p.demo.parties.opp]);
    }
    // Re-submitting changes nothing it can see of others either, until the next publication.
    const draft = await draftOf('oppHead');
    expect(
      (await call('oppHead', 'POST', '/preferences/submissions', { revision: draft.revision }))
        .statusCode,
    ).toBe(200);
    expect((await others()).sets).toBe(baseline.sets);
  });
});
