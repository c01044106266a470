import type { Actor } from '../access/policy.js';
import type { Clock, Hashing, Session, UnitOfWork, User } from '../ports.js';
import { asId } from '../shared/ids.js';

/** What identifies a caller: a session cookie or a personal API token. */
export type Credential = { type: 'session'; token: string } | { type: 'token'; token: string };

/** The authenticated caller, with the session when they came with a cookie. */
export interface Authenticated {
  actor: Actor;
  user: User;
  session: Session | null;
}

/**
 * Resolves a credential to an actor with fresh memberships, or undefined when it is unknown,
 * expired or revoked. API tokens look like `pat_<id>_<secret>`; only hashes are stored.
 */
export async function authenticate(
  deps: { db: UnitOfWork; clock: Clock; hashing: Hashing },
  credential: Credential,
): Promise<Authenticated | undefined> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction(async (s) => {
    let session: Session | null = null;
    let userId;
    let mfa = false;
    let passkey = false;
    if (credential.type === 'session') {
      const found = await s.accounts.findSessionByTokenHash(deps.hashing.sha256(credential.token));
      if (!found || found.revokedAt || found.expiresAt <= now) return undefined;
      session = found;
      userId = found.userId;
      mfa = found.mfa;
      passkey = found.passkey;
    } else {
      const match = /^pat_([0-9a-f-]{36})_([A-Za-z0-9_-]{20,})$/.exec(credential.token);
      if (!match?.[1] || !match[2]) return undefined;
      const token = await s.accounts.findToken(asId(match[1]));
      if (!token || token.revokedAt || token.tokenHash !== deps.hashing.sha256(match[2]))
        return undefined;
      await s.accounts.touchToken(token.id, now);
      userId = token.userId;
      passkey = token.viaPasskey;
      // A token is issued from a session; it carries the second factor only if the user has one,
      // and counts as a passkey only if that session was opened with one.
    }
    const user = await s.accounts.findUserById(userId);
    if (!user) return undefined;
    if (credential.type === 'token') mfa = user.totpEnabled || passkey;
    const memberships = await s.processes.membershipsOf(user.id);
    return {
      actor: { userId: user.id, isAdmin: user.isAdmin, mfa, passkey, memberships },
      user,
      session,
    };
  });
}
