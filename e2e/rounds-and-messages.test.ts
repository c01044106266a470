/**
 * The third browser journey, on the demo process NORDLYS: the lead mediator sets up a round and
 * schedules a session; an invited government delegate acknowledges the rules and sees the venue,
 * an opposition delegate who is not invited sees "venue withheld"; the government delegate posts
 * in its bilateral channel and the lead mediator relays the message, reworded, to the opposition,
 * whose open thread shows it live as "relayed by the mediators"; a joint communiqué is drafted,
 * circulated, approved by both heads of delegation and the mediator team, and released as No. 2;
 * the screens change language. Each step saves screenshots to e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { demoPassword } from '../src/server/demo/seed.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { scrollWidth, signIn, confirmOutward } from './support/steps.js';

const runJourney = browserAvailable();

/** The texts of a list once its first entry is there (lists render after their data loads). */
async function textsOf(list: Locator): Promise<string[]> {
  await list.first().waitFor({ state: 'attached' });
  return list.allTextContents();
}

/** Opens NORDLYS from the list of processes. */
async function openNordlys(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'NORDLYS' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'NORDLYS' }).waitFor();
}

/** Follows a link of the process navigation. */
async function nav(page: Page, name: string | RegExp): Promise<void> {
  await page.locator('nav.process-nav').getByRole('link', { name }).click();
}

/** The row of a round in the list of rounds. */
const roundRow = (page: Page, title: string) =>
  page.locator('table.round-table tbody tr', { hasText: title });

const roundTitle = 'Third round (e2e)';
const venue = 'Bridgetown, a house by the sea (e2e)';

