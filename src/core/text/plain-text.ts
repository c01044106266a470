/**
 * THE PLAIN-TEXT FORM OF A NEGOTIATING TEXT
 *
 * A negotiating text can be written, exported and imported as ordinary text, following the UN
 * convention that drafters already use in a word processor: square brackets around wording that
 * is not agreed, and alternatives shown as "Alt 1 / Alt 2". Everything Parley keeps about a text
 * (chapters, provisions, statuses, brackets, who holds them, notes) is written in it, so a text
 * exported and imported again comes back exactly as it was.
 *
 * Example:
 *
 *     Title: General Agreement on the Electoral Process (invented example)
 *
 *     # Chapter I — Electoral calendar {#ch-calendar}
 *
 *     1.1 {agreed #p-election} The Parties agree that a presidential election shall be held.
 *
 *     1.2 {bracketed #p-date} The election shall take place [Alt 1: within six months]{GOV} /
 *         [Alt 2: within twelve months]{OPP: subject to consultations} of signature.
 *
 *     1.3 {bracketed #p-observers} International observers [shall]{GOV} be invited.
 *
 * Lines
 *   - Blank lines are ignored; use them freely between provisions.
 *   - `Title: ...` on the first line gives the text's title. When importing a text that has no
 *     `Title:` line, the first line before any chapter is taken as the title.
 *   - A line starting with `#` is a chapter heading: `# Chapter IV — Title`. The chapter number
 *     may be Roman or Arabic and may be left out (`# Title`); a line starting with the word
 *     `Chapter` and a number (`Chapter IV — Title`, no `#`) is a heading as well.
 *   - A line starting with a number of the form `2.3` is a provision. The wording follows on the
 *     same line and may continue on the following lines; continuation lines are indented (export
 *     indents them by four spaces; on import any line that is not a heading, a provision or blank
 *     continues the provision above it). A line break inside a provision is kept (for
 *     sub-paragraphs such as "(a)", "(b)"); spaces at the start and end of a line are not.
 *   - Chapter and provision numbers are recomputed from the order on import; a number that does
 *     not match its place produces a warning, not an error.
 *
 * Status and keys (optional on import, always written on export)
 *   - After the provision number, `{status}` gives the status: `open`, `bracketed`,
 *     `agreed ad referendum` (also `ad referendum`, `ad ref`) or `agreed`. Without it, a provision
 *     is `bracketed` when it contains brackets and `open` otherwise. `open` and `bracketed` always
 *     follow from the wording (a mismatch is corrected, with a warning); a provision marked
 *     `agreed` or `agreed ad referendum` must not contain any bracket.
 *   - `#key` inside those braces is the provision's stable key, e.g. `{agreed #p-12}`; a chapter's
 *     key ends its heading: `# Chapter I — Title {#ch-1}`. Keys (letters, digits, `-`, `_`) let
 *     Parley recognise a provision across versions whatever its number; leave them untouched when
 *     editing an exported text. Missing keys are created on import.
 *
 * Brackets
 *   - `[wording]` is a bracketed passage. Who holds it follows in braces right after the closing
 *     bracket: `[wording]{GOV}`, using the party's code; `{Mediators}` for the mediators; nothing
 *     (or `{?}`) when nobody is named yet.
 *   - A note may follow the holder after a colon: `[wording]{GOV: pending consultations}`,
 *     `[wording]{?: origin unknown}`. Such a note is the drafters' own: it stays with the
 *     mediators and is left out of every published version. A note meant for the parties is
 *     written after two colons: `[wording]{GOV:: see annex II}`.
 *   - Brackets do not nest: `[[a] b]` is refused; write the competing wordings as alternatives.
 *   - `[]` (an empty bracket) is refused.
 *
 * Alternatives
 *   - Two or more bracketed wordings separated by a slash are alternatives for the same passage:
 *     `[Alt 1: within six months]{GOV} / [Alt 2: within twelve months]{OPP}`. The labels `Alt 1:`,
 *     `Alternative 1:` or `Option 1:` are optional on import (`[six months] / [twelve months]`)
 *     and always written on export. Each alternative has its own holder and note. An alternative
 *     may be empty (`[Alt 2: ]{OPP}`), meaning the passage would be left out.
 *
 * Literal characters
 *   - In wording, chapter titles and notes, write `\[`, `\]`, `\{`, `\}` and `\\` for a literal `[`,
 *     `]`, `{`, `}` and backslash (the `Title:` line is taken literally, nothing to escape). A `/` that directly follows a bracket and is followed by another
 *     bracket would make them alternatives; write `\/` to keep it as a plain slash. A backslash
 *     before any other character is kept as it is.
 *
 * Errors name the line and column of the problem (columns count characters from 1) and say what to
 * add or change: a holder written inside a bracket (`[six months{GOV}`) is reported as the missing
 * "]" it almost always is. Each problem in a wording also carries a stable `reason` (with `params`)
 * that an editor translates and shows next to the place it concerns.
 */
