/**
 * Debian's Chromium driven by playwright-core. Each person in a journey gets a browser of their
 * own with a fresh profile directory, so no cookie or storage is shared between them.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium. */
export const chromiumPath = '/usr/bin/chromium';

/** Whether the journeys can run here. In CI a missing browser is a failure, not a skip. */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI) throw new Error(`${chromiumPath} is missing; CI must install chromium.`);
  console.log(`Skipping the browser journeys: ${chromiumPath} is not installed.`);
  return false;
}

const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the journeys save their screenshots (gitignored). */
export const screenshotDir = resolve(fileURLToPath(new URL('../screenshots', import.meta.url)));

/** One person's browser. */
export interface Person {
  context: BrowserContext;
  page: Page;
  /** Problems the page reported: uncaught errors and Content-Security-Policy violations. */
  problems: string[];
  /**
   * Saves a screenshot as e2e/screenshots/<name>.png: the full page from the top, or with
   * `{ fullPage: false }` the viewport where it is (to show a part deep in a long page).
   */
  shot(name: string, options?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens a browser with a fresh profile. Playwright refuses `--user-data-dir` in `launch()`'s
 * arguments, so the fresh directory is given to `launchPersistentContext` instead.
 */
export async function openBrowser(
  options: { width?: number; height?: number; locale?: string } = {},
): Promise<Person> {
  const profile = mkdtempSync(join(tmpdir(), 'parley-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: flags,
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    locale: options.locale ?? 'en-GB',
    timezoneId: 'Europe/Oslo',
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  mkdirSync(screenshotDir, { recursive: true });
  return {
    context,
    page,
    problems,
    shot: async (name, { fullPage = true } = {}) => {
      // From the top, so the sticky header sits where a person sees it.
      if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage });
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
