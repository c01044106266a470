/**
 * Runs the decision-support engine on a worker thread, so that a large agenda (seconds of exact
 * search) never stalls the requests and live updates of everyone else. One thread, jobs in turn;
 * a job that outlasts the time limit ends the thread (the next job starts a fresh one) and answers
 * with a clear error instead of holding the caller forever.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions } from '../../core/analysis/analyze.js';
import type { AnalysisView, Viewer } from '../../core/analysis/disclosure.js';
import type { Domain } from '../../core/analysis/domain.js';
import type { AnalysisEngine } from '../../core/ports.js';
import { DomainError, errorCodes, type ErrorCode } from '../../core/shared/errors.js';

/** A job sent to the engine's thread. */
export interface EngineJob {
  id: number;
  domain: Domain;
  options: AnalyzeOptions;
  viewer: Viewer;
}

/** The thread's messages: a job has started, or its view, or the error the engine raised. */
export type EngineReply =
  | { id: number; started: true }
  | { id: number; view: AnalysisView }
  | { id: number; error: { code: ErrorCode | null; message: string } };

interface Pending {
  job: EngineJob;
  resolve(view: AnalysisView): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout | null;
}

/**
 * Starts the engine's thread: the compiled .js next to this module, or — when running from the
 * TypeScript sources (tests, `tsx`) — the .ts source through tsx's loader, registered in the thread.
 */
function startWorker(): Worker {
  const source = fileURLToPath(import.meta.url).endsWith('.ts');
  if (!source) return new Worker(new URL('./engine-worker.js', import.meta.url));
  const entry = new URL('./engine-worker.ts', import.meta.url).href;
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true },
  );
}

/** The engine on a worker thread; each job's time limit counts from when the thread starts it. */
export class WorkerEngine implements AnalysisEngine {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly timeLimitMs: number) {}

  analyzeFor(domain: Domain, options: AnalyzeOptions, viewer: Viewer): Promise<AnalysisView> {
    const job: EngineJob = { id: this.nextId++, domain, options, viewer };
    return new Promise<AnalysisView>((resolve, reject) => {
      this.pending.set(job.id, { job, resolve, reject, timer: null });
      this.thread().postMessage(job);
    });
  }

  /** Ends the thread; jobs still waiting fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('The analysis engine was shut down.'));
    await worker?.terminate();
  }

  /** The running thread, or a new one given every job still waiting. */
  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.unref();
    worker.on('message', (reply: EngineReply) => this.receive(reply));
    worker.on('error', (e) => this.crashed(worker, e));
    worker.on('exit', () => this.crashed(worker, new Error('The analysis engine stopped.')));
    this.worker = worker;
    for (const waiting of this.pending.values()) worker.postMessage(waiting.job);
    return worker;
  }

  private receive(reply: EngineReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    if ('started' in reply) {
      waiting.timer = setTimeout(() => this.overrun(reply.id), this.timeLimitMs);
      return;
    }
    this.pending.delete(reply.id);
    if (waiting.timer) clearTimeout(waiting.timer);
    if ('view' in reply) waiting.resolve(reply.view);
    else {
      const code = errorCodes.find((c) => c === reply.error.code);
      waiting.reject(
        code ? new DomainError(code, reply.error.message) : new Error(reply.error.message),
      );
    }
  }

  /** A job outlasted its limit: it fails, the thread ends, the jobs behind it go to a new one. */
  private overrun(id: number): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    const seconds = Number((this.timeLimitMs / 1000).toFixed(1));
    waiting.reject(
      new DomainError(
        'RULE_VIOLATION',
        `The analysis took longer than ${seconds} s and was stopped. Ask for a coarser frontier (a larger ε) or analyse fewer issues at once.`,
      ),
    );
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    if (this.pending.size > 0) this.thread();
  }

  /** The thread failed on its own: every job waiting on it fails. */
  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) {
      if (waiting.timer) clearTimeout(waiting.timer);
      waiting.reject(error);
    }
    this.pending.clear();
  }
}