import { DomainError } from '../shared/errors.js';
import { asId, type ChapterId, type Id, type PartyId, type ProvisionId } from '../shared/ids.js';
import {
  derivedStatus,
  keyPattern,
  normalizeBody,
  normalizeLine,
  parseRomanNumeral,
  provisionNumber,
  romanNumeral,
  type Alternative,
  type Chapter,
  type Holder,
  type NegotiatingText,
  type Provision,
  type ProvisionStatus,
  type Segment,
} from './model.js';

/** A party as it is named in the plain-text form. */
export interface PartyCode {
  /** The party. */
  readonly id: PartyId;
  /** Its short code in attributions (`GOV`, `OPP`): a letter, then letters, digits, `-`, `_`. */
  readonly code: string;
}

/** The parties' codes for reading and writing attributions; codes are matched ignoring case. */
export type PartyDirectory = readonly PartyCode[];

/** A place in the imported text. */
export interface SourcePosition {
  /** Line number, from 1. */
  readonly line: number;
  /** Column, from 1. */
  readonly column: number;
}

/** Something the importer noticed and corrected, e.g. a provision numbered out of order. */
export interface ParseWarning extends SourcePosition {
  /** What was corrected, in words. */
  readonly message: string;
}

/**
 * Why the bracket syntax of a wording cannot be read, as a stable word an editor can translate
 * (with `ParseProblem.params`); the English `message` says the same.
 */
export type SyntaxReason =
  | 'bracket_not_closed'
  | 'bracket_not_closed_before_brace'
  | 'bracket_inside_bracket'
  | 'closing_bracket_alone'
  | 'brace_alone'
  | 'brace_in_bracket'
  | 'holder_not_closed'
  | 'brace_in_holder'
  | 'empty_bracket'
  | 'unknown_code';

