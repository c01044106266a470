/**
 * The audit log as a tool: narrowed by person, kind, compartment and period in the query; the
 * things entries name shown by name only to a viewer who may read them; and one visit to a page
 * writing one entry per thing read, not one per request.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testClock, useParley } from '../test-support/harness.js';
import { testDatabases } from '../test-support/databases.js';

const targets = await testDatabases();

interface Entry {
  kind: string;
  at: string;
  actorUserId: string | null;
  compartmentId: string | null;
  data: Record<string, unknown>;
}
interface Page {
  entries: Entry[];
  subjects: Record<string, { kind: string; name: string; number: number | null }>;
}

describe.each(targets)('the audit log as a tool on $name', (target) => {
  const clock = testClock();
  const p = useParley(target, { clock });
  const P = () => `/api/processes/${p.demo.processId}`;
  const userId = (key: string) => p.demo.accounts.find((a) => a.key === key)!.userId;
  const compartment = (kind: string, party?: 'gov' | 'opp') =>
    p.demo.compartments.find(
      (c) => c.kind === kind && (party === undefined || c.partyId === p.demo.parties[party]),
    )!.id;
  const audit = async (query: string, as: 'leadMediator' | 'admin' = 'leadMediator') => {
    const res = await p.get(as, `${P()}/audit?limit=500${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as Page;
  };

  it('narrows the log to one person, one kind, one compartment and a period, in the query', async () => {
    const plenary = compartment('plenary');
    const note = p.demo.notes.get(plenary)!;
    expect((await p.get('mediator', `${P()}/items/${note}`)).statusCode).toBe(200);
    const mediator = userId('mediator');
    const byPerson = await audit(`&userId=${mediator}`);
    expect(byPerson.entries.length).toBeGreaterThan(0);
    expect(byPerson.entries.every((e) => e.actorUserId === mediator)).toBe(true);
    const byKind = await audit('&kind=item.read');
    expect(byKind.entries.length).toBeGreaterThan(0);
    expect(byKind.entries.every((e) => e.kind === 'item.read')).toBe(true);
    const byCompartment = await audit(`&compartmentId=${plenary}`);
    expect(byCompartment.entries.every((e) => e.compartmentId === plenary)).toBe(true);
    const today = clock.now().toISOString().slice(0, 10);
    const all = await audit('');
    const period = await audit(`&from=${today}&to=${today}`);
    expect(period.entries.every((e) => e.at.startsWith(today))).toBe(true);
    expect(period.entries.length).toBeLessThanOrEqual(all.entries.length);
    expect((await audit('&from=1990-01-01&to=1990-01-02')).entries).toEqual([]);
  });

  it('answers a filter on a compartment the viewer may not read like one that does not exist', async () => {
    const hidden = await p.get(
      'leadMediator',
      `${P()}/audit?compartmentId=${compartment('caucus', 'gov')}`,
    );
    const missing = await p.get('leadMediator', `${P()}/audit?compartmentId=${randomUUID()}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
  });

  it('refuses an unknown kind and a period that ends before it starts, naming the field', async () => {
    const kind = await p.get('leadMediator', `${P()}/audit?kind=made.up`);
    expect(kind.statusCode).toBe(400);
    expect(kind.body).toContain('kind');
    const period = await p.get('leadMediator', `${P()}/audit?from=2026-02-02&to=2026-02-01`);
    expect(period.statusCode).toBe(400);
    expect(period.body).toContain('to');
  });

  it('names the notes, threads and rounds an entry names only for a viewer who may read them', async () => {
    const room = compartment('mediators');
    const note = p.demo.notes.get(room)!;
    expect((await p.get('leadMediator', `${P()}/items/${note}`)).statusCode).toBe(200);
    const lead = await audit('&kind=item.read');
    const title = (await p.get('leadMediator', `${P()}/items/${note}`)).json().title as string;
    expect(lead.subjects[note]).toEqual({ kind: 'item', name: title, number: null });
    // The facilitator reads the log too; every thing named to it is one it may open itself.
    const admin = await audit('', 'admin');
    for (const [id, s] of Object.entries(admin.subjects))
      if (s.kind === 'item')
        expect((await p.get('admin', `${P()}/items/${id}`)).statusCode).toBe(200);
    expect(JSON.stringify(admin)).not.toContain(title);
  });

  it('writes one entry per thing read for a visit to a round page, however many lists it asks for', async () => {
    clock.advance(11 * 60_000);
    const before = (await audit(`&userId=${userId('leadMediator')}`)).entries.length;
    const rounds = (await p.get('leadMediator', `${P()}/rounds`)).json().rounds as Array<{
      id: string;
      acknowledged: boolean;
    }>;
    const round = rounds.find((r) => r.acknowledged)!;
    // What the round page asks for, twice (a live update reloads it).
    for (let i = 0; i < 2; i++)
      for (const u of ['/rounds', `/rounds/${round.id}`, '/record', '/threads', '/communiques'])
        expect((await p.get('leadMediator', `${P()}${u}`)).statusCode).toBe(200);
    const after = (await audit(`&userId=${userId('leadMediator')}`)).entries;
    const visit = after.slice(0, after.length - before).filter((e) => e.kind !== 'audit.read');
    const viewed = visit.filter((e) => e.kind === 'round.viewed');
    const listed = visit.filter((e) => e.kind === 'compartment.listed');
    expect(viewed.map((e) => e.data.roundId)).toEqual([round.id]);
    expect(new Set(listed.map((e) => e.compartmentId)).size).toBe(listed.length);
    expect(visit.length).toBe(viewed.length + listed.length);
    // Ten minutes on, the same visit is a new read and is written again.
    clock.advance(11 * 60_000);
    expect((await p.get('leadMediator', `${P()}/rounds/${round.id}`)).statusCode).toBe(200);
    const later = await audit(`&userId=${userId('leadMediator')}&kind=round.viewed`);
    expect(later.entries.filter((e) => e.data.roundId === round.id).length).toBeGreaterThanOrEqual(
      2,
    );
  });
});
