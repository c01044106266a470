import { describe, expect, it } from 'vitest';
import {
  aMember,
  aProcess,
  aSecondFactor,
  aSession,
  aToken,
  aUser,
  aWorld,
} from '../../test-support/factories.js';
import { sessionLifetimeMs } from '../../accounts/sign-in.js';
import { authenticate } from './authenticate.js';
import { disableTotp } from './disable-totp.js';
import { revokeApiToken } from './revoke-api-token.js';
import { signOut } from './sign-out.js';

describe('authenticate with a session', () => {
  it('resolves the cookie to its user with the memberships of now, not of the sign-in', async () => {
    const world = aWorld();
    const user = await aUser(world);
    const { token } = await aSession(world, user);
    const talks = await aProcess(world);
    await aMember(world, talks, { role: 'observer', user });
    const found = await authenticate(world.deps, { type: 'session', token });
    expect(found?.actor).toMatchObject({ userId: user.id, mfa: false, passkey: false });
    expect(found?.actor.memberships.map((m) => m.processId)).toEqual([talks.process.id]);
  });

  it('ends with the session’s lifetime', async () => {
    const world = aWorld();
    const { token } = await aSession(world, await aUser(world));
    world.clock.advance(sessionLifetimeMs - 1);
    expect(await authenticate(world.deps, { type: 'session', token })).toBeDefined();
    world.clock.advance(1);
    expect(await authenticate(world.deps, { type: 'session', token })).toBeUndefined();
  });

  it('ends at sign-out', async () => {
    const world = aWorld();
    const user = await aUser(world);
    const { token, session } = await aSession(world, user);
    await signOut(world.deps, { actor: await world.actor(user), session });
    expect(await authenticate(world.deps, { type: 'session', token })).toBeUndefined();
  });

  it('knows no cookie it did not issue', async () => {
    const world = aWorld();
    await aSession(world, await aUser(world));
    expect(
      await authenticate(world.deps, { type: 'session', token: 'secret_not_issued_xxxxxxxxxx' }),
    ).toBeUndefined();
  });
});

describe('authenticate with an API token', () => {
  it('accepts the token and records when it was last used', async () => {
    const world = aWorld();
    const user = await aUser(world);
    const { token, secret } = await aToken(world, user);
    world.clock.advance(60_000);
    const found = await authenticate(world.deps, { type: 'token', token: secret });
    expect(found).toMatchObject({ user: { id: user.id }, session: null, tokenId: token.id });
    const stored = world.db.snapshot().tokens.find((t) => t.id === token.id);
    expect(stored?.lastUsedAt).toBe(world.clock.now().toISOString());
  });

  it('refuses a token whose secret part is wrong, malformed, or revoked', async () => {
    const world = aWorld();
    const user = await aUser(world);
    const { token, secret } = await aToken(world, user);
    const tried = async (candidate: string) =>
      authenticate(world.deps, { type: 'token', token: candidate });
    expect(await tried(`pat_${token.id}_secret_that_is_not_this_tokens`)).toBeUndefined();
    expect(await tried(secret.replace('pat_', 'tok_'))).toBeUndefined();
    expect(await tried(`pat_${token.id}_short`)).toBeUndefined();
    await revokeApiToken(world.deps, { actor: await world.actor(user), tokenId: token.id });
    expect(await tried(secret)).toBeUndefined();
  });

  // From core/accounts/sign-in.ts: a token counts as a passkey only if its session was opened
  // with one, and carries a second factor then or while its user has TOTP on.
  it.each([
    { totp: false, viaPasskey: false, mfa: false, passkey: false },
    { totp: true, viaPasskey: false, mfa: true, passkey: false },
    { totp: false, viaPasskey: true, mfa: true, passkey: true },
    { totp: true, viaPasskey: true, mfa: true, passkey: true },
  ])(
    'a token made with passkey=$viaPasskey by a user with TOTP=$totp signs in with mfa=$mfa, passkey=$passkey',
    async ({ totp, viaPasskey, mfa, passkey }) => {
      const world = aWorld();
      const user = await aUser(world);
      if (totp) await aSecondFactor(world, user);
      const { secret } = await aToken(world, user, { passkey: viaPasskey });
      const found = await authenticate(world.deps, { type: 'token', token: secret });
      expect(found?.actor).toMatchObject({ mfa, passkey });
    },
  );

  it('takes the second factor from a password-session token as soon as TOTP is turned off', async () => {
    const world = aWorld();
    const user = await aUser(world);
    const totpSecret = await aSecondFactor(world, user);
    const { secret } = await aToken(world, user);
    const mfa = async () =>
      (await authenticate(world.deps, { type: 'token', token: secret }))?.actor.mfa;
    expect(await mfa()).toBe(true);
    world.clock.advance(30_000);
    await disableTotp(world.deps, {
      actor: await world.actor(user),
      code: world.totp.codeAt(totpSecret, world.clock.now()),
    });
    expect(await mfa()).toBe(false);
  });
});
