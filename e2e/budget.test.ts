/**
 * The web app's budget, as Chromium fetches it: a fresh load of a process's overview (signed in,
 * nothing cached) brings at most 150 KB of JavaScript gzipped, compressed on the wire; only the
 * interface language's catalogue; none of the screens it does not show (the analysis and its
 * chart library). Counts bytes, not time: the time is measured by bench/web-budget.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/demo/seed.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { dashboardScriptBudget, measureFreshLoad } from './support/budget.js';
import { startParley, type E2eParley } from './support/parley.js';
import { signIn } from './support/steps.js';

const runJourney = browserAvailable();

describe.skipIf(!runJourney)('the web app’s budget in the browser', () => {
  let parley: E2eParley;
  let head: Person;

  beforeAll(async () => {
    parley = await startParley();
    head = await openBrowser();
    await head.page.goto(parley.url);
    await signIn(head.page, 'lead.mediator@demo.parley', demoPassword);
  });
  afterAll(async () => {
    await head?.close();
    await parley?.close();
  });

  it('fetches at most 150 KB of gzipped JavaScript for a fresh load of the dashboard', async () => {
    const load = await measureFreshLoad(
      head.page,
      `${parley.url}/processes/${parley.demo.processId}`,
      'NORDLYS',
    );
    const paths = load.scripts.map((s) => s.path);
    expect(paths.some((p) => /\/assets\/index-[\w-]+\.js$/.test(p))).toBe(true);
    expect(load.gzipped).toBeLessThanOrEqual(dashboardScriptBudget);
    expect(load.transferred).toBeLessThanOrEqual(dashboardScriptBudget);
    // Every script travels compressed.
    expect(load.scripts.filter((s) => s.encoding === 'identity').map((s) => s.path)).toEqual([]);
    // Only English texts, and no screen the overview does not show.
    expect(paths.filter((p) => /\/(en|es|nb)-[\w-]+\.js$/.test(p)).length).toBe(1);
    expect(paths.some((p) => /\/en-[\w-]+\.js$/.test(p))).toBe(true);
    expect(paths.filter((p) => /(AnalysisPage|TextPage|AuditPage|MediaPage)-/.test(p))).toEqual([]);
    expect(head.problems).toEqual([]);
  });

  it('fetches the Norwegian catalogue, not the English one, for a Norwegian interface', async () => {
    await head.page.evaluate(`localStorage.setItem('parley.language', 'nb')`);
    const load = await measureFreshLoad(
      head.page,
      `${parley.url}/processes/${parley.demo.processId}`,
      'NORDLYS',
    );
    const catalogues = load.scripts
      .map((s) => s.path)
      .filter((p) => /\/(en|es|nb)-[\w-]+\.js$/.test(p));
    expect(catalogues).toHaveLength(1);
    expect(catalogues[0]).toMatch(/\/nb-/);
    expect(load.gzipped).toBeLessThanOrEqual(dashboardScriptBudget);
    await head.page.getByText('Mine prosesser').first().waitFor();
    // Switching back fetches English on demand and changes the interface.
    await head.page.getByLabel('Språk').selectOption('en');
    await head.page.getByRole('link', { name: 'My processes' }).first().waitFor();
    expect(head.problems).toEqual([]);
  });
});
