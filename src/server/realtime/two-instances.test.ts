/**
 * Several Parley instances behind a load balancer share one PostgreSQL database: a change made
 * through one instance reaches the sockets open on the other at once (NOTIFY on commit, LISTEN in
 * every hub), still filtered by the policy.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { seedDemo, type DemoData } from '../demo/seed.js';
import { buildApp } from '../http/app.js';
import { startRuntime, type Runtime } from '../runtime.js';
import { postgresReachable, testDatabases } from '../test-support/databases.js';
import type { LiveEvent, LiveMessage } from './hub.js';

const postgres = (await testDatabases()).find((t) => t.name === 'postgres');

describe.skipIf(!postgres || !(await postgresReachable()))(
  'two instances on one PostgreSQL database',
  () => {
    const instances: Array<{ runtime: Runtime; app: FastifyInstance; host: string }> = [];
    let demo: DemoData;
    let drop: () => Promise<void> = async () => undefined;

    beforeAll(async () => {
      const fresh = await postgres!.fresh();
      drop = fresh.drop;
      const dir = mkdtempSync(join(tmpdir(), 'parley-two-'));
      for (const n of [1, 2]) {
        const config = loadConfig({
          PARLEY_DATABASE_URL: postgres!.url,
          PARLEY_LOG_LEVEL: 'silent',
          PARLEY_DATA_DIR: dir,
        });
        const runtime = await startRuntime(config, {
          webRoot: null,
          schema: fresh.schema,
          // The second instance looks at the log only when woken (its poll is an hour away), so
          // what reaches it shows the NOTIFY of the first.
          live: n === 1 ? true : { intervalMs: 3_600_000 },
        });
        if (instances.length === 0) demo = await seedDemo(runtime.deps);
        const app = await buildApp(runtime.deps);
        await runtime.deps.live?.start();
        await app.listen({ port: 0, host: '127.0.0.1' });
        const address = app.server.address();
        if (!address || typeof address === 'string') throw new Error('no address');
        instances.push({ runtime, app, host: `127.0.0.1:${address.port}` });
      }
    });
    afterAll(async () => {
      for (const i of instances) {
        await i.app.close();
        await i.runtime.close();
      }
      await drop();
    });

    async function signIn(app: FastifyInstance, email: string) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email, password: 'demo-password-2019' },
      });
      const cookie = res.cookies.find((c) => c.name.endsWith('parley_session'))!;
      return {
        cookie: `${cookie.name}=${cookie.value}`,
        csrf: (res.json() as { csrfToken: string }).csrfToken,
      };
    }

    function listen(host: string, cookie: string): Promise<LiveEvent[]> {
      return new Promise((resolve, reject) => {
        const events: LiveEvent[] = [];
        const socket = new WebSocket(`ws://${host}/api/live`, { headers: { cookie } });
        socket.on('message', (raw) => {
          const m = JSON.parse(String(raw)) as LiveMessage;
          if (m.type === 'hello') resolve(events);
          if (m.type === 'events') events.push(...m.events);
        });
        socket.on('error', reject);
        afterAll(() => socket.close());
      });
    }

    it('wakes the second instance at once to tell a member about a note written through the first, and not the other party', async () => {
      const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
      const mediatorOnB = await listen(
        b.host,
        (await signIn(b.app, 'mediator@demo.parley')).cookie,
      );
      const oppOnB = await listen(b.host, (await signIn(b.app, 'opp.head@demo.parley')).cookie);
      const gov = await signIn(a.app, 'gov.head@demo.parley');
      const channel = demo.compartments.find(
        (c) => c.kind === 'bilateral' && c.partyId === demo.parties.gov,
      )!;
      const res = await a.app.inject({
        method: 'POST',
        url: `/api/processes/${demo.processId}/compartments/${channel.id}/notes`,
        headers: { cookie: gov.cookie, 'x-csrf-token': gov.csrf },
        payload: { title: 'Across instances', body: 'Written through instance A' },
      });
      expect(res.statusCode).toBe(201);
      const seen = () =>
        mediatorOnB.some((e) => e.kind === 'item.created' && e.compartmentId === channel.id);
      for (let i = 0; i < 300 && !seen(); i++) await sleep(10);
      expect(seen()).toBe(true);
      await sleep(200);
      expect(oppOnB.some((e) => e.compartmentId === channel.id)).toBe(false);
    });
  },
);
