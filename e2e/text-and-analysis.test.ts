/**
 * The second browser journey, on the demo process NORDLYS (an agenda, proposals over three rounds,
 * a 21-provision text with three versions, amendments, both parties' ratings shared): the lead
 * mediator edits the draft and publishes; an opposition delegate proposes an amendment; the
 * mediator brackets it as an alternative and publishes again; both see the diff; the party enters
 * its ratings by ranking; the mediator reads the analysis; the screens change language; a tablet
 * shows the text and the analysis. Each step saves screenshots to e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoPassword } from '../src/server/demo/seed.js';
import { actorOf } from '../src/server/test-support/actors.js';
import { asId } from '../src/core/shared/ids.js';
import { editWorkingText } from '../src/core/usecases/text/edit-working-text.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { scrollWidth, signIn, confirmOutward } from './support/steps.js';

const runJourney = browserAvailable();

/** Opens NORDLYS from the list of processes. */
async function openNordlys(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'NORDLYS' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'NORDLYS' }).waitFor();
}

/** Follows a link of the process navigation. */
async function nav(page: Page, name: string | RegExp): Promise<void> {
  await page.locator('nav.process-nav').getByRole('link', { name }).click();
}

describe.skipIf(!runJourney)(
  'the negotiating text and the analysis, worked on in the browser',
  () => {
    let parley: E2eParley;
    const people: Person[] = [];
    const open = async (options?: Parameters<typeof openBrowser>[0]) => {
      const p = await openBrowser(options);
      people.push(p);
      return p;
    };
    let mediator: Person;
    let delegate: Person;

    beforeAll(async () => {
      parley = await startParley();
    });

    afterAll(async () => {
      for (const p of people) await p.close();
      await parley?.close();
    });

    it('lets the lead mediator read the record, edit the working draft and publish a version to all parties', async () => {
      mediator = await open();
      const page = mediator.page;
      await page.goto(parley.url);
      await signIn(page, 'lead.mediator@demo.parley', demoPassword);
      await openNordlys(page);

      await nav(page, 'Record');
      await page.getByRole('heading', { level: 1, name: 'The record' }).waitFor();
      const timeline = page.locator('table.timeline-table');
      await timeline.waitFor();
      expect(await timeline.locator('thead th').allTextContents()).toEqual([
        'Issue',
        'Round 1',
        'Round 2',
        'Round 3',
      ]);
      // Every proposal says where it was tabled.
      const cards = page.locator('.proposal-card');
      expect(await cards.count()).toBe(8);
      expect(await cards.locator('.badge-compartment').count()).toBe(8);
      await mediator.shot('30-record');

      await nav(page, 'Negotiating text');
      await page.getByRole('heading', { level: 1, name: 'Negotiating text' }).waitFor();
      await page
        .locator('.naeuea', { hasText: 'Nothing is agreed until everything is agreed' })
        .waitFor();
      await page
        .locator('.draft-banner', { hasText: 'Only the mediator team sees the draft.' })
        .waitFor();
      expect(await page.locator('.provision').count()).toBe(21);
      // Brackets carry the holder's code as text, not colour alone.
      const p21 = page.locator('#provision-p-election');
      expect(await p21.locator('.seg-alt .holder-tag').allTextContents()).toEqual([
        'held by OPP',
        'held by GOV',
      ]);
      await mediator.shot('31-text-draft');

      await page.getByRole('button', { name: 'Edit provision 2.3' }).click();
      await page.getByRole('button', { name: 'Bracket syntax (experts)' }).click();
      const wording = page.getByLabel('Wording of 2.3, in the bracket syntax');
      expect(await wording.inputValue()).toBe(
        'The electoral campaign shall last [no less than]{OPP} ninety days.',
      );
      await wording.fill(
        'The electoral campaign shall last [no less than]{OPP} ninety days [and end two days before the vote]{Mediators: pending consultations}.',
      );
      await page.getByText('How to write brackets and alternatives').click();
      await page.locator('.provision-editor').scrollIntoViewIfNeeded();
      await mediator.shot('32-text-editor', { fullPage: false });

      // Another mediator changes the draft meanwhile: the save is refused, nothing is overwritten,
      // the current text is shown and the edit can be re-applied on top of it.
      await editWorkingText(parley.runtime.deps, {
        actor: await actorOf(parley.runtime.deps, 'mediator@demo.parley'),
        processId: parley.demo.processId,
        baseRevision: 10,
        edit: { kind: 'set_status', provision: asId('p-humanitarian'), status: 'open' },
      });
      await page.getByRole('button', { name: 'Save wording' }).click();
      const conflict = page.locator('.conflict');
      await conflict.getByRole('heading', { name: 'Someone changed the text meanwhile' }).waitFor();
      expect(await conflict.locator('.changed-meanwhile ins').allTextContents()).toEqual([
        expect.stringContaining('5.4 {open #p-humanitarian}'),
      ]);
      expect(await conflict.textContent()).toContain('Your change: new wording of 2.3');
      await conflict.scrollIntoViewIfNeeded();
      await mediator.shot('33-text-conflict', { fullPage: false });
      await page.getByRole('button', { name: 'Re-apply my change' }).click();
      await page.getByText('Saved. The draft is now at revision 12.').waitFor();
      await page
        .locator('#provision-p-campaign .provision-body .seg-bracket', {
          hasText: 'and end two days before the vote',
        })
        .first()
        .waitFor();

      await page.getByLabel('Note for the recipients').fill('Draft for round 4 (e2e).');
      await page.getByRole('button', { name: 'Publish version 4' }).click();
      // Escape cancels: nothing is published.
      await confirmOutward(page, { cancel: true });
      expect(await page.getByText('Version 4 is published.').count()).toBe(0);
      await page.getByRole('button', { name: 'Publish version 4' }).click();
      const told = await confirmOutward(page, {
        shot: () => mediator.shot('33b-publish-confirmation', { fullPage: false }),
      });
      expect(told).toMatch(
        /Goes to the GOV and OPP delegations, the mediator team.* — \d+ people\./,
      );
      // The mediators' note on the new bracket is theirs: it stays behind.
      expect(told).toContain('No drafter’s note goes out with it.');
      expect(told).toContain('1 internal drafter’s note stays with the mediators.');
      await page.getByText('Version 4 is published.').waitFor();
      await mediator.shot('34-published');
    });

    it('lets an opposition delegate read the version distributed to them and propose an amendment', async () => {
      delegate = await open();
      const page = delegate.page;
      await page.goto(parley.url);
      await signIn(page, 'opp.delegate@demo.parley', demoPassword);
      await openNordlys(page);
      // A delegation has its ratings and the analysis, the mediators' tools are not offered.
      expect(
        await page.locator('nav.process-nav').getByRole('link', { name: 'Our ratings' }).count(),
      ).toBe(1);

      await nav(page, 'Negotiating text');
      await page.getByText('You see version 4, the latest version distributed to you.').waitFor();
      expect(await page.locator('main').textContent()).not.toContain('pending consultations');
      await page
        .locator('.naeuea', { hasText: 'Nothing is agreed until everything is agreed' })
        .waitFor();
      expect(await page.getByRole('button', { name: /^Edit provision/ }).count()).toBe(0);
      expect(await page.locator('.text-side .badge-compartment').first().textContent()).toContain(
        'Plenary',
      );
      await delegate.shot('35-text-delegate');

      await page.getByRole('link', { name: 'Propose an amendment to 2.3' }).click();
      await page.getByRole('heading', { level: 1, name: 'Amendments' }).waitFor();
      const provision = page.getByLabel('Provision', { exact: true });
      expect(await provision.inputValue()).toBe('p-campaign');
      await page.getByLabel('Replace words').check();
      await page.getByLabel('The words to change, quoted exactly').fill('ninety days');
      await page.getByText('Found once in this provision.').waitFor();
      await page.getByLabel('The new wording').fill('one hundred and twenty days');
      await page.getByLabel(/^Why \(for the mediators\)/).fill('A longer campaign (e2e).');
      await delegate.shot('36-amendment-form');
      await page.getByRole('button', { name: 'Propose the amendment' }).click();
      await page.getByText('The amendment is sent to the mediators.').waitFor();
      const mine = page.locator('.amendment-card', { hasText: 'one hundred and twenty days' });
      await mine.waitFor();
      expect(await mine.locator('.outcome').textContent()).toBe('Waiting');
      expect(await mine.locator('.badge-compartment').textContent()).toContain(
        'OPP – mediators bilateral',
      );
    });

    it('lets the mediator accept the amendment as a bracketed alternative and publish again', async () => {
      const page = mediator.page;
      await page.locator('nav.subnav').getByRole('link', { name: 'Amendments' }).click();
      await page.getByRole('heading', { level: 1, name: 'Amendments' }).waitFor();
      const card = page.locator('.amendment-card', { hasText: 'one hundred and twenty days' });
      await card.waitFor();
      expect(await card.locator('.party-chip').textContent()).toBe('OPP');
      await mediator.shot('37-amendments-mediator');
      await card.getByRole('button', { name: 'Accept as a bracketed alternative' }).click();
      await page.getByText('Accepted as a bracketed alternative.').waitFor();

      await page.locator('nav.subnav').getByRole('link', { name: 'The text' }).click();
      const alternative = page.locator('#provision-p-campaign .provision-body .seg-alt', {
        hasText: 'one hundred and twenty days',
      });
      await alternative.waitFor();
      expect(await alternative.locator('.holder-tag').textContent()).toContain('OPP');
      await page
        .getByLabel('Note for the recipients')
        .fill('With the opposition’s alternative (e2e).');
      await page.getByRole('button', { name: 'Publish version 5' }).click();
      await confirmOutward(page);
      await page.getByText('Version 5 is published.').waitFor();
    });

    it('shows the mediator and the delegate the diff between the two versions, with the new bracket', async () => {
      for (const [who, name] of [
        [mediator, '38-diff-mediator'],
        [delegate, '40-diff-delegate'],
      ] as const) {
        const page = who.page;
        await nav(page, 'Negotiating text');
        await page
          .locator('nav.subnav')
          .getByRole('link', { name: 'Versions and changes' })
          .click();
        await page.getByRole('heading', { level: 1, name: 'Versions and changes' }).waitFor();
        await page.getByText('From version 4 to version 5:').waitFor();
        const item = page.locator('.diff-item', { hasText: 'one hundred and twenty days' });
        await item.waitFor();
        expect(await item.locator('.provision-number').textContent()).toBe('2.3');
        // Word by word: "Alt 2: one hundred" and "twenty days]" are new, "and" was there already.
        const inserted = (await item.locator('ins').allTextContents()).join(' ');
        expect(inserted).toContain('Alt 2: one hundred');
        expect(inserted).toContain('twenty days]');
        expect(await item.locator('ins .holder-tag').allTextContents()).toContain('OPP');
        await who.shot(name);
      }

      const page = mediator.page;
      await page.getByText('Side by side').click();
      await page.waitForURL(/view=side/);
      const row = page.locator('.compare-table tbody tr', {
        hasText: 'one hundred and twenty days',
      });
      await row.waitFor();
      expect(await row.locator('.relation-badge-wording_differs').count()).toBe(1);
      await mediator.shot('39-compare');

      // The delegate's copy of version 5: a download, with a spinner while it renders.
      const d = delegate.page;
      await d.getByRole('link', { name: 'Version 5' }).first().click();
      await d.getByRole('heading', { level: 1, name: 'Version 5' }).waitFor();
      const [download] = await Promise.all([
        d.waitForEvent('download'),
        d.getByRole('button', { name: 'Export as TXT' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.txt$/);
      await d.getByText(/is downloaded\.$/).waitFor();
      await delegate.shot('41-version-delegate');
    });

    it('lets the party enter its ratings through the ranking and confirm the resulting numbers', async () => {
      const page = delegate.page;
      await nav(page, 'Our ratings');
      await page.getByRole('heading', { level: 1, name: 'Our ratings' }).waitFor();
      await page.getByText('Total: 100 of 100 points.').waitFor();
      await delegate.shot('42-preferences-numbers');

      await page.getByLabel('The easier way: put things in order').check();
      const issues = page.locator('#issue-order .order-label');
      expect(await issues.allTextContents()).toEqual([
        'Date of a new presidential election',
        'Composition of the electoral authority',
        'Transitional arrangements',
        'Release of detained activists',
        'Sanctions relief',
      ]);
      // By mouse, then by keyboard: the moved issue keeps the focus.
      await page.getByRole('button', { name: 'Move “Release of detained activists” up' }).click();
      await page.keyboard.press('Enter');
      expect(await issues.allTextContents()).toEqual([
        'Date of a new presidential election',
        'Release of detained activists',
        'Composition of the electoral authority',
        'Transitional arrangements',
        'Sanctions relief',
      ]);
      await page
        .getByRole('button', { name: 'Move “Phased relief tied to milestones” up' })
        .click();
      await delegate.shot('43-preferences-ranking');

      await page.getByRole('button', { name: 'Show the resulting numbers' }).click();
      await page.getByRole('heading', { name: '3. Check the numbers before saving' }).waitFor();
      const first = page.locator('.confirm-table tbody tr').first();
      expect(await first.locator('th').textContent()).toBe('Date of a new presidential election');
      expect(await first.locator('td.num').textContent()).toBe('45.7');
      await delegate.shot('44-preferences-confirm');
      await page.getByRole('button', { name: 'These are right: save them' }).click();
      await page.getByText('Saved. These are the numbers that follow from your ranking').waitFor();
      await page.getByText(/converted from a ranking/).waitFor();
      await delegate.shot('45-preferences-saved');
    });

    it('shows the mediator the frontier with the Nash point, improvements on a proposal and the stalling signal', async () => {
      const page = mediator.page;
      await nav(page, 'Analysis');
      await page.getByRole('heading', { level: 1, name: 'Analysis' }).waitFor();
      const chart = page.locator('.frontier-figure');
      await chart.locator('.recharts-surface').first().waitFor();
      // Solutions that fall on one package share a label ("Nash, KS").
      const label = (text: RegExp) => chart.locator('svg text', { hasText: text }).first();
      await label(/^Nash\b/).waitFor();
      await label(/\bKS\b/).waitFor();
      await label(/^Egalitarian/).waitFor();

      const select = page.getByLabel('Proposal to analyse');
      const options = await select.locator('option').allTextContents();
      const bridging = options.findIndex((o) => o.startsWith('Round 3 · Mediators'));
      expect(bridging).toBeGreaterThan(0);
      await select.selectOption({ index: bridging });
      await page.getByRole('heading', { name: /improvements? for every side/ }).waitFor();
      await page.getByLabel('A party has stalled after').selectOption({ label: '1 round' });
      await page
        .locator('.stall-warning')
        .getByText('GOV has not moved for 1 round while OPP conceded.')
        .waitFor();
      await mediator.shot('46-analysis-mediator');
    });

    it('shows the party the published suggestion set with its own utility only, and who has stalled', async () => {
      const page = delegate.page;
      await nav(page, 'Analysis');
      await page.getByRole('heading', { name: 'Your own numbers' }).waitFor();
      await page.getByRole('heading', { name: 'Suggestion set 1' }).waitFor();
      await page.getByText('GOV has not moved for 2 rounds while OPP conceded.').waitFor();
      expect(await page.locator('.suggestion-card').count()).toBeGreaterThan(0);
      // Another party's numbers are never shown to a party.
      expect(await page.getByText('Utility for GOV').count()).toBe(0);
      await delegate.shot('47-analysis-party');
    });

    it('lets the delegate table a proposal to the mediators in round 4, and shows who proposed what, when', async () => {
      const page = delegate.page;
      await nav(page, 'Record');
      await page.getByRole('heading', { level: 1, name: 'The record' }).waitFor();
      // The party's own private positions are there, in its caucus; the other party's are not.
      const positions = page.locator('.panel', { hasText: 'OPP’s private positions' });
      expect(await positions.locator('.badge-compartment').first().textContent()).toContain(
        'OPP caucus',
      );
      await page.getByRole('button', { name: 'Table a proposal' }).click();
      const where = page.getByLabel('Where to table it');
      expect(await where.locator('option').allTextContents()).toEqual([
        'OPP – mediators bilateral',
        'Plenary',
      ]);
      await where.selectOption({ label: 'OPP – mediators bilateral' });
      await page.getByLabel('Round', { exact: true }).fill('4');
      await page
        .getByLabel(/^Date of a new presidential election/)
        .selectOption({ label: 'Within 12 months' });
      await page.getByLabel(/^Sanctions relief/).selectOption({ label: 'Humanitarian exemptions' });
      await page.getByLabel(/^Note/).fill('What we could accept (e2e).');
      await page.getByRole('button', { name: 'Table the proposal' }).click();
      await page.getByText('The proposal is tabled.').waitFor();
      await page.locator('table.timeline-table thead th', { hasText: 'Round 4' }).waitFor();
      const card = page.locator('.proposal-card', { hasText: 'What we could accept (e2e).' });
      expect(await card.locator('.badge-compartment').first().textContent()).toContain(
        'OPP – mediators bilateral',
      );
      await delegate.shot('48-record-delegate');
    });

    it('switches these screens to Spanish and to Norwegian', async () => {
      const page = mediator.page;
      await page.getByLabel('Language').selectOption('es');
      await page.getByRole('heading', { level: 1, name: 'Análisis' }).waitFor();
      await page.getByRole('heading', { name: 'Paquetes eficientes' }).waitFor();
      await page.getByText('GOV no se ha movido en 1 ronda mientras OPP cedía.').waitFor();
      await mediator.shot('49-analysis-spanish');

      await nav(page, 'Texto de negociación');
      await page
        .locator('.naeuea', { hasText: 'Nada está acordado hasta que todo esté acordado' })
        .waitFor();
      await page.getByLabel('Idioma').selectOption('nb');
      await page.getByRole('heading', { level: 1, name: 'Forhandlingstekst' }).waitFor();
      await page.locator('.naeuea', { hasText: 'Ingenting er avtalt før alt er avtalt' }).waitFor();
      await page.getByRole('button', { name: 'Publiser versjon 6' }).waitFor();
      await mediator.shot('50-text-norwegian');
      await page.getByLabel('Språk').selectOption('en');
    });

    it('lays the text and the analysis out for a tablet, where the head of delegation signs', async () => {
      const tablet = await open({ width: 820, height: 1180 });
      const page = tablet.page;
      await page.goto(parley.url);
      await signIn(page, 'opp.head@demo.parley', demoPassword);
      await openNordlys(page);
      await nav(page, 'Negotiating text');
      await page.getByText('You see version 5').waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(820);
      await tablet.shot('51-tablet-text');

      await page.getByRole('button', { name: 'Sign version 5 for OPP…' }).click();
      await page.getByLabel('I have compared the fingerprint with the approved copy.').check();
      await page.getByRole('button', { name: 'Sign version 5 for OPP' }).click();
      await page.locator('.state-counts div', { hasText: 'Signed by' }).getByText('OPP').waitFor();
      expect(await page.getByRole('button', { name: /^Sign version 5/ }).count()).toBe(0);
      await page.locator('.signature-list').scrollIntoViewIfNeeded();
      await tablet.shot('52-tablet-signed', { fullPage: false });

      const m = mediator.page;
      await m.setViewportSize({ width: 820, height: 1180 });
      await nav(m, 'Analysis');
      await m.locator('.frontier-figure .recharts-surface').first().waitFor();
      expect(await scrollWidth(m)).toBeLessThanOrEqual(820);
      await mediator.shot('53-tablet-analysis');
      await m.setViewportSize({ width: 1280, height: 800 });
    });

    it('runs without a script error or a Content-Security-Policy violation', () => {
      expect(people.flatMap((p) => p.problems)).toEqual([]);
    });
  },
);
