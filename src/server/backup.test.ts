import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backedUpKeyFiles,
  createBackup,
  manifestFileName,
  openForBackup,
  postgresBackupFileName,
  restoreBackup,
  type BackupManifest,
} from './backup.js';
import { loadConfig } from './config.js';
import { startRuntime } from './runtime.js';

describe('backups that cannot be made or restored safely', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parley-backup-unit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const sqliteConfig = () =>
    loadConfig({
      PARLEY_DATA_DIR: join(dir, 'data'),
      PARLEY_DATABASE_URL: `sqlite:${join(dir, 'data', 'parley.db')}`,
    });

  it('refuses to back up a database whose audit log is broken, and leaves no half backup', async () => {
    const config = sqliteConfig();
    const rt = await startRuntime(config, { webRoot: null });
    rt.database.sqlite
      ?.prepare(
        `insert into audit_log (seq, at, actor_user_id, process_id, compartment_id, kind, data, prev_hash, hash)
         values (1, '2026-11-27T00:00:00.000Z', null, null, null, 'user.created', '{}', ?, ?)`,
      )
      .run('0'.repeat(64), 'f'.repeat(64));
    rt.database.sqlite
      ?.prepare('update audit_head set seq = 1, hash = ? where id = 1')
      .run('f'.repeat(64));
    await rt.close();

    const database = openForBackup(config);
    try {
      await expect(createBackup({ config, database }, join(dir, 'backup'))).rejects.toThrow(
        /audit log is BROKEN at entry #1 .*no backup was made/,
      );
    } finally {
      await database.close();
    }
    expect(existsSync(join(dir, 'backup'))).toBe(false);
  });

  it('names the missing PostgreSQL client tool and how to install it, before touching anything', async () => {
    const backup = join(dir, 'pg-backup');
    mkdirSync(backup);
    const files = [postgresBackupFileName, ...backedUpKeyFiles].map((name) => {
      const content = `content of ${name}`;
      writeFileSync(join(backup, name), content);
      return {
        name,
        bytes: Buffer.byteLength(content),
        sha256: createHash('sha256').update(content).digest('hex'),
      };
    });
    const manifest = {
      format: 'parley-backup',
      version: 1,
      createdAt: '2026-11-27T09:00:00.000Z',
      dialect: 'postgres',
      audit: { entries: 1, head: 'a'.repeat(64) },
      files,
    } as BackupManifest;
    writeFileSync(join(backup, manifestFileName), JSON.stringify(manifest));
    const config = loadConfig({
      PARLEY_DATA_DIR: join(dir, 'target'),
      PARLEY_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    });
    await expect(
      restoreBackup(config, backup, { tools: { pgRestore: 'pg_restore-not-installed' } }),
    ).rejects.toThrow(/pg_restore-not-installed is needed .*apt-get install postgresql-client/);
    expect(existsSync(join(dir, 'target'))).toBe(false);
  });

  it('refuses to restore a backup of one engine into the other', async () => {
    const config = sqliteConfig();
    const rt = await startRuntime(config, { webRoot: null });
    await rt.close();
    const database = openForBackup(config);
    try {
      await createBackup({ config, database }, join(dir, 'backup'));
    } finally {
      await database.close();
    }
    const postgres = loadConfig({
      PARLEY_DATA_DIR: join(dir, 'target'),
      PARLEY_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    });
    await expect(restoreBackup(postgres, join(dir, 'backup'))).rejects.toThrow(
      /backup is of a sqlite database but the configured database .* is postgres; nothing was restored/,
    );
  });
});
