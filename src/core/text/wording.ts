/**
 * Small helpers for splicing wording the way a drafter would: when a passage is removed the
 * spaces either side do not pile up, and inserted wording does not run into the next word.
 * Internal to the text module.
 */
import { normalizeBody, type Segment } from './model.js';

const space = /[ \t]/;
const closingPunctuation = /[,.;:!?)\]»”’]/;
const openingPunctuation = /[(«“‘]/;

/** Joins two pieces of wording across a removed passage: no doubled space, no space before a comma. */
export function tidyJoin(left: string, right: string): string {
  const next = right.charAt(0);
  if (space.test(left.slice(-1)) && (space.test(next) || closingPunctuation.test(next))) {
    return left.replace(/[ \t]+$/, '') + right;
  }
  return left + right;
}

/** The space to put between `before` and an inserted passage so that words do not run together. */
export function spaceBefore(before: string, inserted: string): string {
  const last = before.slice(-1);
  const first = inserted.charAt(0);
  if (last === '' || /\s/.test(last) || openingPunctuation.test(last)) return '';
  if (first === '' || /\s/.test(first) || closingPunctuation.test(first)) return '';
  return ' ';
}

/** The space to put between an inserted passage and `after`. */
export function spaceAfter(inserted: string, after: string): string {
  const last = inserted.slice(-1);
  const first = after.charAt(0);
  if (first === '' || /\s/.test(first) || closingPunctuation.test(first)) return '';
  if (last === '' || /\s/.test(last) || openingPunctuation.test(last)) return '';
  return ' ';
}

/** Removes the segment at `index`, tidying the seam between the plain wording either side. */
export function removeSegment(body: readonly Segment[], index: number): Segment[] {
  const before = body.slice(0, index);
  const after = body.slice(index + 1);
  const left = before[before.length - 1];
  const right = after[0];
  if (left?.kind === 'plain' && right?.kind === 'plain') {
    return normalizeBody([
      ...before.slice(0, -1),
      { kind: 'plain', text: tidyJoin(left.text, right.text) },
      ...after.slice(1),
    ]);
  }
  return normalizeBody([...before, ...after]);
}

/** Trims an amendment's or an edit's wording of outer spaces and line breaks. */
export function trimWording(text: string): string {
  return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}
