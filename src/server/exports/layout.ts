/**
 * The render-ready form of a negotiating text that the DOCX, PDF and plain-text exports share, so
 * that numbering, status marks, attributions, note numbers and the wording of the header, footer,
 * banner and legend are decided once, here, and the renderers only choose fonts and positions.
 *
 * Conventions (those of UN drafting practice):
 *   - chapters are headed "Chapter IV — Title", provisions numbered "4.1", "4.2" from their order;
 *   - wording that is not agreed stands in square brackets, and the code of the party that holds
 *     it follows the closing bracket as a raised label: `[within six months]ᴳᴼⱽ`;
 *   - alternatives stay inline, each in its own brackets with its label and holder, separated by
 *     slashes — `[Alt 1: 30 days]ᴼᴾᴾ / [Alt 2: 90 days]ᴳᴼⱽ` — exactly as the plain-text form writes
 *     them, so a drafter reads the same thing in Word, in the PDF and in the text file;
 *   - an empty alternative reads "[Alt 2: no text]" (the passage would be left out);
 *   - a drafter's note on a bracket becomes a numbered note (a footnote in DOCX, small text under
 *     the provision in the PDF), numbered through the whole text in reading order;
 *   - each provision ends with its status in parentheses — "(agreed)", "(agreed ad ref.)",
 *     "(bracketed)", "(open)" — never in square brackets, which mean unsettled wording only.
 *
 * Every fixed word (classification, status marks, headings, legend, footer) is in the language the
 * copy is issued in (`labels.ts`: en, es, nb); the English forms are shown above.
 *
 * Pure: no I/O; dates are formatted in UTC from the strings the input gives.
 */
import {
  listProvisions,
  romanNumeral,
  type Holder,
  type NegotiatingText,
  type OverallState,
  type ProvisionStatus,
  type Segment,
} from '../../core/text/index.js';
import { DomainError } from '../../core/shared/errors.js';
import type { PartyId } from '../../core/shared/ids.js';
import { exportLabels, formatDateIn, type ExportLabels, type ExportLanguage } from './labels.js';

/** A party as an exported copy names it. */
export interface ExportParty {
  /** The party. */
  id: PartyId;
  /** Its short code, shown after the brackets it holds (`GOV`). */
  code: string;
  /** Its full name, given in the legend. */
  name: string;
}

/** The version a copy shows. */
export interface ExportVersion {
  /** The version's number ("Version 3"). */
  number: number;
  /** When it was published, as an ISO 8601 timestamp. */
  publishedAt: string;
  /** Its SHA-256 (hex), printed so that a reader can check the copy against the record. */
  hash: string;
}

/** Everything a rendered copy shows. */
export interface ExportInput {
  /** The text, as the version (or working draft) holds it. */
  text: NegotiatingText;
  /** Every party that may hold a bracket in the text, with its code and name. */
  parties: Array<ExportParty>;
  /** The process codename, shown in every page header (never the process's real title). */
  codename: string;
  /** The published version shown, or null for the working draft. */
  version: ExportVersion | null;
  /** The overall state from `overallState()`: drives the banner and the summary. */
  state: OverallState;
  /** Who this copy was issued to and when, shown in every page footer. */
  recipient: ExportRecipient;
  /** The language of the copy's fixed wording (default English). */
  language?: ExportLanguage;
}

/** The person a copy is issued to. */
export interface ExportRecipient {
  /** Their name as the footer shows it ("Issued to <name> on <date>"). */
  name: string;
  /** When the copy was issued, as an ISO 8601 timestamp; also the PDF's and DOCX's date. */
  issuedAt: string;
}

/** How a piece of wording is set. */
export type TextStyle =
  /** Wording as it reads, inside or outside brackets. */
  | 'wording'
  /** A square bracket (set bold so that it stands out). */
  | 'bracket'
  /** An alternative's label, "Alt 1:". */
  | 'label'
  /** The stand-in for an empty alternative, "no text". */
  | 'placeholder'
  /** The slash between alternatives. */
  | 'separator';

