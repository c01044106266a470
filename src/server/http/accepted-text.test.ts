/**
 * The text Parley accepts (`contract/accepted-text.ts`), decided once at the edge: a NUL, another
 * control character or a lone surrogate anywhere in a request answers 400 naming the field, on
 * SQLite exactly as on PostgreSQL (which cannot store a NUL and once answered 500), and changes
 * nothing. Tab, line feed and carriage return are kept as sent.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../test-support/databases.js';
import { useParley, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();

/** Rows that any of the requests below could have added, and the audit head. */
async function footprint(p: TestParley): Promise<string> {
  const counts: string[] = [];
  for (const t of ['users', 'sessions', 'api_tokens', 'processes', 'items', 'audit_log']) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(
      p.runtime.database.db,
    );
    counts.push(`${t}=${Number(r.rows[0]?.n)}`);
  }
  return counts.join(',');
}

describe.each(targets)('text Parley does not accept, on $name', (target) => {
  const p = useParley(target);
  const plenary = () => p.demo.compartments.find((c) => c.kind === 'plenary')!.id;

  /** Sends a request as a demo role with a raw JSON body (so lone surrogates survive as escapes). */
  async function send(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    json?: string,
    as: 'admin' | 'leadMediator' | null = 'leadMediator',
  ) {
    return p.as(as ? await p.session(as) : null, {
      method,
      url,
      ...(json === undefined
        ? {}
        : { payload: json, headers: { 'content-type': 'application/json' } }),
    });
  }

  it.each([
    [
      'a NUL in the e-mail of a sign-in',
      'POST',
      '/api/session',
      String.raw`{"email":"x\u0000@y.z","password":"p"}`,
      null,
      'body.email',
      'U+0000',
    ],
    [
      'a NUL in a password',
      'POST',
      '/api/session',
      String.raw`{"email":"x@y.z","password":"pass\u0000word"}`,
      null,
      'body.password',
      'U+0000',
    ],
    [
      'a NUL in the name of an API token',
      'POST',
      '/api/me/tokens',
      String.raw`{"name":"ci\u0000"}`,
      'leadMediator',
      'body.name',
      'U+0000',
    ],
    [
      'a NUL in the title of a process',
      'POST',
      '/api/processes',
      String.raw`{"codename":"ZEPHYR","title":"Talks\u0000"}`,
      'admin',
      'body.title',
      'U+0000',
    ],
    [
      'an escape in a codename',
      'POST',
      '/api/processes',
      String.raw`{"codename":"Z\u001b[1m","title":"Talks"}`,
      'admin',
      'body.codename',
      'U+001B',
    ],
    [
      'a lone surrogate in a title',
      'POST',
      '/api/processes',
      String.raw`{"codename":"ZEPHYR","title":"Talks \ud800"}`,
      'admin',
      'body.title',
      'U+D800',
    ],
  ] as const)('answers 400 to %s', async (_, method, url, json, as, path, character) => {
    if (as) await p.session(as); // signing in is not what is measured
    const before = await footprint(p);
    const res = await send(method, url, json, as);
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json() as {
      error: { code: string; message: string; details: { issues: { path: string }[] } };
    };
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(path);
    expect(error.message).toContain(character);
    expect(error.details.issues[0]?.path).toBe(path);
    expect(await footprint(p)).toBe(before);
  });

  it('answers 400 to a control character in a note, a query string or a path parameter', async () => {
    const pid = p.demo.processId;
    await p.session('leadMediator');
    const before = await footprint(p);
    const note = await send(
      'POST',
      `/api/processes/${pid}/compartments/${plenary()}/notes`,
      String.raw`{"title":"Agenda","body":"first\u0001second"}`,
    );
    expect(note.statusCode).toBe(400);
    expect(note.json().error.details.issues[0].path).toBe('body.body');
    const search = await send('GET', `/api/processes/${pid}/items?q=a%00b`);
    expect(search.statusCode).toBe(400);
    expect(search.json().error.details.issues[0].path).toBe('query.q');
    const param = await send('GET', `/api/processes/${pid.slice(0, -1)}%00`);
    expect(param.statusCode).toBe(400);
    expect(param.json().error.details.issues[0].path).toBe('params.processId');
    const key = await send(
      'PATCH',
      `/api/processes/${pid}/items/${p.demo.notes.get(plenary())!}`,
      String.raw`{"baseRevision":1,"title":"x","odd\u0000key":1}`,
    );
    expect(key.statusCode).toBe(400);
    expect(key.json().error.details.issues[0].path).toBe('body.odd\\u0000key');
    expect(await footprint(p)).toBe(before);
  });

  it('keeps tab, line feeds, carriage returns and characters outside the basic plane as sent', async () => {
    const body = 'Line one\twith a tab\r\nline two 🕊️ Mír\n';
    const res = await send(
      'POST',
      `/api/processes/${p.demo.processId}/compartments/${plenary()}/notes`,
      JSON.stringify({ title: 'Kept as sent', body }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const read = await send('GET', `/api/processes/${p.demo.processId}/items/${res.json().id}`);
    expect(read.json().body).toBe(body);
  });

  it('answers a signed-out caller the same 400, before anything reaches the database', async () => {
    const res = await send(
      'GET',
      `/api/processes/${p.demo.processId}/items?q=%00`,
      undefined,
      null,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/encoding|UTF8|0x00|sqlite|at .*\.(ts|js):\d+/i);
  });
});
