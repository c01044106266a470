/**
 * Accounts as the contract shows them: a user, their API tokens and passkeys — never a hash, a secret or a key.
 * Never a row, never a field the contract does not name.
 */
import type { z } from 'zod';
import type { ApiToken, Passkey, User } from '../../../core/accounts/model.js';
import type { userResponse, tokenResponse } from '../../../contract/auth.js';
import type { passkeyResponse } from '../../../contract/passkeys.js';

/** The signed-in user's own account: never the password hash or the TOTP secret. */
export const presentUser = (u: User): z.input<typeof userResponse> => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  isAdmin: u.isAdmin,
  totpEnabled: u.totpEnabled,
});

/** An API token as its owner sees it: never its hash. */
export const presentToken = (t: ApiToken): z.input<typeof tokenResponse> => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

/** A passkey as its owner sees it: never its key or credential id. */
export const presentPasskey = (p: Passkey): z.input<typeof passkeyResponse> => ({
  id: p.id,
  name: p.name,
  transports: p.transports,
  createdAt: p.createdAt,
  lastUsedAt: p.lastUsedAt,
});
