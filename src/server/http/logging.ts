/**
 * Parley's logs: Fastify's pino, one JSON object per line, each line of a request carrying its
 * `requestId` (also sent back as the `x-request-id` header, so a person's report of an error can
 * be found in the log). What a line may carry is fixed here, whatever the level, trace included:
 *
 * - a request is logged by its method and its route template (`/api/processes/:processId`),
 *   never its path or query string, which can carry a codename (the web app's paths) or words
 *   searched for; an answer by its status;
 * - an error by its class, its code (SQLSTATE, Fastify's) and its stack frames, never its
 *   message nor its other fields: a database's or a parser's message quotes the data it choked
 *   on (PostgreSQL's `detail`, JSON.parse's excerpt of the text);
 * - no body, header, cookie or token, ever.
 *
 * `http/logs.test.ts` plants canaries in confidential material, passwords and tokens and reads
 * every line written at level trace.
 */
import { randomUUID } from 'node:crypto';
import { LogController, type FastifyServerOptions } from 'fastify';
import { unmatchedRoute } from '../metrics.js';

/** A request as a log line shows it. */
function serializeRequest(request: {
  method?: string;
  routeOptions?: { url?: string };
  id?: string;
}): Record<string, unknown> {
  return { method: request.method, route: request.routeOptions?.url ?? unmatchedRoute };
}

/** An answer as a log line shows it. */
function serializeReply(reply: { statusCode?: number }): Record<string, unknown> {
  return { statusCode: reply.statusCode };
}

/** What a logged error says in place of its message. */
const withheld = 'withheld: an error message may quote data';

/** An error as a log line shows it: what and where, never what it says about the data. */
export function serializeError(error: unknown): {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
} {
  if (!(error instanceof Error)) return { type: typeof error, message: withheld, stack: '' };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.constructor?.name ?? error.name,
    message: withheld,
    ...(typeof code === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(code) ? { code } : {}),
    ...(typeof code === 'number' ? { code } : {}),
    stack: (error.stack ?? '')
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n'),
    ...(error.cause ? { cause: serializeError(error.cause) } : {}),
  };
}

/** Fastify's logger and request-id options for a log level, writing to `stream` if given. */
export function loggerOptions(
  level: string,
  stream?: NodeJS.WritableStream,
): Pick<FastifyServerOptions, 'logger' | 'genReqId' | 'logController' | 'requestIdHeader'> {
  return {
    logger:
      level === 'silent'
        ? false
        : {
            level,
            ...(stream ? { stream } : {}),
            serializers: {
              req: serializeRequest,
              res: serializeReply,
              err: serializeError,
              error: serializeError,
            },
          },
    // Our own id for every request; an id a client sends is not believed (nor logged).
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
  };
}
