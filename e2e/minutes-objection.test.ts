/**
 * The browser journey of a party saying no to the plenary minutes, on the demo process NORDLYS, in
 * English at 1280 px, Spanish at 390 px and Norwegian at 768 px: the government's head of
 * delegation asks for a change to circulated minutes with a comment, and the lead mediator sees
 * that answer and its comment in the minutes' approval list; the opposition reads only that the
 * government said no. Screenshots go to e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleSession } from '../src/core/usecases/rounds/schedule-session.js';
import { writeMinutes } from '../src/core/usecases/rounds/write-minutes.js';
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
    open: 'Reject or ask for a change…',
    askChange: 'Ask for a change',
    comment: 'Comment for the mediators',
    send: 'Send the request for a change',
    recorded: 'Your answer is recorded; the mediators see your comment.',
    changeOn: /Change asked for, /,
  },
  es: {
    locale: 'es-ES',
    email: 'Correo electrónico',
    password: 'Contraseña',
    signIn: 'Iniciar sesión',
    processes: 'Mis procesos',
    open: 'Rechazar o pedir un cambio…',
    askChange: 'Pedir un cambio',
    comment: 'Comentario para la mediación',
    send: 'Enviar la petición de cambio',
    recorded: 'Su respuesta queda registrada; la mediación ve su comentario.',
    changeOn: /Cambio pedido, /,
  },
  nb: {
    locale: 'nb-NO',
    email: 'E-postadresse',
    password: 'Passord',
    signIn: 'Logg inn',
    processes: 'Mine prosesser',
    open: 'Avvis eller be om en endring …',
    askChange: 'Be om en endring',
    comment: 'Kommentar til meklerne',
    send: 'Send anmodningen om endring',
    recorded: 'Svaret ditt er registrert; meklerne ser kommentaren din.',
    changeOn: /Endring bedt om, /,
  },
} as const;

describe.skipIf(!runJourney)('a party asks for a change to the plenary minutes', () => {
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
    ['en', 1280],
    ['es', 390],
    ['nb', 768],
  ] as const)(
    'the head of delegation comments, the lead mediator reads it (%s, %i px)',
    async (language, width) => {
      const w = words[language];
      // A plenary session of the demo round with minutes circulated for approval.
      const deps = parley.runtime.deps;
      const processId = parley.demo.processId;
      const roundId = parley.demo.roundId;
      const title = `Plenary on the observers (${language})`;
      const comment = `Point 2 should say the parties took note of the agenda (${language}).`;
      const session = await scheduleSession(deps, {
        actor: await actorOf(deps, 'lead.mediator@demo.parley'),
        processId,
        roundId,
        format: 'plenary',
        partyId: null,
        title,
        startsAt: '2019-05-28T07:00:00Z',
        endsAt: '2019-05-28T09:00:00Z',
        agenda: [],
      });
      await writeMinutes(deps, {
        actor: await actorOf(deps, 'mediator@demo.parley'),
        processId,
        roundId,
        sessionId: session.session.id,
        kind: 'plenary',
        baseRevision: 0,
        text: '1. The parties heard the facilitator.\n2. The parties agreed the agenda.',
      });
      const roundPage = `${parley.url}/processes/${processId}/rounds/${roundId}`;
      const signIn = async (email: string) => {
        const person = await openBrowser({ width, height: 900, locale: w.locale });
        people.push(person);
        const page = person.page;
        await page.goto(parley.url);
        await page.getByLabel(w.email).fill(email);
        await page.getByLabel(w.password, { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: w.signIn, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: w.processes }).waitFor();
        await page.goto(roundPage);
        const minutes = page
          .locator('li.session-card', { hasText: title })
          .locator('.minutes-plenary');
        await minutes.waitFor();
        return { person, page, minutes };
      };

      // The government's head of delegation asks for a change, with a comment.
      const head = await signIn('gov.head@demo.parley');
      await head.minutes.getByRole('button', { name: w.open }).click();
      await head.minutes.getByLabel(w.askChange).check();
      await head.minutes.getByLabel(w.comment).fill(comment);
      await head.minutes.scrollIntoViewIfNeeded();
      await head.person.shot(`98-minutes-objection-form-${language}-${width}`, { fullPage: false });
      await head.minutes.getByRole('button', { name: w.send }).click();
      await head.minutes.getByText(w.recorded).waitFor();
      const own = head.minutes.locator('.approval-list li.is-objected');
      await own.waitFor();
      expect(await own.innerText()).toContain(comment);
      expect(await scrollWidth(head.page)).toBeLessThanOrEqual(width);
      expect(head.person.problems).toEqual([]);

      // The lead mediator sees the government's answer and its comment in the approval list.
      const lead = await signIn('lead.mediator@demo.parley');
      const objected = lead.minutes.locator('.approval-list li.is-objected');
      await objected.waitFor();
      const line = await objected.innerText();
      expect(line).toMatch(w.changeOn);
      expect(line).toContain(comment);
      await objected.scrollIntoViewIfNeeded();
      await lead.person.shot(`99-minutes-objection-seen-${language}-${width}`, { fullPage: false });
      expect(await scrollWidth(lead.page)).toBeLessThanOrEqual(width);
      expect(lead.person.problems).toEqual([]);

      // The opposition learns only that the government said no, not why.
      const opp = await parley.request(
        'oppHead',
        'GET',
        `/api/processes/${processId}/rounds/${roundId}`,
      );
      expect(opp.body).toContain(title);
      expect(opp.body).not.toContain(comment);
    },
    120_000,
  );
});