/** A problem that stops the import; all of them are listed in the error's `details.problems`. */
export interface ParseProblem extends SourcePosition {
  /** What is wrong and how to write it instead. */
  readonly message: string;
  /** For a problem in a provision's wording: why, as a stable word (see `SyntaxReason`). */
  readonly reason?: SyntaxReason;
  /** Values the reason's words name: `opened` (column of the "["), `char`, `code`, `known`. */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The result of importing a plain text. */
export interface ParsedText {
  /** The text, normalised. */
  readonly text: NegotiatingText;
  /** What was corrected on the way in. */
  readonly warnings: readonly ParseWarning[];
}

/** How to create keys for chapters and provisions that have none in the imported text. */
export interface ParseOptions {
  /** Creates a chapter key; called again if it returns a key the text already uses. */
  readonly newChapterKey?: () => ChapterId;
  /** Creates a provision key; called again if it returns a key the text already uses. */
  readonly newProvisionKey?: () => ProvisionId;
}

/** How to write the plain-text form. */
export interface PrintOptions {
  /** Write the stable keys (default true); without them an import creates new keys. */
  readonly keys?: boolean;
}

const reservedCodes = ['mediators', 'unattributed'];
const codePattern = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Checks a party directory; raises RULE_VIOLATION on a malformed, reserved or repeated code. */
export function assertValidDirectory(parties: PartyDirectory): void {
  const codes = new Set<string>();
  const ids = new Set<string>();
  for (const p of parties) {
    const code = p.code.toLowerCase();
    if (!codePattern.test(p.code) || reservedCodes.includes(code)) {
      throw new DomainError('RULE_VIOLATION', `"${p.code}" cannot be used as a party code`, {
        code: p.code,
      });
    }
    if (codes.has(code) || ids.has(p.id)) {
      throw new DomainError('RULE_VIOLATION', `party code "${p.code}" is given twice`, {
        code: p.code,
      });
    }
    codes.add(code);
    ids.add(p.id);
  }
}

// ---------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------

const statusWords: Record<ProvisionStatus, string> = {
  open: 'open',
  bracketed: 'bracketed',
  agreed_ad_referendum: 'agreed ad referendum',
  agreed: 'agreed',
};

/** The status as written in the plain-text form ("agreed ad referendum"). */
export function statusWord(status: ProvisionStatus): string {
  return statusWords[status];
}

function escapeText(text: string): string {
  return text.replace(/[\\[\]{}]/g, (c) => `\\${c}`);
}

function holderCode(holder: Holder, parties: PartyDirectory): string {
  switch (holder.kind) {
    case 'mediators':
      return 'Mediators';
    case 'unattributed':
      return '?';
    case 'party': {
      const entry = parties.find((p) => p.id === holder.party);
      if (entry === undefined) {
        throw new DomainError('RULE_VIOLATION', 'a party holding a bracket has no code', {
          party: holder.party,
        });
      }
      return entry.code;
    }
  }
}

function attribution(
  holder: Holder,
  note: string | null,
  forParties: boolean | undefined,
  parties: PartyDirectory,
): string {
  if (holder.kind === 'unattributed' && note === null) return '';
  const code = holderCode(holder, parties);
  if (note === null) return `{${code}}`;
  // The space after the colon keeps a note that starts with a colon from reading as the mark.
  return `{${code}${forParties === true ? '::' : ':'} ${escapeText(note)}}`;
}

/**
 * A provision's wording in the plain-text syntax, e.g. `held [within six months]{GOV}`; line
 * breaks are kept as they are (the text printer indents them).
 */
export function printBody(body: readonly Segment[], parties: PartyDirectory): string {
  let out = '';
  let previous: Segment | null = null;
  for (const segment of body) {
    switch (segment.kind) {
      case 'plain': {
        const text = escapeText(segment.text);
        // A slash right after a bracket would read as an alternatives separator.
        out += previous === null ? text : text.replace(/^(\s*)\//, '$1\\/');
        break;
      }
      case 'bracket':
        out += `[${escapeText(segment.text)}]${attribution(segment.holder, segment.note, segment.noteForParties, parties)}`;
        break;
      case 'alternatives':
        out += segment.options
          .map(
            (o, i) =>
              `[Alt ${i + 1}: ${escapeText(o.text)}]${attribution(o.holder, o.note, o.noteForParties, parties)}`,
          )
          .join(' / ');
        break;
    }
    previous = segment;
  }
  return out;
}

/** A provision's first line (number, status and key) and wording, continuation lines indented. */
export function printProvision(
  provision: Provision,
  number: string,
  parties: PartyDirectory,
  options: PrintOptions = {},
): string {
  const meta =
    options.keys === false
      ? statusWord(provision.status)
      : `${statusWord(provision.status)} #${provision.key}`;
  const body = printBody(provision.body, parties).replace(/\n/g, '\n    ');
  return body === '' ? `${number} {${meta}}` : `${number} {${meta}} ${body}`;
}

/** The whole text in the plain-text form described at the top of this file. */
export function printPlainText(
  text: NegotiatingText,
  parties: PartyDirectory,
  options: PrintOptions = {},
): string {
  assertValidDirectory(parties);
  const blocks: string[] = [];
  if (text.title !== '') blocks.push(`Title: ${text.title}`);
  text.chapters.forEach((chapter, chapterIndex) => {
    const title = chapter.title === '' ? '' : ` — ${escapeText(chapter.title)}`;
    const key = options.keys === false ? '' : ` {#${chapter.key}}`;
    blocks.push(`# Chapter ${romanNumeral(chapterIndex + 1)}${title}${key}`);
    chapter.provisions.forEach((provision, index) => {
      blocks.push(
        printProvision(provision, provisionNumber(chapterIndex, index), parties, options),
      );
    });
  });
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/** A problem found at an offset of a provision's joined source. */
class BodyError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: SyntaxReason,
    message: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }

  /** The problem, placed in the source it was found in. */
  problem(source: JoinedSource): ParseProblem {
    return {
      ...source.at(this.offset),
      message: this.message,
      reason: this.reason,
      params: this.params,
    };
  }
}

/** A provision's wording joined from its lines, remembering where each line came from. */
class JoinedSource {
  text = '';
  private readonly pieces: { offset: number; line: number; column: number }[] = [];

