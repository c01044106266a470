/**
 * The keyed PRF the server uses (HMAC-SHA256), for the tests: core code takes it as a port, and
 * tests may import node:crypto.
 */
import { createHmac } from 'node:crypto';
import type { FingerprintKey, Prf } from '../fingerprint.js';

/** HMAC-SHA256 of the message under the key. */
export const hmacSha256: Prf = (key, message) =>
  createHmac('sha256', key).update(message, 'utf8').digest();

/** The secret the tests mark and trace with. */
export const testKey: FingerprintKey = {
  key: 'test-secret-of-the-data-directory',
  prf: hmacSha256,
};

/** Another server's secret: its marks mean nothing under `testKey`. */
export const otherKey: FingerprintKey = { key: 'another-secret', prf: hmacSha256 };

/** `count` distinct copy ids, as the server's id generator would issue them. */
export function copyIds(count: number, prefix = 'copy'): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(4, '0')}`);
}
