/**
 * The composition root: opens and migrates the database, wires the ports, and hands out the
 * dependencies that the HTTP app and the CLI share.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../core/ports.js';
import type { Config } from './config.js';
import { migrateToLatest, openDatabase, type Database } from './db/connect.js';
import { kyselyUnitOfWork } from './db/unit-of-work.js';
import { openDataKeys, type DataKeys } from './db/data-keys.js';
import type { AppDeps } from './http/deps.js';
import { nodeHashing, nodeIds, otpTotp, sha256 } from './security/crypto.js';
import { loadOrCreateTreeHeadKey, type TreeHeadKey } from './security/signing-key.js';
import { AuditTree } from './audit-tree.js';
import { loadOrCreateFingerprintKey } from './security/fingerprint-key.js';
import { LiveHub } from './realtime/hub.js';
import { simpleWebAuthn } from './security/webauthn.js';
import { WorkerEngine } from './analysis/engine.js';

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

/** How long one analysis may run before it is stopped with an explanation. */
export const analysisTimeLimitMs = 60_000;

/** Where the built web app is, relative to this file (dist/server → dist/web). */
export const defaultWebRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'web');

/** A running Parley's database and dependencies. */
export interface Runtime {
  database: Database;
  deps: AppDeps;
  /** The key that signs audit tree heads. */
  treeHeadKey: TreeHeadKey;
  /** The master key and the processes' data keys (encryption at rest). */
  dataKeys: DataKeys;
  close(): Promise<void>;
}

/** Opens the database named in the config, migrates it, and wires everything. */
export async function startRuntime(
  config: Readonly<Config>,
  options: {
    clock?: Clock;
    webRoot?: string | null;
    schema?: string;
    live?: boolean;
    analysisTimeLimitMs?: number;
  } = {},
): Promise<Runtime> {
  const database = openDatabase(config.databaseUrl, { schema: options.schema });
  await migrateToLatest(database);
  const clock = options.clock ?? systemClock;
  const treeHeadKey = loadOrCreateTreeHeadKey(config.dataDir);
  const engine = new WorkerEngine(options.analysisTimeLimitMs ?? analysisTimeLimitMs);
  // Refuses to start with a master key that does not open the database's data keys.
  const dataKeys = await openDataKeys(database, config, clock);
  const deps: AppDeps = {
    engine,
    auditTree: new AuditTree(database.db, treeHeadKey, clock),
    fingerprintKey: loadOrCreateFingerprintKey(config.dataDir),
    db: kyselyUnitOfWork(database, { clock, sha256, dataKeys }),
    clock,
    ids: nodeIds,
    hashing: nodeHashing,
    totp: otpTotp,
    webAuthn: simpleWebAuthn({ rpId: config.passkeyRpId, origin: config.passkeyOrigin }),
    config,
    webRoot: options.webRoot === undefined ? defaultWebRoot : options.webRoot,
    live: null,
  };
  if (options.live) deps.live = new LiveHub({ db: database.db, uow: deps.db, clock });
  return {
    database,
    deps,
    treeHeadKey,
    dataKeys,
    close: async () => {
      await engine.close();
      await database.close();
    },
  };
}
