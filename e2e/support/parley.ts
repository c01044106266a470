/**
 * A real Parley for browser journeys: a fresh SQLite file in a temporary directory, migrated and
 * seeded with the demo, serving the built web app (dist/web) on a free port of 127.0.0.1.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/server/config.js';
import { seedDemo, type DemoData } from '../../src/server/demo/seed.js';
import { buildApp } from '../../src/server/http/app.js';
import { startRuntime, type Runtime } from '../../src/server/runtime.js';

/** Where `vite build` puts the web app. */
export const webRoot = resolve(fileURLToPath(new URL('../../dist/web', import.meta.url)));

/** A running Parley for one test file. */
export interface E2eParley {
  /** Base URL, e.g. http://127.0.0.1:43121 */
  url: string;
  runtime: Runtime;
  app: FastifyInstance;
  demo: DemoData;
  close(): Promise<void>;
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

/**
 * Starts Parley on a fresh database; the web app must have been built first. With
 * `{ localhost: true }` it is addressed as http://localhost:PORT and configured with that public
 * URL: browsers accept passkeys for the relying party "localhost", never for an IP address.
 */
export async function startParley(options: { localhost?: boolean } = {}): Promise<E2eParley> {
  if (!existsSync(join(webRoot, 'index.html')))
    throw new Error(`The web app is not built (${webRoot}); run \`npx vite build\` first.`);
  const dir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const port = options.localhost ? await freePort() : 0;
  const config = loadConfig({
    PARLEY_DATABASE_URL: `sqlite:${join(dir, 'parley.db')}`,
    PARLEY_LOG_LEVEL: 'silent',
    PARLEY_DATA_DIR: dir,
    ...(options.localhost ? { PARLEY_PUBLIC_URL: `http://localhost:${port}` } : {}),
  });
  const runtime = await startRuntime(config, { webRoot, live: true });
  const demo = await seedDemo(runtime.deps);
  const app = await buildApp(runtime.deps);
  await runtime.deps.live?.start();
  const listening = await app.listen({ port, host: '127.0.0.1' });
  return {
    url: options.localhost ? config.publicUrl : listening,
    runtime,
    app,
    demo,
    close: async () => {
      await app.close();
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
