import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { ApiToken } from '../../accounts/model.js';
import { asId } from '../../shared/ids.js';

/** Creates a personal API token. The secret is returned once and only its hash is kept. */
export async function createApiToken(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
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
