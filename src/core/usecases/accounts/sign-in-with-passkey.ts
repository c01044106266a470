/**
 * Signing in with a passkey: as the second factor after the password (like TOTP), or on its own
 * (passwordless, with a discoverable passkey that verified its user). Either way the session
 * records that it was opened with a passkey, which processes requiring passkeys ask for.
 */
import type {
  PasskeyAssertionResponse,
  UnitOfWork,
  WebAuthn,
  WebAuthnOptions,
} from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { ChallengeId } from '../../shared/ids.js';
import {
  issueChallenge,
  credentialOf,
  takeChallenge,
  type PasskeyChallenge,
} from './passkey-challenges.js';
import {
  assertNotRateLimited,
  checkEmailAndPassword,
  failureKeys,
  newSession,
  recordSignInFailure,
  type SignedIn,
  type SignInDeps,
} from './sign-in.js';

/** What a passkey sign-in needs. */
export type PasskeySignInDeps = Omit<SignInDeps, 'totp'> & { db: UnitOfWork; webAuthn: WebAuthn };

/**
 * Starts a passkey sign-in. With e-mail and password (checked and rate limited exactly like a
 * password sign-in) it asks for one of that account's passkeys, as the second factor; without,
 * it asks for any discoverable passkey and requires the authenticator to verify its user.
 */
export async function beginPasskeySignIn(
  deps: PasskeySignInDeps,
  input: { ip: string; password: { email: string; password: string } | null },
): Promise<PasskeyChallenge> {
  let userId = null;
  let options: WebAuthnOptions;
  if (input.password) {
    const { user } = await checkEmailAndPassword(deps, { ...input.password, ip: input.ip });
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
    await assertNotRateLimited(deps, [`ip:${input.ip}`]);
    options = await deps.webAuthn.authenticationOptions({
      allow: [],
      userVerification: 'required',
    });
  }
  return issueChallenge(deps, 'sign_in', userId, options);
}

/**
 * Finishes a passkey sign-in: takes the challenge (once: a replayed answer finds nothing), finds the
 * passkey (it must be one of the account's when the password came first), verifies origin,
 * relying party, signature and counter, then opens a session marked as opened with a passkey.
 * Failures count towards the same rate limits as wrong passwords.
 */
export async function finishPasskeySignIn(
  deps: PasskeySignInDeps,
  input: { challengeId: ChallengeId; response: PasskeyAssertionResponse; ip: string },
): Promise<SignedIn> {
  await assertNotRateLimited(deps, [`ip:${input.ip}`]);
  const challenge = await takeChallenge(deps, input.challengeId, 'sign_in', null);
  const found = await deps.db.transaction(async (s) => {
    const passkey = await s.passkeys.findPasskeyByCredentialId(input.response.id);
    const user = passkey && (await s.accounts.findUserById(passkey.userId));
    return passkey && user ? { passkey, user } : undefined;
  });
  if (!found || (challenge.userId !== null && found.passkey.userId !== challenge.userId))
    throw await recordSignInFailure(
      deps,
      [`ip:${input.ip}`],
      new DomainError(
        'PASSKEY_INVALID',
        challenge.userId === null
          ? 'This passkey is not registered in Parley. Sign in with your password instead.'
          : 'This passkey is not registered to this account. Use one of your own passkeys.',
      ),
    );
  const { passkey, user } = found;
  const keys = failureKeys(deps.hashing, user.email, input.ip);
  await assertNotRateLimited(deps, keys);
  const verified = await deps.webAuthn.verifyAuthentication({
    response: input.response,
    expectedChallenge: challenge.challenge,
    credential: credentialOf(passkey),
    // Alone, the passkey is both factors: the authenticator must have verified its user.
    requireUserVerification: challenge.userId === null,
  });
  if (!verified.ok)
    throw await recordSignInFailure(
      deps,
      keys,
      new DomainError('PASSKEY_INVALID', `The passkey could not be verified: ${verified.reason}`),
    );

  const { token, session } = newSession(deps, user, { mfa: true, passkey: true });
  await deps.db.transaction(async (s) => {
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
  });
  return { token, session, user };
}
