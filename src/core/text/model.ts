/**
 * The single negotiating text: one text per process, held by the mediators, made of ordered
 * chapters of ordered provisions. A provision's wording is a sequence of segments — plain wording,
 * bracketed passages (UN practice: wording not yet agreed, held by the party that objects or
 * proposes it) and groups of alternative wordings ("Alt 1 / Alt 2"), each attributed.
 *
 * Numbers are never stored: "Chapter II" and "2.3" are derived from order, so inserting a provision
 * renumbers the ones after it, while the stable keys (`ChapterId`, `ProvisionId`) let diffs and
 * comparisons match a provision across versions whatever its number.
 *
 * Brackets do not nest. UN texts sometimes nest them (`[[developed] country Parties]`), but a
 * nested bracket has two holders and two ways to resolve it, which makes "who holds what" and the
 * status rules ambiguous; the same disagreement is expressed without loss as alternatives
 * (`[Alt 1: developed country Parties]{GOV} / [Alt 2: country Parties]{OPP}`). The plain-text
 * importer rejects a nested bracket with its line and column and says so.
 */
import type { ChapterId, PartyId, ProvisionId } from '../shared/ids.js';

/** Where a provision stands. `open` and `bracketed` follow from the wording; the others are decided. */
export type ProvisionStatus = 'open' | 'bracketed' | 'agreed_ad_referendum' | 'agreed';

/** Every status, in the order a provision usually moves through them. */
export const provisionStatuses: readonly ProvisionStatus[] = [
  'open',
  'bracketed',
  'agreed_ad_referendum',
  'agreed',
];

/** Who holds a bracketed passage or an alternative wording. */
export type Holder =
  | {
      /** A party to the talks holds it. */
      readonly kind: 'party';
      /** The party that holds it. */
      readonly party: PartyId;
    }
  | {
      /** The mediators hold it (typically their own proposed wording). */
      readonly kind: 'mediators';
    }
  | {
      /** Nobody is named yet (e.g. imported from a word processor without attributions). */
      readonly kind: 'unattributed';
    };

/** Wording that nobody contests (which is not the same as agreed: see the provision's status). */
export interface PlainSegment {
  /** Discriminant. */
  readonly kind: 'plain';
  /** The wording, exactly as it reads; may contain single line breaks between sub-paragraphs. */
  readonly text: string;
}

/** A passage in square brackets: proposed or contested wording held by one side. */
export interface BracketSegment {
  /** Discriminant. */
  readonly kind: 'bracket';
  /** The bracketed wording, never empty. */
  readonly text: string;
  /** Who holds the bracket (the party that proposed or contests the wording). */
  readonly holder: Holder;
  /** An optional drafter's note (e.g. "pending consultations"), one line; null when absent. */
  readonly note: string | null;
  /**
   * True when the note goes out to the parties with a published version; absent or false, the
   * note is the drafters' own and stays with the mediators (see `notes.ts`).
   */
  readonly noteForParties?: boolean;
}

/** One wording of an alternatives group. */
export interface Alternative {
  /** The wording; may be empty, meaning "no text" (the passage would be left out). */
  readonly text: string;
  /** Who tabled this alternative. */
  readonly holder: Holder;
  /** An optional drafter's note, one line; null when absent. */
  readonly note: string | null;
  /** True when the note goes out to the parties; otherwise it stays with the mediators. */
  readonly noteForParties?: boolean;
}

/** Two or more alternative wordings for the same passage, shown as "Alt 1 / Alt 2". */
export interface AlternativesSegment {
  /** Discriminant. */
  readonly kind: 'alternatives';
  /** The alternatives in the order they are shown (Alt 1 first); at least two. */
  readonly options: readonly Alternative[];
}

/** A piece of a provision's wording. */
export type Segment = PlainSegment | BracketSegment | AlternativesSegment;

/** A provision: the unit that gets bracketed, agreed and signed. */
export interface Provision {
  /** Stable key: the same provision in every version, whatever its number. */
  readonly key: ProvisionId;
  /** Where the provision stands; see `rules.ts` for the transitions. */
  readonly status: ProvisionStatus;
  /** The wording as segments, normalised (see `normalizeBody`). */
  readonly body: readonly Segment[];
}

