/**
 * The browser journey of the drafting editor, on the demo process NORDLYS, in English, Spanish and
 * Norwegian at 1280, 390 and 768 px: a mediator selects words of a provision and brackets them for
 * a party with a note marked for the parties, sees the bracket syntax and its preview, meets a
 * forgotten "]" explained in plain words beside the place, and saves; a party's head proposes an
 * amendment by selecting the words in the provision instead of typing them. Screenshots go to
 * e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoPassword } from '../src/server/demo/seed.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { scrollWidth } from './support/steps.js';

const runJourney = browserAvailable();

/** The interface's words each run looks for, per language. */
const words = {
  en: {
    locale: 'en-GB',
    email: 'E-mail address',
    password: 'Password',
    signIn: 'Sign in',
    processes: 'My processes',
    edit: 'Edit provision',
    heldBy: 'Held by',
    note: 'Drafter’s note',
    forParties: 'For the parties: goes out with a published version',
    bracketIt: 'Bracket the selected words',
    selected: 'Selected: “',
    syntaxMode: 'Bracket syntax (experts)',
    structureMode: 'Edit as text',
    wording: (n: string) => `Wording of ${n}, in the bracket syntax`,
    missing: (opened: number) =>
      `The bracket opened at column ${opened} is not closed. Add “]” before “{”.`,
    save: 'Save wording',
    saved: 'Saved. The draft is now at revision',
    provision: 'Provision',
    replaceKind: 'Replace words',
    replacement: 'The new wording',
    propose: 'Propose the amendment',
    proposed: 'The amendment is sent to the mediators.',
    chosen: 'Words chosen: “',
  },
  es: {
    locale: 'es-ES',
    email: 'Correo electrónico',
    password: 'Contraseña',
    signIn: 'Iniciar sesión',
    processes: 'Mis procesos',
    edit: 'Editar la disposición',
    heldBy: 'A nombre de',
    note: 'Nota de redacción',
    forParties: 'Para las partes: sale con una versión publicada',
    bracketIt: 'Poner entre corchetes lo seleccionado',
    selected: 'Seleccionado: «',
    syntaxMode: 'Sintaxis de corchetes (expertos)',
    structureMode: 'Editar como texto',
    wording: (n: string) => `Redacción de ${n}, en la sintaxis de corchetes`,
    missing: (opened: number) =>
      `El corchete abierto en la columna ${opened} no está cerrado. Añada «]» antes de «{».`,
    save: 'Guardar la redacción',
    saved: 'Guardado. El borrador está ahora en la revisión',
    provision: 'Disposición',
    replaceKind: 'Sustituir palabras',
    replacement: 'La nueva redacción',
    propose: 'Proponer la enmienda',
    proposed: 'La enmienda se ha enviado a la mediación.',
    chosen: 'Palabras elegidas: «',
  },
  nb: {
    locale: 'nb-NO',
    email: 'E-postadresse',
    password: 'Passord',
    signIn: 'Logg inn',
    processes: 'Mine prosesser',
    edit: 'Rediger bestemmelse',
    heldBy: 'Holdes av',
    note: 'Redaksjonell merknad',
    forParties: 'For partene: følger med en publisert versjon',
    bracketIt: 'Sett de markerte ordene i klammer',
    selected: 'Markert: «',
    syntaxMode: 'Klammesyntaks (for eksperter)',
    structureMode: 'Rediger som tekst',
    wording: (n: string) => `Ordlyden i ${n}, i klammesyntaksen`,
    missing: (opened: number) =>
      `Klammen som åpnes i kolonne ${opened}, er ikke lukket. Sett «]» foran «{».`,
    save: 'Lagre ordlyden',
    saved: 'Lagret. Utkastet er nå på revisjon',
    provision: 'Bestemmelse',
    replaceKind: 'Erstatt ord',
    replacement: 'Den nye ordlyden',
    propose: 'Foreslå endringen',
    proposed: 'Endringsforslaget er sendt til meklerne.',
    chosen: 'Valgte ord: «',
  },
} as const;

type Language = keyof typeof words;

/**
 * Selects words inside a selectable wording the way a drag does: a range in the page's selection
 * (a string expression: e2e is compiled without the DOM library).
 */
async function selectWords(page: Page, scope: string, text: string): Promise<void> {
  await page.evaluate(`(() => {
    const root = document.querySelector(${JSON.stringify(scope)});
    for (const el of root.querySelectorAll('[data-piece]')) {
      const node = el.firstChild;
      if (!node) continue;
      const at = node.textContent.indexOf(${JSON.stringify(text)});
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + ${text.length});
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error('words not in the wording');
  })()`);
}

async function signInAs(page: Page, w: (typeof words)[Language], email: string): Promise<void> {
  await page.getByLabel(w.email).fill(email);
  await page.getByLabel(w.password, { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: w.processes }).waitFor();
}

