import { describe, expect, it } from 'vitest';
import { testDatabases } from '../test-support/databases.js';
import { useParley, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();

describe.each(targets)('the negotiation record on $name', (target) => {
  const p = useParley(target);

  const url = () => `/api/processes/${p.demo.processId}`;
  const record = async (key: Parameters<TestParley['session']>[0]) =>
    (await p.get(key, `${url()}/record`)).json();

  it('shows the agenda with its options in order, and the public demands, to every member', async () => {
    const r = await record('observer');
    expect(r.issues.map((i: { title: string }) => i.title)).toEqual([
      'Date of a new presidential election',
      'Transitional arrangements',
      'Composition of the electoral authority',
      'Release of detained activists',
      'Sanctions relief',
    ]);
    expect(r.issues[0].options[0].label).toBe('Within 6 months');
    expect(r.demands).toHaveLength(3);
    expect(r.positions).toEqual([]);
  });

  it('shows each party only its own private positions, and the mediators none', async () => {
    const gov = await record('govDelegate');
    const opp = await record('oppHead');
    const lead = await record('leadMediator');
    expect(gov.positions.map((x: { partyId: string }) => x.partyId)).toEqual([p.demo.parties.gov]);
    expect(opp.positions.map((x: { partyId: string }) => x.partyId)).toEqual([p.demo.parties.opp]);
    expect(lead.positions).toEqual([]);
  });

  it('keeps a proposal tabled in a bilateral channel between that party and the mediators', async () => {
    const lead = await record('leadMediator');
    const gov = await record('govHead');
    const opp = await record('oppHead');
    expect(lead.proposals).toHaveLength(8);
    expect(gov.proposals).toHaveLength(8);
    expect(opp.proposals).toHaveLength(7);
    const bilateralIds = new Set(gov.proposals.map((x: { id: string }) => x.id));
    for (const x of opp.proposals) bilateralIds.delete(x.id);
    const [hidden] = [...bilateralIds];
    expect(JSON.stringify(opp)).not.toContain(hidden);
    expect(opp.timeline.some((t: { proposalId: string }) => t.proposalId === hidden)).toBe(false);
  });

  it('records who proposed what per issue and round in the timeline', async () => {
    const r = await record('leadMediator');
    const election = r.issues[0];
    const rows = r.timeline.filter((t: { issueId: string }) => t.issueId === election.id);
    expect(rows.map((t: { round: number }) => t.round)).toEqual([1, 1, 2, 2, 3, 3, 3, 3]);
  });

  it('links a counter-proposal to the proposal it answers', async () => {
    const opp = await p.session('oppHead');
    const r = await record('oppHead');
    const govOpening = r.proposals.find(
      (x: { tabledByParty: string; round: number }) =>
        x.tabledByParty === p.demo.parties.gov && x.round === 1,
    );
    const issue = r.issues[0];
    const res = await p.as(opp, {
      method: 'POST',
      url: `${url()}/proposals/${govOpening.id}/responses`,
      payload: {
        kind: 'counter',
        note: 'Twelve months',
        counter: { round: 4, terms: [{ issueId: issue.id, optionId: issue.options[2].id }] },
      },
    });
    expect(res.statusCode).toBe(201);
    const after = await record('govHead');
    const counter = after.proposals.find(
      (x: { id: string }) => x.id === res.json().counterProposalId,
    );
    expect(counter).toMatchObject({
      respondsTo: govOpening.id,
      round: 4,
      tabledByParty: p.demo.parties.opp,
    });
  });

  it('refuses a package naming an option of another issue, and changes nothing', async () => {
    const lead = await p.session('leadMediator');
    const r = await record('leadMediator');
    const plenary = p.demo.compartments.find((c) => c.kind === 'plenary')!;
    const res = await p.as(lead, {
      method: 'POST',
      url: `${url()}/proposals`,
      payload: {
        compartmentId: plenary.id,
        round: 4,
        terms: [{ issueId: r.issues[0].id, optionId: r.issues[1].options[0].id }],
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain(
      'is not an option of "Date of a new presidential election"',
    );
    expect((await record('leadMediator')).proposals).toHaveLength(r.proposals.length);
  });
});
