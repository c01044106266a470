import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { Session } from '../../accounts/model.js';

/** Revokes the session server-side; the cookie becomes worthless even if kept. */
export async function signOut(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; session: Session },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    await s.accounts.revokeSession(input.session.id, deps.clock.now().toISOString());
    await s.audit.append({
      kind: 'session.signed_out',
      data: {},
      actorUserId: input.actor.userId,
      processId: null,
      compartmentId: null,
    });
  });
}
