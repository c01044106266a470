/**
 * The first browser journey: a facilitator admin sets up a process and invites people; a delegate
 * joins through the link and sees only their own party's material; a caucus note is released to
 * the bilateral channel and the lead mediator sees it there; the interface switches language.
 * Each step saves screenshots to e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/demo/seed.js';
import { actorOf } from '../src/server/test-support/actors.js';
import { updateItem } from '../src/core/usecases/items/update-item.js';
import { asId } from '../src/core/shared/ids.js';
import { totpCodeAt } from '../src/server/security/crypto.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { navCompartments, scrollWidth, signIn, confirmOutward } from './support/steps.js';

const runJourney = browserAvailable();

describe.skipIf(!runJourney)('a negotiation set up and worked on in the browser', () => {
  let parley: E2eParley;
  const people: Person[] = [];
  const open = async (options?: Parameters<typeof openBrowser>[0]) => {
    const p = await openBrowser(options);
    people.push(p);
    return p;
  };
  let admin: Person;
  let delegate: Person;
  let mediator: Person;
  let delegateLink = '';
  let mediatorLink = '';
  let processPath = '';

  beforeAll(async () => {
    parley = await startParley();
  });

  afterAll(async () => {
    for (const p of people) await p.close();
    await parley?.close();
  });

  it('lets the facilitator admin create a process, add two parties and issue invitations', async () => {
    admin = await open();
    const page = admin.page;
    await page.goto(parley.url);
    await page.getByRole('heading', { level: 1, name: 'Sign in to Parley' }).waitFor();
    await admin.shot('01-sign-in');

    await signIn(page, 'facilitator@demo.parley', demoPassword);
    await page.getByRole('link', { name: 'NORDLYS' }).waitFor();
    await admin.shot('02-my-processes');

    await page.getByLabel('Codename', { exact: true }).fill('KESTREL');
    await page.getByLabel('Real title').fill('Talks on the northern border dispute');
    await page.getByRole('button', { name: 'Create process' }).click();
    await page.getByRole('heading', { level: 1, name: 'KESTREL' }).waitFor();
    processPath = new URL(page.url()).pathname;
    expect(processPath).toMatch(/^\/processes\/[0-9a-f-]{36}$/);

    for (const [name, code] of [
      ['Northern Alliance', 'NA'],
      ['Southern Council', 'SC'],
    ] as const) {
      await page.getByRole('button', { name: 'Add a party' }).click();
      await page.getByLabel('Full name').fill(name);
      await page.getByLabel('Short code').fill(code);
      await page.getByRole('button', { name: 'Add party' }).click();
      await page.locator('.party-name', { hasText: name }).waitFor();
    }
    await page.getByRole('button', { name: 'Change status' }).click();
    await page.getByLabel('New status').selectOption({ label: 'Active' });
    await page.getByLabel('Reason', { exact: true }).fill('Both parties agreed to formal talks.');
    await page.getByRole('button', { name: 'Record the change' }).click();
    await page.getByText('The status change is recorded.').waitFor();
    await page.getByRole('cell', { name: 'Both parties agreed to formal talks.' }).waitFor();
    // The facilitator runs the process but sees no party's caucus or bilateral channel.
    expect(await navCompartments(page)).toEqual(['Public']);
    await admin.shot('03-dashboard-facilitator');

    await page.getByRole('link', { name: 'People and invitations' }).click();
    await page.getByRole('heading', { level: 1, name: 'People and invitations' }).waitFor();
    const invite = async (invitee: string, role: string, party?: string) => {
      await page.getByLabel('Whom it is for').fill(invitee);
      await page.getByLabel('Role', { exact: true }).selectOption({ label: role });
      if (party) await page.getByLabel('Party', { exact: true }).selectOption({ label: party });
      await page.getByRole('button', { name: 'Create invitation link' }).click();
      const link = await page.getByLabel('Invitation link').inputValue();
      expect(link).toMatch(new RegExp(`^${parley.url}/invite/[A-Za-z0-9_-]{20,}$`));
      return link;
    };
    delegateLink = await invite('Amina Diallo', 'Head of delegation', 'Northern Alliance (NA)');
    await admin.shot('04-invitation-issued');
    await page.getByRole('button', { name: 'Done, hide the link' }).click();
    mediatorLink = await invite('Ingrid Haugen', 'Lead mediator');
    await page.getByRole('button', { name: 'Done, hide the link' }).click();
    await page.getByRole('cell', { name: 'Waiting' }).first().waitFor();
    expect(await page.getByRole('button', { name: /^Revoke the invitation/ }).count()).toBe(2);
    await admin.shot('05-people-and-invitations');
  });

  it("lets the invited delegate join through the link and see their own caucus but not the other party's", async () => {
    delegate = await open();
    const page = delegate.page;
    await page.goto(delegateLink);
    await page.getByRole('heading', { level: 1, name: 'You are invited to KESTREL' }).waitFor();
    expect(await page.locator('.invite-facts').textContent()).toContain('Head of delegation');
    expect(await page.locator('.invite-facts').textContent()).toContain('Northern Alliance (NA)');
    // The real title is for members only.
    expect(await page.content()).not.toContain('northern border dispute');
    await delegate.shot('06-invitation');

    await page.getByLabel('Your name').fill('Amina Diallo');
    await page.getByLabel('E-mail address').fill('amina@example.org');
    await page.getByLabel('Password', { exact: true }).fill('a long passphrase for the talks');
    await page.getByRole('button', { name: 'Create account and accept' }).click();
    await page.getByRole('heading', { level: 1, name: 'KESTREL' }).waitFor();

    // Sign out, and sign in again with the new account.
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await signIn(page, 'amina@example.org', 'a long passphrase for the talks');
    await page.getByRole('link', { name: 'KESTREL' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'KESTREL' }).waitFor();
    expect(await page.locator('.page-subtitle').textContent()).toBe(
      'Talks on the northern border dispute',
    );
    const names = await navCompartments(page);
    expect(names).toEqual(
      expect.arrayContaining(['Public', 'Plenary', 'NA caucus', 'NA – mediators bilateral']),
    );
    expect(names).not.toContain('SC caucus');
    expect(names).not.toContain('SC – mediators bilateral');
    expect(names).not.toContain('Mediator team');
    await delegate.shot('07-delegate-dashboard');
  });

  it('lets the head of delegation write a caucus note, survive a concurrent edit and release it to the bilateral channel', async () => {
    const page = delegate.page;
    await page
      .getByRole('navigation', { name: 'Process' })
      .getByRole('link', { name: /NA caucus/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'NA caucus' }).waitFor();
    expect(await page.locator('.audience-banner').textContent()).toContain(
      'The NA delegation only.',
    );
    await page.getByRole('button', { name: 'Write a note' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Our opening position');
    await page
      .getByRole('textbox', { name: /^Text/ })
      .fill(
        'We ask for a **joint border commission**.\n\n- Demarcation within a year\n- Free movement for herders',
      );
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByRole('heading', { level: 1, name: 'Our opening position' }).waitFor();
    expect(await page.locator('.page-header .badge-compartment').textContent()).toContain(
      'NA caucus',
    );
    await delegate.shot('08-caucus-note');

    // Someone changes the note while the editor is open: the save is refused, nothing is lost.
    await page.getByRole('button', { name: 'Edit' }).click();
    const [, , processId, , , , itemId] = new URL(page.url()).pathname.split('/');
    await updateItem(parley.runtime.deps, {
      actor: await actorOf(parley.runtime.deps, 'amina@example.org'),
      processId: asId(processId ?? ''),
      itemId: asId(itemId ?? ''),
      baseRevision: 1,
      changes: { body: 'Edited elsewhere: a joint commission, chaired by the mediators.' },
    });
    await page.getByLabel('Title', { exact: true }).fill('Our opening position (revised)');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Someone else changed this note meanwhile' }).waitFor();
    expect(await page.locator('.conflict').textContent()).toContain('chaired by the mediators');
    await delegate.shot('09-edit-conflict');
    await page.getByRole('button', { name: 'Re-apply my changes' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your changes are saved.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Our opening position (revised)' }).waitFor();

    await page
      .getByLabel('Release to', { exact: true })
      .selectOption({ label: 'NA – mediators bilateral' });
    await page.getByRole('button', { name: 'Release…' }).click();
    const told = await confirmOutward(page, {
      shot: () => delegate.shot('10-release-confirmation', { fullPage: false }),
    });
    // Counted by the server: the process has no mediator yet, so the delegation alone reads it.
    expect(told).toContain('Goes to the NA delegation — 1 person.');
    await page.getByText('The note is released to NA – mediators bilateral.').waitFor();
    await page.waitForURL(/\/notes\//);
    expect(await page.locator('.page-header .badge-compartment').textContent()).toContain(
      'NA – mediators bilateral',
    );
    await delegate.shot('11-note-released');
  });

  it('shows the released note to the lead mediator in the bilateral channel, after accepting as a signed-in user', async () => {
    mediator = await open();
    const page = mediator.page;
    await page.goto(parley.url);
    await signIn(page, 'lead.mediator@demo.parley', demoPassword);
    await page.goto(mediatorLink);
    await page.getByRole('button', { name: 'Accept as Ingrid Haugen (demo)' }).click();
    await page.getByRole('heading', { level: 1, name: 'KESTREL' }).waitFor();
    const names = await navCompartments(page);
    expect(names).toEqual(
      expect.arrayContaining([
        'Mediator team',
        'NA – mediators bilateral',
        'SC – mediators bilateral',
      ]),
    );
    expect(names).not.toContain('NA caucus');
    await mediator.shot('12-mediator-dashboard');

    await page
      .getByRole('navigation', { name: 'Process' })
      .getByRole('link', { name: /NA – mediators bilateral/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'NA – mediators bilateral' }).waitFor();
    const card = page.locator('.item-card', { hasText: 'Our opening position (revised)' });
    await card.waitFor();
    expect(await card.locator('.badge-compartment').textContent()).toContain(
      'NA – mediators bilateral',
    );
    await mediator.shot('13-mediator-bilateral');

    await page.getByRole('searchbox', { name: 'Search this process' }).first().fill('commission');
    await page.getByRole('button', { name: 'Search' }).first().click();
    // Every kind the mediator may read is searched: the note and what else says "commission",
    // with the word marked.
    await page.locator('.search-summary', { hasText: /^\d+ results?$/ }).waitFor();
    await page
      .locator('main mark', { hasText: /commission/i })
      .first()
      .waitFor();
    await mediator.shot('14-search');
  });

  it('tells the delegation which of its rooms the newly joined lead mediator can read', async () => {
    const page = delegate.page;
    await page
      .getByRole('navigation', { name: 'Process' })
      .getByRole('link', { name: 'People and invitations' })
      .click();
    const section = page.getByRole('region', { name: 'Changes of access' });
    const row = section.getByRole('row', { name: /Ingrid Haugen/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Joined as Lead mediator');
    const rooms = await row.locator('.badge-compartment').allTextContents();
    // The lead mediator now reads the plenary and this party's bilateral channel; the delegate is
    // not told about the mediators' room or the other party's channel, which it does not read.
    expect(rooms.join(' | ')).toContain('NA – mediators bilateral');
    expect(rooms.join(' | ')).not.toContain('SC');
    expect(rooms.join(' | ')).not.toContain('Mediator team');
    await delegate.shot('14b-access-changes');
  });

  it('shows the audit log and the account, and asks for the authenticator code once two-step sign-in is on', async () => {
    const page = mediator.page;
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page
      .getByRole('cell', { name: /Note released/ })
      .first()
      .waitFor();
    await mediator.shot('15-audit-log');

    await page.getByRole('link', { name: /Ingrid Haugen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    await page.getByLabel('What the token is for').fill('Weekly export');
    await page.getByRole('button', { name: 'Create token' }).click();
    expect(await page.getByLabel('Token', { exact: true }).inputValue()).toMatch(/.{20,}/);
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    expect(await page.getByLabel('Set-up address (otpauth)').inputValue()).toMatch(/^otpauth:\/\//);
    await mediator.shot('16-account');

    // Turn the second factor on, then sign in again: the form asks for the code.
    const secret = (await page.getByLabel('Secret key').inputValue()).replace(/\s/g, '');
    await page.getByLabel('Code from the app').fill(totpCodeAt(secret, new Date()));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByText('Two-step sign-in is on.').waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('E-mail address').fill('lead.mediator@demo.parley');
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const code = page.getByLabel('Authentication code');
    await code.waitFor();
    await mediator.shot('17-sign-in-code');
    // The code of the next period: the one above was used up when turning the factor on.
    await code.fill(totpCodeAt(secret, new Date(Date.now() + 30_000)));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'My processes' }).waitFor();
  });

  it('switches the interface to Spanish and to Norwegian, and remembers the choice', async () => {
    const page = mediator.page;
    await page.goto(`${parley.url}${processPath}`);
    await page.getByRole('heading', { level: 1, name: 'KESTREL' }).waitFor();

    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('link', { name: 'Mis procesos' }).waitFor();
    await page.getByRole('heading', { name: 'Historial de estados' }).waitFor();
    expect(await navCompartments(page)).toContain('NA – mediación (bilateral)');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await mediator.shot('18-dashboard-spanish');

    await page.getByLabel('Idioma').selectOption('nb');
    await page.getByRole('link', { name: 'Mine prosesser' }).waitFor();
    await page.getByRole('link', { name: 'Revisjonslogg' }).waitFor();
    expect(await navCompartments(page)).toContain('Meklerteamet');
    await mediator.shot('19-dashboard-norwegian');

    await page.reload();
    await page.getByRole('heading', { name: 'Statushistorikk' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');

    // A missing note is said to be missing on purpose, in the interface language, with ways on.
    const missing = '00000000-0000-4000-8000-000000000000';
    await page.goto(`${parley.url}${processPath}/compartments/${missing}/notes/${missing}`);
    await page.getByRole('heading', { level: 1, name: 'Ingenting å vise her' }).waitFor();
    expect(await page.locator('[data-testid="unavailable"]').textContent()).toContain(
      'Parley svarer likt i begge tilfeller',
    );
    await mediator.shot('19b-error-norwegian');
  });

  it('lays the dashboard out for a tablet without sideways scrolling', async () => {
    const tablet = await open({ width: 820, height: 1180 });
    const page = tablet.page;
    await page.goto(parley.url);
    await signIn(page, 'opp.head@demo.parley', demoPassword);
    await page.getByRole('link', { name: 'NORDLYS' }).click();
    await page.getByRole('heading', { level: 1, name: 'NORDLYS' }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(820);
    await tablet.shot('20-tablet-dashboard');

    await page
      .locator('nav.process-nav')
      .getByRole('link', { name: /OPP caucus/ })
      .click();
    await page.getByRole('link', { name: 'Opposition caucus: fallback position' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Opposition caucus: fallback position' })
      .waitFor();
    await tablet.shot('21-tablet-note');
  });

  it('runs without a script error or a Content-Security-Policy violation', () => {
    expect(people.flatMap((p) => p.problems)).toEqual([]);
  });
});
