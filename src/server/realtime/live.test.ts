/**
 * Live updates obey compartments: every demo role connects, events are produced in every
 * compartment, and each subscriber receives exactly the events about what it may read; removal
 * from a process, sign-out and an operator's reset of a member's sign-in take effect on open
 * sockets at once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNote } from '../../core/usecases/items/create-note.js';
import { createUser } from '../../core/usecases/accounts/create-user.js';
import { removeMember } from '../../core/usecases/process/remove-member.js';
import { resetSignIn } from '../../core/usecases/accounts/reset-sign-in.js';
import { demoRoleKeys, type DemoRoleKey } from '../demo/seed.js';
import { actorOf } from '../test-support/actors.js';
import { testDatabases } from '../test-support/databases.js';
import { useParley, type Session } from '../test-support/harness.js';
import { demoRoleReads, partyKey } from '../test-support/oracle.js';
import type { LiveEvent, LiveMessage } from './hub.js';

const [sqlite] = await testDatabases();

interface Client {
  socket: WebSocket;
  events: LiveEvent[];
  closed: { code: number } | null;
}

function connect(
  host: string,
  credential: Session | { bearer: string } | null,
  origin?: string,
): Promise<Client> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (credential && 'bearer' in credential) headers.authorization = `Bearer ${credential.bearer}`;
    else if (credential) headers.cookie = credential.cookie;
    if (origin) headers.origin = origin;
    const socket = new WebSocket(`ws://${host}/api/live`, { headers });
    const client: Client = { socket, events: [], closed: null };
    socket.on('message', (raw) => {
      const m = JSON.parse(String(raw)) as LiveMessage;
      if (m.type === 'hello') resolve(client);
      if (m.type === 'events') client.events.push(...m.events);
    });
    socket.on('close', (code) => (client.closed = { code }));
    socket.on('unexpected-response', (_req, res) =>
      reject(new Error(`handshake answered ${res.statusCode}`)),
    );
    socket.on('error', reject);
  });
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await sleep(10);
}

describe('live updates', () => {
  const p = useParley(sqlite!, { live: true });
  let host: string;
  const clients = new Map<DemoRoleKey, Client>();

  beforeAll(async () => {
    host = await p.listen();
    for (const role of demoRoleKeys) clients.set(role, await connect(host, await p.session(role)));
  });
  afterAll(() => {
    for (const c of clients.values()) c.socket.close();
  });

  it('tells every role about exactly the new material it may read, in every compartment', async () => {
    const d = p.runtime.deps;
    const email = (r: DemoRoleKey) => p.demo.accounts.find((a) => a.key === r)!.email;
    const created = new Map<string, string>();
    for (const c of p.demo.compartments) {
      const writer: DemoRoleKey = c.partyId
        ? (`${partyKey(p.demo, c)}Head` as DemoRoleKey)
        : 'leadMediator';
      const note = await createNote(d, {
        actor: await actorOf(d, email(writer)),
        processId: p.demo.processId,
        compartmentId: c.id,
        title: 'live',
        body: 'live',
      });
      created.set(c.id, note.id);
    }
    const expected = (r: DemoRoleKey) =>
      p.demo.compartments.filter((c) => demoRoleReads(p.demo, r, c)).length;
    await until(() =>
      demoRoleKeys.every(
        (r) =>
          clients.get(r)!.events.filter((e) => e.kind === 'item.created').length >= expected(r),
      ),
    );
    const wrong: string[] = [];
    for (const role of demoRoleKeys) {
      const events = clients.get(role)!.events;
      for (const e of events) {
        const c = p.demo.compartments.find((x) => x.id === e.compartmentId);
        if (e.compartmentId && (!c || !demoRoleReads(p.demo, role, c)))
          wrong.push(`${role} was told about ${e.kind} in ${c?.kind}`);
      }
      for (const c of p.demo.compartments)
        if (
          demoRoleReads(p.demo, role, c) &&
          !events.some((e) => e.kind === 'item.created' && e.compartmentId === c.id)
        )
          wrong.push(`${role} missed the note in ${c.kind}`);
      expect(JSON.stringify(events)).not.toContain('live"');
    }
    expect(wrong).toEqual([]);
  });

  it('stops telling a member about a process at once when they are removed from it', async () => {
    const d = p.runtime.deps;
    const observer = clients.get('observer')!;
    const admin = await actorOf(d, p.demo.accounts.find((a) => a.key === 'admin')!.email);
    await removeMember(d, {
      actor: admin,
      processId: p.demo.processId,
      userId: p.demo.accounts.find((a) => a.key === 'observer')!.userId,
    });
    await sleep(100);
    const before = observer.events.length;
    const mediatorBefore = clients.get('mediator')!.events.length;
    const lead = await actorOf(d, 'lead.mediator@demo.parley');
    const plenary = p.demo.compartments.find((c) => c.kind === 'plenary')!;
    await createNote(d, {
      actor: lead,
      processId: p.demo.processId,
      compartmentId: plenary.id,
      title: 'after',
      body: 'after',
    });
    await until(() =>
      clients
        .get('mediator')!
        .events.slice(mediatorBefore)
        .some((e) => e.kind === 'item.created' && e.compartmentId === plenary.id),
    );
    await sleep(100);
    expect(observer.events.slice(before).filter((e) => e.kind === 'item.created')).toEqual([]);
  });

  it('closes the socket of a session that signs out', async () => {
    const session = await p.signIn('gov.delegate@demo.parley', 'demo-password-2019');
    const client = await connect(host, session);
    await p.as(session, { method: 'DELETE', url: '/api/session' });
    await until(() => client.closed !== null);
    expect(client.closed?.code).toBe(4401);
  });

  it('closes the socket of an API token when it is revoked, and leaves the session’s open', async () => {
    const session = await p.signIn('opp.delegate@demo.parley', 'demo-password-2019');
    const token = (
      await p.as(session, { method: 'POST', url: '/api/me/tokens', payload: { name: 'feed' } })
    ).json() as { token: { id: string }; secret: string };
    const byToken = await connect(host, { bearer: token.secret });
    const bySession = await connect(host, session);
    const revoked = await p.as(session, {
      method: 'DELETE',
      url: `/api/me/tokens/${token.token.id}`,
    });
    expect(revoked.statusCode).toBeLessThan(300);
    await until(() => byToken.closed !== null);
    expect(byToken.closed?.code).toBe(4401);
    await sleep(100);
    expect(bySession.closed).toBeNull();
    bySession.socket.close();
  });

  it('closes the sockets of every session of a member whose sign-in an operator reset', async () => {
    const email = 'lost.passkey@example.org';
    await createUser(p.runtime.deps, {
      email,
      displayName: 'Lost passkey',
      password: 'the-old-long-passphrase',
      isAdmin: false,
    });
    const clients = [
      await connect(host, await p.signIn(email, 'the-old-long-passphrase')),
      await connect(host, await p.signIn(email, 'the-old-long-passphrase')),
    ];
    await resetSignIn(p.runtime.deps, { email, password: 'a-brand-new-passphrase' });
    await until(() => clients.every((c) => c.closed !== null));
    expect(clients.map((c) => c.closed?.code)).toEqual([4401, 4401]);
  });

  it.each(['null', 'not a url', 'http://', '://x'])(
    'refuses a handshake with the malformed Origin %j with 403, not an error',
    async (origin) => {
      await expect(connect(host, await p.session('leadMediator'), origin)).rejects.toThrow(
        'handshake answered 403',
      );
    },
  );

  it('refuses anonymous and cross-origin handshakes, and answers bad messages with an error', async () => {
    await expect(connect(host, null)).rejects.toThrow('401');
    await expect(
      connect(host, await p.session('leadMediator'), 'http://evil.example'),
    ).rejects.toThrow('403');
    const client = clients.get('leadMediator')!;
    const reply = new Promise<string>((resolve) =>
      client.socket.once('message', (raw) => resolve(String(raw))),
    );
    client.socket.send('{"type":"subscribe","process":"*"}');
    expect(JSON.parse(await reply)).toMatchObject({
      type: 'error',
      error: { code: 'INVALID_INPUT' },
    });
  });
});
