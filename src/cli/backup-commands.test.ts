import { randomBytes } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backedUpKeyFiles, manifestFileName, type BackupManifest } from '../server/backup.js';
import { postgresReachable, postgresTestUrl } from '../server/test-support/databases.js';
import { parley } from './test-support/parley.js';

/** Points the CLI at a data directory and database. */
function useTarget(dataDir: string, databaseUrl = `sqlite:${join(dataDir, 'parley.db')}`): void {
  vi.stubEnv('PARLEY_DATA_DIR', dataDir);
  vi.stubEnv('PARLEY_DATABASE_URL', databaseUrl);
}

/**
 * What an operator does beside a restore: put the master key, which backups do not hold, in the
 * target's data directory.
 */
function placeMasterKey(fromDataDir: string, toDataDir: string): void {
  mkdirSync(toDataDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(toDataDir, 'master-key'), readFileSync(join(fromDataDir, 'master-key')), {
    mode: 0o600,
  });
}

/** The tables whose every row and column the restore must reproduce exactly. */
const fullyCompared = ['items', 'text_versions', 'proposals'] as const;

/** A database's row count per table and the full content of the compared tables. */
interface Contents {
  counts: Record<string, number>;
  rows: Record<string, unknown[]>;
}

function sqliteContents(file: string): Contents {
  const db = new SQLite(file, { readonly: true });
  try {
    const tables = (
      db
        .prepare(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
        )
        .all() as Array<{ name: string }>
    ).map((t) => t.name);
    const counts: Record<string, number> = {};
    for (const t of tables)
      counts[t] = (db.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n;
    const rows: Record<string, unknown[]> = {};
    for (const t of fullyCompared) rows[t] = db.prepare(`select * from ${t} order by id`).all();
    return { counts, rows };
  } finally {
    db.close();
  }
}

async function postgresContents(url: string): Promise<Contents> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ name: string }>(
        'select table_name as name from information_schema.tables where table_schema = current_schema() order by 1',
      )
    ).rows.map((t) => t.name);
    const counts: Record<string, number> = {};
    for (const t of tables)
      counts[t] = Number(
        (await client.query<{ n: string }>(`select count(*) as n from "${t}"`)).rows[0]?.n,
      );
    const rows: Record<string, unknown[]> = {};
    for (const t of fullyCompared)
      rows[t] = (await client.query(`select * from ${t} order by id`)).rows;
    return { counts, rows };
  } finally {
    await client.end();
  }
}

/** Checks the comparison is not vacuous: the demo fills every compared table. */
function expectDemoContents(c: Contents): void {
  for (const t of fullyCompared) expect(c.rows[t]?.length, t).toBeGreaterThan(0);
  expect(Object.keys(c.counts).length).toBeGreaterThanOrEqual(25);
}

