/**
 * The browser journey of outward actions and unsaved work, on the demo process NORDLYS: the
 * confirmation of publishing a version in Spanish on a phone (Escape cancels, nothing goes out),
 * of sharing ratings in Norwegian on a tablet, and the provision editor that keeps what was typed
 * — asked before leaving in the app or closing the tab, kept across a fresh page, discarded only
 * when confirmed. Each step saves screenshots to e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/demo/seed.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { confirmOutward, signIn } from './support/steps.js';

const runJourney = browserAvailable();

describe.skipIf(!runJourney)('outward actions and unsaved work in the browser', () => {
  let parley: E2eParley;
  const people: Person[] = [];
  const open = async (options: Parameters<typeof openBrowser>[0] = {}) => {
    const p = await openBrowser(options);
    people.push(p);
    return p;
  };
  const textUrl = () => `${parley.url}/processes/${parley.demo.processId}/text`;

  beforeAll(async () => {
    parley = await startParley();
  });
  afterAll(async () => {
    for (const p of people) await p.close();
    await parley?.close();
  });

  it('names who receives a version, in Spanish on a phone, and Escape sends nothing', async () => {
    const mediator = await open({ width: 390, height: 844, locale: 'es-ES' });
    const page = mediator.page;
    await page.goto(parley.url);
    await page.getByLabel('Correo electrónico').fill('lead.mediator@demo.parley');
    await page.getByLabel('Contraseña', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mis procesos' }).waitFor();
    await page.goto(textUrl());
    // The demo has published three versions: the next is the fourth.
    const publish = page.getByRole('button', { name: 'Publicar la versión 4' });
    await publish.click();
    const told = await confirmOutward(page, {
      cancel: true,
      shot: () => mediator.shot('80-publish-confirmation-es-390', { fullPage: false }),
    });
    expect(told).toMatch(
      /Llega a las delegaciones GOV y OPP, el equipo de mediación.*: \d+ personas\./,
    );
    expect(told).toContain('No sale ninguna nota de redacción.');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    expect(await page.getByText(/está publicada/).count()).toBe(0);
    expect(mediator.problems).toEqual([]);
  });

  it('names who sees shared ratings, in Norwegian on a tablet', async () => {
    const head = await open({ width: 768, height: 1024, locale: 'nb-NO' });
    const page = head.page;
    await page.goto(parley.url);
    await page.getByLabel('E-postadresse').fill('gov.head@demo.parley');
    await page.getByLabel('Passord', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine prosesser' }).waitFor();
    await page.goto(`${parley.url}/processes/${parley.demo.processId}/preferences`);
    const share = page.getByLabel('Del vurderingene våre med meklerteamet');
    await share.waitFor();
    // The demo's head shared already: taking them back asks nothing, sharing again asks.
    if (await share.isChecked()) {
      await share.click();
      await page
        .getByLabel('Del vurderingene våre med meklerteamet')
        .and(page.locator(':not(:checked)'))
        .waitFor();
    }
    await share.click();
    const told = await confirmOutward(page, {
      shot: () => head.shot('81-share-confirmation-nb-768', { fullPage: false }),
    });
    expect(told).toMatch(/Går til GOV-delegasjonen og meklerteamet – \d+ personer\./);
    expect(head.problems).toEqual([]);
  });

  it('lets a party ask for a change to a circulated press line, with a comment the mediators read', async () => {
    const head = await open({ width: 390, height: 844 });
    const page = head.page;
    await page.goto(parley.url);
    await signIn(page, 'opp.head@demo.parley', demoPassword);
    await page.goto(`${parley.url}/processes/${parley.demo.processId}/communiques`);
    const card = page.locator('.communique-card', { hasText: 'Line to take after the round' });
    await card.getByRole('button', { name: 'Reject or ask for a change…' }).click();
    await card.getByLabel('Comment for the mediators').fill('Name the joint commission (e2e).');
    await card.getByRole('button', { name: 'Send the request for a change' }).click();
    await card.getByText('Your answer is recorded; the mediators see your comment.').waitFor();
    await card.locator('.approval-list .is-objected').waitFor();
    await card.scrollIntoViewIfNeeded();
    await head.shot('84-change-asked-390', { fullPage: false });

    const mediator = await open();
    const m = mediator.page;
    await m.goto(parley.url);
    await signIn(m, 'lead.mediator@demo.parley', demoPassword);
    await m.goto(`${parley.url}/processes/${parley.demo.processId}/communiques`);
    const seen = m.locator('.communique-card', { hasText: 'Line to take after the round' });
    const objected = seen.locator('.approval-list .is-objected');
    await objected.waitFor();
    expect(await objected.textContent()).toMatch(
      /OPP.*Change asked for.*Name the joint commission/,
    );
    await seen.scrollIntoViewIfNeeded();
    await mediator.shot('85-change-seen-by-mediators', { fullPage: false });
    // The other party learns that the opposition said no, not what it said.
    const gov = await open();
    await gov.page.goto(parley.url);
    await signIn(gov.page, 'gov.head@demo.parley', demoPassword);
    await gov.page.goto(`${parley.url}/processes/${parley.demo.processId}/communiques`);
    const theirs = gov.page.locator('.communique-card', {
      hasText: 'Line to take after the round',
    });
    await theirs.locator('.approval-list .is-objected').waitFor();
    expect(await theirs.textContent()).not.toContain('joint commission (e2e)');
    expect(head.problems).toEqual([]);
  });

  it('keeps typed wording: asks before leaving, survives a fresh page, discards only when confirmed', async () => {
    const mediator = await open();
    const page = mediator.page;
    await page.goto(parley.url);
    await signIn(page, 'lead.mediator@demo.parley', demoPassword);
    await page.goto(textUrl());
    await page.getByRole('button', { name: 'Edit provision 2.3' }).click();
    await page.getByRole('button', { name: 'Bracket syntax (experts)' }).click();
    const wording = page.getByLabel('Wording of 2.3, in the bracket syntax');
    const typed = 'The electoral campaign shall last [no less than]{OPP} ninety days (kept).';
    await wording.fill(typed);

    // In the app: the question is asked, declining stays.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await page.locator('nav.process-nav').getByRole('link', { name: 'Record' }).click();
    expect(asked).toEqual(['confirm: You have unsaved changes. Leave this page and lose them?']);
    expect(page.url()).toMatch(/\/text$/);
    // Closing the tab: the browser asks.
    page.once('dialog', (d) => {
      asked.push(d.type());
      void d.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await page.waitForTimeout(300);
    expect(asked[1]).toBe('beforeunload');

    // A fresh page of the same browser: the wording is back.
    const again = await mediator.context.newPage();
    await again.goto(textUrl());
    await again.getByRole('button', { name: 'Edit provision 2.3' }).click();
    await again.getByRole('button', { name: 'Bracket syntax (experts)' }).click();
    const back = again.getByLabel('Wording of 2.3, in the bracket syntax');
    expect(await back.inputValue()).toBe(typed);
    await again.getByText(/Your unsaved wording from .* is back/).waitFor();
    await again.locator('.provision-editor').scrollIntoViewIfNeeded();
    await again.screenshot({ path: 'e2e/screenshots/82-wording-restored.png' });

    // Closing the editor asks; confirming discards.
    await again
      .locator('.provision-editor')
      .getByRole('button', { name: 'Close', exact: true })
      .click();
    const dialog = again.locator('dialog.confirm-dialog[open]');
    await dialog.getByRole('heading', { name: 'Discard your changes to 2.3?' }).waitFor();
    await again.screenshot({ path: 'e2e/screenshots/83-discard-confirmation.png' });
    await dialog.getByRole('button', { name: 'Discard my changes' }).click();
    await again.getByRole('button', { name: 'Edit provision 2.3' }).click();
    await again.getByRole('button', { name: 'Bracket syntax (experts)' }).click();
    expect(await back.inputValue()).not.toContain('(kept)');
  });
});
