/**
 * What a fresh load of a page costs in Chromium: every script it fetches (as transferred, with its
 * content encoding, and what the same file weighs gzipped in the build) and how long until the
 * page's heading is on screen. Shared by the budget journey and bench/web-budget.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { webRoot } from './parley.js';

/** The budget of the web app: JavaScript of a fresh load of the dashboard, gzipped. */
export const dashboardScriptBudget = 150_000;

/** One script a load fetched. */
export interface FetchedScript {
  /** Path on the server, e.g. /assets/index-Cg5w4PKp.js. */
  path: string;
  /** Body bytes on the wire (compressed if the server compressed it). */
  transferred: number;
  /** The content encoding it came with ('br', 'gzip' or 'identity'). */
  encoding: string;
  /** The file's size in the build, uncompressed. */
  size: number;
  /** The file gzipped (level 9), as a browser that accepts only gzip receives it. */
  gzipped: number;
}

/** A fresh load measured. */
export interface LoadMeasure {
  scripts: FetchedScript[];
  /** Sum of `transferred` over the scripts. */
  transferred: number;
  /** Sum of `gzipped` over the scripts. */
  gzipped: number;
  /** Milliseconds from the navigation's start to the heading on screen. */
  readyMs: number;
  /** Milliseconds from the navigation's start to the load event. */
  loadEventMs: number;
}

/** The gzipped size of a built file: its .gz copy when the build wrote one, else gzipped now. */
function gzippedSize(path: string): { size: number; gzipped: number } {
  const file = join(webRoot, path);
  if (!existsSync(file)) return { size: 0, gzipped: 0 };
  const body = readFileSync(file);
  const gz = `${file}.gz`;
  return {
    size: body.length,
    gzipped: existsSync(gz) ? readFileSync(gz).length : gzipSync(body, { level: 9 }).length,
  };
}

const watched = new WeakSet<Page>();

/**
 * Notes in every document of the page when each main heading first appears (a mutation observer
 * installed before the app's scripts run; init scripts are not bound by the page's CSP).
 */
async function watchHeadings(page: Page): Promise<void> {
  if (watched.has(page)) return;
  watched.add(page);
  await page.addInitScript(`(() => {
    const seen = (window.__parleyHeadings = {});
    new MutationObserver(() => {
      const h = document.querySelector('main h1');
      const name = h && h.textContent.trim();
      if (name && !(name in seen)) seen[name] = performance.now();
    }).observe(document, { childList: true, subtree: true, characterData: true });
  })()`);
}

/**
 * Loads `url` in `page` with the browser's cache disabled (as a first visit: the session cookie
 * stays) and waits for a level-1 heading named `heading` and for the network to settle.
 */
export async function measureFreshLoad(
  page: Page,
  url: string,
  heading: string,
): Promise<LoadMeasure> {
  await watchHeadings(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const pending: Array<Promise<FetchedScript | null>> = [];
  const onResponse = (response: import('playwright-core').Response) => {
    const path = new URL(response.url()).pathname;
    if (!path.endsWith('.js')) return;
    pending.push(
      response
        .request()
        .sizes()
        .then(async (sizes) => ({
          path,
          transferred: sizes.responseBodySize,
          encoding: (await response.headerValue('content-encoding')) ?? 'identity',
          ...gzippedSize(path),
        }))
        .catch(() => null),
    );
  };
  page.on('response', onResponse);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    const readyMs = Number(
      await page.evaluate(
        `window.__parleyHeadings[${JSON.stringify(heading)}] ?? performance.now()`,
      ),
    );
    await page.waitForLoadState('networkidle');
    const loadEventMs = Number(
      await page.evaluate(
        `(() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; })()`,
      ),
    );
    const scripts = (await Promise.all(pending)).filter((s): s is FetchedScript => s !== null);
    return {
      scripts,
      transferred: scripts.reduce((n, s) => n + s.transferred, 0),
      gzipped: scripts.reduce((n, s) => n + s.gzipped, 0),
      readyMs,
      loadEventMs,
    };
  } finally {
    page.off('response', onResponse);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.detach();
  }
}