/** A chapter: a titled, ordered group of provisions (often one agenda point). */
export interface Chapter {
  /** Stable key across versions. */
  readonly key: ChapterId;
  /** The chapter's title, one line, may be empty. */
  readonly title: string;
  /** The provisions in reading order; their numbers are derived from it. */
  readonly provisions: readonly Provision[];
}

/** The whole negotiating text (the working draft, or the content of a version). */
export interface NegotiatingText {
  /** The text's title (e.g. "General Agreement on ..."), one line, may be empty. */
  readonly title: string;
  /** The chapters in reading order. */
  readonly chapters: readonly Chapter[];
}

/** The pattern stable keys follow, so that they can be written in the plain-text form. */
export const keyPattern = /^[A-Za-z0-9_-]+$/;

/** The mediators as holder. */
export const mediators: Holder = Object.freeze({ kind: 'mediators' });

/** The holder of a passage nobody has been named for. */
export const unattributed: Holder = Object.freeze({ kind: 'unattributed' });

/** A party as holder. */
export function partyHolder(party: PartyId): Holder {
  return { kind: 'party', party };
}

/** True when two holders are the same side. */
export function sameHolder(a: Holder, b: Holder): boolean {
  if (a.kind === 'party' && b.kind === 'party') return a.party === b.party;
  return a.kind === b.kind;
}

// ---------------------------------------------------------------------------------------------
// Normalisation. The model keeps one spelling of each wording so that equality, hashes and diffs
// are meaningful, and so that every text survives the plain-text form unchanged. The rules are
// exactly what a text file can carry: a line's trailing spaces and a continuation line's
// indentation do not survive an editor, and blank lines separate provisions.
// ---------------------------------------------------------------------------------------------

/** Canonical wording: `\r\n` becomes `\n`, no space or tab around a line break, no blank line. */
export function normalizeWording(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]*\n[ \t\n]*/g, '\n');
}

/** Canonical one-line text (titles, notes): line breaks become spaces, outer spaces are trimmed. */
export function normalizeLine(text: string): string {
  return text.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ').replace(/^[ \t]+|[ \t]+$/g, '');
}

function normalizeNote(note: string | null): string | null {
  if (note === null) return null;
  const line = normalizeLine(note);
  return line === '' ? null : line;
}

/** The note and its mark, normalised: the mark is kept only when there is a note and it is true. */
function normalizedNote(s: { note: string | null; noteForParties?: boolean }): {
  note: string | null;
  noteForParties?: true;
} {
  const note = normalizeNote(s.note);
  return note !== null && s.noteForParties === true ? { note, noteForParties: true } : { note };
}

/**
 * Canonical body: wordings normalised, adjacent plain segments merged, empty plain segments
 * dropped, and no space, tab or line break at the very start or end of the provision.
 */
export function normalizeBody(body: readonly Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of body) {
    const normal = normalizeSegment(segment);
    const last = merged[merged.length - 1];
    if (normal.kind === 'plain' && last?.kind === 'plain') {
      merged[merged.length - 1] = {
        kind: 'plain',
        text: normalizeWording(last.text + normal.text),
      };
    } else {
      merged.push(normal);
    }
  }
  const first = merged[0];
  if (first?.kind === 'plain')
    merged[0] = { kind: 'plain', text: first.text.replace(/^[ \t\n]+/, '') };
  const lastIndex = merged.length - 1;
  const last = merged[lastIndex];
  if (last?.kind === 'plain') {
    merged[lastIndex] = { kind: 'plain', text: last.text.replace(/[ \t\n]+$/, '') };
  }
  return merged.filter((s) => s.kind !== 'plain' || s.text !== '');
}

