/**
 * A TOTP code is single-use even under concurrency: of several sign-ins with the same code sent at
 * the same moment, exactly one opens a session. The store's conditional claim of a time step is
 * what decides, on both databases.
 */
import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { createUser } from '../../core/usecases/accounts/create-user.js';
import { totpCodeAt } from '../security/crypto.js';
import { testDatabases } from '../test-support/databases.js';
import { testClock, useParley } from '../test-support/harness.js';

const targets = await testDatabases();

describe.each(targets)('single-use TOTP codes on $name', (target) => {
  const clock = testClock();
  const p = useParley(target, { clock });

  it('opens one session for five sign-ins sent at once with the same code', async () => {
    const email = 'totp.race@demo.parley';
    const password = 'a long password for the race';
    await createUser(p.runtime.deps, { email, displayName: 'Racer', password, isAdmin: false });
    const s = await p.signIn(email, password);
    const { secret } = (
      await p.as(s, { method: 'POST', url: '/api/me/totp/setup', payload: {} })
    ).json() as { secret: string };
    const confirmed = await p.as(s, {
      method: 'POST',
      url: '/api/me/totp/confirm',
      payload: { code: totpCodeAt(secret, clock.now()) },
    });
    expect(confirmed.statusCode).toBe(200);
    clock.advance(30_000);
    const code = totpCodeAt(secret, clock.now());
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        p.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { email, password, totpCode: code },
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([200, 401, 401, 401, 401]);
    for (const a of answers.filter((x) => x.statusCode === 401))
      expect(a.json().error.code).toBe('TOTP_REQUIRED');
  });

  it('lets one of two overlapping transactions claim a time step, never both', async () => {
    const user = await createUser(p.runtime.deps, {
      email: 'totp.claim@demo.parley',
      displayName: 'Claimer',
      password: 'a long password to claim',
      isAdmin: false,
    });
    const db = p.runtime.deps.db;
    let claimedFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (claimedFirst = resolve));
    const first = db.transaction(async (s) => {
      const won = await s.accounts.claimTotpStep(user.id, 100);
      claimedFirst();
      await sleep(100); // the second transaction starts while this one is still open
      return won;
    });
    await firstHolds;
    const second = db.transaction((s) => s.accounts.claimTotpStep(user.id, 100));
    expect([await first, await second]).toEqual([true, false]);
    expect(await db.transaction((s) => s.accounts.claimTotpStep(user.id, 99))).toBe(false);
    expect(await db.transaction((s) => s.accounts.claimTotpStep(user.id, 101))).toBe(true);
  });
});
