/**
 * The browser journey on a phone (390 px) in NORDLYS: the header stays one row, the page's own
 * content comes first with the process menu behind a button, and addresses that name something
 * missing or hidden — another party's caucus note, an unknown page, an unknown process — say so
 * on purpose and offer the ways on. Each step saves screenshots to e2e/screenshots/.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/demo/seed.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { scrollWidth, signIn } from './support/steps.js';

const runJourney = browserAvailable();

/** A box's top and height, read in the page (e2e is compiled without the DOM library). */
async function box(person: Person, selector: string): Promise<{ top: number; height: number }> {
  return (await person.page.evaluate(
    `(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
      return { top: r.top + window.scrollY, height: r.height }; })()`,
  )) as { top: number; height: number };
}

describe.skipIf(!runJourney)('a phone in the browser', () => {
  let parley: E2eParley;
  let gov: Person;

  beforeAll(async () => {
    parley = await startParley();
    gov = await openBrowser({ width: 390, height: 844 });
    await gov.page.goto(parley.url);
    await signIn(gov.page, 'gov.delegate@demo.parley', demoPassword);
  });
  afterAll(async () => {
    await gov?.close();
    await parley?.close();
  });

  it('keeps the header to one row and puts the content before the menu', async () => {
    const page = gov.page;
    await page.goto(`${parley.url}/processes/${parley.demo.processId}`);
    await page.getByRole('heading', { level: 1, name: 'NORDLYS' }).waitFor();
    expect((await box(gov, '.app-header')).height).toBeLessThan(64);
    expect((await box(gov, 'main h1')).top).toBeLessThan(250);
    expect(await page.locator('nav.process-nav').isVisible()).toBe(false);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await gov.shot('90-phone-dashboard', { fullPage: false });

    await page.getByRole('button', { name: 'Menu — NORDLYS' }).click();
    const nav = page.locator('nav.process-nav');
    await nav.waitFor();
    await gov.shot('91-phone-menu-open', { fullPage: false });
    await nav.getByRole('link', { name: 'Communiqués' }).click();
    await page.getByRole('heading', { level: 1, name: 'Communiqués' }).waitFor();
    expect(await nav.isVisible()).toBe(false);
    expect((await box(gov, 'main h1')).top).toBeLessThan(250);
    await gov.shot('92-phone-after-menu', { fullPage: false });
  });

  it('says on purpose that another party’s note is not there, and what to do next', async () => {
    const page = gov.page;
    const caucus = parley.demo.compartments.find(
      (c) => c.kind === 'caucus' && c.partyId === parley.demo.parties.opp,
    )!;
    const note = parley.demo.notes.get(caucus.id)!;
    await page.goto(
      `${parley.url}/processes/${parley.demo.processId}/compartments/${caucus.id}/notes/${note}`,
    );
    await page.getByRole('heading', { level: 1, name: 'Nothing to show here' }).waitFor();
    const hidden = await page.locator('[data-testid="unavailable"]').innerText();
    await page.goto(
      `${parley.url}/processes/${parley.demo.processId}/compartments/${caucus.id}/notes/${randomUUID()}`,
    );
    await page.getByRole('heading', { level: 1, name: 'Nothing to show here' }).waitFor();
    // Hidden and missing read exactly alike.
    expect(await page.locator('[data-testid="unavailable"]').innerText()).toBe(hidden);
    expect(hidden).toContain('Go to the overview of NORDLYS');
    expect(await page.getByText('That did not work').count()).toBe(0);
    await gov.shot('93-phone-hidden-note', { fullPage: false });

    await page.goto(`${parley.url}/processes/${parley.demo.processId}/no-such-page`);
    await page.getByRole('heading', { level: 1, name: 'Nothing to show here' }).waitFor();
    await page.goto(`${parley.url}/processes/${randomUUID()}`);
    await page.getByRole('heading', { level: 1, name: 'Nothing to show here' }).waitFor();
    await page.getByRole('link', { name: 'Back to my processes' }).waitFor();
    await gov.shot('94-phone-unknown-process', { fullPage: false });
    expect(gov.problems).toEqual([]);
  });

  it('reflows the versions and the audit log into cards instead of scrolling sideways', async () => {
    const page = gov.page;
    await page.goto(`${parley.url}/processes/${parley.demo.processId}/text/versions`);
    await page.locator('table.versions-table').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    // Each version is a card: its rows are blocks, each cell labelled by its column.
    expect(
      await page.evaluate(
        `getComputedStyle(document.querySelector('table.versions-table tbody tr')).display`,
      ),
    ).toBe('block');
    await gov.shot('95-phone-versions', { fullPage: false });
    const head = await openBrowser({ width: 390, height: 844 });
    try {
      await head.page.goto(parley.url);
      await signIn(head.page, 'lead.mediator@demo.parley', demoPassword);
      await head.page.goto(`${parley.url}/processes/${parley.demo.processId}/audit`);
      await head.page.locator('table.table-audit tbody tr').first().waitFor();
      expect(await scrollWidth(head.page)).toBeLessThanOrEqual(390);
      const wrap = (await head.page.evaluate(
        `(() => { const w = document.querySelector('table.table-audit').parentElement;
          return w.scrollWidth <= w.clientWidth; })()`,
      )) as boolean;
      expect(wrap).toBe(true);
      await head.shot('96-phone-audit', { fullPage: false });
    } finally {
      await head.close();
    }
  });
});
