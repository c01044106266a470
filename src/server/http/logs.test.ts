/**
 * The logs at level trace: every line is JSON, every line of a request carries its requestId, and
 * no canary planted in confidential material, a password or a token appears in any line — not on
 * success, not on bad input, not on an unexpected error whose message and fields quote it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { seedDemo, type DemoData } from '../demo/seed.js';
import { startRuntime, type Runtime } from '../runtime.js';
import { buildApp } from './app.js';

describe('the logs, at level trace', () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const canary = `LOGCANARY${randomUUID().slice(0, 8)}`;
  let dir: string;
  let runtime: Runtime;
  let demo: DemoData;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-logs-'));
    runtime = await startRuntime(
      loadConfig({
        PARLEY_DATABASE_URL: ':memory:',
        PARLEY_LOG_LEVEL: 'trace',
        PARLEY_DATA_DIR: dir,
      }),
      { webRoot: null },
    );
    demo = await seedDemo(runtime.deps);
    app = await buildApp(runtime.deps, { logStream: stream });
  });
  afterAll(async () => {
    await app.close();
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never carries a canary planted in notes, searches, tokens, passwords or errors', async () => {
    const json = { 'content-type': 'application/json' };
    const lead = demo.accounts.find((a) => a.key === 'leadMediator')!;
    await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: `${canary}@x.y`, password: `pw-${canary}` },
    });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: lead.email, password: lead.password },
    });
    const cookie = signIn.cookies.find((c) => c.name.endsWith('parley_session'))!;
    const headers = {
      cookie: `${cookie.name}=${cookie.value}`,
      'x-csrf-token': signIn.json().csrfToken as string,
    };
    const pid = demo.processId;
    const plenary = demo.compartments.find((c) => c.kind === 'plenary')!.id;
    const note = await app.inject({
      method: 'POST',
      url: `/api/processes/${pid}/compartments/${plenary}/notes`,
      headers,
      payload: { title: `Title ${canary}`, body: `Body ${canary}` },
    });
    expect(note.statusCode).toBe(201);
    await app.inject({ method: 'GET', url: `/api/processes/${pid}/items?q=${canary}`, headers });
    const token = await app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers,
      payload: { name: `token ${canary}` },
    });
    const secret = token.json().secret as string;
    await app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { authorization: `Bearer ${secret}` },
    });
    // Bad input quoting the canary: broken JSON, a control character, a path no route has.
    await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: json,
      payload: `{"email":"${canary}`,
    });
    await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: json,
      payload: String.raw`{"email":"${canary}\u0000"}`,
    });
    await app.inject({ method: 'GET', url: `/processes/${canary}?q=${canary}`, headers });
    // Errors whose message and fields quote the canary, as a database's would: an unexpected one,
    // and a unique value taken by another transaction meanwhile.
    const transaction = runtime.deps.db.transaction.bind(runtime.deps.db);
    const failing = async (code: string) => {
      runtime.deps.db.transaction = async () => {
        throw Object.assign(new Error(`value "${canary}" violates something`), {
          code,
          detail: `Key (title)=(${canary}) already exists.`,
          constraint: 'items_title_key',
        });
      };
      const res = await app.inject({ method: 'GET', url: `/api/processes/${pid}/items`, headers });
      runtime.deps.db.transaction = transaction;
      return res;
    };
    const failed = await failing('XX000');
    expect(failed.statusCode).toBe(500);
    const conflict = await failing('23505');
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).not.toContain(canary);

    const text = lines.join('\n');
    expect(lines.length).toBeGreaterThan(10);
    expect(text).not.toContain(canary);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(cookie.value);
    expect(text).not.toContain(lead.password);
    const error = lines.map((l) => JSON.parse(l)).find((l) => l.err?.code === 'XX000');
    expect(error).toMatchObject({ level: 50, err: { type: 'Error', code: 'XX000' } });
    expect(error.err.stack).toMatch(/^\s+at /);
    expect(error.requestId).toBe(failed.headers['x-request-id']);
    const refused = lines.map((l) => JSON.parse(l)).find((l) => l.code === '23505');
    expect(refused).toMatchObject({ level: 40, constraint: 'items_title_key' });
    expect(refused.requestId).toBe(conflict.headers['x-request-id']);
    // Every line written about a request names it.
    for (const line of lines.map((l) => JSON.parse(l)))
      if (line.req || line.res) expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
