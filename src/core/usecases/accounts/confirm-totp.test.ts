import { describe, expect, it } from 'vitest';
import { aUser, aWorld, refusal } from '../../test-support/factories.js';
import { beginTotpSetup } from './begin-totp-setup.js';
import { confirmTotp } from './confirm-totp.js';

describe('confirmTotp', () => {
  it('refuses a code that does not match, changing nothing', async () => {
    const world = aWorld();
    const actor = await world.actor(await aUser(world));
    await beginTotpSetup(world.deps, { actor });
    const before = world.db.snapshot();
    expect((await refusal(confirmTotp(world.deps, { actor, code: '000000' }))).code).toBe(
      'TOTP_REQUIRED',
    );
    expect(world.db.snapshot()).toEqual(before);
  });
});
