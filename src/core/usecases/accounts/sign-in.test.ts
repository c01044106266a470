import { describe, expect, it } from 'vitest';
import {
  aPasskey,
  aSecondFactor,
  aUser,
  aWorld,
  defaultPassword,
  refusal,
  type World,
} from '../../test-support/factories.js';
import { throttlePolicies, sessionLifetimeMs } from '../../accounts/sign-in.js';
import { authenticate } from './authenticate.js';
import { signIn } from './sign-in.js';

const ip = '192.0.2.7';
const wrong = 'not the password at all';

/** How many failed sign-ins are counted, under every key together. */
const failures = (world: World) =>
  [...world.db.snapshot().throttle.values()].reduce((n, key) => n + key.failures, 0);

describe('signIn', () => {
  it('opens a session for the right password, keeping only the hash of its token', async () => {
    const world = aWorld();
    const user = await aUser(world, { email: 'amal@parley.test' });
    const seq = world.seq();
    const { token, session } = await signIn(world.deps, {
      email: 'amal@parley.test',
      password: defaultPassword,
      ip,
    });
    expect(session).toMatchObject({
      userId: user.id,
      tokenHash: world.hashing.sha256(token),
      mfa: false,
      passkey: false,
      expiresAt: new Date(world.clock.now().getTime() + sessionLifetimeMs).toISOString(),
      revokedAt: null,
    });
    expect(JSON.stringify(world.db.snapshot())).not.toContain(token);
    expect(world.events(seq)).toEqual([
      {
        kind: 'session.signed_in',
        data: { method: 'password' },
        actorUserId: user.id,
        processId: null,
        compartmentId: null,
      },
    ]);
    const found = await authenticate(world.deps, { type: 'session', token });
    expect(found?.actor.userId).toBe(user.id);
  });

  it('takes the e-mail address in any case and with spaces around it', async () => {
    const world = aWorld();
    const user = await aUser(world, { email: 'amal@parley.test' });
    const { session } = await signIn(world.deps, {
      email: '  AMAL@Parley.Test ',
      password: defaultPassword,
      ip,
    });
    expect(session.userId).toBe(user.id);
  });

  it('answers a wrong password and an unknown e-mail alike, and counts both', async () => {
    const world = aWorld();
    await aUser(world, { email: 'amal@parley.test' });
    const attempt = (email: string) => refusal(signIn(world.deps, { email, password: wrong, ip }));
    const wrongPassword = await attempt('amal@parley.test');
    expect(failures(world)).toBe(2);
    expect(await attempt('nobody@parley.test')).toEqual(wrongPassword);
    expect(failures(world)).toBe(4);
    expect(wrongPassword).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'E-mail or password is wrong.',
      details: undefined,
    });
  });

  it.each(['an existing account', 'an unknown e-mail'])(
    'slows %s down after its free budget, the right password included, until the delay passes',
    async (which) => {
      const world = aWorld();
      await aUser(world, { email: 'amal@parley.test' });
      const email = which === 'an existing account' ? 'amal@parley.test' : 'nobody@parley.test';
      const attempt = (password: string) =>
        refusal(signIn(world.deps, { email, password, ip: `198.51.100.${world.next()}` }));
      const { budget, baseDelayMs } = throttlePolicies.account;
      for (let i = 0; i < budget; i++)
        expect((await attempt(wrong)).code).toBe('INVALID_CREDENTIALS');
      const limited = await attempt(defaultPassword);
      expect(limited).toMatchObject({
        code: 'RATE_LIMITED',
        details: { retryAfterSeconds: baseDelayMs / 1000 },
      });
      world.clock.advance(baseDelayMs - 1);
      expect((await attempt(defaultPassword)).code).toBe('RATE_LIMITED');
      world.clock.advance(1);
      if (which === 'an existing account')
        await expect(
          signIn(world.deps, { email, password: defaultPassword, ip }),
        ).resolves.toBeDefined();
      else expect((await attempt(defaultPassword)).code).toBe('INVALID_CREDENTIALS');
    },
  );

  it('stops an address after its own failure limit, whatever the account', async () => {
    const world = aWorld();
    const user = await aUser(world);
    for (let i = 0; i < throttlePolicies.address.budget; i++)
      await refusal(signIn(world.deps, { email: `guess${i}@parley.test`, password: wrong, ip }));
    const signInFrom = (address: string) =>
      signIn(world.deps, { email: user.email, password: defaultPassword, ip: address });
    expect((await refusal(signInFrom(ip))).code).toBe('RATE_LIMITED');
    await expect(signInFrom('203.0.113.9')).resolves.toBeDefined();
  });

  describe('with a second factor', () => {
    async function withTotp() {
      const world = aWorld();
      const user = await aUser(world);
      const secret = await aSecondFactor(world, user);
      // The code that confirmed the set-up is used up; the next one comes 30 seconds later.
      world.clock.advance(30_000);
      const attempt = (totpCode?: string) =>
        signIn(world.deps, { email: user.email, password: defaultPassword, totpCode, ip });
      return { world, user, secret, attempt };
    }

    it('asks for the code after the right password, without counting a failure', async () => {
      const { world, attempt } = await withTotp();
      const before = failures(world);
      expect(await refusal(attempt())).toMatchObject({
        code: 'TOTP_REQUIRED',
        details: { methods: ['totp'] },
      });
      expect(failures(world)).toBe(before);
    });

    it('refuses a wrong code and counts it as a failure', async () => {
      const { world, attempt } = await withTotp();
      const before = failures(world);
      expect((await refusal(attempt('000000'))).code).toBe('TOTP_REQUIRED');
      expect(failures(world)).toBe(before + 2);
    });

    it('opens a session with a second factor for the current code, and takes it once', async () => {
      const { world, user, secret, attempt } = await withTotp();
      const code = world.totp.codeAt(secret, world.clock.now());
      const seq = world.seq();
      const { session } = await attempt(code);
      expect(session.mfa).toBe(true);
      expect(world.events(seq)).toEqual([
        {
          kind: 'session.signed_in',
          data: { method: 'password+totp' },
          actorUserId: user.id,
          processId: null,
          compartmentId: null,
        },
      ]);
      expect(await refusal(attempt(code))).toMatchObject({
        code: 'TOTP_REQUIRED',
        message: 'The code is wrong or was already used. Enter a fresh code.',
      });
    });

    it('lets only one of two sign-ins with the same code at the same moment through', async () => {
      const { world, secret, attempt } = await withTotp();
      const code = world.totp.codeAt(secret, world.clock.now());
      const outcomes = await Promise.allSettled([attempt(code), attempt(code)]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = outcomes.find((o) => o.status === 'rejected');
      expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'TOTP_REQUIRED' });
      expect(world.db.snapshot().sessions).toHaveLength(1);
    });

    it('refuses the code that confirmed the set-up', async () => {
      const world = aWorld();
      const user = await aUser(world);
      const secret = await aSecondFactor(world, user);
      const code = world.totp.codeAt(secret, world.clock.now());
      expect(
        (
          await refusal(
            signIn(world.deps, {
              email: user.email,
              password: defaultPassword,
              totpCode: code,
              ip,
            }),
          )
        ).code,
      ).toBe('TOTP_REQUIRED');
    });

    it('offers the passkey as well when the account has one', async () => {
      const { world, user, attempt } = await withTotp();
      await aPasskey(world, user);
      expect((await refusal(attempt())).details).toEqual({ methods: ['totp', 'passkey'] });
    });
  });

  it('sends an account with a passkey and no TOTP to its passkey, opening no session', async () => {
    const world = aWorld();
    const user = await aUser(world);
    await aPasskey(world, user);
    const { throttle: _, ...before } = world.db.snapshot();
    const failed = failures(world);
    const refused = await refusal(
      signIn(world.deps, { email: user.email, password: defaultPassword, ip }),
    );
    expect(refused).toMatchObject({ code: 'PASSKEY_REQUIRED', details: { methods: ['passkey'] } });
    // Nothing changes but the throttle's record of the attempt, which counts no failure.
    const { throttle: __, ...after } = world.db.snapshot();
    expect(after).toEqual(before);
    expect(failures(world)).toBe(failed);
  });
});
