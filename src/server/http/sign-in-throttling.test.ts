/**
 * Sign-in throttling through the API, on SQLite and PostgreSQL: attempts are reserved before the
 * password is checked, so parallel guesses cannot outrun the budget; an attacker at an address
 * slows strangers there but not a browser that has signed in to its own account before; and the
 * client address comes from X-Forwarded-For only when the peer is a trusted proxy.
 */
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { throttlePolicies } from '../../core/accounts/sign-in.js';
import { testDatabases } from '../test-support/databases.js';
import { startTestParley, testClock, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();
const demoPassword = 'demo-password-2019';

/** One attempt to sign in from an address, with a device cookie if given. */
function attempt(
  p: TestParley,
  input: { email: string; password: string; from: string; device?: string; via?: string },
) {
  return p.app.inject({
    method: 'POST',
    url: '/api/session',
    remoteAddress: input.via ?? input.from,
    headers: {
      ...(input.device ? { cookie: input.device } : {}),
      ...(input.via ? { 'x-forwarded-for': input.from } : {}),
    },
    payload: { email: input.email, password: input.password },
  });
}

/** The throttle keys stored, for the tests of which address was counted. */
async function throttleKeys(p: TestParley): Promise<string[]> {
  const r = await sql<{ key: string }>`select key from sign_in_throttle order by key`.execute(
    p.runtime.database.db,
  );
  return r.rows.map((row) => row.key);
}

describe.each(targets)('sign-in throttling on $name', (target) => {
  let p: TestParley;
  const clock = testClock();
  beforeAll(async () => {
    p = await startTestParley(target, { clock });
  });
  afterAll(async () => p.close());
  afterEach(() => vi.restoreAllMocks());

  it('checks at most the budget of 20 parallel wrong passwords for one account', async () => {
    const verify = vi.spyOn(p.runtime.deps.hashing, 'verifyPassword');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        attempt(p, {
          email: 'observer@demo.parley',
          password: `wrong-password-${i}`,
          from: `198.51.100.${i + 1}`,
        }),
      ),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    const budget = throttlePolicies.account.budget;
    expect(verify).toHaveBeenCalledTimes(budget);
    expect(codes.filter((c) => c === 401)).toHaveLength(budget);
    expect(codes.filter((c) => c === 429)).toHaveLength(20 - budget);
    const limited = answers.find((a) => a.statusCode === 429);
    expect(limited?.json().error.code).toBe('RATE_LIMITED');
  });

  it('lets the owner of the attacked account in once the delay has passed', async () => {
    const owner = { email: 'observer@demo.parley', password: demoPassword, from: '192.0.2.50' };
    // Still within the delay the 20 guesses above caused: even the right password waits.
    expect((await attempt(p, owner)).statusCode).toBe(429);
    clock.advance(throttlePolicies.account.baseDelayMs);
    expect((await attempt(p, owner)).statusCode).toBe(200);
    // Signing in cleared the account's record: a typo afterwards is an ordinary failure.
    expect((await attempt(p, { ...owner, password: 'typo-typo-typo' })).statusCode).toBe(401);
  });

  it('lets the owner of another account sign in while an attacker hammers from the same address', async () => {
    const office = '203.0.113.9';
    // The owner has signed in from this browser before: it holds the account's device cookie.
    const first = await attempt(p, {
      email: 'gov.delegate@demo.parley',
      password: demoPassword,
      from: office,
    });
    expect(first.statusCode).toBe(200);
    const device = first.cookies.find((c) => c.name.endsWith('parley_device'));
    expect(device).toBeDefined();
    const deviceCookie = `${device?.name}=${device?.value}`;

    // An attacker at the same address sprays one password over many accounts until it is slowed.
    const spray = await Promise.all(
      Array.from({ length: throttlePolicies.address.budget + 5 }, (_, i) =>
        attempt(p, { email: `target-${i}@demo.parley`, password: 'Summer2019!!!', from: office }),
      ),
    );
    expect(spray.filter((a) => a.statusCode === 401)).toHaveLength(throttlePolicies.address.budget);
    expect(spray.filter((a) => a.statusCode === 429)).toHaveLength(5);

    // The owner's browser passes; a stranger at that address, on a browser never used, waits.
    const owner = await attempt(p, {
      email: 'gov.delegate@demo.parley',
      password: demoPassword,
      from: office,
      device: deviceCookie,
    });
    expect(owner.statusCode).toBe(200);
    const stranger = await attempt(p, {
      email: 'opp.delegate@demo.parley',
      password: demoPassword,
      from: office,
    });
    expect(stranger.statusCode).toBe(429);
    // The device cookie of one account does not open the throttle for another.
    const borrowed = await attempt(p, {
      email: 'opp.delegate@demo.parley',
      password: demoPassword,
      from: office,
      device: deviceCookie,
    });
    expect(borrowed.statusCode).toBe(429);
  });

  it('throttles a stolen device cookie on its own budget', async () => {
    const first = await attempt(p, {
      email: 'opp.head@demo.parley',
      password: demoPassword,
      from: '192.0.2.77',
    });
    const device = first.cookies.find((c) => c.name.endsWith('parley_device'));
    const deviceCookie = `${device?.name}=${device?.value}`;
    const verify = vi.spyOn(p.runtime.deps.hashing, 'verifyPassword');
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        attempt(p, {
          email: 'opp.head@demo.parley',
          password: `guess-${i}-guess`,
          from: `192.0.2.${100 + i}`,
          device: deviceCookie,
        }),
      ),
    );
    expect(verify).toHaveBeenCalledTimes(throttlePolicies.device.budget);
    expect(guesses.filter((a) => a.statusCode === 429)).toHaveLength(
      12 - throttlePolicies.device.budget,
    );
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    await attempt(p, {
      email: 'nobody@demo.parley',
      password: 'wrong-password-x',
      from: '198.18.0.1',
      via: '10.9.9.9',
    });
    const keys = await throttleKeys(p);
    expect(keys).toContain('address:10.9.9.9');
    expect(keys).not.toContain('address:198.18.0.1');
  });
});

describe.each(targets)('behind a trusted proxy on $name', (target) => {
  let p: TestParley;
  beforeAll(async () => {
    p = await startTestParley(target, { env: { PARLEY_TRUSTED_PROXIES: '10.9.0.0/16' } });
  });
  afterAll(async () => p.close());

  it('believes X-Forwarded-For from a trusted proxy, and not from anyone else', async () => {
    const wrong = { email: 'nobody@demo.parley', password: 'wrong-password-x' };
    await attempt(p, { ...wrong, from: '198.18.0.2', via: '10.9.9.9' });
    await attempt(p, { ...wrong, from: '198.18.0.3', via: '10.8.0.1' });
    const keys = await throttleKeys(p);
    expect(keys).toContain('address:198.18.0.2');
    expect(keys).not.toContain('address:10.9.9.9');
    expect(keys).toContain('address:10.8.0.1');
    expect(keys).not.toContain('address:198.18.0.3');
  });
});
