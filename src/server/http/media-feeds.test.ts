import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFeedReader } from '../media/feed-reader.js';
import { startFeedScheduler, type Timer } from '../media/feed-scheduler.js';
import { testDatabases } from '../test-support/databases.js';
import { atom, rss, startFeedServer, type FeedServer } from '../test-support/feed-server.js';
import { testClock, useParley, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();

interface FeedBody {
  id: string;
  compartmentId: string;
  title: string;
  lastStatus: string;
  lastFetchedAt: string | null;
  lastError: { code: string; detail: string; message: string } | null;
  articlesAdded: number;
}
interface ViewBody {
  articles: Array<{
    id: string;
    title: string;
    language: string;
    url: string | null;
    feedId: string | null;
    outlet: string | null;
    mentions: unknown[];
    quotes: Array<{ speakerActorId: string | null }>;
  }>;
}

describe.each(targets)('feeds the mediators follow on $name', (target) => {
  const clock = testClock(new Date('2019-07-08T12:00:00Z'));
  const p = useParley(target, {
    clock,
    // The test's feed server listens on loopback, which only an operator's allowance opens.
    feeds: httpFeedReader(
      { maxBytes: 64 * 1024, timeoutMs: 400 },
      { allowNetworks: ['127.0.0.1/32'] },
    ),
  });
  let server: FeedServer;
  // The schedule's timer is the test's: it never fires by itself.
  const manual: Timer = () => () => undefined;
  type Key = Parameters<TestParley['session']>[0];
  const url = () => `/api/processes/${p.demo.processId}`;
  const call = (key: Key, method: 'GET' | 'POST' | 'DELETE', path: string, payload?: object) =>
    p.request(key, method, `${url()}${path}`, payload);
  const view = async (key: Key) => (await call(key, 'GET', '/media')).json() as ViewBody;
  const feedsOf = async (key: Key) =>
    ((await call(key, 'GET', '/feeds')).json() as { feeds: FeedBody[] }).feeds;
  const scheduler = () => startFeedScheduler(p.runtime.deps, { timer: manual });

  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('brings in an RSS 2.0 feed on the schedule, each entry analysed like a pasted article', async () => {
    const maduro = await call('mediator', 'POST', '/actors', {
      name: 'Nicolás Maduro',
      kind: 'person',
      role: 'critic',
      aliases: ['Maduro'],
    });
    expect(maduro.statusCode).toBe(201);
    const maduroId = (maduro.json() as { id: string }).id;
    server.serve('/es.xml', {
      body: rss('El Diario', [
        {
          guid: 'es-2',
          link: 'https://example.org/es/2',
          title: 'Segunda',
          html: '<p>«Seguimos en Oslo», dijo Maduro ante la prensa en Caracas esta mañana.</p>',
        },
        {
          guid: 'es-1',
          link: 'https://example.org/es/1',
          title: 'Maduro agradece a Noruega',
          html: '<p>El presidente Nicolás Maduro agradeció a Noruega su papel en las conversaciones.</p><p>«Noruega ha sido un facilitador serio», dijo Maduro.</p>',
        },
      ]),
    });
    const added = await call('mediator', 'POST', '/feeds', { url: server.url('/es.xml') });
    expect(added.statusCode, added.body).toBe(201);
    const feed = added.json() as FeedBody;
    expect(feed).toMatchObject({ lastStatus: 'never', articlesAdded: 0, title: '' });

    const round = await scheduler().tick();
    expect(round).toEqual({ fetched: 1, failed: 0, added: 2 });
    const articles = (await view('mediator')).articles.filter((a) => a.feedId === feed.id);
    expect(articles.map((a) => a.title).sort()).toEqual(['Maduro agradece a Noruega', 'Segunda']);
    const first = articles.find((a) => a.title === 'Maduro agradece a Noruega')!;
    expect(first).toMatchObject({
      language: 'es',
      url: 'https://example.org/es/1',
      outlet: 'El Diario',
    });
    expect(first.quotes.map((q) => q.speakerActorId)).toEqual([maduroId]);
    const [after] = await feedsOf('mediator');
    expect(after).toMatchObject({
      title: 'El Diario',
      lastStatus: 'ok',
      articlesAdded: 2,
      lastFetchedAt: clock.now().toISOString(),
    });
  });

  it('fetches again only when the interval has passed, and skips entries already taken', async () => {
    const hits = server.hits('/es.xml');
    expect(await scheduler().tick()).toEqual({ fetched: 0, failed: 0, added: 0 });
    expect(server.hits('/es.xml')).toBe(hits);
    clock.advance(30 * 60_000);
    server.serve('/es.xml', {
      body: rss('El Diario', [
        {
          guid: 'es-3',
          title: 'Tercera',
          html: '<p>Leopoldo López calificó el proceso de «un gran error» en las redes.</p>',
        },
        { guid: 'es-2', title: 'Segunda', html: '<p>Changed text, same guid.</p>' },
        { guid: 'es-1', title: 'Maduro agradece a Noruega', html: '<p>Again.</p>' },
      ]),
    });
    expect(await scheduler().tick()).toEqual({ fetched: 1, failed: 0, added: 1 });
    expect(server.hits('/es.xml')).toBe(hits + 1);
    const titles = (await view('mediator')).articles.map((a) => a.title);
    expect(titles.filter((t) => t === 'Segunda')).toHaveLength(1);
    expect(titles).toContain('Tercera');
  });

  it('brings in an Atom feed, fetched at once on request, skipping a link seen before', async () => {
    server.serve('/nb.atom', {
      type: 'application/atom+xml',
      body: atom('NRK Nyheter', [
        {
          id: 'urn:nrk:1',
          link: 'https://example.org/nb/1',
          title: 'Samtalene fortsetter',
          html: '<p>– Vi er klare til å fortsette samtalene, sier Støre.</p><p>Han vil ikke si hvor møtet holdes.</p>',
        },
        {
          id: 'urn:nrk:1',
          link: 'https://example.org/nb/1',
          title: 'Samtalene fortsetter',
          html: '<p>Samme sak to ganger.</p>',
        },
      ]),
    });
    const feed = (
      await call('mediator', 'POST', '/feeds', {
        url: server.url('/nb.atom'),
        title: 'NRK',
        intervalMinutes: 60,
      })
    ).json() as FeedBody;
    const now = await call('mediator', 'POST', `/feeds/${feed.id}/fetch`);
    expect(now.statusCode, now.body).toBe(200);
    const body = now.json() as {
      feed: FeedBody;
      added: Array<{ language: string; title: string }>;
    };
    expect(body.added).toEqual([
      expect.objectContaining({ language: 'nb', title: 'Samtalene fortsetter' }),
    ]);
    expect(body.feed).toMatchObject({ title: 'NRK', lastStatus: 'ok', articlesAdded: 1 });
    const again = (await call('mediator', 'POST', `/feeds/${feed.id}/fetch`)).json() as {
      added: unknown[];
    };
    expect(again.added).toEqual([]);
  });

  it.each([
    ['a missing page', '/gone.xml', null, 'http_status', '404'],
    [
      'a page that is no feed',
      '/page.html',
      { body: '<html><body>hi</body></html>', type: 'text/html' },
      'not_a_feed',
      null,
    ],
    [
      'broken XML',
      '/broken.xml',
      { body: '<rss><channel><item><title>x</item>' },
      'not_a_feed',
      null,
    ],
    [
      'a feed over the size limit',
      '/big.xml',
      { body: rss('Big', [{ guid: 'b', title: 'b', html: 'x'.repeat(80_000) }]) },
      'too_large',
      String(64 * 1024),
    ],
    ['a feed that never finishes', '/slow.xml', { stall: true as const }, 'timeout', '0.4'],
  ])('records %s as the feed’s error, adding nothing', async (_, path, answer, code, detail) => {
    if (answer) server.serve(path, answer);
    const before = (await view('mediator')).articles.length;
    const feed = (
      await call('mediator', 'POST', '/feeds', { url: server.url(path) })
    ).json() as FeedBody;
    const res = await call('mediator', 'POST', `/feeds/${feed.id}/fetch`);
    expect(res.statusCode, res.body).toBe(200);
    const after = (await feedsOf('mediator')).find((f) => f.id === feed.id)!;
    expect(after.lastStatus).toBe('error');
    expect(after.lastError?.code).toBe(code);
    if (detail) expect(after.lastError?.detail).toBe(detail);
    expect(after.lastError?.message.length).toBeGreaterThan(10);
    expect((await view('mediator')).articles.length).toBe(before);
    expect((await call('mediator', 'DELETE', `/feeds/${feed.id}`)).statusCode).toBe(200);
  });

  it('records an unreachable feed on the schedule and goes on with the others', async () => {
    const closed = `http://127.0.0.1:9/feed.xml`;
    const bad = (await call('mediator', 'POST', '/feeds', { url: closed })).json() as FeedBody;
    clock.advance(60 * 60_000);
    const round = await scheduler().tick();
    expect(round.failed).toBe(1);
    expect(round.fetched).toBeGreaterThanOrEqual(3);
    const f = (await feedsOf('mediator')).find((x) => x.id === bad.id)!;
    expect(f.lastError?.code).toBe('unreachable');
  });

  it('records an address on a private network as refused, saying how an operator allows it', async () => {
    const metadata = 'http://169.254.169.254/latest/meta-data/';
    const feed = (await call('mediator', 'POST', '/feeds', { url: metadata })).json() as FeedBody;
    const res = await call('mediator', 'POST', `/feeds/${feed.id}/fetch`);
    expect(res.statusCode, res.body).toBe(200);
    const after = (await feedsOf('mediator')).find((f) => f.id === feed.id)!;
    expect(after.lastStatus).toBe('error');
    expect(after.lastError).toEqual({
      code: 'forbidden_address',
      detail: '169.254.169.254',
      message: expect.stringMatching(/private or reserved network.*PARLEY_FEED_ALLOW_NETWORKS/),
    });
    expect((await call('mediator', 'DELETE', `/feeds/${feed.id}`)).statusCode).toBe(200);
  });

  it('refuses an address that is not http(s), naming the field', async () => {
    const res = await call('mediator', 'POST', '/feeds', { url: 'file:///etc/passwd' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('url');
  });

  it("keeps the mediators' feeds and their articles from a party, like what does not exist", async () => {
    expect(await feedsOf('govDelegate')).toEqual([]);
    const [feed] = await feedsOf('mediator');
    const hidden = await call('govDelegate', 'POST', `/feeds/${feed!.id}/fetch`);
    const missing = await call('govDelegate', 'POST', `/feeds/${crypto.randomUUID()}/fetch`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
    const removed = await call('govDelegate', 'DELETE', `/feeds/${feed!.id}`);
    expect(removed.statusCode).toBe(404);
    expect((await view('govDelegate')).articles).toEqual([]);
  });

  it('lets a delegation follow a feed into its own caucus, unseen by the mediators', async () => {
    server.serve('/opp.xml', {
      body: rss('Opp', [
        {
          guid: 'o1',
          title: 'Caucus',
          html: '<p>Cabello dijo que no habrá elecciones pronto.</p>',
        },
      ]),
    });
    const res = await call('oppDelegate', 'POST', '/feeds', { url: server.url('/opp.xml') });
    expect(res.statusCode, res.body).toBe(201);
    const feed = res.json() as FeedBody;
    const caucus = p.demo.compartments.find(
      (c) => c.kind === 'caucus' && c.partyId === p.demo.parties.opp,
    )!;
    expect(feed.compartmentId).toBe(caucus.id);
    await call('oppDelegate', 'POST', `/feeds/${feed.id}/fetch`);
    expect((await feedsOf('mediator')).map((f) => f.id)).not.toContain(feed.id);
    expect((await view('oppHead')).articles.map((a) => a.title)).toContain('Caucus');
    expect((await view('mediator')).articles.map((a) => a.title)).not.toContain('Caucus');
  });

  it('keeps feed addresses, titles, seen entries and errors sealed at rest', async () => {
    const rows = await sql<{ url: string; title: string; seen: string; last_error: string | null }>`
      select url, title, seen, last_error from media_feeds`.execute(p.runtime.database.db);
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const r of rows.rows) {
      for (const v of [r.url, r.title, r.seen, r.last_error].filter((x) => x !== null))
        expect(v).toMatch(/^v1:/);
      expect(r.url).not.toContain('127.0.0.1');
    }
  });
});

describe.each(targets.slice(0, 1))('the server’s own feed reader on $name', (target) => {
  const config = { PARLEY_FEED_ALLOW_NETWORKS: '127.0.0.1/32' };
  const shut = useParley(target);
  const open = useParley(target, { env: config });
  let server: FeedServer;

  beforeAll(async () => {
    server = await startFeedServer();
    server.serve('/feed.xml', { body: rss('Local', [{ guid: 'l', title: 'Local', html: 'x' }]) });
  });
  afterAll(async () => {
    await server.close();
  });

  const fetchOnce = async (p: TestParley) => {
    const base = `/api/processes/${p.demo.processId}/feeds`;
    const feed = (
      await p.request('mediator', 'POST', base, { url: server.url('/feed.xml') })
    ).json() as FeedBody;
    return (await p.request('mediator', 'POST', `${base}/${feed.id}/fetch`, {})).json() as {
      feed: FeedBody;
    };
  };

  it('fetches from no private network unless the operator allowed it', async () => {
    const before = server.connections();
    const refused = await fetchOnce(shut);
    expect(refused.feed.lastError?.code).toBe('forbidden_address');
    expect(server.connections()).toBe(before);
    const allowed = await fetchOnce(open);
    expect(allowed.feed).toMatchObject({ lastStatus: 'ok', title: 'Local', lastError: null });
    expect(server.connections()).toBe(before + 1);
  });
});
