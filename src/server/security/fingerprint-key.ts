/**
 * The secret that chooses each issued copy's fingerprint (see core/trace/fingerprint.ts): 256
 * random bits in the data directory, readable by its owner only, used with HMAC-SHA256. It must
 * never be rotated away: tracing an old copy needs the key it was marked with.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FingerprintKey } from '../../core/trace/fingerprint.js';

/** The file name of the key inside the data directory. */
export const fingerprintKeyFile = 'fingerprint-key';

/** Loads the key, creating it (mode 0600) on first use. */
export function loadOrCreateFingerprintKey(dataDir: string): FingerprintKey {
  const file = join(dataDir, fingerprintKeyFile);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(file, 0o600);
  return {
    key: readFileSync(file, 'utf8').trim(),
    prf: (key, message) =>
      new Uint8Array(createHmac('sha256', key).update(message, 'utf8').digest()),
  };
}
