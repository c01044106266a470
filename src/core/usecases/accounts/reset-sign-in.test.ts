import { describe, expect, it } from 'vitest';
import {
  aPasskey,
  aSecondFactor,
  aSession,
  aToken,
  aUser,
  aWorld,
  defaultPassword,
  refusal,
} from '../../test-support/factories.js';
import { sessionLifetimeMs, throttlePolicies } from '../../accounts/sign-in.js';
import { authenticate } from './authenticate.js';
import { resetSignIn } from './reset-sign-in.js';
import { revokeApiToken } from './revoke-api-token.js';
import { signIn } from './sign-in.js';

const newPassword = 'a brand new passphrase';
const ip = '192.0.2.7';

describe('resetSignIn', () => {
  it('leaves a new password and nothing else: no factor, no session, no token, one event', async () => {
    const world = aWorld();
    const user = await aUser(world, { email: 'amal@parley.test' });
    const expired = await aSession(world, user);
    world.clock.advance(sessionLifetimeMs);
    const open = await aSession(world, user);
    const kept = await aToken(world, user);
    const revoked = await aToken(world, user);
    await revokeApiToken(world.deps, { actor: await world.actor(user), tokenId: revoked.token.id });
    await aSecondFactor(world, user);
    await aPasskey(world, user);
    await aPasskey(world, user);
    const seq = world.seq();

    const reset = await resetSignIn(world.deps, {
      email: ' AMAL@parley.test',
      password: newPassword,
    });

    const counts = { passkeysRemoved: 2, totpDisabled: true, sessionsRevoked: 1, tokensRevoked: 1 };
    expect(reset).toEqual({ userId: user.id, email: 'amal@parley.test', ...counts });
    expect(world.events(seq)).toEqual([
      {
        kind: 'account.sign_in_reset',
        data: { userId: user.id, ...counts },
        actorUserId: null,
        processId: null,
        compartmentId: null,
      },
    ]);
    for (const { token } of [expired, open])
      expect(await authenticate(world.deps, { type: 'session', token })).toBeUndefined();
    expect(await authenticate(world.deps, { type: 'token', token: kept.secret })).toBeUndefined();
    const signInWith = (password: string) =>
      signIn(world.deps, { email: user.email, password, ip });
    expect((await refusal(signInWith(defaultPassword))).code).toBe('INVALID_CREDENTIALS');
    // Neither TOTP nor a passkey is asked for any more.
    expect((await signInWith(newPassword)).session.mfa).toBe(false);
  });

  it('lets a person locked out by failed sign-ins in with the new password', async () => {
    const world = aWorld();
    const user = await aUser(world);
    for (let i = 0; i < throttlePolicies.account.budget; i++)
      await refusal(signIn(world.deps, { email: user.email, password: 'wrong guess', ip }));
    const signInWith = (password: string) =>
      signIn(world.deps, { email: user.email, password, ip });
    expect((await refusal(signInWith(defaultPassword))).code).toBe('RATE_LIMITED');
    await resetSignIn(world.deps, { email: user.email, password: newPassword });
    await expect(signInWith(newPassword)).resolves.toBeDefined();
  });

  it.each([
    {
      what: 'an unknown e-mail',
      email: 'nobody@parley.test',
      password: newPassword,
      code: 'NOT_FOUND',
    },
    {
      what: 'a password that breaks the rule',
      email: 'amal@parley.test',
      password: 'short',
      code: 'RULE_VIOLATION',
    },
  ])('changes nothing for $what', async ({ email, password, code }) => {
    const world = aWorld();
    const user = await aUser(world, { email: 'amal@parley.test' });
    await aSession(world, user);
    await aPasskey(world, user);
    const before = world.db.snapshot();
    expect((await refusal(resetSignIn(world.deps, { email, password }))).code).toBe(code);
    expect(world.db.snapshot()).toEqual(before);
  });
});
