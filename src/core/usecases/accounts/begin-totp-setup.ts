import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';

/** Starts TOTP set-up: stores a fresh secret, not yet required, and returns it to show once. */
export async function beginTotpSetup(
  deps: Deps<'db' | 'totp'>,
  input: { actor: Actor },
): Promise<{ secret: string; uri: string }> {
  return deps.db.transaction(async (s) => {
    const user = await s.accounts.findUserById(input.actor.userId);
    if (!user) throw notFound('User');
    if (user.totpEnabled)
      throw new DomainError('CONFLICT', 'A second factor is already enabled; disable it first.');
    const secret = deps.totp.newSecret();
    await s.accounts.updateTotp(user.id, {
      totpSecret: secret,
      totpEnabled: false,
      totpLastStep: null,
    });
    return { secret, uri: deps.totp.uri(secret, user.email) };
  });
}
