import { describe, expect, it } from 'vitest';
import { aUser, aWorld, refusal } from '../../test-support/factories.js';
import { createProcess } from './create-process.js';

describe('createProcess', () => {
  it('refuses to create a process requiring a second factor for an admin signed in without one', async () => {
    const world = aWorld();
    const admin = await aUser(world, { isAdmin: true });
    const before = world.db.snapshot();
    const refused = await refusal(
      createProcess(world.deps, {
        actor: await world.actor(admin, { mfa: false }),
        codename: 'Heron',
        title: 'Talks',
        requireTotp: true,
      }),
    );
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(world.db.snapshot()).toEqual(before);
  });

  it('creates it for an admin signed in with a second factor', async () => {
    const world = aWorld();
    const admin = await aUser(world, { isAdmin: true });
    const process = await createProcess(world.deps, {
      actor: await world.actor(admin, { mfa: true }),
      codename: 'Heron',
      title: 'Talks',
      requireTotp: true,
    });
    expect(process.requireTotp).toBe(true);
  });
});
