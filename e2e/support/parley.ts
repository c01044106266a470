/**
 * A real Parley for browser journeys: the server tests' Parley (migrated, the demo seeded) on a
 * fresh SQLite file, with live updates, serving the built web app (dist/web) on a free port of
 * 127.0.0.1.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sqliteFile } from '../../src/server/test-support/databases.js';
import { startTestParley, type TestParley } from '../../src/server/test-support/harness.js';

/** Where `vite build` puts the web app. */
export const webRoot = resolve(fileURLToPath(new URL('../../dist/web', import.meta.url)));

/** A running Parley for one test file, listening. */
export interface E2eParley extends TestParley {
  /** Base URL, e.g. http://127.0.0.1:43121 */
  url: string;
}

/**
 * Starts Parley on a fresh database; the web app must have been built first. With
 * `{ localhost: true }` it is addressed as http://localhost:PORT and configured with that public
 * URL: browsers accept passkeys for the relying party "localhost", never for an IP address.
 * `env` is more configuration (e.g. PARLEY_FEED_ALLOW_NETWORKS for a local feed server).
 */
export async function startParley(
  options: { localhost?: boolean; env?: Record<string, string> } = {},
): Promise<E2eParley> {
  if (!existsSync(join(webRoot, 'index.html')))
    throw new Error(`The web app is not built (${webRoot}); run \`npx vite build\` first.`);
  const parley = await startTestParley(sqliteFile(), {
    webRoot,
    live: true,
    localhost: options.localhost,
    env: options.env,
  });
  try {
    return { ...parley, url: `http://${await parley.listen()}` };
  } catch (error) {
    await parley.close();
    throw error;
  }
}
