/** The crypto ports, from Node's crypto, @node-rs/argon2 and otpauth. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { Secret, TOTP } from 'otpauth';
import type { Hashing, Ids, Totp } from '../../core/ports.js';

/** UUIDs and 256-bit URL-safe secrets. */
export const nodeIds: Ids = {
  newId: () => randomUUID(),
  newSecret: () => randomBytes(32).toString('base64url'),
};

/** SHA-256 in hex, of a text's UTF-8 bytes, of bytes as they are, or of texts one after the other. */
export const sha256 = (data: string | Uint8Array | Iterable<string>): string => {
  const hash = createHash('sha256');
  if (typeof data === 'string') hash.update(data, 'utf8');
  else if (data instanceof Uint8Array) hash.update(data);
  else for (const part of data) hash.update(part, 'utf8');
  return hash.digest('hex');
};

/** argon2id with OWASP's recommended parameters (19 MiB, 2 passes). */
export const nodeHashing: Hashing = {
  hashPassword: (password) =>
    hash(password, {
      algorithm: 2 /* Algorithm.Argon2id: a const enum, unusable under isolatedModules */,
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
    }),
  verifyPassword: async (stored, password) => {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  },
  sha256,
};

/** RFC 6238 TOTP: 6 digits, 30-second steps, one step of clock drift either way. */
export const otpTotp: Totp = {
  newSecret: () => new Secret({ size: 20 }).base32,
  uri: (secret, account) =>
    new TOTP({
      issuer: 'Parley',
      label: account,
      secret: Secret.fromBase32(secret),
      digits: 6,
      period: 30,
    }).toString(),
  matchStep: (secret, code, at) => {
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
    const delta = totp.validate({ token: code, timestamp: at.getTime(), window: 1 });
    return delta === null ? null : Math.floor(at.getTime() / 30_000) + delta;
  },
};

/** The current 6-digit code for a secret (for tests and the demo). */
export function totpCodeAt(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: at.getTime(),
  });
}
