import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { Passkey } from '../../accounts/model.js';

/** My passkeys, oldest first. */
export async function listPasskeys(deps: Deps<'db'>, input: { actor: Actor }): Promise<Passkey[]> {
  return deps.db.transaction((s) => s.passkeys.listPasskeys(input.actor.userId));
}
