/**
 * buildApp: the Fastify application from its dependencies. It never listens; main.ts does, and
 * tests use app.inject(). Every route comes from the route table and passes through the same
 * authentication, CSRF check, validation and response schema.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { DomainError } from '../../core/shared/errors.js';
import { findUnacceptedText } from '../../contract/accepted-text.js';
import { authenticate, type Authenticated } from '../../core/usecases/accounts/authenticate.js';
import type { AppDeps } from './deps.js';
import { errorBody, handleError, RequestShapeError } from './errors.js';
import { openApiDocument } from './openapi.js';
import type { RouteDef } from './route.js';
import { routeTable } from './route-table.js';
import { sessionTokenOf } from './session-cookie.js';
import { registerLive } from './live/route.js';
import { loggerOptions } from './logging.js';

/** The Content-Security-Policy of every answer: nothing but our own scripts and styles. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** The security headers of every answer (with its `x-request-id`), built once. */
const securityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
} as const;

/** What an API token is told on a route that only a signed-in browser session may call. */
export const sessionOnlyMessage =
  'Sign-in methods and API tokens are managed from a signed-in session in the web app, not with an API token.';

async function resolveCaller(
  deps: AppDeps,
  request: FastifyRequest,
): Promise<Authenticated | null> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const auth = await authenticate(deps, { type: 'token', token: header.slice(7).trim() });
    if (!auth)
      throw new DomainError('UNAUTHENTICATED', 'The API token is not valid or was revoked.');
    return auth;
  }
  const cookie = sessionTokenOf(request, deps.config);
  return cookie ? ((await authenticate(deps, { type: 'session', token: cookie })) ?? null) : null;
}

/** Whether a request carries the operator's metrics token (compared in constant time). */
function isOperator(deps: AppDeps, request: FastifyRequest): boolean {
  const token = deps.config.metricsToken;
  const header = request.headers.authorization;
  if (!token || !header?.startsWith('Bearer ')) return false;
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(header.slice(7).trim()), digest(token));
}

/**
 * What text Parley accepts is decided once, here, for every route (`contract/accepted-text.ts`):
 * a NUL or other control character, or a lone surrogate, anywhere in the path parameters, the
 * query string or the JSON body answers 400 naming the field, before any use case sees it.
 */
function refuseUnacceptedText(request: FastifyRequest): void {
  for (const [where, value] of [
    ['params', request.params],
    ['query', request.query],
    ['body', request.body],
  ] as const) {
    const found = findUnacceptedText(value, where);
    if (found)
      throw new DomainError('INVALID_INPUT', `Invalid request: ${found.path} ${found.message}.`, {
        issues: [{ path: found.path, message: found.message }],
      });
  }
}

function parse<T>(
  schema:
    | {
        safeParse(
          v: unknown,
        ): { success: true; data: T } | { success: false; error: import('zod').ZodError };
      }
    | undefined,
  value: unknown,
  where: 'params' | 'query' | 'body',
): T | undefined {
  if (!schema) return undefined;
  const r = schema.safeParse(value);
  if (!r.success) throw new RequestShapeError(where, r.error);
  return r.data;
}

function register(app: FastifyInstance, deps: AppDeps, def: RouteDef): void {
  app.route({
    method: def.method,
    url: def.url,
    ...(def.bodyLimit === undefined
      ? {}
      : {
          bodyLimit: typeof def.bodyLimit === 'number' ? def.bodyLimit : def.bodyLimit(deps.config),
        }),
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      // The operator's routes exist for the operator's token only: no session is even looked at.
      if (def.auth === 'operator' && !isOperator(deps, request)) return reply.callNotFound();
      const auth =
        def.auth === 'none' || def.auth === 'operator' ? null : await resolveCaller(deps, request);
      if ((def.auth === 'required' || def.auth === 'session') && !auth)
        throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
      // Sign-in methods and tokens are managed only from a browser session, so that a leaked API
      // token cannot register its holder's passkey, remove passkeys, turn TOTP off or mint tokens.
      if (def.auth === 'session' && !auth?.session)
        throw new DomainError('FORBIDDEN', sessionOnlyMessage);
      // A browser session's writes must echo the session's CSRF token; bearer tokens are not ambient.
      if (
        auth?.session &&
        def.method !== 'GET' &&
        request.headers['x-csrf-token'] !== auth.session.csrfToken
      )
        throw new DomainError(
          'CSRF_REJECTED',
          'Missing or wrong x-csrf-token header for this session.',
        );
      const params = parse(def.params, request.params, 'params');
      const query = parse(def.query, request.query, 'query');
      // A route that takes no body takes none that is not JSON either: text sent to it is a
      // mistake to answer, not to ignore (a JSON body, `{}` from the web app, is ignored).
      if (!def.body && typeof request.body === 'string' && request.body !== '')
        throw new DomainError('INVALID_INPUT', 'This request takes no body.', { field: 'body' });
      const body = parse(def.body, request.body, 'body');
      const result = await def.handler({
        params,
        query,
        body,
        auth,
        actor: auth?.actor ?? null,
        deps,
        request,
        reply,
      } as never);
      return reply.status(def.status ?? 200).send(def.response.parse(result));
    },
  });
}

/** Builds the application; does not listen. `logStream`: where log lines go (default stdout). */
export async function buildApp(
  deps: AppDeps,
  options: { logStream?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    ...loggerOptions(deps.config.logLevel, options.logStream),
    bodyLimit: 1024 * 1024,
    // X-Forwarded-For is believed only from the configured proxies; else the peer is the client.
    trustProxy: deps.config.trustedProxies.length > 0 ? [...deps.config.trustedProxies] : false,
  });
  await app.register(fastifyCookie);
  app.setErrorHandler(handleError);

  // The hooks below are synchronous (callback style): an async hook costs every request a promise
  // and a microtask hop, for work that never waits.
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.headers(securityHeaders);
    void reply.header('x-request-id', request.id);
    // API answers are not cached, unless a route says otherwise (the public accountability page).
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    try {
      refuseUnacceptedText(request);
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  });
  // Counted by route template, never by path (metrics.ts).
  app.addHook('onResponse', (request, reply, done) => {
    deps.metrics.recordRequest(
      request.method,
      request.routeOptions.url,
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });

  for (const def of routeTable) register(app, deps, def);

  if (deps.live) {
    const hub = deps.live;
    await registerLive(app, hub, (request) => resolveCaller(deps, request), deps.metrics);
  }

  // Built and serialized once: the document is large, and the route table does not change.
  const document = JSON.stringify(openApiDocument(routeTable, '0.1.0'));
  app.get('/api/openapi.json', async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(document),
  );
  app.get('/api/health', async () => ({ ok: true }));

  const webRoot = deps.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    // The build writes a brotli and a gzip copy beside each text asset (vite.config.ts): they are
    // sent to browsers that accept them, so the app's JavaScript travels compressed without
    // compressing on every request.
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      setHeaders: (res) => res.setHeader('vary', 'Accept-Encoding'),
    });
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/'))
        return reply.type('text/html').sendFile('index.html');
      return reply
        .status(404)
        .send(errorBody('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`));
    });
  } else {
    app.setNotFoundHandler((request, reply) =>
      reply
        .status(404)
        .send(errorBody('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`)),
    );
  }
  return app;
}

/** The routes of the table, for the matrix test and the CLI. */
export { routeTable };
