/**
 * The FeedReader port over the network: fetches an RSS 2.0 or Atom 1.0 feed with limits of size
 * and time, parses it with fast-xml-parser, and reduces each entry's HTML to plain text. A feed's
 * own fault — an address that is not http(s), an address on a private or reserved network, no
 * answer, a slow or endless answer, a status other than 2xx, a body over the size limit, XML that
 * is no feed — is an answer with a problem, never a throw, so the scheduler records it on the feed
 * and goes on to the next.
 *
 * Requests go through node:http(s) rather than fetch so that every connection, redirects
 * included, passes the destination guard's `lookup` (security/destination-guard.ts): the address
 * checked is the one connected to, and a refused one is never connected to. Redirects are
 * followed here, at most `maxRedirects`, http(s) only, within the one time limit.
 */
import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import type { FeedEntry } from '../../core/media/model.js';
import type { FeedProblem, FeedReader, FeedReading } from '../../core/ports.js';
import {
  destinationGuard,
  ForbiddenDestination,
  type Resolver,
} from '../security/destination-guard.js';
import { decodeWindows1252, mainText } from './page-text.js';

/** The limits of one fetch. */
export interface FeedLimits {
  /** Largest body read, in bytes. */
  maxBytes: number;
  /** Time for the whole fetch (connection, answer and body), in milliseconds. */
  timeoutMs: number;
}

/** The limits the server uses: feeds are small; 10 s is plenty for a working server. */
export const defaultFeedLimits: FeedLimits = { maxBytes: 2 * 1024 * 1024, timeoutMs: 10_000 };

