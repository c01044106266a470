/**
 * The browser journey of search and the audit log's filters, on the demo process NORDLYS, in
 * English at 1280 and 390 px, Spanish at 390 px and Norwegian at 1280 px: the lead mediator
 * searches for "sanctions" and sees results grouped by kind with the word highlighted, then
 * narrows the audit log to one kind of entry. Screenshots go to e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/demo/seed.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { signIn } from './support/steps.js';

const runJourney = browserAvailable();

describe.skipIf(!runJourney)('search and the audit log in the browser', () => {
  let parley: E2eParley;
  const people: Person[] = [];

  beforeAll(async () => {
    parley = await startParley();
  });

  afterAll(async () => {
    for (const p of people) await p.close();
    await parley?.close();
  });

  it.each([
    ['en-GB', 'en', 1280],
    ['es-ES', 'es', 390],
    ['nb-NO', 'nb', 1280],
    ['en-GB', 'en', 390],
  ] as const)(
    'searches and filters the audit log in %s (%s) at %i px',
    async (locale, lang, width) => {
      const person = await openBrowser({ locale, width });
      people.push(person);
      const page = person.page;
      await page.goto(parley.url);
      await signIn(page, 'lead.mediator@demo.parley', demoPassword, lang);
      await page.getByRole('link', { name: 'NORDLYS' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'NORDLYS' }).waitFor();
      const base = new URL(page.url()).pathname.replace(/\/$/, '');
      await page.goto(`${parley.url}${base}/search?q=sanctions`);
      await page.locator('.search-group').first().waitFor();
      const marks = await page.locator('.search-hit mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) expect(m.toLowerCase()).toBe('sanctions');
      expect(await page.locator('.search-group').count()).toBeGreaterThan(2);
      await person.shot(`80-search-${lang}-${width}`);

      await page.goto(`${parley.url}${base}/audit`);
      await page.locator('form.audit-filters').waitFor();
      await page.locator('table.table-audit').waitFor();
      await page.locator('form.audit-filters select').nth(1).selectOption('compartment.searched');
      await page.locator('form.audit-filters button[type=submit]').click();
      await page.locator('table.table-audit tbody tr').first().waitFor();
      const body = await page.locator('table.table-audit').innerText();
      expect(body).not.toMatch(/compartment\.searched|\btrue\b/);
      await person.shot(`81-audit-filtered-${lang}-${width}`);
      expect(person.problems).toEqual([]);
    },
    120_000,
  );
});
