import type { Sha256 } from '../../core/audit/chain.js';
import type { Clock, Stores, UnitOfWork } from '../../core/ports.js';
import { accountsRepository } from './accounts-repository.js';
import { auditRepository } from './audit-repository.js';
import type { Database } from './connect.js';
import { itemsRepository } from './items-repository.js';
import { processesRepository } from './processes-repository.js';
import { recordRepository } from './record-repository.js';
import { textRepository } from './text-repository.js';
import { preferencesRepository } from './preferences-repository.js';
import { roundsRepository } from './rounds-repository.js';
import { messagesRepository } from './messages-repository.js';
import { communiquesRepository } from './communiques-repository.js';

/** Runs each use case's work in one Kysely transaction with repositories bound to it. */
export function kyselyUnitOfWork(
  database: Database,
  deps: { clock: Clock; sha256: Sha256 },
): UnitOfWork {
  return {
    transaction: (fn) =>
      database.db.transaction().execute((trx) => {
        const stores: Stores = {
          accounts: accountsRepository(trx),
          processes: processesRepository(trx),
          items: itemsRepository(trx),
          record: recordRepository(trx),
          text: textRepository(trx),
          preferences: preferencesRepository(trx),
          rounds: roundsRepository(trx),
          messages: messagesRepository(trx),
          communiques: communiquesRepository(trx),
          audit: auditRepository(trx, {
            dialect: database.dialect,
            clock: deps.clock,
            sha256: deps.sha256,
          }),
        };
        return fn(stores);
      }),
  };
}
