/**
 * TOTP secrets are sealed at rest under the account-scope data key: the database file and its WAL
 * never hold one in clear, a sealed secret moved to another account fails to open, secrets stored
 * in clear by an older Parley are sealed at the next start, and key rotation covers them.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../core/usecases/accounts/create-user.js';
import { asId } from '../core/shared/ids.js';
import { loadConfig } from './config.js';
import { rotateKeys } from './key-rotation.js';
import { startRuntime, type Runtime } from './runtime.js';
import { totpCodeAt } from './security/crypto.js';
import { testClock } from './test-support/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-account-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const clock = testClock();
let config = loadConfig({ PARLEY_DATA_DIR: join(dir, 'none') });
let file = '';
// Each test on a data directory of its own.
beforeEach((t) => {
  const data = join(dir, t.task.id);
  config = loadConfig({ PARLEY_DATA_DIR: data });
  file = join(data, 'parley.db');
});

/** The bytes of the database file and its WAL. */
const raw = () =>
  Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));

/** Makes an account with TOTP on through the use cases, as the API does; returns its secret. */
async function withTotp(runtime: Runtime, email: string): Promise<{ id: string; secret: string }> {
  const { beginTotpSetup } = await import('../core/usecases/accounts/begin-totp-setup.js');
  const { confirmTotp } = await import('../core/usecases/accounts/confirm-totp.js');
  const user = await createUser(runtime.deps, {
    email,
    displayName: email,
    password: 'a long enough password',
    isAdmin: false,
  });
  const actor = {
    userId: user.id,
    isAdmin: false,
    memberships: [],
    mfa: false,
    passkey: false,
  };
  const { secret } = await beginTotpSetup(runtime.deps, { actor });
  await confirmTotp(runtime.deps, { actor, code: totpCodeAt(secret, clock.now()) });
  return { id: user.id, secret };
}

const storedSecret = async (runtime: Runtime, id: string) =>
  (
    await runtime.database.db
      .selectFrom('users')
      .select('totp_secret')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).totp_secret;

const openedSecret = (runtime: Runtime, id: string) =>
  runtime.deps.db.transaction(async (s) => (await s.accounts.findUserById(asId(id)))?.totpSecret);

describe('TOTP secrets at rest', () => {
  it('never stand in clear in the database file or its WAL, and open for their own account only', async () => {
    const runtime = await startRuntime(config, { webRoot: null, clock });
    try {
      const a = await withTotp(runtime, 'a@parley.test');
      const b = await withTotp(runtime, 'b@parley.test');
      for (const { id, secret } of [a, b]) {
        expect(await storedSecret(runtime, id)).toMatch(/^a1:1:/);
        expect(await openedSecret(runtime, id)).toBe(secret);
        expect(raw().includes(secret)).toBe(false);
      }
      // The check can fail: the secret in clear would be found.
      expect(Buffer.concat([raw(), Buffer.from(a.secret)]).includes(a.secret)).toBe(true);
      // A's sealed secret copied onto B's row does not open there.
      await runtime.database.db
        .updateTable('users')
        .set({ totp_secret: await storedSecret(runtime, a.id) })
        .where('id', '=', b.id)
        .execute();
      await expect(openedSecret(runtime, b.id)).rejects.toThrow(/failed authentication/);
    } finally {
      await runtime.close();
    }
    expect(raw().includes('a1:1:')).toBe(true);
  });

  it('seals secrets an older Parley stored in clear at the next start, and scrubs the file', async () => {
    const first = await startRuntime(config, { webRoot: null, clock });
    const c = await withTotp(first, 'c@parley.test');
    // What an older Parley wrote: the secret itself.
    await first.database.db
      .updateTable('users')
      .set({ totp_secret: c.secret })
      .where('id', '=', c.id)
      .execute();
    first.database.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
    expect(raw().includes(c.secret)).toBe(true);
    await first.close();
    const second = await startRuntime(config, { webRoot: null, clock });
    try {
      expect(await storedSecret(second, c.id)).toMatch(/^a1:1:/);
      expect(await openedSecret(second, c.id)).toBe(c.secret);
    } finally {
      await second.close();
    }
    expect(raw().includes(c.secret)).toBe(false);
  });

  it('are re-wrapped by a rotation of the master key and re-encrypted by one of the data keys', async () => {
    // Each rotation on a stopped server, as the operator runs it: a server keeps its keys in memory.
    const rotate = async (data: boolean) => {
      const runtime = await startRuntime(config, { webRoot: null, clock });
      try {
        const { database, dataKeys } = runtime;
        return await rotateKeys({ database, dataKeys, config, clock }, { data });
      } finally {
        await runtime.close();
      }
    };
    const runtime = await startRuntime(config, { webRoot: null, clock });
    const d = await withTotp(runtime, 'd@parley.test');
    await runtime.close();
    await rotate(false);
    const rewrapped = await startRuntime(config, { webRoot: null, clock });
    try {
      expect(await storedSecret(rewrapped, d.id)).toMatch(/^a1:1:/);
      expect(await openedSecret(rewrapped, d.id)).toBe(d.secret);
    } finally {
      await rewrapped.close();
    }
    expect((await rotate(true)).values).toBeGreaterThan(0);
    const restarted = await startRuntime(config, { webRoot: null, clock });
    try {
      expect(await storedSecret(restarted, d.id)).toMatch(/^a1:2:/);
      expect(await openedSecret(restarted, d.id)).toBe(d.secret);
      const keys = await restarted.database.db.selectFrom('account_keys').selectAll().execute();
      expect(keys.map((k) => [k.version, k.master_key_id])).toEqual([
        [2, restarted.dataKeys.master.id],
      ]);
    } finally {
      await restarted.close();
    }
  });

  it('make a backup name the master key it needs, even before any process holds a data key', async () => {
    const runtime = await startRuntime(config, { webRoot: null, clock });
    try {
      await withTotp(runtime, 'e@parley.test');
      const { createBackup } = await import('./backup.js');
      const result = await createBackup(
        { config: runtime.deps.config, database: runtime.database },
        join(config.dataDir, '..', `${runtime.dataKeys.master.id}-backup`),
        { clock },
      );
      expect(result.masterKeyIds).toEqual([runtime.dataKeys.master.id]);
    } finally {
      await runtime.close();
    }
  });
});
