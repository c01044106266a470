/**
 * The master key: 32 random bytes that wrap (encrypt) every process's data keys. It comes from
 * PARLEY_MASTER_KEY (base64, read by config.ts) or from the file `master-key` in the data
 * directory, generated at first start readable by its owner only (like the audit signing key).
 * It is never stored in the database nor copied into backups: a copy of the database, or of a
 * backup, without it reveals no confidential text. Its id (first 16 hex digits of its SHA-256) is
 * stored beside each wrapped data key, so a wrong key is named at start instead of failing later.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { keyBytes } from './at-rest.js';

/** The file name of the master key inside the data directory. */
export const masterKeyFileName = 'master-key';
/** Where a rotation writes the next master key before the database is re-wrapped under it. */
export const nextMasterKeyFileName = 'master-key.next';

/** The master key in use. */
export interface MasterKey {
  /** First 16 hex digits of the key's SHA-256: names it without revealing it. */
  id: string;
  /** The 32 bytes. */
  key: Buffer;
  /** Where it came from: PARLEY_MASTER_KEY, the key file in the data directory, or nowhere (benchmarks). */
  source: 'env' | 'file' | 'memory';
}

/** The id of a master key. */
export const masterKeyId = (key: Buffer): string =>
  createHash('sha256').update(key).digest('hex').slice(0, 16);

/** Decodes a base64 (or base64url) master key; null unless it is exactly 32 bytes. */
export function decodeMasterKey(text: string): Buffer | null {
  const t = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) return null;
  const key = Buffer.from(t, 'base64');
  return key.length === keyBytes ? key : null;
}

/** A new random master key in the form PARLEY_MASTER_KEY and the key file take. */
export const newMasterKey = (): Buffer => randomBytes(keyBytes);

/** A master key that lives only in memory, for benchmarks over throwaway databases. */
export const ephemeralMasterKey = (): MasterKey => fromBytes(newMasterKey(), 'memory');

/** A key in the encoding the file and PARLEY_MASTER_KEY use. */
export const encodeMasterKey = (key: Buffer): string => key.toString('base64');

const fromBytes = (key: Buffer, source: MasterKey['source']): MasterKey => ({
  id: masterKeyId(key),
  key,
  source,
});

/** Reads a key file (tightening it to 0600); throws if it is not a master key. */
function readKeyFile(file: string): Buffer {
  chmodSync(file, 0o600);
  const key = decodeMasterKey(readFileSync(file, 'utf8'));
  if (!key) throw new Error(`${file} does not hold a master key (32 bytes in base64).`);
  return key;
}

/** The configured master key: PARLEY_MASTER_KEY if set, else the data directory's file, else null. */
export function loadMasterKey(config: Pick<Config, 'dataDir' | 'masterKey'>): MasterKey | null {
  if (config.masterKey !== null) {
    const key = decodeMasterKey(config.masterKey);
    if (!key) throw new Error('PARLEY_MASTER_KEY is not 32 bytes in base64.');
    return fromBytes(key, 'env');
  }
  const file = join(config.dataDir, masterKeyFileName);
  return existsSync(file) ? fromBytes(readKeyFile(file), 'file') : null;
}

/** Creates the data directory's master key file (mode 0600); another process's wins a race. */
export function createMasterKeyFile(dataDir: string): MasterKey {
  const file = join(dataDir, masterKeyFileName);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    writeSecret(file, newMasterKey());
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fromBytes(readKeyFile(file), 'file');
}

/** The next master key a rotation left in the data directory, if any (an interrupted rotation). */
export function loadNextMasterKey(dataDir: string): MasterKey | null {
  const file = join(dataDir, nextMasterKeyFileName);
  return existsSync(file) ? fromBytes(readKeyFile(file), 'file') : null;
}

/**
 * Writes the next master key beside the current one (`master-key.next`, 0600, fsynced) before a
 * rotation re-wraps the database under it, so that no moment exists where the database needs a
 * key that is only in memory.
 */
export function stageNextMasterKey(dataDir: string, key: Buffer): string {
  const file = join(dataDir, nextMasterKeyFileName);
  writeSecret(file, key);
  fsyncDirectory(dataDir);
  return file;
}

/**
 * After the database was re-wrapped: keeps the old key file as `master-key.<stamp>.old` (backups
 * taken before the rotation need it) and puts the next one in its place. Returns the old file's
 * name, or null when there was no key file (the key came from PARLEY_MASTER_KEY).
 */
export function promoteNextMasterKey(dataDir: string, stamp: string): string | null {
  const current = join(dataDir, masterKeyFileName);
  const old = existsSync(current) ? `${masterKeyFileName}.${stamp}.old` : null;
  if (old) renameSync(current, join(dataDir, old));
  renameSync(join(dataDir, nextMasterKeyFileName), current);
  fsyncDirectory(dataDir);
  return old;
}

/** Writes a key file that must not exist yet, owner-only, and flushes it to disk. */
function writeSecret(file: string, key: Buffer): void {
  writeFileSync(file, `${encodeMasterKey(key)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a directory's entries (new names, renames) where the OS allows it. */
function fsyncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM') throw error;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
