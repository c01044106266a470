/**
 * Encryption at rest, the primitives: AES-256-GCM from Node's crypto over text columns and over the
 * per-process data keys. Everything stored is versioned text, so it fits a TEXT column on SQLite
 * and PostgreSQL alike and says what it is:
 *
 *   sealed value   v1:<key version>:<iv>:<tag>:<ciphertext>   (iv 12 bytes, tag 16, base64url)
 *   wrapped key    k1:<iv>:<tag>:<ciphertext>                 (the 32-byte data key, same cipher)
 *
 * Each carries additional authenticated data naming where it belongs (process, table, column,
 * row; or process and key version for a wrapped key), so a value copied to another row, column or
 * process, or any flipped byte, fails authentication instead of decrypting.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomFillSync } from 'node:crypto';

/** A stored secret that does not decrypt: tampered, moved, or under a key we do not hold. */
export class AtRestError extends Error {
  override name = 'AtRestError';
}

/** Where a sealed value lives: its identity is authenticated with it. */
export interface Place {
  /** The negotiation process whose data key seals it. */
  processId: string;
  /** The table. */
  table: string;
  /** The column. */
  column: string;
  /** The row's primary key values, in key order. */
  row: readonly string[];
}

const algorithm = 'aes-256-gcm';
const ivBytes = 12;
const tagBytes = 16;
/** Bytes in a master key and in a data key. */
export const keyBytes = 32;

const b64 = (b: Buffer) => b.toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url');
const isB64 = (s: string) => /^[A-Za-z0-9_-]*$/.test(s);

/** The additional authenticated data of a sealed value: unambiguous (JSON of a fixed tuple). */
const placeAad = (p: Place, keyVersion: number) =>
  Buffer.from(
    JSON.stringify(['parley-at-rest-v1', p.processId, p.table, p.column, p.row, keyVersion]),
    'utf8',
  );

/** The additional authenticated data of a wrapped data key. */
const keyAad = (processId: string, version: number) =>
  Buffer.from(JSON.stringify(['parley-data-key-v1', processId, version]), 'utf8');

/**
 * Random IVs are drawn from a pool refilled from the CSPRNG 4 KiB at a time, as Node's
 * randomUUID does: asking the CSPRNG for 12 bytes per value cost more than encrypting it (an
 * import seals hundreds of thousands of values). Each IV's bytes are copied out and used once.
 */
const ivPool = Buffer.alloc(ivBytes * 341);
let ivTaken = ivPool.length;

function nextIv(): Buffer {
  if (ivTaken + ivBytes > ivPool.length) {
    randomFillSync(ivPool);
    ivTaken = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivTaken, ivTaken + ivBytes));
  ivTaken += ivBytes;
  return iv;
}

function encrypt(key: Buffer, aad: Buffer, plain: Buffer): [Buffer, Buffer, Buffer] {
  const iv = nextIv();
  const cipher = createCipheriv(algorithm, key, iv, { authTagLength: tagBytes });
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [iv, cipher.getAuthTag(), ct];
}

function decrypt(key: Buffer, aad: Buffer, iv: Buffer, tag: Buffer, ct: Buffer): Buffer | null {
  if (iv.length !== ivBytes || tag.length !== tagBytes) return null;
  try {
    const decipher = createDecipheriv(algorithm, key, iv, { authTagLength: tagBytes });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]);
  } catch {
    return null;
  }
}

const describe = (p: Place) => `${p.table}.${p.column} of row ${p.row.join('/')}`;

/** Encrypts a text for its place under a data key of the given version. */
export function sealText(key: Buffer, keyVersion: number, place: Place, text: string): string {
  const [iv, tag, ct] = encrypt(key, placeAad(place, keyVersion), Buffer.from(text, 'utf8'));
  return `v1:${keyVersion}:${b64(iv)}:${b64(tag)}:${b64(ct)}`;
}

/** The data key version a sealed value needs, or null if the text is not a sealed value. */
export function sealedKeyVersion(stored: string): number | null {
  const m = /^v1:([1-9][0-9]{0,8}):/.exec(stored);
  return m ? Number(m[1]) : null;
}

/** Decrypts a sealed value for its place; throws AtRestError (saying where, never what) if it fails. */
export function openText(
  keyOf: (version: number) => Buffer | undefined,
  place: Place,
  stored: string,
): string {
  const parts = stored.split(':');
  const version = sealedKeyVersion(stored);
  if (version === null || parts.length !== 5 || !parts.slice(2).every(isB64))
    throw new AtRestError(`${describe(place)} is not an encrypted value (format v1 expected)`);
  const key = keyOf(version);
  if (!key)
    throw new AtRestError(
      `${describe(place)} needs data key version ${version} of process ${place.processId}, which is not in the database`,
    );
  const [, , iv = '', tag = '', ct = ''] = parts;
  const plain = decrypt(key, placeAad(place, version), unb64(iv), unb64(tag), unb64(ct));
  if (!plain)
    throw new AtRestError(
      `${describe(place)} failed authentication: it was altered, or copied from another row`,
    );
  return plain.toString('utf8');
}

