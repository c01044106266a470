import type { Sha256 } from '../../core/audit/chain.js';
import type { AuditEvent } from '../../core/audit/catalogue.js';
import type { Clock, Stores, UnitOfWork } from '../../core/ports.js';
import { accountsRepository } from './accounts-repository.js';
import { passkeysRepository } from './passkeys-repository.js';
import { auditRepository } from './audit-repository.js';
import type { Database } from './connect.js';
import type { DataKeys } from './data-keys.js';
import { itemsRepository } from './items-repository.js';
import { processesRepository } from './processes-repository.js';
import { recordRepository } from './record-repository.js';
import { textRepository } from './text-repository.js';
import { preferencesRepository } from './preferences-repository.js';
import { roundsRepository } from './rounds-repository.js';
import { messagesRepository } from './messages-repository.js';
import { communiquesRepository } from './communiques-repository.js';

/**
 * Runs each use case's work in one Kysely transaction with repositories bound to it, and calls
 * `afterAppend` once a transaction that appended audit entries has committed (the live hub looks
 * at the log at once instead of at its next poll).
 */
export function kyselyUnitOfWork(
  database: Database,
  deps: { clock: Clock; sha256: Sha256; dataKeys: DataKeys; afterAppend?: () => void },
): UnitOfWork {
  return {
    transaction: async (fn) => {
      let appended = false;
      const result = await database.db.transaction().execute(async (trx) => {
        const audit = auditRepository(trx, {
          dialect: database.dialect,
          clock: deps.clock,
          sha256: deps.sha256,
        });
        // Confidential columns are encrypted at rest with the process's data key.
        const sealer = deps.dataKeys.bind(trx);
        // Audit entries are appended last, just before the commit: appending locks the log's head
        // (every writer's entries form one chain), so the lock is held for those statements and the
        // commit only, not for the rest of the use case's work.
        const events: AuditEvent[] = [];
        const stores: Stores = {
          accounts: accountsRepository(trx),
          passkeys: passkeysRepository(trx),
          processes: processesRepository(trx),
          items: itemsRepository(trx, sealer),
          record: recordRepository(trx, sealer),
          text: textRepository(trx, sealer),
          preferences: preferencesRepository(trx, sealer),
          rounds: roundsRepository(trx, sealer),
          messages: messagesRepository(trx, sealer),
          communiques: communiquesRepository(trx, sealer),
          audit: {
            ...audit,
            append: async (event) => {
              events.push(event);
            },
          },
        };
        const value = await fn(stores);
        for (const event of events) await audit.append(event);
        appended = events.length > 0;
        return value;
      });
      if (appended) deps.afterAppend?.();
      return result;
    },
  };
}
