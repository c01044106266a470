import type { Hashing, Deps, Stores } from '../../ports.js';
import type { Session, User } from '../../accounts/model.js';
import {
  releaseAttempt,
  reserveAttempt,
  sessionLifetimeMs,
  type ThrottleState,
} from '../../accounts/sign-in.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type UserId } from '../../shared/ids.js';

/** A hash verified when the account does not exist, so both paths take the same time. */
let decoyHash: Promise<string> | undefined;

/** The throttle key of an account name (hashed; the same whether or not the account exists). */
export function accountThrottleKey(hashing: Hashing, email: string): string {
  return `account:${hashing.sha256(email.trim().toLowerCase())}`;
}

/** The throttle key of a client address. */
export function addressThrottleKey(ip: string): string {
  return `address:${ip}`;
}

/** Where an attempt comes from: the client address and the device cookie it presented, if any. */
export interface AttemptOrigin {
  /** The client address (the peer, or X-Forwarded-For from a trusted proxy). */
  ip: string;
  /** The device token from the browser's device cookie, if it sent one. */
  device?: string | undefined;
}

/**
 * The keys an attempt for an account is charged to (see core/accounts/sign-in.ts): the device's
 * alone when the browser presents the device token of this very account, else the account name's
 * (when there is one) and the address's.
 */
export async function throttleKeysFor(
  deps: Deps<'db' | 'hashing'>,
  input: AttemptOrigin & { email: string | null; userId: UserId | null },
): Promise<string[]> {
  if (input.device && input.userId) {
    const tokenHash = deps.hashing.sha256(input.device);
    const owner = await deps.db.transaction((s) => s.accounts.findDeviceUser(tokenHash));
    if (owner === input.userId) return [`device:${tokenHash}`];
  }
  return input.email === null
    ? [addressThrottleKey(input.ip)]
    : [accountThrottleKey(deps.hashing, input.email), addressThrottleKey(input.ip)];
}

/**
 * Reserves an attempt on every key, atomically (their rows locked in one transaction), before any
 * secret is checked: refused with RATE_LIMITED while any key is closed, and then nothing is
 * counted. The attempt counts as a failure until `releaseAttempts` gives it back.
 */
export async function reserveAttempts(
  deps: Deps<'db' | 'clock'>,
  keys: readonly string[],
): Promise<void> {
  const now = deps.clock.now();
  const waitMs = await deps.db.transaction(async (s) => {
    const reserved = (await s.accounts.lockThrottle(keys)).map((t) => reserveAttempt(t, now));
    const refused = reserved.flatMap((r) => (r.ok ? [] : [r.retryAfterMs]));
    if (refused.length > 0) return Math.max(...refused);
    await s.accounts.saveThrottle(reserved.flatMap((r) => (r.ok ? [r.state] : [])));
    return 0;
  });
  if (waitMs > 0) throw rateLimited(waitMs);
}

/** Refuses with RATE_LIMITED while any key is closed, counting nothing (nothing secret is checked). */
export async function assertNotThrottled(
  deps: Deps<'db' | 'clock'>,
  keys: readonly string[],
): Promise<void> {
  const now = deps.clock.now();
  const states = await deps.db.transaction((s) => s.accounts.lockThrottle(keys));
  const waitMs = Math.max(
    0,
    ...states.map((t) => (t.lockedUntil === null ? 0 : Date.parse(t.lockedUntil) - now.getTime())),
  );
  if (waitMs > 0) throw rateLimited(waitMs);
}

/** The RATE_LIMITED error, with how long to wait. */
function rateLimited(waitMs: number): DomainError {
  const retryAfterSeconds = Math.ceil(waitMs / 1000);
  return new DomainError(
    'RATE_LIMITED',
    `Too many failed sign-ins. Try again in ${retryAfterSeconds} seconds.`,
    { retryAfterSeconds },
  );
}

/** Gives a reserved attempt back on every key (see `releaseAttempt`), in a transaction of its own. */
export async function releaseAttempts(
  deps: Deps<'db'>,
  keys: readonly string[],
  how: 'signed_in' | 'unfinished',
): Promise<void> {
  await deps.db.transaction((s) => releaseAttemptsIn(s, keys, how));
}

/** Gives a reserved attempt back on every key, inside the caller's transaction. */
export async function releaseAttemptsIn(
  s: Stores,
  keys: readonly string[],
  how: 'signed_in' | 'unfinished',
): Promise<void> {
  const states: ThrottleState[] = await s.accounts.lockThrottle(keys);
  await s.accounts.saveThrottle(states.map((t) => releaseAttempt(t, how)));
}

/**
 * Remembers the browser of a full sign-in, unless it already presented this account's device
 * token: returns the new token for the device cookie, or null.
 */
export async function rememberDevice(
  deps: Deps<'ids' | 'hashing' | 'clock'>,
  s: Stores,
  input: { userId: UserId; keys: readonly string[] },
): Promise<string | null> {
  if (input.keys.some((k) => k.startsWith('device:'))) return null;
  const token = deps.ids.newSecret();
  await s.accounts.insertDevice({
    tokenHash: deps.hashing.sha256(token),
    userId: input.userId,
    createdAt: deps.clock.now().toISOString(),
  });
  return token;
}

/**
 * Checks e-mail and password, throttled per account name and address (or per known device). The
 * attempt is reserved before the password is checked; on success the caller releases it (signed
 * in, or unfinished while a second factor is asked for). Every failure answers the same
 * INVALID_CREDENTIALS whether or not the account exists, in the same time.
 */
export async function checkEmailAndPassword(
  deps: Deps<'db' | 'clock' | 'hashing'>,
  input: AttemptOrigin & { email: string; password: string },
): Promise<{ user: User; keys: string[] }> {
  const email = input.email.trim().toLowerCase();
  const user = await deps.db.transaction((s) => s.accounts.findUserByEmail(email));
  const keys = await throttleKeysFor(deps, { ...input, email, userId: user?.id ?? null });
  await reserveAttempts(deps, keys);
  decoyHash ??= deps.hashing.hashPassword('decoy-password-for-timing');
  const passwordOk = user
    ? await deps.hashing.verifyPassword(user.passwordHash, input.password)
    : (await deps.hashing.verifyPassword(await decoyHash, input.password), false);
  if (!user || !passwordOk)
    throw new DomainError('INVALID_CREDENTIALS', 'E-mail or password is wrong.');
  return { user, keys };
}

/** A new session for a user who has proved who they are; the caller stores it with its audit event. */
export function newSession(
  deps: Deps<'clock' | 'ids' | 'hashing'>,
  user: User,
  how: { mfa: boolean; passkey: boolean },
): { token: string; session: Session } {
  const now = deps.clock.now();
  const token = deps.ids.newSecret();
  const session: Session = {
    id: asId(deps.ids.newId()),
    userId: user.id,
    tokenHash: deps.hashing.sha256(token),
    csrfToken: deps.ids.newSecret(),
    mfa: how.mfa,
    passkey: how.passkey,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + sessionLifetimeMs).toISOString(),
    revokedAt: null,
  };
  return { token, session };
}