describe.skipIf(!runJourney)('the drafting editor in the browser', () => {
  let parley: E2eParley;
  const people: Person[] = [];
  const open = async (options: Parameters<typeof openBrowser>[0] = {}) => {
    const p = await openBrowser(options);
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

  it.each([
    ['en', 1280, '5.5', 'every thirty days'],
    ['es', 390, '2.4', 'audited'],
    ['nb', 768, '4.4', 'remain neutral'],
  ] as const)(
    'brackets selected words for a party with a note for the parties (%s, %i px)',
    async (language, width, number, selected) => {
      const w = words[language];
      const mediator = await open({ width, height: 900, locale: w.locale });
      const page = mediator.page;
      await page.goto(parley.url);
      await signInAs(page, w, 'lead.mediator@demo.parley');
      await page.goto(`${parley.url}/processes/${parley.demo.processId}/text`);
      await page.getByRole('button', { name: `${w.edit} ${number}`, exact: true }).click();
      const editor = page.locator('.provision-editor');
      await editor.locator('.selectable-wording').waitFor();

      await selectWords(page, '.provision-editor .selectable-wording', selected);
      await editor.getByText(`${w.selected}${selected}`).waitFor();
      await editor.getByLabel(w.heldBy).first().selectOption({ label: 'GOV' });
      await editor.getByLabel(w.note).first().fill('pending consultations');
      await editor.getByLabel(w.forParties).first().check();
      await editor.locator('.drafting-toolbar').scrollIntoViewIfNeeded();
      await mediator.shot(`90-drafting-selected-${language}-${width}`, { fullPage: false });
      await editor.getByRole('button', { name: w.bracketIt }).click();
      // The bracket is in the wording, held by GOV, its note marked for the parties.
      const bracket = editor.locator('.selectable-wording .seg-bracket', { hasText: selected });
      await bracket.waitFor();
      expect(await bracket.locator('.holder-tag').textContent()).toContain('GOV');
      await bracket.scrollIntoViewIfNeeded();
      await mediator.shot(`91-drafting-bracketed-${language}-${width}`, { fullPage: false });

      // The expert form says the same, with a preview; a forgotten "]" is explained in place.
      await editor.getByRole('button', { name: w.syntaxMode }).click();
      const area = editor.getByLabel(w.wording(number));
      const source = await area.inputValue();
      expect(source).toContain(`[${selected}]{GOV:: pending consultations}`);
      await editor.locator('.drafting-preview .seg-bracket', { hasText: selected }).waitFor();
      const broken = source.replace(`${selected}]{GOV`, `${selected}{GOV`);
      await area.fill(broken);
      const problem = editor.locator('.syntax-problem');
      await problem.waitFor();
      const opened = broken.indexOf(`[${selected}`) + 1;
      const column = broken.indexOf(`${selected}{GOV`) + selected.length + 1;
      expect(await problem.innerText()).toContain(w.missing(opened));
      expect(await problem.innerText()).toContain(`${column}`);
      expect(await problem.locator('.syntax-mark').textContent()).toBe('{');
      expect(await editor.getByRole('button', { name: w.save }).isDisabled()).toBe(true);
      await problem.scrollIntoViewIfNeeded();
      await mediator.shot(`92-drafting-problem-${language}-${width}`, { fullPage: false });
      await area.fill(source);
      await problem.waitFor({ state: 'detached' });
      await editor.getByRole('button', { name: w.save }).click();
      await page.getByText(w.saved).waitFor();
      const saved = page.locator('.provision .seg-bracket', { hasText: selected });
      await saved.first().waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(width);
      await saved.first().scrollIntoViewIfNeeded();
      await mediator.shot(`93-drafting-saved-${language}-${width}`, { fullPage: false });
      expect(mediator.problems).toEqual([]);
    },
    120_000,
  );

  it.each([
    ['en', 390, 'opp.head@demo.parley', '1.4', 'facilitation of the talks'],
    ['es', 768, 'opp.head@demo.parley', '3.4', 'fair access'],
    ['nb', 1280, 'opp.head@demo.parley', '5.3', 'jointly request'],
  ] as const)(
    'proposes an amendment by selecting the words (%s, %i px)',
    async (language, width, email, number, selected) => {
      const w = words[language];
      const head = await open({ width, height: 900, locale: w.locale });
      const page = head.page;
      await page.goto(parley.url);
      await signInAs(page, w, email);
      await page.goto(`${parley.url}/processes/${parley.demo.processId}/text/amendments`);
      const provision = page.getByLabel(w.provision, { exact: true });
      await provision.waitFor();
      const option = await provision
        .locator('option', { hasText: `${number} —` })
        .getAttribute('value');
      await provision.selectOption(option ?? '');
      await page.getByText(w.replaceKind, { exact: true }).click();
      await selectWords(page, '.amend-select .selectable-wording', selected);
      await page.getByText(`${w.chosen}${selected}`).waitFor();
      await page.getByLabel(w.replacement).fill(`${selected} (e2e ${language})`);
      await page.locator('.amend-select').scrollIntoViewIfNeeded();
      await head.shot(`94-amend-by-selection-${language}-${width}`, { fullPage: false });
      await page.getByRole('button', { name: w.propose }).click();
      await page.getByText(w.proposed).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(width);
      expect(head.problems).toEqual([]);
    },
    120_000,
  );
});
