/**
 * The rules of signing in, as plain values and functions: how long a session lives, how many
 * failures are allowed, what a password must be, and what a credential proves about how its
 * user signed in. The request path (`usecases/accounts/authenticate.ts`) and the live hub
 * (`server/realtime/hub.ts`) both ask `tokenSignIn`, so a token means the same to both.
 */
import type { ApiToken, User } from './model.js';
import { DomainError } from '../shared/errors.js';

/** How long a session lives without signing in again. */
export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

/** The window over which failed sign-ins are counted. */
export const failureWindowMs = 15 * 60 * 1000;

/** Failures allowed per account name within the window. */
export const maxFailuresPerEmail = 5;

/** Failures allowed per client address within the window. */
export const maxFailuresPerIp = 30;

/** The smallest password length accepted; long passphrases are encouraged. */
export const minPasswordLength = 12;

/** Checks a password against the rules, raising RULE_VIOLATION with what was wrong. */
export function checkPassword(password: string): void {
  if (password.length < minPasswordLength)
    throw new DomainError(
      'RULE_VIOLATION',
      `The password must have at least ${minPasswordLength} characters.`,
    );
}

/** How a caller was signed in: with a second factor, and with a passkey in particular. */
export interface SignInStrength {
  /** Signed in with a second factor (TOTP or a passkey). */
  readonly mfa: boolean;
  /** Signed in with a passkey (phishing-resistant; some processes require it). */
  readonly passkey: boolean;
}

/**
 * What an API token proves. A token is issued from a session; it counts as a passkey only if that
 * session was opened with one, and carries a second factor only then or while its user has TOTP
 * on (so turning the authenticator off takes the second factor from the user's tokens at once).
 */
export function tokenSignIn(
  user: Pick<User, 'totpEnabled'>,
  token: Pick<ApiToken, 'viaPasskey'>,
): SignInStrength {
  return { mfa: user.totpEnabled || token.viaPasskey, passkey: token.viaPasskey };
}

/** Whether a credential now proves less than it did when it was admitted (a live socket then ends). */
export function weakened(admitted: SignInStrength, now: SignInStrength): boolean {
  return (admitted.mfa && !now.mfa) || (admitted.passkey && !now.passkey);
}
