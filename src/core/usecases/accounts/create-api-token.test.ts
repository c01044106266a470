import { describe, expect, it } from 'vitest';
import { aUser, aWorld } from '../../test-support/factories.js';
import { createApiToken } from './create-api-token.js';
import { listApiTokens } from './list-api-tokens.js';

describe('createApiToken', () => {
  it('shows the secret once, keeps only its hash, and audits the token', async () => {
    const world = aWorld();
    const user = await aUser(world);
    const actor = await world.actor(user);
    const seq = world.seq();
    const { token, secret } = await createApiToken(world.deps, { actor, name: '  Laptop CLI ' });
    const match = /^pat_([0-9a-f-]{36})_(.+)$/.exec(secret);
    expect(match?.[1]).toBe(token.id);
    const raw = match?.[2] ?? '';
    expect(token).toMatchObject({
      userId: user.id,
      name: 'Laptop CLI',
      tokenHash: world.hashing.sha256(raw),
      viaPasskey: false,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(world.db.snapshot())).not.toContain(raw);
    expect(JSON.stringify(await listApiTokens(world.deps, { actor }))).not.toContain(raw);
    expect(world.events(seq)).toEqual([
      {
        kind: 'token.created',
        data: { tokenId: token.id, name: 'Laptop CLI' },
        actorUserId: user.id,
        processId: null,
        compartmentId: null,
      },
    ]);
  });

  it('remembers whether the session that made it was opened with a passkey', async () => {
    const world = aWorld();
    const user = await aUser(world);
    const made = async (passkey: boolean) =>
      (
        await createApiToken(world.deps, {
          actor: await world.actor(user, { passkey }),
          name: 'x',
        })
      ).token.viaPasskey;
    expect([await made(false), await made(true)]).toEqual([false, true]);
  });

  it('lists only the actor’s own tokens', async () => {
    const world = aWorld();
    const [ana, ben] = [await aUser(world), await aUser(world)];
    await createApiToken(world.deps, { actor: await world.actor(ana), name: 'Ana’s' });
    await createApiToken(world.deps, { actor: await world.actor(ben), name: 'Ben’s' });
    const listed = await listApiTokens(world.deps, { actor: await world.actor(ana) });
    expect(listed.map((t) => t.name)).toEqual(['Ana’s']);
  });
});
