/**
 * Finding registered actors in a text, in pure code.
 *
 * Text and aliases are cut into words (letters and digits) and folded: Unicode accents removed
 * (NFD, combining marks dropped: "Nicolás" = "Nicolas", "Guaidó" = "Guaido") and lower case.
 * Letters that are not accented forms (ø, æ, ß) stay as they are, so "Støre" never matches the
 * Norwegian word "store". An alias matches a run of words when every word is equal after folding,
 * with these rules:
 * - the first word must start with a capital in the text (names are written so; "eide" the verb
 *   is not "Eide"), and an alias written in capitals (FN, UN, ONU, EU) matches only those
 *   capitals exactly, so the Spanish article "un" is never the United Nations;
 * - the last word may carry the Scandinavian genitive -s ("Støres", "Maduros", "FNs"), and an
 *   English or Spanish-name possessive "'s" / "'" ("Maduro's", "López'") is taken into the span;
 *   Spanish has no case endings on names, so nothing else is stripped;
 * - where several aliases match at one place the longest wins ("Jonas Gahr Støre" over "Støre"),
 *   and matches never overlap.
 */
import type { ActorKind, MediaActorId, Mention, NameSuggestion } from './model.js';

/** What the matcher needs to know of an actor. */
export interface MatchableActor {
  /** The actor. */
  id: MediaActorId;
  /** Person, organisation … (a pronoun refers to the last person). */
  kind: ActorKind;
  /** The registered name. */
  name: string;
  /** Other names and spellings. */
  aliases: string[];
}

/** A word of a text with its place. */
export interface Word {
  /** The word as written. */
  text: string;
  /** Folded form. */
  folded: string;
  /** Offset of its first character. */
  start: number;
  /** Offset after its last character. */
  end: number;
}

/** Removes accents and case: "Nicolás" → "nicolas"; ø, æ stay. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a text, with their offsets. */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const start = m.index ?? 0;
    out.push({ text: m[0], folded: fold(m[0]), start, end: start + m[0].length });
  }
  return out;
}

interface Pattern {
  actorId: MediaActorId;
  words: string[];
  /** The alias is an acronym in capitals: the text must have exactly those capitals. */
  exact: string[] | null;
}

/** An index of every alias of every actor, by its first folded word. */
export interface AliasIndex {
  /** Patterns by first folded word (and by first word + "s" for one-word genitives). */
  byFirst: Map<string, Pattern[]>;
  /** Actor kinds, for pronoun resolution. */
  kinds: Map<MediaActorId, ActorKind>;
}

/** Builds the alias index of a register. */
export function buildAliasIndex(actors: MatchableActor[]): AliasIndex {
  const byFirst = new Map<string, Pattern[]>();
  const kinds = new Map<MediaActorId, ActorKind>();
  for (const a of actors) {
    kinds.set(a.id, a.kind);
    const seen = new Set<string>();
    for (const alias of [a.name, ...a.aliases]) {
      const ws = wordsOf(alias);
      const first = ws[0];
      if (!first) continue;
      const key = ws.map((w) => w.folded).join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      const acronym =
        ws.length === 1 && first.text.length <= 5 && first.text === first.text.toUpperCase();
      const p: Pattern = {
        actorId: a.id,
        words: ws.map((w) => w.folded),
        exact: acronym ? [first.text] : null,
      };
      const list = byFirst.get(first.folded) ?? [];
      list.push(p);
      byFirst.set(first.folded, list);
    }
  }
  for (const list of byFirst.values()) list.sort((x, y) => y.words.length - x.words.length);
  return { byFirst, kinds };
}

const isCapital = (s: string): boolean => /^\p{Lu}/u.test(s);

/** How a word ends a match: exactly, or with a genitive -s; null when it does not. */
function lastWordMatches(word: Word, folded: string, exact: string | null): boolean {
  if (exact !== null) return word.text === exact || word.text === `${exact}s`;
  return word.folded === folded || word.folded === `${folded}s`;
}

/** The registered actors a text mentions, in order of appearance. */
export function findMentions(text: string, index: AliasIndex, words = wordsOf(text)): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i];
    if (!w || !isCapital(w.text)) {
      i += 1;
      continue;
    }
    const candidates = [
      ...(index.byFirst.get(w.folded) ?? []),
      ...(w.folded.endsWith('s') ? (index.byFirst.get(w.folded.slice(0, -1)) ?? []) : []),
    ];
    let matched: { p: Pattern; n: number } | null = null;
    for (const p of candidates) {
      const n = p.words.length;
      if (i + n > words.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k += 1) {
        const tw = words[i + k];
        const pw = p.words[k] ?? '';
        if (!tw) ok = false;
        else if (k === n - 1) ok = lastWordMatches(tw, pw, p.exact?.[0] ?? null);
        else ok = tw.folded === pw;
        // words of one name are separated by spaces (or a hyphen) only
        if (ok && k > 0) {
          const gap = text.slice(words[i + k - 1]?.end ?? 0, tw?.start ?? 0);
          ok = /^[\s-]{1,2}$/.test(gap);
        }
      }
      if (ok && (!matched || n > matched.n)) matched = { p, n };
    }
    if (!matched) {
      i += 1;
      continue;
    }
    const last = words[i + matched.n - 1] ?? w;
    let end = last.end;
    const tail = /^['’]s?(?![\p{L}])/u.exec(text.slice(end));
    if (tail && (tail[0].length === 2 || /[sxz]$/i.test(last.text))) end += tail[0].length;
    out.push({ actorId: matched.p.actorId, text: text.slice(w.start, end), start: w.start, end });
    i += matched.n;
  }
  return out;
}

/** Small words that may stand inside a name ("María Corina", "Nicolás de la Cruz"). */
const nameParticles = new Set(['de', 'del', 'la', 'los', 'van', 'von', 'der', 'da', 'dos']);

/**
 * Runs of two or more capitalised words that no mention covers: names that look like actors not
 * yet registered, for a person to decide on. A run at the very start of a sentence is taken only
 * from its second word on when the first is a common sentence opener (it cannot be told here).
 */
export function suggestNames(
  text: string,
  mentions: Mention[],
  words = wordsOf(text),
): NameSuggestion[] {
  // Mentions are in order and do not overlap: one pointer walks them beside the words.
  let next = 0;
  const covered = (w: Word) => {
    while (next < mentions.length && (mentions[next]?.end ?? 0) <= w.start) next += 1;
    const m = mentions[next];
    return m !== undefined && w.start < m.end && w.end > m.start;
  };
  const out: NameSuggestion[] = [];
  const seen = new Set<string>();
  let run: Word[] = [];
  const flush = () => {
    while (run.length > 0 && nameParticles.has(run[run.length - 1]?.text ?? '')) run.pop();
    const first = run[0];
    const last = run[run.length - 1];
    if (run.length >= 2 && first && last) {
      const t = text.slice(first.start, last.end);
      if (!seen.has(t)) {
        seen.add(t);
        out.push({ text: t, start: first.start, end: last.end });
      }
    }
    run = [];
  };
  for (const w of words) {
    const prev = run[run.length - 1];
    const adjacent = !prev || /^[\s]{1,2}$/.test(text.slice(prev.end, w.start));
    if (!adjacent) flush();
    if (covered(w)) flush();
    else if (isCapital(w.text) && w.text.length > 1) run.push(w);
    else if (run.length > 0 && nameParticles.has(w.text)) run.push(w);
    else flush();
  }
  flush();
  return out;
}
