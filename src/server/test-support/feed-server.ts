/**
 * A local HTTP server on the loopback interface that serves feeds for tests: each path answers
 * what the test set for it (a body and content type, a status, a redirect, a stall that never
 * finishes), perhaps after a delay, and it counts the requests per path and the connections.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What one path answers. */
export type FeedAnswer = (
  | { body: string | Buffer; type?: string; status?: number; headers?: Record<string, string> }
  | { redirect: string; status?: number }
  | { stall: true }
) & {
  /** Wait this long before answering. */
  delayMs?: number;
};

/** A running feed server. */
export interface FeedServer {
  /** The address of a path on it. */
  url(path: string): string;
  /** Sets what a path answers from now on. */
  serve(path: string, answer: FeedAnswer): void;
  /** How many requests a path has had. */
  hits(path: string): number;
  /** How many connections have reached the server. */
  connections(): number;
  close(): Promise<void>;
}

/** Starts a feed server on a free port of 127.0.0.1 (or another loopback address). */
export async function startFeedServer(host = '127.0.0.1'): Promise<FeedServer> {
  const answers = new Map<string, FeedAnswer>();
  const hits = new Map<string, number>();
  const stalled = new Set<import('node:http').ServerResponse>();
  const waiting = new Set<NodeJS.Timeout>();
  let connections = 0;
  const answer = (a: FeedAnswer, res: import('node:http').ServerResponse) => {
    if ('stall' in a) {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      stalled.add(res);
    } else if ('redirect' in a) {
      res.writeHead(a.status ?? 302, { location: a.redirect }).end();
    } else {
      res
        .writeHead(a.status ?? 200, {
          'content-type': a.type ?? 'application/rss+xml',
          ...a.headers,
        })
        .end(a.body);
    }
  };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const a = answers.get(path);
    if (!a) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      return;
    }
    if (!a.delayMs) return answer(a, res);
    const timer = setTimeout(() => {
      waiting.delete(timer);
      answer(a, res);
    }, a.delayMs);
    waiting.add(timer);
  });
  server.on('connection', () => void connections++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://${host}:${port}${path}`,
    serve: (path, answer) => void answers.set(path, answer),
    hits: (path) => hits.get(path) ?? 0,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of waiting) clearTimeout(timer);
        for (const res of stalled) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An RSS 2.0 document with the items given (newest first, as feeds list them). */
export function rss(
  title: string,
  items: Array<{ guid?: string; link?: string; title: string; html: string; date?: string }>,
): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>${esc(title)}</title><link>https://example.org/</link><description>News</description>
${items
  .map(
    (i) =>
      `<item><title>${esc(i.title)}</title>${i.link ? `<link>${i.link}</link>` : ''}${
        i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : ''
      }<pubDate>${i.date ?? 'Mon, 08 Jul 2019 10:00:00 GMT'}</pubDate><description>${esc(i.html)}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

/** An Atom 1.0 document with the entries given. */
export function atom(
  title: string,
  entries: Array<{ id: string; link: string; title: string; html: string; updated?: string }>,
): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:feed</id><updated>2019-07-08T10:00:00Z</updated>
${entries
  .map(
    (e) =>
      `<entry><title>${esc(e.title)}</title><id>${e.id}</id><link rel="alternate" href="${e.link}"/><updated>${e.updated ?? '2019-07-08T10:00:00Z'}</updated><content type="html">${esc(e.html)}</content></entry>`,
  )
  .join('\n')}
</feed>`;
}
