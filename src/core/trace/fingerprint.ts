/**
 * LEAK TRACING: PER-COPY FINGERPRINTS IN THE SPACES OF A TEXT
 *
 * Every copy of a negotiating text that Parley issues (DOCX, PDF, plain text) has its own copy id,
 * recorded in the audit log with its recipient. This module hides that id in the text itself, in
 * a way that survives copy-paste, and reads it back from a leaked text (the whole file or a pasted
 * passage), naming the copy it came from with the chance of being wrong.
 *
 * 1. Where the marks are
 *
 *    A mark sits in a gap between two words: an ordinary space (U+0020) or a no-break space
 *    (U+00A0). The two look the same on screen and on paper and are one character each, so the
 *    text keeps its length and every word, letter and punctuation mark. Every such gap is marked,
 *    except:
 *      - gaps next to a "word" with no letter or digit ("—", "/", "§");
 *      - gaps of Parley's plain-text syntax, which an import reads: inside braces (statuses, keys,
 *        party codes, notes: `{agreed #p-3}`, `{OPP: pending}`), next to a word containing a
 *        brace, after "Title:", between "Chapter" and its numeral, inside and after the labels
 *        "[Alt 1:", "Option 2:", and after a provision number ("2.3");
 *      - the same places as DOCX and PDF print them (a closing bracket glued to a raised party
 *        code, `months]GOV`; the status marks "(agreed)", "(agreed ad ref.)", "(bracketed)",
 *        "(open)"), so that every format of a copy has the same markable gaps.
 *    So a marked plain-text export imports back as exactly the unmarked text (property-tested).
 *    Gaps of two or more characters, tabs, line breaks and other spaces (U+202F, U+2009 …) are
 *    never marks and are left alone. A no-break space already at a markable gap is treated as a
 *    space and set by the copy's mark: a re-imported marked copy carries none of its old marks into
 *    later versions, but a deliberate no-break space (e.g. "Article 5") may become a space — use
 *    U+202F NARROW NO-BREAK SPACE where a line must never break.
 *
 * 2. How each copy chooses its marks
 *
 *    A keyed pseudo-random function PRF (on the server HMAC-SHA256, with a secret kept in its data
 *    directory) gives
 *      - each copy a 256-bit copy code      C = PRF(key, "parley-trace/v1\ncopy\n" + copyId);
 *      - each gap a 256-bit context code    X = PRF(key, "parley-trace/v1\ncontext\n" + L + "\n" + R),
 *    where L and R are the words before and after the gap, normalised (`wordKey`: letters and
 *    digits only, lower case, accents removed, ø → o, ß → ss, so "[Comisión," and "comision" are
 *    the same word). The copy's mark at the gap is the parity of the bits C and X share (the number
 *    of 1-bits of C AND X): odd → no-break space, even → space. About half the gaps of a copy carry
 *    a no-break space.
 *      - The choice depends only on the two words around the gap, never on its position: a
 *        passage pasted on its own, or a text with words inserted or deleted elsewhere, carries the
 *        same marks at the same places. A gap whose neighbouring words change loses its mark.
 *      - The same two words in a row get the same mark wherever they repeat ("of the"); the
 *        tracer counts each distinct pair of words once, so repeats give no false weight.
 *      - For two different copies, the marks at a gap agree with probability exactly 1/2, and
 *        independently from gap to gap: the context codes are independent, and the parity of
 *        X AND (C1 XOR C2) is a fair coin for any non-zero C1 XOR C2. Without the key nobody can
 *        tell which marks another copy has, so nobody can make a text point at someone else.
 *
 * 3. How a leak is traced (`traceText` in `trace.ts`)
 *
 *    The tracer reads the leaked text's markable gaps (one space → 0, one no-break space → 1;
 *    anything else — a line break, two spaces — is not read), counts each distinct pair of words
 *    once (a pair read both ways counts as a no-break space: a clean-up turns no-break spaces into
 *    spaces, never the reverse), and compares these n marks with every candidate copy's. For each
 *    candidate it reports:
 *      - the score: the fraction of the n marks that agree with that copy;
 *      - the chance: the probability that a copy which is NOT the source agrees at least that well,
 *        P(X ≥ agreeing) for X ~ Binomial(n, 1/2), also as a log10 (whole documents give figures
 *        like 10^-200 that a double cannot hold);
 *      - the best stretch: the contiguous part of the text where the copy agrees best (+1 per
 *        agreeing mark, -3 per disagreeing one), with an upper bound on its chance
 *        (n × 1.839^-score), which finds one copy's paragraph inside other text;
 *      - the chance among candidates: the smaller of the two, times twice the number of candidates
 *        (a union bound over every candidate and both tests) — the probability that ANY candidate
 *        that is not the source would look this good;
 *      - unexplained: no-break spaces read where this copy has a space.
 *    Verdicts, in this order:
 *      - `insufficient`: fewer marks than even a perfect match needs to reach the threshold
 *        (27 for 50 candidates, at least 24): say so rather than guess;
 *      - `no-fingerprint`: not one no-break space among the marks (a retyped text, spaces
 *        normalised, or text copied out of a PDF read as text) — never an accusation;
 *      - `ambiguous`: no single copy is named because two or more candidates have a chance
 *        among candidates below 10^-3; or the best one reaches 10^-6 but another candidate
 *        matches the part outside the best one's stretch below 10^-3 (tested over the other
 *        candidates only: the best copy's stretch does not depend on their marks); or at least 4
 *        no-break spaces, and at least a tenth of them, cannot come from the best copy (a text
 *        put together from two copies, one of them too short to name);
 *      - `identified`: exactly one candidate with a chance among candidates below 10^-6, and
 *        nothing of the above;
 *      - `inconclusive`: marks are there but no candidate stands out (the copy is not among the
 *        candidates, the key is another, or the text was heavily edited);
 *      - `no-fingerprint` again when, moreover, the no-break spaces are far too few for a marked
 *        copy (P < 10^-3 under Binomial(n, 1/2)).
 *
 *    Measured on the tests' corpus (`test-support/corpus.ts`: 821 words of invented provisions in
 *    English, Spanish and Norwegian with bracket syntax), 50 candidate copies, 1,000 random
 *    passages cut at word boundaries per length:
 *      passage of 25 words → insufficient every time (about 22 marks);
 *      30 words → identified 69 %, otherwise insufficient;  40 words → identified 92 %,
 *      insufficient 7 %, inconclusive 0.5 %;  50 or 60 words → identified 100 %;
 *      three whole sentences (53 words on average; all 2,200 such passages) → identified 100 %;
 *      no false identification in those 8,000 passages of 15 to 60 words, and no spurious
 *      `ambiguous` (no other candidate below 10^-3) in 5,000 more of 30 to 90 words;
 *      two copies' passages pasted together: 2 × 40 words → ambiguous 95 %, inconclusive 5 %,
 *      one of the two named alone 0.2 %; 2 × 60 words → ambiguous 100 %.
 *
 * 4. What destroys the marks — said plainly
 *
 *    The no-break space is a character like any other, so the marks survive what keeps characters:
 *    copy-paste between Word, LibreOffice, text editors and most e-mail programs, saving as DOCX or
 *    text, re-importing a plain-text export. They do NOT survive:
 *      - retyping, OCR of a printout, or any tool that turns every no-break space into a space
 *        (some e-mail programs in plain-text mode, web forms, chat tools, a "replace all"): the
 *        tracer then says `no-fingerprint`;
 *      - PDF text extraction. Checked with PDFKit and pdf.js/poppler: with the standard fonts the
 *        PDF keeps the two characters apart but extraction reads code 0xA0 as a space (the PDF
 *        specification names it "space"); with embedded fonts the two characters share one glyph
 *        in the PDF itself. What a PDF keeps is where its lines break: Parley's PDF export breaks
 *        lines only at ordinary spaces, so each line end between two words shows that the copy
 *        had an ordinary space there. Tracing text copied out of a PDF (`source: 'pdf'`) reads
 *        only those line ends (a line end before a provision number ends a paragraph and is not
 *        read): about one mark per line, so it takes two or three pages, not a paragraph
 *        (measured on Parley's own PDF: three pages identified at 4e-9, one page insufficient);
 *      - someone who knows the scheme. A no-break space is easy to find and replace: this is a
 *        tripwire for careless leaks, not a defence against a determined leaker. Two recipients
 *        comparing their copies will see that the spaces differ (without the key they cannot tell
 *        what another copy's marks are).
 *
 * 5. What else a reader might notice
 *
 *    Glyphs and their positions on a line are identical, but a no-break space does not break, so
 *    word processors and Parley's PDF export may wrap lines at different words in different copies.
 *    Word shows a no-break space as a small circle when formatting marks are displayed, and keeps
 *    it at a fixed width in justified paragraphs (Parley's DOCX sets provisions flush left).
 *
 * 6. Keeping the key
 *
 *    Marks can be traced only with the key that made them, and anyone holding it can strip or
 *    forge them: keep it secret in the data directory, and never rotate it without keeping the old
 *    key for the copies issued under it.
 *
 * 7. What an export must do
 *
 *    Mark every paragraph a reader sees, whole, with the words around each gap as printed: either
 *    `fingerprintNegotiatingText` on the text before rendering (one call; the plain-text form of
 *    its result is the marked plain-text export), or, in a renderer, `fingerprintSegments` on a
 *    paragraph's runs (wording, brackets, labels, raised party codes, status mark) and
 *    `fingerprintText` on each title and note. Do not mark the plain-text export's frame lines
 *    (the BEGIN/END TEXT markers are read back), and do not insert or remove any character.
 *
 * Pure: the PRF comes in as a port (`Prf`); no clock, no randomness, no I/O.
 */
