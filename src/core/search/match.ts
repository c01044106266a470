/**
 * Matching a search query against a text, and the snippet shown for a match.
 *
 * A query is split into terms at white space (at most eight, each at least one character, lower
 * case, duplicates dropped). A document matches when every term occurs somewhere in it, in any of
 * its fields, ignoring case. Matches are reported as offsets into the field's own text (UTF-16
 * code units, as JavaScript strings count), so the reader highlights them without ever
 * interpreting the text as markup: the text stays text, and the marks are only ranges.
 *
 * Case folding is done one code unit at a time, keeping a unit whose lower case is longer (e.g.
 * "İ"), so every offset in the folded text is an offset in the original.
 */

/** A matched range of a text: [start, end) in UTF-16 code units. */
export type Mark = readonly [start: number, end: number];

/** A stretch of a field's text around its first matches, with the matched ranges in it. */
export interface Snippet {
  /** The text shown (a window of the field, with "…" where it was cut). */
  readonly text: string;
  /** The matched ranges within `text`, in order, not overlapping. */
  readonly marks: readonly Mark[];
}

/** The most terms a query is split into; the rest are ignored. */
export const maxTerms = 8;

/** The terms of a query: lower case, distinct, in order; empty when the query is blank. */
export function searchTerms(query: string): string[] {
  const terms: string[] = [];
  for (const word of query.trim().split(/\s+/)) {
    const t = fold(word);
    if (t !== '' && !terms.includes(t)) terms.push(t);
    if (terms.length === maxTerms) break;
  }
  return terms;
}

/** The text folded to lower case one code unit at a time (offsets unchanged). */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const l = c.toLowerCase();
    out += l.length === 1 ? l : c;
  }
  return out;
}

/** Every occurrence of any term in the text, merged where they overlap, in order. */
export function findMarks(text: string, terms: readonly string[]): Mark[] {
  const folded = fold(text);
  const found: Array<[number, number]> = [];
  for (const t of terms) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(t, from);
      if (at < 0) break;
      found.push([at, at + t.length]);
      from = at + t.length;
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const m of found) {
    const last = merged[merged.length - 1];
    if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]);
    else merged.push([m[0], m[1]]);
  }
  return merged;
}

/** Whether every term occurs in at least one of the fields. */
export function matchesAll(fields: readonly string[], terms: readonly string[]): boolean {
  if (terms.length === 0) return false;
  const folded = fields.map(fold);
  return terms.every((t) => folded.some((f) => f.includes(t)));
}

/**
 * A window of about `width` code units of the text around its first match, with its marks
 * shifted into the window; the start of the text when nothing matches in it.
 */
export function snippetOf(text: string, terms: readonly string[], width = 160): Snippet {
  const flat = text.replace(/\s+/g, ' ').trim();
  const marks = findMarks(flat, terms);
  const first = marks[0];
  if (flat.length <= width) return { text: flat, marks };
  let start = first ? Math.max(0, first[0] - Math.floor(width / 3)) : 0;
  // Start at a word boundary, so the window does not open in the middle of a word.
  if (start > 0) {
    const space = flat.lastIndexOf(' ', start);
    start = space >= 0 && (first === undefined || space < first[0]) ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) {
    const space = flat.indexOf(' ', end);
    end = space >= 0 && space - end < 20 ? space : end;
  }
  const lead = start > 0 ? '…' : '';
  const tail = end < flat.length ? '…' : '';
  const shifted = marks
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): Mark => [s - start + lead.length, e - start + lead.length]);
  return { text: lead + flat.slice(start, end) + tail, marks: shifted };
}
