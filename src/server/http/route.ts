/**
 * The route table's building block. A route validates its params, query and body with zod, calls
 * one use case, presents the result, and declares its response schema: the answer is parsed
 * through it, so a field that is not in the contract cannot leave the server.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Authenticated } from '../../core/usecases/accounts/authenticate.js';
import type { Actor } from '../../core/access/policy.js';
import type { Config } from '../config.js';
import { asId, type ProcessId } from '../../core/shared/ids.js';
import type { AppDeps } from './deps.js';

/** T with every array and object read-only, so domain objects with readonly arrays can be answered. */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** HTTP methods the API uses. */
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Who may call a route at all: anyone, anyone (with the caller if signed in), signed-in only (a
 * session cookie or an API token), or signed in with a session cookie only — the routes that
 * manage sign-in methods and API tokens, so that a leaked token cannot add or remove them — or
 * the operator alone (`GET /metrics`): the metrics token, which is no account's, and to anyone
 * else, a member's session or API token included, the answer of a route that does not exist.
 */
export type AuthMode = 'none' | 'optional' | 'required' | 'session' | 'operator';

/** The modes whose handlers always have a caller. */
type SignedIn = 'required' | 'session';

/** What a handler receives. */
export interface HandlerContext<P, Q, B, A extends AuthMode> {
  params: P;
  query: Q;
  body: B;
  /** The caller; present when auth is 'required' or 'session', maybe when 'optional'. */
  auth: A extends SignedIn ? Authenticated : Authenticated | null;
  /** Shortcut to auth.actor. */
  actor: A extends SignedIn ? Actor : Actor | null;
  deps: AppDeps;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** One route of the API. */
export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  A extends AuthMode = AuthMode,
> {
  method: Method;
  /** Path with `:param` segments. */
  url: string;
  /** One line for the OpenAPI document. */
  summary: string;
  /** OpenAPI tag. */
  tag: string;
  auth: A;
  params?: P;
  query?: Q;
  body?: B;
  /** The success answer's schema. */
  response: R;
  /** Success status (200 unless stated). */
  status?: number;
  /**
   * Largest request body in bytes, for routes that take files (1 MiB unless stated); a function
   * of the configuration where the limit is configured.
   */
  bodyLimit?: number | ((config: Readonly<Config>) => number);
  handler: (
    ctx: HandlerContext<z.output<P>, z.output<Q>, z.output<B>, A>,
  ) => Promise<DeepReadonly<z.input<R>>>;
}

/** Defines a route with its types inferred from its schemas. */
export function route<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
  A extends AuthMode,
>(def: RouteDef<P, Q, B, R, A>): RouteDef {
  return def as unknown as RouteDef;
}

/** The process named in a route's path (`:processId`). */
export const processIdOf = (params: { processId: string }): ProcessId => asId(params.processId);
