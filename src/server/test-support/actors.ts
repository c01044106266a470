/** Actors for tests that call use cases directly, as the signed-in person would act. */
import type { Actor } from '../../core/access/policy.js';
import type { Deps } from '../../core/ports.js';

/** The actor behind an e-mail address, with its memberships as they are now. */
export async function actorOf(deps: Deps<'db'>, email: string): Promise<Actor> {
  // Read afresh each time: an actor kept from before misses memberships added since.
  return deps.db.read(async (s) => {
    const user = await s.accounts.findUserByEmail(email);
    if (!user) throw new Error(`no account with the e-mail address ${email}`);
    const memberships = await s.processes.membershipsOf(user.id);
    return { userId: user.id, isAdmin: user.isAdmin, mfa: false, passkey: false, memberships };
  });
}
