/**
 * Backups and restores (C12). A backup is a directory: the database (SQLite's online backup API,
 * or `pg_dump --format=custom` for PostgreSQL), the data directory's keys (owner-only), and a
 * `manifest.json` written last, naming every file's SHA-256 and the audit log's length and head
 * at the moment of the copy. A restore checks the manifest before touching anything, refuses to
 * overwrite a non-empty target unless forced, and proves the result by re-verifying the audit log
 * against the manifest. Never a file copy of a live database: it can tear a page mid-write.
 * The master key of encryption at rest is deliberately not copied: a backup without it reveals no
 * confidential text. Backup and restore name the master key the copy needs (its id), and restore
 * says whether the configured one opens it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  createReadStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../core/ports.js';
import { verifyAuditLog, verifyChainIn } from './audit-verify.js';
import type { Config } from './config.js';
import { openDatabase, type Database, type Dialect } from './db/connect.js';
import { fingerprintKeyFile } from './security/fingerprint-key.js';
import { loadMasterKey } from './security/master-key.js';
import { keyFileName } from './security/signing-key.js';

/** A backup or restore that cannot be done safely; the message says why and what to do. */
export class BackupError extends Error {}

/** The manifest's file name inside a backup directory. */
export const manifestFileName = 'manifest.json';
/** The SQLite database's file name inside a backup directory. */
export const sqliteBackupFileName = 'parley.db';
/** The PostgreSQL dump's file name inside a backup directory. */
export const postgresBackupFileName = 'parley.dump';
/** The data directory's secrets a restored Parley needs to verify old heads and trace old copies. */
export const backedUpKeyFiles = [keyFileName, fingerprintKeyFile] as const;

const backupFileNames = [
  sqliteBackupFileName,
  postgresBackupFileName,
  ...backedUpKeyFiles,
] as const;
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 in hex' });

/** The stored shape of manifest.json (version 1: frozen; a new shape gets a new version). */
const manifestSchema = z.object({
  /** Always "parley-backup": says what the directory is. */
  format: z.literal('parley-backup'),
  /** The manifest's format version. */
  version: z.literal(1),
  /** When the backup was taken (ISO 8601). */
  createdAt: z.iso.datetime(),
  /** Which database engine the backup is of; it restores only into the same one. */
  dialect: z.enum(['sqlite', 'postgres']),
  /** The audit log as it stood in the copied database. */
  audit: z.object({
    /** How many entries the log had. */
    entries: z.number().int().min(0),
    /** The hash of its last entry (the chain head). */
    head: hex64,
  }),
  /** Every file of the backup but the manifest itself. */
  files: z
    .array(
      z.object({
        /** The file's name inside the backup directory (one of a closed list: no paths). */
        name: z.enum(backupFileNames),
        /** Its size in bytes. */
        bytes: z.number().int().min(0),
        /** The SHA-256 of its contents, in hex. */
        sha256: hex64,
      }),
    )
    .min(1),
});

/** What manifest.json says about a backup. */
export type BackupManifest = z.infer<typeof manifestSchema>;

/** The external programs used for PostgreSQL (names or paths), replaceable for tests. */
export interface PostgresTools {
  /** pg_dump, for backups. */
  pgDump: string;
  /** pg_restore, for restores. */
  pgRestore: string;
}

const defaultTools: PostgresTools = { pgDump: 'pg_dump', pgRestore: 'pg_restore' };

/** The dialect a database URL names. */
export function dialectOf(databaseUrl: string): Dialect {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgres' : 'sqlite';
}

/** The SQLite file a database URL names, or null for PostgreSQL or an in-memory database. */
export function sqliteFileOf(databaseUrl: string): string | null {
  if (dialectOf(databaseUrl) !== 'sqlite') return null;
  const file = databaseUrl.replace(/^sqlite:/, '');
  return file === ':memory:' ? null : resolve(file);
}

/**
 * Opens the configured database for a backup without migrating it or creating anything: a backup
 * copies what is there, and a missing SQLite file is a mistake to report, not a database to create.
 */
export function openForBackup(config: Readonly<Config>): Database {
  if (dialectOf(config.databaseUrl) === 'sqlite') {
    const file = sqliteFileOf(config.databaseUrl);
    if (!file) throw new BackupError('An in-memory database cannot be backed up.');
    if (!existsSync(file))
      throw new BackupError(
        `There is no database at ${file} to back up (check PARLEY_DATA_DIR and PARLEY_DATABASE_URL).`,
      );
  }
  return openDatabase(config.databaseUrl);
}

