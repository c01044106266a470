/**
 * The hub's looks at the audit log: one look sends each socket one message holding every entry of
 * that look it may see (decided per entry, in order, with memberships reloaded on the way), and a
 * commit through this instance wakes the hub without waiting for its poll.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNote } from '../../core/usecases/create-note.js';
import { removeMember } from '../../core/usecases/manage-members.js';
import { updateProcess } from '../../core/usecases/update-process.js';
import { actorOf, demoRoleKeys, type DemoRoleKey } from '../demo/seed.js';
import { testDatabases } from '../test-support/databases.js';
import { startTestParley, type TestParley } from '../test-support/harness.js';
import { demoRoleReads, partyKey } from '../test-support/oracle.js';
import { LiveHub, type LiveMessage } from './hub.js';

const targets = await testDatabases();

/** A socket that keeps what it was sent. */
interface FakeSocket {
  role: DemoRoleKey;
  messages: LiveMessage[];
}

describe.each(targets)('the live hub on $name', (target) => {
  let p: TestParley;
  const email = (r: DemoRoleKey) => p.demo.accounts.find((a) => a.key === r)!.email;

  beforeAll(async () => {
    // No hub of the runtime's own: each test makes one and decides when it looks at the log.
    p = await startTestParley(target);
  });
  afterAll(async () => p.close());

  /** A started hub whose poll is an hour away: it looks at the log when a test says so. */
  async function idleHub(): Promise<LiveHub> {
    const d = p.runtime.deps;
    const hub = new LiveHub({
      db: p.runtime.database.db,
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
        hub.add({
          actor: await actorOf(d, email(role)),
          credential: { type: 'token', id: 'none' },
          send: (json) => socket.messages.push(JSON.parse(json.toString('utf8')) as LiveMessage),
          close: () => undefined,
        });
      }
    return { hub, sockets };
  }

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
        expect(Object.keys(e).sort()).toEqual(['at', 'compartmentId', 'kind', 'processId', 'seq']);
      }
      expect(JSON.stringify(sent)).not.toContain('batched');
    }
  });

  it('looks at the log as soon as a commit through this instance appended to it', async () => {
    const d = p.runtime.deps;
    const { hub, sockets } = await hubWithSockets();
    d.live = hub; // the runtime's unit of work wakes deps.live after each commit
    try {
      await createNote(d, {
        actor: await actorOf(d, email('leadMediator')),
        processId: p.demo.processId,
        compartmentId: p.demo.compartments.find((c) => c.kind === 'public')!.id,
        title: 'woken',
        body: 'woken',
      });
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
    expect(notesTo('observer').map((events) => events.map((e) => e.seq))).toEqual([
      [toMediator![0]!.seq],
      [toMediator![0]!.seq],
    ]);
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
    for (const [way, signIn] of Object.entries(ways) as [keyof typeof ways, typeof ways.code][]) {
      told.set(way, []);
      hub.add({
        actor: { ...mediator, ...signIn },
        credential: { type: 'token', id: 'none' },
        send: (json) => {
          const m = JSON.parse(json.toString('utf8')) as LiveMessage;
          if (m.type === 'events')
            told
              .get(way)!
              .push(...m.events.filter((e) => e.kind === 'item.created').map((e) => e.seq));
        },
        close: () => undefined,
      });
    }
    const lead = { ...(await actorOf(d, email('leadMediator'))), mfa: true, passkey: true };
    const require = (requireTotp: boolean, requirePasskey: boolean) =>
      updateProcess(d, {
        actor: lead,
        processId: p.demo.processId,
        changes: { requireTotp, requirePasskey },
      });
    const note = async (): Promise<number> => {
      await createNote(d, {
        actor: lead,
        processId: p.demo.processId,
        compartmentId: p.demo.compartments.find((c) => c.kind === 'plenary')!.id,
        title: 'strength',
        body: 'strength',
      });
      await hub.poll();
      return told.get('passkey')!.at(-1)!;
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
});
