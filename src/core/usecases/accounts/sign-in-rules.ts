import type { Hashing, Deps } from '../../ports.js';
import type { Session, User } from '../../accounts/model.js';
import {
  failureWindowMs,
  maxFailuresPerEmail,
  maxFailuresPerIp,
  sessionLifetimeMs,
} from '../../accounts/sign-in.js';
import { DomainError } from '../../shared/errors.js';
import { asId } from '../../shared/ids.js';

/** A hash verified when the account does not exist, so both paths take the same time. */
let decoyHash: Promise<string> | undefined;

/** The key failed sign-ins with an account name are counted under (hashed). */
export function emailFailureKey(hashing: Hashing, email: string): string {
  return `email:${hashing.sha256(email.trim().toLowerCase())}`;
}

/** The keys failed sign-ins are counted under: the account name (hashed) and the address. */
export function failureKeys(hashing: Hashing, email: string, ip: string): string[] {
  return [emailFailureKey(hashing, email), `ip:${ip}`];
}

/** Refuses with RATE_LIMITED while any of the keys has failed too often within the window. */
export async function assertNotRateLimited(
  deps: Deps<'db' | 'clock'>,
  keys: readonly string[],
): Promise<void> {
  const since = new Date(deps.clock.now().getTime() - failureWindowMs).toISOString();
  const limited = await deps.db.transaction(async (s) => {
    const counts = await Promise.all(keys.map((k) => s.accounts.countFailures(k, since)));
    return keys.some(
      (k, i) => (counts[i] ?? 0) >= (k.startsWith('ip:') ? maxFailuresPerIp : maxFailuresPerEmail),
    );
  });
  if (limited)
    throw new DomainError(
      'RATE_LIMITED',
      'Too many failed sign-ins. Wait a few minutes and try again.',
    );
}

/** Counts a failed sign-in under every key, and returns the error to throw. */
export async function recordSignInFailure(
  deps: Deps<'db' | 'clock'>,
  keys: string[],
  error: DomainError,
): Promise<DomainError> {
  const at = deps.clock.now().toISOString();
  await deps.db.transaction((s) => s.accounts.recordFailure(keys, at));
  return error;
}

/**
 * Checks e-mail and password, rate limited per account name and per address. Every failure answers
 * the same INVALID_CREDENTIALS whether or not the account exists, in the same time.
 */
export async function checkEmailAndPassword(
  deps: Deps<'db' | 'clock' | 'hashing'>,
  input: { email: string; password: string; ip: string },
): Promise<{ user: User; keys: string[] }> {
  const email = input.email.trim().toLowerCase();
  const keys = failureKeys(deps.hashing, email, input.ip);
  await assertNotRateLimited(deps, keys);
  const user = await deps.db.transaction((s) => s.accounts.findUserByEmail(email));
  decoyHash ??= deps.hashing.hashPassword('decoy-password-for-timing');
  const passwordOk = user
    ? await deps.hashing.verifyPassword(user.passwordHash, input.password)
    : (await deps.hashing.verifyPassword(await decoyHash, input.password), false);
  if (!user || !passwordOk)
    throw await recordSignInFailure(
      deps,
      keys,
      new DomainError('INVALID_CREDENTIALS', 'E-mail or password is wrong.'),
    );
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
