import { describe, expect, it } from 'vitest';
import { testDatabases } from '../test-support/databases.js';
import { useParley, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();

/** Every number a party's ratings give to a package, as the text it would appear in a response. */
function numbersIn(body: string): Set<string> {
  return new Set([...body.matchAll(/-?\d+\.\d+/g)].map((m) => m[0]));
}

describe.each(targets)('decision support on $name', (target) => {
  const p = useParley(target);

  const url = () => `/api/processes/${p.demo.processId}`;
  type Key = Parameters<TestParley['session']>[0];
  const get = (key: Key, path: string) => p.get(key, `${url()}${path}`);

  it('shows the mediator team the frontier, the solutions and both parties’ scores once shared', async () => {
    const res = await get('leadMediator', '/analysis');
    expect(res.statusCode).toBe(200);
    const { view } = res.json();
    expect(view.kind).toBe('mediator');
    expect(view.complete).toBe(true);
    expect(view.frontier.exact).toBe(true);
    expect(view.frontier.points.length).toBeGreaterThan(3);
    const nash = view.solutions.find((s: { kind: string }) => s.kind === 'nash');
    expect(nash.found).toBe(true);
    expect(Object.keys(nash.utilities).sort()).toEqual(
      [p.demo.parties.gov, p.demo.parties.opp].sort(),
    );
  });

  it('shows a party its own analysis only: no suggestion computed from the other’s ratings', async () => {
    const res = await get('govDelegate', '/analysis');
    expect(res.statusCode).toBe(200);
    const { view, dance } = res.json();
    expect(view.kind).toBe('party');
    expect(view.party).toBe(p.demo.parties.gov);
    expect(Object.keys(view).sort()).toEqual(['kind', 'party', 'proposal', 'reservation']);
    expect(res.body).not.toContain(p.demo.parties.opp + '":');
    for (const step of dance) expect(Object.keys(step.utilities)).toEqual([p.demo.parties.gov]);
  });

  it("never puts a number derived from the other party's ratings in a party's answer", async () => {
    const mediator = (await get('leadMediator', '/analysis')).json();
    const oppNumbers = new Set<string>();
    for (const point of mediator.view.frontier.points)
      oppNumbers.add(String(point.utilities[p.demo.parties.opp]));
    for (const s of mediator.view.solutions) {
      if (s.found) {
        oppNumbers.add(String(s.utilities[p.demo.parties.opp]));
        oppNumbers.add(String(s.gains[p.demo.parties.opp]));
      }
    }
    const govOwn = new Set<string>();
    for (const point of mediator.view.frontier.points)
      govOwn.add(String(point.utilities[p.demo.parties.gov]));
    const govBody = (await get('govHead', '/analysis')).body;
    const leaked = [...numbersIn(govBody)].filter((n) => oppNumbers.has(n) && !govOwn.has(n));
    expect(leaked).toEqual([]);
  });

  it("hides a party's scores from the mediators while it has not shared them", async () => {
    const opp = await p.session('oppHead');
    const off = await p.as(opp, {
      method: 'POST',
      url: `${url()}/preferences/sharing`,
      payload: { shared: false },
    });
    expect(off.statusCode).toBe(200);
    const { view } = (await get('mediator', '/analysis')).json();
    expect(view.complete).toBe(false);
    expect(view.visibleParties).toEqual([p.demo.parties.gov]);
    expect(JSON.stringify(view)).not.toContain(`"${p.demo.parties.opp}":`);
    // Nothing the engine could only compute with the unshared ratings: no frontier, no solution
    // (its order along a frontier would rank the hidden party's packages).
    expect(view.frontier.points).toEqual([]);
    expect(view.solutions).toEqual([]);
    await p.as(opp, {
      method: 'POST',
      url: `${url()}/preferences/sharing`,
      payload: { shared: true },
    });
  });

  it('signals to the opposition that the government stopped moving while it conceded', async () => {
    const { movement, rounds } = (await get('oppHead', '/analysis')).json();
    expect(rounds).toEqual([1, 2, 3]);
    expect(movement.stalledNow).toEqual([p.demo.parties.gov]);
    const opp = movement.parties.find((x: { party: string }) => x.party === p.demo.parties.opp);
    expect(opp.measure).toBe('utility');
    expect(opp.total).toBeGreaterThan(0);
    const gov = movement.parties.find((x: { party: string }) => x.party === p.demo.parties.gov);
    expect(gov.measure).toBe('distance');
  });

  it("shows the mediators the government's private move in its bilateral channel, so no stall for them", async () => {
    const { movement } = (await get('leadMediator', '/analysis')).json();
    expect(movement.stalledNow).toEqual([]);
    const gov = movement.parties.find((x: { party: string }) => x.party === p.demo.parties.gov);
    expect(gov.measure).toBe('utility');
    expect(gov.concessions[2]).toBeGreaterThan(0);
  });

  it('lists improvements on a tabled proposal that leave both parties at least as well off', async () => {
    const record = (await get('leadMediator', '/record')).json();
    const bridging = record.proposals.find(
      (x: { tabledByParty: string | null }) => x.tabledByParty === null,
    );
    const res = await get('leadMediator', `/analysis?proposalId=${bridging.id}`);
    const { view } = res.json();
    expect(view.proposal).not.toBeNull();
    for (const imp of view.proposal.improvements)
      for (const party of [p.demo.parties.gov, p.demo.parties.opp])
        expect(imp.gains[party]).toBeGreaterThanOrEqual(0);
  });

  it('converts rankings to scores by the documented rule and shows them back', async () => {
    const s = await p.session('oppDelegate');
    const current = (await p.as(s, { method: 'GET', url: `${url()}/preferences` })).json()
      .preferences;
    const issues = p.demo.issues;
    const res = await p.as(s, {
      method: 'PUT',
      url: `${url()}/preferences`,
      payload: {
        baseRevision: current.revision,
        entry: {
          kind: 'ranking',
          issueOrder: issues.map((i) => i.id),
          optionRankings: Object.fromEntries(issues.map((i) => [i.id, i.options.map((o) => o.id)])),
          reservation: 30,
        },
      },
    });
    expect(res.statusCode).toBe(200);
    const saved = res.json().preferences;
    expect(saved.method).toBe('ranking');
    expect(saved.scores[issues[0]!.id][issues[0]!.options[0]!.id]).toBe(100);
    expect(saved.scores[issues[0]!.id][issues[0]!.options[4]!.id]).toBe(0);
    expect(saved.weights[issues[0]!.id]).toBeGreaterThan(saved.weights[issues[4]!.id]);
    expect(saved.shared).toBe(true);
  });

  it('refuses incomplete ratings, naming what is missing in words', async () => {
    const s = await p.session('govHead');
    const current = (await p.as(s, { method: 'GET', url: `${url()}/preferences` })).json()
      .preferences;
    const res = await p.as(s, {
      method: 'PUT',
      url: `${url()}/preferences`,
      payload: {
        baseRevision: current.revision,
        entry: { kind: 'numbers', weights: {}, scores: {}, reservation: 40 },
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('Date of a new presidential election');
  });

  it('does not tell a party whether the other has rated when the analysis cannot run', async () => {
    const admin = await p.session('admin');
    const created = (
      await p.as(admin, {
        method: 'POST',
        url: '/api/processes',
        payload: { codename: 'EMPTY', title: 'Empty' },
      })
    ).json();
    const res = await p.as(admin, { method: 'GET', url: `/api/processes/${created.id}/analysis` });
    expect(res.statusCode).toBe(403);
    const party = await get('observer', '/analysis');
    expect(party.statusCode).toBe(403);
  });
});
