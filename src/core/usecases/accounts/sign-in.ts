import type { Clock, Hashing, Ids, Session, Stores, Totp, UnitOfWork, User } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import { asId } from '../../shared/ids.js';

/** How long a session lives without signing in again. */
export const sessionLifetimeMs = 12 * 60 * 60 * 1000;
/** The window over which failed sign-ins are counted. */
export const failureWindowMs = 15 * 60 * 1000;
/** Failures allowed per account name within the window. */
export const maxFailuresPerEmail = 5;
/** Failures allowed per client address within the window. */
export const maxFailuresPerIp = 30;

/** A hash verified when the account does not exist, so both paths take the same time. */
let decoyHash: Promise<string> | undefined;

/** What signing in needs. */
export interface SignInDeps {
  db: UnitOfWork;
  clock: Clock;
  ids: Ids;
  hashing: Hashing;
  totp: Totp;
}

/** A sign-in attempt. */
export interface SignInInput {
  email: string;
  password: string;
  totpCode?: string;
  ip: string;
}

/** A new session: the raw token goes into the cookie and is never stored. */
export interface SignedIn {
  token: string;
  session: Session;
  user: User;
}

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
  deps: { db: UnitOfWork; clock: Clock },
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
  deps: { db: UnitOfWork; clock: Clock },
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
  deps: Pick<SignInDeps, 'db' | 'clock' | 'hashing'>,
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
  deps: Pick<SignInDeps, 'clock' | 'ids' | 'hashing'>,
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

/**
 * Signs in with password and, when enabled, a TOTP code. Every failure answers the same
 * INVALID_CREDENTIALS whether or not the account exists; repeated failures are rate limited per
 * account name and per address, also without saying whether the account exists. An account with
 * passkeys needs a second factor too: the TOTP code if it has TOTP, or else its passkey
 * (PASSKEY_REQUIRED, then `beginPasskeySignIn` with the same e-mail and password).
 */
export async function signIn(deps: SignInDeps, input: SignInInput): Promise<SignedIn> {
  const { user, keys } = await checkEmailAndPassword(deps, input);
  const now = deps.clock.now();
  const hasPasskey =
    (await deps.db.transaction((s) => s.passkeys.listPasskeys(user.id))).length > 0;
  const methods = [...(user.totpEnabled ? ['totp'] : []), ...(hasPasskey ? ['passkey'] : [])];

  let mfa = false;
  if (user.totpEnabled && user.totpSecret) {
    if (!input.totpCode)
      throw new DomainError(
        'TOTP_REQUIRED',
        hasPasskey
          ? 'Enter the 6-digit code from your authenticator app, or use your passkey.'
          : 'Enter the 6-digit code from your authenticator app.',
        { methods },
      );
    const step = deps.totp.matchStep(user.totpSecret, input.totpCode, now);
    if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep))
      throw await recordSignInFailure(
        deps,
        keys,
        new DomainError(
          'TOTP_REQUIRED',
          'The code is wrong or was already used. Enter a fresh code.',
          {
            methods,
          },
        ),
      );
    mfa = true;
    user.totpLastStep = step;
  } else if (hasPasskey)
    throw new DomainError('PASSKEY_REQUIRED', 'This account signs in with a passkey: use it now.', {
      methods,
    });

  const { token, session } = newSession(deps, user, { mfa, passkey: false });
  await deps.db.transaction(async (s: Stores) => {
    if (mfa)
      await s.accounts.updateTotp(user.id, {
        totpSecret: user.totpSecret,
        totpEnabled: true,
        totpLastStep: user.totpLastStep,
      });
    await s.accounts.insertSession(session);
    await s.audit.append({
      kind: 'session.signed_in',
      data: { method: mfa ? 'password+totp' : 'password' },
      actorUserId: user.id,
      processId: null,
      compartmentId: null,
    });
  });
  return { token, session, user };
}
