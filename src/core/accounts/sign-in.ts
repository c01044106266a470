/**
 * The rules of signing in, as plain values and functions: how long a session lives, how attempts
 * are throttled, what a password must be, and what a credential proves about how its
 * user signed in. The request path (`usecases/accounts/authenticate.ts`) and the live hub
 * (`server/realtime/hub.ts`) both ask `tokenSignIn`, so a token means the same to both.
 */
import type { ApiToken, User } from './model.js';
import { DomainError } from '../shared/errors.js';

/** How long a session lives without signing in again. */
export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

/**
 * Sign-in throttling: slow an attacker down without locking the rightful owner out.
 *
 * Every attempt to prove a secret (a password, a TOTP code after it, a passkey assertion) is first
 * *reserved* against one or more throttle keys, in the same transaction that reads their state and
 * with their rows locked, so N parallel attempts are counted one after the other and at most the
 * free budget of them ever reaches the password check. A reservation counts as a failure until the
 * attempt is proved good: a success gives it back (and clears an account's or a device's record);
 * a failure keeps it. Once a key has used its free budget, each further failure closes it for a
 * delay that doubles with every failure (from `baseDelayMs` up to `maxDelayMs`); while it is closed
 * every attempt on it is refused with RATE_LIMITED before any secret is checked. Failures also
 * leak away, one per `leakMs` without a new one, so an idle key returns to its free budget.
 *
 * Which keys an attempt is charged to:
 * - **From a device the account has signed in from before** (the browser presents the device
 *   cookie issued to that account at an earlier full sign-in): the device key only. An attacker
 *   elsewhere, or at the same address, or behind the same proxy, cannot lock it: the owner's own
 *   browser has its own budget. An attacker who stole the cookie still meets a budget and growing
 *   delays for that device.
 * - **From anywhere else**: the account key (the e-mail, hashed, whether or not the account
 *   exists, so the throttle tells nobody which accounts exist) and the address key. The account
 *   key stops guessing one account's password; the address key (with a larger budget and a leak
 *   of one failure a minute) stops spraying one password over many accounts from one address.
 *   Someone signing in for the first time from an address an attacker is hammering waits for the
 *   delay like the attacker does: that is the price of stopping a spray, and it falls only on new
 *   devices. A correct password from a known device passes whatever others failed at its address.
 * Passkey assertions cannot be guessed: a passwordless passkey sign-in is charged to the address
 * (or the device) only, so password guessing against an account does not keep its passkey out.
 *
 * The client address is the TCP peer unless the peer is a trusted proxy (`PARLEY_TRUSTED_PROXIES`),
 * in which case it is taken from X-Forwarded-For; without that setting everyone behind a reverse
 * proxy shares one address, and only device keys tell the rightful owners apart.
 */

/** How one kind of throttle key behaves. */
export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  readonly budget: number;
  /** The delay after the first failure past the budget; each further failure doubles it. */
  readonly baseDelayMs: number;
  /** The longest delay. */
  readonly maxDelayMs: number;
  /** One failure is forgotten for each such interval without a new attempt. */
  readonly leakMs: number;
}

/** The kinds of throttle keys: an account name, a client address, a known device. */
export type ThrottleKind = 'account' | 'address' | 'device';

/** The policy of each kind of key. */
export const throttlePolicies: Readonly<Record<ThrottleKind, ThrottlePolicy>> = {
  account: { budget: 5, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000, leakMs: 30 * 60_000 },
  address: { budget: 30, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000, leakMs: 60_000 },
  device: { budget: 5, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000, leakMs: 30 * 60_000 },
};

/** The stored state of one throttle key. */
export interface ThrottleState {
  /** The key, e.g. `account:<sha256>`, `address:<ip>`, `device:<sha256>`. */
  readonly key: string;
  /** Failures (and attempts in flight) counted against the key. */
  readonly failures: number;
  /** When the last attempt was reserved (ISO), or null for a fresh key. */
  readonly lastAt: string | null;
  /** Until when the key refuses attempts (ISO), or null. */
  readonly lockedUntil: string | null;
}

/** The kind of a throttle key, from its prefix. */
export function throttleKindOf(key: string): ThrottleKind {
  const kind = key.slice(0, key.indexOf(':'));
  if (kind === 'account' || kind === 'address' || kind === 'device') return kind;
  throw new Error(`not a throttle key: ${key}`);
}

/** The delay after `failures` failures: none within the budget, then doubling up to the cap. */
export function throttleDelayMs(policy: ThrottlePolicy, failures: number): number {
  if (failures < policy.budget) return 0;
  const doublings = Math.min(failures - policy.budget, 30);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** doublings);
}

/**
 * Reserves an attempt on a key at a time: refused (with the milliseconds to wait) while the key is
 * closed, otherwise the state with the attempt counted and, past the budget, the key closed for
 * the next delay.
 */
export function reserveAttempt(
  state: ThrottleState,
  now: Date,
): { ok: true; state: ThrottleState } | { ok: false; retryAfterMs: number } {
  const policy = throttlePolicies[throttleKindOf(state.key)];
  const t = now.getTime();
  if (state.lockedUntil !== null && Date.parse(state.lockedUntil) > t)
    return { ok: false, retryAfterMs: Date.parse(state.lockedUntil) - t };
  const idle = state.lastAt === null ? 0 : Math.max(0, t - Date.parse(state.lastAt));
  const failures = Math.max(0, state.failures - Math.floor(idle / policy.leakMs)) + 1;
  const delay = throttleDelayMs(policy, failures);
  return {
    ok: true,
    state: {
      key: state.key,
      failures,
      lastAt: now.toISOString(),
      lockedUntil: delay > 0 ? new Date(t + delay).toISOString() : null,
    },
  };
}

/**
 * Gives a reserved attempt back. `signed_in`: the attempt ended in a session, so an account's or a
 * device's record is cleared (its owner has shown every secret), while an address gets only this
 * attempt back, so that signing in to one's own account does not wipe out what others failed from
 * the same address. `unfinished`: the secret was right but another is still asked for (a TOTP code,
 * a passkey), so every key gets this attempt back and nothing more — asking again without the
 * second factor must not reset the count of wrong codes.
 */
export function releaseAttempt(
  state: ThrottleState,
  how: 'signed_in' | 'unfinished',
): ThrottleState {
  const kind = throttleKindOf(state.key);
  if (how === 'signed_in' && kind !== 'address')
    return { key: state.key, failures: 0, lastAt: state.lastAt, lockedUntil: null };
  const failures = Math.max(0, state.failures - 1);
  return {
    key: state.key,
    failures,
    lastAt: state.lastAt,
    lockedUntil: failures < throttlePolicies[kind].budget ? null : state.lockedUntil,
  };
}

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
