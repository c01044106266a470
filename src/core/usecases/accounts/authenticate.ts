import type { Actor } from '../../access/policy.js';
import type { Stores, Deps } from '../../ports.js';
import type { Session, User } from '../../accounts/model.js';
import type { CachedSession } from '../../accounts/session-cache.js';
import { tokenSignIn } from '../../accounts/sign-in.js';
import { asId, type TokenId, type UserId } from '../../shared/ids.js';

/** What identifies a caller: a session cookie or a personal API token. */
export type Credential = { type: 'session'; token: string } | { type: 'token'; token: string };

/** The authenticated caller, with the session when they came with a cookie. */
export interface Authenticated {
  actor: Actor;
  user: User;
  session: Session | null;
  /** The API token when they came with one. */
  tokenId: TokenId | null;
}

/**
 * Resolves a credential to an actor with fresh memberships, or undefined when it is unknown,
 * expired or revoked. API tokens look like `pat_<id>_<secret>`; only hashes are stored. A session
 * is looked up without a transaction (this runs on every request); a token's use is recorded.
 *
 * A session resolved before is reused from `sessionCache` while the user's sign-in version, read
 * on every request, has not changed: one indexed lookup instead of three. Any write to the user,
 * their sessions, memberships or grants changes the version, so a revoked session or a changed
 * membership is never served from the cache, by this instance or another on the same database.
 */
export async function authenticate(
  deps: Deps<'db' | 'clock' | 'hashing' | 'sessionCache'>,
  credential: Credential,
): Promise<Authenticated | undefined> {
  const now = deps.clock.now().toISOString();
  if (credential.type === 'session') {
    const tokenHash = deps.hashing.sha256(credential.token);
    return deps.db.read(async (s) => {
      const cached = deps.sessionCache.get(tokenHash);
      if (cached) {
        if ((await s.accounts.signInVersion(cached.user.id)) === cached.version)
          return sessionCaller(cached, now);
        deps.sessionCache.delete(tokenHash);
      }
      const first = await s.accounts.findSessionByTokenHash(tokenHash);
      if (!first || first.revokedAt || first.expiresAt <= now) return undefined;
      // The version is read before what it vouches for: a change that commits after this read
      // changes the version again, so an entry is never newer in version than in content.
      const version = await s.accounts.signInVersion(first.userId);
      const session = await s.accounts.findSessionByTokenHash(tokenHash);
      const user = session && (await s.accounts.findUserById(session.userId));
      if (!session || !user) return undefined;
      const entry = {
        session,
        user,
        memberships: await s.processes.membershipsOf(user.id),
        version,
      };
      deps.sessionCache.set(tokenHash, entry);
      return sessionCaller(entry, now);
    });
  }
  return deps.db.transaction(async (s) => {
    const match = /^pat_([0-9a-f-]{36})_([A-Za-z0-9_-]{20,})$/.exec(credential.token);
    if (!match?.[1] || !match[2]) return undefined;
    const token = await s.accounts.findToken(asId(match[1]));
    if (!token || token.revokedAt || token.tokenHash !== deps.hashing.sha256(match[2]))
      return undefined;
    await s.accounts.touchToken(token.id, now);
    return withMemberships(s, token.userId, { session: null, tokenId: token.id }, (user) =>
      tokenSignIn(user, token),
    );
  });
}

/** The caller of a session read at some version, if the session is still open now. */
function sessionCaller(
  { session, user, memberships }: CachedSession,
  now: string,
): Authenticated | undefined {
  if (session.revokedAt || session.expiresAt <= now) return undefined;
  return {
    actor: {
      userId: user.id,
      isAdmin: user.isAdmin,
      mfa: session.mfa,
      passkey: session.passkey,
      memberships,
    },
    user,
    session,
    tokenId: null,
  };
}

/** The user behind a credential, as an actor with their memberships. */
async function withMemberships(
  s: Stores,
  userId: UserId,
  credential: Pick<Authenticated, 'session' | 'tokenId'>,
  signIn: (user: User) => Pick<Actor, 'mfa' | 'passkey'>,
): Promise<Authenticated | undefined> {
  const user = await s.accounts.findUserById(userId);
  if (!user) return undefined;
  const memberships = await s.processes.membershipsOf(user.id);
  return {
    actor: { userId: user.id, isAdmin: user.isAdmin, ...signIn(user), memberships },
    user,
    ...credential,
  };
}
