import { describe, expect, it } from 'vitest';
import { aProcess, aWorld, refusal } from '../../test-support/factories.js';
import { updateProcess } from './update-process.js';

describe('updateProcess', () => {
  it('refuses to require a second factor of an organiser who signed in without one', async () => {
    const world = aWorld();
    const talks = await aProcess(world);
    const before = world.db.snapshot();
    const refused = await refusal(
      updateProcess(world.deps, {
        actor: await world.actor(talks.facilitator.user, { mfa: false }),
        processId: talks.process.id,
        changes: { requireTotp: true },
      }),
    );
    expect(refused).toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('Sign in with a second factor'),
    });
    expect(world.db.snapshot()).toEqual(before);
  });

  it('lets an organiser signed in with a second factor require one', async () => {
    const world = aWorld();
    const talks = await aProcess(world);
    const updated = await updateProcess(world.deps, {
      actor: await world.actor(talks.facilitator.user, { mfa: true }),
      processId: talks.process.id,
      changes: { requireTotp: true },
    });
    expect(updated.requireTotp).toBe(true);
  });

  it('refuses to require passkeys of an organiser who signed in without one', async () => {
    const world = aWorld();
    const talks = await aProcess(world);
    const refused = await refusal(
      updateProcess(world.deps, {
        actor: await world.actor(talks.facilitator.user, { mfa: true, passkey: false }),
        processId: talks.process.id,
        changes: { requirePasskey: true },
      }),
    );
    expect(refused.message).toContain('Sign in with a passkey');
  });

  it('leaves a requirement already on alone when other fields change', async () => {
    const world = aWorld();
    const talks = await aProcess(world, { requireTotp: true });
    const updated = await updateProcess(world.deps, {
      actor: await world.actor(talks.facilitator.user, { mfa: true }),
      processId: talks.process.id,
      changes: { title: 'A new title', requireTotp: true },
    });
    expect(updated).toMatchObject({ title: 'A new title', requireTotp: true });
  });
});
