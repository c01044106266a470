/**
 * An invitation accepted "with a new account" on an e-mail that already has one, in the browser:
 * the person at the link is told only that, if the address has an account, the invitation now
 * waits for it; the account's owner opens the link, signs in, accepts, and is in the process.
 * Screenshots go to e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/core/usecases/accounts/create-user.js';
import { demoPassword } from '../src/server/demo/seed.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { signIn } from './support/steps.js';

const runJourney = browserAvailable();
const owner = { email: 'amal.haddad@example.org', password: 'the owner’s own passphrase' };

describe.skipIf(!runJourney)('an invitation held for an existing account', () => {
  let parley: E2eParley;
  const people: Person[] = [];
  const open = async () => {
    const p = await openBrowser();
    people.push(p);
    return p;
  };
  let link = '';

  beforeAll(async () => {
    parley = await startParley();
    await createUser(parley.runtime.deps, {
      ...owner,
      displayName: 'Amal Haddad',
      isAdmin: false,
    });
  });
  afterAll(async () => {
    for (const p of people) await p.close();
    await parley?.close();
  });

  it('tells the person at the link nothing about the account, only what to do next', async () => {
    const admin = await open();
    await admin.page.goto(parley.url);
    await signIn(admin.page, 'facilitator@demo.parley', demoPassword);
    await admin.page.getByRole('link', { name: 'NORDLYS' }).click();
    await admin.page.getByRole('link', { name: 'People and invitations' }).click();
    await admin.page.getByLabel('Whom it is for').fill('Amal Haddad');
    await admin.page.getByLabel('Role', { exact: true }).selectOption({ label: 'Observer' });
    await admin.page.getByRole('button', { name: 'Create invitation link' }).click();
    link = await admin.page.getByLabel('Invitation link').inputValue();

    const prober = await open();
    const page = prober.page;
    await page.goto(link);
    await page.getByLabel('Your name').fill('Someone');
    await page.getByLabel('E-mail address').fill(owner.email);
    await page.getByLabel('Password', { exact: true }).fill('a guess at a password');
    await page.getByRole('button', { name: 'Create account and accept' }).click();
    await page.getByText('the invitation now waits for that account').waitFor();
    await prober.shot('held-01-told-what-to-do');
  });

  it('lets the owner open the link, sign in, accept and enter the process', async () => {
    const person = await open();
    const page = person.page;
    await page.goto(link);
    // Held for an account: to anyone not signed in to it, the link reads like a used one.
    await page.getByRole('heading', { level: 1, name: 'This invitation cannot be used' }).waitFor();
    await page.getByLabel('E-mail address').fill(owner.email);
    await page.getByLabel('Password', { exact: true }).fill(owner.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Accept as Amal Haddad' }).click();
    await page.waitForURL(new RegExp(`/processes/${parley.demo.processId}`));
    await page.getByRole('link', { name: 'NORDLYS' }).first().waitFor();
    expect(page.url()).toContain(`/processes/${parley.demo.processId}`);
    await person.shot('held-02-owner-inside');
  });
});
