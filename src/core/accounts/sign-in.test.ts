import { describe, expect, it } from 'vitest';
import { checkPassword, minPasswordLength, tokenSignIn, weakened } from './sign-in.js';

describe('what an API token proves', () => {
  it.each([
    { totpEnabled: false, viaPasskey: false, mfa: false, passkey: false },
    { totpEnabled: true, viaPasskey: false, mfa: true, passkey: false },
    { totpEnabled: false, viaPasskey: true, mfa: true, passkey: true },
    { totpEnabled: true, viaPasskey: true, mfa: true, passkey: true },
  ])(
    'a token made with passkey=$viaPasskey for a user with TOTP=$totpEnabled proves mfa=$mfa, passkey=$passkey',
    ({ totpEnabled, viaPasskey, mfa, passkey }) => {
      expect(tokenSignIn({ totpEnabled }, { viaPasskey })).toEqual({ mfa, passkey });
    },
  );

  it.each([
    { admitted: { mfa: true, passkey: false }, now: { mfa: false, passkey: false }, gone: true },
    { admitted: { mfa: true, passkey: true }, now: { mfa: true, passkey: false }, gone: true },
    { admitted: { mfa: true, passkey: false }, now: { mfa: true, passkey: false }, gone: false },
    { admitted: { mfa: false, passkey: false }, now: { mfa: true, passkey: true }, gone: false },
  ])('a credential admitted as $admitted and now $now is weakened: $gone', (c) => {
    expect(weakened(c.admitted, c.now)).toBe(c.gone);
  });

  it('turning TOTP off weakens a token that carried it, not one made with a passkey', () => {
    const plain = { viaPasskey: false };
    const withPasskey = { viaPasskey: true };
    const on = { totpEnabled: true };
    const off = { totpEnabled: false };
    expect(weakened(tokenSignIn(on, plain), tokenSignIn(off, plain))).toBe(true);
    expect(weakened(tokenSignIn(on, withPasskey), tokenSignIn(off, withPasskey))).toBe(false);
  });
});

describe('the password rule', () => {
  it('refuses a password shorter than the minimum and accepts one of that length', () => {
    expect(() => checkPassword('x'.repeat(minPasswordLength - 1))).toThrow(/at least/);
    expect(() => checkPassword('x'.repeat(minPasswordLength))).not.toThrow();
  });
});
