import type { Kysely } from 'kysely';
import type { PasskeyStore } from '../../core/ports.js';
import type { ChallengePurpose, Passkey, WebAuthnChallenge } from '../../core/accounts/model.js';
import { asId } from '../../core/shared/ids.js';
import type { DB, PasskeysTable, WebauthnChallengesTable } from './schema.js';

const toPasskey = (r: PasskeysTable): Passkey => ({
  id: asId(r.id),
  userId: asId(r.user_id),
  credentialId: r.credential_id,
  publicKey: r.public_key,
  counter: Number(r.counter),
  transports: JSON.parse(r.transports) as string[],
  name: r.name,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
});

const toChallenge = (r: WebauthnChallengesTable): WebAuthnChallenge => ({
  id: asId(r.id),
  purpose: r.purpose as ChallengePurpose,
  userId: r.user_id === null ? null : asId(r.user_id),
  challenge: r.challenge,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

/** Passkeys and pending WebAuthn challenges in SQL. */
export function passkeysRepository(db: Kysely<DB>): PasskeyStore {
  return {
    async insertPasskey(p) {
      await db
        .insertInto('passkeys')
        .values({
          id: p.id,
          user_id: p.userId,
          credential_id: p.credentialId,
          public_key: p.publicKey,
          counter: p.counter,
          transports: JSON.stringify(p.transports),
          name: p.name,
          created_at: p.createdAt,
          last_used_at: p.lastUsedAt,
        })
        .execute();
    },
    async listPasskeys(userId) {
      const rows = await db
        .selectFrom('passkeys')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toPasskey);
    },
    async findPasskey(id) {
      const r = await db.selectFrom('passkeys').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toPasskey(r);
    },
    async findPasskeyByCredentialId(credentialId) {
      const r = await db
        .selectFrom('passkeys')
        .selectAll()
        .where('credential_id', '=', credentialId)
        .executeTakeFirst();
      return r && toPasskey(r);
    },
    async renamePasskey(id, name) {
      await db.updateTable('passkeys').set({ name }).where('id', '=', id).execute();
    },
    async recordPasskeyUse(id, counter, at) {
      await db
        .updateTable('passkeys')
        .set({ counter, last_used_at: at })
        .where('id', '=', id)
        .execute();
    },
    async deletePasskey(id) {
      await db.deleteFrom('passkeys').where('id', '=', id).execute();
    },
    async deletePasskeysOf(userId) {
      const r = await db.deleteFrom('passkeys').where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async insertChallenge(c) {
      await db
        .insertInto('webauthn_challenges')
        .values({
          id: c.id,
          purpose: c.purpose,
          user_id: c.userId,
          challenge: c.challenge,
          created_at: c.createdAt,
          expires_at: c.expiresAt,
        })
        .execute();
    },
    async takeChallenge(id) {
      const r = await db
        .selectFrom('webauthn_challenges')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!r) return undefined;
      // Only the transaction whose delete removed the row may use it: two racing answers get one.
      const deleted = await db.deleteFrom('webauthn_challenges').where('id', '=', id).execute();
      return Number(deleted[0]?.numDeletedRows ?? 0) === 1 ? toChallenge(r) : undefined;
    },
    async deleteExpiredChallenges(before) {
      await db.deleteFrom('webauthn_challenges').where('expires_at', '<=', before).execute();
    },
  };
}
