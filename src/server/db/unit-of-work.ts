import type { Sha256 } from '../../core/audit/chain.js';
import type { AuditEvent } from '../../core/audit/catalogue.js';
import type { Kysely } from 'kysely';
import type { Clock, Stores, UnitOfWork } from '../../core/ports.js';
import { accountsRepository } from './accounts-repository.js';
import { passkeysRepository } from './passkeys-repository.js';
import { appendAuditEntries, auditRepository } from './audit-repository.js';
import type { Database } from './connect.js';
import { groupCommit, type CommitBatchObserver } from './group-commit.js';
import type { DataKeys, Sealer } from './data-keys.js';
import type { DB } from './schema.js';
import { itemsRepository } from './items-repository.js';
import { processesRepository } from './processes-repository.js';
import { recordRepository } from './record-repository.js';
import { textRepository } from './text-repository.js';
import { preferencesRepository } from './preferences-repository.js';
import { roundsRepository } from './rounds-repository.js';
import { suggestionsRepository } from './suggestions-repository.js';
import { messagesRepository } from './messages-repository.js';
import { communiquesRepository } from './communiques-repository.js';
import { mediaRepository } from './media-repository.js';
import { implementationRepository } from './implementation-repository.js';

/**
 * How many group-commit batches run at once: one, on both databases. SQLite has one connection;
 * on PostgreSQL batches side by side (one per pooled connection) were measured slower on a quiet
 * machine than one at a time: smaller batches each pay their BEGIN, append and COMMIT, and the
 * server's CPU, not PostgreSQL, is what the requests wait for (bench/RESULTS.md, "group commit
 * on PostgreSQL, one batch or several"). Group commit can run several (`concurrency`) for a
 * deployment where round trips dominate.
 */
export const batchConcurrency = 1;

/**
 * Runs each use case's work as one transaction with repositories bound to it, by group commit
 * (`group-commit.ts`: transactions that arrive together share one commit, each in a savepoint of
 * its own, each answered once that commit is durable), and calls `afterAppend` once a transaction
 * that appended audit entries has committed (the live hub looks at the log at once instead of at
 * its next poll). `onBatch` hears of every shared commit (its size and how long it took).
 *
 * A use case's audit events are kept aside and appended once per batch, after the work of every
 * transaction in it, in queue order, just before the COMMIT. Appending locks the log's head (all
 * writers of all instances chain their entries in one order), so the lock is held only for the
 * append and the commit, not across the work of the rest of the batch: batches of two instances
 * (or several of one, with `concurrency`) meet only at that lock.
 */
export function kyselyUnitOfWork(
  database: Database,
  deps: {
    clock: Clock;
    sha256: Sha256;
    dataKeys: DataKeys;
    afterAppend?: () => void;
    onBatch?: CommitBatchObserver;
  },
): UnitOfWork {
  const auditDeps = { dialect: database.dialect, clock: deps.clock, sha256: deps.sha256 };
  /** The repositories bound to one transaction or connection, with the audit log's writer. */
  const storesOn = (db: Kysely<DB>, append: (event: AuditEvent) => Promise<void>): Stores =>
    // Confidential columns are encrypted at rest with the process's data key.
    new BoundStores(db, deps.dataKeys.bind(db), database, append);
  const commits = groupCommit<{ value: unknown; events: AuditEvent[] }>(database.db, {
    onBatch: deps.onBatch,
    concurrency: batchConcurrency,
    beforeCommit: async (trx, results) =>
      void (await appendAuditEntries(
        trx,
        auditDeps,
        results.flatMap((r) => r.events),
      )),
  });
  return {
    transaction: async (fn) => {
      const { value, events } = await commits.run(async (trx) => {
        const events: AuditEvent[] = [];
        const value = await fn(storesOn(trx, async (event) => void events.push(event)));
        return { value, events };
      });
      if (events.length > 0) deps.afterAppend?.();
      return value;
    },
    read: (fn) =>
      database.db.connection().execute((connection) =>
        fn(
          storesOn(connection, () => {
            throw new Error('a read records no audit event: use a transaction');
          }),
        ),
      ),
  };
}

/**
 * The repositories of one transaction or connection, each built the first time a use case asks
 * for it: a use case touches two or three of the fourteen, and building them all (a few hundred
 * closures) for every request, a session check included, cost more than the queries of a small
 * read.
 */
class BoundStores implements Stores {
  #accounts?: Stores['accounts'];
  #passkeys?: Stores['passkeys'];
  #processes?: Stores['processes'];
  #items?: Stores['items'];
  #record?: Stores['record'];
  #text?: Stores['text'];
  #preferences?: Stores['preferences'];
  #suggestions?: Stores['suggestions'];
  #rounds?: Stores['rounds'];
  #messages?: Stores['messages'];
  #communiques?: Stores['communiques'];
  #media?: Stores['media'];
  #implementation?: Stores['implementation'];
  #audit?: Stores['audit'];

  readonly #db: Kysely<DB>;
  readonly #sealer: Sealer;
  readonly #database: Database;
  readonly #append: (event: AuditEvent) => Promise<void>;

  constructor(
    db: Kysely<DB>,
    sealer: Sealer,
    database: Database,
    append: (event: AuditEvent) => Promise<void>,
  ) {
    this.#db = db;
    this.#sealer = sealer;
    this.#database = database;
    this.#append = append;
  }

  get accounts() {
    return (this.#accounts ??= accountsRepository(this.#db, this.#sealer, this.#database.dialect));
  }
  get passkeys() {
    return (this.#passkeys ??= passkeysRepository(this.#db));
  }
  get processes() {
    return (this.#processes ??= processesRepository(this.#db, this.#database.dialect));
  }
  get items() {
    return (this.#items ??= itemsRepository(this.#db, this.#sealer, this.#database.dialect));
  }
  get record() {
    return (this.#record ??= recordRepository(this.#db, this.#sealer));
  }
  get text() {
    return (this.#text ??= textRepository(this.#db, this.#sealer));
  }
  get preferences() {
    return (this.#preferences ??= preferencesRepository(this.#db, this.#sealer));
  }
  get suggestions() {
    return (this.#suggestions ??= suggestionsRepository(this.#db, this.#sealer));
  }
  get rounds() {
    return (this.#rounds ??= roundsRepository(this.#db, this.#sealer));
  }
  get messages() {
    return (this.#messages ??= messagesRepository(this.#db, this.#sealer));
  }
  get communiques() {
    return (this.#communiques ??= communiquesRepository(this.#db, this.#sealer));
  }
  get media() {
    return (this.#media ??= mediaRepository(this.#db, this.#sealer));
  }
  get implementation() {
    return (this.#implementation ??= implementationRepository(
      this.#db,
      this.#sealer,
      this.#database,
    ));
  }
  get audit() {
    return (this.#audit ??= { ...auditRepository(this.#db), append: this.#append });
  }
}
