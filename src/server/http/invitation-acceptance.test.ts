/**
 * Accepting an invitation with a new account tells nobody whether the e-mail already has an
 * account: the answers for a registered and an unregistered e-mail are identical, the registered
 * account is left as it was, and the invitation waits for that account's owner, who signs in,
 * accepts it and — after the head's consent — joins. Every new-account acceptance is booked
 * against the client address's sign-in throttle.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../core/usecases/accounts/create-user.js';
import { addressThrottleKey } from '../../core/usecases/accounts/sign-in-rules.js';
import { testDatabases } from '../test-support/databases.js';
import { useParley, type Session } from '../test-support/harness.js';

const targets = await testDatabases();

/** What a client can tell apart in an answer: status, the headers that carry meaning, the body. */
function observable(res: LightMyRequestResponse, ids: Record<string, string>) {
  const headers = Object.fromEntries(
    Object.entries(res.headers).filter(([name]) => !['date', 'x-request-id'].includes(name)),
  );
  let body = res.body;
  for (const [id, name] of Object.entries(ids)) body = body.split(id).join(name);
  return { status: res.statusCode, headers, body };
}

describe.each(targets)('invitation acceptance on $name', (target) => {
  const p = useParley(target);
  const P = () => `/api/processes/${p.demo.processId}`;

  const invite = async (role: string, partyId: string | null): Promise<string> => {
    const res = await p.request('admin', 'POST', `${P()}/invitations`, {
      role,
      partyId,
      inviteeLabel: 'someone',
    });
    expect(res.statusCode).toBe(201);
    return (res.json() as { secret: string }).secret;
  };
  const acceptNew = (secret: string, email: string, from: string) =>
    p.app.inject({
      method: 'POST',
      url: `/api/invitations/${secret}/accept`,
      remoteAddress: from,
      payload: {
        newAccount: { email, displayName: 'Someone', password: 'a password of my own' },
      },
    });
  const anAccount = async () => {
    const email = `${randomUUID()}@owner.parley`;
    const user = await createUser(p.runtime.deps, {
      email,
      displayName: `Owner ${randomUUID().slice(0, 6)}`,
      password: 'the owner’s password',
      isAdmin: false,
    });
    return { user, email, password: 'the owner’s password' };
  };

  it('answers a registered and an unregistered e-mail exactly alike', async () => {
    const gov = p.demo.parties.gov;
    for (const [role, partyId] of [
      ['delegate', gov],
      ['observer', null],
    ] as const) {
      const registered = await acceptNew(
        await invite(role, partyId),
        p.demo.accounts.find((a) => a.key === 'govHead')!.email,
        '198.51.100.1',
      );
      const unregistered = await acceptNew(
        await invite(role, partyId),
        `${randomUUID()}@nobody.parley`,
        '198.51.100.1',
      );
      const ids = { [p.demo.processId]: '<process>' };
      expect(observable(registered, ids)).toEqual(observable(unregistered, ids));
      expect(registered.statusCode).toBe(200);
      expect(registered.cookies).toEqual([]);
    }
  });

  it('changes nothing about the registered account and seats nobody', async () => {
    const owner = await anAccount();
    const secret = await invite('observer', null);
    expect((await acceptNew(secret, owner.email, '198.51.100.2')).statusCode).toBe(200);
    // The owner's password still works, the prober's does not, and the owner is in no process.
    const asOwner = await p.signIn(owner.email, owner.password);
    await expect(p.signIn(owner.email, 'a password of my own')).rejects.toThrow();
    const processes = await p.as(asOwner, { method: 'GET', url: '/api/processes' });
    expect((processes.json() as { processes: unknown[] }).processes).toEqual([]);
    const members = await p.get('admin', `${P()}/members`);
    expect(members.body).not.toContain(owner.user.id);
  });

  it('uses the link up for everyone but the account’s owner, like a link a new account took', async () => {
    const owner = await anAccount();
    const held = await invite('observer', null);
    const taken = await invite('observer', null);
    await acceptNew(held, owner.email, '198.51.100.3');
    await acceptNew(taken, `${randomUUID()}@nobody.parley`, '198.51.100.3');
    const stranger = await anAccount();
    const asStranger = await p.signIn(stranger.email, stranger.password);
    const answers = async (secret: string) => [
      observable(await p.app.inject({ method: 'GET', url: `/api/invitations/${secret}` }), {}),
      observable(await p.as(asStranger, { method: 'GET', url: `/api/invitations/${secret}` }), {}),
      observable(await acceptNew(secret, `${randomUUID()}@again.parley`, '198.51.100.3'), {}),
      observable(
        await p.as(asStranger, {
          method: 'POST',
          url: `/api/invitations/${secret}/accept`,
          payload: {},
        }),
        {},
      ),
    ];
    const onHeld = await answers(held);
    expect(onHeld).toEqual(await answers(taken));
    expect(onHeld.map((a) => a.status)).toEqual([410, 410, 410, 410]);
  });

  it('lets the owner sign in and accept, joining the delegation once its head consents', async () => {
    const owner = await anAccount();
    const secret = await invite('delegate', p.demo.parties.gov);
    const probed = await acceptNew(secret, owner.email, '198.51.100.4');
    expect(probed.json()).toEqual({ processId: p.demo.processId, pending: true });
    const asOwner: Session = await p.signIn(owner.email, owner.password);
    const preview = await p.as(asOwner, { method: 'GET', url: `/api/invitations/${secret}` });
    expect(preview.statusCode).toBe(200);
    const accepted = await p.as(asOwner, {
      method: 'POST',
      url: `/api/invitations/${secret}/accept`,
      payload: {},
    });
    expect(accepted.json()).toEqual({ processId: p.demo.processId, pending: true });
    expect((await p.as(asOwner, { method: 'GET', url: P() })).statusCode).toBe(404);
    const seats = (await p.get('govHead', `${P()}/seats`)).json() as {
      seats: Array<{ id: string; userId: string; initiatedByName: string }>;
    };
    const seat = seats.seats.find((s) => s.userId === owner.user.id);
    expect(seat?.initiatedByName).toBe('Facilitator admin (demo)');
    const confirmed = await p.post('govHead', `${P()}/seats/${seat!.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect((await p.as(asOwner, { method: 'GET', url: P() })).statusCode).toBe(200);
  });

  it('books every new-account acceptance against the client address, registered or not', async () => {
    const owner = await anAccount();
    const from = '198.51.100.5';
    const failures = async () =>
      (
        await p.runtime.deps.db.transaction((s) =>
          s.accounts.lockThrottle([addressThrottleKey(from)]),
        )
      )[0]!.failures;
    expect(await failures()).toBe(0);
    await acceptNew(await invite('observer', null), owner.email, from);
    expect(await failures()).toBe(1);
    await acceptNew(await invite('observer', null), `${randomUUID()}@nobody.parley`, from);
    expect(await failures()).toBe(2);
  });
});
