import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { notFound } from '../../shared/errors.js';
import { type TokenId } from '../../shared/ids.js';

/** Revokes one of the actor's own tokens; another user's token answers NOT_FOUND. */
export async function revokeApiToken(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; tokenId: TokenId },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const token = await s.accounts.findToken(input.tokenId);
    if (!token || token.userId !== input.actor.userId) throw notFound('Token');
    if (token.revokedAt) return;
    await s.accounts.revokeToken(token.id, deps.clock.now().toISOString());
    await s.audit.append({
      kind: 'token.revoked',
      data: { tokenId: token.id },
      actorUserId: input.actor.userId,
      processId: null,
      compartmentId: null,
    });
  });
}