/** Where a backup went and what its manifest says. */
export interface BackupResult {
  /** The backup directory (absolute). */
  dir: string;
  /** The manifest written into it. */
  manifest: BackupManifest;
  /**
   * Ids of the master keys that wrap the copy's data keys (one, or none for an empty database):
   * the backup does not hold that key, and a restore cannot be read without it.
   */
  masterKeyIds: string[];
}

/**
 * The ids of the master keys that wrap a database's data keys (the processes' and the account
 * scope's); none for a database written before encryption at rest (no data_keys table yet: its
 * first start encrypts it).
 */
async function masterKeyIdsOf(database: Pick<Database, 'db' | 'dialect'>): Promise<string[]> {
  const exists = async (table: 'data_keys' | 'account_keys') => {
    const { rows } =
      database.dialect === 'postgres'
        ? await sql<{ t: string | null }>`select to_regclass(${table})::text as t`.execute(
            database.db,
          )
        : await sql<{ t: string | null }>`select name as t from sqlite_master
          where type = 'table' and name = ${table}`.execute(database.db);
    return Boolean(rows[0]?.t);
  };
  const ids = new Set<string>();
  for (const table of ['data_keys', 'account_keys'] as const)
    if (await exists(table))
      for (const r of await database.db
        .selectFrom(table)
        .select('master_key_id')
        .distinct()
        .execute())
        ids.add(r.master_key_id);
  return [...ids].sort();
}

/**
 * Backs up the database and the data directory's keys into `outDir` (created owner-only; it must
 * be new or empty), then writes the manifest last, so a backup without one is visibly incomplete.
 */
