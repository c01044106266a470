/**
 * Key rotation (`parley keys rotate`): a new master key re-wraps every process's data keys and the
 * account-scope data key; with `data`, every process (and the account scope) also gets a new data
 * key and every encrypted value (TOTP secrets included) is re-encrypted under it. Either way in one transaction, audited, with the new master key written to disk (0600,
 * fsynced) before the transaction commits, so that no moment exists where the database needs a
 * key that is only in memory. Run it with the server stopped: a running server keeps the old keys
 * in memory.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Clock } from '../core/ports.js';
import type { Config } from './config.js';
import type { Database } from './db/connect.js';
import { scrubFreedPages, totpSecretPlace, type DataKeys } from './db/data-keys.js';
import type { DB } from './db/schema.js';
import { appendAuditEntries } from './db/audit-repository.js';
import { resealAll, type SealedTableName } from './db/sealed-columns.js';
import {
  AtRestError,
  newDataKey,
  openAccountText,
  openText,
  sealAccountText,
  sealText,
  unwrapAccountKey,
  unwrapDataKey,
  wrapAccountKey,
  wrapDataKey,
} from './security/at-rest.js';
import { sha256 } from './security/crypto.js';
import {
  encodeMasterKey,
  masterKeyFileName,
  masterKeyId,
  newMasterKey,
  nextMasterKeyFileName,
  promoteNextMasterKey,
  stageNextMasterKey,
  type MasterKey,
} from './security/master-key.js';

/** What a rotation did. */
export interface RotationResult {
  /** The master key before. */
  previousMasterKeyId: string;
  /** The master key now. */
  masterKeyId: string;
  /** Where the new master key is: the data directory's key file, or a file to move into PARLEY_MASTER_KEY. */
  keyFile: string;
  /** The old key file kept beside it (backups taken before the rotation need it); null with PARLEY_MASTER_KEY. */
  oldKeyFile: string | null;
  /** The new master key in base64 when it came from PARLEY_MASTER_KEY (the operator must set it); else null. */
  newMasterKey: string | null;
  /** Processes whose data keys were re-wrapped (and, with data, replaced). */
  processes: number;
  /** Data keys re-wrapped (without data) or created (with data). */
  dataKeys: number;
  /** Values re-encrypted (0 without data). */
  values: number;
}

/** What a rotation needs of a started runtime. */
export interface RotationTarget {
  /** The open, migrated database. */
  database: Database;
  /** The master key in use and the data keys it opens. */
  dataKeys: DataKeys;
  /** Where the key files live. */
  config: Pick<Config, 'dataDir'>;
  /** The time of the audit entry and the old key file's name. */
  clock: Clock;
}

/**
 * Rotates the master key and, with `data`, the data keys; `progress` hears each re-encrypted
 * table. Throws (changing nothing) if the transaction fails.
 */
