/**
 * The FeedReader port over the network: fetches an RSS 2.0 or Atom 1.0 feed with limits of size
 * and time, parses it with fast-xml-parser, and reduces each entry's HTML to plain text. A feed's
 * own fault — an address that is not http(s), no answer, a slow or endless answer, a status other
 * than 2xx, a body over the size limit, XML that is no feed — is an answer with a problem, never a
 * throw, so the scheduler records it on the feed and goes on to the next.
 */
import { XMLParser } from 'fast-xml-parser';
import type { FeedEntry } from '../../core/media/model.js';
import type { FeedProblem, FeedReader, FeedReading } from '../../core/ports.js';
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

/** A FeedReader that fetches over HTTP(S) within the limits given. */
export function httpFeedReader(limits: FeedLimits = defaultFeedLimits): FeedReader {
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
      const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
      try {
        const res = await fetch(address, {
          signal: controller.signal,
          redirect: 'follow',
          headers: {
            accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9',
          },
        });
        if (!res.ok) {
          await res.body?.cancel().catch(() => undefined);
          return problem(
            'http_status',
            String(res.status),
            `The feed's server answered HTTP ${res.status}.`,
          );
        }
        const declared = Number(res.headers.get('content-length') ?? '0');
        if (declared > limits.maxBytes) {
          await res.body?.cancel().catch(() => undefined);
          return tooLarge(limits);
        }
        const chunks: Uint8Array[] = [];
        let size = 0;
        const reader = res.body?.getReader();
        for (;;) {
          const next = reader ? await reader.read() : { done: true as const, value: undefined };
          if (next.done) break;
          size += next.value.byteLength;
          if (size > limits.maxBytes) {
            await reader?.cancel().catch(() => undefined);
            return tooLarge(limits);
          }
          chunks.push(next.value);
        }
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
        if (controller.signal.aborted)
          return problem(
            'timeout',
            String(limits.timeoutMs / 1000),
            `The feed did not answer in full within ${limits.timeoutMs / 1000} s.`,
          );
        const cause = (e as { cause?: { code?: string } }).cause?.code ?? 'network error';
        return problem('unreachable', cause, `The feed could not be reached (${cause}).`);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

const tooLarge = (limits: FeedLimits): FeedReading =>
  problem(
    'too_large',
    String(limits.maxBytes),
    `The feed is larger than ${Math.round(limits.maxBytes / 1024)} KiB; it was not read.`,
  );
