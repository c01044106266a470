/**
 * The browser journey of implementation, on the demo process NORDLYS (which has an implementation
 * phase of its own, e2e/implementation-demo.test.ts): the mediator creates a commitment from an
 * agreed provision of version 2; the government's head, on a phone, submits evidence (kept in its
 * caucus) and releases it; a delegate uploads a file as evidence and sees the SHA-256 the server
 * computed; the mediator records a level on it; the guarantor verifies it in Spanish and the
 * observer, seeing that verification, disputes it in Norwegian; the progress chart, its table and
 * the matrix show the level; the mediator releases the public accountability page after
 * confirming it goes to the public, and anyone without an account reads it in English, Spanish and
 * Norwegian, on a phone and on a desktop. Each step saves screenshots to e2e/screenshots/.
 */
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/demo/seed.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { scrollWidth, signIn, openNordlysScreen } from './support/steps.js';

const runJourney = browserAvailable();

describe.skipIf(!runJourney)('implementation, tracked in the browser', () => {
  let parley: E2eParley;
  const people: Person[] = [];
  const open = async (options: { width?: number; height?: number } = {}) => {
    const p = await openBrowser(options);
    people.push(p);
    return p;
  };

  beforeAll(async () => {
    parley = await startParley();
  });

  /** The journey's commitment in the screen's table (the demo's own are listed beside it). */
  const ours = (page: Page) =>
    page.locator('.commitments-table tbody tr').filter({ hasText: 'v2-p-humanitarian-1' });
  interface Month {
    month: string;
    counts: number[];
    percent: number;
  }
  /** One month of the whole agreement's roll-up, as the API answers the observer. */
  const overallMonth = async (month: string): Promise<Month> => {
    const res = await parley.get(
      'observer',
      `/api/processes/${parley.demo.processId}/implementation/progress`,
    );
    const found = (res.json() as { overall: Month[] }).overall.find((m) => m.month === month);
    if (!found) throw new Error(`no roll-up for ${month}`);
    return found;
  };
  /** One month of the released page's roll-up. */
  const publicMonth = async (month: string): Promise<Month> => {
    const res = await parley.app.inject({
      method: 'GET',
      url: `/api/public/implementation/${parley.demo.implementation.publicSlug}`,
    });
    const found = (res.json() as { progress: { overall: Month[] } }).progress.overall.find(
      (m) => m.month === month,
    );
    if (!found) throw new Error(`no public roll-up for ${month}`);
    return found;
  };

  afterAll(async () => {
    for (const p of people) await p.close();
    await parley?.close();
  });

  it('lets the mediator create a commitment from an agreed provision of a version', async () => {
    const mediator = await open();
    const page = mediator.page;
    await page.goto(parley.url);
    await signIn(page, 'mediator@demo.parley', demoPassword);
    await openNordlysScreen(page, 'Implementation');
    // The demo's own commitments are there already.
    await page.getByRole('button', { name: 'H-01' }).waitFor();
    await page.getByRole('button', { name: 'Create commitments from a version' }).click();
    await page.getByLabel('Version').selectOption('2');
    await page.getByLabel('Provision', { exact: true }).selectOption('p-humanitarian');
    await page.getByLabel('Government delegation').check();
    await page.getByLabel('Starts on').fill('2026-01-01');
    await page.getByLabel(/^Deadline/).fill('2026-06-30');
    await page.getByLabel('Provision type (PAM)').selectOption('human_rights');
    await page.getByRole('button', { name: 'Create the commitment' }).click();
    await page.getByText('1 commitment created.').waitFor();
    const row = ours(page);
    await row.getByText('v2-p-humanitarian-1').waitFor();
    await row.getByText('0 · not initiated').waitFor();
    await row.getByText('Overdue').waitFor();
    await mediator.shot('70-implementation-created');
    expect(mediator.problems).toEqual([]);
  });

  it('lets the government submit evidence on a phone, kept in its caucus until its head releases it', async () => {
    const phone = await open({ width: 390, height: 844 });
    const page = phone.page;
    await page.goto(parley.url);
    await signIn(page, 'gov.head@demo.parley', demoPassword);
    await openNordlysScreen(page, 'Implementation');
    await page.getByRole('button', { name: 'v2-p-humanitarian-1' }).click();
    await page.getByRole('button', { name: 'Submit evidence' }).click();
    await page
      .getByLabel('Report or description')
      .fill('Two humanitarian corridors opened (invented).');
    await page.getByLabel('Date it speaks of').fill('2026-03-01');
    await page.getByLabel('Source').fill('Ministry of the Interior (invented)');
    await page
      .locator('.timeline-panel form')
      .getByRole('button', { name: 'Submit evidence' })
      .click();
    await page.getByText('Evidence submitted.').waitFor();
    await page.getByText('Not yet released').waitFor();
    await page.getByRole('button', { name: 'Release to the plenary' }).click();
    await page.getByText('The evidence is in the plenary; a level may now cite it.').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await phone.shot('71-implementation-evidence-phone');
    expect(phone.problems).toEqual([]);
  });

  it('lets a government delegate upload a file as evidence on a phone, shows the server’s SHA-256, and downloads it', async () => {
    const phone = await open({ width: 390, height: 844 });
    const page = phone.page;
    await page.goto(parley.url);
    await signIn(page, 'gov.delegate@demo.parley', demoPassword);
    await openNordlysScreen(page, 'Implementation');
    await page.getByRole('button', { name: 'v2-p-humanitarian-1' }).click();
    await page.getByRole('button', { name: 'Submit evidence' }).click();
    await page.getByLabel('Kind').selectOption('file');
    const form = page.locator('form[aria-label="Upload a file as evidence"]');
    await form.getByText(/at most 10 MiB/).waitFor();
    const bytes = Buffer.from('%PDF-1.4\n% Corridor census (invented)\n%%EOF\n');
    await form.locator('input[type=file]').setInputFiles({
      name: 'Corridor census.pdf',
      mimeType: 'application/pdf',
      buffer: bytes,
    });
    await form.getByLabel('Date it speaks of').fill('2026-03-10');
    await form.getByLabel('Source').fill('Field team (invented)');
    await form.getByRole('button', { name: 'Upload the file' }).click();
    const hash = createHash('sha256').update(bytes).digest('hex');
    await page.getByTestId('evidence-file-sha256').getByText(hash).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await phone.shot('71b-implementation-file-phone');
    await page.getByRole('button', { name: 'Done' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Corridor census.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Corridor census.pdf');
    expect(phone.problems).toEqual([]);
  });

  it('lets the mediator record a level that cites the released evidence', async () => {
    const mediator = people[0]!;
    const page = mediator.page;
    await page.reload();
    await page.getByRole('button', { name: 'v2-p-humanitarian-1' }).click();
    await page.getByRole('button', { name: 'Record a level' }).click();
    await page.getByLabel('Level', { exact: true }).selectOption('2');
    await page.getByLabel('From').fill('2026-03-01');
    await page.getByLabel(/Ministry of the Interior/).check();
    await page
      .locator('.timeline-panel form')
      .getByRole('button', { name: 'Record a level' })
      .click();
    await page.getByText('Level recorded.').waitFor();
    await ours(page).getByText('2 · intermediate').waitFor();
    await mediator.shot('72-implementation-level');
  });

  it('lets the guarantor verify the level in Spanish', async () => {
    const guarantor = await open();
    const page = guarantor.page;
    await page.goto(parley.url);
    await signIn(page, 'guarantor@demo.parley', demoPassword);
    await page.getByLabel('Language').selectOption('es');
    await openNordlysScreen(page, 'Implementación');
    await page.getByRole('button', { name: 'v2-p-humanitarian-1' }).click();
    await page.getByRole('button', { name: 'Verificar o disputar' }).click();
    await page.getByLabel('Motivo').fill('Corredores visitados (invented).');
    await page.getByRole('button', { name: 'Registrar el dictamen' }).click();
    await page.getByText('Su dictamen está registrado.').waitFor();
    await ours(page).getByText('verificado una vez').waitFor();
    await guarantor.shot('73-implementation-verified-spanish');
    expect(guarantor.problems).toEqual([]);
  });

  it('lets the observer dispute the verified level in Norwegian, and shows the dispute', async () => {
    const observer = await open();
    const page = observer.page;
    await page.goto(parley.url);
    await signIn(page, 'observer@demo.parley', demoPassword);
    await page.getByLabel('Language').selectOption('nb');
    await openNordlysScreen(page, 'Gjennomføring');
    await page.getByRole('button', { name: 'v2-p-humanitarian-1' }).click();
    // The guarantor's verification is there before the observer gives its own verdict.
    const panel = page.locator('.timeline-panel');
    await panel
      .locator('.verdict-verified')
      .getByText('Corredores visitados (invented).')
      .waitFor();
    await page.getByRole('button', { name: 'Bekreft eller bestrid' }).click();
    await page.getByLabel('Vurdering').selectOption('disputed');
    await page.getByLabel('Begrunnelse').fill('Bare én korridor er åpen (invented).');
    await page.getByRole('button', { name: 'Registrer vurderingen' }).click();
    await page.getByText('Vurderingen din er registrert.').waitFor();
    await ours(page).getByText('1 åpen innsigelse').waitFor();
    await ours(page).getByText('bekreftet én gang').waitFor();
    await panel
      .locator('.verdict-disputed')
      .getByText('Bare én korridor er åpen (invented).')
      .waitFor();
    // The chart's numbers are the roll-up's: the demo's six commitments and this one, at level 2
    // from March 2026.
    const march = await overallMonth('2026-03');
    expect(march.counts.reduce((a, b) => a + b, 0)).toBe(7);
    const table = page.locator('.progress-table');
    await table
      .getByRole('row', { name: `2026-03 ${march.counts.join(' ')} ${march.percent}`, exact: true })
      .waitFor();
    await page.locator('.matrix-table').getByText('Menneskerettigheter').waitFor();
    await observer.shot('74-implementation-disputed-norwegian');
    expect(observer.problems).toEqual([]);
  });

  let publicAddress = '';

  it('lets the mediator release the public accountability page after confirming it goes to the public', async () => {
    const mediator = people[0]!;
    const page = mediator.page;
    await page.reload();
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'Public accountability page' }),
    });
    // The demo's page is released already; releasing again keeps its address.
    await section.getByText(/^Released on /).waitFor();
    await section
      .getByLabel('Title of the page')
      .fill('Implementation of the NORDLYS accord (invented)');
    await section.getByRole('button', { name: 'Release again…' }).click();
    const dialog = page.getByRole('dialog', {
      name: 'Release the implementation picture to the public?',
    });
    await dialog.getByText(/Public now/).waitFor();
    await mediator.shot('75-implementation-release-confirm');
    await dialog.getByRole('button', { name: 'Release to the public' }).click();
    await section.getByText('Released to the public.', { exact: true }).first().waitFor();
    publicAddress = await section.getByLabel('Address of the page').inputValue();
    expect(publicAddress).toMatch(/\/public\/implementation\/[A-Za-z0-9_-]{40,}$/);
    expect(publicAddress.endsWith(`/${parley.demo.implementation.publicSlug}`)).toBe(true);
    await mediator.shot('76-implementation-released');
    expect(mediator.problems).toEqual([]);
  });

  it.each([
    {
      language: 'en',
      width: 1280,
      height: 900,
      device: 'desktop',
      level: '0 · not initiated',
      heading: 'Commitments',
    },
    {
      language: 'es',
      width: 390,
      height: 844,
      device: 'phone',
      level: '0 · no iniciado',
      heading: 'Compromisos',
    },
    {
      language: 'nb',
      width: 390,
      height: 844,
      device: 'phone',
      level: '0 · ikke påbegynt',
      heading: 'Forpliktelser',
    },
    {
      language: 'nb',
      width: 1280,
      height: 900,
      device: 'desktop',
      level: '0 · ikke påbegynt',
      heading: 'Forpliktelser',
    },
  ])(
    'shows anyone without an account the released page in $language on a $device',
    async ({ language, width, height, device, level, heading }) => {
      const reader = await open({ width, height });
      const page = reader.page;
      await page.goto(publicAddress);
      await page
        .getByRole('heading', { name: 'Implementation of the NORDLYS accord (invented)' })
        .waitFor();
      if (language !== 'en') await page.getByLabel('Language').selectOption(language);
      await page.getByRole('heading', { name: heading }).waitFor();
      const row = page
        .locator('.public-commitments tbody tr')
        .filter({ hasText: 'v2-p-humanitarian-1' });
      await row.getByText('v2-p-humanitarian-1').waitFor();
      // The level 2 stands disputed: the public counts verified levels only.
      await row.getByText(level).waitFor();
      const march = await publicMonth('2026-03');
      expect(march.counts[0]).toBeGreaterThan(0);
      await page
        .locator('.progress-table')
        .first()
        .getByRole('row', {
          name: `2026-03 ${march.counts.join(' ')} ${march.percent}`,
          exact: true,
        })
        .waitFor();
      // Nothing but what was released: no evidence, no dispute, no member, no sign-in.
      const text = await page.locator('main').innerText();
      for (const hidden of ['Ministry of the Interior', 'invented).', 'Observer', 'Sign in'])
        expect(text).not.toContain(hidden);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(width);
      await reader.shot(`77-implementation-public-${language}-${device}`);
      expect(reader.problems).toEqual([]);
    },
  );
});
