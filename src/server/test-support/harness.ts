/** A fresh Parley for a test: migrated database, optional demo, the app ready for inject(). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Clock, Ids } from '../../core/ports.js';
import { loadConfig } from '../config.js';
import { buildApp } from '../http/app.js';
import { startRuntime, type Runtime } from '../runtime.js';
import { seedDemo, type DemoData, type DemoRoleKey } from '../demo/seed.js';
import type { TestDatabase } from './databases.js';

/** A signed-in browser session for requests. */
export interface Session {
  cookie: string;
  csrf: string;
}

/** A running test instance. */
export interface TestParley {
  app: FastifyInstance;
  runtime: Runtime;
  demo: DemoData;
  /** Signs in a demo role (cached). */
  session(key: DemoRoleKey): Promise<Session>;
  /** Signs in with any credentials, uncached. */
  signIn(email: string, password: string): Promise<Session>;
  /** Listens on a free loopback port (for WebSocket tests); returns host:port. */
  listen(): Promise<string>;
  /** inject() with a session's cookie and CSRF header. */
  as(session: Session | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
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
  options: { clock?: Clock; live?: boolean; ids?: Ids } = {},
): Promise<TestParley> {
  const fresh = await target.fresh();
  const config = loadConfig({
    PARLEY_DATABASE_URL: target.url,
    PARLEY_LOG_LEVEL: 'silent',
    PARLEY_DATA_DIR: mkdtempSync(join(tmpdir(), 'parley-test-')),
  });
  const runtime = await startRuntime(config, {
    clock: options.clock,
    webRoot: null,
    schema: fresh.schema,
    live: options.live,
    ids: options.ids,
  });
  const demo = await seedDemo(runtime.deps);
  const app = await buildApp(runtime.deps);
  await runtime.deps.live?.start();
  const sessions = new Map<DemoRoleKey, Session>();

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

  return {
    app,
    runtime,
    demo,
    signIn,
    async session(key) {
      const cached = sessions.get(key);
      if (cached) return cached;
      const account = demo.accounts.find((a) => a.key === key);
      if (!account) throw new Error(`no demo account ${key}`);
      const s = await signIn(account.email, account.password);
      sessions.set(key, s);
      return s;
    },
    async listen() {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      if (!address || typeof address === 'string') throw new Error('no address');
      return `127.0.0.1:${address.port}`;
    },
    as(session, options) {
      const headers: Record<string, string> = {
        ...(options.headers as Record<string, string> | undefined),
      };
      if (session) {
        headers.cookie = session.cookie;
        headers['x-csrf-token'] = session.csrf;
      }
      return app.inject({ ...options, headers });
    },
    async close() {
      await app.close();
      await runtime.close();
      await fresh.drop();
    },
  };
}
