/**
 * A sweep of the main screens at a phone's, a tablet's and a desktop's width (390, 768 and
 * 1280 px) in English, Spanish and Norwegian, as a party's head of delegation: nothing scrolls
 * sideways, the interface speaks the chosen language, and an address naming another party's note
 * or no page at all says so on purpose with the way on. A wrong password is explained in the
 * interface's language, with no English from the server. Screenshots go to e2e/screenshots/
 * (sweep-<language>-<width>-<screen>.png).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/demo/seed.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { scrollWidth } from './support/steps.js';

const runJourney = browserAvailable();

const languages = {
  en: {
    email: 'E-mail address',
    password: 'Password',
    signIn: 'Sign in',
    processes: 'My processes',
    // English shows the server's own message, which names the detail.
    wrong: 'E-mail or password is wrong',
    unavailable: 'Nothing to show here',
  },
  es: {
    email: 'Correo electrónico',
    password: 'Contraseña',
    signIn: 'Iniciar sesión',
    processes: 'Mis procesos',
    wrong: 'Correo electrónico o contraseña incorrectos',
    unavailable: 'Aquí no hay nada que mostrar',
  },
  nb: {
    email: 'E-postadresse',
    password: 'Passord',
    signIn: 'Logg inn',
    processes: 'Mine prosesser',
    wrong: 'Feil e-postadresse eller passord',
    unavailable: 'Ingenting å vise her',
  },
} as const;

const widths = [390, 768, 1280] as const;

describe.skipIf(!runJourney)('the main screens at three widths in three languages', () => {
  let parley: E2eParley;

  beforeAll(async () => {
    parley = await startParley();
  });
  afterAll(async () => {
    await parley?.close();
  });

  it.each(Object.keys(languages) as Array<keyof typeof languages>)(
    'reads well in %s at 390, 768 and 1280 px',
    async (lang) => {
      const words = languages[lang];
      const person: Person = await openBrowser({ locale: lang === 'nb' ? 'nb-NO' : lang });
      try {
        const page = person.page;
        await page.goto(parley.url);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        // A wrong password: the reason in this language, no English appended.
        await page.getByLabel(words.email).fill('gov.head@demo.parley');
        await page.getByLabel(words.password, { exact: true }).fill('not the password');
        await page.getByRole('button', { name: words.signIn, exact: true }).click();
        const alert = page.locator('main [role="alert"]');
        await alert.waitFor();
        const said = await alert.innerText();
        expect(said).toContain(words.wrong);
        if (lang !== 'en') expect(said).not.toMatch(/password|e-mail|invalid/i);
        await person.shot(`sweep-${lang}-sign-in-refused`, { fullPage: false });
        await page.getByLabel(words.password, { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: words.signIn, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: words.processes }).waitFor();

        const base = `${parley.url}/processes/${parley.demo.processId}`;
        const oppCaucus = parley.demo.compartments.find(
          (c) => c.kind === 'caucus' && c.partyId === parley.demo.parties.opp,
        )!;
        const screens: Array<[string, string]> = [
          ['dashboard', base],
          ['versions', `${base}/text/versions`],
          ['communiques', `${base}/communiques`],
          ['rounds', `${base}/rounds`],
          [
            'hidden-note',
            `${base}/compartments/${oppCaucus.id}/notes/${parley.demo.notes.get(oppCaucus.id)}`,
          ],
          ['missing-process', `${parley.url}/processes/${randomUUID()}`],
        ];
        for (const width of widths) {
          await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
          for (const [name, url] of screens) {
            await page.goto(url);
            await page.locator('main h1').first().waitFor();
            await page.waitForLoadState('networkidle');
            expect(await scrollWidth(page), `${name} at ${width} px`).toBeLessThanOrEqual(width);
            if (name === 'hidden-note' || name === 'missing-process') {
              const box = page.locator('[data-testid="unavailable"]');
              await box.waitFor();
              expect(await page.locator('main h1').innerText()).toBe(words.unavailable);
              // Says what to do next: at least one way on.
              expect(await box.locator('a').count()).toBeGreaterThan(0);
            }
            await person.shot(`sweep-${lang}-${width}-${name}`, { fullPage: false });
          }
        }
        expect(person.problems).toEqual([]);
      } finally {
        await person.close();
      }
    },
    300_000,
  );
});