function normalizeSegment(segment: Segment): Segment {
  switch (segment.kind) {
    case 'plain':
      return { kind: 'plain', text: normalizeWording(segment.text) };
    case 'bracket':
      return {
        kind: 'bracket',
        text: normalizeWording(segment.text),
        holder: segment.holder,
        ...normalizedNote(segment),
      };
    case 'alternatives':
      return {
        kind: 'alternatives',
        options: segment.options.map((o) => ({
          text: normalizeWording(o.text),
          holder: o.holder,
          ...normalizedNote(o),
        })),
      };
  }
}

/** True when two bodies are identical, segment by segment (holders, notes and wording). */
export function sameBody(a: readonly Segment[], b: readonly Segment[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => {
      const t = b[i];
      return t !== undefined && sameSegment(s, t);
    })
  );
}

function sameSegment(a: Segment, b: Segment): boolean {
  switch (a.kind) {
    case 'plain':
      return b.kind === 'plain' && a.text === b.text;
    case 'bracket':
      return (
        b.kind === 'bracket' &&
        a.text === b.text &&
        a.note === b.note &&
        (a.noteForParties === true) === (b.noteForParties === true) &&
        sameHolder(a.holder, b.holder)
      );
    case 'alternatives':
      return (
        b.kind === 'alternatives' &&
        a.options.length === b.options.length &&
        a.options.every((o, i) => {
          const p = b.options[i];
          return (
            p !== undefined &&
            o.text === p.text &&
            o.note === p.note &&
            (o.noteForParties === true) === (p.noteForParties === true) &&
            sameHolder(o.holder, p.holder)
          );
        })
      );
  }
}

/** The status `open`/`bracketed` that a wording implies: bracketed while anything is unsettled. */
export function derivedStatus(body: readonly Segment[]): 'open' | 'bracketed' {
  return body.some((s) => s.kind !== 'plain') ? 'bracketed' : 'open';
}

/**
 * A provision with a normalised body; an `open`/`bracketed` status is re-derived from the wording,
 * a decided status (agreed, ad referendum) is kept as is.
 */
export function normalizeProvision(provision: Provision): Provision {
  const body = normalizeBody(provision.body);
  const status =
    provision.status === 'open' || provision.status === 'bracketed'
      ? derivedStatus(body)
      : provision.status;
  return { key: provision.key, status, body };
}