  add(content: string, line: number, column: number): void {
    if (this.text !== '') this.text += '\n';
    this.pieces.push({ offset: this.text.length, line, column });
    this.text += content;
  }

  at(offset: number): SourcePosition {
    let found = this.pieces[0] ?? { offset: 0, line: 1, column: 1 };
    for (const piece of this.pieces) if (piece.offset <= offset) found = piece;
    return { line: found.line, column: found.column + (offset - found.offset) };
  }
}

const escapable = '\\[]{}/';

interface Attributed {
  readonly text: string;
  readonly holder: Holder;
  readonly note: string | null;
  readonly noteForParties?: true;
  readonly start: number;
}

/** Parses wording in the bracket syntax into segments; offsets in errors are into `src`. */
class BodyParser {
  private i = 0;
  readonly warnings: { offset: number; message: string }[] = [];

  constructor(
    private readonly src: string,
    private readonly parties: PartyDirectory,
    private readonly place: (offset: number) => SourcePosition = (offset) => ({
      line: 1,
      column: offset + 1,
    }),
  ) {}

  /** The column, as the writer counts it, of an offset (to name where a bracket was opened). */
  private column(offset: number): number {
    return this.place(offset).column;
  }

  parse(): Segment[] {
    const segments: Segment[] = [];
    let plain = '';
    const flush = (): void => {
      if (plain !== '') segments.push({ kind: 'plain', text: plain });
      plain = '';
    };
    while (this.i < this.src.length) {
      const ch = this.src.charAt(this.i);
      if (ch === '\\') {
        plain += this.escaped();
      } else if (ch === '[') {
        flush();
        segments.push(this.group());
      } else if (ch === ']') {
        throw new BodyError(
          this.i,
          'closing_bracket_alone',
          '"]" closes no bracket: add "[" where the bracketed words start, or write \\] for a literal bracket',
        );
      } else if (ch === '{' || ch === '}') {
        throw new BodyError(
          this.i,
          'brace_alone',
          `"${ch}" is not right after a bracket: a holder such as {GOV} goes directly after the closing "]"; write \\${ch} for a literal brace`,
          { char: ch },
        );
      } else {
        plain += ch;
        this.i += 1;
      }
    }
    flush();
    return segments;
  }

  /** Reads a backslash sequence at the cursor and returns the character it stands for. */
  private escaped(): string {
    const next = this.src.charAt(this.i + 1);
    if (next !== '' && escapable.includes(next)) {
      this.i += 2;
      return next;
    }
    this.i += 1;
    return '\\';
  }