const problem = (code: FeedProblem['code'], detail: string, message: string): FeedReading => ({
  ok: false,
  problem: { code, detail, message },
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
  // Entries are read as lists even when a feed has only one.
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/** Text of a parsed node: a string, a number, or an object with a text node. */
function textOf(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === 'object' && '#text' in v) return textOf((v as Record<string, unknown>)['#text']);
  return '';
}

/** Plain text of an entry's HTML (or text) content. */
function plain(v: unknown): string {
  const raw = textOf(v).trim();
  if (!raw) return '';
  return /<[a-z][\s\S]*>/i.test(raw) ? mainText(`<body>${raw}</body>`).text : raw;
}

function isoDate(v: unknown): string | null {
  const t = Date.parse(textOf(v));
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function httpLink(v: unknown): string | null {
  const s = textOf(v).trim();
  return /^https?:\/\//i.test(s) && s.length <= 2000 ? s : null;
}

/** The entries of a parsed RSS 2.0 or Atom document, or null when it is neither. */
export function entriesOf(
  doc: Record<string, unknown>,
): { title: string; entries: FeedEntry[] } | null {
  const rss = doc.rss as Record<string, unknown> | undefined;
  const channel = (rss?.channel ?? (doc['rdf:RDF'] as Record<string, unknown> | undefined)) as
    Record<string, unknown> | undefined;
  if (channel) {
    const items = (channel.item ??
      (doc['rdf:RDF'] as Record<string, unknown>)?.item ??
      []) as Array<Record<string, unknown>>;
    return {
      title: textOf(channel.title),
      entries: items.map((i) => {
        const url = httpLink(i.link);
        return {
          key: textOf(i.guid).trim() || url || textOf(i.title).trim(),
          title: plain(i.title),
          text: plain(i['content:encoded'] ?? i.description),
          url,
          publishedAt: isoDate(i.pubDate ?? i['dc:date']),
        };
      }),
    };
  }
  const feed = doc.feed as Record<string, unknown> | undefined;
  if (feed) {
    const entries = (feed.entry ?? []) as Array<Record<string, unknown>>;
    return {
      title: textOf(feed.title),
      entries: entries.map((e) => {
        const links = (e.link ?? []) as Array<Record<string, unknown>>;
        const alternate = links.find((l) => (l['@rel'] ?? 'alternate') === 'alternate') ?? links[0];
        const url = httpLink(alternate?.['@href']);
        return {
          key: textOf(e.id).trim() || url || textOf(e.title).trim(),
          title: plain(e.title),
          text: plain(e.content ?? e.summary),
          url,
          publishedAt: isoDate(e.published ?? e.updated),
        };
      }),
    };
  }
  return null;
}

/** Reads a feed's body (already fetched) into its title and entries, or a problem. */
export function readFeedBody(body: string): FeedReading {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(body, true) as Record<string, unknown>;
  } catch (e) {
    const why = e instanceof Error ? (e.message.split('\n')[0] ?? '') : '';
    return problem('not_a_feed', why, `The answer is not well-formed XML: ${why}`);
  }
  const read = entriesOf(doc);
  if (!read)
    return problem(
      'not_a_feed',
      'no rss or feed element',
      'The answer is XML but neither an RSS nor an Atom feed.',
    );
  return { ok: true, ...read };
}

/** Where a reader may fetch from besides public addresses, and how it resolves host names. */
export interface FeedDestinations {
  /** CIDR ranges fetched from although private or reserved (PARLEY_FEED_ALLOW_NETWORKS). */
  allowNetworks?: readonly string[];
  /** How host names are resolved: the system's resolver unless a test gives a fixed answer. */
  resolve?: Resolver;
}

/** Redirects followed, each checked like the first address, before the fetch gives up. */
export const maxRedirects = 5;

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

const accept = 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9';

/**
 * One GET, connecting only where the guard permits (its `lookup` checks the resolved address).
 * No agent is shared: a kept-alive socket would be reused without a lookup, and so without a
 * check, by a reader whose guard allows less.
 */
function get(url: URL, signal: AbortSignal, lookup: LookupFunction): Promise<IncomingMessage> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        signal,
        lookup,
        agent: false,
        headers: { accept, 'accept-encoding': 'gzip, deflate, br' },
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

/** An answer's body, decompressed as its Content-Encoding says (the size limit counts this). */
function decodedBody(res: IncomingMessage): Readable {
  const coding = String(res.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder =
    coding === 'gzip' || coding === 'x-gzip'
      ? createGunzip()
      : coding === 'deflate'
        ? createInflate()
        : coding === 'br'
          ? createBrotliDecompress()
          : null;
  if (!decoder) return res;
  // The pipeline carries an error of the answer (a reset, the timeout) to the decoder's reader.
  pipeline(res, decoder, () => undefined);
  return decoder;
}

/** Where a redirect leads, relative to the address that answered it; null when nowhere. */
function nextAddress(location: string | undefined, from: URL): URL | null {
  if (!location) return null;
  try {
    return new URL(location, from);
  } catch {
    return null;
  }
}

/** The host of an address as written in it (an IPv6 literal without its brackets). */
const hostOf = (address: URL): string => address.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * A FeedReader that fetches over HTTP(S) within the limits given, from public addresses and the
 * networks `destinations` allows (see security/destination-guard.ts), following at most
 * `maxRedirects` redirects, each checked alike.
 */
export function httpFeedReader(
  limits: FeedLimits = defaultFeedLimits,
  destinations: FeedDestinations = {},
): FeedReader {
  const guard = destinationGuard(destinations.allowNetworks, destinations.resolve);
  return {
    async read(url) {
      let address: URL;
      try {
        address = new URL(url);
      } catch {
        return problem('bad_address', url, 'The feed’s address is not a URL.');
      }
      if (address.protocol !== 'http:' && address.protocol !== 'https:')
        return problem('bad_address', address.protocol, 'Only http and https feeds are fetched.');
      const controller = new AbortController();
      // One timer for the whole chain of redirects, the body included.
      const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
      let res: IncomingMessage | undefined;
      try {
        for (let redirects = 0; ; redirects++) {
          // A literal address is connected to without a lookup: it is checked here instead.
          const literal = hostOf(address);
          if (isIP(literal) !== 0 && !guard.permits(literal)) return forbidden(literal);
          res = await get(address, controller.signal, guard.lookup);
          const status = res.statusCode ?? 0;
          if (!redirectStatuses.has(status)) break;
          res.destroy();
          const next = nextAddress(res.headers.location, address);
          if (!next)
            return problem(
              'http_status',
              String(status),
              `The feed's server answered HTTP ${status} without an address to go on to.`,
            );
          if (next.protocol !== 'http:' && next.protocol !== 'https:')
            return problem(
              'bad_address',
              next.protocol,
              'The feed redirected to an address that is not http or https.',
            );
          if (redirects === maxRedirects)
            return problem(
              'http_status',
              String(status),
              `The feed's server redirected more than ${maxRedirects} times (last HTTP ${status}).`,
            );
          address = next;
        }
        const status = res.statusCode ?? 0;
        if (status < 200 || status > 299)
          return problem(
            'http_status',
            String(status),
            `The feed's server answered HTTP ${status}.`,
          );
        const declared = Number(res.headers['content-length'] ?? '0');
        if (declared > limits.maxBytes) return tooLarge(limits);
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of decodedBody(res) as AsyncIterable<Buffer>) {
          size += chunk.byteLength;
          if (size > limits.maxBytes) return tooLarge(limits);
          chunks.push(chunk);
        }
        // A body cut short by the timer may end without an error: it is no whole feed.
        if (controller.signal.aborted) return timedOut(limits);
        const bytes = Buffer.concat(chunks);
        // An XML declaration may name latin-1 or windows-1252 (read alike); anything else as UTF-8.
        const encoding = /<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_-]+)/i.exec(
          bytes.subarray(0, 200).toString('latin1'),
        )?.[1];
        const latin = /^(iso-8859-1|latin-?1|windows-1252|cp1252)$/i.test(encoding ?? '');
        return readFeedBody(
          latin ? decodeWindows1252(bytes) : new TextDecoder('utf-8').decode(bytes),
        );
      } catch (e) {
        // Refused before any connection: nothing tells what, if anything, answers there.
        if (e instanceof ForbiddenDestination) return forbidden(e.host);
        if (controller.signal.aborted) return timedOut(limits);
        const cause = (e as { code?: unknown }).code;
        const code = typeof cause === 'string' ? cause : 'network error';
        return problem('unreachable', code, `The feed could not be reached (${code}).`);
      } finally {
        clearTimeout(timer);
        res?.destroy();
      }
    },
  };
}

/** The answer for an address the guard refuses; it names the host as given, nothing found. */
const forbidden = (host: string): FeedReading =>
  problem(
    'forbidden_address',
    host,
    `The feed's address (${host}) is on a private or reserved network, which Parley does not ` +
      'fetch from. An operator can allow such a network with PARLEY_FEED_ALLOW_NETWORKS.',
  );

const timedOut = (limits: FeedLimits): FeedReading =>
  problem(
    'timeout',
    String(limits.timeoutMs / 1000),
    `The feed did not answer in full within ${limits.timeoutMs / 1000} s.`,
  );

const tooLarge = (limits: FeedLimits): FeedReading =>
  problem(
    'too_large',
    String(limits.maxBytes),
    `The feed is larger than ${Math.round(limits.maxBytes / 1024)} KiB; it was not read.`,
  );
