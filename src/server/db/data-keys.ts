/**
 * The per-process data keys, and the sealer the repositories use. Each negotiation process has its
 * own random 256-bit data key (created with its first encrypted value), stored in `data_keys`
 * wrapped under the master key; unwrapped keys are kept in memory for the life of the server.
 * Repositories encrypt on write and decrypt on read through a `Sealer` bound to their
 * transaction; the core never sees a ciphertext.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/ports.js';
import {
  AtRestError,
  newDataKey,
  openAccountText,
  openText,
  sealAccountText,
  sealedAccountKeyVersion,
  sealText,
  unwrapAccountKey,
  unwrapDataKey,
  wrapAccountKey,
  wrapDataKey,
  type AccountPlace,
  type Place,
} from '../security/at-rest.js';
import {
  createMasterKeyFile,
  loadMasterKey,
  loadNextMasterKey,
  masterKeyFileName,
  nextMasterKeyFileName,
  type MasterKey,
} from '../security/master-key.js';
import type { Config } from '../config.js';
import type { Database } from './connect.js';
import type { DB } from './schema.js';
import { resealAll, type SealedColumn, type SealedTableName } from './sealed-columns.js';

/** Seals and opens the encrypted columns of one row. */
export interface RowBox<T extends SealedTableName> {
  /** Encrypts a column's text. */
  seal(column: SealedColumn<T>, text: string): string;
  /** Decrypts a column's stored value; throws AtRestError if it was altered or moved. */
  open(column: SealedColumn<T>, stored: string): string;
}

/** One process's data keys, for sealing and opening its values. */
export interface ProcessBox {
  /** The box of one row of a table, by its primary key values. */
  row<T extends SealedTableName>(table: T, key: readonly string[]): RowBox<T>;
  /** Encrypts for a place under the current data key. */
  sealAt(place: Place, text: string): string;
  /** Decrypts a place's stored value. */
  openAt(place: Place, stored: string): string;
}

/** The account-scope data keys, for sealing and opening account secrets (TOTP). */
export interface AccountBox {
  /** Encrypts for a place under the current account key. */
  seal(place: AccountPlace, text: string): string;
  /** Decrypts a place's stored value. */
  open(place: AccountPlace, stored: string): string;
}

/** The data keys as one transaction sees them. */
export interface Sealer {
  /** A process's box for reading (its data keys are loaded once per server). */
  reader(processId: string): Promise<ProcessBox>;
  /** A process's box for writing: creates the process's first data key if it has none. */
  writer(processId: string): Promise<ProcessBox>;
  /** The account box for reading (its keys are loaded once per server). */
  accountReader(): Promise<AccountBox>;
  /** The account box for writing: creates the first account key if there is none. */
  accountWriter(): Promise<AccountBox>;
}

function accountBox(keys: KeyMap): AccountBox {
  const current = Math.max(0, ...keys.keys());
  return {
    seal: (place, text) => {
      const key = keys.get(current);
      if (!key) throw new AtRestError('there is no account data key to encrypt with');
      return sealAccountText(key, current, place, text);
    },
    open: (place, stored) => openAccountText((v) => keys.get(v), place, stored),
  };
}

type KeyMap = ReadonlyMap<number, Buffer>;

function box(processId: string, keys: KeyMap): ProcessBox {
  const current = Math.max(0, ...keys.keys());
  const sealAt = (place: Place, text: string) => {
    const key = keys.get(current);
    if (!key) throw new AtRestError(`process ${processId} has no data key to encrypt with`);
    return sealText(key, current, place, text);
  };
  const openAt = (place: Place, stored: string) => openText((v) => keys.get(v), place, stored);
  return {
    sealAt,
    openAt,
    row: (table, row) => ({
      seal: (column, text) => sealAt({ processId, table, column, row }, text),
      open: (column, stored) => openAt({ processId, table, column, row }, stored),
    }),
  };
}

/** The process's data keys under a master key, with an in-memory cache of the unwrapped ones. */
export class DataKeys {
  private readonly cache = new Map<string, KeyMap>();
  private accountCache: KeyMap | undefined;

  constructor(
    /** The master key that wraps every data key. */
    readonly master: MasterKey,
    private readonly clock: Clock,
  ) {}

