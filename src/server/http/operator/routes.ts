/**
 * The operator's routes. `GET /metrics` answers the operator's metrics token only (or, without a
 * token, on the metrics listen address: `metrics-server.ts`); to everyone else, members signed in
 * included, it answers exactly like a route that does not exist.
 */
import { metricsResponse } from '../../../contract/operator.js';
import { route } from '../route.js';

export const operatorRoutes = [
  route({
    method: 'GET',
    url: '/metrics',
    summary:
      "Prometheus metrics (the operator's metrics token only): requests, live sockets, engine jobs, commits, the database pool.",
    tag: 'operator',
    auth: 'operator',
    response: metricsResponse,
    handler: async ({ deps, reply }) => {
      void reply.header('content-type', deps.metrics.contentType);
      return deps.metrics.render();
    },
  }),
];
