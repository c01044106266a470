/**
 * The composition root: opens and migrates the database, wires the ports, and hands out the
 * dependencies that the HTTP app and the CLI share.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock, FeedReader, Ids } from '../core/ports.js';
import { boundedSessionCache } from '../core/accounts/session-cache.js';
import type { Config } from './config.js';
import { migrateToLatest, openDatabase, type Database } from './db/connect.js';
import { kyselyUnitOfWork } from './db/unit-of-work.js';
import type { CommitBatchObserver } from './db/group-commit.js';
import { openDataKeys, type DataKeys } from './db/data-keys.js';
import type { AppDeps } from './http/deps.js';
import { nodeHashing, nodeIds, otpTotp, sha256 } from './security/crypto.js';
import { loadOrCreateTreeHeadKey, type TreeHeadKey } from './security/signing-key.js';
import { AuditTree } from './audit-tree.js';
import { loadOrCreateFingerprintKey } from './security/fingerprint-key.js';
import { LiveHub } from './realtime/hub.js';
import { simpleWebAuthn } from './security/webauthn.js';
import { WorkerEngine } from './analysis/engine.js';
import { postgresSignal } from './realtime/pg-signal.js';
import { defaultFeedLimits, httpFeedReader } from './media/feed-reader.js';
import { Metrics } from './metrics.js';

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
    /** Serve live updates; `intervalMs` overrides the hub's poll (tests of the wake-ups). */
    live?: boolean | { intervalMs: number };
    analysisTimeLimitMs?: number;
    /** Where ids come from (tests that compare two runs make them deterministic). */
    ids?: Ids;
    /** How feeds are fetched (tests narrow the limits). */
    feeds?: FeedReader;
    /** Hears of every group commit (its size and fsync time), for an operator's metrics. */
    onCommitBatch?: CommitBatchObserver;
  } = {},
): Promise<Runtime> {
  const database = openDatabase(config.databaseUrl, { schema: options.schema });
  await migrateToLatest(database);
  const clock = options.clock ?? systemClock;
  const treeHeadKey = loadOrCreateTreeHeadKey(config.dataDir);
  const engine = new WorkerEngine(options.analysisTimeLimitMs ?? analysisTimeLimitMs);
  // Created first, so that every part wired below can report to it.
  const metrics = new Metrics();
  if (database.pool) metrics.observePool('main', database.pool);
  // Refuses to start with a master key that does not open the database's data keys.
  const dataKeys = await openDataKeys(database, config, clock);
  const deps: AppDeps = {
    engine: metrics.timedEngine(engine),
    auditTree: new AuditTree(database.db, treeHeadKey, clock),
    fingerprintKey: loadOrCreateFingerprintKey(config.dataDir),
    sessionCache: boundedSessionCache(),
    // A commit that appended audit entries wakes the live hub (and, through it, other instances).
    db: kyselyUnitOfWork(database, {
      clock,
      sha256,
      dataKeys,
      afterAppend: () => deps.live?.committed(),
      onBatch: (batch) => {
        metrics.recordCommitBatch(batch.size, batch.fsyncSeconds);
        options.onCommitBatch?.(batch);
      },
    }),
    clock,
    ids: options.ids ?? nodeIds,
    // Feeds are fetched from public addresses, and from the private networks the operator allowed.
    feeds:
      options.feeds ??
      httpFeedReader(defaultFeedLimits, { allowNetworks: config.feedAllowNetworks }),
    hashing: nodeHashing,
    totp: otpTotp,
    webAuthn: simpleWebAuthn({ rpId: config.passkeyRpId, origin: config.passkeyOrigin }),
    config,
    webRoot: options.webRoot === undefined ? defaultWebRoot : options.webRoot,
    live: null,
    metrics,
  };
  // On PostgreSQL the hub reads the log through a connection of its own: its looks must not queue
  // in the pool behind the very writes they are to announce.
  const liveDatabase =
    options.live && database.dialect === 'postgres'
      ? openDatabase(config.databaseUrl, { schema: options.schema })
      : null;
  if (liveDatabase?.pool) metrics.observePool('live', liveDatabase.pool);
  if (options.live)
    deps.live = new LiveHub({
      uow: liveDatabase ? kyselyUnitOfWork(liveDatabase, { clock, sha256, dataKeys }) : deps.db,
      clock,
      intervalMs: typeof options.live === 'object' ? options.live.intervalMs : undefined,
      signal:
        database.dialect === 'postgres'
          ? postgresSignal({ url: config.databaseUrl, schema: database.schema ?? 'public' })
          : null,
    });
  return {
    database,
    deps,
    treeHeadKey,
    dataKeys,
    close: async () => {
      await engine.close();
      await liveDatabase?.close();
      await database.close();
    },
  };
}