export async function rotateKeys(
  target: RotationTarget,
  options: { data: boolean; progress?: (table: SealedTableName, rows: number) => void },
): Promise<RotationResult> {
  const { database, config, clock } = target;
  const current = target.dataKeys.master;
  if (current.source === 'memory') throw new Error('An in-memory master key cannot be rotated.');
  if (existsSync(join(config.dataDir, nextMasterKeyFileName)))
    throw new Error(
      `${join(config.dataDir, nextMasterKeyFileName)} exists: an earlier rotation did not finish. Start Parley once (it names the key that opens the database), put that key in place, delete the other file, then rotate again.`,
    );
  const next = newMasterKey();
  const nextId = masterKeyId(next);
  const staged = stageNextMasterKey(config.dataDir, next);
  let counts: { processes: number; dataKeys: number; values: number };
  try {
    counts = await database.db.transaction().execute(async (trx) => {
      if (database.dialect === 'postgres') {
        await sql`lock table data_keys in exclusive mode`.execute(trx);
        await sql`lock table account_keys in exclusive mode`.execute(trx);
      }
      const rows = await trx
        .selectFrom('data_keys')
        .selectAll()
        .orderBy('process_id')
        .orderBy('version')
        .execute();
      const old = new Map<string, Map<number, Buffer>>();
      for (const r of rows) {
        if (r.master_key_id !== current.id)
          throw new AtRestError(
            `data key version ${r.version} of process ${r.process_id} is wrapped under master key ${r.master_key_id}, not the current ${current.id}`,
          );
        const keys = old.get(r.process_id) ?? new Map<number, Buffer>();
        keys.set(r.version, unwrapDataKey(current.key, r.process_id, r.version, r.wrapped));
        old.set(r.process_id, keys);
      }
      const accountKeys = await rotateAccountKeys(trx, {
        current,
        next,
        nextId,
        data: options.data,
        clock,
      });
      let values = accountKeys.values;
      if (!options.data) {
        for (const r of rows) {
          const key = old.get(r.process_id)?.get(r.version);
          if (!key) throw new AtRestError(`data key ${r.process_id}/${r.version} vanished`);
          await trx
            .updateTable('data_keys')
            .set({
              master_key_id: nextId,
              wrapped: wrapDataKey(next, r.process_id, r.version, key),
            })
            .where('process_id', '=', r.process_id)
            .where('version', '=', r.version)
            .execute();
        }
      } else {
        const fresh = new Map<string, { version: number; key: Buffer }>();
        for (const [processId, keys] of old) {
          const version = Math.max(...keys.keys()) + 1;
          const key = newDataKey();
          fresh.set(processId, { version, key });
          await trx
            .insertInto('data_keys')
            .values({
              process_id: processId,
              version,
              master_key_id: nextId,
              wrapped: wrapDataKey(next, processId, version, key),
              created_at: clock.now().toISOString(),
            })
            .execute();
        }
        values += await resealAll(trx, database.dialect, {
          open: (place, stored) => openText((v) => old.get(place.processId)?.get(v), place, stored),
          seal: (place, plain) => {
            const k = fresh.get(place.processId);
            if (!k) throw new AtRestError(`process ${place.processId} has no data key`);
            return sealText(k.key, k.version, place, plain);
          },
          progress: options.progress,
        });
        // Every value is under the new keys now: the old ones open nothing.
        await trx.deleteFrom('data_keys').where('master_key_id', '=', current.id).execute();
      }
      await appendAuditEntries(trx, { dialect: database.dialect, clock, sha256 }, [
        {
          kind: 'keys.rotated',
          data: {
            masterKeyId: nextId,
            previousMasterKeyId: current.id,
            dataKeys: options.data,
            processes: old.size,
            values,
          },
          actorUserId: null,
          processId: null,
          compartmentId: null,
        },
      ]);
      return { processes: old.size, dataKeys: options.data ? old.size : rows.length, values };
    });
  } catch (error) {
    // Nothing was committed: the database still needs the current key, and the next one is moot.
    rmSync(staged, { force: true });
    throw error;
  }
  target.dataKeys.forget();
  const stamp = clock.now().toISOString().replace(/[:.]/g, '-');
  if (current.source === 'file') {
    const oldKeyFile = promoteNextMasterKey(config.dataDir, stamp);
    scrub(database);
    return {
      previousMasterKeyId: current.id,
      masterKeyId: nextId,
      keyFile: join(config.dataDir, masterKeyFileName),
      oldKeyFile: oldKeyFile && join(config.dataDir, oldKeyFile),
      newMasterKey: null,
      ...counts,
    };
  }
  // PARLEY_MASTER_KEY: the operator moves the new key into the secret store; until then it is kept
  // in a file of its own (0600) that no start reads.
  const keyFile = join(config.dataDir, `${masterKeyFileName}.${stamp}.for-env`);
  renameSync(staged, keyFile);
  scrub(database);
  return {
    previousMasterKeyId: current.id,
    masterKeyId: nextId,
    keyFile,
    oldKeyFile: null,
    newMasterKey: encodeMasterKey(next),
    ...counts,
  };
}

/**
 * Rotates the account-scope data keys inside the rotation's transaction: re-wraps them under the
 * next master key, or, with `data`, adds a new one, re-encrypts every TOTP secret under it and
 * deletes the old ones. Answers how many secrets were re-encrypted.
 */
async function rotateAccountKeys(
  trx: Kysely<DB>,
  input: { current: MasterKey; next: Buffer; nextId: string; data: boolean; clock: Clock },
): Promise<{ values: number }> {
  const rows = await trx.selectFrom('account_keys').selectAll().orderBy('version').execute();
  const old = new Map<number, Buffer>();
  for (const r of rows) {
    if (r.master_key_id !== input.current.id)
      throw new AtRestError(
        `account data key version ${r.version} is wrapped under master key ${r.master_key_id}, not the current ${input.current.id}`,
      );
    old.set(r.version, unwrapAccountKey(input.current.key, r.version, r.wrapped));
  }
  if (!input.data) {
    for (const [version, key] of old)
      await trx
        .updateTable('account_keys')
        .set({ master_key_id: input.nextId, wrapped: wrapAccountKey(input.next, version, key) })
        .where('version', '=', version)
        .execute();
    return { values: 0 };
  }
  if (old.size === 0) return { values: 0 };
  const version = Math.max(...old.keys()) + 1;
  const key = newDataKey();
  await trx
    .insertInto('account_keys')
    .values({
      version,
      master_key_id: input.nextId,
      wrapped: wrapAccountKey(input.next, version, key),
      created_at: input.clock.now().toISOString(),
    })
    .execute();
  const users = await trx
    .selectFrom('users')
    .select(['id', 'totp_secret'])
    .where('totp_secret', 'is not', null)
    .execute();
  for (const u of users) {
    const place = totpSecretPlace(u.id);
    const plain = openAccountText((v) => old.get(v), place, u.totp_secret ?? '');
    await trx
      .updateTable('users')
      .set({ totp_secret: sealAccountText(key, version, place, plain) })
      .where('id', '=', u.id)
      .execute();
  }
  await trx.deleteFrom('account_keys').where('version', '<', version).execute();
  return { values: users.length };
}

/** Scrubs freed pages once the keys are in place; a failure there loses nothing and is reported. */
function scrub(database: Database): void {
  try {
    scrubFreedPages(database);
  } catch (error) {
    process.stderr.write(
      `The keys were rotated, but the database file could not be compacted (${error instanceof Error ? error.message : String(error)}): run VACUUM with the server stopped, so that freed pages keep no old wrapped keys.\n`,
    );
  }
}