import { DomainError } from '../shared/errors.js';
import { findSites, noBreakSpace, space } from './sites.js';

/**
 * A keyed pseudo-random function: the same key and message always give the same bytes, and
 * without the key its output cannot be told from random. The server passes HMAC-SHA256; at least
 * 16 bytes are needed, 32 are used.
 */
export type Prf = (key: string, message: string) => Uint8Array;

/** The secret marks are made and traced with: the key and the function that uses it. */
export interface FingerprintKey {
  /** The secret key, kept by the server; the same key must trace what it marked. */
  readonly key: string;
  /** The keyed function (HMAC-SHA256 on the server). */
  readonly prf: Prf;
}

/** A copy's or a context's code: up to 256 bits, as 32-bit words. */
export type MarkCode = Uint32Array;

const scheme = 'parley-trace/v1';

function code(secret: FingerprintKey, message: string): MarkCode {
  const bytes = secret.prf(secret.key, message);
  const words = Math.min(8, Math.floor(bytes.length / 4));
  if (words < 4) {
    throw new DomainError('INVALID_INPUT', 'the fingerprint PRF must return at least 16 bytes');
  }
  const out = new Uint32Array(words);
  for (let w = 0; w < words; w += 1) {
    const b = (i: number): number => bytes[4 * w + i] ?? 0;
    out[w] = (b(0) | (b(1) << 8) | (b(2) << 16) | (b(3) << 24)) >>> 0;
  }
  return out;
}