/** One piece of a provision as printed. */
export type Inline =
  | {
      /** Discriminant: text in one style. */
      kind: 'text';
      /** How it is set. */
      style: TextStyle;
      /** The characters, without line breaks. */
      text: string;
    }
  | {
      /** Discriminant: the raised holder code after a closing bracket. */
      kind: 'holder';
      /** The code shown: a party code or "Mediators". */
      code: string;
    }
  | {
      /** Discriminant: a note reference, raised; follows the holder code when both are present. */
      kind: 'noteRef';
      /** The note's number, from 1 through the whole text. */
      note: number;
      /** True when a holder code stands right before it (renderers separate the two). */
      afterHolder: boolean;
    }
  | {
      /** Discriminant: a line break inside the provision (sub-paragraphs "(a)", "(b)"). */
      kind: 'break';
    };

/** A drafter's note on a bracket or an alternative. */
export interface Note {
  /** Its number, from 1 through the whole text in reading order. */
  number: number;
  /** The note as the drafter wrote it. */
  text: string;
}

/** A provision ready to print. */
export interface LaidOutProvision {
  /** Its number, "2.3". */
  number: string;
  /** Its status. */
  status: ProvisionStatus;
  /** The status mark printed after the wording, "(agreed ad ref.)". */
  statusMark: string;
  /** The wording as inline pieces. */
  inlines: Inline[];
  /** The notes referenced in this provision, in order. */
  notes: Note[];
}

/** A chapter ready to print. */
export interface LaidOutChapter {
  /** "Chapter IV". */
  heading: string;
  /** The chapter's title; may be empty. */
  title: string;
  /** The heading as one line: "Chapter IV — Release of detained activists". */
  label: string;
  /** Its provisions in order. */
  provisions: LaidOutProvision[];
}

/** The whole copy, ready to print. */
export interface ExportLayout {
  /** The text's title, or "Negotiating text" when it has none. */
  title: string;
  /** The left part of every page header: codename and classification. */
  headerLeft: string;
  /** The right part of every page header: "Version 3 · 12 March 2025" or "Working draft · …". */
  headerRight: string;
  /** "Version 3" or "Working draft". */
  versionLabel: string;
  /** The line under the title: version, publication date and hash, or the working-draft caveat. */
  versionLine: string;
  /** "Nothing is agreed until everything is agreed" while anything is open; null otherwise. */
  banner: string | null;
  /** Where the text stands: provisions per status and what is still open. */
  summary: string;
  /** Who signed this version, or null for the working draft. */
  signatures: string | null;
  /** The legend, one entry per paragraph. */
  legend: string[];
  /** The chapters. */
  chapters: LaidOutChapter[];
  /** Every note, in order. */
  notes: Note[];
  /** The start of every page footer: "Issued to … on …". */
  issuedLine: string;
  /** The date the footer gives for the copy, formatted ("14 March 2025"). */
  issuedDate: string;
  /** The words around the page number in the footer: "page " and " of ". */
  pageWords: { before: string; between: string };
  /** "Parties", in the copy's language. */
  partiesLabel: string;
}

/** The classification printed beside the codename in every header (English). */
export const classification = exportLabels('en').classification;

/** The status marks, as printed after each provision (English). */
export const statusMarks: Readonly<Record<ProvisionStatus, string>> =
  exportLabels('en').statusMarks;

/** The label of the mediators as a holder (English). */
export const mediatorsCode = exportLabels('en').mediators;

/** An ISO 8601 timestamp as a date negotiators write ("12 March 2025", UTC); as given if unreadable. */
export function formatDate(iso: string): string {
  return formatDateIn('en', iso);
}

/** The footer of one page: "Issued to … on … — page 2 of 5", in the copy's language. */
export function footerText(layout: ExportLayout, page: number, pages: number): string {
  return `${layout.issuedLine} — ${layout.pageWords.before}${page}${layout.pageWords.between}${pages}`;
}