  /** The data keys as seen inside one transaction. */
  bind(db: Kysely<DB>): Sealer {
    // Keys created in this transaction stay here until it is over: a rollback would leave a
    // server-wide cache holding a key that no row in the database wraps.
    const created = new Map<string, KeyMap>();
    const load = async (processId: string): Promise<KeyMap | undefined> => {
      const known = created.get(processId) ?? this.cache.get(processId);
      if (known) return known;
      const rows = await db
        .selectFrom('data_keys')
        .select(['version', 'master_key_id', 'wrapped'])
        .where('process_id', '=', processId)
        .execute();
      if (rows.length === 0) return undefined;
      const keys = new Map(
        rows.map((r) => {
          if (r.master_key_id !== this.master.id)
            throw new AtRestError(
              `data key version ${r.version} of process ${processId} is wrapped under master key ${r.master_key_id}, not ${this.master.id}`,
            );
          return [r.version, unwrapDataKey(this.master.key, processId, r.version, r.wrapped)];
        }),
      );
      this.cache.set(processId, keys);
      return keys;
    };
    let accountCreated: KeyMap | undefined;
    const loadAccount = async (): Promise<KeyMap | undefined> => {
      const known = accountCreated ?? this.accountCache;
      if (known) return known;
      const rows = await db
        .selectFrom('account_keys')
        .select(['version', 'master_key_id', 'wrapped'])
        .execute();
      if (rows.length === 0) return undefined;
      const keys = new Map(
        rows.map((r) => {
          if (r.master_key_id !== this.master.id)
            throw new AtRestError(
              `account data key version ${r.version} is wrapped under master key ${r.master_key_id}, not ${this.master.id}`,
            );
          return [r.version, unwrapAccountKey(this.master.key, r.version, r.wrapped)];
        }),
      );
      this.accountCache = keys;
      return keys;
    };
    return {
      accountReader: async () => accountBox((await loadAccount()) ?? new Map()),
      accountWriter: async () => {
        const known = await loadAccount();
        if (known) return accountBox(known);
        const key = newDataKey();
        const inserted = await db
          .insertInto('account_keys')
          .values({
            version: 1,
            master_key_id: this.master.id,
            wrapped: wrapAccountKey(this.master.key, 1, key),
            created_at: this.clock.now().toISOString(),
          })
          .onConflict((oc) => oc.column('version').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows) === 1) {
          accountCreated = new Map([[1, key]]);
          return accountBox(accountCreated);
        }
        // Another transaction created it first (PostgreSQL waited for its commit): use theirs.
        const theirs = await loadAccount();
        if (!theirs) throw new AtRestError('there is no account data key');
        return accountBox(theirs);
      },
      reader: async (processId) => box(processId, (await load(processId)) ?? new Map()),
      writer: async (processId) => {
        const known = await load(processId);
        if (known) return box(processId, known);
        const key = newDataKey();
        const inserted = await db
          .insertInto('data_keys')
          .values({
            process_id: processId,
            version: 1,
            master_key_id: this.master.id,
            wrapped: wrapDataKey(this.master.key, processId, 1, key),
            created_at: this.clock.now().toISOString(),
          })
          .onConflict((oc) => oc.columns(['process_id', 'version']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows) === 1) {
          const keys = new Map([[1, key]]);
          created.set(processId, keys);
          return box(processId, keys);
        }
        // Another transaction created it first (PostgreSQL waited for its commit): use theirs.
        const theirs = await load(processId);
        if (!theirs) throw new AtRestError(`process ${processId} has no data key`);
        return box(processId, theirs);
      },
    };
  }

  /** Forgets the unwrapped keys (after a rotation in this process). */
  forget(): void {
    this.cache.clear();
    this.accountCache = undefined;
  }
}

/**
 * Prepares encryption at rest when the server (or a command) starts, after migrating: loads the
 * master key (PARLEY_MASTER_KEY or the data directory's file, created on first start of an empty
 * database), refuses to start when it is not the key that wraps the database's data keys, and
 * encrypts every confidential column once if the database was written before encryption at rest.
 */
export async function openDataKeys(
  database: Database,
  config: Pick<Config, 'dataDir' | 'masterKey'>,
  clock: Clock,
): Promise<DataKeys> {
  const wrappedUnder = [
    ...new Set(
      [
        ...(await database.db.selectFrom('data_keys').select('master_key_id').distinct().execute()),
        ...(await database.db
          .selectFrom('account_keys')
          .select('master_key_id')
          .distinct()
          .execute()),
      ].map((r) => r.master_key_id),
    ),
  ];
  let master = loadMasterKey(config);
  if (!master) {
    if (wrappedUnder.length > 0)
      throw new Error(
        `This database's confidential material is encrypted under master key ${wrappedUnder.join(', ')}, but no master key is configured: set PARLEY_MASTER_KEY, or put the key file in ${config.dataDir}/${masterKeyFileName} (mode 0600). Without it the material cannot be read.`,
      );
    master = createMasterKeyFile(config.dataDir);
  }
  const others = wrappedUnder.filter((id) => id !== master.id);
  if (others.length > 0) {
    const next = loadNextMasterKey(config.dataDir);
    const hint =
      next && others.every((id) => id === next.id)
        ? ` A key rotation stopped after re-wrapping the database: the key in ${config.dataDir}/${nextMasterKeyFileName} opens it (keep the current ${masterKeyFileName} aside and rename ${nextMasterKeyFileName} to ${masterKeyFileName}, or set PARLEY_MASTER_KEY to it).`
        : '';
    throw new Error(
      `The master key ${master.id} (from ${master.source === 'env' ? 'PARLEY_MASTER_KEY' : `${config.dataDir}/${masterKeyFileName}`}) does not open this database's data keys, which are wrapped under ${others.join(', ')}.${hint}`,
    );
  }
  const keys = new DataKeys(master, clock);
  await sealOlderDatabase(database, keys, clock);
  if ((await sealAccountSecrets(database, keys)) > 0) scrubFreedPages(database);
  return keys;
}

