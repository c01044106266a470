/**
 * A session resolved once is reused from memory while the user's sign-in version stays the same;
 * every change to what it was resolved from ends the reuse at the next request: a sign-out, a
 * reset of the sign-in (new password, sessions revoked), a removed membership, a grant taken back,
 * and a write by any other program on the database. Two instances on one database: a session
 * signed out on one is refused at once by the other, which had it in memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetSignIn } from '../../core/usecases/accounts/reset-sign-in.js';
import { removeMember } from '../../core/usecases/process/remove-member.js';
import { asId } from '../../core/shared/ids.js';
import { loadConfig } from '../config.js';
import { seedDemo, type DemoData } from '../demo/seed.js';
import { startRuntime, type Runtime } from '../runtime.js';
import { actorOf } from '../test-support/actors.js';
import { testDatabases } from '../test-support/databases.js';
import { useParley, type Session } from '../test-support/harness.js';
import { buildApp } from './app.js';

const targets = await testDatabases();

const demoEmail = (demo: DemoData, key: string): string => {
  const account = demo.accounts.find((a) => a.key === key);
  if (!account) throw new Error(`no demo account ${key}`);
  return account.email;
};

describe.each(targets)('a session reused from memory on $name', (target) => {
  const p = useParley(target);
  const signIn = (key: string) => p.signIn(demoEmail(p.demo, key), 'demo-password-2019');
  const whoAmI = (s: Session) => p.as(s, { method: 'GET', url: '/api/session' });
  const processView = (s: Session) =>
    p.as(s, { method: 'GET', url: `/api/processes/${p.demo.processId}` });
  const userIdOf = async (key: string) =>
    (await actorOf(p.runtime.deps, demoEmail(p.demo, key))).userId;

  it('is served again, the same, while nothing changed', async () => {
    const s = await signIn('observer');
    const first = await whoAmI(s);
    const again = await whoAmI(s);
    expect(first.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
  });

  it('ends at sign-out', async () => {
    const s = await signIn('observer');
    expect((await whoAmI(s)).statusCode).toBe(200);
    expect((await p.as(s, { method: 'DELETE', url: '/api/session' })).statusCode).toBeLessThan(300);
    expect((await whoAmI(s)).statusCode).toBe(401);
    expect((await processView(s)).statusCode).toBe(401);
  });

  it('ends when the sign-in is reset: new password, every session revoked', async () => {
    const s = await signIn('oppDelegate');
    expect((await processView(s)).statusCode).toBe(200);
    await resetSignIn(p.runtime.deps, {
      email: demoEmail(p.demo, 'oppDelegate'),
      password: 'a-new-password-for-2026',
    });
    expect((await processView(s)).statusCode).toBe(401);
    await expect(signIn('oppDelegate')).rejects.toThrow();
    const again = await p.signIn(demoEmail(p.demo, 'oppDelegate'), 'a-new-password-for-2026');
    expect((await processView(again)).statusCode).toBe(200);
  });

  it('sees a removed membership at once', async () => {
    const s = await signIn('mediator');
    expect((await processView(s)).statusCode).toBe(200);
    expect((await processView(s)).statusCode).toBe(200);
    await removeMember(p.runtime.deps, {
      actor: await actorOf(p.runtime.deps, demoEmail(p.demo, 'leadMediator')),
      processId: p.demo.processId,
      userId: await userIdOf('mediator'),
    });
    expect((await processView(s)).statusCode).toBe(404);
    expect((await whoAmI(s)).statusCode).toBe(200);
  });

  it('sees a grant taken back, written straight into the database by another program', async () => {
    const s = await signIn('observer');
    const observer = await userIdOf('observer');
    const db = p.runtime.database.db;
    const grants = await db
      .selectFrom('compartment_grants')
      .select('compartment_id')
      .where('user_id', '=', observer)
      .execute();
    const granted = grants[0]?.compartment_id;
    expect(granted).toBeDefined();
    const note = p.demo.notes.get(asId(granted ?? ''));
    const read = () =>
      p.as(s, { method: 'GET', url: `/api/processes/${p.demo.processId}/items/${note ?? ''}` });
    expect((await read()).statusCode).toBe(200);
    await db
      .deleteFrom('compartment_grants')
      .where('user_id', '=', observer)
      .where('compartment_id', '=', granted ?? '')
      .execute();
    expect((await read()).statusCode).toBe(404);
  });

  it('ends when another program revokes the session in the database', async () => {
    const s = await signIn('govDelegate');
    expect((await whoAmI(s)).statusCode).toBe(200);
    await sql`update sessions set revoked_at = ${new Date().toISOString()} where user_id = ${await userIdOf('govDelegate')}`.execute(
      p.runtime.database.db,
    );
    expect((await whoAmI(s)).statusCode).toBe(401);
  });
});

describe.each(targets)('two instances on one $name database', (target) => {
  const instances: Array<{ runtime: Runtime; app: FastifyInstance }> = [];
  let demo: DemoData;
  let cleanUp: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-session-cache-'));
    // SQLite: one database file opened by both (an in-memory database is one process's own).
    const fresh = target.name === 'sqlite' ? null : await target.fresh();
    const url = target.name === 'sqlite' ? `sqlite:${join(dir, 'parley.db')}` : target.url;
    for (let n = 0; n < 2; n++) {
      const config = loadConfig({
        PARLEY_DATABASE_URL: url,
        PARLEY_LOG_LEVEL: 'silent',
        PARLEY_DATA_DIR: dir,
      });
      const runtime = await startRuntime(config, { webRoot: null, schema: fresh?.schema });
      if (n === 0) demo = await seedDemo(runtime.deps);
      instances.push({ runtime, app: await buildApp(runtime.deps) });
    }
    cleanUp = async () => {
      for (const i of instances) {
        await i.app.close();
        await i.runtime.close();
      }
      await fresh?.drop();
      rmSync(dir, { recursive: true, force: true });
    };
  });
  afterAll(() => cleanUp());

  const app = (n: number): FastifyInstance => {
    const i = instances[n];
    if (!i) throw new Error('no instance');
    return i.app;
  };
  async function signIn(n: number, key: string): Promise<Session> {
    const res = await app(n).inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: demoEmail(demo, key), password: 'demo-password-2019' },
    });
    const cookie = res.cookies.find((c) => c.name.endsWith('parley_session'));
    if (!cookie) throw new Error('no session cookie');
    return {
      cookie: `${cookie.name}=${cookie.value}`,
      csrf: (res.json() as { csrfToken: string }).csrfToken,
    };
  }
  const as = (n: number, s: Session, method: 'GET' | 'DELETE', url: string) =>
    app(n).inject({ method, url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });

  it('a session signed out on one is refused by the other at once', async () => {
    const s = await signIn(0, 'govHead');
    expect((await as(1, s, 'GET', '/api/session')).statusCode).toBe(200);
    expect((await as(1, s, 'GET', '/api/session')).statusCode).toBe(200);
    expect((await as(0, s, 'DELETE', '/api/session')).statusCode).toBeLessThan(300);
    expect((await as(1, s, 'GET', '/api/session')).statusCode).toBe(401);
  });

  it('a membership removed on one is gone on the other at once', async () => {
    const s = await signIn(0, 'mediator');
    const view = `/api/processes/${demo.processId}`;
    expect((await as(1, s, 'GET', view)).statusCode).toBe(200);
    const first = instances[0];
    if (!first) throw new Error('no instance');
    const deps = first.runtime.deps;
    await removeMember(deps, {
      actor: await actorOf(deps, demoEmail(demo, 'leadMediator')),
      processId: demo.processId,
      userId: (await actorOf(deps, demoEmail(demo, 'mediator'))).userId,
    });
    expect((await as(1, s, 'GET', view)).statusCode).toBe(404);
  });
});
