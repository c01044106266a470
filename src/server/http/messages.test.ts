import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../test-support/databases.js';
import { useParley, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();

interface Thread {
  id: string;
  title: string;
  compartmentId: string;
  compartmentLabel: string;
}
interface Message {
  id: string;
  body: string;
  authorUserId: string | null;
  authorName: string;
  relayed: boolean;
  relayOf: string | null;
}

describe.each(targets)('threads and shuttle relays on $name', (target) => {
  const p = useParley(target);

  type Key = Parameters<TestParley['session']>[0];
  const url = () => `/api/processes/${p.demo.processId}`;
  const call = (key: Key, method: 'GET' | 'POST', path: string, payload?: object) =>
    p.request(key, method, `${url()}${path}`, payload);
  const threads = async (key: Key): Promise<Thread[]> =>
    (await call(key, 'GET', '/threads')).json().threads;
  const thread = async (key: Key, id: string) =>
    (await call(key, 'GET', `/threads/${id}`)).json() as { thread: Thread; messages: Message[] };
  const byTitle = async (key: Key, start: string) =>
    (await threads(key)).find((t) => t.title.startsWith(start))!;
  const channel = (party: 'gov' | 'opp') =>
    p.demo.compartments.find((c) => c.kind === 'bilateral' && c.partyId === p.demo.parties[party])!;
  const userId = (key: Key) => p.demo.accounts.find((a) => a.key === key)!.userId;

  it('keeps each thread and its messages inside its compartment', async () => {
    const titles = async (key: Key) =>
      (await threads(key)).map((t) => `${t.compartmentLabel}: ${t.title.split(' [')[0]}`).sort();
    expect(await titles('oppHead')).toEqual([
      'OPP – mediators bilateral: Proximity talks — opposition room',
      'Plenary: Logistics for the opening plenary',
    ]);
    expect(await titles('govDelegate')).toEqual([
      'GOV – mediators bilateral: Proximity talks — government room',
      'Plenary: Logistics for the opening plenary',
    ]);
    expect(await titles('mediator')).toHaveLength(3);
    expect(await titles('admin')).toEqual([]);
    const oppRoom = await byTitle('oppHead', 'Proximity talks — opposition room');
    const hidden = await call('govHead', 'GET', `/threads/${oppRoom.id}`);
    const missing = await call('govHead', 'GET', `/threads/${randomUUID()}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
    const post = await call('govHead', 'POST', `/threads/${oppRoom.id}/messages`, { body: 'x' });
    expect(post.statusCode).toBe(404);
    const observer = await call(
      'observer',
      'POST',
      `/threads/${(await byTitle('observer', 'Logistics')).id}/messages`,
      {
        body: 'x',
      },
    );
    expect(observer.statusCode).toBe(403);
  });

  it('relays a party\'s message to the other side as "relayed by the mediators", never showing the original', async () => {
    const govRoom = await byTitle('govHead', 'Proximity talks — government room');
    const original = (await thread('govHead', govRoom.id)).messages[0]!;
    expect(original.body).toContain('Tell the other side');
    const oppRoom = await byTitle('oppHead', 'Proximity talks — opposition room');
    const seenByOpp = await call('oppHead', 'GET', `/threads/${oppRoom.id}`);
    const relay = (seenByOpp.json().messages as Message[]).find((m) => m.relayed)!;
    expect(relay).toMatchObject({
      authorUserId: null,
      authorName: 'Relayed by the mediators',
      relayOf: null,
    });
    expect(relay.body).toContain('The other delegation is ready');
    for (const secret of [
      'Tell the other side',
      original.id,
      govRoom.id,
      channel('gov').id,
      userId('govHead'),
      'Government head',
    ])
      expect(seenByOpp.body).not.toContain(secret);
    // Nor which mediator carried it: the relay speaks for the team.
    expect(JSON.stringify(relay)).not.toContain(userId('mediator'));

    const seenByTeam = (await thread('leadMediator', oppRoom.id)).messages.find((m) => m.relayed)!;
    expect(seenByTeam).toMatchObject({ relayOf: original.id, authorUserId: userId('mediator') });
    // The original stays where it was written, untouched.
    expect((await thread('govHead', govRoom.id)).messages.map((m) => m.id)).toEqual([original.id]);
  });

  it('relays a new message through the API, reworded, into the other side’s thread', async () => {
    const govRoom = await byTitle('govHead', 'Proximity talks — government room');
    const posted = await call('govHead', 'POST', `/threads/${govRoom.id}/messages`, {
      body: 'We would accept fourteen months, but say twelve is impossible.',
    });
    expect(posted.statusCode).toBe(201);
    const oppRoom = await byTitle('oppHead', 'Proximity talks — opposition room');
    const res = await call('mediator', 'POST', `/messages/${posted.json().id}/relay`, {
      toThreadId: oppRoom.id,
      body: 'They are considering a longer calendar than twelve months.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ relayed: true, relayOf: posted.json().id });
    const opp = await call('oppDelegate', 'GET', `/threads/${oppRoom.id}`);
    expect(opp.body).toContain('They are considering a longer calendar');
    expect(opp.body).not.toContain('fourteen months');
    expect(opp.body).not.toContain(posted.json().id);
  });

  it("refuses to relay into the plenary, or within one party's own channel", async () => {
    const govRoom = await byTitle('govHead', 'Proximity talks — government room');
    const original = (await thread('govHead', govRoom.id)).messages[0]!;
    const plenary = await byTitle('leadMediator', 'Logistics');
    const intoPlenary = await call('leadMediator', 'POST', `/messages/${original.id}/relay`, {
      toThreadId: plenary.id,
      body: 'x',
    });
    expect(intoPlenary.statusCode).toBe(422);
    const sameSide = await call('leadMediator', 'POST', `/messages/${original.id}/relay`, {
      toThreadId: govRoom.id,
      body: 'x',
    });
    expect(sameSide.statusCode).toBe(422);
  });

  it('keeps the threads of a proximity session out of the plenary', async () => {
    const round = (await call('leadMediator', 'GET', `/rounds/${p.demo.roundId}`)).json();
    const proximity = round.sessions.find((s: { format: string }) => s.format === 'proximity');
    const plenary = p.demo.compartments.find((c) => c.kind === 'plenary')!;
    const res = await call('leadMediator', 'POST', '/threads', {
      compartmentId: plenary.id,
      title: 'Everyone together',
      body: 'x',
      sessionId: proximity.id,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('never share a channel');
    const bilateral = await call('leadMediator', 'POST', '/threads', {
      compartmentId: channel('opp').id,
      title: 'Opposition room, afternoon',
      body: 'x',
      sessionId: proximity.id,
    });
    expect(bilateral.statusCode, bilateral.body).toBe(201);
    const unacknowledged = await call('oppDelegate', 'POST', '/threads', {
      compartmentId: channel('opp').id,
      title: 'x',
      body: 'x',
      sessionId: proximity.id,
    });
    expect(unacknowledged.json().error.code).toBe('ACKNOWLEDGEMENT_REQUIRED');
  });
});
