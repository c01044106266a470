/**
 * The engine's thread: answers as the engine itself would, keeps the request's thread free while
 * it works, and stops a job that outlasts the time limit with a clear error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeDomain } from '../../../bench/analysis-domains.js';
import { analyze } from '../../core/analysis/analyze.js';
import { viewFor, type Viewer } from '../../core/analysis/disclosure.js';
import { DomainError } from '../../core/shared/errors.js';
import { WorkerEngine } from './engine.js';

const mediator: Viewer = { kind: 'mediator', sharedParties: ['party-0', 'party-1'] };
const small = makeDomain({ parties: 3, issues: 5, options: 4, adversarial: false, seed: 7 });
// Several seconds of exact search on this machine (bench/RESULTS.md: 6 parties × 20 × 10).
const large = makeDomain({ parties: 6, issues: 20, options: 10, adversarial: true, seed: 20 });

describe('the engine on its own thread', () => {
  const engines: WorkerEngine[] = [];
  const engine = (limitMs = 60_000) => {
    const e = new WorkerEngine(limitMs);
    engines.push(e);
    return e;
  };
  afterEach(async () => {
    for (const e of engines.splice(0)) await e.close();
  });

  it('answers exactly what the engine answers in the request thread', async () => {
    const view = await engine().analyzeFor(small, {}, mediator);
    expect(view).toEqual(viewFor(analyze(small), mediator));
  });

  it('keeps the request thread free while a large agenda is analysed', async () => {
    const e = engine(400);
    const started = Date.now();
    const job = e.analyzeFor(large, {}, mediator).catch((err: unknown) => err);
    // Timers keep firing on this thread while the engine works on its own.
    const gaps: number[] = [];
    let last = Date.now();
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const now = Date.now();
        gaps.push(now - last);
        last = now;
        if (now - started > 300) {
          clearInterval(tick);
          resolve();
        }
      }, 10);
    });
    expect(Math.max(...gaps)).toBeLessThan(150);
    const outcome = await job;
    // It outlasted the 400 ms limit: stopped, with the way out in words.
    expect(outcome).toBeInstanceOf(DomainError);
    expect((outcome as DomainError).code).toBe('RULE_VIOLATION');
    expect((outcome as DomainError).message).toMatch(/took longer than .* larger ε/);
    // The next job gets a fresh thread.
    expect(await e.analyzeFor(small, {}, mediator)).toEqual(viewFor(analyze(small), mediator));
  });

  it('passes the engine’s own refusals on with their code', async () => {
    const refused = await engine()
      .analyzeFor(small, { proposal: { 'issue-0': 'no-such-option' } }, mediator)
      .catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('RULE_VIOLATION');
  });
});
