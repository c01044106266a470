/**
 * Passkeys in the browser, with Chromium's virtual authenticator (DevTools protocol, WebAuthn
 * domain): the facilitator adds a passkey on the account page, signs in with it after the password
 * and then without one, and requires passkeys in a process; a delegate who signed in with a
 * password is then shown what to do. Parley is addressed as http://localhost, the one host name
 * browsers accept as a relying party without TLS. Screenshots go to e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/demo/seed.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { signIn } from './support/steps.js';

const runJourney = browserAvailable();

/** A platform authenticator that verifies its user and keeps discoverable passkeys. */
async function addVirtualAuthenticator(person: Person) {
  const cdp = await person.context.newCDPSession(person.page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    credentials: async () =>
      (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
  };
}

describe.skipIf(!runJourney)('passkeys in the browser', () => {
  let parley: E2eParley;
  const people: Person[] = [];
  let facilitator: Person;
  let authenticator: Awaited<ReturnType<typeof addVirtualAuthenticator>>;

  beforeAll(async () => {
    parley = await startParley({ localhost: true });
  });
  afterAll(async () => {
    for (const p of people) await p.close();
    await parley?.close();
  });

  it('lets the facilitator add a passkey on the account page', async () => {
    facilitator = await openBrowser();
    people.push(facilitator);
    authenticator = await addVirtualAuthenticator(facilitator);
    const page = facilitator.page;
    await page.goto(parley.url);
    await signIn(page, 'facilitator@demo.parley', demoPassword);
    await page.locator('a.header-user').click();
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    await page.getByText('You have no passkeys yet.').waitFor();

    await page.getByLabel('Name of the new passkey').fill('Work laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByText('The passkey “Work laptop” is added.', { exact: false }).waitFor();
    await page.getByRole('rowheader', { name: 'Work laptop' }).waitFor();
    const stored = await authenticator.credentials();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.isResidentCredential).toBe(true);
    expect(stored[0]?.rpId).toBe('localhost');

    await page.getByRole('button', { name: 'Rename the passkey “Work laptop”' }).click();
    await page.getByLabel('New name').fill('Office laptop');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('rowheader', { name: 'Office laptop' }).waitFor();
    await facilitator.shot('passkeys-01-account');
  });

  it('asks for the passkey after the password, and signs in with it', async () => {
    const page = facilitator.page;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await page.getByLabel('E-mail address').fill('facilitator@demo.parley');
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Your account has a passkey').waitFor();
    await facilitator.shot('passkeys-02-sign-in-second-factor');
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await page.getByRole('heading', { level: 1, name: 'My processes' }).waitFor();
    await page.locator('a.header-user').click();
    await page.getByText('signed in with a passkey').waitFor();
  });

  it('signs in with the passkey alone, without the password', async () => {
    const page = facilitator.page;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await facilitator.shot('passkeys-03-sign-in');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.getByRole('heading', { level: 1, name: 'My processes' }).waitFor();
    const lastUsed = await parley.runtime.database.db
      .selectFrom('passkeys')
      .select('last_used_at')
      .executeTakeFirstOrThrow();
    expect(lastUsed.last_used_at).not.toBeNull();
  });

  it('lets the facilitator require passkeys in a process, and shows a password-only member what to do', async () => {
    const page = facilitator.page;
    await page.getByRole('link', { name: 'NORDLYS' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'NORDLYS' }).waitFor();
    await page.getByLabel('Require passkeys').check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('The sign-in requirement is saved.').waitFor();
    await page.getByText('Required for all members').waitFor();
    await page.getByRole('heading', { name: 'Sign-in requirements' }).scrollIntoViewIfNeeded();
    await facilitator.shot('passkeys-04-process-setting', { fullPage: false });

    const delegate = await openBrowser();
    people.push(delegate);
    await delegate.page.goto(parley.url);
    await signIn(delegate.page, 'gov.delegate@demo.parley', demoPassword);
    await delegate.page.getByRole('link', { name: 'NORDLYS' }).first().click();
    await delegate.page
      .getByRole('heading', { level: 1, name: 'This process requires a passkey' })
      .waitFor();
    await delegate.page.getByRole('link', { name: 'Go to my account' }).waitFor();
    await delegate.shot('passkeys-05-process-requires-passkey');
    expect(delegate.problems).toEqual([]);
    expect(facilitator.problems).toEqual([]);
  });
});
