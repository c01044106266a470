import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedReader } from '../../core/ports.js';
import type { Resolver } from '../security/destination-guard.js';
import { rss, startFeedServer, type FeedServer } from '../test-support/feed-server.js';
import { httpFeedReader, readFeedBody } from './feed-reader.js';

describe('reading a feed body', () => {
  it('reads RSS items with CDATA HTML, falling back on the link as key', () => {
    const r =
      readFeedBody(`<?xml version="1.0"?><rss version="2.0"><channel><title>T &amp; C</title>
      <item><title>A</title><link>https://example.org/a</link><description><![CDATA[<p>One</p><p>Two</p>]]></description><pubDate>Tue, 09 Jul 2019 08:00:00 +0200</pubDate></item>
    </channel></rss>`);
    expect(r).toEqual({
      ok: true,
      title: 'T & C',
      entries: [
        {
          key: 'https://example.org/a',
          title: 'A',
          text: 'One\n\nTwo',
          url: 'https://example.org/a',
          publishedAt: '2019-07-09T06:00:00.000Z',
        },
      ],
    });
  });

  it('reads Atom entries by id, with the alternate link and plain text content', () => {
    const r = readFeedBody(`<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
      <entry><id>urn:1</id><title>E</title><link rel="self" href="https://example.org/self"/><link rel="alternate" href="https://example.org/e"/><summary>Plain words</summary><published>2019-07-08T10:00:00Z</published></entry></feed>`);
    expect(r.ok && r.entries).toEqual([
      {
        key: 'urn:1',
        title: 'E',
        text: 'Plain words',
        url: 'https://example.org/e',
        publishedAt: '2019-07-08T10:00:00.000Z',
      },
    ]);
  });

  it('drops a link that is not http(s) and answers a problem for what is no feed', () => {
    const r = readFeedBody(
      '<rss><channel><title>x</title><item><guid>g</guid><link>javascript:alert(1)</link><title>t</title></item></channel></rss>',
    );
    expect(r.ok && r.entries[0]?.url).toBeNull();
    expect(readFeedBody('<html><body>hi</body></html>')).toMatchObject({
      ok: false,
      problem: { code: 'not_a_feed' },
    });
  });
});

