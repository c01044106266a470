/**
 * The browser journey of planning implementation, on the demo process NORDLYS: the mediator
 * defines a theme and a subtheme mapped to PAM (a bad code is refused in words before anything is
 * sent), edits a theme (its code fixed) and removes one after confirming, while a theme in use
 * says why it cannot be removed; creates a commitment and edits its deadline, responsible parties
 * and theme, and sees the change in the table, the commitment's facts and the theme tree; a
 * deadline before the start is refused under its field; when the lead mediator saves the same
 * commitment meanwhile, the mediator is shown what differs and keeps their change on top of it; a
 * recurring obligation's end shows on its phone card; the government's head, on a phone, sees the
 * themes and the commitment but no form; the release dialog says the page can be withdrawn.
 * Screenshots at 1280 and 390 px go to e2e/screenshots/.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/demo/seed.js';
import { browserAvailable, openBrowser, screenshotDir, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { openNordlysScreen, scrollWidth, signIn } from './support/steps.js';

const runJourney = browserAvailable();

/** Where a screenshot of one part of a page goes (beside the journeys' full-page ones). */
const screenshotPath = (name: string) => join(screenshotDir, `${name}.png`);

describe.skipIf(!runJourney)('implementation planning forms, in the browser', () => {
  let parley: E2eParley;
  const people: Person[] = [];
  const open = async (options: { width?: number; height?: number } = {}) => {
    const p = await openBrowser(options);
    people.push(p);
    return p;
  };
  const externalId = 'v2-p-humanitarian-1';

  beforeAll(async () => {
    parley = await startParley();
  });

  afterAll(async () => {
    for (const p of people) await p.close();
    await parley?.close();
  });

  it('lets the mediator define a theme and a subtheme mapped to PAM, shown as a tree', async () => {
    const mediator = await open({ width: 1280, height: 900 });
    const page = mediator.page;
    await page.goto(parley.url);
    await signIn(page, 'mediator@demo.parley', demoPassword);
    await openNordlysScreen(page, 'Implementation');
    const themes = page.locator('section.themes-panel');
    // The demo's own themes are there already.
    await themes.getByText('Humanitarian measures').first().waitFor();
    await themes.getByRole('button', { name: 'Add a theme or subtheme' }).click();
    const form = themes.locator('form.theme-form');

    // A code with a space is refused in words, under the form, before anything is sent.
    await form.getByLabel('Code', { exact: true }).fill('two words');
    await form.getByLabel('Name', { exact: true }).fill('Security guarantees (invented)');
    await form.getByRole('button', { name: 'Define the theme' }).click();
    await form
      .getByText('Give the code as 1 to 32 letters, digits or . _ - (no spaces).')
      .waitFor();
    expect(await form.getByLabel('Code', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );

    await form.getByLabel('Code', { exact: true }).fill('SEC');
    await form.getByLabel('Provision type (PAM)').selectOption('ceasefire');
    await form.getByRole('button', { name: 'Define the theme' }).click();
    await themes.getByText('Theme SEC defined.').waitFor();

    await form.getByLabel('Subtheme of').selectOption('SEC');
    await form.getByLabel('Code', { exact: true }).fill('SEC.1');
    await form.getByLabel('Name', { exact: true }).fill('Humanitarian corridors (invented)');
    await form.getByLabel('Provision type (PAM)').selectOption('human_rights');
    await form.getByLabel('PA-X category code').fill('HrGen');
    await form.getByRole('button', { name: 'Define the subtheme of SEC' }).click();
    await themes.getByText('Subtheme SEC.1 of SEC defined.').waitFor();

    const sub = themes.getByRole('list', { name: 'Subthemes of SEC' });
    await sub.getByText('Humanitarian corridors (invented)').waitFor();
    await sub.getByText('PAM: Human rights · PA-X: HrGen · 0 commitments').waitFor();
    await themes.getByText('PAM: Ceasefire · 0 commitments').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(1280);
    await themes.screenshot({ path: screenshotPath('80-implementation-themes-desktop') });
    expect(mediator.problems).toEqual([]);
  });

  it('lets the mediator edit a theme, keeping its code, and remove one nothing uses after confirming', async () => {
    const mediator = people[0]!;
    const page = mediator.page;
    const themes = page.locator('section.themes-panel');

    // A theme in use cannot be removed, and says by what.
    const inUse = themes.getByRole('button', { name: 'Remove the theme HUM-ACCESS', exact: true });
    expect(await inUse.isDisabled()).toBe(true);
    await themes.getByText('Cannot be removed while in use: 3 commitments.').waitFor();
    expect(await inUse.getAttribute('aria-describedby')).toBeTruthy();
    await themes.getByText('Cannot be removed while in use: 1 subtheme.').waitFor();

    // Editing SEC: the code stays, and a theme with a subtheme stays a theme of its own.
    await themes.getByRole('button', { name: 'Edit the theme SEC', exact: true }).click();
    const edit = themes.getByRole('form', { name: 'Edit the theme SEC', exact: true });
    expect(await edit.getByLabel('Code', { exact: true }).inputValue()).toBe('SEC');
    expect(await edit.getByLabel('Code', { exact: true }).getAttribute('readonly')).not.toBeNull();
    expect(await edit.getByLabel('Subtheme of').isDisabled()).toBe(true);
    await edit.getByText('SEC has subthemes, so it stays a theme of its own.').waitFor();
    await edit.getByLabel('Name', { exact: true }).fill('Security and guarantees (invented)');
    await edit.getByLabel('Provision type (PAM)').selectOption('human_rights');
    await edit.getByLabel('PA-X category code').fill('SecGua');
    await edit.screenshot({ path: screenshotPath('80b-implementation-theme-edit-desktop') });
    await edit.getByRole('button', { name: 'Save the theme' }).click();
    await themes.getByText('Theme SEC saved.').waitFor();
    await edit.waitFor({ state: 'detached' });
    await themes
      .locator('.theme-name', { hasText: 'Security and guarantees (invented)' })
      .waitFor();
    await themes.getByText('PAM: Human rights · PA-X: SecGua · 0 commitments').waitFor();

    // A theme defined by mistake is removed once the mediator confirms (the form is still open).
    const form = themes.locator('form.theme-form');
    await form.getByLabel('Subtheme of').selectOption('');
    await form.getByLabel('Code', { exact: true }).fill('TMP');
    await form.getByLabel('Name', { exact: true }).fill('Defined by mistake (invented)');
    await form.getByRole('button', { name: 'Define the theme' }).click();
    await themes.getByText('Theme TMP defined.').waitFor();
    await themes.getByRole('button', { name: 'Add a theme or subtheme' }).click();
    await themes.getByRole('button', { name: 'Remove the theme TMP', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove the theme TMP?' });
    await dialog.getByText(/“Defined by mistake \(invented\)” will no longer be a theme/).waitFor();
    await dialog.screenshot({ path: screenshotPath('80c-implementation-theme-remove-desktop') });
    await dialog.getByRole('button', { name: 'Remove the theme', exact: true }).click();
    await themes.getByText('Theme TMP removed.').waitFor();
    // The notice comes with the answer; the list follows once the plan is read again.
    await themes
      .locator('.theme-name', { hasText: 'Defined by mistake' })
      .waitFor({ state: 'detached' });
    expect(await themes.getByText(/Defined by mistake/).count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(1280);
    await themes.screenshot({ path: screenshotPath('80d-implementation-themes-after-desktop') });
    expect(mediator.problems).toEqual([]);
  });

  it('lets the mediator edit a commitment’s deadline, parties and theme, refusing a deadline before the start', async () => {
    const mediator = people[0]!;
    const page = mediator.page;
    // A commitment to edit, from the agreed humanitarian provision of version 2.
    await page.getByRole('button', { name: 'Create commitments from a version' }).click();
    const create = page.locator('form', {
      has: page.getByRole('button', { name: 'Create the commitment' }),
    });
    await create.getByLabel('Version').selectOption('2');
    await create.getByLabel('Provision', { exact: true }).selectOption('p-humanitarian');
    await create.getByLabel('Government delegation').check();
    await create.getByLabel('Starts on').fill('2026-01-01');
    await create.getByLabel(/^Deadline/).fill('2026-06-30');
    await create.getByLabel('Provision type (PAM)').selectOption('human_rights');
    await create.getByRole('button', { name: 'Create the commitment' }).click();
    await page.getByText('1 commitment created.').waitFor();

    await page.getByRole('button', { name: externalId }).click();
    const panel = page.locator('.timeline-panel');
    await panel.getByRole('button', { name: 'Edit the commitment' }).click();
    const editor = page.getByRole('form', { name: `Edit ${externalId}` });
    await editor.getByText('Nothing changed yet.').waitFor();
    await editor.getByLabel('Opposition delegation').check();
    await editor.getByLabel('Deadline', { exact: true }).fill('2025-12-31');
    await editor.getByLabel('Theme').selectOption('SEC.1');
    await editor.getByRole('button', { name: 'Save the changes' }).click();
    await editor.getByText('The deadline is before the start.').waitFor();
    await panel.screenshot({ path: screenshotPath('81-implementation-edit-invalid-desktop') });

    await editor.getByLabel('Deadline', { exact: true }).fill('2027-03-31');
    await editor.getByRole('button', { name: 'Save the changes' }).click();
    await panel.getByText('Changes saved (revision 2).').waitFor();
    await editor.waitFor({ state: 'detached' });

    // The table, the commitment's facts and the theme tree show the change.
    const row = page.locator('.commitments-table tbody tr', { hasText: externalId });
    await row.getByText('31 Mar 2027').waitFor();
    await row.locator('.party-chip', { hasText: 'OPP' }).waitFor();
    const facts = panel.locator('.commitment-facts');
    await facts.getByText('SEC.1 · Humanitarian corridors (invented)').waitFor();
    await facts.getByText('31 Mar 2027').waitFor();
    await page
      .getByRole('list', { name: 'Subthemes of SEC' })
      .getByText('PAM: Human rights · PA-X: HrGen · 1 commitment')
      .waitFor();
    await panel.screenshot({ path: screenshotPath('82-implementation-edited-desktop') });
    expect(mediator.problems).toEqual([]);
  });

  it('shows the mediator what the lead mediator changed meanwhile, and keeps the mediator’s change on top', async () => {
    const mediator = people[0]!;
    const page = mediator.page;
    const panel = page.locator('.timeline-panel');
    await panel.getByRole('button', { name: 'Edit the commitment' }).click();
    const editor = page.getByRole('form', { name: `Edit ${externalId}` });
    await editor.getByLabel('Wording').fill('Open three humanitarian corridors (invented).');

    const lead = await open({ width: 1280, height: 900 });
    await lead.page.goto(parley.url);
    await signIn(lead.page, 'lead.mediator@demo.parley', demoPassword);
    await openNordlysScreen(lead.page, 'Implementation');
    await lead.page.getByRole('button', { name: externalId }).click();
    await lead.page.getByRole('button', { name: 'Edit the commitment' }).click();
    const leadEditor = lead.page.getByRole('form', { name: `Edit ${externalId}` });
    await leadEditor.getByLabel('Deadline', { exact: true }).fill('2027-06-30');
    await leadEditor.getByRole('button', { name: 'Save the changes' }).click();
    await lead.page.getByText('Changes saved (revision 3).').waitFor();

    // The live update tells the mediator before they save; saving shows what differs.
    await editor.getByText(/Someone else saved this commitment \(now revision 3\)/).waitFor();
    await editor.getByRole('button', { name: 'Save the changes' }).click();
    const conflict = editor.locator('.conflict');
    await conflict.getByText('Someone else changed this commitment meanwhile').waitFor();
    await conflict
      .getByRole('region', { name: 'Changed meanwhile (revision 3)' })
      .getByText('30 Jun 2027')
      .waitFor();
    await conflict
      .getByRole('region', { name: 'Your changes' })
      .getByText('Open three humanitarian corridors (invented).')
      .waitFor();
    await editor.screenshot({ path: screenshotPath('83-implementation-edit-conflict-desktop') });
    await conflict.getByRole('button', { name: 'Keep my changes on top of it' }).click();
    await editor.getByText(/Your changes now start from revision 3/).waitFor();
    await editor.getByRole('button', { name: 'Save the changes' }).click();
    await panel.getByText('Changes saved (revision 4).').waitFor();
    // Both changes stand: the mediator's wording on top of the lead mediator's deadline.
    await panel.getByText('Open three humanitarian corridors (invented).').waitFor();
    await panel.locator('.commitment-facts').getByText('30 Jun 2027').waitFor();
    expect(mediator.problems).toEqual([]);
    expect(lead.problems).toEqual([]);
  });

  it('fits the editor and the themes on a mediator’s phone', async () => {
    const phone = await open({ width: 390, height: 844 });
    const page = phone.page;
    await page.goto(parley.url);
    await signIn(page, 'mediator@demo.parley', demoPassword);
    await openNordlysScreen(page, 'Implementation');
    await page.getByRole('button', { name: externalId }).click();
    await page.getByRole('button', { name: 'Edit the commitment' }).click();
    const editor = page.getByRole('form', { name: `Edit ${externalId}` });
    await editor.getByText('Recurring', { exact: true }).click();
    await editor.getByLabel('How often').selectOption('quarterly');
    await editor.getByLabel(/^Until/).fill('2027-12-31');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await editor.screenshot({ path: screenshotPath('84-implementation-editor-phone') });
    await editor.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByText('Changes saved (revision 5).').waitFor();
    // The end of the recurring obligation shows on its card in the table and in its facts.
    await page.locator('.commitment-facts').getByText('Quarterly until 31 Dec 2027').waitFor();
    const card = page.locator('.commitments-table tbody tr', { hasText: externalId });
    await card.getByText('Quarterly until 31 Dec 2027').waitFor();
    await card.screenshot({ path: screenshotPath('84b-implementation-recurring-card-phone') });
    await page
      .locator('section.themes-panel')
      .getByRole('button', { name: 'Add a theme or subtheme' })
      .click();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await page
      .locator('section.themes-panel')
      .screenshot({ path: screenshotPath('85-implementation-themes-phone') });
    expect(phone.problems).toEqual([]);
  });

  it('shows a party’s head the themes and the commitment on a phone, without the forms', async () => {
    const phone = await open({ width: 390, height: 844 });
    const page = phone.page;
    await page.goto(parley.url);
    await signIn(page, 'gov.head@demo.parley', demoPassword);
    await openNordlysScreen(page, 'Implementation');
    await page.getByRole('list', { name: 'Subthemes of SEC' }).waitFor();
    await page.getByRole('button', { name: externalId }).click();
    await page.locator('.commitment-facts').getByText('Quarterly until 31 Dec 2027').waitFor();
    expect(await page.getByRole('button', { name: 'Edit the commitment' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add a theme or subtheme' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Edit|Remove) the theme / }).count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    // The same in Norwegian.
    await page.getByLabel('Language').selectOption('nb');
    await page.getByRole('heading', { name: 'Temaer' }).waitFor();
    await page
      .locator('.commitment-facts')
      .getByText(/^Kvartalsvis til og med 31\. des\.? 2027$/)
      .waitFor();
    const card = page.locator('.commitments-table tbody tr', { hasText: externalId });
    await card.getByText(/^Kvartalsvis til og med 31\. des\.? 2027$/).waitFor();
    await card.screenshot({ path: screenshotPath('86b-implementation-recurring-card-phone-nb') });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await phone.shot('86-implementation-party-phone-nb');
    expect(phone.problems).toEqual([]);
  });

  it('says in the release dialog that the public page can be withdrawn', async () => {
    const mediator = people[0]!;
    const page = mediator.page;
    await page.reload();
    // The title may be left empty: the page then takes the default title shown in the field. The
    // demo has released its page already, so the button offers to release it again.
    await page.getByRole('button', { name: 'Release again…' }).click();
    const dialog = page.getByRole('dialog', {
      name: 'Release the implementation picture to the public?',
    });
    await dialog.getByText(/until you withdraw the page/).waitFor();
    const text = await dialog.innerText();
    expect(text).not.toContain('cannot be undone');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });
});
