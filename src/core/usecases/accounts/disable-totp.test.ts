import { describe, expect, it } from 'vitest';
import {
  aMember,
  aPasskey,
  aProcess,
  aSecondFactor,
  aUser,
  aWorld,
  defaultPassword,
  refusal,
} from '../../test-support/factories.js';
import { disableTotp } from './disable-totp.js';
import { signIn } from './sign-in.js';

describe('disableTotp', () => {
  it('refuses a code already spent at sign-in, and takes the next one', async () => {
    const world = aWorld();
    const user = await aUser(world);
    const secret = await aSecondFactor(world, user);
    world.clock.advance(30_000);
    const code = world.totp.codeAt(secret, world.clock.now());
    await signIn(world.deps, {
      email: user.email,
      password: defaultPassword,
      totpCode: code,
      ip: '192.0.2.7',
    });
    const actor = await world.actor(user);
    expect((await refusal(disableTotp(world.deps, { actor, code }))).code).toBe('TOTP_REQUIRED');
    expect(world.db.snapshot().users.find((u) => u.id === user.id)?.totpEnabled).toBe(true);
    world.clock.advance(30_000);
    await disableTotp(world.deps, { actor, code: world.totp.codeAt(secret, world.clock.now()) });
    expect(world.db.snapshot().users.find((u) => u.id === user.id)?.totpEnabled).toBe(false);
  });

  it('keeps the second factor while a process of its owner requires one and no passkey is left', async () => {
    const world = aWorld();
    const talks = await aProcess(world, { requireTotp: true, codename: 'Heron' });
    const member = await aMember(world, talks, { role: 'observer' });
    const secret = await aSecondFactor(world, member);
    world.clock.advance(30_000);
    const actor = await world.actor(member, { mfa: true });
    const code = () => world.totp.codeAt(secret, world.clock.now());
    expect(await refusal(disableTotp(world.deps, { actor, code: code() }))).toMatchObject({
      code: 'RULE_VIOLATION',
      message:
        'Heron requires a second factor: add a passkey before turning the authenticator off.',
      details: { processIds: [talks.process.id] },
    });
    await aPasskey(world, member);
    world.clock.advance(30_000);
    await disableTotp(world.deps, { actor, code: code() });
    expect(world.db.snapshot().users.find((u) => u.id === member.user.id)?.totpEnabled).toBe(false);
  });
});
