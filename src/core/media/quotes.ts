/**
 * Quotations in news text and who said them, in pure code.
 *
 * Found: «…» (Norwegian, Spanish, Danish), “…”, ”…” (Swedish), "…" (straight, paired in order),
 * and dash lines — a paragraph or sentence opening with – or — (Norwegian "– Vi er klare, sier
 * Støre.", Spanish "—Estamos listos —dijo Maduro—."), which run to the reporting clause, to a
 * Spanish inciso (" —dijo") or to the end of the line. A quotation of fewer than two words is a
 * quoted term, not speech, and is left out.
 *
 * Attribution, in order:
 * 1. After the quotation, in its sentence: a reporting verb (sier, sa, kaller, seier, dijo,
 *    afirmó, calificó, said, told, siger, säger …). A registered actor named before the verb
 *    ("," Maduro said) or within three words after it (", sier Barth Eide", "—dijo Jorge
 *    Rodríguez—") is the speaker; a pronoun (han, hun, ho, él, ella, he, she) is the last person
 *    named before the quotation; a preposition or nothing after the verb is an unnamed subject —
 *    Spanish drops it ("», afirmó en una rueda de prensa") — and is also the last person named;
 *    any other words (", sa presidenten", '" a spokesperson said') are someone unregistered:
 *    no speaker.
 * 2. Otherwise, before the quotation in its sentence: a reporting verb or a colon, and a
 *    registered actor ("López kaller samtalene «…»", "Guaidó afirmó: «…»"): the last person
 *    named there, or the last actor of any kind when no person is; a pronoun there is the last
 *    person named before.
 * 3. Otherwise no speaker: Parley suggests, a person confirms.
 */
import type { AliasIndex } from './mentions.js';
import type { MediaActorId, Mention, Quote } from './model.js';

/** Reporting verbs in the languages Parley reads. */
const verbs = new Set(
  [
    // bokmål, nynorsk
    'sier',
    'sa',
    'seier',
    'sei',
    'kaller',
    'kalla',
    'kallar',
    'kalte',
    'mener',
    'meiner',
    'mente',
    'meinte',
    'skriver',
    'skriv',
    'skrev',
    'skreiv',
    'uttaler',
    'uttalte',
    'understreker',
    'legger',
    'legg',
    'la',
    'forteller',
    'fortel',
    'fortalte',
    'fortalde',
    'opplyser',
    'svarer',
    'svarar',
    'svarte',
    'svara',
    'advarer',
    'åtvarar',
    'hevder',
    'hevdar',
    'erklærer',
    'konkluderer',
    // Danish, Swedish
    'siger',
    'sagde',
    'säger',
    'sade',
    'skrev',
    'kalder',
    'kallar',
    'kallade',
    'tilføjer',
    'tillägger',
    // Spanish
    'dijo',
    'dice',
    'afirmó',
    'afirma',
    'aseguró',
    'asegura',
    'calificó',
    'califica',
    'declaró',
    'declara',
    'señaló',
    'señala',
    'añadió',
    'agregó',
    'advirtió',
    'sostuvo',
    'expresó',
    'indicó',
    'explicó',
    'escribió',
    'denunció',
    'respondió',
    'insistió',
    'subrayó',
    'manifestó',
    // English
    'said',
    'says',
    'told',
    'tells',
    'called',
    'calls',
    'added',
    'adds',
    'wrote',
    'writes',
    'warned',
    'stated',
    'declared',
    'insisted',
    'argued',
    'replied',
    'stressed',
  ].map((v) => v.toLowerCase()),
);

/** Pronouns that stand for the last person named. */
const pronouns = new Set(['han', 'hun', 'ho', 'hon', 'él', 'ella', 'he', 'she']);

/** Words that join a second clause to the sentence the quotation stands in. */
const conjunctions = new Set(['og', 'y', 'e', 'and', 'och', 'men', 'pero', 'but']);

