import type { Actor } from '../../access/policy.js';
import type { Stores, Deps } from '../../ports.js';
import type { Session, User } from '../../accounts/model.js';
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
 */
export async function authenticate(
  deps: Deps<'db' | 'clock' | 'hashing'>,
  credential: Credential,
): Promise<Authenticated | undefined> {
  const now = deps.clock.now().toISOString();
  if (credential.type === 'session')
    return deps.db.read(async (s) => {
      const found = await s.accounts.findSessionByTokenHash(deps.hashing.sha256(credential.token));
      if (!found || found.revokedAt || found.expiresAt <= now) return undefined;
      return withMemberships(s, found.userId, { session: found, tokenId: null }, () => ({
        mfa: found.mfa,
        passkey: found.passkey,
      }));
    });
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