  /** A bracket, or several joined by slashes into an alternatives group. */
  private group(): Segment {
    const items = [this.attributedBracket()];
    const separator = /\s*\/\s*\[/y;
    for (;;) {
      separator.lastIndex = this.i;
      const match = separator.exec(this.src);
      if (match === null) break;
      this.i += match[0].length - 1;
      items.push(this.attributedBracket());
    }
    const [first] = items;
    if (items.length === 1 && first !== undefined) {
      if (first.text === '') {
        throw new BodyError(
          first.start,
          'empty_bracket',
          'empty brackets: put the disputed words between "[" and "]", or write \\[\\] for literal brackets',
        );
      }
      return {
        kind: 'bracket',
        text: first.text,
        holder: first.holder,
        note: first.note,
        ...(first.noteForParties ? { noteForParties: true } : {}),
      };
    }
    const options: Alternative[] = items.map((item, index) => {
      const label = /^(?:Alt|Alternative|Option)[ \t]*(\d+)[ \t]*:[ \t]?/i.exec(item.text);
      const mark = item.noteForParties ? { noteForParties: true } : {};
      if (label === null) return { text: item.text, holder: item.holder, note: item.note, ...mark };
      if (Number(label[1]) !== index + 1) {
        this.warnings.push({
          offset: item.start + 1,
          message: `alternative labelled "${label[0].trim()}" is alternative ${index + 1}`,
        });
      }
      return {
        text: item.text.slice(label[0].length),
        holder: item.holder,
        note: item.note,
        ...mark,
      };
    });
    return { kind: 'alternatives', options };
  }

  /** `[wording]` with an optional `{holder: note}` right after it. */
  private attributedBracket(): Attributed {
    const start = this.i;
    this.i += 1;
    let text = '';
    for (;;) {
      if (this.i >= this.src.length) {
        throw new BodyError(
          start,
          'bracket_not_closed',
          'this "[" is never closed: add "]" after the last bracketed word',
        );
      }
      const ch = this.src.charAt(this.i);
      if (ch === '\\') {
        text += this.escaped();
      } else if (ch === ']') {
        this.i += 1;
        break;
      } else if (ch === '[') {
        throw new BodyError(
          this.i,
          'bracket_inside_bracket',
          `a "[" opens inside the bracket opened at column ${this.column(start)}: close that one with "]" first (brackets cannot be nested; write competing wordings as alternatives, [Alt 1: …] / [Alt 2: …])`,
          { opened: this.column(start) },
        );
      } else if (ch === '{') {
        // A holder inside a bracket almost always means the "]" before it was forgotten.
        throw new BodyError(
          this.i,
          'bracket_not_closed_before_brace',
          `the bracket opened at column ${this.column(start)} is not closed: add "]" before "{" (or write \\{ for a literal brace)`,
          { opened: this.column(start) },
        );
      } else if (ch === '}') {
        throw new BodyError(
          this.i,
          'brace_in_bracket',
          '"}" inside a bracket closes nothing: write \\} for a literal brace',
          { char: ch },
        );
      } else {
        text += ch;
        this.i += 1;
      }
    }
    const afterBracket = this.i;
    while (this.src.charAt(this.i) === ' ' || this.src.charAt(this.i) === '\t') this.i += 1;
    if (this.src.charAt(this.i) !== '{') {
      this.i = afterBracket;
      return { text, holder: { kind: 'unattributed' }, note: null, start };
    }
    return { text, ...this.attribution(), start };
  }

  /** `{CODE}`, `{CODE: note}`, `{CODE:: note for the parties}`, `{Mediators}`, `{?: note}` or `{}`. */
  private attribution(): { holder: Holder; note: string | null; noteForParties?: true } {
    const open = this.i;
    this.i += 1;
    let content = '';
    for (;;) {
      if (this.i >= this.src.length) {
        throw new BodyError(
          open,
          'holder_not_closed',
          'the holder after the bracket is never closed: add "}" after the party code (and note)',
        );
      }
      const ch = this.src.charAt(this.i);
      if (ch === '\\') {
        content += this.escaped();
      } else if (ch === '}') {
        this.i += 1;
        break;
      } else if (ch === '{') {
        throw new BodyError(
          this.i,
          'brace_in_holder',
          `the holder opened at column ${this.column(open)} is not closed: add "}" before this "{" (or write \\{ for a literal brace in a note)`,
          { opened: this.column(open) },
        );
      } else {
        content += ch;
        this.i += 1;
      }
    }
    const colon = content.indexOf(':');
    const rawCode = colon < 0 ? content : content.slice(0, colon);
    const marked = colon >= 0 && content.charAt(colon + 1) === ':';
    const note = colon < 0 ? null : normalizeLine(content.slice(colon + (marked ? 2 : 1)));
    const code = rawCode.trim();
    const codeOffset = open + 1 + (rawCode.length - rawCode.trimStart().length);
    const holder = this.holder(code, codeOffset);
    if (note === null || note === '') return { holder, note: null };
    return marked ? { holder, note, noteForParties: true } : { holder, note };
  }

  private holder(code: string, offset: number): Holder {
    const lower = code.toLowerCase();
    if (lower === '' || lower === '?' || lower === 'unattributed') return { kind: 'unattributed' };
    if (lower === 'mediators') return { kind: 'mediators' };
    const party = this.parties.find((p) => p.code.toLowerCase() === lower);
    if (party === undefined) {
      const known = ['Mediators', ...this.parties.map((p) => p.code)].join(', ');
      throw new BodyError(
        offset,
        'unknown_code',
        `unknown party code "${code}" (known: ${known}, or ? for none)`,
        { code, known },
      );
    }
    return { kind: 'party', party: party.id };
  }
}

/**
 * Reads a provision's wording written in the bracket syntax (as typed in an editor); lines are
 * joined as in a full text. Raises INVALID_INPUT naming line and column on a syntax error.
 */
export function parseBody(source: string, parties: PartyDirectory): Segment[] {
  assertValidDirectory(parties);
  const joined = new JoinedSource();
  source.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.replace(/[ \t]+$/, '');
    const content = line.replace(/^[ \t]+/, '');
    if (content !== '') joined.add(content, index + 1, line.length - content.length + 1);
  });
  try {
    return normalizeBody(new BodyParser(joined.text, parties, (o) => joined.at(o)).parse());
  } catch (error) {
    if (error instanceof BodyError) throw importError([error.problem(joined)]);
    throw error;
  }
}

