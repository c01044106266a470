import type { Clock, Hashing, Ids, Session, Stores, Totp, UnitOfWork, User } from '../ports.js';
import { DomainError } from '../shared/errors.js';
import { asId } from '../shared/ids.js';

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

/**
 * Signs in with password and, when enabled, a TOTP code. Every failure answers the same
 * INVALID_CREDENTIALS whether or not the account exists; repeated failures are rate limited per
 * account name and per address, also without saying whether the account exists.
 */
export async function signIn(deps: SignInDeps, input: SignInInput): Promise<SignedIn> {
  const email = input.email.trim().toLowerCase();
  const now = deps.clock.now();
  const since = new Date(now.getTime() - failureWindowMs).toISOString();
  const keys = [`email:${deps.hashing.sha256(email)}`, `ip:${input.ip}`];

  const limited = await deps.db.transaction(async (s) => {
    const [byEmail, byIp] = await Promise.all(keys.map((k) => s.accounts.countFailures(k, since)));
    return (byEmail ?? 0) >= maxFailuresPerEmail || (byIp ?? 0) >= maxFailuresPerIp;
  });
  if (limited)
    throw new DomainError(
      'RATE_LIMITED',
      'Too many failed sign-ins. Wait a few minutes and try again.',
    );

  const user = await deps.db.transaction((s) => s.accounts.findUserByEmail(email));
  decoyHash ??= deps.hashing.hashPassword('decoy-password-for-timing');
  const passwordOk = user
    ? await deps.hashing.verifyPassword(user.passwordHash, input.password)
    : (await deps.hashing.verifyPassword(await decoyHash, input.password), false);

  const fail = async (code: 'INVALID_CREDENTIALS' | 'TOTP_REQUIRED', message: string) => {
    await deps.db.transaction((s) => s.accounts.recordFailure(keys, now.toISOString()));
    return new DomainError(code, message);
  };
  if (!user || !passwordOk) throw await fail('INVALID_CREDENTIALS', 'E-mail or password is wrong.');

  let mfa = false;
  if (user.totpEnabled && user.totpSecret) {
    if (!input.totpCode)
      throw new DomainError('TOTP_REQUIRED', 'Enter the 6-digit code from your authenticator app.');
    const step = deps.totp.matchStep(user.totpSecret, input.totpCode, now);
    if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep))
      throw await fail(
        'TOTP_REQUIRED',
        'The code is wrong or was already used. Enter a fresh code.',
      );
    mfa = true;
    user.totpLastStep = step;
  }

  const token = deps.ids.newSecret();
  const session: Session = {
    id: asId(deps.ids.newId()),
    userId: user.id,
    tokenHash: deps.hashing.sha256(token),
    csrfToken: deps.ids.newSecret(),
    mfa,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + sessionLifetimeMs).toISOString(),
    revokedAt: null,
  };
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
