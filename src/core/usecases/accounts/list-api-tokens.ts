import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { ApiToken } from '../../accounts/model.js';

/** The actor's own tokens (never their secrets). */
export async function listApiTokens(
  deps: Deps<'db'>,
  input: { actor: Actor },
): Promise<ApiToken[]> {
  return deps.db.transaction((s) => s.accounts.listTokens(input.actor.userId));
}
