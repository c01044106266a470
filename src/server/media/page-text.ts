/**
 * A file brought in as an article: its bytes decoded and, for an HTML page, its main text.
 *
 * Decoding. A byte-order mark decides (UTF-8, UTF-16); else the charset the file declares (an HTML
 * `<meta charset>` or `http-equiv` content type, or the upload's content type), else UTF-8. Only
 * UTF-8, US-ASCII, ISO-8859-1 (latin-1) and windows-1252 are read; latin-1 is read as
 * windows-1252, as browsers do (the WHATWG Encoding Standard makes them one). A file whose bytes are
 * not valid in the charset it declares (or in UTF-8, when it declares none) is refused: guessing
 * would put wrong letters into names that the analysis then cannot match.
 *
 * Refused as well: a binary file (NUL bytes, or control characters in more than 1 % of the first
 * 4 KiB), a file over `maxUploadBytes`, broken HTML (the markup breaks off inside a tag or an
 * unclosed comment, or a script or style is never closed: a truncated download), and a page in
 * which no readable text is left.
 *
 * Main text. Scripts, styles, navigation, asides, footers, headers, forms and the like are
 * dropped; the text is taken from the `<article>` (the longest, if several), else `<main>`, else
 * the body, as paragraphs: every block element (p, h1–h6, li, blockquote, div …) ends a paragraph,
 * and paragraphs are separated by a blank line. The `<title>` (or the first `<h1>`) is the headline.
 */
import { HTMLElement, parse, TextNode, type Node } from 'node-html-parser';
import { DomainError } from '../../core/shared/errors.js';

/** The largest file Parley takes as an article. */
export const maxUploadBytes = 5 * 1024 * 1024;

/** What a file gave. */
export interface PageText {
  /** The main text, in paragraphs separated by blank lines. */
  text: string;
  /** The page's title, or '' for a text file or a page without one. */
  title: string;
  /** Whether it was read as HTML. */
  html: boolean;
  /** The charset it was read in. */
  charset: string;
}

const refuse = (message: string, reason: string): never => {
  throw new DomainError('INVALID_INPUT', message, { file: reason });
};

const readable: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
};

/** The charset a page declares in its first 2 KiB, if any. */
function declaredCharset(head: string): string | null {
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([a-z0-9_:.-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase() ?? null;
}

/** Whether the bytes look like a binary file rather than text. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32) || b === 127) control += 1;
  }
  return control > sample.length / 100;
}

function decode(
  bytes: Uint8Array,
  contentType: string | undefined,
): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: strict('utf-8', bytes.subarray(3), 'UTF-8'), charset: 'utf-8' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: strict(enc, bytes.subarray(2), 'UTF-16'), charset: enc };
  }
  if (looksBinary(bytes))
    refuse(
      'The file looks binary (a document, an image or an archive), not a text or HTML page: save the article as text or HTML first.',
      'binary',
    );
  const head = decodeWindows1252(bytes.subarray(0, 2048));
  const fromType = /charset\s*=\s*["']?([a-z0-9_:.-]+)/i
    .exec(contentType ?? '')?.[1]
    ?.toLowerCase();
  const declared = declaredCharset(head) ?? fromType ?? null;
  const charset = declared === null ? 'utf-8' : readable[declared];
  if (!charset)
    return refuse(
      `The file declares the charset "${declared}", which Parley does not read: save it as UTF-8.`,
      'charset',
    );
  const text = strict(charset, bytes, declared === null ? 'UTF-8' : declared.toUpperCase());
  return { text, charset };
}

/** windows-1252's letters at 0x80–0x9F (the rest of the range is latin-1's), per WHATWG. */
const cp1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Decodes windows-1252 (and so latin-1) by table: Node's TextDecoder reads this label as latin-1
 * where ICU is small, which turns curly quotes and dashes into control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? cp1252High.charCodeAt(b - 0x80) : b)),
    );
  }
  return out;
}

