/**
 * The hub's looks at the audit log: one look sends each socket one message holding every entry of
 * that look it may see (decided per entry, in order, with memberships reloaded on the way), and a
 * commit through this instance wakes the hub without waiting for its poll.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createNote } from '../../core/usecases/items/create-note.js';
import { removeMember } from '../../core/usecases/process/remove-member.js';
import { updateProcess } from '../../core/usecases/process/update-process.js';
import { demoRoleKeys, type DemoRoleKey } from '../demo/seed.js';
import { actorOf } from '../test-support/actors.js';
import { testDatabases } from '../test-support/databases.js';
import { testClock, useParley } from '../test-support/harness.js';
import { demoRoleReads, partyKey } from '../test-support/oracle.js';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/access/policy.js';
import { asId } from '../../core/shared/ids.js';
import { LiveHub, type LiveConnection, type LiveMessage } from './hub.js';

const targets = await testDatabases();

/** A socket that keeps what it was sent. */
interface FakeSocket {
  role: DemoRoleKey;
  messages: LiveMessage[];
}

describe.each(targets)('the live hub on $name', (target) => {
  // No hub of the runtime's own: each test makes one and decides when it looks at the log.
  const p = useParley(target);
  const email = (r: DemoRoleKey) => p.demo.accounts.find((a) => a.key === r)!.email;

  /** A session opened as the actor says (second factor, passkey), stored as sign-in would. */
  async function sessionOf(actor: Actor): Promise<LiveConnection['credential']> {
    const now = p.runtime.deps.clock.now();
    const session = {
      id: asId<'Session'>(randomUUID()),
      userId: actor.userId,
      tokenHash: randomUUID(),
      csrfToken: randomUUID(),
      mfa: actor.mfa,
      passkey: actor.passkey,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
      revokedAt: null,
    };
    await p.runtime.deps.db.transaction((s) => s.accounts.insertSession(session));
    return { type: 'session', id: session.id, expiresAt: session.expiresAt };
  }

  /** A started hub whose poll is an hour away: it looks at the log when a test says so. */
  async function idleHub(): Promise<LiveHub> {
    const d = p.runtime.deps;
    const hub = new LiveHub({
      uow: d.db,
      clock: d.clock,
      intervalMs: 3_600_000,
    });
    await hub.start();
    return hub;
  }

  /** An idle hub with two sockets per demo role. */
  async function hubWithSockets(): Promise<{ hub: LiveHub; sockets: FakeSocket[] }> {
    const d = p.runtime.deps;
    const hub = await idleHub();
    const sockets: FakeSocket[] = [];
    for (const role of demoRoleKeys)
      for (const _ of [1, 2]) {
        const socket: FakeSocket = { role, messages: [] };
        sockets.push(socket);
        const actor = await actorOf(d, email(role));
        hub.add({
          actor,
          credential: await sessionOf(actor),
          send: (json) => socket.messages.push(JSON.parse(json.toString('utf8')) as LiveMessage),
          close: () => undefined,
        });
      }
    await hub.poll(); // admits and greets them
    expect(sockets.every((s) => s.messages[0]?.type === 'hello')).toBe(true);
    return { hub, sockets };
  }

  /** A note by the lead mediator in the demo's compartment of a kind. */
  const leadNote = async (kind: 'public' | 'plenary' | 'mediators', title: string) => {
    const d = p.runtime.deps;
    await createNote(d, {
      actor: await actorOf(d, email('leadMediator')),
      processId: p.demo.processId,
      compartmentId: p.demo.compartments.find((c) => c.kind === kind)!.id,
      title,
      body: title,
    });
  };

  const batches = (s: FakeSocket) => s.messages.filter((m) => m.type === 'events');

  it('sends each socket one message with every entry of a look that it may read, and nothing else', async () => {
    const d = p.runtime.deps;
    const { hub, sockets } = await hubWithSockets();
    for (const c of p.demo.compartments) {
      const writer: DemoRoleKey = c.partyId
        ? (`${partyKey(p.demo, c)}Head` as DemoRoleKey)
        : 'leadMediator';
      await createNote(d, {
        actor: await actorOf(d, email(writer)),
        processId: p.demo.processId,
        compartmentId: c.id,
        title: 'batched',
        body: 'batched content',
      });
    }
    await hub.poll();
    await hub.stop();
    for (const s of sockets) {
      const sent = batches(s);
      expect(sent, s.role).toHaveLength(1);
      const created = sent[0]!.events.filter((e) => e.kind === 'item.created');
      const readable = p.demo.compartments.filter((c) => demoRoleReads(p.demo, s.role, c));
      expect(created.map((e) => e.compartmentId).sort(), s.role).toEqual(
        readable.map((c) => c.id).sort(),
      );
      for (const e of sent[0]!.events) {
        const c = p.demo.compartments.find((x) => x.id === e.compartmentId);
        if (e.compartmentId) expect(c && demoRoleReads(p.demo, s.role, c), s.role).toBe(true);
        // No sequence number: the global log's would count what the member may not see.
        expect(Object.keys(e).sort()).toEqual(['at', 'compartmentId', 'kind', 'processId']);
      }
      expect(JSON.stringify(sent)).not.toContain('batched');
    }
  });

  it('looks at the log as soon as a commit through this instance appended to it', async () => {
    const d = p.runtime.deps;
    const { hub, sockets } = await hubWithSockets();
    d.live = hub; // the runtime's unit of work wakes deps.live after each commit
    try {
      await leadNote('public', 'woken');
      const told = () => sockets.every((s) => batches(s).length > 0);
      for (let i = 0; i < 300 && !told(); i++) await sleep(10);
      expect(told()).toBe(true);
    } finally {
      d.live = null;
      await hub.stop();
    }
  });

  it('decides each entry of a look with the memberships of its moment', async () => {
    const d = p.runtime.deps;
    const { hub, sockets } = await hubWithSockets();
    const lead = await actorOf(d, email('leadMediator'));
    const plenary = p.demo.compartments.find((c) => c.kind === 'plenary')!;
    const note = (title: string) =>
      createNote(d, {
        actor: lead,
        processId: p.demo.processId,
        compartmentId: plenary.id,
        title,
        body: title,
      });
    await note('before');
    await removeMember(d, {
      actor: await actorOf(d, email('admin')),
      processId: p.demo.processId,
      userId: p.demo.accounts.find((a) => a.key === 'observer')!.userId,
    });
    await note('after');
    await hub.poll();
    await hub.stop();
    const notesTo = (role: DemoRoleKey) =>
      sockets
        .filter((s) => s.role === role)
        .map((s) => batches(s).flatMap((m) => m.events.filter((e) => e.kind === 'item.created')));
    const [toMediator] = notesTo('mediator');
    expect(toMediator).toHaveLength(2);
    // The observer hears of the note before the removal, on both sockets, and not of the one after.
    expect(notesTo('observer')).toEqual([[toMediator![0]], [toMediator![0]]]);
  });

  it('tells only sessions signed in as a process requires, and follows a change of requirement', async () => {
    const d = p.runtime.deps;
    const hub = await idleHub();
    const mediator = await actorOf(d, email('mediator'));
    const ways = {
      password: { mfa: false, passkey: false },
      code: { mfa: true, passkey: false },
      passkey: { mfa: true, passkey: true },
    };
    const told = new Map<keyof typeof ways, number[]>();
    // Which note is being announced: events carry no number of their own.
    let noteNumber = 0;
    for (const [way, signIn] of Object.entries(ways) as [keyof typeof ways, typeof ways.code][]) {
      told.set(way, []);
      const actor = { ...mediator, ...signIn };
      hub.add({
        actor,
        credential: await sessionOf(actor),
        send: (json) => {
          const m = JSON.parse(json.toString('utf8')) as LiveMessage;
          if (m.type === 'events')
            told
              .get(way)!
              .push(...m.events.filter((e) => e.kind === 'item.created').map(() => noteNumber));
        },
        close: () => undefined,
      });
    }
    await hub.poll(); // admits and greets them
    const lead = { ...(await actorOf(d, email('leadMediator'))), mfa: true, passkey: true };
    const require = (requireTotp: boolean, requirePasskey: boolean) =>
      updateProcess(d, {
        actor: lead,
        processId: p.demo.processId,
        changes: { requireTotp, requirePasskey },
      });
    const note = async (): Promise<number> => {
      noteNumber++;
      await createNote(d, {
        actor: lead,
        processId: p.demo.processId,
        compartmentId: p.demo.compartments.find((c) => c.kind === 'plenary')!.id,
        title: 'strength',
        body: 'strength',
      });
      await hub.poll();
      return noteNumber;
    };
    try {
      await require(false, true);
      const forPasskeys = await note();
      await require(true, false);
      const forSecondFactors = await note();
      await require(false, false);
      const forAll = await note();
      expect(Object.fromEntries(told)).toEqual({
        password: [forAll],
        code: [forSecondFactors, forAll],
        passkey: [forPasskeys, forSecondFactors, forAll],
      });
    } finally {
      await require(false, false);
      await hub.stop();
    }
  });

  /** One socket of a role on a hub, keeping what it is sent and how it was closed. */
  function socketOn(hub: LiveHub, actor: Actor, credential: LiveConnection['credential']) {
    const socket = { messages: [] as LiveMessage[], closed: null as number | null };
    hub.add({
      actor,
      credential,
      send: (json) => socket.messages.push(JSON.parse(json.toString('utf8')) as LiveMessage),
      close: (code) => (socket.closed = code),
    });
    return socket;
  }
  const notesIn = (messages: LiveMessage[]) =>
    messages
      .flatMap((m) => (m.type === 'events' ? m.events : []))
      .filter((e) => e.kind === 'item.created');

  it('reloads what a handshake read when the hub passed a removal before the socket joined', async () => {
    const d = p.runtime.deps;
    const hub = await idleHub();
    // The handshake reads the delegate's memberships; the removal is committed and the hub looks
    // at it before the socket is handed over.
    const stale = await actorOf(d, email('oppDelegate'));
    await removeMember(d, {
      actor: await actorOf(d, email('admin')),
      processId: p.demo.processId,
      userId: stale.userId,
    });
    await hub.poll();
    const socket = socketOn(hub, stale, await sessionOf(stale));
    await hub.poll();
    expect(socket.messages[0]?.type).toBe('hello');
    await leadNote('plenary', 'after the removal');
    await hub.poll();
    await hub.stop();
    expect(notesIn(socket.messages)).toEqual([]);
  });

  it('reports a failed look once and admits, or decides, the same again at the next', async () => {
    const d = p.runtime.deps;
    // The next `failures` reads fail, after `passing` more have succeeded.
    let passing = 0;
    let failures = 0;
    const flaky = {
      ...d.db,
      read: <T>(fn: Parameters<typeof d.db.read<T>>[0]) => {
        if (passing > 0) passing--;
        else if (failures-- > 0) return Promise.reject(new Error('database unreachable'));
        return d.db.read(fn);
      },
    };
    const hub = new LiveHub({
      uow: flaky,
      clock: d.clock,
      intervalMs: 3_600_000,
    });
    const errors: unknown[] = [];
    hub.onError = (e) => errors.push(e);
    await hub.start();
    const mediator = await actorOf(d, email('mediator'));
    const credential = await sessionOf(mediator);
    // Its credential checks out, then reading the newcomer's memberships fails: not greeted,
    // nothing half-admitted.
    passing = 1;
    failures = 1;
    // What the handshake read is out of date (none): only the admission's own read counts.
    const socket = socketOn(hub, { ...mediator, memberships: [] }, credential);
    await hub.poll();
    expect(socket.messages).toEqual([]);
    await hub.poll();
    expect(socket.messages.map((m) => m.type)).toEqual(['hello']);
    // A note in a compartment the hub has not seen yet: deciding it needs the database.
    await leadNote('mediators', 'retried');
    failures = 2;
    await hub.poll();
    await hub.poll();
    expect(notesIn(socket.messages)).toEqual([]);
    await hub.poll();
    await hub.stop();
    // Reported once per run of failures.
    expect(errors.map((e) => (e as Error).message)).toEqual([
      'database unreachable',
      'database unreachable',
    ]);
    expect(notesIn(socket.messages)).toHaveLength(1);
  });

  it('closes the socket of a session that expires, and refuses one that ended before it joined', async () => {
    const d = p.runtime.deps;
    const clock = testClock(d.clock.now());
    const hub = new LiveHub({ uow: d.db, clock, intervalMs: 3_600_000 });
    await hub.start();
    const mediator = await actorOf(d, email('mediator'));
    const expiring = await sessionOf(mediator);
    const open = socketOn(hub, mediator, expiring);
    await hub.poll();
    expect(open.messages[0]?.type).toBe('hello');
    if (expiring.type !== 'session') throw new Error('a session was made');
    clock.advance(Date.parse(expiring.expiresAt) - clock.now().getTime());
    const late = socketOn(hub, mediator, expiring);
    await sleep(1050); // expiry is checked at most once a second
    await hub.poll();
    await hub.stop();
    expect([open.closed, late.closed]).toEqual([4401, 4401]);
    expect(late.messages).toEqual([]);
  });
});
