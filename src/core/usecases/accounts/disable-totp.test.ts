import { describe, expect, it } from 'vitest';
import {
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
});
