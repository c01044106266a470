/**
 * Consent to a seat in a delegation, in the browser: the facilitator invites a government
 * delegate; the invitee's account is created but the process stays closed to them; the
 * government's head, with the people page open, sees the pending seat appear live with the name of
 * whoever asked for it, and confirms it; the newcomer then finds the process and the caucus.
 * Screenshots go to e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/demo/seed.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { navCompartments, signIn } from './support/steps.js';

const runJourney = browserAvailable();

describe.skipIf(!runJourney)('a seat in a delegation confirmed by its head', () => {
  let parley: E2eParley;
  const people: Person[] = [];
  const open = async () => {
    const p = await openBrowser();
    people.push(p);
    return p;
  };
  let head: Person;
  let newcomer: Person;
  let link = '';

  beforeAll(async () => {
    parley = await startParley();
  });
  afterAll(async () => {
    for (const p of people) await p.close();
    await parley?.close();
  });

  const toPeople = async (person: Person) => {
    const page = person.page;
    await page.getByRole('link', { name: 'NORDLYS' }).click();
    await page.getByRole('link', { name: 'People and invitations' }).click();
    await page.getByRole('heading', { level: 1, name: 'People and invitations' }).waitFor();
  };

  it('has the government head watch the people page while the facilitator invites a delegate', async () => {
    head = await open();
    await head.page.goto(parley.url);
    await signIn(head.page, 'gov.head@demo.parley', demoPassword);
    await toPeople(head);
    expect(await head.page.getByRole('heading', { name: /^Awaiting consent/ }).count()).toBe(0);

    const admin = await open();
    const page = admin.page;
    await page.goto(parley.url);
    await signIn(page, 'facilitator@demo.parley', demoPassword);
    await toPeople(admin);
    await page.getByLabel('Whom it is for').fill('Rosa Marquez');
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Delegate' });
    await page
      .getByLabel('Party', { exact: true })
      .selectOption({ label: 'Government delegation (GOV)' });
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    link = await page.getByLabel('Invitation link').inputValue();
    expect(link).toContain('/invite/');
  });

  it('keeps the process closed to the invitee until the head confirms', async () => {
    newcomer = await open();
    const page = newcomer.page;
    await page.goto(link);
    await page.getByLabel('Your name').fill('Rosa Marquez');
    await page.getByLabel('E-mail address').fill('rosa@example.org');
    await page.getByLabel('Password', { exact: true }).fill('a long passphrase for the talks');
    await page.getByRole('button', { name: 'Create account and accept' }).click();
    await page.getByText('your seat is recorded').waitFor();
    await newcomer.shot('consent-01-seat-pending');
    await page.getByRole('button', { name: 'Go to my processes' }).click();
    await page.getByRole('heading', { level: 1, name: 'My processes' }).waitFor();
    expect(await page.getByRole('link', { name: 'NORDLYS' }).count()).toBe(0);
  });

  it('shows the head the pending seat live, with who asked for it, and lets the head confirm it', async () => {
    const page = head.page;
    // No reload: the seat's event reaches the government's delegation through the live socket.
    await page.getByRole('heading', { name: 'Awaiting consent (1)' }).waitFor();
    const row = page.getByRole('row', { name: /Rosa Marquez/ });
    expect(await row.textContent()).toContain('Facilitator admin (demo)');
    expect(await row.textContent()).toContain('Delegate (GOV)');
    await head.shot('consent-02-pending-seat');
    await page.getByRole('button', { name: 'Confirm the seat of Rosa Marquez' }).click();
    await page.getByRole('heading', { name: /^Awaiting consent/ }).waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Rosa Marquez' }).first().waitFor();
    expect(await page.getByText('(confirmed by Government head (demo))').count()).toBeGreaterThan(
      0,
    );
    await head.shot('consent-03-confirmed');
  });

  it('opens the process and the government caucus to the newcomer once confirmed', async () => {
    const page = newcomer.page;
    await page.reload();
    await page.getByRole('link', { name: 'NORDLYS' }).click();
    expect(await navCompartments(page)).toContain('GOV caucus');
    await newcomer.shot('consent-04-inside');
  });
});
