/**
 * Group commit: the transactions of requests that arrive together share one database transaction
 * and one commit (one fsync on SQLite, one WAL flush on PostgreSQL), and each is answered only
 * once that commit has returned.
 *
 * - A caller hands in its work (`run(fn)`); the work waits in a queue. The queue is taken as one
 *   batch at the next turn of the event loop, so every request whose bytes arrived in the same
 *   turn joins it; work queued while a batch runs goes into the next one.
 * - A batch is one transaction. Each piece of work runs in it, one after the other in queue order,
 *   inside a savepoint of its own: it sees everything the work before it wrote, exactly as if the
 *   transactions had run one after the other. A batch of one needs no savepoint.
 * - Work that throws is rolled back to its savepoint, alone, and its caller gets its error at once:
 *   nothing it wrote stays in the batch, and the others carry on.
 * - After the last piece, `beforeCommit` (if given) runs once with the results of the work that
 *   succeeded, in queue order: the unit of work appends all their audit entries there, under one
 *   lock of the log's head held only until the commit. Then one COMMIT. Only when it has returned
 *   (the WAL is on disk) are the callers answered with their results. If the commit,
 *   `beforeCommit` or undoing a savepoint fails, the whole batch is rolled back: the work that had
 *   already run gets that error (none of it was written, as with a failed commit of its own), the
 *   work not yet run goes back to the head of the queue.
 * - `concurrency` batches may run at once, each a transaction on a connection of its own
 *   (PostgreSQL's pool): one batch's round trips and lock waits need not hold up the next. SQLite
 *   has one connection, and one batch at a time (the default).
 *
 * So each caller's transaction stays all-or-nothing and its result is durable before it is seen;
 * what is shared is only the cost of the commit.
 */
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

/** What one group commit did, for an operator's metrics. */
export interface CommitBatch {
  /** How many transactions the batch held (committed and rolled back ones alike). */
  size: number;
  /** How many of them threw and were rolled back alone. */
  failed: number;
  /** Seconds the COMMIT took: the fsync (SQLite) or the WAL flush and its round trip (PostgreSQL). */
  fsyncSeconds: number;
}

/**
 * Called after each batch has committed; it must not throw (what it throws is ignored). A batch of
 * one transaction that threw is rolled back, not committed, and not reported.
 */
export type CommitBatchObserver = (batch: CommitBatch) => void;

/** Runs transactions in shared commits; `R` is what every transaction answers. */
export interface GroupCommit<R = unknown> {
  /** Runs fn in a savepoint of the next batch; settles once the batch has committed. */
  run<T extends R>(fn: (trx: Kysely<DB>) => Promise<T>): Promise<T>;
}

/** How a group commit runs its batches. */
export interface GroupCommitOptions<R> {
  /** At most this many transactions in one batch (default 128). */
  maxBatch?: number;
  /** At most this many batches at once, each on a connection of its own (default 1). */
  concurrency?: number;
  /** Hears of every committed batch. */
  onBatch?: CommitBatchObserver;
  /**
   * Runs once in each batch, after all its work and before its COMMIT, with the results of the
   * transactions that succeeded, in queue order (none of them is answered yet). What it throws
   * breaks the batch: every transaction in it gets the error, and nothing is written.
   */
  beforeCommit?: (trx: Kysely<DB>, results: R[]) => Promise<void>;
}

/** One caller's transaction, waiting for its batch. */
interface Job {
  fn: (trx: Kysely<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** A batch holds at most this many transactions, so one answer never waits behind too many. */
const defaultMaxBatch = 128;

/** Group commit over a Kysely database (SQLite or PostgreSQL: both have savepoints). */
export function groupCommit<R = unknown>(
  db: Kysely<DB>,
  options: GroupCommitOptions<R> = {},
): GroupCommit<R> {
  const maxBatch = options.maxBatch ?? defaultMaxBatch;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const queue: Job[] = [];
  let scheduled = false;
  let running = 0;

  const schedule = () => {
    if (scheduled || running >= concurrency || queue.length === 0) return;
    scheduled = true;
    // setImmediate, not a microtask: the requests whose bytes arrived in this turn of the event
    // loop reach their transactions first, and join the batch.
    setImmediate(() => {
      scheduled = false;
      // One batch takes everything queued (up to maxBatch); another starts only for the rest.
      while (running < concurrency && queue.length > 0) {
        running++;
        void runBatch(queue.splice(0, maxBatch)).finally(() => {
          running--;
          schedule();
        });
      }
    });
  };

  const runBatch = async (jobs: Job[]): Promise<void> => {
    const done: Array<{ job: Job; value: unknown }> = [];
    let failed = 0;
    let trx;
    try {
      trx = await db.startTransaction().execute();
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    // A transaction alone in its batch needs no savepoint: if it throws, the whole batch is undone.
    // That saves two statements (two round trips on PostgreSQL) for every lone request.
    const alone = jobs.length === 1;
    let index = 0;
    try {
      for (; index < jobs.length; index++) {
        const job = jobs[index] as Job;
        if (!alone) await sql`savepoint parley_txn`.execute(trx);
        let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
        try {
          outcome = { ok: true, value: await job.fn(trx) };
        } catch (error) {
          outcome = { ok: false, error };
        }
        if (outcome.ok) {
          if (!alone) await sql`release savepoint parley_txn`.execute(trx);
          done.push({ job, value: outcome.value });
        } else if (alone) {
          try {
            await trx.rollback().execute();
          } catch {
            // Whatever the rollback says, nothing was committed, and the caller gets its own error.
          }
          job.reject(outcome.error);
          return;
        } else {
          // Undo this transaction alone; if even that fails, the batch is lost (caught below).
          failed++;
          await sql`rollback to savepoint parley_txn`.execute(trx);
          await sql`release savepoint parley_txn`.execute(trx);
          job.reject(outcome.error);
        }
      }
      if (options.beforeCommit && done.length > 0)
        await options.beforeCommit(
          trx,
          done.map((d) => d.value as R),
        );
      const started = performance.now();
      await trx.commit().execute();
      const fsyncSeconds = (performance.now() - started) / 1000;
      for (const { job, value } of done) job.resolve(value);
      try {
        options.onBatch?.({ size: jobs.length, failed, fsyncSeconds });
      } catch {
        // An observer's fault must not turn a durable commit into an error.
      }
    } catch (error) {
      try {
        await trx.rollback().execute();
      } catch {
        // The engine may already have rolled the transaction back (PostgreSQL does when its COMMIT
        // fails, SQLite on some errors).
      }
      // Every transaction that ran (and the one running when the batch broke) gets the error: none
      // of it was written. A promise settles once, so one that threw on its own keeps its own
      // error. Those that never ran wait for the next batch, first in line.
      for (const job of jobs.slice(0, index + 1)) job.reject(error);
      queue.unshift(...jobs.slice(index + 1));
    }
  };

  return {
    run: <T extends R>(fn: (trx: Kysely<DB>) => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      }),
  };
}
