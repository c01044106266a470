/** A fresh Parley for a test: migrated database, optional demo, the app ready for inject(). */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Clock, FeedReader, Ids } from '../../core/ports.js';
import { loadConfig } from '../config.js';
import { buildApp } from '../http/app.js';
import { startRuntime, type Runtime } from '../runtime.js';
import { seedDemo, type DemoData, type DemoRoleKey } from '../demo/seed.js';
import type { CommitBatchObserver } from '../db/group-commit.js';
import type { TestDatabase } from './databases.js';

/** A signed-in browser session for requests. */
export interface Session {
  cookie: string;
  csrf: string;
}

/** An HTTP method a test sends. */
export type Method = NonNullable<InjectOptions['method']>;

/** A running test instance. */
export interface TestParley {
  app: FastifyInstance;
  runtime: Runtime;
  demo: DemoData;
  /** Signs in a demo role (cached). */
  session(key: DemoRoleKey): Promise<Session>;
  /** Signs in with any credentials, uncached. */
  signIn(email: string, password: string): Promise<Session>;
  /** Listens on a free loopback port (WebSocket tests, browser journeys); returns host:port. */
  listen(): Promise<string>;
  /** inject() with a session's cookie and CSRF header. */
  as(session: Session | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** inject() as a demo role, signed in once. */
  request(
    key: DemoRoleKey,
    method: Method,
    url: string,
    payload?: InjectOptions['payload'],
  ): Promise<LightMyRequestResponse>;
  /** GET as a demo role. */
  get(key: DemoRoleKey, url: string): Promise<LightMyRequestResponse>;
  /** POST as a demo role. */
  post(
    key: DemoRoleKey,
    url: string,
    payload?: InjectOptions['payload'],
  ): Promise<LightMyRequestResponse>;
  /** Stops the app and the runtime and drops the database; a second call does nothing. */
  close(): Promise<void>;
}

/** How a test Parley starts. */
export interface TestParleyOptions {
  /** The clock the runtime reads (default: the system clock). */
  clock?: Clock;
  /** Serve live updates (the hub and the WebSocket route). */
  live?: boolean;
  /** A built web app to serve beside the API (default: the API only). */
  webRoot?: string;
  /**
   * Be addressed as http://localhost:PORT, configured as the public URL, with PORT chosen now and
   * listened on by listen(): browsers accept passkeys for the relying party "localhost", never for
   * an IP address.
   */
  localhost?: boolean;
  /** More configuration, as environment variables (e.g. PARLEY_TRUSTED_PROXIES). */
  env?: Record<string, string>;
  /** The ids the runtime draws (default: random): differential runs draw them from a counter. */
  ids?: Ids;
  /** How feeds are fetched (default: over HTTP with the server's limits). */
  feeds?: FeedReader;
  /** Hears of every group commit of the runtime's unit of work. */
  onCommitBatch?: CommitBatchObserver;
}

/** A TCP port free on the loopback interface right now. */
async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** A clock the test can move. */
export function testClock(
  start = new Date('2026-11-27T09:00:00Z'),
): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

/** Starts Parley on a fresh database with the demo seeded. */
export async function startTestParley(
  target: TestDatabase,
  options: TestParleyOptions = {},
): Promise<TestParley> {
  const fresh = await target.fresh();
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-test-'));
  const port = options.localhost ? await freePort() : 0;
  const config = loadConfig({
    PARLEY_DATABASE_URL: target.url,
    PARLEY_LOG_LEVEL: 'silent',
    PARLEY_DATA_DIR: dataDir,
    ...(options.localhost ? { PARLEY_PUBLIC_URL: `http://localhost:${port}` } : {}),
    ...options.env,
  });
  const runtime = await startRuntime(config, {
    clock: options.clock,
    webRoot: options.webRoot ?? null,
    schema: fresh.schema,
    live: options.live,
    ids: options.ids,
    feeds: options.feeds,
    onCommitBatch: options.onCommitBatch,
  });
  const demo = await seedDemo(runtime.deps);
  const app = await buildApp(runtime.deps);
  await runtime.deps.live?.start();
  const sessions = new Map<DemoRoleKey, Session>();
  let closed: Promise<void> | undefined;

  async function signIn(email: string, password: string): Promise<Session> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email, password },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name.endsWith('parley_session'));
    if (!cookie) throw new Error('no session cookie');
    return {
      cookie: `${cookie.name}=${cookie.value}`,
      csrf: (res.json() as { csrfToken: string }).csrfToken,
    };
  }

  async function session(key: DemoRoleKey): Promise<Session> {
    const cached = sessions.get(key);
    if (cached) return cached;
    const account = demo.accounts.find((a) => a.key === key);
    if (!account) throw new Error(`no demo account ${key}`);
    const s = await signIn(account.email, account.password);
    sessions.set(key, s);
    return s;
  }

  function as(session: Session | null, options: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {
      ...(options.headers as Record<string, string> | undefined),
    };
    if (session) {
      headers.cookie = session.cookie;
      headers['x-csrf-token'] = session.csrf;
    }
    return app.inject({ ...options, headers });
  }

  async function request(
    key: DemoRoleKey,
    method: Method,
    url: string,
    payload?: InjectOptions['payload'],
  ): Promise<LightMyRequestResponse> {
    return as(await session(key), { method, url, payload });
  }

  return {
    app,
    runtime,
    demo,
    signIn,
    session,
    async listen() {
      await app.listen({ port, host: '127.0.0.1' });
      const address = app.server.address();
      if (!address || typeof address === 'string') throw new Error('no address');
      return `${options.localhost ? 'localhost' : '127.0.0.1'}:${address.port}`;
    },
    as,
    request,
    get: (key, url) => request(key, 'GET', url),
    post: (key, url, payload) => request(key, 'POST', url, payload),
    close() {
      closed ??= (async () => {
        await app.close();
        await runtime.close();
        await fresh.drop();
        rmSync(dataDir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}

/**
 * A fresh Parley for the enclosing `describe` block: started in its `beforeAll`, closed in its
 * `afterAll`. The handle may be used from hooks and tests only; hooks registered after this call
 * run after the start and before the close. Inside `describe.each(await testDatabases())` each
 * database gets its own block and its own Parley.
 */
export function useParley(target: TestDatabase, options: TestParleyOptions = {}): TestParley {
  let started: TestParley | undefined;
  beforeAll(async () => {
    started = await startTestParley(target, options);
  });
  afterAll(async () => started?.close());
  const p = (): TestParley => {
    if (!started)
      throw new Error('The test Parley starts in beforeAll: use it in hooks and tests.');
    return started;
  };
  return {
    get app() {
      return p().app;
    },
    get runtime() {
      return p().runtime;
    },
    get demo() {
      return p().demo;
    },
    session: (key) => p().session(key),
    signIn: (email, password) => p().signIn(email, password),
    listen: () => p().listen(),
    as: (session, options) => p().as(session, options),
    request: (key, method, url, payload) => p().request(key, method, url, payload),
    get: (key, url) => p().get(key, url),
    post: (key, url, payload) => p().post(key, url, payload),
    close: () => p().close(),
  };
}
