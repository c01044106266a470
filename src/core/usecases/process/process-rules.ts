import type { Actor } from '../../access/policy.js';
import { DomainError } from '../../shared/errors.js';

/**
 * Refuses to turn on a sign-in requirement of a process that the organiser turning it on does not
 * meet in this very session: a second factor (TOTP or a passkey) for `requireTotp`, a passkey for
 * `requirePasskey`. Otherwise the organiser would lock themselves out at once, and with them the
 * one who could turn the requirement off again.
 */
export function refuseLockingOut(
  actor: Pick<Actor, 'mfa' | 'passkey'>,
  turningOn: { requireTotp: boolean; requirePasskey: boolean },
): void {
  if (turningOn.requirePasskey && !actor.passkey)
    throw new DomainError(
      'RULE_VIOLATION',
      'Sign in with a passkey before requiring passkeys of every member, so that you keep access yourself.',
    );
  if (turningOn.requireTotp && !actor.mfa)
    throw new DomainError(
      'RULE_VIOLATION',
      'Sign in with a second factor (an authenticator code or a passkey) before requiring one of every member, so that you keep access yourself.',
    );
}
