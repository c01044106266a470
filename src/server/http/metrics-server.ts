/**
 * The metrics listen address (PARLEY_METRICS_LISTEN): a server of its own that answers
 * `GET /metrics` and nothing else, without a token — whoever can reach the address may scrape it,
 * so bind it to an interface only the monitoring reaches. It serves none of the API, the web app
 * or the live updates, so a member who reaches it learns only what the metrics say, and they
 * carry no id nor any confidential value (metrics.ts).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppDeps } from './deps.js';
import { errorBody } from './errors.js';

/** Builds the metrics server; does not listen. */
export async function buildMetricsApp(deps: Pick<AppDeps, 'metrics'>): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get('/metrics', async (_request, reply) =>
    reply.type(deps.metrics.contentType).send(await deps.metrics.render()),
  );
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send(errorBody('NOT_FOUND', 'Only GET /metrics is served here.')),
  );
  return app;
}
