import type { Actor } from '../../access/policy.js';
import type { ApiToken, CoreDeps } from '../../ports.js';
import { notFound } from '../../shared/errors.js';
import { asId, type TokenId } from '../../shared/ids.js';

/** Creates a personal API token. The secret is returned once and only its hash is kept. */
export async function createApiToken(
  deps: CoreDeps,
  input: { actor: Actor; name: string },
): Promise<{ token: ApiToken; secret: string }> {
  const id = asId<'Token'>(deps.ids.newId());
  const raw = deps.ids.newSecret();
  const token: ApiToken = {
    id,
    userId: input.actor.userId,
    name: input.name.trim(),
    tokenHash: deps.hashing.sha256(raw),
    viaPasskey: input.actor.passkey,
    createdAt: deps.clock.now().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.db.transaction(async (s) => {
    await s.accounts.insertToken(token);
    await s.audit.append({
      kind: 'token.created',
      data: { tokenId: id, name: token.name },
      actorUserId: input.actor.userId,
      processId: null,
      compartmentId: null,
    });
  });
  return { token, secret: `pat_${id}_${raw}` };
}

/** The actor's own tokens (never their secrets). */
export async function listApiTokens(
  deps: Pick<CoreDeps, 'db'>,
  input: { actor: Actor },
): Promise<ApiToken[]> {
  return deps.db.transaction((s) => s.accounts.listTokens(input.actor.userId));
}

/** Revokes one of the actor's own tokens; another user's token answers NOT_FOUND. */
export async function revokeApiToken(
  deps: CoreDeps,
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