function importError(problems: readonly ParseProblem[]): DomainError {
  const [first] = problems;
  if (first === undefined) return new DomainError('INVALID_INPUT', 'the text cannot be read');
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
  return new DomainError(
    'INVALID_INPUT',
    `line ${first.line}, column ${first.column}: ${first.message}${more}`,
    { line: first.line, column: first.column, problems },
  );
}

const statusNames: Record<string, ProvisionStatus> = {
  open: 'open',
  bracketed: 'bracketed',
  agreed: 'agreed',
  'agreed ad referendum': 'agreed_ad_referendum',
  'ad referendum': 'agreed_ad_referendum',
  'agreed ad ref': 'agreed_ad_referendum',
  'agreed ad ref.': 'agreed_ad_referendum',
  'ad ref': 'agreed_ad_referendum',
  'ad ref.': 'agreed_ad_referendum',
  agreed_ad_referendum: 'agreed_ad_referendum',
};

interface DraftProvision {
  readonly line: number;
  readonly written: string;
  readonly status: ProvisionStatus | null;
  readonly statusAt: SourcePosition;
  readonly key: string | null;
  readonly keyAt: SourcePosition;
  readonly source: JoinedSource;
  /** The first line had a problem already reported; the wording is absorbed but not read. */
  readonly broken: boolean;
}

interface DraftChapter {
  readonly line: number;
  readonly written: number | null;
  readonly title: string;
  readonly key: string | null;
  readonly provisions: DraftProvision[];
}

const headingPattern = /^#+[ \t]*(.*)$/;
const bareHeadingPattern = /^(?:Chapter|CHAPTER)[ \t]+(?:[IVXLCDM]+|\d+)(?![\p{L}\p{N}])/u;
const chapterNumberPattern =
  /^(?:Chapter|CHAPTER|chapter)[ \t]+([IVXLCDM]+|\d+)(?![\p{L}\p{N}])\.?/u;
const provisionPattern = /^(\d+)\.(\d+)\.?(?=[ \t]|$)/;

/** Reads the plain-text form (see the top of this file). Raises INVALID_INPUT listing every problem. */
export function parsePlainText(
  source: string,
  parties: PartyDirectory,
  options: ParseOptions = {},
): ParsedText {
  assertValidDirectory(parties);
  const problems: ParseProblem[] = [];
  const warnings: ParseWarning[] = [];
  const chapters: DraftChapter[] = [];
  let title: string | null = null;
  let current: DraftProvision | null = null;

  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (const [index, raw] of lines.entries()) {
    const lineNo = index + 1;
    const line = raw.replace(/[ \t]+$/, '');
    if (line === '') continue;
    const indent = line.length - line.replace(/^[ \t]+/, '').length;
    if (indent === 0) {
      if (title === null && chapters.length === 0 && /^title:/i.test(line)) {
        title = normalizeLine(line.slice('title:'.length));
        continue;
      }
      const heading = headingPattern.exec(line);
      if (heading !== null || bareHeadingPattern.test(line)) {
        current = null;
        const chapter = readHeading(
          heading?.[1] ?? line,
          lineNo,
          line.length - (heading?.[1] ?? line).length + 1,
          problems,
        );
        chapters.push(chapter);
        continue;
      }
      const number = provisionPattern.exec(line);
      if (number !== null) {
        const chapter = chapters[chapters.length - 1];
        if (chapter === undefined) {
          current = null;
          problems.push({
            line: lineNo,
            column: 1,
            message:
              'provision before the first chapter heading; add a line such as "# Chapter I — Title" above it',
          });
          continue;
        }
        current = readProvisionHeader(line, number[0], lineNo, problems);
        chapter.provisions.push(current);
        continue;
      }
    }
    if (current !== null) {
      current.source.add(line.slice(indent), lineNo, indent + 1);
      continue;
    }
    if (title === null && chapters.length === 0) {
      title = normalizeLine(line);
      continue;
    }
    problems.push({
      line: lineNo,
      column: indent + 1,
      message:
        'text outside a provision; start a provision with its number (e.g. "1.1") or a chapter with "#"',
    });
  }

  const text = assemble({ chapters, title: title ?? '', parties, options, problems, warnings });
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    throw importError(problems);
  }
  return { text, warnings };
}

