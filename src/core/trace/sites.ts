/**
 * Where a fingerprint mark can sit: the gaps between two words of a text, each named by the two
 * words around it (its context). The fingerprinter and the tracer both read a text through
 * `findSites`, so a gap is a site for one exactly when it is a site for the other, whatever the
 * text's format (a DOCX paragraph, a PDF line, the plain-text form with its bracket syntax).
 * See `fingerprint.ts` for the scheme as a whole.
 */

/** How a gap between two words reads. */
export type GapKind =
  /** Exactly one U+0020 SPACE. */
  | 'space'
  /** Exactly one U+00A0 NO-BREAK SPACE. */
  | 'no-break'
  /** One line break, possibly with spaces or tabs around it, not before a provision number. */
  | 'line-break'
  /** Anything else: several spaces, a tab, a narrow no-break space, a blank line … */
  | 'other';

/** A gap between two words that can carry a mark. */
export interface Site {
  /** Offset (UTF-16 code units) of the gap's first character in the text. */
  readonly at: number;
  /** The gap's length in code units. */
  readonly length: number;
  /** How the gap reads. */
  readonly kind: GapKind;
  /** The word before the gap, normalised by `wordKey`. */
  readonly left: string;
  /** The word after the gap, normalised by `wordKey`. */
  readonly right: string;
}

/** U+0020 SPACE. */
export const space = ' ';
/** U+00A0 NO-BREAK SPACE: the mark. */
export const noBreakSpace = '\u00a0';

// Letters that neither NFKD nor a keyboard without them keeps apart from a plain letter: folding
// them makes a context survive transliteration (the PDF's standard fonts turn ł into l) and
// retyping on another keyboard.
const folds: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ı: 'i',
  ŀ: 'l',
  ŋ: 'n',
  ſ: 's',
};

const letterOrDigit = /^[\p{L}\p{N}]$/u;

/**
 * A word as a context key: compatibility-decomposed (ligatures and superscripts become plain
 * letters), accents removed, lower-cased, a few letters folded (ø → o, ß → ss), and everything
 * but letters and digits dropped, so `[Derechos,` and `derechos` give the same key and ñ, ø, å
 * survive being typed as n, o, a. Empty for a token without letters or digits ("—", "/", "§").
 */
export function wordKey(token: string): string {
  const plain = token
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  let out = '';
  for (const char of plain) {
    if (letterOrDigit.test(char)) out += folds[char] ?? char;
  }
  return out;
}

/** True for a character that separates words; U+FEFF (a byte-order mark) is not one here. */
function isGapChar(char: string): boolean {
  return char !== '\ufeff' && /^\s$/u.test(char);
}

function gapKind(gap: string): GapKind {
  if (gap === space) return 'space';
  if (gap === noBreakSpace) return 'no-break';
  if (/^[ \t]*(?:\r\n|\r|\n)[ \t]*$/.test(gap)) return 'line-break';
  return 'other';
}

// Parley's plain-text syntax, which a mark must never touch (an import reads these gaps):
// "Title: …", "Chapter IV", the alternative labels "[Alt 1: …", and anything in braces; and the
// same places as DOCX and PDF show them, so that every format has the same markable gaps.
// The label may follow another bracket directly: `]{GOV}[Alt 2: …`.
const labelWord = /(?:^|\[)(?:alt|alternative|option)$/i;
const labelNumber = /^\d+:?$/;
const labelNumberWithColon = /^\d+:$/;
const attributed = /\][\p{L}\p{N}]/u;
// The status mark DOCX and PDF print after a provision's wording: "(agreed)", "(agreed ad ref.)".
const statusMark = /^\((?:agreed|bracketed|open)\)[.,;]?$|^\(agreed$|^ref\.\)[.,;]?$/i;
// A provision number ("2.3"): the gap after it is a tab in DOCX and PDF, and a line break before
// it ends a paragraph rather than wrapping a line.
const provisionNumber = /^\d+(?:\.\d+)+\.?$/;
const chapterNumeral = /^(?:[ivxlcdm]+|\d+)[.:]?$/i;

