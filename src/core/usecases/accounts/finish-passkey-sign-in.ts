import type { PasskeyAssertionResponse, Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { ChallengeId } from '../../shared/ids.js';
import { credentialOf, takeChallenge } from './passkey-rules.js';
import {
  newSession,
  releaseAttemptsIn,
  rememberDevice,
  reserveAttempts,
  throttleKeysFor,
  type AttemptOrigin,
} from './sign-in-rules.js';
import { type SignedIn } from './sign-in.js';

/**
 * Finishes a passkey sign-in: takes the challenge (once: a replayed answer finds nothing), finds the
 * passkey (it must be one of the account's when the password came first), verifies origin,
 * relying party, signature and counter, then opens a session marked as opened with a passkey.
 * The attempt is reserved against the address (or the known device) first and counts as a failure
 * unless it succeeds; an assertion cannot be guessed, so the account's own throttle, which slows
 * password guessing, does not stand in the way of its passkey.
 */
export async function finishPasskeySignIn(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing' | 'webAuthn'>,
  input: AttemptOrigin & { challengeId: ChallengeId; response: PasskeyAssertionResponse },
): Promise<SignedIn> {
  const challenge = await takeChallenge(deps, input.challengeId, 'sign_in', null);
  const found = await deps.db.transaction(async (s) => {
    const passkey = await s.passkeys.findPasskeyByCredentialId(input.response.id);
    const user = passkey && (await s.accounts.findUserById(passkey.userId));
    return passkey && user ? { passkey, user } : undefined;
  });
  const keys = await throttleKeysFor(deps, {
    ...input,
    email: null,
    userId: found?.user.id ?? null,
  });
  await reserveAttempts(deps, keys);
  if (!found || (challenge.userId !== null && found.passkey.userId !== challenge.userId))
    throw new DomainError(
      'PASSKEY_INVALID',
      challenge.userId === null
        ? 'This passkey is not registered in Parley. Sign in with your password instead.'
        : 'This passkey is not registered to this account. Use one of your own passkeys.',
    );
  const { passkey, user } = found;
  const verified = await deps.webAuthn.verifyAuthentication({
    response: input.response,
    expectedChallenge: challenge.challenge,
    credential: credentialOf(passkey),
    // Alone, the passkey is both factors: the authenticator must have verified its user.
    requireUserVerification: challenge.userId === null,
  });
  if (!verified.ok)
    throw new DomainError(
      'PASSKEY_INVALID',
      `The passkey could not be verified: ${verified.reason}`,
    );

  const { token, session } = newSession(deps, user, { mfa: true, passkey: true });
  const deviceToken = await deps.db.transaction(async (s) => {
    await releaseAttemptsIn(s, keys, 'signed_in');
    await s.passkeys.recordPasskeyUse(passkey.id, verified.newCounter, session.createdAt);
    await s.accounts.insertSession(session);
    await s.audit.append({
      kind: 'session.signed_in_with_passkey',
      data: {
        passkeyId: passkey.id,
        method: challenge.userId === null ? 'passkey' : 'password+passkey',
      },
      actorUserId: user.id,
      processId: null,
      compartmentId: null,
    });
    return rememberDevice(deps, s, { userId: user.id, keys });
  });
  return { token, session, user, deviceToken };
}
