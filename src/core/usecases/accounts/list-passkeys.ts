import type { Actor } from '../../access/policy.js';
import type { Passkey, Deps } from '../../ports.js';

/** My passkeys, oldest first. */
export async function listPasskeys(deps: Deps<'db'>, input: { actor: Actor }): Promise<Passkey[]> {
  return deps.db.transaction((s) => s.passkeys.listPasskeys(input.actor.userId));
}