function strict(charset: string, bytes: Uint8Array, name: string): string {
  if (charset === 'windows-1252') return decodeWindows1252(bytes);
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    return refuse(
      `The file is not valid ${name}: some bytes are not letters in that encoding. Declare its real charset (e.g. <meta charset="windows-1252">) or save it as UTF-8.`,
      'encoding',
    );
  }
}

const htmlLike = /<\s*(?:!doctype|html|head|body|div|p|article|main|span|meta|title|br|h[1-6])\b/i;
const dropped = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
  'footer',
  'header',
  'form',
  'button',
  'iframe',
  'svg',
  'canvas',
  'figure',
  'select',
  'head',
]);
const blocks = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'table',
  'tr',
  'dd',
  'dt',
  'dl',
  'br',
  'hr',
  'address',
]);

/** Why the markup of a page is broken, or null when it is whole enough to read. */
export function brokenMarkup(html: string): string | null {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  if (withoutComments.includes('<!--')) return 'a comment is never closed';
  for (const tag of ['script', 'style']) {
    const opens = (withoutComments.match(new RegExp(`<${tag}\\b`, 'gi')) ?? []).length;
    const closes = (withoutComments.match(new RegExp(`</${tag}\\s*>`, 'gi')) ?? []).length;
    if (opens > closes) return `a <${tag}> is never closed`;
  }
  // A tag that starts but never ends before the next tag or the end of the file.
  if (
    /<[a-z/!][^<>]*(?:<|$)/i.test(withoutComments.replace(/<script\b[\s\S]*?<\/script\s*>/gi, ''))
  )
    return 'a tag breaks off before its closing ">"';
  return null;
}

function textOf(node: Node, out: string[]): void {
  if (node instanceof TextNode) {
    out.push(node.text);
    return;
  }
  if (!(node instanceof HTMLElement)) return;
  const tag = node.rawTagName?.toLowerCase() ?? '';
  if (dropped.has(tag)) return;
  const block = blocks.has(tag);
  if (block) out.push('\n\n');
  for (const child of node.childNodes) textOf(child, out);
  if (block) out.push('\n\n');
}

/** The main text of an HTML page and its title. */
export function mainText(html: string): { text: string; title: string } {
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: true } });
  const articles = root.querySelectorAll('article');
  const main =
    articles.sort((a, b) => b.textContent.length - a.textContent.length)[0] ??
    root.querySelector('main') ??
    root.querySelector('body') ??
    root;
  const parts: string[] = [];
  textOf(main, parts);
  const text = parts
    .join('')
    .split(/\n{2,}/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  const title = (
    root.querySelector('title')?.textContent ??
    root.querySelector('h1')?.textContent ??
    ''
  )
    .replace(/\s+/g, ' ')
    .trim();
  return { text, title };
}

/**
 * Reads a file brought in as an article: decoded, and reduced to its main text when it is HTML.
 * Anything wrong with it raises INVALID_INPUT saying what, in words for the person who sent it.
 */
export function readPage(
  bytes: Uint8Array,
  options: { name?: string; contentType?: string } = {},
): PageText {
  if (bytes.length === 0) refuse('The file is empty.', 'empty');
  if (bytes.length > maxUploadBytes)
    refuse(
      `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; an article may be at most ${maxUploadBytes / 1024 / 1024} MB.`,
      'size',
    );
  const { text: decoded, charset } = decode(bytes, options.contentType);
  const named = (options.name ?? '').toLowerCase();
  const html =
    /\.x?html?$/.test(named) || /html/i.test(options.contentType ?? '') || htmlLike.test(decoded);
  if (!html) {
    const text = decoded.replace(/\r\n?/g, '\n').trim();
    if (!text) refuse('The file holds no text.', 'empty');
    return { text, title: '', html: false, charset };
  }
  const broken = brokenMarkup(decoded);
  if (broken)
    refuse(
      `The HTML is broken (${broken}); the file may be cut off. Save the page again.`,
      'broken-html',
    );
  const { text, title } = mainText(decoded);
  if (!text)
    refuse('No readable text was found in the page (only markup, scripts or menus).', 'no-text');
  return { text, title, html: true, charset };
}
