import { describe, expect, it } from 'vitest';
import { aToken, aUser, aWorld, refusal } from '../../test-support/factories.js';
import { asId, type TokenId } from '../../shared/ids.js';
import { authenticate } from './authenticate.js';
import { revokeApiToken } from './revoke-api-token.js';

describe('revokeApiToken', () => {
  it('ends the token at once, and audits it', async () => {
    const world = aWorld();
    const user = await aUser(world);
    const { token, secret } = await aToken(world, user);
    world.clock.advance(60_000);
    const seq = world.seq();
    await revokeApiToken(world.deps, { actor: await world.actor(user), tokenId: token.id });
    expect(await authenticate(world.deps, { type: 'token', token: secret })).toBeUndefined();
    expect(world.db.snapshot().tokens.find((t) => t.id === token.id)?.revokedAt).toBe(
      world.clock.now().toISOString(),
    );
    expect(world.events(seq)).toEqual([
      {
        kind: 'token.revoked',
        data: { tokenId: token.id },
        actorUserId: user.id,
        processId: null,
        compartmentId: null,
      },
    ]);
  });

  it('answers someone else’s token like one that does not exist, and leaves it working', async () => {
    const world = aWorld();
    const [owner, other] = [await aUser(world), await aUser(world)];
    const { token, secret } = await aToken(world, owner);
    const actor = await world.actor(other);
    const revoke = (tokenId: TokenId) => refusal(revokeApiToken(world.deps, { actor, tokenId }));
    expect(await revoke(token.id)).toEqual(
      await revoke(asId('00000000-0000-4000-8000-ffffffffffff')),
    );
    expect(await authenticate(world.deps, { type: 'token', token: secret })).toBeDefined();
  });

  it('records a revocation once', async () => {
    const world = aWorld();
    const user = await aUser(world);
    const { token } = await aToken(world, user);
    const seq = world.seq();
    for (const _ of [1, 2])
      await revokeApiToken(world.deps, { actor: await world.actor(user), tokenId: token.id });
    expect(world.events(seq).map((e) => e.kind)).toEqual(['token.revoked']);
  });
});
