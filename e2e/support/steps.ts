/** Steps the browser journeys share. */
import type { Page } from 'playwright-core';

/** Signs in through the sign-in form and waits for the list of processes. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  // Exactly: the form may also offer "Sign in with a passkey".
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'My processes' }).waitFor();
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