/** The whole text normalised: titles on one line, every provision normalised. */
export function normalizeText(text: NegotiatingText): NegotiatingText {
  return {
    title: normalizeLine(text.title),
    chapters: text.chapters.map((c) => ({
      key: c.key,
      title: normalizeLine(c.title),
      provisions: c.provisions.map(normalizeProvision),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the structure.
// ---------------------------------------------------------------------------------------------

/** How much of a provision (or a text) is still unsettled. */
export interface OpenCounts {
  /** Bracketed passages not yet resolved. */
  readonly brackets: number;
  /** Alternatives groups where no alternative has been chosen yet. */
  readonly alternativeGroups: number;
}

/** Counts the open brackets and alternatives groups in a body. */
export function countOpen(body: readonly Segment[]): OpenCounts {
  let brackets = 0;
  let alternativeGroups = 0;
  for (const s of body) {
    if (s.kind === 'bracket') brackets += 1;
    else if (s.kind === 'alternatives') alternativeGroups += 1;
  }
  return { brackets, alternativeGroups };
}

/** True when any bracket or alternatives group of the body is still open. */
export function hasOpenBrackets(body: readonly Segment[]): boolean {
  return body.some((s) => s.kind !== 'plain');
}

/** A provision together with where it stands in the text. */
export interface LocatedProvision {
  /** The provision itself. */
  readonly provision: Provision;
  /** Its number as shown, e.g. "2.3" (chapter number, then position in the chapter). */
  readonly number: string;
  /** The key of the chapter it belongs to. */
  readonly chapterKey: ChapterId;
  /** 0-based index of its chapter. */
  readonly chapterIndex: number;
  /** 0-based index within its chapter. */
  readonly index: number;
}

/** The number of a provision from its 0-based chapter and position indices, e.g. "1.2". */
export function provisionNumber(chapterIndex: number, index: number): string {
  return `${chapterIndex + 1}.${index + 1}`;
}

/** Every provision in reading order, with its derived number. */
export function listProvisions(text: NegotiatingText): LocatedProvision[] {
  const out: LocatedProvision[] = [];
  text.chapters.forEach((chapter, chapterIndex) => {
    chapter.provisions.forEach((provision, index) => {
      out.push({
        provision,
        number: provisionNumber(chapterIndex, index),
        chapterKey: chapter.key,
        chapterIndex,
        index,
      });
    });
  });
  return out;
}

/** Finds a provision by its stable key; null when the text has no such provision. */
export function findProvision(text: NegotiatingText, key: ProvisionId): LocatedProvision | null {
  return listProvisions(text).find((p) => p.provision.key === key) ?? null;
}

const romanDigits: readonly [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** A chapter number as the Roman numeral negotiators use ("Chapter IV"); n ≥ 1. */
export function romanNumeral(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, digits] of romanDigits) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

/** Reads a Roman numeral (any case) back to a number; null when it is not one. */
export function parseRomanNumeral(numeral: string): number | null {
  const upper = numeral.toUpperCase();
  if (!/^[MDCLXVI]+$/.test(upper)) return null;
  let total = 0;
  let rest = upper;
  for (const [value, digits] of romanDigits) {
    while (rest.startsWith(digits)) {
      total += value;
      rest = rest.slice(digits.length);
    }
  }
  return rest === '' && romanNumeral(total) === upper ? total : null;
}

// ---------------------------------------------------------------------------------------------
// Well-formedness. Everything that builds a text (parser, edits, amendments, canonical JSON
// reader) keeps these invariants; `checkText` lists what is wrong with a text that came from
// elsewhere.
// ---------------------------------------------------------------------------------------------

/** Lists every broken invariant of a text, in words; empty when the text is well formed. */
export function checkText(text: NegotiatingText): string[] {
  const problems: string[] = [];
  if (normalizeLine(text.title) !== text.title)
    problems.push('the title is not on one trimmed line');
  const chapterKeys = new Set<string>();
  const provisionKeys = new Set<string>();
  text.chapters.forEach((chapter, chapterIndex) => {
    const where = `chapter ${romanNumeral(chapterIndex + 1)}`;
    if (!keyPattern.test(chapter.key)) problems.push(`${where}: key "${chapter.key}" is not valid`);
    if (chapterKeys.has(chapter.key)) problems.push(`${where}: key "${chapter.key}" is repeated`);
    chapterKeys.add(chapter.key);
    if (normalizeLine(chapter.title) !== chapter.title) {
      problems.push(`${where}: the title is not on one trimmed line`);
    }
    chapter.provisions.forEach((provision, index) => {
      const at = `provision ${provisionNumber(chapterIndex, index)}`;
      if (!keyPattern.test(provision.key))
        problems.push(`${at}: key "${provision.key}" is not valid`);
      if (provisionKeys.has(provision.key))
        problems.push(`${at}: key "${provision.key}" is repeated`);
      provisionKeys.add(provision.key);
      problems.push(...checkProvision(provision).map((p) => `${at}: ${p}`));
    });
  });
  return problems;
}

function checkProvision(provision: Provision): string[] {
  const problems: string[] = [];
  if (!provisionStatuses.includes(provision.status)) {
    problems.push(`unknown status "${String(provision.status)}"`);
  }
  for (const segment of provision.body) {
    if (segment.kind === 'bracket' && segment.text === '') problems.push('a bracket is empty');
    if (segment.kind === 'alternatives' && segment.options.length < 2) {
      problems.push('an alternatives group has fewer than two alternatives');
    }
  }
  if (!sameBody(normalizeBody(provision.body), provision.body)) {
    problems.push('the wording is not normalised');
  }
  const open = hasOpenBrackets(provision.body);
  if (provision.status === 'open' && open) problems.push('marked open but has open brackets');
  if (provision.status === 'bracketed' && !open)
    problems.push('marked bracketed but has no bracket');
  if ((provision.status === 'agreed' || provision.status === 'agreed_ad_referendum') && open) {
    problems.push(`marked ${provision.status} but has open brackets`);
  }
  return problems;
}
