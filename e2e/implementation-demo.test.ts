/**
 * The demo's implementation phase, as its readers see it in the browser: two years of commitments,
 * evidence, levels and verifications on version 2 of NORDLYS. The mediator on a desktop (English)
 * and on a phone (Spanish) sees every commitment with the overdue one and the standing dispute
 * flagged, the progress chart and its table over the two years and the matrix over their calendar
 * years; the government's head (Norwegian, phone) finds its latest evidence waiting in its caucus;
 * the observer (Spanish, desktop) finds the dispute it raised; anyone without an account reads the
 * released part (access and services, not the disputed funds nor the electoral planning) in
 * English, Spanish and Norwegian, on a phone and on a desktop. Screenshots go to e2e/screenshots/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoImplementationSpan } from '../src/server/demo/implementation.js';
import { demoPassword } from '../src/server/demo/seed.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { openNordlysScreen, scrollWidth, signIn } from './support/steps.js';

const runJourney = browserAvailable();

describe.skipIf(!runJourney)('the demo’s implementation phase in the browser', () => {
  let parley: E2eParley;
  const people: Person[] = [];
  const open = async (options: { width?: number; height?: number } = {}) => {
    const p = await openBrowser(options);
    people.push(p);
    return p;
  };
  /** The months the charts cover: from the first month of implementation to this one. */
  const span = () => demoImplementationSpan(new Date().toISOString().slice(0, 10));
  const years = () => [...new Set(span().map((m) => m.slice(0, 4)))];
  const row = (page: Page, ref: string) =>
    page.locator('.commitments-table tbody tr').filter({ hasText: ref });

  beforeAll(async () => {
    parley = await startParley();
  });

  afterAll(async () => {
    for (const p of people) await p.close();
    await parley?.close();
  });

  /** The progress table and the matrix cover the two years, month by month and by year. */
  async function expectTwoYears(page: Page) {
    const months = page.locator('.progress-table').first().locator('tbody tr th');
    await months.first().waitFor();
    expect(await months.allTextContents()).toEqual(span());
    expect(span()).toHaveLength(25);
    const matrixYears = page.locator('.matrix-table').first().locator('thead th.num');
    expect(await matrixYears.allTextContents()).toEqual(years());
  }

  it('shows the mediator two years of implementation on a desktop, with the overdue commitment and the standing dispute', async () => {
    const mediator = await open({ width: 1280, height: 900 });
    const page = mediator.page;
    await page.goto(parley.url);
    await signIn(page, 'mediator@demo.parley', demoPassword);
    await openNordlysScreen(page, 'Implementation');
    const { commitments, overdue, disputed } = parley.demo.implementation;
    for (const ref of commitments) await page.getByRole('button', { name: ref }).waitFor();
    await row(page, overdue).getByText('Overdue').waitFor();
    await row(page, disputed).getByText('1 dispute open').waitFor();
    expect(await page.locator('.commitments-table .badge-warning').count()).toBe(1);
    expect(await page.locator('.commitments-table .badge-danger').count()).toBe(1);
    await page.getByText(/^1 overdue; 1 without released evidence from /).waitFor();
    await expectTwoYears(page);
    await mediator.shot('78-implementation-demo-mediator-desktop');

    // The funds' timeline: the level the observer disputes, and why.
    await page.getByRole('button', { name: disputed }).click();
    const panel = page.locator('.timeline-panel');
    await panel.getByText('Disputed', { exact: true }).waitFor();
    await panel.getByText(/Only one tranche of three has reached the fund/).waitFor();
    await panel.scrollIntoViewIfNeeded();
    await mediator.shot('79-implementation-demo-dispute', { fullPage: false });
    // The hospitals' timeline: one level, long ago; no evidence for months.
    await page.getByRole('button', { name: overdue }).click();
    await page
      .locator('.timeline-panel')
      .getByText(/of 12 hospitals/)
      .first()
      .waitFor();
    expect(mediator.problems).toEqual([]);
  }, 90_000);

  it('lays the same picture out on a phone, in Spanish', async () => {
    const phone = await open({ width: 390, height: 844 });
    const page = phone.page;
    await page.goto(parley.url);
    await signIn(page, 'lead.mediator@demo.parley', demoPassword);
    await page.getByLabel('Language').selectOption('es');
    await openNordlysScreen(page, 'Implementación');
    const { overdue, disputed } = parley.demo.implementation;
    await row(page, overdue).getByText('Vencido').waitFor();
    await row(page, disputed).getByText('1 disputa abierta').waitFor();
    await page.getByText(/^1 vencidos; 1 sin evidencia publicada del /).waitFor();
    await expectTwoYears(page);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await phone.shot('80-implementation-demo-mediator-phone-es');
    expect(phone.problems).toEqual([]);
  }, 90_000);

  it('shows the government’s head, on a phone in Norwegian, its latest evidence waiting in its caucus', async () => {
    const phone = await open({ width: 390, height: 844 });
    const page = phone.page;
    await page.goto(parley.url);
    await signIn(page, 'gov.head@demo.parley', demoPassword);
    await page.getByLabel('Language').selectOption('nb');
    await openNordlysScreen(page, 'Gjennomføring');
    await row(page, parley.demo.implementation.overdue).getByText('Forfalt').waitFor();
    await page.getByRole('button', { name: 'H-05' }).click();
    const panel = page.locator('.timeline-panel');
    await panel.getByText('Ikke frigitt ennå').waitFor();
    await panel.getByRole('button', { name: 'Frigi til plenum' }).waitFor();
    // The opposition's evidence still in its caucus is not the government's to see.
    await page.getByRole('button', { name: 'H-04' }).click();
    await page
      .locator('.timeline-panel')
      .getByText(/of 3 governments have agreed/)
      .first()
      .waitFor();
    expect(await page.locator('.timeline-panel').getByText('Ikke frigitt ennå').count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await phone.shot('81-implementation-demo-party-phone-nb');
    expect(phone.problems).toEqual([]);
  }, 90_000);

  it('shows the observer, on a desktop in Spanish, the dispute it raised, which it may resolve', async () => {
    const observer = await open({ width: 1280, height: 900 });
    const page = observer.page;
    await page.goto(parley.url);
    await signIn(page, 'observer@demo.parley', demoPassword);
    await page.getByLabel('Language').selectOption('es');
    await openNordlysScreen(page, 'Implementación');
    const { disputed } = parley.demo.implementation;
    await row(page, disputed).getByText('1 disputa abierta').waitFor();
    await page.getByRole('button', { name: disputed }).click();
    const panel = page.locator('.timeline-panel');
    await panel.getByText('Disputado', { exact: true }).waitFor();
    await panel.getByRole('button', { name: 'Resolver la disputa' }).waitFor();
    await expectTwoYears(page);
    await observer.shot('82-implementation-demo-observer-es');
    expect(observer.problems).toEqual([]);
  }, 90_000);

  it.each([
    { language: 'en', width: 1280, height: 900, device: 'desktop', overdue: 'Overdue' },
    { language: 'es', width: 390, height: 844, device: 'phone', overdue: 'Vencido' },
    { language: 'nb', width: 390, height: 844, device: 'phone', overdue: 'Forfalt' },
    { language: 'nb', width: 1280, height: 900, device: 'desktop', overdue: 'Forfalt' },
  ])(
    'shows anyone without an account the released part in $language on a $device',
    async ({ language, width, height, device, overdue }) => {
      const reader = await open({ width, height });
      const page = reader.page;
      const demo = parley.demo.implementation;
      await page.goto(`${parley.url}/public/implementation/${demo.publicSlug}`);
      await page
        .getByRole('heading', {
          level: 1,
          name: /^Implementation of the partial agreement on humanitarian measures/,
        })
        .waitFor();
      if (language !== 'en') await page.getByLabel('Language').selectOption(language);
      const rows = page.locator('.public-commitments tbody tr');
      await rows.first().waitFor();
      const refs = await rows.locator('.commitment-wording + p').allTextContents();
      // Access and services only: neither the disputed funds nor the electoral planning.
      expect(refs.map((r) => r.split(' · ')[0])).toEqual(['H-01', 'H-02', 'H-03', 'H-05']);
      await rows.filter({ hasText: demo.overdue }).getByText(overdue).waitFor();
      expect(await page.locator('.public-commitments .badge-warning').count()).toBe(1);
      await expectTwoYears(page);
      const text = await page.locator('main').innerText();
      for (const hidden of ['Observer', 'Ministry', 'tranche', 'H-04', 'E-01'])
        expect(text).not.toContain(hidden);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(width);
      await reader.shot(`83-implementation-demo-public-${language}-${device}`);
      expect(reader.problems).toEqual([]);
    },
    90_000,
  );
});