/** The place of a user's TOTP secret. */
export const totpSecretPlace = (userId: string): AccountPlace => ({
  table: 'users',
  column: 'totp_secret',
  row: [userId],
});

/**
 * Seals the TOTP secrets a database written before they were sealed holds in clear (a sealed one
 * says so by its `a1:` prefix, which a base32 secret cannot have), in one transaction; returns how
 * many. Several instances starting together on PostgreSQL seal each row once: the update is
 * conditional on the value still being the clear one.
 */
async function sealAccountSecrets(database: Database, keys: DataKeys): Promise<number> {
  const clear = (
    await database.db
      .selectFrom('users')
      .select(['id', 'totp_secret'])
      .where('totp_secret', 'is not', null)
      .execute()
  ).filter((r) => r.totp_secret !== null && sealedAccountKeyVersion(r.totp_secret) === null);
  if (clear.length === 0) return 0;
  return database.db.transaction().execute(async (trx) => {
    const box = await keys.bind(trx).accountWriter();
    let sealed = 0;
    for (const r of clear) {
      const done = await trx
        .updateTable('users')
        .set({ totp_secret: box.seal(totpSecretPlace(r.id), r.totp_secret ?? '') })
        .where('id', '=', r.id)
        .where('totp_secret', '=', r.totp_secret)
        .executeTakeFirst();
      sealed += Number(done.numUpdatedRows);
    }
    return sealed;
  });
}

/**
 * Encrypts, once, every confidential column of a database written before encryption at rest (a
 * fresh database only gets its marker), in one transaction; concurrent starts of several
 * instances on one PostgreSQL database do it once.
 */
async function sealOlderDatabase(database: Database, keys: DataKeys, clock: Clock): Promise<void> {
  const done = await database.db
    .selectFrom('encryption_state')
    .select('id')
    .where('id', '=', 1)
    .executeTakeFirst();
  if (done) return;
  const values = await database.db.transaction().execute(async (trx) => {
    const mark = await trx
      .insertInto('encryption_state')
      .values({ id: 1, sealed_at: clock.now().toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(mark.numInsertedOrUpdatedRows) !== 1) return 0;
    // The numeric reservation column cannot hold a ciphertext: its value moves to text.
    const unsealed = await trx
      .selectFrom('preferences')
      .select(['process_id', 'party_id', 'reservation'])
      .where('reservation_sealed', 'is', null)
      .execute();
    for (const r of unsealed)
      await trx
        .updateTable('preferences')
        .set({ reservation_sealed: String(Number(r.reservation)), reservation: 0 })
        .where('process_id', '=', r.process_id)
        .where('party_id', '=', r.party_id)
        .execute();
    const sealer = keys.bind(trx);
    return resealAll(trx, database.dialect, {
      open: (_place, stored) => stored,
      seal: async (place, plain) => (await sealer.writer(place.processId)).sealAt(place, plain),
    });
  });
  if (values > 0) scrubFreedPages(database);
}

/**
 * SQLite keeps the bytes of replaced rows in free pages and in the write-ahead log until they are
 * reused: after encrypting an older database or rotating data keys, rewrite the file (VACUUM) and
 * empty the log, so that the file holds neither the old plaintext nor the old wrapped keys.
 * PostgreSQL keeps dead row versions until its own VACUUM; the operator's notes say so.
 */
export function scrubFreedPages(database: Database): void {
  if (!database.sqlite) return;
  database.sqlite.exec('VACUUM');
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

/** The reading boxes of every process among some rows, each loaded once. */
export async function readersOf(
  sealer: Sealer,
  processIds: Iterable<string>,
): Promise<(processId: string) => ProcessBox> {
  const boxes = new Map<string, ProcessBox>();
  for (const id of new Set(processIds)) boxes.set(id, await sealer.reader(id));
  return (processId) => {
    const found = boxes.get(processId);
    if (!found) throw new AtRestError(`process ${processId} was not loaded`);
    return found;
  };
}
