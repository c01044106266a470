/**
 * Nobody enters a party's rooms without its consent: a seat in a delegation (by invitation or by a
 * change of role) and a grant of one of its rooms stay closed — reads answer like missing items,
 * no live event of the room reaches the newcomer — until the party's head (or a delegation admin)
 * confirms, whether the facilitator or the lead mediator asked for it. The same for the mediator
 * team, confirmed by the lead mediator; the first head of an empty party accepts the appointment.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNote } from '../../core/usecases/items/create-note.js';
import type { DemoRoleKey } from '../demo/seed.js';
import { actorOf } from '../test-support/actors.js';
import type { LiveEvent, LiveMessage } from '../realtime/hub.js';
import { testDatabases } from '../test-support/databases.js';
import { startTestParley, type Session, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();

interface Client {
  socket: WebSocket;
  events: LiveEvent[];
}

function connect(host: string, session: Session): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://${host}/api/live`, { headers: { cookie: session.cookie } });
    const client: Client = { socket, events: [] };
    socket.on('message', (raw) => {
      const m = JSON.parse(String(raw)) as LiveMessage;
      if (m.type === 'hello') resolve(client);
      if (m.type === 'events') client.events.push(...m.events);
    });
    socket.on('error', reject);
  });
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await sleep(10);
}

interface Seat {
  id: string;
  userId: string;
  name: string;
  initiatedByName: string;
  canConfirm: boolean;
  canDecline: boolean;
}

const initiators = [
  { key: 'admin', name: 'Facilitator admin (demo)' },
  { key: 'leadMediator', name: 'Ingrid Haugen (demo)' },
] as const;

describe.each(targets)('consent to enter a room on $name', (target) => {
  let p: TestParley;
  let host: string;
  const sockets: Client[] = [];
  const pid = () => p.demo.processId;
  const P = () => `/api/processes/${pid()}`;
  const room = (kind: string, party?: 'gov' | 'opp') =>
    p.demo.compartments.find(
      (c) => c.kind === kind && (party === undefined || c.partyId === p.demo.parties[party]),
    )!.id;
  const email = (r: DemoRoleKey) => p.demo.accounts.find((a) => a.key === r)!.email;

  beforeAll(async () => {
    p = await startTestParley(target, { live: true });
    host = await p.listen();
  });
  afterAll(async () => {
    for (const c of sockets) c.socket.close();
    await p.close();
  });

  const live = async (s: Session) => {
    const c = await connect(host, s);
    sockets.push(c);
    return c;
  };
  /** A note written by a party's head (or the lead mediator) in a room. */
  const note = async (compartmentId: string, by: DemoRoleKey) =>
    (
      await createNote(p.runtime.deps, {
        actor: await actorOf(p.runtime.deps, email(by)),
        processId: pid(),
        compartmentId: compartmentId as never,
        title: 'room note',
        body: 'room note',
      })
    ).id;
  /** Reading a note answers exactly like reading one that does not exist. */
  const expectHidden = async (s: Session, itemId: string) => {
    const res = await p.as(s, { method: 'GET', url: `${P()}/items/${itemId}` });
    const ghost = await p.as(s, { method: 'GET', url: `${P()}/items/${randomUUID()}` });
    expect(res.statusCode).toBe(404);
    expect(res.body).toBe(ghost.body);
  };
  const expectRead = async (s: Session, itemId: string) =>
    expect((await p.as(s, { method: 'GET', url: `${P()}/items/${itemId}` })).statusCode).toBe(200);
  const seatsOf = async (s: Session): Promise<Seat[]> => {
    const res = await p.as(s, { method: 'GET', url: `${P()}/seats` });
    expect(res.statusCode).toBe(200);
    return (res.json() as { seats: Seat[] }).seats;
  };
  const decide = (s: Session, seatId: string, verb: 'confirm' | 'decline') =>
    p.as(s, { method: 'POST', url: `${P()}/seats/${seatId}/${verb}` });
  /** Invites through the API and accepts with a new account; signs the newcomer in. */
  const invite = async (by: Session, role: string, partyId: string | null) => {
    const inv = await p.as(by, {
      method: 'POST',
      url: `${P()}/invitations`,
      payload: { role, partyId, inviteeLabel: 'newcomer' },
    });
    expect(inv.statusCode).toBe(201);
    const mail = `${randomUUID()}@consent.parley`;
    const name = `Newcomer ${randomUUID().slice(0, 6)}`;
    const accepted = await p.app.inject({
      method: 'POST',
      url: `/api/invitations/${inv.json().secret}/accept`,
      payload: { newAccount: { email: mail, displayName: name, password: 'newcomer-password-1' } },
    });
    expect(accepted.statusCode).toBe(200);
    const session = await p.signIn(mail, 'newcomer-password-1');
    return { name, session, pending: (accepted.json() as { pending: boolean }).pending };
  };
  const seatNamed = async (s: Session, name: string) => {
    const seat = (await seatsOf(s)).find((x) => x.name === name);
    expect(seat, `a seat for ${name}`).toBeDefined();
    return seat!;
  };

  it.each(initiators)(
    'keeps a delegate invited by $key out of the party’s rooms until its head confirms',
    async ({ key, name: initiatorName }) => {
      const head = await p.session('govHead');
      const newcomer = await invite(await p.session(key), 'delegate', p.demo.parties.gov);
      expect(newcomer.pending).toBe(true);
      const socket = await live(newcomer.session);
      const headSocket = await live(head);
      const caucusNote = await note(room('caucus', 'gov'), 'govHead');
      const channelNote = await note(room('bilateral', 'gov'), 'govHead');
      await until(() => headSocket.events.some((e) => e.compartmentId === room('caucus', 'gov')));
      await expectHidden(newcomer.session, caucusNote);
      await expectHidden(newcomer.session, channelNote);
      // The process itself answers like one that does not exist.
      const view = await p.as(newcomer.session, { method: 'GET', url: P() });
      const ghost = await p.as(newcomer.session, {
        method: 'GET',
        url: `/api/processes/${randomUUID()}`,
      });
      expect([view.statusCode, view.body]).toEqual([ghost.statusCode, ghost.body]);
      expect(socket.events).toEqual([]);

      // The head sees the seat with the name of whoever asked for it, and confirms it.
      const seat = await seatNamed(head, newcomer.name);
      expect(seat).toMatchObject({ initiatedByName: initiatorName, canConfirm: true });
      expect((await decide(head, seat.id, 'confirm')).statusCode).toBe(200);
      await expectRead(newcomer.session, caucusNote);
      await expectRead(newcomer.session, channelNote);
      const later = await note(room('caucus', 'gov'), 'govHead');
      await until(() => socket.events.some((e) => e.compartmentId === room('caucus', 'gov')));
      expect(socket.events.map((e) => e.compartmentId)).toContain(room('caucus', 'gov'));
      await expectRead(newcomer.session, later);
    },
  );

  it.each(initiators)(
    'keeps an observer moved into a delegation by $key out until the head confirms, and out when declined',
    async ({ key, name: initiatorName }) => {
      const head = await p.session('govHead');
      const organiser = await p.session(key);
      const observer = await invite(organiser, 'observer', null);
      expect(observer.pending).toBe(false);
      const socket = await live(observer.session);
      const me = (await p.as(observer.session, { method: 'GET', url: P() })).json() as {
        me: { userId: string };
      };
      const move = () =>
        p.as(organiser, {
          method: 'PUT',
          url: `${P()}/members/${me.me.userId}`,
          payload: { role: 'delegate', partyId: p.demo.parties.gov },
        });
      const asked = await move();
      expect(asked.json()).toEqual({ ok: true, pending: true });
      const headSocket = await live(head);
      const caucusNote = await note(room('caucus', 'gov'), 'govHead');
      await until(() => headSocket.events.some((e) => e.compartmentId === room('caucus', 'gov')));
      await expectHidden(observer.session, caucusNote);
      expect(socket.events.filter((e) => e.compartmentId === room('caucus', 'gov'))).toEqual([]);

      // Declined: nothing opens, and the seat is gone.
      const seat = await seatNamed(head, observer.name);
      expect(seat.initiatedByName).toBe(initiatorName);
      expect((await decide(head, seat.id, 'decline')).statusCode).toBe(200);
      expect((await seatsOf(head)).some((x) => x.id === seat.id)).toBe(false);
      await expectHidden(observer.session, caucusNote);
      const still = (await p.as(observer.session, { method: 'GET', url: P() })).json() as {
        me: { role: string };
      };
      expect(still.me.role).toBe('observer');

      // Asked again and confirmed: the member is a delegate and reads the caucus.
      expect((await move()).json()).toMatchObject({ pending: true });
      const again = await seatNamed(head, observer.name);
      expect((await decide(head, again.id, 'confirm')).statusCode).toBe(200);
      await expectRead(observer.session, caucusNote);
    },
  );

  it.each(initiators)(
    'lets $key name in a grant only a room it reads, and keeps it closed until the head confirms',
    async ({ key }) => {
      const head = await p.session('govHead');
      const organiser = await p.session(key);
      const observer = await invite(organiser, 'observer', null);
      const { me } = (await p.as(observer.session, { method: 'GET', url: P() })).json() as {
        me: { userId: string };
      };
      const grant = (compartmentId: string) =>
        p.as(organiser, {
          method: 'POST',
          url: `${P()}/members/${me.userId}/grants`,
          payload: { compartmentId },
        });
      // A party's caucus is hidden from the organisers: it answers like a room that does not exist.
      const caucus = await grant(room('caucus', 'gov'));
      const ghost = await grant(randomUUID());
      expect([caucus.statusCode, caucus.body]).toEqual([404, ghost.body]);
      const channelNote = await note(room('bilateral', 'gov'), 'govHead');
      const channel = await grant(room('bilateral', 'gov'));
      if (key === 'admin') {
        // The facilitator does not read the bilateral channels either.
        expect([channel.statusCode, channel.body]).toEqual([404, ghost.body]);
        return;
      }
      expect(channel.json()).toEqual({ ok: true, pending: true });
      await expectHidden(observer.session, channelNote);
      const seats = (await seatsOf(head)).filter((x) => x.name === observer.name);
      expect(seats).toHaveLength(1);
      expect((await decide(head, seats[0]!.id, 'confirm')).statusCode).toBe(200);
      await expectRead(observer.session, channelNote);
    },
  );

  it('lets only the head, or a delegate it made a delegation admin, confirm a seat', async () => {
    const head = await p.session('govHead');
    const delegate = await p.session('govDelegate');
    const newcomer = await invite(await p.session('admin'), 'adviser', p.demo.parties.gov);
    const seat = await seatNamed(delegate, newcomer.name);
    expect(seat).toMatchObject({ canConfirm: false, canDecline: false });
    const refused = await decide(delegate, seat.id, 'confirm');
    expect(refused.statusCode).toBe(403);
    expect((await decide(delegate, seat.id, 'decline')).statusCode).toBe(403);
    // Another party knows nothing of it: it answers like a seat that does not exist.
    const opp = await p.session('oppHead');
    expect((await seatsOf(opp)).some((x) => x.id === seat.id)).toBe(false);
    const hidden = await decide(opp, seat.id, 'confirm');
    const ghost = await decide(opp, randomUUID(), 'confirm');
    expect([hidden.statusCode, hidden.body]).toEqual([404, ghost.body]);
    // The organisers may not confirm either: they are not the party.
    expect((await decide(await p.session('admin'), seat.id, 'confirm')).statusCode).toBe(403);
    expect((await decide(await p.session('leadMediator'), seat.id, 'confirm')).statusCode).toBe(
      403,
    );

    const delegateId = p.demo.accounts.find((a) => a.key === 'govDelegate')!.userId;
    const appoint = (by: Session, admin: boolean) =>
      p.as(by, {
        method: 'PUT',
        url: `${P()}/members/${delegateId}/delegation-admin`,
        payload: { delegationAdmin: admin },
      });
    expect((await appoint(await p.session('admin'), true)).statusCode).toBe(403);
    expect((await appoint(head, true)).statusCode).toBe(200);
    expect((await decide(delegate, seat.id, 'confirm')).statusCode).toBe(200);
    expect((await appoint(head, false)).statusCode).toBe(200);
    const next = await invite(await p.session('admin'), 'adviser', p.demo.parties.gov);
    const nextSeat = await seatNamed(delegate, next.name);
    expect((await decide(delegate, nextSeat.id, 'confirm')).statusCode).toBe(403);
  });

  it('tells the party’s members of its seats live, and no other party', async () => {
    const govDelegate = await live(await p.session('govDelegate'));
    const opp = await live(await p.session('oppHead'));
    const mediator = await live(await p.session('mediator'));
    const newcomer = await invite(await p.session('admin'), 'delegate', p.demo.parties.gov);
    const seat = await seatNamed(await p.session('govHead'), newcomer.name);
    await decide(await p.session('govHead'), seat.id, 'confirm');
    const seatKinds = (c: Client) =>
      c.events.filter((e) => e.kind.startsWith('seat.')).map((e) => e.kind);
    await until(() => seatKinds(govDelegate).includes('seat.confirmed'));
    expect(seatKinds(govDelegate)).toEqual(['seat.requested', 'seat.confirmed']);
    expect(seatKinds(opp)).toEqual([]);
    expect(seatKinds(mediator)).toEqual([]);
  });

  it('lets the first head of a party with no members accept the appointment, and shows who appointed whom', async () => {
    const admin = await p.session('admin');
    const party = await p.as(admin, {
      method: 'POST',
      url: `${P()}/parties`,
      payload: { name: 'Third party', code: `T${randomUUID().slice(0, 4)}` },
    });
    const partyId = (party.json() as { id: string }).id;
    const head = await invite(admin, 'head_of_delegation', partyId);
    expect(head.pending).toBe(false);
    const changes = (
      await p.as(head.session, { method: 'GET', url: `${P()}/access-changes` })
    ).json() as { changes: Array<{ name: string; byName: string; confirmedByName: string }> };
    expect(changes.changes.find((c) => c.name === head.name)).toMatchObject({
      byName: 'Facilitator admin (demo)',
      confirmedByName: head.name,
    });
    // A second seat in that party now waits for its head.
    const delegate = await invite(admin, 'delegate', partyId);
    expect(delegate.pending).toBe(true);
    expect((await seatNamed(head.session, delegate.name)).canConfirm).toBe(true);

    // By a change of role: the appointee, and nobody else, confirms their own seat.
    const other = await p.as(admin, {
      method: 'POST',
      url: `${P()}/parties`,
      payload: { name: 'Fourth party', code: `F${randomUUID().slice(0, 4)}` },
    });
    const otherId = (other.json() as { id: string }).id;
    const observer = await invite(admin, 'observer', null);
    const { me } = (await p.as(observer.session, { method: 'GET', url: P() })).json() as {
      me: { userId: string };
    };
    await p.as(admin, {
      method: 'PUT',
      url: `${P()}/members/${me.userId}`,
      payload: { role: 'head_of_delegation', partyId: otherId },
    });
    const seat = await seatNamed(observer.session, observer.name);
    expect((await decide(admin, seat.id, 'confirm')).statusCode).toBe(403);
    expect((await decide(observer.session, seat.id, 'confirm')).statusCode).toBe(200);
    const now = (await p.as(observer.session, { method: 'GET', url: P() })).json() as {
      me: { role: string; partyId: string };
    };
    expect(now.me).toMatchObject({ role: 'head_of_delegation', partyId: otherId });
  });

  it('keeps a new member of the mediator team out of its room until the lead mediator confirms', async () => {
    const lead = await p.session('leadMediator');
    const roomNote = await note(room('mediators'), 'leadMediator');
    const newcomer = await invite(await p.session('admin'), 'mediator', null);
    expect(newcomer.pending).toBe(true);
    await expectHidden(newcomer.session, roomNote);
    const seat = await seatNamed(lead, newcomer.name);
    expect(seat).toMatchObject({ canConfirm: true, initiatedByName: 'Facilitator admin (demo)' });
    expect((await decide(await p.session('mediator'), seat.id, 'confirm')).statusCode).toBe(403);
    expect((await decide(lead, seat.id, 'confirm')).statusCode).toBe(200);
    await expectRead(newcomer.session, roomNote);
  });
});