describe('where the feed reader fetches from', () => {
  const limits = { maxBytes: 64 * 1024, timeoutMs: 2_000 };
  const feed = rss('Local', [{ guid: 'l1', title: 'Local entry', html: '<p>Here.</p>' }]);
  let server: FeedServer;
  // A second server on another loopback address, which no test allows.
  let other: FeedServer;

  beforeAll(async () => {
    server = await startFeedServer();
    other = await startFeedServer('127.0.0.2');
    server.serve('/feed.xml', { body: feed });
    other.serve('/feed.xml', { body: feed });
  });
  afterAll(async () => {
    await server.close();
    await other.close();
  });

  /** Reads an address, and counts the connections each server had meanwhile. */
  async function readCounting(reader: FeedReader, url: string) {
    const before = [server.connections(), other.connections()];
    const reading = await reader.read(url);
    return {
      reading,
      reached: server.connections() - (before[0] ?? 0),
      reachedOther: other.connections() - (before[1] ?? 0),
    };
  }

  const refusal = (host: string) => ({
    ok: false,
    problem: {
      code: 'forbidden_address',
      detail: host,
      message: expect.stringContaining('PARLEY_FEED_ALLOW_NETWORKS') as unknown,
    },
  });

  it('refuses a feed on loopback by default, without connecting to it', async () => {
    const { reading, reached } = await readCounting(
      httpFeedReader(limits),
      server.url('/feed.xml'),
    );
    expect(reading).toEqual(refusal('127.0.0.1'));
    if (!reading.ok) expect(reading.problem.message).toMatch(/private or reserved network/);
    expect(reached).toBe(0);
  });

  it('fetches a feed on loopback once the operator allowed its network', async () => {
    const { reading, reached } = await readCounting(
      httpFeedReader(limits, { allowNetworks: ['127.0.0.0/8'] }),
      server.url('/feed.xml'),
    );
    expect(reading).toMatchObject({ ok: true, title: 'Local' });
    expect(reached).toBe(1);
  });

  it('answers a refused address alike whether a service listens there or not', async () => {
    const reader = httpFeedReader(limits);
    const listening = await reader.read(server.url('/feed.xml'));
    const closed = await reader.read('http://127.0.0.1:9/feed.xml');
    expect(listening).toEqual(refusal('127.0.0.1'));
    expect(closed).toEqual(listening);
  });

  it('refuses a name that resolves to loopback (localhost), without connecting', async () => {
    const { reading, reached } = await readCounting(
      httpFeedReader(limits),
      server.url('/feed.xml').replace('127.0.0.1', 'localhost'),
    );
    expect(reading).toEqual(refusal('localhost'));
    expect(reached).toBe(0);
  });

  it.each([
    ['IPv6 loopback', 'http://[::1]:PORT/feed.xml', '::1'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]:PORT/feed.xml', '::ffff:7f00:1'],
    ['0.0.0.0', 'http://0.0.0.0:PORT/feed.xml', '0.0.0.0'],
    ['loopback in decimal', 'http://2130706433:PORT/feed.xml', '127.0.0.1'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
  ])('refuses %s written as a literal address', async (_, url, host) => {
    const port = new URL(server.url('/')).port;
    const { reading, reached } = await readCounting(
      httpFeedReader(limits),
      url.replace('PORT', port),
    );
    expect(reading).toEqual(refusal(host));
    expect(reached).toBe(0);
  });

  it('refuses a public-looking name that resolves to a private address, without connecting', async () => {
    const port = new URL(server.url('/')).port;
    const url = `http://feeds.example.org:${port}/feed.xml`;
    const resolve: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const refused = await readCounting(httpFeedReader(limits, { resolve }), url);
    expect(refused.reading).toEqual(refusal('feeds.example.org'));
    expect(refused.reached).toBe(0);
    // The address the resolver gave is the one connected to: allowed, the same name is fetched.
    const allowed = await readCounting(
      httpFeedReader(limits, { resolve, allowNetworks: ['127.0.0.1/32'] }),
      url,
    );
    expect(allowed.reading).toMatchObject({ ok: true, title: 'Local' });
    expect(allowed.reached).toBe(1);
  });

  it('resolves each connection anew, so a name that turns private is refused then', async () => {
    const port = new URL(server.url('/')).port;
    const answers = ['127.0.0.1', '127.0.0.2'];
    const resolve: Resolver = async () => [{ address: answers.shift() ?? '127.0.0.2', family: 4 }];
    const reader = httpFeedReader(limits, { resolve, allowNetworks: ['127.0.0.1/32'] });
    const url = `http://feeds.example.org:${port}/feed.xml`;
    expect((await readCounting(reader, url)).reading.ok).toBe(true);
    const second = await readCounting(reader, url);
    expect(second.reading).toEqual(refusal('feeds.example.org'));
    expect(second.reachedOther).toBe(0);
  });

  it('follows a redirect within an allowed network, and refuses one out of it unconnected', async () => {
    const reader = httpFeedReader(limits, { allowNetworks: ['127.0.0.1/32'] });
    server.serve('/here', { redirect: '/feed.xml' });
    server.serve('/away', { redirect: other.url('/feed.xml') });
    const here = await readCounting(reader, server.url('/here'));
    expect(here.reading).toMatchObject({ ok: true, title: 'Local' });
    const away = await readCounting(reader, server.url('/away'));
    expect(away.reading).toEqual(refusal('127.0.0.2'));
    expect(away.reachedOther).toBe(0);
    expect(other.hits('/feed.xml')).toBe(0);
  });

  it('refuses a redirect to a name that resolves to a private address', async () => {
    const resolve: Resolver = async () => [{ address: '127.0.0.2', family: 4 }];
    const reader = httpFeedReader(limits, { resolve, allowNetworks: ['127.0.0.1/32'] });
    const port = new URL(other.url('/')).port;
    server.serve('/to-name', { redirect: `http://internal.example.org:${port}/feed.xml` });
    const { reading, reachedOther } = await readCounting(reader, server.url('/to-name'));
    expect(reading).toEqual(refusal('internal.example.org'));
    expect(reachedOther).toBe(0);
  });

  it('follows at most five redirects', async () => {
    const reader = httpFeedReader(limits, { allowNetworks: ['127.0.0.1/32'] });
    for (let i = 1; i <= 6; i++)
      server.serve(`/hop${i}`, { redirect: `/hop${i - 1}`, status: 301 });
    server.serve('/hop0', { redirect: '/feed.xml', status: 307 });
    expect(await reader.read(server.url('/hop4'))).toMatchObject({ ok: true });
    expect(await reader.read(server.url('/hop5'))).toEqual({
      ok: false,
      problem: {
        code: 'http_status',
        detail: '307',
        message: "The feed's server redirected more than 5 times (last HTTP 307).",
      },
    });
  });

  it('refuses a redirect to an address that is not http(s), or to none', async () => {
    const reader = httpFeedReader(limits, { allowNetworks: ['127.0.0.1/32'] });
    server.serve('/to-file', { redirect: 'file:///etc/passwd' });
    expect(await reader.read(server.url('/to-file'))).toMatchObject({
      ok: false,
      problem: { code: 'bad_address', detail: 'file:' },
    });
    server.serve('/to-nowhere', { body: '', status: 302 });
    expect(await reader.read(server.url('/to-nowhere'))).toMatchObject({
      ok: false,
      problem: { code: 'http_status', detail: '302' },
    });
  });

  it('counts the time limit over the whole chain of redirects', async () => {
    // Each answer comes within the limit; the chain of them does not.
    const reader = httpFeedReader(
      { ...limits, timeoutMs: 400 },
      { allowNetworks: ['127.0.0.1/32'] },
    );
    server.serve('/slow1', { redirect: '/slow2', delayMs: 250 });
    server.serve('/slow2', { body: feed, delayMs: 250 });
    expect(await reader.read(server.url('/slow1'))).toEqual({
      ok: false,
      problem: {
        code: 'timeout',
        detail: '0.4',
        message: 'The feed did not answer in full within 0.4 s.',
      },
    });
  });

  it('reads a compressed feed, and a latin-1 one, keeping the size limit on what it unpacks', async () => {
    const reader = httpFeedReader(
      { ...limits, maxBytes: 4096 },
      { allowNetworks: ['127.0.0.1/32'] },
    );
    server.serve('/gzip.xml', { body: gzipSync(feed), headers: { 'content-encoding': 'gzip' } });
    expect(await reader.read(server.url('/gzip.xml'))).toMatchObject({ ok: true, title: 'Local' });
    const big = rss('Big', [{ guid: 'b', title: 'b', html: 'x'.repeat(20_000) }]);
    server.serve('/bomb.xml', { body: gzipSync(big), headers: { 'content-encoding': 'gzip' } });
    expect(await reader.read(server.url('/bomb.xml'))).toMatchObject({
      ok: false,
      problem: { code: 'too_large', detail: '4096' },
    });
    server.serve('/latin.xml', {
      body: Buffer.from(
        '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf\xe9</title></channel></rss>',
        'latin1',
      ),
    });
    expect(await reader.read(server.url('/latin.xml'))).toMatchObject({ ok: true, title: 'Café' });
  });
});
