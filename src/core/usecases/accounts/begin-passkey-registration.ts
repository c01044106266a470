import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { notFound } from '../../shared/errors.js';
import { issueChallenge, credentialOf, type PasskeyChallenge } from './passkey-rules.js';

/** Starts registering a passkey: options for navigator.credentials.create(), and the request's id. */
export async function beginPasskeyRegistration(
  deps: Deps<'db' | 'clock' | 'ids' | 'webAuthn'>,
  input: { actor: Actor },
): Promise<PasskeyChallenge> {
  const { user, passkeys } = await deps.db.transaction(async (s) => ({
    user: await s.accounts.findUserById(input.actor.userId),
    passkeys: await s.passkeys.listPasskeys(input.actor.userId),
  }));
  if (!user) throw notFound('User');
  const options = await deps.webAuthn.registrationOptions({
    userId: user.id,
    userName: user.email,
    displayName: user.displayName,
    exclude: passkeys.map(credentialOf),
  });
  return issueChallenge(deps, 'register', user.id, options);
}
