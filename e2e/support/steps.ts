/** Steps the browser journeys share. */
import type { Page } from 'playwright-core';

/** The sign-in form's labels and the heading it leads to, in each interface language. */
export const signInWords = {
  en: { email: 'E-mail address', password: 'Password', signIn: 'Sign in', home: 'My processes' },
  es: {
    email: 'Correo electrónico',
    password: 'Contraseña',
    signIn: 'Iniciar sesión',
    home: 'Mis procesos',
  },
  nb: { email: 'E-postadresse', password: 'Passord', signIn: 'Logg inn', home: 'Mine prosesser' },
} as const;

/**
 * Signs in through the sign-in form, labelled in the browser's interface language (English unless
 * named), and waits for the list of processes.
 */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  language: keyof typeof signInWords = 'en',
): Promise<void> {
  const w = signInWords[language];
  await page.getByLabel(w.email).fill(email);
  await page.getByLabel(w.password, { exact: true }).fill(password);
  // Exactly: the form may also offer "Sign in with a passkey".
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: w.home }).waitFor();
}

/** The names in the process navigation's compartment list. */
export async function navCompartments(page: Page): Promise<string[]> {
  // By class, not by name: the navigation's accessible name changes with the language.
  const nav = page.locator('nav.process-nav');
  await nav.waitFor();
  return nav.locator('.nav-compartment-name').allTextContents();
}

/** Whether the page scrolls sideways (a string expression: e2e is compiled without the DOM library). */
export async function scrollWidth(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollWidth'));
}

/**
 * Answers the confirmation of an outward action: waits for the modal dialog, checks that it is
 * labelled and has focus inside, and returns its text (who will receive what) after pressing its
 * acting button, or after Escape when `cancel` is set.
 */
export async function confirmOutward(
  page: Page,
  options: { cancel?: boolean; shot?: () => Promise<void> } = {},
): Promise<string> {
  const dialog = page.locator('dialog.confirm-dialog[open]');
  await dialog.waitFor();
  // The audience is read from the server: wait until it is counted.
  await dialog.locator('.audience-who').waitFor();
  const text = await dialog.innerText();
  const labelled = await page.evaluate(
    `(() => { const d = document.querySelector('dialog.confirm-dialog[open]');
      return !!document.getElementById(d.getAttribute('aria-labelledby'))?.textContent; })()`,
  );
  const focusInside = await page.evaluate(
    `document.querySelector('dialog.confirm-dialog[open]').contains(document.activeElement)`,
  );
  if (!labelled || !focusInside) throw new Error('the confirmation is not labelled or not focused');
  await options.shot?.();
  if (options.cancel) await page.keyboard.press('Escape');
  else await dialog.locator('.form-actions button').first().click();
  await dialog.waitFor({ state: 'detached' }).catch(() => dialog.waitFor({ state: 'hidden' }));
  return text;
}

/**
 * Opens the demo process NORDLYS and one screen of its navigation, named in the interface's
 * language, and waits for that screen's heading. On a phone the menu sits behind its button.
 */
export async function openNordlysScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'NORDLYS' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'NORDLYS' }).waitFor();
  const nav = page.locator('nav.process-nav');
  if (!(await nav.isVisible())) await page.locator('button.process-menu-button').click();
  await nav.getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}
