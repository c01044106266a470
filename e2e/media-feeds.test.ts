/**
 * The browser journey of articles coming in by feed and by file, on the demo process NORDLYS: the
 * lead mediator follows an RSS feed served from a local server and fetches it, sees the articles
 * listed with their language and counts and opens one; follows a feed that answers 404 and one on
 * the cloud metadata address, and sees each error; uploads an HTML page and a broken one;
 * registers a name the analysis suggested; and edits the actor's entry. A mediator then reads the
 * articles and feeds on a phone in Norwegian, and a government delegate in Spanish sees no feed.
 * Screenshots go to e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/demo/seed.js';
import { rss, startFeedServer, type FeedServer } from '../src/server/test-support/feed-server.js';
import { browserAvailable, openBrowser, type Person } from './support/browser.js';
import { startParley, type E2eParley } from './support/parley.js';
import { openNordlysScreen, signIn } from './support/steps.js';

const runJourney = browserAvailable();

const page = `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Guaidó responde desde Caracas</title></head>
<body><nav>Inicio · Política</nav><article><h1>Guaidó responde desde Caracas</h1>
<p>El opositor Juan Guaidó dijo que la oposición seguirá en el diálogo.</p>
<p>«No nos levantaremos de la mesa sin una fecha electoral», afirmó Guaidó en Caracas.</p></article>
<footer>© El Diario</footer></body></html>`;

describe.skipIf(!runJourney)('articles by feed and by file in the browser', () => {
  let parley: E2eParley;
  let feeds: FeedServer;
  const people: Person[] = [];
  const open = async (options?: { width?: number; height?: number }) => {
    const p = await openBrowser(options);
    people.push(p);
    return p;
  };

  beforeAll(async () => {
    // The feed server listens on loopback: the operator allows it; other private addresses stay shut.
    parley = await startParley({ env: { PARLEY_FEED_ALLOW_NETWORKS: '127.0.0.1/32' } });
    feeds = await startFeedServer();
    feeds.serve('/diario.xml', {
      body: rss('El Diario', [
        {
          guid: 'd-2',
          link: 'https://example.org/d/2',
          title: 'Maduro agradece a Noruega',
          html: '<p>El presidente Nicolás Maduro agradeció a Noruega su papel en el diálogo.</p><p>«Noruega ha sido un facilitador serio», dijo Maduro.</p>',
        },
        {
          guid: 'd-1',
          link: 'https://example.org/d/1',
          title: 'Samtalene i Oslo',
          html: '<p>– Vi er klare til å fortsette samtalene, sier Jonas Gahr Støre til NRK.</p>',
        },
      ]),
    });
  });

  afterAll(async () => {
    for (const p of people) await p.close();
    await feeds?.close();
    await parley?.close();
  });

  it('lets the lead mediator follow feeds, upload files and take a suggested name into the register', async () => {
    const lead = await open();
    const p = lead.page;
    await p.goto(parley.url);
    await signIn(p, 'lead.mediator@demo.parley', demoPassword);
    await openNordlysScreen(p, 'Actors and media');

    const follow = p.locator('form[aria-label="Follow feed"]');
    await follow.getByLabel('Feed address').fill(feeds.url('/diario.xml'));
    await follow.getByRole('button', { name: 'Follow feed' }).click();
    const feed = p.getByTestId('media-feed').filter({ hasText: feeds.url('/diario.xml') });
    await feed.waitFor();
    await feed.getByRole('button', { name: 'Fetch now' }).click();
    await feed.getByText('Fetched: 2 new articles.').waitFor();
    await feed.getByText('El Diario').waitFor();
    const rows = p.getByTestId('media-article-row');
    await rows.filter({ hasText: 'Maduro agradece a Noruega' }).waitFor();
    await rows.filter({ hasText: 'Samtalene i Oslo' }).getByText('Norwegian bokmål').waitFor();

    await follow.getByLabel('Feed address').fill(feeds.url('/gone.xml'));
    await follow.getByRole('button', { name: 'Follow feed' }).click();
    const gone = p.getByTestId('media-feed').filter({ hasText: feeds.url('/gone.xml') });
    await gone.getByRole('button', { name: 'Fetch now' }).click();
    await gone.getByText('The feed’s server answered HTTP 404.').waitFor();
    const metadata = 'http://169.254.169.254/latest/meta-data/';
    await follow.getByLabel('Feed address').fill(metadata);
    await follow.getByRole('button', { name: 'Follow feed' }).click();
    const inside = p.getByTestId('media-feed').filter({ hasText: metadata });
    await inside.getByRole('button', { name: 'Fetch now' }).click();
    await inside
      .getByText(
        'The address (169.254.169.254) is on a private or reserved network, which Parley does not fetch from.',
        { exact: false },
      )
      .waitFor();
    await lead.shot('76-media-feeds');

    await rows
      .filter({ hasText: 'Maduro agradece a Noruega' })
      .getByRole('button', { name: 'Open' })
      .click();
    await p
      .getByTestId('media-article-text')
      .getByText('Noruega ha sido un facilitador serio')
      .waitFor();
    await lead.shot('77-media-article-opened');

    const upload = p.locator('form[aria-label="Upload a file"]');
    await upload.locator('input[type=file]').setInputFiles({
      name: 'cut.html',
      mimeType: 'text/html',
      buffer: Buffer.from('<html><body><p>Guaidó dijo <b'),
    });
    await upload.getByRole('button', { name: 'Upload and analyse' }).click();
    await upload.getByText(/The HTML is broken/).waitFor();
    await upload.locator('input[type=file]').setInputFiles({
      name: 'guaido.html',
      mimeType: 'text/html',
      buffer: Buffer.from(page),
    });
    await upload.getByRole('button', { name: 'Upload and analyse' }).click();
    await p.getByTestId('media-language').getByText('Spanish').waitFor();
    const suggestions = p.getByTestId('media-suggestions');
    await suggestions.getByRole('button', { name: 'Register “Juan Guaidó”' }).click();
    await suggestions.getByText('“Juan Guaidó” is registered.', { exact: false }).waitFor();
    await lead.shot('78-media-upload-suggestion');

    await p.getByTestId('media-actor').getByRole('button', { name: 'Juan Guaidó' }).click();
    const timeline = p.getByTestId('actor-timeline');
    await timeline.getByRole('button', { name: 'Edit entry' }).click();
    const edit = p.getByTestId('actor-edit');
    await edit.getByLabel('Aliases').fill('Guaidó, Juan Gerardo Guaidó');
    await edit.getByLabel('Wikidata id').fill('Q60815331');
    await edit.getByLabel('Notes').fill('Opposition leader.');
    await edit.getByRole('button', { name: 'Save entry' }).click();
    await timeline.getByText('The entry is saved.', { exact: false }).waitFor();
    await timeline.getByText('Q60815331').waitFor();
    expect(
      await p.getByTestId('media-actor').filter({ hasText: 'Juan Gerardo Guaidó' }).count(),
    ).toBe(1);
    await lead.shot('79-media-actor-edited');
    expect(lead.problems).toEqual([]);
  }, 180_000);

  it('shows a mediator the articles and feeds on a phone, in Norwegian', async () => {
    const nb = await open({ width: 390, height: 844 });
    const p = nb.page;
    await p.goto(parley.url);
    await signIn(p, 'mediator@demo.parley', demoPassword);
    await p.getByLabel('Language').selectOption('nb');
    await openNordlysScreen(p, 'Aktører og medier');
    await p.getByTestId('media-article-row').filter({ hasText: 'Samtalene i Oslo' }).waitFor();
    await p.getByText('Serveren til strømmen svarte HTTP 404.').waitFor();
    await p
      .getByText('Adressen (169.254.169.254) er på et privat eller reservert nett', {
        exact: false,
      })
      .waitFor();
    await p.getByTestId('media-feed').first().scrollIntoViewIfNeeded();
    await nb.shot('80-media-feeds-nb-phone', { fullPage: false });
    expect(nb.problems).toEqual([]);
  }, 90_000);

  it('shows a government delegate no feed and no article, in Spanish', async () => {
    const es = await open();
    const p = es.page;
    await p.goto(parley.url);
    await signIn(p, 'gov.delegate@demo.parley', demoPassword);
    await p.getByLabel('Language').selectOption('es');
    await p.getByRole('link', { name: 'Mis procesos' }).waitFor();
    await openNordlysScreen(p, 'Actores y medios');
    await p.getByText('Todavía no se sigue ninguna fuente.').waitFor();
    await p.getByText('Todavía no hay artículos.').waitFor();
    expect(await p.getByTestId('media-feed').count()).toBe(0);
    await es.shot('81-media-feeds-delegate-es');
    expect(es.problems).toEqual([]);
  });
});
