import { describe, expect, it } from 'vitest';
import { readFeedBody } from './feed-reader.js';

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
