/**
 * Every file Parley creates in its data directory is readable by its owner only: the database and
 * its -wal and -shm files (which SQLite creates with the database file's mode), the keys, backups.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser } from '../core/usecases/accounts/create-user.js';
import { loadConfig } from './config.js';
import { startRuntime } from './runtime.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-data-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The permission bits of every file and folder under a directory, by name. */
function modes(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(root, { recursive: true }) as string[])
    out[name] = (statSync(join(root, name)).mode & 0o777).toString(8);
  return out;
}

describe('files in the data directory', () => {
  it('are created owner-only, the database’s -wal and -shm included, before and after a write', async () => {
    const data = join(dir, 'fresh');
    const runtime = await startRuntime(loadConfig({ PARLEY_DATA_DIR: data }), { webRoot: null });
    try {
      await createUser(runtime.deps, {
        email: 'someone@parley.test',
        displayName: 'Someone',
        password: 'a long enough password',
        isAdmin: true,
      });
      const open = modes(data);
      expect(Object.keys(open)).toEqual(
        expect.arrayContaining(['parley.db', 'parley.db-wal', 'parley.db-shm', 'master-key']),
      );
      expect(Object.entries(open).filter(([, m]) => m !== '600')).toEqual([]);
    } finally {
      await runtime.close();
    }
    expect(Object.entries(modes(data)).filter(([, m]) => m !== '600')).toEqual([]);
    expect((statSync(data).mode & 0o777).toString(8)).toBe('700');
  });

  it('takes group and other access from a database an older Parley left readable', async () => {
    const data = join(dir, 'older');
    const first = await startRuntime(loadConfig({ PARLEY_DATA_DIR: data }), { webRoot: null });
    await first.close();
    chmodSync(join(data, 'parley.db'), 0o644);
    const again = await startRuntime(loadConfig({ PARLEY_DATA_DIR: data }), { webRoot: null });
    try {
      expect(Object.entries(modes(data)).filter(([, m]) => m !== '600')).toEqual([]);
    } finally {
      await again.close();
    }
  });
});
