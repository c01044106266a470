import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { asId } from '../shared/ids.js';
import { meetsSignInRequirements, requireProcessView, type Actor } from './policy.js';

const P = asId<'Process'>('p');
const actor = (how: { mfa: boolean; passkey: boolean }, member = true): Actor => ({
  userId: asId('u'),
  isAdmin: false,
  ...how,
  memberships: member
    ? [{ processId: P, userId: asId('u'), role: 'delegate', partyId: null, grants: [] }]
    : [],
});
const outcome = (a: Actor, requireTotp: boolean, requirePasskey: boolean) => {
  try {
    requireProcessView(a, P, { requireTotp, requirePasskey });
    return 'open';
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('how a process requires its members to have signed in', () => {
  const password = { mfa: false, passkey: false };
  const totp = { mfa: true, passkey: false };
  const passkey = { mfa: true, passkey: true };
  it.each([
    ['a password', password, false, false, 'open'],
    ['a password', password, true, false, 'MFA_REQUIRED_BY_PROCESS'],
    ['a password', password, false, true, 'PASSKEY_REQUIRED_BY_PROCESS'],
    ['a password', password, true, true, 'PASSKEY_REQUIRED_BY_PROCESS'],
    ['an authenticator code', totp, true, false, 'open'],
    ['an authenticator code', totp, false, true, 'PASSKEY_REQUIRED_BY_PROCESS'],
    ['a passkey', passkey, true, false, 'open'],
    ['a passkey', passkey, false, true, 'open'],
    ['a passkey', passkey, true, true, 'open'],
  ] as const)(
    'a session opened with %s, second factor required: %s, passkey required: %s → %s',
    (_label, how, requireTotp, requirePasskey, expected) => {
      expect(outcome(actor(how), requireTotp, requirePasskey)).toBe(expected);
      // The live feed, which refuses silently, decides the same way.
      expect(meetsSignInRequirements(how, { requireTotp, requirePasskey })).toBe(
        expected === 'open',
      );
    },
  );

  it('answers NOT_FOUND to a non-member before saying anything about how to sign in', () => {
    expect(outcome(actor(password, false), true, true)).toBe('NOT_FOUND');
  });
});
