import type { Sha256 } from '../../core/audit/chain.js';
import type { AuditEvent } from '../../core/audit/catalogue.js';
import type { Kysely } from 'kysely';
import type { Clock, Stores, UnitOfWork } from '../../core/ports.js';
import { accountsRepository } from './accounts-repository.js';
import { passkeysRepository } from './passkeys-repository.js';
import { appendAuditEntries, auditRepository } from './audit-repository.js';
import type { Database } from './connect.js';
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
 * Runs each use case's work in one Kysely transaction with repositories bound to it, and calls
 * `afterAppend` once a transaction that appended audit entries has committed (the live hub looks
 * at the log at once instead of at its next poll).
 */
export function kyselyUnitOfWork(
  database: Database,
  deps: { clock: Clock; sha256: Sha256; dataKeys: DataKeys; afterAppend?: () => void },
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
      implementation: implementationRepository(db, sealer),
      audit: { ...auditRepository(db), append },
    };
  };
  return {
    transaction: async (fn) => {
      let appended = false;
      const result = await database.db.transaction().execute(async (trx) => {
        // Audit entries are appended last, just before the commit: appending locks the log's head
        // (every writer's entries form one chain), so the lock is held for those statements and
        // the commit only, not for the rest of the use case's work.
        const events: AuditEvent[] = [];
        const value = await fn(storesOn(trx, async (event) => void events.push(event)));
        await appendAuditEntries(trx, auditDeps, events);
        appended = events.length > 0;
        return value;
      });
      if (appended) deps.afterAppend?.();
      return result;
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
