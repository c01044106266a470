/**
 * The browser journey of suggestion sets, on the demo process NORDLYS (both parties have
 * submitted their ratings and the mediators published one set): the facilitator allows two sets
 * per round, the lead mediator publishes the second from the parties' submissions, and each party
 * sees it with its own numbers only — the government in English, the opposition in Spanish and
 * then Norwegian. Each step saves screenshots to e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/demo/seed.js';
import { actorOf } from '../src/server/test-support/actors.js';
import { setSuggestionBound } from '../src/core/usecases/analysis/set-suggestion-bound.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { confirmOutward, signIn, openNordlysScreen } from './support/steps.js';

const runJourney = browserAvailable();

describe.skipIf(!runJourney)('suggestion sets, published and read in the browser', () => {
  let parley: E2eParley;
  const people: Person[] = [];
  const open = async () => {
    const p = await openBrowser();
    people.push(p);
    return p;
  };

  beforeAll(async () => {
    parley = await startParley();
    // The facilitator allows two sets per round (the demo's round has had one).
    await setSuggestionBound(parley.runtime.deps, {
      actor: await actorOf(parley.runtime.deps, 'facilitator@demo.parley'),
      processId: parley.demo.processId,
      setsPerRound: 2,
    });
  });

  afterAll(async () => {
    for (const p of people) await p.close();
    await parley?.close();
  });

  it('lets the lead mediator publish a suggestion set from the parties’ submissions', async () => {
    const mediator = await open();
    const page = mediator.page;
    await page.goto(parley.url);
    await signIn(page, 'lead.mediator@demo.parley', demoPassword);
    await openNordlysScreen(page, 'Analysis');
    const sets = page.locator('section.suggestion-sets');
    await sets.getByRole('heading', { name: 'Suggestion set 1' }).waitFor();
    await sets.getByText('GOV: 0 submissions').waitFor();
    await sets.getByRole('button', { name: 'Publish a suggestion set' }).click();
    expect(await confirmOutward(page)).toMatch(/Goes to the GOV and OPP delegations/);
    await sets.getByRole('heading', { name: 'Suggestion set 2' }).waitFor();
    // The mediators see both parties' numbers: both shared their ratings.
    expect(
      await sets
        .locator('.suggestion-set')
        .first()
        .getByText(/^OPP: /)
        .count(),
    ).toBeGreaterThan(0);
    await mediator.shot('60-suggestion-set-published');
    expect(mediator.problems).toEqual([]);
  });

  it('shows the government the new set with its own utility only, and its utility across sets', async () => {
    const gov = await open();
    const page = gov.page;
    await page.goto(parley.url);
    await signIn(page, 'gov.delegate@demo.parley', demoPassword);
    await openNordlysScreen(page, 'Analysis');
    const sets = page.locator('section.suggestion-sets');
    const newest = sets.locator('.suggestion-set').first();
    await newest.getByRole('heading', { name: 'Suggestion set 2' }).waitFor();
    await newest.getByText('It used your submission no. 1.').waitFor();
    expect(await newest.getByText(/\/ 100 for you$/).count()).toBeGreaterThan(0);
    // Another party's numbers never appear to a party.
    expect(await sets.getByText(/^OPP: /).count()).toBe(0);
    const table = sets.locator('table.across-sets');
    expect(await table.locator('tbody tr').count()).toBe(2);
    await gov.shot('61-suggestion-set-government');
    expect(gov.problems).toEqual([]);
  });

  it('shows the opposition the same packages with its own numbers, in Spanish and Norwegian', async () => {
    const opp = await open();
    const page = opp.page;
    await page.goto(parley.url);
    await signIn(page, 'opp.head@demo.parley', demoPassword);
    await page.getByLabel('Language').selectOption('es');
    await openNordlysScreen(page, 'Análisis');
    const sets = page.locator('section.suggestion-sets');
    const newest = sets.locator('.suggestion-set').first();
    await newest.getByRole('heading', { name: 'Conjunto de sugerencias 2' }).waitFor();
    expect(await newest.getByText(/\/ 100 para ustedes$/).count()).toBeGreaterThan(0);
    expect(await sets.getByText(/^GOV: /).count()).toBe(0);
    await opp.shot('62-suggestion-set-opposition-es');
    await page.getByLabel('Idioma').selectOption('nb');
    await newest.getByRole('heading', { name: 'Forslagssett 2' }).waitFor();
    expect(await newest.getByText(/\/ 100 for dere$/).count()).toBeGreaterThan(0);
    await sets.getByText('Nytten deres i hvert sett').waitFor();
    await opp.shot('63-suggestion-set-opposition-nb');
    await page.getByLabel('Språk').selectOption('en');
    expect(opp.problems).toEqual([]);
  });
});
