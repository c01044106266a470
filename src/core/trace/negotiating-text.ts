/**
 * Marking a whole negotiating text for one copy, in the model, before any renderer sees it: the
 * simplest way for an export to carry the fingerprint in every format at once.
 */
import {
  parsePlainText,
  printPlainText,
  type NegotiatingText,
  type PartyDirectory,
  type Segment,
} from '../text/index.js';
import { fingerprintText, type FingerprintKey } from './fingerprint.js';

/** The copy a text is marked for. */
export interface CopyToMark {
  /** The copy id recorded in the audit log. */
  readonly copyId: string;
  /** The parties' codes, as the plain-text form names them in attributions. */
  readonly parties: PartyDirectory;
}

function markNotes(body: readonly Segment[], copyId: string, secret: FingerprintKey): Segment[] {
  const mark = (note: string | null): string | null =>
    note === null ? null : fingerprintText(note, copyId, secret);
  return body.map((segment): Segment => {
    switch (segment.kind) {
      case 'plain':
        return segment;
      case 'bracket':
        return { ...segment, note: mark(segment.note) };
      case 'alternatives':
        return {
          kind: 'alternatives',
          options: segment.options.map((o) => ({ ...o, note: mark(o.note) })),
        };
    }
  });
}

/**
 * The text with this copy's marks in its title, chapter titles, wording and notes: the marks of
 * its plain-text form (printed, marked with `fingerprintText`, read back — the marks never touch
 * the syntax, so statuses, keys and holders come back unchanged), and each note marked as a
 * paragraph of its own, as DOCX and PDF show it. Render the result in any format; the plain-text
 * export of it carries exactly the marks `fingerprintText(printPlainText(text))` would.
 */
export function fingerprintNegotiatingText(
  text: NegotiatingText,
  copy: CopyToMark,
  secret: FingerprintKey,
): NegotiatingText {
  const marked = parsePlainText(
    fingerprintText(printPlainText(text, copy.parties), copy.copyId, secret),
    copy.parties,
  ).text;
  return {
    title: marked.title,
    chapters: marked.chapters.map((chapter) => ({
      ...chapter,
      provisions: chapter.provisions.map((p) => ({
        ...p,
        body: markNotes(p.body, copy.copyId, secret),
      })),
    })),
  };
}
