import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/shared/errors.js';
import type { AnalysisEngine } from '../core/ports.js';
import { Metrics } from './metrics.js';

const sample = (text: string, line: string) =>
  Number(
    text
      .split('\n')
      .find((l) => l.startsWith(`${line} `))
      ?.split(' ')[1],
  );

describe('the metrics recorders', () => {
  it('records group-commit batches: how many transactions shared a commit, and its fsync time', async () => {
    const m = new Metrics({ processMetrics: false });
    m.recordCommitBatch(1, 0.0002);
    m.recordCommitBatch(40, 0.003);
    const text = await m.render();
    expect(sample(text, 'parley_commit_batch_size_count')).toBe(2);
    expect(sample(text, 'parley_commit_batch_size_sum')).toBe(41);
    expect(sample(text, 'parley_commit_batch_size_bucket{le="32"}')).toBe(1);
    expect(sample(text, 'parley_commit_fsync_seconds_bucket{le="0.00025"}')).toBe(1);
    expect(sample(text, 'parley_commit_fsync_seconds_sum')).toBeCloseTo(0.0032);
  });

  it('counts and times engine jobs by kind of viewer and outcome, passing answers and errors on', async () => {
    const m = new Metrics({ processMetrics: false });
    let next: 'ok' | 'refused' | 'failed' = 'ok';
    const fake: AnalysisEngine = {
      analyzeFor: async () => {
        if (next === 'refused') throw new DomainError('RULE_VIOLATION', 'too large');
        if (next === 'failed') throw new Error('the thread stopped');
        return { fake: true } as never;
      },
    };
    const engine = m.timedEngine(fake);
    const viewer = { kind: 'publication' } as never;
    await expect(engine.analyzeFor({} as never, {}, viewer)).resolves.toEqual({ fake: true });
    next = 'refused';
    await expect(engine.analyzeFor({} as never, {}, viewer)).rejects.toThrow('too large');
    next = 'failed';
    await expect(engine.analyzeFor({} as never, {}, viewer)).rejects.toThrow('stopped');
    const text = await m.render();
    for (const outcome of ['ok', 'refused', 'failed'])
      expect(
        sample(text, `parley_engine_jobs_total{viewer="publication",outcome="${outcome}"}`),
      ).toBe(1);
    expect(sample(text, 'parley_engine_job_duration_seconds_count{viewer="publication"}')).toBe(3);
  });

  it('keeps the open live sockets and counts messages sent', async () => {
    const m = new Metrics({ processMetrics: false });
    m.liveSocketOpened();
    m.liveSocketOpened();
    m.liveMessageSent();
    m.liveSocketClosed();
    const text = await m.render();
    expect(sample(text, 'parley_live_sockets_open')).toBe(1);
    expect(sample(text, 'parley_live_messages_sent_total')).toBe(1);
  });

  it('reads the database pools at every scrape', async () => {
    const m = new Metrics({ processMetrics: false });
    const pool = { totalCount: 3, idleCount: 1, waitingCount: 0 };
    m.observePool('main', pool);
    expect(sample(await m.render(), 'parley_db_pool_connections{pool="main"}')).toBe(3);
    pool.waitingCount = 5;
    expect(sample(await m.render(), 'parley_db_pool_waiting{pool="main"}')).toBe(5);
  });

  it('counts a request with an unknown method or no route without naming either', async () => {
    const m = new Metrics({ processMetrics: false });
    m.recordRequest('BREW', undefined, 404, 0.001);
    expect(
      sample(
        await m.render(),
        'parley_http_requests_total{method="other",route="unmatched",status="404"}',
      ),
    ).toBe(1);
  });
});
