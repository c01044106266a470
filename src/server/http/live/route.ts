/**
 * GET /api/live: the WebSocket of live updates. It authenticates with the session cookie (or a
 * bearer token), refuses cross-origin handshakes, and hands the socket to the hub, which filters
 * every event through the access policy. Clients may send {"type":"ping"}; anything else gets an
 * error message and changes nothing.
 */
import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authenticated } from '../../../core/usecases/accounts/authenticate.js';
import { errorBody } from '../errors.js';
import type { LiveHub } from '../../realtime/hub.js';
import type { Metrics } from '../../metrics.js';

/** Bytes a socket may have waiting to be sent before it is closed as too slow. */
const maxBufferedBytes = 1 << 20;

/**
 * Whether an Origin header names the host the handshake was sent to. An Origin that is not a URL
 * (`null` from a sandboxed frame or a file, or garbage) is no origin we serve: refused like a
 * foreign one, not thrown as an error.
 */
function isSameHost(origin: string, host: string | undefined): boolean {
  if (!URL.canParse(origin)) return false;
  return new URL(origin).host === host;
}

/** Registers the live-updates WebSocket. */
export async function registerLive(
  app: FastifyInstance,
  hub: LiveHub,
  resolveCaller: (request: FastifyRequest) => Promise<Authenticated | null>,
  metrics: Metrics,
): Promise<void> {
  await app.register(fastifyWebsocket, { options: { maxPayload: 4096 } });
  const callers = new WeakMap<FastifyRequest, Authenticated>();
  app.addHook('onClose', async () => hub.stop());
  hub.onError = (error) =>
    app.log.error({ err: error }, 'live updates: a look at the audit log failed');
  app.get(
    '/api/live',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        const origin = request.headers.origin;
        if (origin !== undefined && !isSameHost(origin, request.headers.host))
          return reply
            .status(403)
            .send(errorBody('FORBIDDEN', 'Cross-origin WebSocket handshakes are refused.'));
        const auth = await resolveCaller(request).catch(() => null);
        if (!auth) return reply.status(401).send(errorBody('UNAUTHENTICATED', 'Sign in first.'));
        callers.set(request, auth);
      },
    },
    (socket, request) => {
      const auth = callers.get(request);
      if (!auth) {
        socket.close(4401, 'unauthenticated');
        return;
      }
      const remove = hub.add({
        actor: auth.actor,
        credential: auth.session
          ? { type: 'session', id: auth.session.id, expiresAt: auth.session.expiresAt }
          : { type: 'token', id: auth.tokenId ?? '' },
        // The hub encodes each message once for every socket it goes to; it is JSON, a text frame.
        // A client that stops reading is let go rather than buffered for without end: it
        // reconnects and re-reads.
        send: (json) => {
          if (socket.bufferedAmount > maxBufferedBytes) socket.close(1013, 'too far behind');
          else {
            socket.send(json, { binary: false });
            metrics.liveMessageSent();
          }
        },
        close: (code, reason) => socket.close(code, reason),
      });
      socket.on('message', (raw) => {
        let message: unknown;
        try {
          message = JSON.parse(String(raw));
        } catch {
          message = null;
        }
        if (
          message !== null &&
          typeof message === 'object' &&
          (message as { type?: unknown }).type === 'ping'
        )
          socket.send(JSON.stringify({ type: 'pong' }));
        else
          socket.send(
            JSON.stringify({
              type: 'error',
              ...errorBody('INVALID_INPUT', 'The only message a client sends is {"type":"ping"}.'),
            }),
          );
      });
      metrics.liveSocketOpened();
      socket.on('close', () => {
        metrics.liveSocketClosed();
        remove();
      });
    },
  );
}
