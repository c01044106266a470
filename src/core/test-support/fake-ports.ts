/**
 * Fakes of the small ports for use-case tests: a clock the test moves, ids and secrets that come
 * out in a known order, honest SHA-256 (node:crypto) with a cheap password hash, and an
 * authenticator whose codes a test can compute. Ports a test does not fake answer every call with
 * "not faked: <port>.<method>", so a use case that reaches one fails loudly instead of quietly.
 */
import { createHash } from 'node:crypto';
import type { Clock, Hashing, Ids, Totp } from '../ports.js';

/** The instant every fake clock starts at, unless told otherwise. */
export const defaultStart = '2027-03-01T09:00:00.000Z';

/** A clock the test moves by hand. */
export interface MovableClock extends Clock {
  /** Moves time forward (or back, with a negative number) by some milliseconds. */
  advance(ms: number): void;
  /** Sets the time to an instant (ISO 8601). */
  set(iso: string): void;
}

/** A clock that stands still until the test moves it. */
export function movableClock(start: string = defaultStart): MovableClock {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    advance: (ms) => void (now += ms),
    set: (iso) => void (now = Date.parse(iso)),
  };
}

/**
 * Ids as UUIDs numbered in order (…-000000000001, …-000000000002), and URL-safe secrets of more
 * than 128 bits' length, also numbered, so a failing test names the same ids on every run.
 */
export function sequentialIds(): Ids {
  let n = 0;
  return {
    newId: () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
    newSecret: () => `secret_${String(++n).padStart(24, '0')}`,
  };
}

/** Lowercase hex SHA-256, as the server computes it. */
export function sha256Hex(data: string | Uint8Array | Iterable<string>): string {
  const hash = createHash('sha256');
  if (typeof data === 'string') hash.update(data, 'utf8');
  else if (data instanceof Uint8Array) hash.update(data);
  else for (const part of data) hash.update(part, 'utf8');
  return hash.digest('hex');
}

/**
 * Hashing with real SHA-256 and a fast, honest password hash (`test:<sha256>`): it tells right
 * from wrong passwords exactly, without argon2id's deliberate slowness.
 */
export function testHashing(): Hashing {
  const hashPassword = (password: string) => `test:${sha256Hex(password)}`;
  return {
    hashPassword: async (password) => hashPassword(password),
    verifyPassword: async (hash, password) => hash === hashPassword(password),
    sha256: sha256Hex,
  };
}

/** An authenticator whose codes the test can compute with `codeAt`. */
export interface FakeTotp extends Totp {
  /** The code the authenticator shows for a secret at an instant. */
  codeAt(secret: string, at: Date): string;
}

/** The 30-second step of an instant (RFC 6238). */
const stepOf = (at: Date) => Math.floor(at.getTime() / 30_000);

/** The fake code of a secret at a step: six digits derived from both. */
const codeOf = (secret: string, step: number) =>
  String(parseInt(sha256Hex(`${secret}:${step}`).slice(0, 8), 16) % 1_000_000).padStart(6, '0');

/**
 * TOTP with the real window (the code of the current step, or of one step either side) over a
 * fake code function; secrets are numbered like ids.
 */
export function fakeTotp(): FakeTotp {
  let n = 0;
  return {
    newSecret: () => `TOTPSECRET${String(++n).padStart(6, '0')}`,
    uri: (secret, account) =>
      `otpauth://totp/Parley:${encodeURIComponent(account)}?secret=${secret}&issuer=Parley`,
    matchStep(secret, code, at) {
      const now = stepOf(at);
      for (const step of [now - 1, now, now + 1]) if (codeOf(secret, step) === code) return step;
      return null;
    },
    codeAt: (secret, at) => codeOf(secret, stepOf(at)),
  };
}

/** Property names that tools probe on any object (promises, matchers, printers): not calls. */
const probes = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'constructor',
]);

/**
 * A port or store that the fakes do not implement: every method throws "not faked: name.method",
 * so a test that reaches one says what it needs rather than passing on an empty answer.
 */
export function notFaked<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get(_target, prop) {
      if (typeof prop === 'symbol' || probes.has(prop)) return undefined;
      return () => {
        throw new Error(`not faked: ${name}.${prop}`);
      };
    },
  });
}