/** Lays a text out for printing; raises RULE_VIOLATION if a holder has no party code. */
export function layoutText(input: ExportInput): ExportLayout {
  const language = input.language ?? 'en';
  const labels = exportLabels(language);
  const codes = new Map(input.parties.map((p) => [p.id, p.code]));
  const holderCode = (holder: Holder): string | null => {
    switch (holder.kind) {
      case 'mediators':
        return labels.mediators;
      case 'unattributed':
        return null;
      case 'party': {
        const code = codes.get(holder.party);
        if (code === undefined) {
          throw new DomainError('RULE_VIOLATION', 'a party holding a bracket has no code', {
            party: holder.party,
          });
        }
        return code;
      }
    }
  };

  const notes: Note[] = [];
  const chapters = input.text.chapters.map((chapter, chapterIndex): LaidOutChapter => {
    const heading = labels.chapter(romanNumeral(chapterIndex + 1));
    return {
      heading,
      title: chapter.title,
      label: chapter.title === '' ? heading : `${heading} — ${chapter.title}`,
      provisions: [],
    };
  });
  for (const located of listProvisions(input.text)) {
    const provisionNotes: Note[] = [];
    const addNote = (text: string): Note => {
      const note = { number: notes.length + 1, text };
      notes.push(note);
      provisionNotes.push(note);
      return note;
    };
    const inlines = layoutBody(located.provision.body, holderCode, addNote, labels.noText);
    chapters[located.chapterIndex]?.provisions.push({
      number: located.number,
      status: located.provision.status,
      statusMark: labels.statusMarks[located.provision.status],
      inlines,
      notes: provisionNotes,
    });
  }

  const { version, state, recipient } = input;
  const versionLabel = version === null ? labels.workingDraft : labels.version(version.number);
  const shownDate = formatDateIn(
    language,
    version === null ? recipient.issuedAt : version.publishedAt,
  );
  const issuedDate = formatDateIn(language, recipient.issuedAt);
  const codeOf = (party: PartyId): string => codes.get(party) ?? party;
  return {
    title: input.text.title === '' ? labels.untitled : input.text.title,
    headerLeft: `${input.codename} — ${labels.classification}`,
    headerRight: `${versionLabel} · ${shownDate}`,
    versionLabel,
    versionLine:
      version === null
        ? labels.workingDraftLine(shownDate)
        : labels.versionLine(version.number, shownDate, version.hash),
    banner: state.everythingAgreed ? null : labels.naeuea,
    summary: labels.summary({
      provisions: state.provisionCount,
      counts: state.counts,
      openBrackets: state.openBrackets,
      openGroups: state.openAlternativeGroups,
    }),
    signatures:
      version === null
        ? null
        : signatureLine(labels, state.signedBy.map(codeOf), state.unsigned.map(codeOf)),
    legend: labels.legend(
      [
        ...input.parties.map((p) => `${p.code} — ${p.name}`),
        `${labels.mediators} — ${labels.mediationTeam}`,
      ].join('; '),
    ),
    chapters,
    notes,
    issuedLine: labels.issuedTo(recipient.name, issuedDate),
    issuedDate,
    pageWords: labels.page,
    partiesLabel: labels.parties,
  };
}

function layoutBody(
  body: readonly Segment[],
  holderCode: (holder: Holder) => string | null,
  addNote: (text: string) => Note,
  noText: string,
): Inline[] {
  const out: Inline[] = [];
  const text = (style: TextStyle, value: string): void => {
    value.split('\n').forEach((line, i) => {
      if (i > 0) out.push({ kind: 'break' });
      if (line !== '') out.push({ kind: 'text', style, text: line });
    });
  };
  const attribution = (holder: Holder, note: string | null): void => {
    const code = holderCode(holder);
    if (code !== null) out.push({ kind: 'holder', code });
    if (note !== null) {
      out.push({ kind: 'noteRef', note: addNote(note).number, afterHolder: code !== null });
    }
  };
  for (const segment of body) {
    switch (segment.kind) {
      case 'plain':
        text('wording', segment.text);
        break;
      case 'bracket':
        text('bracket', '[');
        text('wording', segment.text);
        text('bracket', ']');
        attribution(segment.holder, segment.note);
        break;
      case 'alternatives':
        segment.options.forEach((option, i) => {
          if (i > 0) text('separator', ' / ');
          text('bracket', '[');
          text('label', `Alt ${i + 1}:`);
          if (option.text === '') {
            text('wording', ' ');
            text('placeholder', noText);
          } else {
            text('wording', ` ${option.text}`);
          }
          text('bracket', ']');
          attribution(option.holder, option.note);
        });
        break;
    }
  }
  return out;
}

function signatureLine(
  labels: ExportLabels,
  signed: readonly string[],
  unsigned: readonly string[],
): string {
  if (signed.length === 0) return labels.unsigned;
  return unsigned.length === 0
    ? labels.signedByAll(signed.join(', '))
    : labels.signedBySome(signed.join(', '), unsigned.join(', '));
}
