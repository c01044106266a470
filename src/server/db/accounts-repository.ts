import type { Kysely } from 'kysely';
import type { Dialect } from './connect.js';
import { fixedQuery } from './fixed-query.js';
import type { AccountStore } from '../../core/ports.js';
import type { ApiToken, Session, User } from '../../core/accounts/model.js';
import { asId, type SessionId, type TokenId, type UserId } from '../../core/shared/ids.js';
import type { DB, SessionsTable, UsersTable, ApiTokensTable } from './schema.js';
import { totpSecretPlace, type AccountBox, type Sealer } from './data-keys.js';

const toUser = (r: UsersTable, box: AccountBox | null): User => ({
  id: asId(r.id),
  email: r.email,
  displayName: r.display_name,
  passwordHash: r.password_hash,
  isAdmin: r.is_admin === 1,
  // Sealed under the account-scope data key: the box is loaded only when there is one to open.
  totpSecret:
    r.totp_secret === null || box === null ? null : box.open(totpSecretPlace(r.id), r.totp_secret),
  totpEnabled: r.totp_enabled === 1,
  totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
  createdAt: r.created_at,
});

const toSession = (r: SessionsTable): Session => ({
  id: asId(r.id),
  userId: asId(r.user_id),
  tokenHash: r.token_hash,
  csrfToken: r.csrf_token,
  mfa: r.mfa === 1,
  passkey: r.passkey === 1,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

const toToken = (r: ApiTokensTable): ApiToken => ({
  id: asId(r.id),
  userId: asId(r.user_id),
  name: r.name,
  tokenHash: r.token_hash,
  viaPasskey: r.via_passkey === 1,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/** The caller's sign-in version, read on every request. */
const signInVersionOf = fixedQuery((db, userId: string) =>
  db.selectFrom('sign_in_versions').select('version').where('user_id', '=', userId),
);

/**
 * Accounts, sessions, tokens, sign-in throttling and known devices in SQL. TOTP secrets are sealed
 * on write and opened on read with the account-scope data key.
 */
export function accountsRepository(db: Kysely<DB>, sealer: Sealer, dialect: Dialect): AccountStore {
  const user = async (r: UsersTable | undefined) =>
    r && toUser(r, r.totp_secret === null ? null : await sealer.accountReader());
  const sealTotp = async (id: string, secret: string | null) =>
    secret === null ? null : (await sealer.accountWriter()).seal(totpSecretPlace(id), secret);
  return {
    async findUserByEmail(email) {
      const r = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst();
      return user(r);
    },
    async findUserById(id: UserId) {
      const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return user(r);
    },
    async insertUser(u) {
      await db
        .insertInto('users')
        .values({
          id: u.id,
          email: u.email,
          display_name: u.displayName,
          password_hash: u.passwordHash,
          is_admin: u.isAdmin ? 1 : 0,
          totp_secret: await sealTotp(u.id, u.totpSecret),
          totp_enabled: u.totpEnabled ? 1 : 0,
          totp_last_step: u.totpLastStep,
          created_at: u.createdAt,
        })
        .execute();
    },
    async updatePassword(id, passwordHash) {
      await db
        .updateTable('users')
        .set({ password_hash: passwordHash })
        .where('id', '=', id)
        .execute();
    },
    async updateTotp(id, f) {
      await db
        .updateTable('users')
        .set({
          totp_secret: await sealTotp(id, f.totpSecret),
          totp_enabled: f.totpEnabled ? 1 : 0,
          totp_last_step: f.totpLastStep,
        })
        .where('id', '=', id)
        .execute();
    },
    async claimTotpStep(id, step) {
      const r = await db
        .updateTable('users')
        .set({ totp_last_step: step })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async countUsers() {
      const r = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async insertSession(s) {
      await db
        .insertInto('sessions')
        .values({
          id: s.id,
          user_id: s.userId,
          token_hash: s.tokenHash,
          csrf_token: s.csrfToken,
          mfa: s.mfa ? 1 : 0,
          passkey: s.passkey ? 1 : 0,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
          revoked_at: s.revokedAt,
        })
        .execute();
    },
    async findSessionByTokenHash(hash) {
      const r = await db
        .selectFrom('sessions')
        .selectAll()
        .where('token_hash', '=', hash)
        .executeTakeFirst();
      return r && toSession(r);
    },
    async signInVersion(userId) {
      // Kept by the triggers of migration 2026-12-07T02-00-read-path; no row yet is version 0.
      const [r] = await signInVersionOf(db, dialect, userId);
      return String(r?.version ?? 0);
    },
    async findSession(id) {
      const r = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toSession(r);
    },
    async revokeSession(id: SessionId, at) {
      await db.updateTable('sessions').set({ revoked_at: at }).where('id', '=', id).execute();
    },
    async revokeOpenSessions(userId, at) {
      const r = await db
        .updateTable('sessions')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async insertToken(t) {
      await db
        .insertInto('api_tokens')
        .values({
          id: t.id,
          user_id: t.userId,
          name: t.name,
          token_hash: t.tokenHash,
          via_passkey: t.viaPasskey ? 1 : 0,
          created_at: t.createdAt,
          last_used_at: t.lastUsedAt,
          revoked_at: t.revokedAt,
        })
        .execute();
    },
    async findToken(id: TokenId) {
      const r = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return r && toToken(r);
    },
    async listTokens(userId) {
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toToken);
    },
    async revokeToken(id, at) {
      await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
    },
    async revokeOpenTokens(userId, at) {
      const r = await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async touchToken(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
    async lockThrottle(keys) {
      // One statement per key, in a fixed order: the no-op update of an existing row takes its
      // lock (PostgreSQL: the row; SQLite: the database's write lock, at once rather than on a
      // later upgrade), so two reservations on the same key never read the same count.
      for (const key of [...keys].sort())
        await db
          .insertInto('sign_in_throttle')
          .values({ key, failures: 0, last_at: null, locked_until: null })
          .onConflict((oc) =>
            oc
              .column('key')
              .doUpdateSet((eb) => ({ failures: eb.ref('sign_in_throttle.failures') })),
          )
          .execute();
      const rows = await db
        .selectFrom('sign_in_throttle')
        .selectAll()
        .where('key', 'in', [...keys])
        .execute();
      return keys.map((key) => {
        const r = rows.find((row) => row.key === key);
        return {
          key,
          failures: Number(r?.failures ?? 0),
          lastAt: r?.last_at ?? null,
          lockedUntil: r?.locked_until ?? null,
        };
      });
    },
    async saveThrottle(states) {
      for (const t of states)
        await db
          .updateTable('sign_in_throttle')
          .set({ failures: t.failures, last_at: t.lastAt, locked_until: t.lockedUntil })
          .where('key', '=', t.key)
          .execute();
    },
    async clearThrottle(key) {
      await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
    },
    async insertDevice(d) {
      await db
        .insertInto('sign_in_devices')
        .values({ token_hash: d.tokenHash, user_id: d.userId, created_at: d.createdAt })
        .execute();
    },
    async findDeviceUser(tokenHash) {
      const r = await db
        .selectFrom('sign_in_devices')
        .select('user_id')
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return r && asId(r.user_id);
    },
    async deleteDevicesOf(userId) {
      const r = await db
        .deleteFrom('sign_in_devices')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
