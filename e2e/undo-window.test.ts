/**
 * The browser journey of a release held in an undo window, on the demo process NORDLYS, in
 * English, Spanish and Norwegian at 390, 1280 and 768 px: the lead mediator releases an approved
 * communiqué with a window of a few minutes, the confirmation says when it becomes public and that
 * it can be withdrawn until then, a countdown with "Withdraw" follows, and withdrawing puts it back
 * among the circulated drafts — never public. Screenshots go to e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveCommunique } from '../src/core/usecases/communiques/approve-communique.js';
import { circulateCommunique } from '../src/core/usecases/communiques/circulate-communique.js';
import { draftCommunique } from '../src/core/usecases/communiques/draft-communique.js';
import { demoPassword } from '../src/server/demo/seed.js';
import { actorOf } from '../src/server/test-support/actors.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { scrollWidth } from './support/steps.js';

const runJourney = browserAvailable();

const words = {
  en: {
    locale: 'en-GB',
    email: 'E-mail address',
    password: 'Password',
    signIn: 'Sign in',
    processes: 'My processes',
    hold: 'Undo window',
    minutes: '5 minutes',
    release: 'Release and number',
    confirm: 'Release',
    publicAt: /Public at \d{1,2}:\d{2}, can be withdrawn until then\./,
    countdown: /Public at \d{1,2}:\d{2}: \d:\d{2} left to withdraw it\./,
    withdraw: 'Withdraw',
    withdrawn: 'The release is withdrawn',
  },
  es: {
    locale: 'es-ES',
    email: 'Correo electrónico',
    password: 'Contraseña',
    signIn: 'Iniciar sesión',
    processes: 'Mis procesos',
    hold: 'Plazo para retirar',
    minutes: '5 minutos',
    release: 'Publicar y numerar',
    confirm: 'Difundir',
    publicAt: /Público a las \d{1,2}:\d{2}; puede retirarse hasta entonces\./,
    countdown: /Público a las \d{1,2}:\d{2}: quedan \d:\d{2} para retirarlo\./,
    withdraw: 'Retirar',
    withdrawn: 'La publicación se ha retirado',
  },
  nb: {
    locale: 'nb-NO',
    email: 'E-postadresse',
    password: 'Passord',
    signIn: 'Logg inn',
    processes: 'Mine prosesser',
    hold: 'Angrefrist',
    minutes: '5 minutter',
    release: 'Offentliggjør og nummerer',
    confirm: 'Frigi',
    publicAt: /Offentlig kl\. \d{1,2}[:.]\d{2}, kan trekkes tilbake til da\./,
    countdown: /Offentlig kl\. \d{1,2}[:.]\d{2}: \d:\d{2} igjen til å trekke den tilbake\./,
    withdraw: 'Trekk tilbake',
    withdrawn: 'Frigivelsen er trukket tilbake',
  },
} as const;

describe.skipIf(!runJourney)('a release held in an undo window, in the browser', () => {
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
    ['en', 390],
    ['es', 1280],
    ['nb', 768],
  ] as const)(
    'releases with a window, counts down and withdraws (%s, %i px)',
    async (language, width) => {
      const w = words[language];
      // An approved communiqué, ready to release (through the use cases, as the parties would).
      const deps = parley.runtime.deps;
      const processId = parley.demo.processId;
      const title = `Communiqué held in a window (${language})`;
      const c = await draftCommunique(deps, {
        actor: await actorOf(deps, 'mediator@demo.parley'),
        processId,
        kind: 'communique',
        title,
        text: 'The parties will meet again after consultations.',
        embargoUntil: null,
        roundId: null,
      });
      const lead = await actorOf(deps, 'lead.mediator@demo.parley');
      await circulateCommunique(deps, { actor: lead, processId, communiqueId: c.id, hash: c.hash });
      for (const email of [
        'gov.head@demo.parley',
        'opp.head@demo.parley',
        'lead.mediator@demo.parley',
      ])
        await approveCommunique(deps, {
          actor: await actorOf(deps, email),
          processId,
          communiqueId: c.id,
          hash: c.hash,
        });

      const mediator = await openBrowser({ width, height: 900, locale: w.locale });
      people.push(mediator);
      const page = mediator.page;
      await page.goto(parley.url);
      await page.getByLabel(w.email).fill('lead.mediator@demo.parley');
      await page.getByLabel(w.password, { exact: true }).fill(demoPassword);
      await page.getByRole('button', { name: w.signIn, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: w.processes }).waitFor();
      await page.goto(`${parley.url}/processes/${processId}/communiques`);
      const card = page.locator('.communique-card', { hasText: title });
      await card.getByLabel(w.hold).selectOption({ label: w.minutes });
      await card.getByRole('button', { name: w.release, exact: true }).click();
      const dialog = page.locator('dialog.confirm-dialog[open]');
      await dialog.locator('.audience-who').waitFor();
      expect(await dialog.innerText()).toMatch(w.publicAt);
      await mediator.shot(`95-undo-confirm-${language}-${width}`, { fullPage: false });
      await dialog.getByRole('button', { name: w.confirm, exact: true }).click();

      const countdown = card.locator('.undo-window');
      await countdown.waitFor();
      expect(await countdown.innerText()).toMatch(w.countdown);
      // Not public meanwhile: the public compartment's readers do not get it.
      const publicList = await parley.request(
        'admin',
        'GET',
        `/api/processes/${processId}/communiques`,
      );
      expect(publicList.body).not.toContain(title);
      await countdown.scrollIntoViewIfNeeded();
      await mediator.shot(`96-undo-countdown-${language}-${width}`, { fullPage: false });
      expect(await scrollWidth(page)).toBeLessThanOrEqual(width);

      await countdown.getByRole('button', { name: w.withdraw }).click();
      await page.getByText(w.withdrawn).first().waitFor();
      await card.getByRole('button', { name: w.release, exact: true }).waitFor();
      await card.scrollIntoViewIfNeeded();
      await mediator.shot(`97-undo-withdrawn-${language}-${width}`, { fullPage: false });
      expect(mediator.problems).toEqual([]);
    },
    120_000,
  );
});
