import type { Stores, Deps } from '../../ports.js';
import type { Session, User } from '../../accounts/model.js';
import { DomainError } from '../../shared/errors.js';
import {
  checkEmailAndPassword,
  newSession,
  releaseAttempts,
  releaseAttemptsIn,
  rememberDevice,
  type AttemptOrigin,
} from './sign-in-rules.js';

/** A sign-in attempt. */
export interface SignInInput extends AttemptOrigin {
  email: string;
  password: string;
  totpCode?: string;
}

/** A new session: the raw token goes into the cookie and is never stored. */
export interface SignedIn {
  token: string;
  session: Session;
  user: User;
  /** A new device token for the browser's device cookie, or null if it already has this account's. */
  deviceToken: string | null;
}

/**
 * Signs in with password and, when enabled, a TOTP code. Every failure answers the same
 * INVALID_CREDENTIALS whether or not the account exists; attempts are throttled per account name
 * and per address, or per known device (core/accounts/sign-in.ts), also without saying whether the
 * account exists: a wrong TOTP code counts like a wrong password. An account with
 * passkeys needs a second factor too: the TOTP code if it has TOTP, or else its passkey
 * (PASSKEY_REQUIRED, then `beginPasskeySignIn` with the same e-mail and password).
 */
export async function signIn(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing' | 'totp'>,
  input: SignInInput,
): Promise<SignedIn> {
  const { user, keys } = await checkEmailAndPassword(deps, input);
  const now = deps.clock.now();
  const hasPasskey =
    (await deps.db.transaction((s) => s.passkeys.listPasskeys(user.id))).length > 0;
  const methods = [...(user.totpEnabled ? ['totp'] : []), ...(hasPasskey ? ['passkey'] : [])];

  let mfa = false;
  let totpStep: number | null = null;
  if (user.totpEnabled && user.totpSecret) {
    if (!input.totpCode) {
      await releaseAttempts(deps, keys, 'unfinished');
      throw new DomainError(
        'TOTP_REQUIRED',
        hasPasskey
          ? 'Enter the 6-digit code from your authenticator app, or use your passkey.'
          : 'Enter the 6-digit code from your authenticator app.',
        { methods },
      );
    }
    const step = deps.totp.matchStep(user.totpSecret, input.totpCode, now);
    if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep))
      throw codeRefused(methods);
    mfa = true;
    totpStep = step;
  } else if (hasPasskey) {
    await releaseAttempts(deps, keys, 'unfinished');
    throw new DomainError('PASSKEY_REQUIRED', 'This account signs in with a passkey: use it now.', {
      methods,
    });
  }

  const { token, session } = newSession(deps, user, { mfa, passkey: false });
  const deviceToken = await deps.db.transaction(async (s: Stores) => {
    // The code is spent here, conditionally: of two sign-ins with the same code at the same moment,
    // which both passed the check above, only one claims it; the other fails like a wrong code
    // (its reserved attempt stays counted, as this transaction is rolled back).
    if (totpStep !== null && !(await s.accounts.claimTotpStep(user.id, totpStep)))
      throw codeRefused(methods);
    if (totpStep !== null) user.totpLastStep = totpStep;
    await releaseAttemptsIn(s, keys, 'signed_in');
    await s.accounts.insertSession(session);
    await s.audit.append({
      kind: 'session.signed_in',
      data: { method: mfa ? 'password+totp' : 'password' },
      actorUserId: user.id,
      processId: null,
      compartmentId: null,
    });
    return rememberDevice(deps, s, { userId: user.id, keys });
  });
  return { token, session, user, deviceToken };
}

/** A TOTP code that is wrong or was already used: the same answer for both. */
function codeRefused(methods: string[]): DomainError {
  return new DomainError(
    'TOTP_REQUIRED',
    'The code is wrong or was already used. Enter a fresh code.',
    {
      methods,
    },
  );
}
