/**
 * Signing in with a passkey: as the second factor after the password (like TOTP), or on its own
 * (passwordless, with a discoverable passkey that verified its user). Either way the session
 * records that it was opened with a passkey, which processes requiring passkeys ask for.
 */
import type { WebAuthnOptions, Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import { issueChallenge, credentialOf, type PasskeyChallenge } from './passkey-rules.js';
import {
  addressThrottleKey,
  assertNotThrottled,
  checkEmailAndPassword,
  releaseAttempts,
  type AttemptOrigin,
} from './sign-in-rules.js';

/**
 * Starts a passkey sign-in. With e-mail and password (checked and throttled exactly like a
 * password sign-in; a right password gives its attempt back, the passkey being still to come) it asks for one of that account's passkeys, as the second factor; without,
 * it asks for any discoverable passkey and requires the authenticator to verify its user.
 */
export async function beginPasskeySignIn(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing' | 'webAuthn'>,
  input: AttemptOrigin & { password: { email: string; password: string } | null },
): Promise<PasskeyChallenge> {
  let userId = null;
  let options: WebAuthnOptions;
  if (input.password) {
    const { user, keys } = await checkEmailAndPassword(deps, {
      ...input.password,
      ip: input.ip,
      device: input.device,
    });
    await releaseAttempts(deps, keys, 'unfinished');
    const passkeys = await deps.db.transaction((s) => s.passkeys.listPasskeys(user.id));
    if (passkeys.length === 0)
      throw new DomainError(
        'RULE_VIOLATION',
        'This account has no passkey yet. Sign in with your password, then add a passkey on your account page.',
      );
    userId = user.id;
    options = await deps.webAuthn.authenticationOptions({
      allow: passkeys.map(credentialOf),
      userVerification: 'preferred',
    });
  } else {
    await assertNotThrottled(deps, [addressThrottleKey(input.ip)]);
    options = await deps.webAuthn.authenticationOptions({
      allow: [],
      userVerification: 'required',
    });
  }
  return issueChallenge(deps, 'sign_in', userId, options);
}
