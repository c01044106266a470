/**
 * Account recovery by an operator (`parley users reset-sign-in`), for a member who lost their
 * passkey or authenticator: a new password, no second factor, and nothing left signed in. The
 * person then signs in with the new password alone and registers a new passkey; a process that
 * requires a passkey or a second factor stays closed to them until they have one again.
 */
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { UserId } from '../../shared/ids.js';
import { checkPassword } from '../../accounts/sign-in.js';
import { accountThrottleKey } from './sign-in-rules.js';

/** Whose sign-in to reset, and their new password. */
export interface ResetSignInInput {
  /** The account's sign-in e-mail (any case, surrounding spaces ignored). */
  email: string;
  /** The new password, under the same rules as a new account's. */
  password: string;
}

/** What a reset did, as recorded in its audit event. */
export interface SignInReset {
  /** The account reset. */
  userId: UserId;
  /** Its sign-in e-mail. */
  email: string;
  /** How many passkeys were removed. */
  passkeysRemoved: number;
  /** Whether TOTP had been on and was turned off. */
  totpDisabled: boolean;
  /** How many open sessions were revoked. */
  sessionsRevoked: number;
  /** How many API tokens were revoked. */
  tokensRevoked: number;
}

/**
 * Sets a new password, removes every passkey, turns TOTP off, revokes every open session and
 * API token of one account and forgets its failed sign-ins, in one transaction with one `account.sign_in_reset` event (no actor:
 * an operator at the server). An unknown e-mail, or a password that breaks the rules, changes
 * nothing.
 */
export async function resetSignIn(
  deps: Deps<'db' | 'clock' | 'hashing'>,
  input: ResetSignInInput,
): Promise<SignInReset> {
  checkPassword(input.password);
  const email = input.email.trim().toLowerCase();
  // Hashed before the transaction: argon2id is slow on purpose, and no lock need wait for it.
  const passwordHash = await deps.hashing.hashPassword(input.password);
  return deps.db.transaction(async (s) => {
    const user = await s.accounts.findUserByEmail(email);
    if (!user) throw new DomainError('NOT_FOUND', `No account has the e-mail address ${email}.`);
    const at = deps.clock.now().toISOString();
    await s.accounts.updatePassword(user.id, passwordHash);
    const passkeysRemoved = await s.passkeys.deletePasskeysOf(user.id);
    const totpDisabled = user.totpEnabled;
    await s.accounts.updateTotp(user.id, {
      totpSecret: null,
      totpEnabled: false,
      totpLastStep: null,
    });
    const sessionsRevoked = await s.accounts.revokeOpenSessions(user.id, at);
    const tokensRevoked = await s.accounts.revokeOpenTokens(user.id, at);
    // Failed attempts with the lost factor must not keep the person out of the new password.
    await s.accounts.clearThrottle(accountThrottleKey(deps.hashing, user.email));
    // Browsers that signed in before the reset are no longer known: the lost factor may be there.
    await s.accounts.deleteDevicesOf(user.id);
    const counts = { passkeysRemoved, totpDisabled, sessionsRevoked, tokensRevoked };
    // The live hub closes the sockets of the sessions revoked here, as after a sign-out.
    await s.audit.append({
      kind: 'account.sign_in_reset',
      data: { userId: user.id, ...counts },
      actorUserId: null,
      processId: null,
      compartmentId: null,
    });
    return { userId: user.id, email: user.email, ...counts };
  });
}
