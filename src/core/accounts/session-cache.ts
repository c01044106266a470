/**
 * Sessions resolved earlier, kept in the process's memory so that a request need not read the
 * session, the user and their memberships again. An entry is reused only while the user's sign-in
 * version (`AccountStore.signInVersion`), read from the database on every request, is the one it
 * was read at: every write to the user, their sessions, memberships or grants changes that version
 * in the same transaction, so a sign-out, a revocation, a password change or a membership change
 * ends the reuse at once, in this process and in every other one on the same database.
 */
import type { Membership } from '../process/model.js';
import type { Session, User } from './model.js';

/** What authenticating a session read, and the user's sign-in version it was read at. */
export interface CachedSession {
  readonly session: Readonly<Session>;
  readonly user: Readonly<User>;
  readonly memberships: readonly Membership[];
  readonly version: string;
}

/** Sessions resolved earlier, by the hash of their token. */
export interface SessionCache {
  get(tokenHash: string): CachedSession | undefined;
  set(tokenHash: string, entry: CachedSession): void;
  delete(tokenHash: string): void;
}

/**
 * A cache of at most `capacity` sessions; the one used least recently leaves first. Entries are
 * frozen: every request that reuses one shares the same objects.
 */
export function boundedSessionCache(capacity = 10_000): SessionCache {
  const entries = new Map<string, CachedSession>();
  return {
    get(tokenHash) {
      const entry = entries.get(tokenHash);
      if (entry) {
        // Re-inserted: a Map iterates in insertion order, so the oldest key is the least used.
        entries.delete(tokenHash);
        entries.set(tokenHash, entry);
      }
      return entry;
    },
    set(tokenHash, entry) {
      entries.delete(tokenHash);
      entries.set(tokenHash, deepFreeze(entry));
      while (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    delete(tokenHash) {
      entries.delete(tokenHash);
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
