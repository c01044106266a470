import type { Sha256 } from '../../core/audit/chain.js';
import type { AuditEvent } from '../../core/audit/catalogue.js';
import type { Kysely } from 'kysely';
import type { Clock, Stores, UnitOfWork } from '../../core/ports.js';
import { accountsRepository } from './accounts-repository.js';
import { passkeysRepository } from './passkeys-repository.js';
import { appendAuditEntries, auditRepository } from './audit-repository.js';
import type { Database } from './connect.js';
import { groupCommit, type CommitBatchObserver } from './group-commit.js';
import type { DataKeys } from './data-keys.js';
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
 * Runs each use case's work as one transaction with repositories bound to it, by group commit
 * (`group-commit.ts`: transactions that arrive together share one commit, each in a savepoint of
 * its own, each answered once that commit is durable), and calls `afterAppend` once a transaction
 * that appended audit entries has committed (the live hub looks at the log at once instead of at
 * its next poll). `onBatch` hears of every shared commit (its size and how long it took).
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
  const storesOn = (db: Kysely<DB>, append: (event: AuditEvent) => Promise<void>): Stores => {
    // Confidential columns are encrypted at rest with the process's data key.
    const sealer = deps.dataKeys.bind(db);
    return {
      accounts: accountsRepository(db, sealer),
      passkeys: passkeysRepository(db),
      processes: processesRepository(db),
      items: itemsRepository(db, sealer),
      record: recordRepository(db, sealer),
      text: textRepository(db, sealer),
      preferences: preferencesRepository(db, sealer),
      suggestions: suggestionsRepository(db, sealer),
      rounds: roundsRepository(db, sealer),
      messages: messagesRepository(db, sealer),
      communiques: communiquesRepository(db, sealer),
      media: mediaRepository(db, sealer),
      implementation: implementationRepository(db, sealer, database),
      audit: { ...auditRepository(db), append },
    };
  };
  const commits = groupCommit(database.db, { onBatch: deps.onBatch });
  return {
    transaction: async (fn) => {
      const { value, appended } = await commits.run(async (trx) => {
        // Audit entries are appended last, at the end of the use case's own work: appending locks
        // the log's head (every writer's entries form one chain), so on PostgreSQL the lock is
        // taken as late as the batch allows.
        const events: AuditEvent[] = [];
        const result = await fn(storesOn(trx, async (event) => void events.push(event)));
        await appendAuditEntries(trx, auditDeps, events);
        return { value: result, appended: events.length > 0 };
      });
      if (appended) deps.afterAppend?.();
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
