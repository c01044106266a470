/**
 * The browser journey of actors and media, on the demo process NORDLYS: the lead mediator
 * registers two actors, pastes a Spanish and a Norwegian article, sees the detected language and
 * the highlighted mentions and quotations, confirms a suggested quote as a statement, and sees the
 * actor's timeline and the chart; a government delegate (in Spanish) sees none of it, and a
 * mediator reads the page in Norwegian. Each step saves screenshots to e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/demo/seed.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { signIn, openNordlysScreen } from './support/steps.js';

const runJourney = browserAvailable();

const spanish =
  'El presidente Nicolás Maduro agradeció a Noruega su papel en el diálogo. «Noruega ha sido un facilitador serio y discreto», dijo Maduro en un mensaje televisado.';
const norwegian =
  'Statsminister Jonas Gahr Støre vil ikke si hvor samtalene foregår.\n– Vi bekrefter verken det ene eller det andre, sier Støre til NRK.';

describe.skipIf(!runJourney)('actors and media in the browser', () => {
  let parley: E2eParley;
  const people: Person[] = [];
  const open = async () => {
    const p = await openBrowser();
    people.push(p);
    return p;
  };

  beforeAll(async () => {
    parley = await startParley();
  });

  afterAll(async () => {
    for (const p of people) await p.close();
    await parley?.close();
  });

  it('lets the lead mediator register actors, analyse articles and confirm a statement', async () => {
    const mediator = await open();
    const page = mediator.page;
    await page.goto(parley.url);
    await signIn(page, 'lead.mediator@demo.parley', demoPassword);
    await openNordlysScreen(page, 'Actors and media');
    const register = page.locator('form[aria-label="Register actor"]');
    for (const [name, aliases, role] of [
      ['Nicolás Maduro', 'Maduro, Nicolas Maduro', 'Critic'],
      ['Jonas Gahr Støre', 'Støre, Gahr Støre', 'Guarantor'],
    ] as const) {
      await register.getByLabel('Name').fill(name);
      await register.getByLabel('Aliases').fill(aliases);
      await register.getByLabel('Stance towards the process').selectOption({ label: role });
      await register.getByRole('button', { name: 'Register actor' }).click();
      await page.getByTestId('media-actor').filter({ hasText: name }).waitFor();
    }
    await mediator.shot('70-media-actors');

    const paste = page.locator('form[aria-label="Analyse article"]');
    await paste.getByLabel('Article text').fill(spanish);
    await paste.getByLabel('Outlet').fill('El Nacional');
    await paste.getByLabel('Published').fill('2019-07-08');
    await paste.getByRole('button', { name: 'Analyse article' }).click();
    await page.getByTestId('media-language').getByText('Spanish').waitFor();
    const text = page.getByTestId('media-article-text');
    expect(await text.locator('mark.media-mention').allTextContents()).toEqual([
      'Nicolás Maduro',
      'Maduro',
    ]);
    expect(await text.locator('q.media-quote').count()).toBe(1);
    await page.getByText('Said by Nicolás Maduro, according to the text.').waitFor();
    await mediator.shot('71-media-spanish-article');
    await page.getByRole('button', { name: 'Confirm as statement' }).click();
    await page.getByText('Confirmed as a statement.').waitFor();

    await paste.getByLabel('Article text').fill(norwegian);
    await paste.getByLabel('Published').fill('2019-08-02');
    await paste.getByRole('button', { name: 'Analyse article' }).click();
    await page.getByTestId('media-language').getByText('Norwegian bokmål').waitFor();
    await page.getByText('Said by Jonas Gahr Støre, according to the text.').waitFor();
    await mediator.shot('72-media-norwegian-article');
    await page.getByRole('button', { name: 'Confirm as statement' }).click();
    await page.getByText('Confirmed as a statement.').waitFor();

    await page.getByRole('button', { name: 'Nicolás Maduro' }).click();
    const timeline = page.getByTestId('actor-timeline');
    await timeline.getByText('Noruega ha sido un facilitador serio y discreto').waitFor();
    const chart = page.getByTestId('media-chart');
    await chart.getByRole('rowheader', { name: '2019-07' }).waitFor();
    await chart.getByRole('rowheader', { name: '2019-08' }).waitFor();
    expect(await page.getByTestId('media-statement').count()).toBe(2);
    await mediator.shot('73-media-timeline-and-chart');
    expect(mediator.problems).toEqual([]);
  });

  it('shows a government delegate none of it, in Spanish', async () => {
    const gov = await open();
    const page = gov.page;
    await page.goto(parley.url);
    await signIn(page, 'gov.delegate@demo.parley', demoPassword);
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('link', { name: 'Mis procesos' }).waitFor();
    await openNordlysScreen(page, 'Actores y medios');
    await page.getByText('Aún no hay actores registrados.').waitFor();
    await page.getByText('Ninguna declaración confirmada coincide.').waitFor();
    expect(await page.getByTestId('media-actor').count()).toBe(0);
    expect(await page.getByTestId('media-statement').count()).toBe(0);
    await gov.shot('74-media-delegate-es');
    expect(gov.problems).toEqual([]);
  });

  it('shows a mediator the register and the chart in Norwegian', async () => {
    const nb = await open();
    const page = nb.page;
    await page.goto(parley.url);
    await signIn(page, 'mediator@demo.parley', demoPassword);
    await page.getByLabel('Language').selectOption('nb');
    await page.getByRole('link', { name: 'Mine prosesser' }).waitFor();
    await openNordlysScreen(page, 'Aktører og medier');
    await page.getByTestId('media-actor').filter({ hasText: 'Jonas Gahr Støre' }).waitFor();
    await page.getByTestId('media-chart').waitFor();
    await page.getByText('Uttalelser per måned, etter holdning').waitFor();
    await nb.shot('75-media-nb');
    expect(nb.problems).toEqual([]);
  });
});