/** Words after a verb that show the subject was left out (it is the last person named), by language. */
const implicitAfterVerb: Record<string, Set<string>> = {
  es: new Set(['en', 'a', 'al', 'desde', 'durante', 'ante', 'tras', 'con', 'por', 'sin', 'que']),
  nordic: new Set(['til', 'i', 'på', 'etter', 'efter', 'under', 'for', 'før', 'ifølge', 'då']),
  en: new Set(['in', 'on', 'at', 'to', 'after', 'from', 'during', 'before']),
};

/** The words that mark a left-out subject in a language (Spanish "en" is Norwegian "a"). */
function implicitWords(language: string): Set<string> {
  if (language === 'es') return implicitAfterVerb.es ?? new Set();
  if (language === 'en') return implicitAfterVerb.en ?? new Set();
  return implicitAfterVerb.nordic ?? new Set();
}

interface Span {
  /** Offset of the first quoted character. */
  start: number;
  /** Offset after the last quoted character. */
  end: number;
  /** Offset after the closing mark (where the text around it resumes). */
  after: number;
}

const closers: Record<string, string[]> = {
  '«': ['»'],
  '“': ['”', '"'],
  '„': ['“', '”'],
  '”': ['”'],
  '"': ['"', '”'],
};

const dashStart = /(^|\n|[.!?]["»”]?[ \t]+)[ \t]*([–—])[ \t]?(?=\p{L})/gu;

function verbAlternation(): string {
  return [...verbs].map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}
const dashEnd = new RegExp(
  `([,!?]\\s*(?=(?:${verbAlternation()})(?![\\p{L}]))|\\s[—–]\\s?(?=\\p{Ll}))`,
  'u',
);

function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /[\s]/.test(text[s] ?? '')) s += 1;
  while (e > s && /[\s,.;:]/.test(text[e - 1] ?? '')) e -= 1;
  return [s, e];
}

/** The quotation spans of a text, in order. */
export function findQuoteSpans(text: string): Span[] {
  const spans: Span[] = [];
  // Marked quotations.
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    const close = closers[ch];
    if (!close) {
      i += 1;
      continue;
    }
    let depth = 0;
    let j = i + 1;
    let found = -1;
    for (; j < text.length; j += 1) {
      const c = text[j] ?? '';
      if (c === '\n' && text[j + 1] === '\n') break;
      if (ch === '«' && c === '«') depth += 1;
      else if (close.includes(c)) {
        if (depth === 0) {
          found = j;
          break;
        }
        depth -= 1;
      }
    }
    if (found < 0) {
      i += 1;
      continue;
    }
    const [s, e] = trimSpan(text, i + 1, found);
    spans.push({ start: s, end: e, after: found + 1 });
    i = found + 1;
  }
  // Dash lines.
  for (const m of text.matchAll(dashStart)) {
    const contentStart = (m.index ?? 0) + m[0].length;
    if (spans.some((sp) => contentStart >= sp.start && contentStart < sp.end)) continue;
    const lineEnd = text.indexOf('\n', contentStart);
    const line = text.slice(contentStart, lineEnd < 0 ? text.length : lineEnd);
    const stop = dashEnd.exec(line);
    const rawEnd = contentStart + (stop ? stop.index : line.length);
    const [s, e] = trimSpan(text, contentStart, rawEnd);
    // a dash line with no reporting clause ends at its sentence's end
    spans.push({ start: s, end: e, after: stop ? rawEnd : e });
  }
  spans.sort((a, b) => a.start - b.start);
  return spans.filter(
    (sp) => (text.slice(sp.start, sp.end).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= 2,
  );
}

interface Tok {
  /** Lower-case word. */
  w: string;
  start: number;
  end: number;
}