function readHeading(
  rest: string,
  line: number,
  column: number,
  problems: ParseProblem[],
): DraftChapter {
  let written: number | null = null;
  let titleSource = rest;
  let titleColumn = column;
  const number = chapterNumberPattern.exec(rest);
  if (number !== null) {
    const numeral = number[1] ?? '';
    written = /^\d+$/.test(numeral) ? Number(numeral) : parseRomanNumeral(numeral);
    const after = rest.slice(number[0].length);
    const separator = /^[ \t]*(?:[—–:.-][ \t]*)?/.exec(after)?.[0] ?? '';
    titleSource = after.slice(separator.length);
    titleColumn = column + number[0].length + separator.length;
  }
  let title = '';
  let key: string | null = null;
  for (let i = 0; i < titleSource.length; i += 1) {
    const ch = titleSource.charAt(i);
    const next = titleSource.charAt(i + 1);
    if (ch === '\\') {
      if (next !== '' && escapable.includes(next)) {
        title += next;
        i += 1;
      } else {
        title += ch;
      }
    } else if (ch === '{') {
      const meta = /^\{[ \t]*#([^\s{}]*)[ \t]*\}$/.exec(titleSource.slice(i));
      if (meta === null || !keyPattern.test(meta[1] ?? '')) {
        problems.push({
          line,
          column: titleColumn + i,
          message:
            'a chapter heading may end with its key as {#key} (letters, digits, - and _); write \\{ for a literal brace',
        });
      } else {
        key = meta[1] ?? null;
      }
      break;
    } else {
      title += ch;
    }
  }
  return { line, written, title: normalizeLine(title), key, provisions: [] };
}

function readProvisionHeader(
  line: string,
  numberText: string,
  lineNo: number,
  problems: ParseProblem[],
): DraftProvision {
  let rest = line.slice(numberText.length);
  let column = numberText.length + 1;
  const gap = /^[ \t]*/.exec(rest)?.[0] ?? '';
  rest = rest.slice(gap.length);
  column += gap.length;
  let status: ProvisionStatus | null = null;
  let key: string | null = null;
  const statusAt = { line: lineNo, column };
  let keyAt = statusAt;
  const broken = (): DraftProvision => {
    const source = new JoinedSource();
    source.add('', lineNo, column);
    return {
      line: lineNo,
      written: numberText.replace(/\.$/, ''),
      status,
      statusAt,
      key,
      keyAt,
      source,
      broken: true,
    };
  };
  if (rest.startsWith('{')) {
    const close = rest.indexOf('}');
    if (close < 0) {
      problems.push({ line: lineNo, column, message: 'the status "{" is never closed with "}"' });
      return broken();
    }
    const words: string[] = [];
    let offset = 1;
    for (const token of rest.slice(1, close).split(/([ \t]+)/)) {
      if (token.startsWith('#')) {
        keyAt = { line: lineNo, column: column + offset };
        if (!keyPattern.test(token.slice(1))) {
          problems.push({
            ...keyAt,
            message: `"${token}" is not a key (letters, digits, - and _)`,
          });
          return broken();
        }
        key = token.slice(1);
      } else if (token.trim() !== '') {
        words.push(token.toLowerCase());
      }
      offset += token.length;
    }
    if (words.length > 0) {
      const name = words.join(' ');
      const known = statusNames[name];
      if (known === undefined) {
        problems.push({
          line: lineNo,
          column: column + 1,
          message: `unknown status "${name}" (open, bracketed, agreed ad referendum, agreed)`,
        });
        return broken();
      }
      status = known;
    }
    const after = rest.slice(close + 1);
    const space = /^[ \t]*/.exec(after)?.[0] ?? '';
    column += close + 1 + space.length;
    rest = after.slice(space.length);
  }
  const source = new JoinedSource();
  source.add(rest, lineNo, column);
  return {
    line: lineNo,
    written: numberText.replace(/\.$/, ''),
    status,
    statusAt,
    key,
    keyAt,
    source,
    broken: false,
  };
}

interface AssembleInput {
  readonly chapters: readonly DraftChapter[];
  readonly title: string;
  readonly parties: PartyDirectory;
  readonly options: ParseOptions;
  readonly problems: ParseProblem[];
  readonly warnings: ParseWarning[];
}

function assemble(input: AssembleInput): NegotiatingText {
  const { problems, warnings } = input;
  const usedChapterKeys = new Set<string>();
  const usedProvisionKeys = new Set<string>();
  for (const chapter of input.chapters) {
    if (chapter.key === null) continue;
    if (usedChapterKeys.has(chapter.key)) {
      problems.push({
        line: chapter.line,
        column: 1,
        message: `chapter key #${chapter.key} is used twice`,
      });
    }
    usedChapterKeys.add(chapter.key);
  }
  for (const provision of input.chapters.flatMap((c) => c.provisions)) {
    if (provision.key === null) continue;
    if (usedProvisionKeys.has(provision.key)) {
      problems.push({
        ...provision.keyAt,
        message: `provision key #${provision.key} is used twice`,
      });
    }
    usedProvisionKeys.add(provision.key);
  }
  const chapterKey = keyMaker<'Chapter'>(usedChapterKeys, input.options.newChapterKey, 'ch-');
  const provisionKey = keyMaker<'Provision'>(
    usedProvisionKeys,
    input.options.newProvisionKey,
    'p-',
  );

  const chapters: Chapter[] = input.chapters.map((draft, chapterIndex) => {
    if (draft.written !== null && draft.written !== chapterIndex + 1) {
      warnings.push({
        line: draft.line,
        column: 1,
        message: `chapter written as ${draft.written} is chapter ${romanNumeral(chapterIndex + 1)} by its place`,
      });
    }
    const provisions: Provision[] = [];
    draft.provisions.forEach((p, index) => {
      const number = provisionNumber(chapterIndex, index);
      if (p.written !== number) {
        warnings.push({
          line: p.line,
          column: 1,
          message: `provision written as ${p.written} is provision ${number} by its place`,
        });
      }
      const provision = readProvision(p, number, input.parties, provisionKey, problems, warnings);
      if (provision !== null) provisions.push(provision);
    });
    return {
      key: draft.key === null ? chapterKey() : asId<'Chapter'>(draft.key),
      title: draft.title,
      provisions,
    };
  });
  return { title: input.title, chapters };
}

function keyMaker<K extends string>(
  used: Set<string>,
  make: (() => string) | undefined,
  prefix: string,
): () => Id<K> {
  let counter = 0;
  return () => {
    for (let attempt = 0; attempt < 10_000; attempt += 1) {
      counter += 1;
      const key = make === undefined ? `${prefix}${counter}` : make();
      if (!used.has(key) && keyPattern.test(key)) {
        used.add(key);
        return asId<K>(key);
      }
    }
    throw new DomainError('RULE_VIOLATION', 'could not create an unused key');
  };
}

function readProvision(
  draft: DraftProvision,
  number: string,
  parties: PartyDirectory,
  newKey: () => ProvisionId,
  problems: ParseProblem[],
  warnings: ParseWarning[],
): Provision | null {
  if (draft.broken) return null;
  const parser = new BodyParser(draft.source.text, parties, (o) => draft.source.at(o));
  let body: Segment[];
  try {
    body = normalizeBody(parser.parse());
  } catch (error) {
    if (error instanceof BodyError) {
      problems.push(error.problem(draft.source));
      return null;
    }
    throw error;
  }
  for (const w of parser.warnings)
    warnings.push({ ...draft.source.at(w.offset), message: w.message });
  const derived = derivedStatus(body);
  let status: ProvisionStatus = draft.status ?? derived;
  if ((status === 'agreed' || status === 'agreed_ad_referendum') && derived === 'bracketed') {
    problems.push({
      ...draft.statusAt,
      message: `provision ${number} is marked ${statusWord(status)} but still has brackets; resolve them or mark it bracketed`,
    });
    return null;
  }
  if ((status === 'open' || status === 'bracketed') && status !== derived) {
    warnings.push({
      ...draft.statusAt,
      message: `provision ${number} is marked ${status} but ${derived === 'bracketed' ? 'has brackets' : 'has none'}: now ${derived}`,
    });
    status = derived;
  }
  return {
    key: draft.key === null ? newKey() : asId<'Provision'>(draft.key),
    status,
    body,
  };
}