describe('parley backup and restore (SQLite)', () => {
  let root: string;
  let source: string;
  let backup: string;
  let sourceAudit: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'parley-backup-'));
    source = join(root, 'source');
    backup = join(root, 'backup');
    useTarget(source);
    expect((await parley(['demo', 'seed'])).code).toBe(0);
    sourceAudit = (await parley(['audit', 'verify'])).output;
    const r = await parley(['backup', '--out', backup]);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/Backed up the sqlite database and 2 keys/);
    expect(r.output).toMatch(
      /encrypted under master key [0-9a-f]{16}, which the backup does NOT hold: keep that key/,
    );
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(root, { recursive: true, force: true });
  });

  it('writes the database, the keys and a manifest, owner-only, and nothing else', () => {
    expect(readdirSync(backup).sort()).toEqual(
      ['parley.db', manifestFileName, ...backedUpKeyFiles].sort(),
    );
    for (const f of readdirSync(backup)) expect(statSync(join(backup, f)).mode & 0o777).toBe(0o600);
    expect(statSync(backup).mode & 0o777).toBe(0o700);
    expect(readdirSync(backup)).not.toContain('master-key');
    const manifest = JSON.parse(
      readFileSync(join(backup, manifestFileName), 'utf8'),
    ) as BackupManifest;
    expect(manifest).toMatchObject({ format: 'parley-backup', version: 1, dialect: 'sqlite' });
    expect(sourceAudit).toContain(
      `Audit log verified: ${manifest.audit.entries} entries, head ${manifest.audit.head}.`,
    );
  });

  it('restores into a fresh directory every table, every item and an audit log that verifies', async () => {
    const fresh = join(root, 'fresh');
    useTarget(fresh);
    placeMasterKey(source, fresh);
    const r = await parley(['restore', '--from', backup]);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/Master key [0-9a-f]{16} \(configured\) opens the restored/);
    const manifest = JSON.parse(
      readFileSync(join(backup, manifestFileName), 'utf8'),
    ) as BackupManifest;
    expect(r.output).toContain(
      `Audit log verified: ${manifest.audit.entries} entries, head ${manifest.audit.head}`,
    );

    const original = sqliteContents(join(source, 'parley.db'));
    const restored = sqliteContents(join(fresh, 'parley.db'));
    expectDemoContents(original);
    expect(restored.counts).toEqual(original.counts);
    expect(restored.rows).toEqual(original.rows);

    for (const key of backedUpKeyFiles) {
      expect(readFileSync(join(fresh, key))).toEqual(readFileSync(join(source, key)));
      expect(statSync(join(fresh, key)).mode & 0o777).toBe(0o600);
    }
    const verified = await parley(['audit', 'verify']);
    expect(verified.code).toBe(0);
    expect(verified.output).toBe(sourceAudit);
  });

  it('restores without the master key, says which key to put in place, and will not start without it', async () => {
    const keyless = join(root, 'keyless');
    useTarget(keyless);
    const r = await parley(['restore', '--from', backup]);
    expect(r.code).toBe(0);
    const id = /encrypted under master key ([0-9a-f]{16}), and no master key is configured/.exec(
      r.output,
    )?.[1];
    expect(id).toBeDefined();
    expect(r.output).toContain(`Put that key in ${keyless}/master-key (mode 0600)`);
    await expect(parley(['audit', 'verify'])).rejects.toThrow(
      `encrypted under master key ${id}, but no master key is configured`,
    );
    placeMasterKey(source, keyless);
    expect((await parley(['audit', 'verify'])).output).toBe(sourceAudit);
  });

  it('refuses to overwrite a non-empty target, and replaces it only with --force', async () => {
    const target = join(root, 'occupied');
    useTarget(target);
    placeMasterKey(source, target);
    expect((await parley(['restore', '--from', backup])).code).toBe(0);
    await parley([
      'create-admin',
      '--email',
      'later@example.org',
      '--name',
      'Later',
      '--password',
      'a-long-password',
    ]);
    await expect(parley(['restore', '--from', backup])).rejects.toThrow(
      /not empty .*refuses to overwrite it.*--force/,
    );
    expect(sqliteContents(join(target, 'parley.db')).counts.users).toBe(
      sqliteContents(join(source, 'parley.db')).counts.users! + 1,
    );
    const forced = await parley(['restore', '--from', backup, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.output).toContain('replacing what was there');
    expect(sqliteContents(join(target, 'parley.db'))).toEqual(
      sqliteContents(join(source, 'parley.db')),
    );
  });

  it('refuses a backup with one byte changed, before touching the target', async () => {
    const tampered = join(root, 'tampered');
    cpSync(backup, tampered, { recursive: true });
    const file = join(tampered, 'parley.db');
    const bytes = readFileSync(file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    writeFileSync(file, bytes);
    const target = join(root, 'untouched');
    useTarget(target);
    await expect(parley(['restore', '--from', tampered])).rejects.toThrow(
      'parley.db does not match its SHA-256 in the manifest: the backup is damaged or was altered; nothing was restored.',
    );
    expect(() => readdirSync(target)).toThrow(/ENOENT/);
  });

  it('refuses a restored log that differs from what the manifest promised', async () => {
    const edited = join(root, 'edited');
    cpSync(backup, edited, { recursive: true });
    const path = join(edited, manifestFileName);
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
    writeFileSync(
      path,
      JSON.stringify({
        ...manifest,
        audit: { ...manifest.audit, entries: manifest.audit.entries + 1 },
      }),
    );
    useTarget(join(root, 'edited-target'));
    await expect(parley(['restore', '--from', edited])).rejects.toThrow(
      /differs from the backup's manifest/,
    );
  });

  it('explains what is wrong with the command line or the directories', async () => {
    useTarget(source);
    await expect(parley(['backup'])).rejects.toThrow(/backup needs --out DIR/);
    await expect(parley(['backup', '--out', backup])).rejects.toThrow(/is not empty/);
    await expect(parley(['restore'])).rejects.toThrow(/restore needs --from DIR/);
    await expect(parley(['restore', '--from', root])).rejects.toThrow(/not a Parley backup/);
    useTarget(join(root, 'nothing-here'));
    await expect(parley(['backup', '--out', join(root, 'b2')])).rejects.toThrow(
      /There is no database at/,
    );
  });
});

describe.runIf(await postgresReachable())('parley backup and restore (PostgreSQL)', () => {
  const tag = randomBytes(5).toString('hex');
  const names = { source: `parley_bk_${tag}_src`, target: `parley_bk_${tag}_dst` };
  const urlOf = (database: string) => {
    const url = new URL(postgresTestUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: postgresTestUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'parley-pg-backup-'));
    await admin(`create database ${names.source}`);
    await admin(`create database ${names.target}`);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    rmSync(root, { recursive: true, force: true });
    await admin(`drop database if exists ${names.source} with (force)`);
    await admin(`drop database if exists ${names.target} with (force)`);
  });

  it('dumps with pg_dump and restores into a fresh database every row and a verified log', async () => {
    useTarget(join(root, 'source'), urlOf(names.source));
    expect((await parley(['demo', 'seed'])).code).toBe(0);
    const sourceAudit = (await parley(['audit', 'verify'])).output;
    expect((await parley(['backup', '--out', join(root, 'backup')])).code).toBe(0);
    expect(readdirSync(join(root, 'backup')).sort()).toEqual(
      ['parley.dump', manifestFileName, ...backedUpKeyFiles].sort(),
    );

    useTarget(join(root, 'fresh'), urlOf(names.target));
    placeMasterKey(join(root, 'source'), join(root, 'fresh'));
    const r = await parley(['restore', '--from', join(root, 'backup')]);
    expect(r.code).toBe(0);
    const original = await postgresContents(urlOf(names.source));
    expectDemoContents(original);
    expect(await postgresContents(urlOf(names.target))).toEqual(original);
    expect((await parley(['audit', 'verify'])).output).toBe(sourceAudit);
    await expect(parley(['restore', '--from', join(root, 'backup')])).rejects.toThrow(
      /tables in .*refuses to overwrite it/,
    );
  });
});
