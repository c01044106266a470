/**
 * The operator's metrics, in the Prometheus text format (prom-client), one registry per running
 * Parley. What they may carry is fixed here: every label value comes from a closed, small set
 * chosen by the code — an HTTP method, a route template such as
 * `/api/processes/:processId/items/:itemId` (never the path as requested), a status code, a kind
 * of analysis viewer, an outcome. No id, codename, e-mail, title or other value a member typed
 * or may not see ever becomes a label, so the metrics can be scraped by a monitoring system that
 * is not trusted with the talks (`http/metrics.test.ts` plants canaries and checks).
 *
 * Served at `GET /metrics` to the operator's metrics token only, or on the metrics listen address
 * (config.ts: PARLEY_METRICS_TOKEN, PARLEY_METRICS_LISTEN); never to a member's session.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AnalysisEngine } from '../core/ports.js';
import { DomainError } from '../core/shared/errors.js';

/** The HTTP methods that name themselves in a label; any other is counted as `other`. */
const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The route label of a request that matched no route (its path is never a label). */
export const unmatchedRoute = 'unmatched';

/**
 * Receives what a commit of several transactions together (group commit) did: how many
 * transactions shared the commit, and how long its durable commit (the fsync) took in seconds.
 * The unit of work's batch observer calls it once per batch.
 */
export interface CommitBatchRecorder {
  recordCommitBatch(size: number, fsyncSeconds: number): void;
}

/** What a PostgreSQL pool tells about its use (pg.Pool's counters). */
export interface PoolUse {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** One running Parley's metrics. */
export class Metrics implements CommitBatchRecorder {
  /** The registry `GET /metrics` renders. */
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly requestSeconds: Histogram<'method' | 'route'>;
  private readonly liveSockets: Gauge;
  private readonly liveMessages: Counter;
  private readonly engineJobs: Counter<'viewer' | 'outcome'>;
  private readonly engineSeconds: Histogram<'viewer'>;
  private readonly commitBatchSize: Histogram;
  private readonly commitFsyncSeconds: Histogram;
  private readonly pools = new Map<'main' | 'live', PoolUse>();

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    // Node's own: resident memory, heap, event-loop delay, GC, file descriptors.
    if (options.processMetrics ?? true)
      collectDefaultMetrics({ register: this.registry, prefix: 'parley_' });
    this.requests = new Counter({
      name: 'parley_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.requestSeconds = new Histogram({
      name: 'parley_http_request_duration_seconds',
      help: 'Time from a request arriving to its answer being sent, by method and route template.',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.liveSockets = new Gauge({
      name: 'parley_live_sockets_open',
      help: 'Live-update WebSockets open now.',
      registers,
    });
    this.liveMessages = new Counter({
      name: 'parley_live_messages_sent_total',
      help: 'Messages sent on live-update WebSockets.',
      registers,
    });
    this.engineJobs = new Counter({
      name: 'parley_engine_jobs_total',
      help: 'Decision-support engine jobs finished, by kind of viewer and outcome (ok, refused, failed).',
      labelNames: ['viewer', 'outcome'],
      registers,
    });
    this.engineSeconds = new Histogram({
      name: 'parley_engine_job_duration_seconds',
      help: 'Time a decision-support engine job took, waiting for the engine included.',
      labelNames: ['viewer'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    this.commitBatchSize = new Histogram({
      name: 'parley_commit_batch_size',
      help: 'Transactions that shared one durable commit (group commit).',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers,
    });
    this.commitFsyncSeconds = new Histogram({
      name: 'parley_commit_fsync_seconds',
      help: 'Time one durable commit (its fsync) took.',
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
      registers,
    });
    const pools = this.pools;
    const poolGauge = (metric: string, help: string, read: (p: PoolUse) => number) =>
      new Gauge({
        name: `parley_db_pool_${metric}`,
        help,
        labelNames: ['pool'],
        registers,
        collect() {
          for (const [name, pool] of pools) this.set({ pool: name }, read(pool));
        },
      });
    poolGauge('connections', 'PostgreSQL connections open in a pool.', (p) => p.totalCount);
    poolGauge('idle', 'PostgreSQL connections open and idle in a pool.', (p) => p.idleCount);
    poolGauge('waiting', 'Queries waiting for a PostgreSQL connection.', (p) => p.waitingCount);
  }

  /** One answered request; `route` is the matched route's template, or undefined. */
  recordRequest(method: string, route: string | undefined, status: number, seconds: number): void {
    const m = knownMethods.has(method) ? method : 'other';
    const r = route ?? unmatchedRoute;
    this.requests.inc({ method: m, route: r, status: String(status) });
    this.requestSeconds.observe({ method: m, route: r }, seconds);
  }

  /** A live-update socket opened. */
  liveSocketOpened(): void {
    this.liveSockets.inc();
  }

  /** A live-update socket closed. */
  liveSocketClosed(): void {
    this.liveSockets.dec();
  }

  /** A message went out on a live-update socket. */
  liveMessageSent(): void {
    this.liveMessages.inc();
  }

  /** See CommitBatchRecorder: one group commit of `size` transactions, durable in `fsyncSeconds`. */
  recordCommitBatch(size: number, fsyncSeconds: number): void {
    this.commitBatchSize.observe(size);
    this.commitFsyncSeconds.observe(fsyncSeconds);
  }

  /** The engine, each of its jobs counted and timed by the kind of viewer it runs for. */
  timedEngine(engine: AnalysisEngine): AnalysisEngine {
    return {
      analyzeFor: async (domain, options, viewer) => {
        const end = this.engineSeconds.startTimer({ viewer: viewer.kind });
        try {
          const view = await engine.analyzeFor(domain, options, viewer);
          this.engineJobs.inc({ viewer: viewer.kind, outcome: 'ok' });
          return view;
        } catch (e) {
          // A refusal (too large, over time) is the engine working; anything else is a failure.
          const outcome = e instanceof DomainError ? 'refused' : 'failed';
          this.engineJobs.inc({ viewer: viewer.kind, outcome });
          throw e;
        } finally {
          end();
        }
      },
    };
  }

  /** Reports a PostgreSQL pool's use (connections open, idle, queries waiting) at every scrape. */
  observePool(name: 'main' | 'live', pool: PoolUse): void {
    this.pools.set(name, pool);
  }

  /** The metrics in the Prometheus text format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** The content type of `render()`'s answer. */
  get contentType(): string {
    return this.registry.contentType;
  }
}