describe.skipIf(!runJourney)('rounds, messages and communiqués, run from the browser', () => {
  let parley: E2eParley;
  const people: Person[] = [];
  // Problems seen by browsers closed before the end of the journey.
  const closedProblems: string[] = [];
  const open = async (email: string, options?: Parameters<typeof openBrowser>[0]) => {
    const p = await openBrowser(options);
    people.push(p);
    await p.page.goto(parley.url);
    // A fresh browser on a busy machine may take a while to load the app.
    await p.page.getByLabel('E-mail address').waitFor({ timeout: 30_000 });
    await signIn(p.page, email, demoPassword);
    await openNordlys(p.page);
    return p;
  };
  let mediator: Person;
  let govDelegate: Person;
  let oppDelegate: Person;

  beforeAll(async () => {
    parley = await startParley();
  });

  afterAll(async () => {
    for (const p of people) await p.close();
    await parley?.close();
  });

  it('lets the lead mediator set up a round, acknowledge its rules and schedule a plenary', async () => {
    mediator = await open('lead.mediator@demo.parley');
    const page = mediator.page;
    // The dashboard names the next round and leads to it.
    await page
      .locator('.panel', { hasText: 'Next round' })
      .getByRole('link', { name: 'All rounds' })
      .waitFor();

    await nav(page, 'Rounds and sessions');
    await page.getByRole('heading', { level: 1, name: 'Rounds and sessions' }).waitFor();
    const first = roundRow(page, 'Second meeting in Norway this month');
    expect(await first.locator('td').first().textContent()).toBe('1');
    // The lead mediator is invited to the demo round and acknowledged its rules.
    expect(await first.textContent()).toContain('Oslo — a government guesthouse');
    expect(
      await page.getByRole('link', { name: 'Download my calendar (ICS)' }).getAttribute('href'),
    ).toBe('/api/me/calendar.ics');

    await page.getByRole('button', { name: 'Set up a round' }).click();
    await page.getByLabel('Title', { exact: true }).fill(roundTitle);
    await page.getByLabel('First day').fill('2030-06-10');
    await page.getByLabel('Last day').fill('2030-06-09');
    await page.getByText('The last day cannot be before the first.').waitFor();
    await page.getByLabel('Last day').fill('2030-06-14');
    await page.getByLabel('Venue', { exact: true }).fill(venue);
    await page.getByLabel(/^Government head \(demo\)/).check();
    await page.getByLabel(/^Government delegate \(demo\)/).check();
    await page.getByLabel(/^Opposition head \(demo\)/).check();
    await page.getByLabel(/^Erik Solberg \(demo\)/).check();
    await mediator.shot('60-round-create');
    await page.getByRole('button', { name: 'Set up the round' }).click();

    // The round opens to its organiser too only after the rules are acknowledged.
    await page.getByRole('heading', { name: 'Before you open round 2' }).waitFor();
    expect(await page.locator('.rules-list li').count()).toBe(3);
    expect(await page.locator('.meta-row').textContent()).toContain('Venue withheld');
    await mediator.shot('61-round-gate');
    await page.getByRole('button', { name: 'I acknowledge these rules' }).click();
    await page.getByRole('heading', { name: 'Organise the round' }).waitFor();
    expect(await page.locator('.meta-row').textContent()).toContain(venue);

    await page.getByRole('button', { name: 'Schedule a session' }).click();
    expect(await textsOf(page.getByLabel('Format').locator('option'))).toEqual([
      'Plenary',
      'Bilateral with GOV',
      'Bilateral with OPP',
      'Shuttle',
      'Proximity talks',
    ]);
    await page.getByLabel('Title', { exact: true }).fill('Opening plenary (e2e)');
    await page.getByLabel('Ends').fill('2030-06-10T08:00');
    await page.getByText('A session ends after it starts.').waitFor();
    await page.getByLabel('Ends').fill('2030-06-10T11:30');
    await page.getByLabel('Date of a new presidential election').check();
    await page.getByLabel('Release of detained activists').check();
    await page.getByRole('button', { name: 'Schedule the session' }).click();
    await page.getByText('The session is scheduled.').waitFor();
    const session = page.locator('.session-card', { hasText: 'Opening plenary (e2e)' });
    expect(await textsOf(session.locator('.agenda-list li'))).toEqual([
      'Date of a new presidential election',
      'Release of detained activists',
    ]);
    expect(await session.locator('.session-when').textContent()).toMatch(
      /10 Jun 2030.*09:00.*11:30/,
    );

    await page.getByRole('button', { name: 'Open the round' }).click();
    await page.getByText('The round’s status has changed.').waitFor();
    await page.locator('.meta-row .round-status-in_progress').waitFor();

    await session.getByRole('button', { name: 'Write the plenary minutes' }).click();
    await session.getByLabel('Plenary minutes').fill('1. The parties confirmed the agenda (e2e).');
    await session.getByRole('button', { name: 'Save the minutes' }).click();
    await session.getByText('The minutes are saved.').waitFor();
    await session.locator('.approval-list li').first().waitFor();
    expect(await textsOf(session.locator('.approval-list li'))).toEqual([
      'GOVnot yet approved',
      'OPPnot yet approved',
    ]);
    await mediator.shot('62-round-mediator');

    // The delegations take the question back to their principals until a deadline.
    await page.getByRole('button', { name: 'Pause for consultations with principals' }).click();
    await page
      .getByLabel('What the delegations consult on')
      .fill('The agenda of the opening plenary (e2e).');
    await page.getByLabel('Answers are taken until').fill('2030-06-13T18:00');
    await page.getByRole('button', { name: 'Pause the round for consultations' }).click();
    await page.locator('.meta-row .round-status-in_consultations').waitFor();
    const consultation = page.locator('.consultation-card');
    await consultation.waitFor();
    expect(await consultation.textContent()).toContain('Answers until 13 Jun 2030, 18:00');
  }, 90_000);

  it('shows the venue to an invited delegate once acknowledged, and withholds it from one not invited', async () => {
    govDelegate = await open('gov.delegate@demo.parley');
    let page = govDelegate.page;
    await nav(page, 'Rounds and sessions');
    const row = roundRow(page, roundTitle);
    await row.waitFor();
    expect(await row.textContent()).toContain('Venue withheld');
    expect(await row.textContent()).toContain(
      'Shown once you have acknowledged the round’s rules.',
    );
    await row.getByRole('link', { name: roundTitle }).click();
    await page.getByRole('button', { name: 'I acknowledge these rules' }).click();
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
    expect(await page.locator('.meta-row').textContent()).toContain(venue);
    // A delegation sees its own invitees and the mediators, not the other party's.
    expect(await textsOf(page.locator('.name-chips').first().locator('li'))).toEqual([
      'Ingrid Haugen (demo)',
      'Erik Solberg (demo)',
      'Government head (demo)',
      'Government delegate (demo)',
    ]);
    // Neither organising nor keeping minutes is offered to a delegate.
    expect(await page.getByRole('heading', { name: 'Organise the round' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Record attendance' }).count()).toBe(0);
    await govDelegate.shot('63-round-invited-delegate');

    oppDelegate = await open('opp.delegate@demo.parley');
    page = oppDelegate.page;
    await nav(page, 'Rounds and sessions');
    const withheld = roundRow(page, roundTitle);
    await withheld.waitFor();
    expect(await withheld.textContent()).toContain(
      'Only the people invited to this round see where it takes place.',
    );
    await oppDelegate.shot('64-rounds-not-invited');
    await withheld.getByRole('link', { name: roundTitle }).click();
    await page.getByText('You are not invited to this round').waitFor();
    await page.getByRole('button', { name: 'I acknowledge these rules' }).click();
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
    expect(await page.locator('.meta-row').textContent()).toContain('Venue withheld');
    expect(await page.content()).not.toContain('Bridgetown');
    await oppDelegate.shot('65-round-not-invited');
  }, 90_000);

  it('relays a government message, reworded, into the opposition’s open thread as "relayed by the mediators"', async () => {
    // The opposition delegate has its thread open when the relay arrives.
    const opp = oppDelegate.page;
    await nav(opp, 'Messages');
    await opp.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    await opp.getByRole('link', { name: /Proximity talks — opposition room/ }).click();
    await opp.locator('.message').first().waitFor();
    const before = await opp.locator('.message').count();

    const gov = govDelegate.page;
    await nav(gov, 'Messages');
    await gov.getByRole('link', { name: /Proximity talks — government room/ }).click();
    await gov.getByLabel('Your message').fill('We could accept fourteen months, not twelve (e2e).');
    await gov.getByRole('button', { name: 'Post' }).click();
    await gov.locator('.message', { hasText: 'fourteen months' }).waitFor();
    await govDelegate.shot('66-thread-party');

    const page = mediator.page;
    await nav(page, 'Messages');
    await page.getByRole('link', { name: /Proximity talks — government room/ }).click();
    const original = page.locator('.message', { hasText: 'fourteen months' });
    await original.waitFor();
    await original.getByRole('button', { name: 'Relay to the other side' }).click();
    expect(await textsOf(original.getByLabel('Into the thread').locator('option'))).toEqual([
      expect.stringMatching(/^OPP – mediators bilateral: Proximity talks — opposition room/),
    ]);
    await original
      .getByLabel('Wording to relay')
      .fill('The other side is considering a longer calendar than twelve months (e2e).');
    await mediator.shot('67-relay-form');
    await original.getByRole('button', { name: 'Relay', exact: true }).click();
    const relayTold = await confirmOutward(page, {
      shot: () => mediator.shot('67b-relay-confirmation', { fullPage: false }),
    });
    expect(relayTold).toMatch(/Goes to the OPP delegation and the mediator team/);
    expect(relayTold).toContain('twelve months (e2e)');
    await original.getByText('Relayed to').waitFor();

    // Live: the relay appears in the opposition's open thread without a reload; the header says
    // the connection is live.
    await opp.locator('.live-indicator.is-live', { hasText: 'Live' }).waitFor();
    const relay = opp.locator('.message-relayed', { hasText: 'longer calendar' });
    await relay.waitFor();
    expect(await opp.locator('.message').count()).toBe(before + 1);
    expect(await relay.locator('.message-author').textContent()).toBe('Relayed by the mediators');
    expect(await opp.content()).not.toContain('fourteen months');
    await oppDelegate.shot('68-relay-received');

    // The mediator team sees who relayed it.
    await page.locator('.message', { hasText: 'fourteen months' }).getByRole('link').click();
    const seenByTeam = page.locator('.message-relayed', { hasText: 'longer calendar' });
    await seenByTeam.waitFor();
    expect(await seenByTeam.locator('.message-author').textContent()).toBe(
      'Relayed by Ingrid Haugen (demo) for the mediators',
    );
    await mediator.shot('69-relay-mediator');
  }, 90_000);

  it('drafts a joint communiqué, has every side approve the exact wording, and releases it numbered; the government head approves the minutes', async () => {
    const page = mediator.page;
    await nav(page, 'Communiqués');
    await page.getByRole('heading', { level: 1, name: 'Communiqués and press lines' }).waitFor();
    await page.getByRole('button', { name: 'Draft a communiqué or press line' }).click();
    await page
      .getByLabel('Title', { exact: true })
      .fill('Joint communiqué on the third round (e2e)');
    await page
      .getByLabel('Wording', { exact: true })
      .fill('The parties met from 10 to 14 June and will meet again (e2e).');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByText('The draft is saved in the mediators’ room.').waitFor();
    const card = page.locator('.communique-card', { hasText: 'on the third round (e2e)' });
    expect(await card.locator('.badge-status').textContent()).toBe('Draft');
    await card.getByRole('button', { name: 'Circulate to the parties for approval' }).click();
    expect(await confirmOutward(page)).toMatch(
      /Goes to the GOV and OPP delegations, the mediator team.* — \d+ people\./,
    );
    await card.getByText('Circulated: the parties now see it and can approve it.').waitFor();
    await card
      .getByRole('button', { name: 'Approve this exact wording for the mediator team' })
      .click();
    await card.getByText('Your approval is recorded.').waitFor();
    expect(await card.getByRole('button', { name: 'Release and number' }).isDisabled()).toBe(true);
    await card.getByText('Waiting for the approval of: GOV, OPP.').waitFor();
    await mediator.shot('70-communique-circulated');

    for (const [email, code] of [
      ['gov.head@demo.parley', 'GOV'],
      ['opp.head@demo.parley', 'OPP'],
    ] as const) {
      const head = await open(email);
      await head.page
        .locator('.panel', { hasText: 'Messages and communiqués' })
        .getByRole('link', { name: /await(s)? your approval/ })
        .click();
      const theirs = head.page.locator('.communique-card', { hasText: 'on the third round (e2e)' });
      await theirs.getByRole('button', { name: `Approve this exact wording for ${code}` }).click();
      await theirs.getByText('Your approval is recorded.').waitFor();
      if (code === 'OPP') await head.shot('72-communique-party-approved');
      if (code === 'GOV') {
        // The head of delegation also approves the plenary minutes for the party.
        await nav(head.page, 'Rounds and sessions');
        await roundRow(head.page, roundTitle).getByRole('link', { name: roundTitle }).click();
        await head.page.getByRole('button', { name: 'I acknowledge these rules' }).click();
        await head.page.getByRole('button', { name: 'Approve these minutes for GOV' }).click();
        await head.page.getByText('Your party has approved these minutes.').waitFor();
        await head.page.locator('.minutes-block .approval-list li.is-approved').waitFor();
        // And answers the consultation for the party.
        await head.page.getByRole('button', { name: 'Answer for GOV' }).click();
        await head.page.getByLabel('Accept with reservations').check();
        await head.page.getByRole('button', { name: 'Send the answer' }).click();
        await head.page.getByText('State the reservations.').waitFor();
        await head.page
          .getByLabel('Reservations', { exact: true })
          .fill('Only in one package with phased sanctions relief (e2e).');
        await head.page.getByRole('button', { name: 'Send the answer' }).click();
        await head.page.locator('.consultation-card .answer-accept_with_reservations').waitFor();
        await head.shot('71-minutes-approved-consultation-answered');
      }
      closedProblems.push(...head.problems);
      people.splice(people.indexOf(head), 1);
      await head.close();
    }

    // The approvals reach the lead mediator's open page live.
    await card
      .getByRole('button', { name: 'Release and number' })
      .and(page.locator(':enabled'))
      .waitFor();
    expect(await card.locator('.approval-list li.is-approved').count()).toBe(3);
    // No undo window this time (e2e/undo-window.test.ts releases with one and withdraws).
    await card.getByLabel('Undo window').selectOption({ label: 'None: public at once' });
    await card.getByRole('button', { name: 'Release and number' }).click();
    expect(
      await confirmOutward(page, {
        shot: () => mediator.shot('72b-release-confirmation', { fullPage: false }),
      }),
    ).toContain('Public now');
    const released = page.locator('.communique-card.state-released', {
      hasText: 'on the third round (e2e)',
    });
    await released.waitFor();
    expect(await released.locator('.kind-label').textContent()).toBe('Joint communiqué No. 2');
    expect(await released.textContent()).toContain('Yes, public now');
    await mediator.shot('73-communique-released');

    // The mediators see each party's answer to the consultation, and who has not answered.
    await nav(page, 'Rounds and sessions');
    await roundRow(page, roundTitle).getByRole('link', { name: roundTitle }).click();
    const answers = page.locator('.consultation-card .response-list li');
    await answers.first().waitFor();
    expect(await textsOf(answers)).toEqual([
      expect.stringMatching(/^GOVAccept with reservationsOnly in one package/),
      'OPPNo answer yet',
    ]);
    await page.locator('.consultation-card').scrollIntoViewIfNeeded();
    await mediator.shot('73b-consultation-mediator', { fullPage: false });
  }, 150_000);

  it('switches these screens to Spanish and to Norwegian, and fits a tablet', async () => {
    const page = govDelegate.page;
    await nav(page, 'Rounds and sessions');
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Rondas y sesiones' }).waitFor();
    expect(await roundRow(page, roundTitle).textContent()).toContain('Reglas aceptadas');
    await govDelegate.shot('74-rounds-spanish');
    await page.getByLabel('Idioma').selectOption('nb');
    await page.getByRole('heading', { level: 1, name: 'Runder og møter' }).waitFor();
    await nav(page, 'Kommunikeer');
    await page.getByText('Felles kommuniké nr. 2').waitFor();
    expect(await page.locator('.live-indicator').textContent()).toBe('Direkte');
    await govDelegate.shot('75-communiques-norwegian');
    await page.getByLabel('Språk').selectOption('en');

    await page.setViewportSize({ width: 820, height: 1180 });
    await nav(page, 'Rounds and sessions');
    await roundRow(page, roundTitle).getByRole('link').click();
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(820);
    // The head's approval of the plenary minutes, for the party.
    expect(await textsOf(page.locator('.minutes-block .approval-list li.is-approved'))).toEqual([
      expect.stringMatching(/^GOVapproved /),
    ]);
    await govDelegate.shot('76-round-tablet');
  }, 90_000);

  it('leaves the confidential screens at once when the session is signed out in another tab', async () => {
    const other = await govDelegate.context.newPage();
    await other.goto(`${parley.url}/account`);
    await other.getByRole('button', { name: 'Sign out' }).click();
    await other.getByLabel('E-mail address').waitFor();
    // The first tab did nothing: its live connection was closed, and it left the process.
    const page = govDelegate.page;
    await page.getByText('Your session has ended. Sign in again to continue.').waitFor();
    expect(await page.getByRole('heading', { name: 'Sessions' }).count()).toBe(0);
    await govDelegate.shot('77-signed-out-elsewhere');
    await other.close();
  });

  it('runs without a script error or a Content-Security-Policy violation', () => {
    expect([...closedProblems, ...people.flatMap((p) => p.problems)]).toEqual([]);
  });
});
