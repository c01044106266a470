/**
 * The decision-support engine's thread: analyses one domain at a time and answers with the view
 * the requesting viewer may see (the disclosure rules run here too, so the full result, with every
 * party's numbers, never crosses back to the request's thread).
 */
import { parentPort } from 'node:worker_threads';
import { analyze } from '../../core/analysis/analyze.js';
import { viewFor } from '../../core/analysis/disclosure.js';
import { DomainError } from '../../core/shared/errors.js';
import type { EngineJob, EngineReply } from './engine.js';

parentPort?.on('message', (job: EngineJob) => {
  parentPort?.postMessage({ id: job.id, started: true } satisfies EngineReply);
  let reply: EngineReply;
  try {
    reply = { id: job.id, view: viewFor(analyze(job.domain, job.options), job.viewer) };
  } catch (e) {
    reply =
      e instanceof DomainError
        ? { id: job.id, error: { code: e.code, message: e.message } }
        : {
            id: job.id,
            error: { code: null, message: e instanceof Error ? e.message : String(e) },
          };
  }
  parentPort?.postMessage(reply);
});