/** The code of one issued copy, from its copy id. */
export function copyCode(copyId: string, secret: FingerprintKey): MarkCode {
  return code(secret, `${scheme}\ncopy\n${copyId}`);
}

/** The code of a gap, from the normalised words before and after it (see `wordKey`). */
export function contextCode(left: string, right: string, secret: FingerprintKey): MarkCode {
  return code(secret, `${scheme}\ncontext\n${left}\n${right}`);
}

/** The mark a copy puts at a gap: 1 for a no-break space, 0 for a space. */
export function markBit(context: MarkCode, copy: MarkCode): 0 | 1 {
  let x = 0;
  const words = Math.min(context.length, copy.length);
  for (let w = 0; w < words; w += 1) x ^= (context[w] ?? 0) & (copy[w] ?? 0);
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return (x & 1) === 1 ? 1 : 0;
}

/**
 * Context codes computed once per pair of words and reused: a text repeats "of the" many times,
 * and the tracer asks for the same pairs once per candidate.
 */
export class ContextCodes {
  private readonly codes = new Map<string, MarkCode>();

  /** Makes a cache for one key. */
  constructor(private readonly secret: FingerprintKey) {}

  /** The code of the gap between these normalised words. */
  get(left: string, right: string): MarkCode {
    const id = `${left}\n${right}`;
    let found = this.codes.get(id);
    if (found === undefined) {
      found = contextCode(left, right, this.secret);
      this.codes.set(id, found);
    }
    return found;
  }
}

/**
 * Marks a paragraph given as consecutive runs of text (as a renderer sets it: wording, brackets,
 * labels, a raised party code), reading the words around each gap across runs as in the whole
 * paragraph. Returns the runs marked, each the same length as given; only spaces and no-break
 * spaces at markable gaps change.
 */
export function fingerprintSegments(
  segments: readonly string[],
  copyId: string,
  secret: FingerprintKey,
): string[] {
  const whole = segments.join('');
  const sites = findSites(whole).filter(
    (s) => s.length === 1 && (s.kind === 'space' || s.kind === 'no-break'),
  );
  if (sites.length === 0) return [...segments];
  const copy = copyCode(copyId, secret);
  const contexts = new ContextCodes(secret);
  const chars = whole.split('');
  for (const site of sites) {
    chars[site.at] =
      markBit(contexts.get(site.left, site.right), copy) === 1 ? noBreakSpace : space;
  }
  const marked = chars.join('');
  const out: string[] = [];
  let offset = 0;
  for (const segment of segments) {
    out.push(marked.slice(offset, offset + segment.length));
    offset += segment.length;
  }
  return out;
}

/**
 * Marks a text for one issued copy: the same text, the same length, with a space or a no-break
 * space at each markable gap as the copy's code decides. Call it on whole paragraphs (or on a
 * whole plain-text export), so that the words around every gap are the ones a reader sees.
 */
export function fingerprintText(text: string, copyId: string, secret: FingerprintKey): string {
  return fingerprintSegments([text], copyId, secret).join('');
}