/** A new random data key. */
export const newDataKey = (): Buffer => randomBytes(keyBytes);

/** Wraps (encrypts) a process's data key of a given version under the master key. */
export function wrapDataKey(
  master: Buffer,
  processId: string,
  version: number,
  dataKey: Buffer,
): string {
  const [iv, tag, ct] = encrypt(master, keyAad(processId, version), dataKey);
  return `k1:${b64(iv)}:${b64(tag)}:${b64(ct)}`;
}

/** Unwraps a data key; throws AtRestError if the master key is wrong or the row was altered or moved. */
export function unwrapDataKey(
  master: Buffer,
  processId: string,
  version: number,
  wrapped: string,
): Buffer {
  const [format, iv = '', tag = '', ct = '', ...rest] = wrapped.split(':');
  const key =
    format === 'k1' && rest.length === 0 && [iv, tag, ct].every(isB64)
      ? decrypt(master, keyAad(processId, version), unb64(iv), unb64(tag), unb64(ct))
      : null;
  if (!key || key.length !== keyBytes)
    throw new AtRestError(
      `data key version ${version} of process ${processId} does not open with the master key: wrong master key, or the key row was altered`,
    );
  return key;
}

/**
 * Where an account secret lives. Accounts belong to no process, so their secrets (TOTP) are sealed
 * under the one account-scope data key instead of a process's; the place is authenticated alike.
 */
export interface AccountPlace {
  /** The table. */
  table: string;
  /** The column. */
  column: string;
  /** The row's primary key values, in key order. */
  row: readonly string[];
}

/** The additional authenticated data of a sealed account secret (never valid for a process value). */
const accountPlaceAad = (p: AccountPlace, keyVersion: number) =>
  Buffer.from(
    JSON.stringify(['parley-account-at-rest-v1', p.table, p.column, p.row, keyVersion]),
    'utf8',
  );

/** The additional authenticated data of the wrapped account-scope data key. */
const accountKeyAad = (version: number) =>
  Buffer.from(JSON.stringify(['parley-account-key-v1', version]), 'utf8');

const describeAccount = (p: AccountPlace) => `${p.table}.${p.column} of row ${p.row.join('/')}`;

/** The account key version a sealed account secret needs, or null if it is not one (clear text). */
export function sealedAccountKeyVersion(stored: string): number | null {
  const m = /^a1:([1-9][0-9]{0,8}):/.exec(stored);
  return m ? Number(m[1]) : null;
}

/** Encrypts an account secret for its place: `a1:<key version>:<iv>:<tag>:<ciphertext>`. */
export function sealAccountText(
  key: Buffer,
  keyVersion: number,
  place: AccountPlace,
  text: string,
): string {
  const [iv, tag, ct] = encrypt(key, accountPlaceAad(place, keyVersion), Buffer.from(text, 'utf8'));
  return `a1:${keyVersion}:${b64(iv)}:${b64(tag)}:${b64(ct)}`;
}

/** Decrypts an account secret; throws AtRestError (saying where, never what) if it fails. */
export function openAccountText(
  keyOf: (version: number) => Buffer | undefined,
  place: AccountPlace,
  stored: string,
): string {
  const parts = stored.split(':');
  const version = sealedAccountKeyVersion(stored);
  if (version === null || parts.length !== 5 || !parts.slice(2).every(isB64))
    throw new AtRestError(
      `${describeAccount(place)} is not an encrypted value (format a1 expected)`,
    );
  const key = keyOf(version);
  if (!key)
    throw new AtRestError(
      `${describeAccount(place)} needs account data key version ${version}, which is not in the database`,
    );
  const [, , iv = '', tag = '', ct = ''] = parts;
  const plain = decrypt(key, accountPlaceAad(place, version), unb64(iv), unb64(tag), unb64(ct));
  if (!plain)
    throw new AtRestError(
      `${describeAccount(place)} failed authentication: it was altered, or copied from another row`,
    );
  return plain.toString('utf8');
}

/** Wraps the account-scope data key of a given version under the master key. */
export function wrapAccountKey(master: Buffer, version: number, dataKey: Buffer): string {
  const [iv, tag, ct] = encrypt(master, accountKeyAad(version), dataKey);
  return `k1:${b64(iv)}:${b64(tag)}:${b64(ct)}`;
}

/** Unwraps the account-scope data key; throws AtRestError if the master key is wrong or the row was altered. */
export function unwrapAccountKey(master: Buffer, version: number, wrapped: string): Buffer {
  const [format, iv = '', tag = '', ct = '', ...rest] = wrapped.split(':');
  const key =
    format === 'k1' && rest.length === 0 && [iv, tag, ct].every(isB64)
      ? decrypt(master, accountKeyAad(version), unb64(iv), unb64(tag), unb64(ct))
      : null;
  if (!key || key.length !== keyBytes)
    throw new AtRestError(
      `account data key version ${version} does not open with the master key: wrong master key, or the key row was altered`,
    );
  return key;
}
