/**
 * EDITING A PROVISION'S WORDING AS STRUCTURE
 *
 * The drafting editor lets a mediator work on the wording the way it reads, not the way it is
 * written in the bracket syntax: select words and bracket them for a party, add an alternative to
 * a bracket, write a drafter's note and say whether it goes to the parties, lift a bracket. Each
 * step here takes a body and returns a new, normalised body; the editor prints it back into the
 * bracket syntax (`printBody`), so the expert's plain-text form and the structure stay one thing.
 *
 * A selection is a range of one piece of wording: plain wording, one bracket, or one alternative
 * (`WordingRange`). Spaces at the edges of a selection are left outside the bracket, so that
 * double-clicking a word or dragging over a phrase brackets the words and not the spaces.
 *
 * Every function raises RULE_VIOLATION, with a `reason`, when the step cannot be taken: bracketing
 * words that are already in a bracket (brackets do not nest), an empty selection, a segment that
 * is not there.
 */
import { DomainError } from '../shared/errors.js';
import { normalizeBody, type Alternative, type Holder, type Segment } from './model.js';

/** Where some words are: a piece of wording of the body and the range within it. */
export interface WordingRange {
  /** Index of the segment. */
  readonly segment: number;
  /** Index of the alternative for an alternatives group; null for plain wording or a bracket. */
  readonly option: number | null;
  /** Start offset within that piece's text. */
  readonly start: number;
  /** End offset (exclusive). */
  readonly end: number;
}

/** The text of the piece of wording a range points into, or null when there is no such piece. */
export function pieceOf(
  body: readonly Segment[],
  where: Pick<WordingRange, 'segment' | 'option'>,
): string | null {
  const s = body[where.segment];
  if (s === undefined) return null;
  if (s.kind === 'alternatives')
    return where.option === null ? null : (s.options[where.option]?.text ?? null);
  return where.option === null ? s.text : null;
}

function refuse(reason: string, message: string): never {
  throw new DomainError('RULE_VIOLATION', message, { reason });
}

/** The range without the spaces and line breaks at its edges. */
export function trimRange(text: string, range: WordingRange): WordingRange {
  let { start, end } = range;
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  while (start < end && /\s/.test(text.charAt(start))) start += 1;
  while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
  return { ...range, start, end };
}

/**
 * Brackets the selected words of plain wording, held by `holder`, with an optional note.
 * Words already in a bracket or an alternative cannot be bracketed again (no nesting).
 */
export function bracketWords(
  body: readonly Segment[],
  range: WordingRange,
  holder: Holder,
  note: { text: string | null; forParties: boolean } = { text: null, forParties: false },
): Segment[] {
  const s = body[range.segment];
  if (s === undefined) refuse('segment_missing', 'those words are no longer in the provision');
  if (s.kind !== 'plain' || range.option !== null)
    refuse(
      'already_bracketed',
      'those words are already in a bracket; brackets cannot be nested — add an alternative instead',
    );
  const r = trimRange(s.text, range);
  if (r.start === r.end) refuse('empty_selection', 'select the words to bracket');
  const bracket: Segment = {
    kind: 'bracket',
    text: s.text.slice(r.start, r.end),
    holder,
    note: note.text,
    ...(note.forParties ? { noteForParties: true } : {}),
  };
  return normalizeBody([
    ...body.slice(0, range.segment),
    { kind: 'plain', text: s.text.slice(0, r.start) },
    bracket,
    { kind: 'plain', text: s.text.slice(r.end) },
    ...body.slice(range.segment + 1),
  ]);
}

/**
 * Adds an alternative wording held by `holder` to a bracket (which becomes Alt 1, keeping its
 * holder and note) or to an alternatives group (as its last alternative). An empty wording
 * proposes leaving the passage out.
 */
export function addAlternative(
  body: readonly Segment[],
  segment: number,
  alternative: Alternative,
): Segment[] {
  const s = body[segment];
  if (s === undefined || s.kind === 'plain')
    refuse('not_bracketed', 'an alternative is added to a bracket or to other alternatives');
  const options: Alternative[] =
    s.kind === 'bracket'
      ? [
          {
            text: s.text,
            holder: s.holder,
            note: s.note,
            ...(s.noteForParties === true ? { noteForParties: true } : {}),
          },
          alternative,
        ]
      : [...s.options, alternative];
  return normalizeBody([
    ...body.slice(0, segment),
    { kind: 'alternatives', options },
    ...body.slice(segment + 1),
  ]);
}

/**
 * Sets (or, with an empty text, removes) the drafter's note on a bracket or one alternative, and
 * whether it goes to the parties with a published version (otherwise it stays with the mediators).
 */
export function setNote(
  body: readonly Segment[],
  where: Pick<WordingRange, 'segment' | 'option'>,
  note: { text: string; forParties: boolean },
): Segment[] {
  const s = body[where.segment];
  const text = note.text.trim() === '' ? null : note.text;
  const mark = text !== null && note.forParties ? { noteForParties: true } : {};
  if (s?.kind === 'bracket' && where.option === null) {
    const bracket: Segment = {
      kind: 'bracket',
      text: s.text,
      holder: s.holder,
      note: text,
      ...mark,
    };
    return normalizeBody(body.map((x, i) => (i === where.segment ? bracket : x)));
  }
  if (s?.kind === 'alternatives' && where.option !== null && s.options[where.option]) {
    const options = s.options.map((o, j) =>
      j === where.option ? { text: o.text, holder: o.holder, note: text, ...mark } : o,
    );
    return normalizeBody(
      body.map((x, i) => (i === where.segment ? { kind: 'alternatives', options } : x)),
    );
  }
  return refuse('not_bracketed', 'a note belongs to a bracket or an alternative');
}

/** Changes who holds a bracket or one alternative. */
export function setHolder(
  body: readonly Segment[],
  where: Pick<WordingRange, 'segment' | 'option'>,
  holder: Holder,
): Segment[] {
  const s = body[where.segment];
  if (s?.kind === 'bracket' && where.option === null)
    return normalizeBody(body.map((x, i) => (i === where.segment ? { ...s, holder } : x)));
  if (s?.kind === 'alternatives' && where.option !== null && s.options[where.option]) {
    const options = s.options.map((o, j) => (j === where.option ? { ...o, holder } : o));
    return normalizeBody(
      body.map((x, i) => (i === where.segment ? { kind: 'alternatives', options } : x)),
    );
  }
  return refuse('not_bracketed', 'only a bracket or an alternative has a holder');
}