interface Token {
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  readonly key: string;
}

/** True when a gap between these tokens belongs to the plain-text syntax rather than wording. */
function isSyntaxGap(before: Token | undefined, left: Token, right: Token): boolean {
  if (/[{}]/.test(left.raw) || /[{}]/.test(right.raw)) return true;
  // A closing bracket glued to a raised party code or note number, as DOCX and PDF show it
  // ("months]GOV"): the plain-text form writes an attribution in braces there.
  if (attributed.test(left.raw) || attributed.test(right.raw)) return true;
  if (statusMark.test(left.raw) || statusMark.test(right.raw)) return true;
  if (provisionNumber.test(left.raw)) return true;
  if (/^title:$/i.test(left.raw)) return true;
  if (/^chapter$/i.test(left.raw) && chapterNumeral.test(right.raw)) return true;
  if (labelWord.test(left.raw) && labelNumber.test(right.raw)) return true;
  return labelNumberWithColon.test(left.raw) && before !== undefined && labelWord.test(before.raw);
}

/**
 * True when the first unescaped brace of the line starting at `from` closes: the line then starts
 * inside braces (a fragment pasted from the middle of a note, or a note wrapped by an e-mail
 * program). Braces never span lines in Parley's plain-text form, so each line is read on its own.
 */
function lineStartsInsideBraces(text: string, from: number): boolean {
  for (let i = from; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === '\\') i += 1;
    else if (char === '{' || char === '\n' || char === '\r') return false;
    else if (char === '}') return true;
  }
  return false;
}

/**
 * Every gap of the text that can carry a mark, in order: the whitespace between two words that
 * both contain a letter or a digit, outside the plain-text syntax and its printed forms (braces,
 * "Title:", "Chapter IV", "Alt 1:", provision numbers, `]GOV`, "(agreed)": see `fingerprint.ts`).
 * Gaps of every kind are returned; which kinds count is up to the caller (the fingerprinter marks
 * single spaces and no-break spaces only).
 */
export function findSites(text: string): Site[] {
  const tokens: Token[] = [];
  const insideBefore: boolean[] = [];
  const insideAfter: boolean[] = [];
  let inside = false;
  let lineStart = true;
  let i = 0;
  while (i < text.length) {
    const gapChar = text.charAt(i);
    if (isGapChar(gapChar)) {
      if (gapChar === '\n' || gapChar === '\r') lineStart = true;
      i += 1;
      continue;
    }
    if (lineStart) {
      inside = lineStartsInsideBraces(text, i);
      lineStart = false;
    }
    const start = i;
    insideBefore.push(inside);
    while (i < text.length && !isGapChar(text.charAt(i))) {
      const char = text.charAt(i);
      if (char === '\\' && i + 1 < text.length && !isGapChar(text.charAt(i + 1))) i += 1;
      else if (char === '{') inside = true;
      else if (char === '}') inside = false;
      i += 1;
    }
    const raw = text.slice(start, i);
    tokens.push({ start, end: i, raw, key: wordKey(raw) });
    insideAfter.push(inside);
  }
  const sites: Site[] = [];
  for (let t = 1; t < tokens.length; t += 1) {
    const left = tokens[t - 1];
    const right = tokens[t];
    if (left === undefined || right === undefined) continue;
    // A gap inside braces, on either side of a line break.
    if (insideAfter[t - 1] === true || insideBefore[t] === true) continue;
    if (left.key === '' || right.key === '') continue;
    if (isSyntaxGap(tokens[t - 2], left, right)) continue;
    const gap = text.slice(left.end, right.start);
    const kind = gapKind(gap);
    sites.push({
      at: left.end,
      length: gap.length,
      kind: kind === 'line-break' && provisionNumber.test(right.raw) ? 'other' : kind,
      left: left.key,
      right: right.key,
    });
  }
  return sites;
}
