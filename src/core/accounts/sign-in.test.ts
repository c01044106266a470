import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  minPasswordLength,
  releaseAttempt,
  reserveAttempt,
  throttleDelayMs,
  throttlePolicies,
  tokenSignIn,
  weakened,
  type ThrottleState,
} from './sign-in.js';

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

describe('sign-in throttling', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 11, 6, 10, 0, s));
  const fresh = (key: string): ThrottleState => ({
    key,
    failures: 0,
    lastAt: null,
    lockedUntil: null,
  });
  /** Reserves `n` attempts at one instant; returns how many were let through and the state. */
  function reserveMany(state: ThrottleState, n: number, now: Date) {
    let passed = 0;
    for (let i = 0; i < n; i++) {
      const r = reserveAttempt(state, now);
      if (r.ok) {
        passed++;
        state = r.state;
      }
    }
    return { passed, state };
  }

  it.each([
    ['account:x', throttlePolicies.account.budget],
    ['address:10.0.0.1', throttlePolicies.address.budget],
    ['device:y', throttlePolicies.device.budget],
  ])('lets exactly the free budget of simultaneous attempts on %s through', (key, budget) => {
    expect(reserveMany(fresh(key), 100, at(0)).passed).toBe(budget);
  });

  it('doubles the delay with every failure past the budget, up to the cap', () => {
    const p = throttlePolicies.account;
    expect([4, 5, 6, 7, 8].map((n) => throttleDelayMs(p, n))).toEqual([
      0,
      p.baseDelayMs,
      2 * p.baseDelayMs,
      4 * p.baseDelayMs,
      8 * p.baseDelayMs,
    ]);
    expect(throttleDelayMs(p, 1000)).toBe(p.maxDelayMs);
  });

  it('refuses while closed and says how long to wait, then lets one more attempt through', () => {
    const { state } = reserveMany(fresh('account:x'), 5, at(0));
    expect(reserveAttempt(state, at(1))).toEqual({ ok: false, retryAfterMs: 1000 });
    const next = reserveAttempt(state, at(2));
    expect(next.ok && next.state).toMatchObject({ failures: 6, lockedUntil: at(6).toISOString() });
  });

  it('forgets failures as they leak away', () => {
    const { state } = reserveMany(fresh('account:x'), 5, at(0));
    const later = new Date(at(0).getTime() + 5 * throttlePolicies.account.leakMs);
    const r = reserveAttempt(state, later);
    expect(r.ok && r.state.failures).toBe(1);
  });

  it('clears an account after a sign-in, but gives an address back only the one attempt', () => {
    const account = reserveMany(fresh('account:x'), 5, at(0)).state;
    expect(releaseAttempt(account, 'signed_in')).toMatchObject({ failures: 0, lockedUntil: null });
    const address: ThrottleState = {
      key: 'address:10.0.0.1',
      failures: 40,
      lastAt: at(0).toISOString(),
      lockedUntil: at(60).toISOString(),
    };
    expect(releaseAttempt(address, 'signed_in')).toMatchObject({
      failures: 39,
      lockedUntil: at(60).toISOString(),
    });
  });

  it('gives back only the one attempt while a second factor is still asked for', () => {
    const account = reserveMany(fresh('account:x'), 5, at(0)).state;
    expect(releaseAttempt(account, 'unfinished')).toMatchObject({ failures: 4, lockedUntil: null });
  });
});
