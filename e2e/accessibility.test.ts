/**
 * Accessibility of every main screen, checked with axe-core inside Chromium: the sign-in form,
 * then for each kind of member (the lead mediator, a party's head, the other party's delegate, the
 * guarantor and the observer) every screen of NORDLYS they can open — or the page saying it is not
 * there, which must be as accessible. No serious or critical violation is allowed (WCAG 2.1 A and
 * AA rules and axe's best practices); the report names the rule, the screen and the elements.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/demo/seed.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { signIn } from './support/steps.js';

const runJourney = browserAvailable();
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** A violation as the report shows it. */
interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe on the page as it stands. The script is evaluated through the DevTools protocol, which
 * the page's Content-Security-Policy does not govern.
 */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(`typeof window.axe === 'object'`))) await page.evaluate(axeSource);
  return (await page.evaluate(`axe
    .run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    })
    .then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`)) as Violation[];
}

/** Waits until the screen has its heading and nothing in main is still loading. */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  for (let i = 0; i < 50 && (await page.locator('main .loading').count()) > 0; i += 1)
    await page.waitForTimeout(100);
}

const screens = [
  '',
  '/record',
  '/text',
  '/text/versions',
  '/text/versions/1',
  '/text/amendments',
  '/analysis',
  '/preferences',
  '/rounds',
  '/messages',
  '/communiques',
  '/audit',
  '/media',
  '/implementation',
  '/people',
  '/search',
];

const members = [
  ['lead mediator', 'lead.mediator@demo.parley'],
  ['government head of delegation', 'gov.head@demo.parley'],
  ['opposition delegate', 'opp.delegate@demo.parley'],
  ['guarantor', 'guarantor@demo.parley'],
  ['observer', 'observer@demo.parley'],
] as const;

describe.skipIf(!runJourney)('accessibility of the main screens', () => {
  let parley: E2eParley;
  let person: Person;

  beforeAll(async () => {
    parley = await startParley();
    person = await openBrowser();
  });
  afterAll(async () => {
    await person?.close();
    await parley?.close();
  });

  it('has no serious violation on the sign-in form', async () => {
    await person.page.goto(parley.url);
    await settled(person.page);
    expect(await seriousViolations(person.page)).toEqual([]);
  });

  it.each(members)(
    'has no serious violation on any screen the %s opens',
    async (_, email) => {
      const page = person.page;
      await page.context().clearCookies();
      await page.goto(parley.url);
      await signIn(page, email, demoPassword);
      const found: Record<string, Violation[]> = {};
      const visit = async (path: string) => {
        await page.goto(`${parley.url}${path}`);
        await settled(page);
        const v = await seriousViolations(page);
        if (v.length > 0) found[path] = v;
      };
      await visit('/processes');
      await visit('/account');
      const base = `/processes/${parley.demo.processId}`;
      for (const screen of screens) await visit(`${base}${screen}`);
      await visit(`${base}/rounds/${parley.demo.roundId}`);
      const threads = (await parley.get('leadMediator', `/api${base}/threads`)).json() as {
        threads?: Array<{ id: string }>;
      };
      const thread = threads.threads?.[0];
      if (thread) await visit(`${base}/messages/${thread.id}`);
      expect(found).toEqual({});
      expect(person.problems).toEqual([]);
    },
    240_000,
  );
});