export async function createBackup(
  source: { config: Readonly<Config>; database: Database },
  outDir: string,
  options: { clock?: Clock; tools?: Partial<PostgresTools> } = {},
): Promise<BackupResult> {
  const { config, database } = source;
  const tools: PostgresTools = { ...defaultTools, ...options.tools };
  const dir = resolve(outDir);
  const missingKeys = backedUpKeyFiles.filter((k) => !existsSync(join(config.dataDir, k)));
  if (missingKeys.length > 0)
    throw new BackupError(
      `The data directory ${config.dataDir} has no ${missingKeys.join(' or ')}: run the backup with the server's PARLEY_DATA_DIR (a restore without its keys could neither verify signed tree heads nor trace issued copies).`,
    );
  if (database.dialect === 'postgres') requireTool(tools.pgDump);
  const created = prepareEmptyDirectory(dir);
  try {
    return { dir, ...(await writeBackup(source, dir, tools, options.clock)) };
  } catch (error) {
    // No half backup left behind: remove what this run wrote (the directory was empty).
    for (const name of [...backupFileNames, manifestFileName])
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        rmSync(join(dir, `${name}${suffix}`), { force: true });
    if (created && readdirSync(dir).length === 0) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Writes the database copy, the keys and, last, the manifest into an empty directory. */
async function writeBackup(
  source: { config: Readonly<Config>; database: Database },
  dir: string,
  tools: PostgresTools,
  clock: Clock | undefined,
): Promise<{ manifest: BackupManifest; masterKeyIds: string[] }> {
  const { config, database } = source;
  let audit: BackupManifest['audit'];
  let masterKeyIds: string[];
  let databaseFile: string;
  if (database.dialect === 'sqlite') {
    if (!database.sqlite) throw new BackupError('The SQLite handle is not available.');
    databaseFile = sqliteBackupFileName;
    const target = join(dir, databaseFile);
    // The online backup API copies a consistent snapshot while the server keeps writing. After
    // the first step it copies the rest in one step: a step-wise copy restarts whenever another
    // process (the running server) writes, and could restart forever under load.
    await database.sqlite.backup(target, { progress: ({ totalPages }) => totalPages });
    ({ audit, masterKeyIds } = await checkSqliteCopy(target));
    chmodSync(target, 0o600);
    fsyncPath(target);
  } else {
    databaseFile = postgresBackupFileName;
    ({ audit, masterKeyIds } = await dumpPostgres(
      database,
      config.databaseUrl,
      join(dir, databaseFile),
      tools.pgDump,
    ));
  }

  for (const key of backedUpKeyFiles) {
    writeFileSync(join(dir, key), readFileSync(join(config.dataDir, key)), {
      mode: 0o600,
      flag: 'wx',
    });
    chmodSync(join(dir, key), 0o600);
    fsyncPath(join(dir, key));
  }

  const manifest: BackupManifest = {
    format: 'parley-backup',
    version: 1,
    createdAt: (clock?.now() ?? new Date()).toISOString(),
    dialect: database.dialect,
    audit,
    files: await Promise.all(
      [databaseFile, ...backedUpKeyFiles].map(async (name) => ({
        name: name as BackupManifest['files'][number]['name'],
        bytes: statSync(join(dir, name)).size,
        sha256: await sha256File(join(dir, name)),
      })),
    ),
  };
  const manifestPath = join(dir, manifestFileName);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  fsyncPath(manifestPath);
  fsyncDirectory(dir);
  return { manifest, masterKeyIds };
}

/** What a restore did. */
export interface RestoreResult {
  /** The manifest of the restored backup. */
  manifest: BackupManifest;
  /** Where the database went: the SQLite file, or the PostgreSQL URL without its password. */
  target: string;
  /** Whether something was there before and was replaced (only with force). */
  replaced: boolean;
  /** The restored audit log, verified: it equals the manifest's. */
  audit: { entries: number; head: string };
  /**
   * The master key the restored data needs and the one configured: Parley starts only when the
   * configured one is the one needed (or nothing is encrypted yet).
   */
  masterKey: { needed: string[]; configured: string | null; opens: boolean };
}

/**
 * Restores a backup into the configured database and data directory: checks the manifest and
 * every file's hash first, refuses a non-empty target unless `force`, puts the files in place
 * (SQLite: beside the target, fsynced, then renamed over it), and re-verifies the audit log,
 * throwing if its length or head differs from the manifest. Stop the server before restoring.
 */
export async function restoreBackup(
  config: Readonly<Config>,
  fromDir: string,
  options: { force?: boolean; tools?: Partial<PostgresTools> } = {},
): Promise<RestoreResult> {
  const tools = { ...defaultTools, ...options.tools };
  const dir = resolve(fromDir);
  const manifest = readManifest(dir);
  await checkFiles(dir, manifest);

  const dialect = dialectOf(config.databaseUrl);
  if (manifest.dialect !== dialect)
    throw new BackupError(
      `This backup is of a ${manifest.dialect} database but the configured database (PARLEY_DATABASE_URL) is ${dialect}; nothing was restored.`,
    );
  if (dialect === 'postgres') requireTool(tools.pgRestore);

  const occupied = await occupiedTarget(config);
  if (occupied.length > 0 && !options.force)
    throw new BackupError(
      `The target is not empty (${occupied.join(', ')}); restore refuses to overwrite it. Stop Parley and pass --force to replace it with the backup.`,
    );

  let target: string;
  if (dialect === 'sqlite') {
    const file = sqliteFileOf(config.databaseUrl);
    if (!file) throw new BackupError('Cannot restore into an in-memory database.');
    target = file;
    placeSqliteFile(join(dir, sqliteBackupFileName), file);
  } else {
    target = withoutPassword(config.databaseUrl).url;
    await runTool(
      tools.pgRestore,
      [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--single-transaction',
        '--exit-on-error',
        `--dbname=${target}`,
        join(dir, postgresBackupFileName),
      ],
      withoutPassword(config.databaseUrl).env,
    );
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  for (const key of backedUpKeyFiles) placePrivateFile(join(dir, key), join(config.dataDir, key));
  fsyncDirectory(config.dataDir);

  const database = openDatabase(config.databaseUrl);
  let verdict: Awaited<ReturnType<typeof verifyAuditLog>>;
  let needed: string[];
  try {
    if (database.sqlite) assertIntegrity(database.sqlite.pragma('integrity_check'), target);
    verdict = await verifyAuditLog(database);
    needed = await masterKeyIdsOf(database);
  } finally {
    await database.close();
  }
  if (!verdict.ok)
    throw new BackupError(
      `The restored audit log is BROKEN at entry #${verdict.badSeq}: ${verdict.reason}. Do not use this restore.`,
    );
  if (verdict.entries !== manifest.audit.entries || verdict.head !== manifest.audit.head)
    throw new BackupError(
      `The restored audit log (${verdict.entries} entries, head ${verdict.head}) differs from the backup's manifest (${manifest.audit.entries} entries, head ${manifest.audit.head}). Do not use this restore.`,
    );
  let configured: string | null;
  try {
    configured = loadMasterKey(config)?.id ?? null;
  } catch {
    configured = null; // An unreadable key file opens nothing; the server names the problem at start.
  }
  return {
    manifest,
    target,
    replaced: occupied.length > 0,
    audit: { entries: verdict.entries, head: verdict.head },
    masterKey: {
      needed,
      configured,
      opens: needed.every((id) => id === configured),
    },
  };
}

/** Reads and checks a backup's manifest.json; throws a BackupError saying what is wrong. */
export function readManifest(dir: string): BackupManifest {
  const file = join(dir, manifestFileName);
  if (!existsSync(file))
    throw new BackupError(
      `${dir} has no ${manifestFileName}: it is not a Parley backup, or the backup did not finish.`,
    );
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new BackupError(
      `${file} is not valid JSON: the backup is damaged; nothing was restored.`,
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success)
    throw new BackupError(
      `${file} is not a Parley backup manifest of a known version (${parsed.error.issues
        .map((i) => `${i.path.join('.') || 'manifest'}: ${i.message}`)
        .join('; ')}); nothing was restored.`,
    );
  return parsed.data;
}

/** Checks that the backup holds the files its dialect needs and that each matches its SHA-256. */
async function checkFiles(dir: string, manifest: BackupManifest): Promise<void> {
  const names: string[] = manifest.files.map((f) => f.name);
  const needed = [
    manifest.dialect === 'sqlite' ? sqliteBackupFileName : postgresBackupFileName,
    ...backedUpKeyFiles,
  ];
  const missing = needed.filter((n) => !names.includes(n));
  if (missing.length > 0 || new Set(names).size !== names.length)
    throw new BackupError(
      `The manifest of ${dir} does not list each of ${needed.join(', ')} exactly once; nothing was restored.`,
    );
  for (const f of manifest.files) {
    const path = join(dir, f.name);
    if (!existsSync(path))
      throw new BackupError(`The backup is missing ${f.name}; nothing was restored.`);
    if (statSync(path).size !== f.bytes || (await sha256File(path)) !== f.sha256)
      throw new BackupError(
        `${f.name} does not match its SHA-256 in the manifest: the backup is damaged or was altered; nothing was restored.`,
      );
  }
}

/** What is already at the restore target, by name (empty: safe to restore). */
async function occupiedTarget(config: Readonly<Config>): Promise<string[]> {
  const found = backedUpKeyFiles
    .map((k) => join(config.dataDir, k))
    .filter((path) => existsSync(path));
  const file = sqliteFileOf(config.databaseUrl);
  if (file) {
    for (const path of [file, `${file}-wal`])
      if (existsSync(path) && statSync(path).size > 0) found.unshift(path);
    return found;
  }
  if (dialectOf(config.databaseUrl) === 'postgres') {
    const database = openDatabase(config.databaseUrl);
    try {
      const { rows } = await sql<{ n: number | string }>`
        select count(*) as n from information_schema.tables
        where table_schema = current_schema()`.execute(database.db);
      const tables = Number(rows[0]?.n ?? 0);
      if (tables > 0)
        found.unshift(`${tables} tables in ${withoutPassword(config.databaseUrl).url}`);
    } finally {
      await database.close();
    }
  }
  return found;
}

/** Integrity-checks and verifies a fresh SQLite copy, then makes it a single self-contained file. */
async function checkSqliteCopy(
  file: string,
): Promise<{ audit: BackupManifest['audit']; masterKeyIds: string[] }> {
  const copy = openDatabase(`sqlite:${file}`);
  try {
    if (!copy.sqlite) throw new BackupError('The SQLite handle is not available.');
    assertIntegrity(copy.sqlite.pragma('integrity_check'), file);
    const verdict = await verifyAuditLog(copy);
    if (!verdict.ok)
      throw new BackupError(
        `The audit log is BROKEN at entry #${verdict.badSeq} (${verdict.reason}); no backup was made. Stop Parley and copy its data directory aside for investigation.`,
      );
    const masterKeyIds = await masterKeyIdsOf(copy);
    // Rollback-journal mode: the backup is one file, with no -wal or -shm beside it.
    copy.sqlite.pragma('journal_mode = DELETE');
    return { audit: { entries: verdict.entries, head: verdict.head }, masterKeyIds };
  } finally {
    await copy.close();
  }
}

/** Throws unless PRAGMA integrity_check answered "ok". */
function assertIntegrity(result: unknown, file: string): void {
  const rows = Array.isArray(result) ? (result as Array<{ integrity_check?: unknown }>) : [];
  const messages = rows.map((r) => String(r.integrity_check));
  if (messages.length !== 1 || messages[0] !== 'ok')
    throw new BackupError(
      `${file} fails SQLite's integrity check: ${messages.slice(0, 5).join('; ')}.`,
    );
}

/**
 * pg_dump inside one repeatable-read snapshot that the audit verification reads too, so the
 * manifest's figures describe exactly the dumped data even while Parley keeps writing.
 */
async function dumpPostgres(
  database: Database,
  databaseUrl: string,
  file: string,
  pgDump: string,
): Promise<{ audit: BackupManifest['audit']; masterKeyIds: string[] }> {
  return database.db.connection().execute(async (conn) => {
    await sql`begin transaction isolation level repeatable read, read only`.execute(conn);
    try {
      const { rows } = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(conn);
      const snapshot = rows[0]?.id;
      if (!snapshot) throw new BackupError('PostgreSQL did not export a snapshot.');
      // Already inside the dump's snapshot: verify through it, without a transaction of its own.
      const verdict = await verifyChainIn(conn);
      if (!verdict.ok)
        throw new BackupError(
          `The audit log is BROKEN at entry #${verdict.badSeq} (${verdict.reason}); no backup was made.`,
        );
      const masterKeyIds = await masterKeyIdsOf({ db: conn, dialect: 'postgres' });
      const { url, env } = withoutPassword(databaseUrl);
      await runTool(
        pgDump,
        ['--format=custom', `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${url}`],
        env,
      );
      chmodSync(file, 0o600);
      fsyncPath(file);
      return { audit: { entries: verdict.entries, head: verdict.head }, masterKeyIds };
    } finally {
      await sql`rollback`.execute(conn);
    }
  });
}

/** The URL without its password (kept out of the process list) and the environment carrying it. */
function withoutPassword(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return {
    url: url.toString(),
    env: password ? { ...process.env, PGPASSWORD: password } : process.env,
  };
}

/** Throws a clear BackupError unless the program runs. */
function requireTool(tool: string): void {
  const probe = spawnSync(tool, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.error || probe.status !== 0)
    throw new BackupError(
      `${tool} is needed for PostgreSQL backups and restores but could not be run (${probe.error?.message ?? `exit ${probe.status}`}): install the PostgreSQL client tools of your server's major version (Debian: apt-get install postgresql-client), or put them on PATH.`,
    );
}

/** Runs a program to its end; rejects with its standard error when it fails. */
function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 8000) stderr += chunk;
    });
    child.on('error', (error) =>
      reject(new BackupError(`${tool} could not run: ${error.message}`)),
    );
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else reject(new BackupError(`${tool} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}

/** Creates the backup directory owner-only, refusing one that holds anything; true if created. */
function prepareEmptyDirectory(dir: string): boolean {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return true;
  }
  if (!statSync(dir).isDirectory()) throw new BackupError(`${dir} exists and is not a directory.`);
  if (readdirSync(dir).length > 0)
    throw new BackupError(
      `${dir} is not empty: give each backup a new directory, so that none overwrites another.`,
    );
  chmodSync(dir, 0o700);
  return false;
}

/** Copies a SQLite file into place: beside the target, fsynced, stale WAL removed, renamed over. */
function placeSqliteFile(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const staging = `${target}.restoring-${randomBytes(4).toString('hex')}`;
  copyFileSync(source, staging);
  chmodSync(staging, 0o600);
  fsyncPath(staging);
  // A WAL left from the old database would be replayed onto the restored one and corrupt it.
  for (const sidecar of [`${target}-wal`, `${target}-shm`, `${target}-journal`])
    rmSync(sidecar, { force: true });
  renameSync(staging, target);
  fsyncDirectory(dirname(target));
}

/** Copies a secret into place with owner-only permissions, fsynced, renamed over the old one. */
function placePrivateFile(source: string, target: string): void {
  const staging = `${target}.restoring-${randomBytes(4).toString('hex')}`;
  writeFileSync(staging, readFileSync(source), { mode: 0o600, flag: 'wx' });
  chmodSync(staging, 0o600);
  fsyncPath(staging);
  renameSync(staging, target);
}

/** The SHA-256 of a file's contents, in hex, read as a stream (a database can be large). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Flushes a file's contents to stable storage. */
function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a directory's entries (new names, renames) to stable storage, where the OS allows. */
function fsyncDirectory(dir: string): void {
  try {
    fsyncPath(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM') throw error;
  }
}