function tokens(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  const re = /[\p{L}\p{M}\p{N}]+/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && (m.index ?? 0) < to; m = re.exec(text)) {
    out.push({ w: m[0].toLowerCase(), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

/** The last person mentioned before an offset (a pronoun's referent). */
function lastPersonBefore(
  mentions: Mention[],
  index: AliasIndex,
  offset: number,
): MediaActorId | null {
  let found: MediaActorId | null = null;
  for (const m of mentions) {
    if (m.end > offset) break;
    if (index.kinds.get(m.actorId) === 'person') found = m.actorId;
  }
  return found;
}

/** Where the sentence around an offset starts (after the last . ! ? or line break before it). */
function sentenceStart(text: string, offset: number): number {
  for (let k = offset - 1; k >= 0; k -= 1) {
    const c = text[k];
    if (c === '\n') return k + 1;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[k + 1] ?? '')) return k + 1;
  }
  return 0;
}

/** Where the sentence resumed after a quotation ends. */
function sentenceEnd(text: string, offset: number): number {
  for (let k = offset; k < text.length; k += 1) {
    const c = text[k];
    if (c === '\n' || c === '«' || c === '“') return k;
    if (
      (c === '.' || c === '!' || c === '?') &&
      (k + 1 >= text.length || /\s/.test(text[k + 1] ?? ''))
    )
      return k;
  }
  return text.length;
}

function attribute(
  text: string,
  span: Span,
  mentions: Mention[],
  index: AliasIndex,
  language: string,
): MediaActorId | null {
  const inRange = (a: number, b: number) => mentions.filter((m) => m.start >= a && m.end <= b);
  // 1. After the quotation.
  const afterEnd = Math.min(sentenceEnd(text, span.after), span.after + 160);
  const after = tokens(text, span.after, afterEnd);
  const vi = after.findIndex((t) => verbs.has(t.w));
  if (vi >= 0) {
    const verb = after[vi];
    if (verb) {
      const before = inRange(span.after, verb.start);
      const lastBefore = before[before.length - 1];
      if (lastBefore) return lastBefore.actorId;
      const pre = after.slice(0, vi);
      // "«…» og mener", "«…» y aseguró", '"…" and said': a second clause of the sentence before
      if (conjunctions.has(pre[0]?.w ?? '')) return attributeBefore(text, span, mentions, index);
      if (pre.some((t) => pronouns.has(t.w))) return lastPersonBefore(mentions, index, span.start);
      if (pre.length > 0) return null;
      const next = after[vi + 1];
      if (!next) return lastPersonBefore(mentions, index, span.start);
      if (pronouns.has(next.w)) return lastPersonBefore(mentions, index, span.start);
      const limit = after[vi + 4]?.end ?? afterEnd;
      const named = inRange(verb.end, limit)[0];
      if (named) return named.actorId;
      if (implicitWords(language).has(next.w)) return lastPersonBefore(mentions, index, span.start);
      return null;
    }
  }
  return attributeBefore(text, span, mentions, index);
}

/** Rule 2: a reporting verb or a colon before the quotation, in its sentence. */
function attributeBefore(
  text: string,
  span: Span,
  mentions: Mention[],
  index: AliasIndex,
): MediaActorId | null {
  const inRange = (a: number, b: number) => mentions.filter((m) => m.start >= a && m.end <= b);
  const from = sentenceStart(text, span.start);
  const beforeText = text.slice(from, span.start);
  const before = tokens(text, from, span.start);
  const hasVerb = before.some((t) => verbs.has(t.w)) || /:\s*["«“”„]?\s*$/.test(beforeText);
  if (!hasVerb) return null;
  const named = inRange(from, span.start);
  const persons = named.filter((m) => index.kinds.get(m.actorId) === 'person');
  const pick = persons[persons.length - 1] ?? named[named.length - 1];
  if (pick) return pick.actorId;
  if (before.some((t) => pronouns.has(t.w))) return lastPersonBefore(mentions, index, from);
  return null;
}

/** The quotations of a text with their speakers, given its mentions (in order) and language. */
export function findQuotes(
  text: string,
  mentions: Mention[],
  index: AliasIndex,
  language: string,
): Quote[] {
  return findQuoteSpans(text).map((sp) => ({
    text: text.slice(sp.start, sp.end),
    speakerActorId: attribute(text, sp, mentions, index, language),
    start: sp.start,
    end: sp.end,
  }));
}
