/** The audience of a compartment, as the confirmation of an outward action names it. */
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../test-support/databases.js';
import { useParley } from '../test-support/harness.js';

const targets = await testDatabases();

describe.each(targets)('the audience of a compartment on $name', (target) => {
  const p = useParley(target);
  const audience = (key: 'govHead' | 'leadMediator' | 'oppHead', kind: string, party?: string) => {
    const c = p.demo.compartments.find(
      (x) => x.kind === kind && (party === undefined || x.partyId === party),
    )!;
    return p.get(key, `/api/processes/${p.demo.processId}/compartments/${c.id}/audience`);
  };

  it('counts the plenary as the mediator team and both delegations', async () => {
    const res = await audience('govHead', 'plenary');
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.kind).toBe('plenary');
    expect(a.mediatorTeam).toBeGreaterThan(0);
    expect(a.parties.map((x: { partyId: string }) => x.partyId).sort()).toEqual(
      [p.demo.parties.gov, p.demo.parties.opp].sort(),
    );
    const sum = a.parties.reduce((n: number, x: { people: number }) => n + x.people, 0);
    expect(a.people).toBe(a.mediatorTeam + sum + a.others);
  });

  it('counts a bilateral channel as the mediator team and that party only', async () => {
    const a = (await audience('leadMediator', 'bilateral', p.demo.parties.opp)).json();
    expect(a.parties.map((x: { partyId: string }) => x.partyId)).toEqual([p.demo.parties.opp]);
  });

  it('answers another party’s caucus exactly like a missing compartment', async () => {
    const hidden = await audience('oppHead', 'caucus', p.demo.parties.gov);
    const missing = await p.get(
      'oppHead',
      `/api/processes/${p.demo.processId}/compartments/00000000-0000-4000-8000-000000000000/audience`,
    );
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
  });
});
