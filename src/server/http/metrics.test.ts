/**
 * `GET /metrics`: the operator's token reads them; every member — signed in, with an API token,
 * whatever the role — and anyone without the token gets exactly the answer of a route that does
 * not exist. No label carries an id, a codename or anything a member wrote.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApiToken } from '../../core/usecases/accounts/create-api-token.js';
import { demoRoleKeys } from '../demo/seed.js';
import { actorOf } from '../test-support/actors.js';
import { testDatabases } from '../test-support/databases.js';
import { useParley } from '../test-support/harness.js';
import { buildMetricsApp } from './metrics-server.js';
import { routeTable } from './route-table.js';

const targets = await testDatabases();
const token = `op-${randomUUID()}-${randomUUID()}`;
const noRoute = JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No route GET /metrics' } });
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe.each(targets)('the metrics on $name', (target) => {
  const p = useParley(target, { env: { PARLEY_METRICS_TOKEN: token } });
  const bare = useParley(target);
  const scrape = () =>
    p.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } });

  it('answers the operator’s token in the Prometheus text format', async () => {
    await p.get('leadMediator', `/api/processes/${p.demo.processId}`);
    const res = await scrape();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const name of [
      'parley_http_requests_total',
      'parley_http_request_duration_seconds_bucket',
      'parley_live_sockets_open',
      'parley_live_messages_sent_total',
      'parley_engine_jobs_total',
      'parley_commit_batch_size',
      'parley_commit_fsync_seconds',
      'parley_process_resident_memory_bytes',
    ])
      expect(res.body).toContain(`# TYPE ${name.replace(/_bucket$/, '')}`);
    expect(res.body).toMatch(
      /parley_http_requests_total\{method="GET",route="\/api\/processes\/:processId",status="200"\} [1-9]/,
    );
    if (target.name === 'postgres')
      expect(res.body).toMatch(/parley_db_pool_connections\{pool="main"\} \d+/);
  });

  it('answers every member, anyone without the token and a wrong token as if there were no route', async () => {
    const answers = [
      await p.app.inject({ method: 'GET', url: '/metrics' }),
      await bare.app.inject({ method: 'GET', url: '/metrics' }),
      await p.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${token.slice(0, -1)}x` },
      }),
      await bare.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${token}` },
      }),
    ];
    for (const role of demoRoleKeys) {
      answers.push(await p.get(role, '/metrics'));
      const { secret } = await createApiToken(p.runtime.deps, {
        actor: await actorOf(p.runtime.deps, p.demo.accounts.find((a) => a.key === role)!.email),
        name: 'metrics probe',
      });
      answers.push(
        await p.app.inject({
          method: 'GET',
          url: '/metrics',
          headers: { authorization: `Bearer ${secret}` },
        }),
      );
    }
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.body).toBe(noRoute);
    }
    // The same as a path no route has ever had, up to the path it names.
    const ghost = await p.app.inject({ method: 'GET', url: '/metricz' });
    expect(ghost.body.replace('/metricz', '/metrics')).toBe(noRoute);
  });

  it('labels requests by route template only: no id, codename, search or path a member sent', async () => {
    const canary = `METRICSCANARY${randomUUID().slice(0, 8)}`;
    const pid = p.demo.processId;
    const plenary = p.demo.compartments.find((c) => c.kind === 'plenary')!.id;
    await p.post('admin', '/api/processes', { codename: canary, title: `Title ${canary}` });
    const note = await p.post(
      'leadMediator',
      `/api/processes/${pid}/compartments/${plenary}/notes`,
      {
        title: canary,
        body: canary,
      },
    );
    await p.get('leadMediator', `/api/processes/${pid}/items/${note.json().id}`);
    await p.get('leadMediator', `/api/processes/${pid}/items?q=${canary}`);
    await p.get('leadMediator', `/api/processes/${randomUUID()}`);
    await p.get('leadMediator', `/${canary}/${randomUUID()}`);
    await p.get('leadMediator', `/api/${canary}`);
    await p.app.inject({ method: 'PROPFIND' as 'GET', url: `/${canary}` });
    const body = (await scrape()).body;
    expect(body).not.toContain(canary);
    expect(body).not.toMatch(uuid);
    for (const id of [pid, plenary, note.json().id as string]) expect(body).not.toContain(id);
    const templates = new Set([
      ...routeTable.map((r) => r.url),
      '/api/openapi.json',
      '/api/health',
      '/api/live',
      'unmatched',
    ]);
    const routes = [...body.matchAll(/route="([^"]*)"/g)].map((m) => m[1]!);
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((r) => !templates.has(r))).toEqual([]);
    expect(routes).toContain('/api/processes/:processId/items/:itemId');
    expect(routes).toContain('unmatched');
    const methods = new Set([...body.matchAll(/method="([^"]*)"/g)].map((m) => m[1]));
    expect(
      [...methods].every((m) => /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|other)$/.test(m!)),
    ).toBe(true);
  });

  it('serves the metrics alone, without a token, on the metrics listen address', async () => {
    const metricsApp = await buildMetricsApp(p.runtime.deps);
    try {
      const res = await metricsApp.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('# TYPE parley_http_requests_total counter');
      for (const url of ['/api/session', `/api/processes/${p.demo.processId}`, '/'])
        expect((await metricsApp.inject({ method: 'GET', url })).statusCode).toBe(404);
    } finally {
      await metricsApp.close();
    }
  });
});
