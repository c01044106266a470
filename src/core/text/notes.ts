/**
 * Drafters' notes and who reads them. A note on a bracket or an alternative is internal by
 * default: the mediators' own working remark ("pending consultations"), kept in the working draft
 * and left out of every version that goes to a party. A note meant for the parties is marked
 * explicitly (`noteForParties`, written `{GOV:: note}` in the plain-text form) and goes out with
 * the text. A version published to the mediators alone keeps every note.
 */
import { normalizeBody, type NegotiatingText, type Segment } from './model.js';

/** How many notes a text carries, by audience. */
export interface NoteCount {
  /** Notes marked for the parties: they go out with a version. */
  readonly forParties: number;
  /** The drafters' own notes: they stay with the mediators. */
  readonly internal: number;
}

function withoutInternalNote<T extends { note: string | null; noteForParties?: boolean }>(s: T): T {
  return s.note !== null && s.noteForParties !== true ? { ...s, note: null } : s;
}

function segmentForParties(segment: Segment): Segment {
  switch (segment.kind) {
    case 'plain':
      return segment;
    case 'bracket':
      return withoutInternalNote(segment);
    case 'alternatives':
      return { ...segment, options: segment.options.map(withoutInternalNote) };
  }
}

/** The text as the parties may receive it: every note not marked for them is left out. */
export function textForParties(text: NegotiatingText): NegotiatingText {
  return {
    title: text.title,
    chapters: text.chapters.map((c) => ({
      ...c,
      provisions: c.provisions.map((p) => ({
        ...p,
        body: normalizeBody(p.body.map(segmentForParties)),
      })),
    })),
  };
}

/** Counts a text's notes by audience (what a publication would send and what it would keep back). */
export function countNotes(text: NegotiatingText): NoteCount {
  let forParties = 0;
  let internal = 0;
  const count = (s: { note: string | null; noteForParties?: boolean }): void => {
    if (s.note === null) return;
    if (s.noteForParties === true) forParties += 1;
    else internal += 1;
  };
  for (const c of text.chapters)
    for (const p of c.provisions)
      for (const s of p.body) {
        if (s.kind === 'bracket') count(s);
        if (s.kind === 'alternatives') s.options.forEach(count);
      }
  return { forParties, internal };
}
