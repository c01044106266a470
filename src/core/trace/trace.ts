/**
 * Reading the marks back out of a leaked text and naming the copy they came from. The scheme, the
 * figures and the verdicts are explained at the top of `fingerprint.ts`.
 */
import { DomainError } from '../shared/errors.js';
import { ContextCodes, copyCode, markBit, type FingerprintKey } from './fingerprint.js';
import { findSites } from './sites.js';
import {
  bestStretch,
  binomialLowerTailLog10,
  binomialTailLog10,
  stretchChanceLog10,
} from './stats.js';

/**
 * Where the leaked text was copied from. `text`: a text file, a word processor, an e-mail — marks
 * are read from spaces. `pdf`: text extracted from a PDF, where every no-break space reads as a
 * space; marks are read from line ends instead (Parley's PDF never breaks a line at a no-break
 * space), and from any no-break space that did survive.
 */
export type TraceSource = 'text' | 'pdf';

/** How to read a leaked text. */
export interface ExtractOptions {
  /** Where the text was copied from (default `text`). */
  readonly source?: TraceSource;
}

/** One mark read from a leaked text: a distinct pair of words and the gap between them. */
export interface ObservedMark {
  /** The word before the gap, normalised. */
  readonly left: string;
  /** The word after the gap, normalised. */
  readonly right: string;
  /** 1 for a no-break space, 0 for a space (or, in a PDF, a line end). */
  readonly bit: 0 | 1;
  /** Offset of the gap where the pair first occurs in the leaked text. */
  readonly at: number;
  /** Length of that gap. */
  readonly length: number;
  /** How many times the pair occurs with this reading. */
  readonly occurrences: number;
}

/** The marks of a leaked text. */
export interface ExtractedMarks {
  /** Each distinct pair of words read once, in order of first occurrence. */
  readonly marks: readonly ObservedMark[];
  /** How many of the marks read as a no-break space. */
  readonly noBreakSpaces: number;
  /** Pairs of words read as a space in one place and a no-break space in another (read as the latter). */
  readonly conflicting: number;
  /** Markable gaps that could not be read (line breaks, double spaces …). */
  readonly unreadable: number;
}

/**
 * Reads the marks of a text: every markable gap that reads as a mark (see `TraceSource`), one mark
 * per distinct pair of words (the same pair always carries the same mark in a copy); a pair read
 * both ways counts as a no-break space. Needs no key.
 */
export function extractMarks(text: string, options: ExtractOptions = {}): ExtractedMarks {
  const source = options.source ?? 'text';
  const byPair = new Map<
    string,
    {
      left: string;
      right: string;
      bit: 0 | 1;
      at: number;
      length: number;
      n: number;
      both: boolean;
    }
  >();
  let unreadable = 0;
  for (const site of findSites(text)) {
    let bit: 0 | 1 | null = null;
    if (site.kind === 'no-break') bit = 1;
    else if (source === 'text' && site.kind === 'space') bit = 0;
    else if (source === 'pdf' && site.kind === 'line-break') bit = 0;
    if (bit === null) {
      unreadable += 1;
      continue;
    }
    const id = `${site.left}\n${site.right}`;
    const seen = byPair.get(id);
    if (seen === undefined) {
      byPair.set(id, {
        left: site.left,
        right: site.right,
        bit,
        at: site.at,
        length: site.length,
        n: 1,
        both: false,
      });
    } else {
      seen.n += 1;
      if (seen.bit !== bit) seen.both = true;
    }
  }
  const marks: ObservedMark[] = [];
  let conflicting = 0;
  for (const m of byPair.values()) {
    if (m.both) conflicting += 1;
    marks.push({
      left: m.left,
      right: m.right,
      // Read both ways: a no-break space is never typed by accident and a space often replaces
      // one, so the pair counts as a no-break space.
      bit: m.both ? 1 : m.bit,
      at: m.at,
      length: m.length,
      occurrences: m.n,
    });
  }
  return {
    marks,
    noBreakSpaces: marks.filter((m) => m.bit === 1).length,
    conflicting,
    unreadable,
  };
}

/** A copy the leaked text may have come from. */
export interface TraceCandidate {
  /** The copy id recorded in the audit log when the copy was issued. */
  readonly copyId: string;
}

/** Where in the leaked text a candidate agrees best. */
export interface StretchMatch {
  /** Offset in the leaked text where the stretch begins (its first marked gap). */
  readonly from: number;
  /** Offset just past the stretch's last marked gap. */
  readonly to: number;
  /** Marks in the stretch. */
  readonly marks: number;
  /** Of those, how many agree with the candidate. */
  readonly agreeing: number;
  /** log10 of an upper bound on the chance that a copy which is not the source matches this well. */
  readonly chanceLog10: number;
}

/** How well one candidate copy matches the leaked text. */
export interface CandidateMatch<C extends TraceCandidate> {
  /** The candidate, as given. */
  readonly candidate: C;
  /** Marks read from the leaked text (the same for every candidate). */
  readonly marks: number;
  /** How many of them agree with this copy. */
  readonly agreeing: number;
  /** agreeing / marks; 0 when no mark was read. */
  readonly score: number;
  /** P(a copy that is not the source agrees this well), Binomial(marks, 1/2); may underflow to 0. */
  readonly chance: number;
  /** log10 of `chance` (never underflows). */
  readonly chanceLog10: number;
  /** The best-matching contiguous stretch, or null when none scores. */
  readonly stretch: StretchMatch | null;
  /** log10 of the chance that any candidate which is not the source looks this good (whole or stretch). */
  readonly amongCandidatesLog10: number;
  /** No-break spaces read where this copy has a space: marks this copy cannot have put there. */
  readonly unexplained: number;
}

/** What the tracer concluded (see `fingerprint.ts`, section 3). */
export type TraceVerdict =
  /** One copy, and only one, matches far beyond chance. */
  | 'identified'
  /** Several copies match beyond chance (e.g. a text put together from two copies); none is named. */
  | 'ambiguous'
  /** Marks were read but no copy stands out. */
  | 'inconclusive'
  /** The text carries no marks (retyped, or its no-break spaces normalised away). */
  | 'no-fingerprint'
  /** Too few marks to tell, whatever they are. */
  | 'insufficient';

/** How sure the tracer must be. */
export interface TraceOptions extends ExtractOptions {
  /** Chance among candidates below which one copy is identified (default 1e-6). */
  readonly threshold?: number;
  /** Chance among candidates below which a second copy makes the result ambiguous (default 1e-3). */
  readonly separation?: number;
  /** Fewest marks to read before any verdict on candidates (default 24). */
  readonly minMarks?: number;
}

/** The tracer's answer. */
export interface TraceResult<C extends TraceCandidate> {
  /** The verdict. */
  readonly verdict: TraceVerdict;
  /** The verdict in one sentence, with its figures, for the security officer. */
  readonly summary: string;
  /** Marks read (distinct pairs of words). */
  readonly marks: number;
  /** Of those, how many read as a no-break space. */
  readonly noBreakSpaces: number;
  /** Pairs of words read as a space in one place and a no-break space in another. */
  readonly conflicting: number;
  /** Marks needed before a verdict on candidates is possible. */
  readonly needed: number;
  /** The copy identified, or the copies that make the result ambiguous; empty otherwise. */
  readonly sources: readonly CandidateMatch<C>[];
  /** Every candidate, best match first. */
  readonly ranking: readonly CandidateMatch<C>[];
}

function formatChance(log10: number): string {
  if (log10 >= -3) return (10 ** log10).toPrecision(2);
  const exponent = Math.floor(log10);
  const mantissa = 10 ** (log10 - exponent);
  return `${mantissa.toFixed(1)}e${exponent}`;
}

function describe<C extends TraceCandidate>(m: CandidateMatch<C>): string {
  return `copy ${m.candidate.copyId} (${m.agreeing} of ${m.marks} marks agree; chance among candidates ${formatChance(m.amongCandidatesLog10)})`;
}

/** A candidate's agreement with a sequence of marks, whole and in its best stretch. */
interface Evaluation {
  readonly agreeing: number;
  readonly chanceLog10: number;
  readonly stretch: { readonly score: number; readonly start: number; readonly end: number } | null;
  readonly stretchLog10: number;
}

function evaluate(agrees: readonly boolean[]): Evaluation {
  const agreeing = agrees.filter(Boolean).length;
  const stretch = bestStretch(agrees);
  return {
    agreeing,
    chanceLog10: binomialTailLog10(agrees.length, agreeing),
    stretch,
    stretchLog10: stretch === null ? 0 : stretchChanceLog10(agrees.length, stretch.score),
  };
}

interface Scored<C extends TraceCandidate> {
  readonly match: CandidateMatch<C>;
  /** Mark by mark, whether it agrees with this copy. */
  readonly agrees: readonly boolean[];
  /** The best stretch as indices into the marks, end exclusive (empty when none). */
  readonly range: { readonly start: number; readonly end: number };
}

function score<C extends TraceCandidate>(
  candidate: C,
  agrees: readonly boolean[],
  marks: readonly ObservedMark[],
  tests: number,
): Scored<C> {
  const n = marks.length;
  const e = evaluate(agrees);
  let stretch: StretchMatch | null = null;
  if (e.stretch !== null) {
    const inStretch = agrees.slice(e.stretch.start, e.stretch.end);
    const last = marks[e.stretch.end - 1];
    stretch = {
      from: marks[e.stretch.start]?.at ?? 0,
      to: last === undefined ? 0 : last.at + last.length,
      marks: inStretch.length,
      agreeing: inStretch.filter(Boolean).length,
      chanceLog10: e.stretchLog10,
    };
  }
  const match: CandidateMatch<C> = {
    candidate,
    marks: n,
    agreeing: e.agreeing,
    score: n === 0 ? 0 : e.agreeing / n,
    chance: 10 ** e.chanceLog10,
    chanceLog10: e.chanceLog10,
    stretch,
    amongCandidatesLog10: Math.min(0, Math.min(e.chanceLog10, e.stretchLog10) + Math.log10(tests)),
    unexplained: marks.filter((m, i) => m.bit === 1 && agrees[i] !== true).length,
  };
  return { match, agrees, range: e.stretch ?? { start: 0, end: 0 } };
}

/**
 * Another copy in the part of the text that the best copy does not explain (outside its best
 * stretch). The best copy's stretch depends only on the text and the best copy's marks, which are
 * independent of any other copy's, so another copy that is not a source still agrees there by
 * chance alone, mark by mark: the same two tests apply, over the other candidates.
 */
function secondSource<C extends TraceCandidate>(
  best: Scored<C>,
  others: readonly Scored<C>[],
  separationLog10: number,
): { scored: Scored<C>; marks: number; agreeing: number; amongLog10: number } | null {
  const { start, end } = best.range;
  const rest = [...best.agrees.keys()].filter((i) => i < start || i >= end);
  if (rest.length === 0 || others.length === 0) return null;
  const tests = 2 * others.length;
  let found: { scored: Scored<C>; marks: number; agreeing: number; amongLog10: number } | null =
    null;
  for (const other of others) {
    const e = evaluate(rest.map((i) => other.agrees[i] === true));
    const amongLog10 = Math.min(0, Math.min(e.chanceLog10, e.stretchLog10) + Math.log10(tests));
    if (amongLog10 < separationLog10 && (found === null || amongLog10 < found.amongLog10)) {
      found = { scored: other, marks: rest.length, agreeing: e.agreeing, amongLog10 };
    }
  }
  return found;
}

// A single copy, as issued, explains every no-break space of a text copied from it (a clean-up can
// only turn no-break spaces into spaces); a text with several no-break spaces that the best copy
// cannot have put there also holds another marked copy. A few are tolerated: a passage cut
// mid-word, or a word edited, changes the context of a gap.
const mixedMinimum = 4;
const mixedShare = 0.1;

function isMixed<C extends TraceCandidate>(
  best: CandidateMatch<C>,
  extracted: ExtractedMarks,
): boolean {
  return (
    best.unexplained >= mixedMinimum && best.unexplained >= mixedShare * extracted.noBreakSpaces
  );
}

/**
 * Names the issued copy a leaked text came from: reads its marks, compares them with every
 * candidate's, ranks the candidates and gives a verdict that accuses no one without clear evidence
 * (see `fingerprint.ts`, section 3). Candidates must have distinct copy ids.
 */
export function traceText<C extends TraceCandidate>(
  leaked: string,
  candidates: readonly C[],
  secret: FingerprintKey,
  options: TraceOptions = {},
): TraceResult<C> {
  const source = options.source ?? 'text';
  const thresholdLog10 = Math.log10(options.threshold ?? 1e-6);
  const separationLog10 = Math.log10(options.separation ?? 1e-3);
  const ids = new Set(candidates.map((c) => c.copyId));
  if (ids.size !== candidates.length) {
    throw new DomainError('INVALID_INPUT', 'candidate copy ids must be distinct');
  }
  const extracted = extractMarks(leaked, { source });
  const { marks } = extracted;
  const n = marks.length;
  // Two tests (whole text and best stretch) for each candidate: a union bound over all of them.
  const tests = 2 * Math.max(1, candidates.length);
  const needed = Math.max(
    options.minMarks ?? 24,
    Math.ceil(Math.log2(tests) - thresholdLog10 * Math.log2(10)),
  );

  const contexts = new ContextCodes(secret);
  const markCodes = marks.map((m) => contexts.get(m.left, m.right));
  const scored = candidates
    .map((candidate) => {
      const copy = copyCode(candidate.copyId, secret);
      const agrees = marks.map((m, i) => {
        const context = markCodes[i];
        return context !== undefined && markBit(context, copy) === m.bit;
      });
      return score(candidate, agrees, marks, tests);
    })
    .sort(
      (a, b) =>
        a.match.amongCandidatesLog10 - b.match.amongCandidatesLog10 ||
        b.match.score - a.match.score ||
        (a.match.candidate.copyId < b.match.candidate.copyId ? -1 : 1),
    );
  const ranking = scored.map((s) => s.match);

  const base = {
    marks: n,
    noBreakSpaces: extracted.noBreakSpaces,
    conflicting: extracted.conflicting,
    needed,
    ranking,
  };
  if (n < needed) {
    return {
      ...base,
      verdict: 'insufficient',
      summary: `Only ${n} marks could be read; at least ${needed} are needed to name a copy among ${candidates.length} candidates. Give a longer passage.`,
      sources: [],
    };
  }
  if (source === 'text' && extracted.noBreakSpaces === 0) {
    return {
      ...base,
      verdict: 'no-fingerprint',
      summary: `No fingerprint found: none of the ${n} gaps read is a no-break space (the text was retyped, its spaces normalised, or it was copied out of a PDF: try the PDF reading).`,
      sources: [],
    };
  }
  const weak = ranking.filter((m) => m.amongCandidatesLog10 < separationLog10);
  if (weak.length >= 2) {
    return {
      ...base,
      verdict: 'ambiguous',
      summary: `Ambiguous: ${weak.length} copies match beyond chance, so the text may combine several copies; no single copy is named: ${weak.map(describe).join('; ')}.`,
      sources: weak,
    };
  }
  const [best, ...others] = scored;
  if (best !== undefined && best.match.amongCandidatesLog10 < thresholdLog10) {
    const where = `characters ${best.match.stretch?.from ?? 0}–${best.match.stretch?.to ?? 0}`;
    const second = secondSource(best, others, separationLog10);
    if (second !== null) {
      return {
        ...base,
        verdict: 'ambiguous',
        summary: `Ambiguous: ${describe(best.match)} matches ${where}, and copy ${second.scored.match.candidate.copyId} matches the rest (${second.agreeing} of ${second.marks} marks agree; chance among candidates ${formatChance(second.amongLog10)}): the text combines two copies; no single copy is named.`,
        sources: [best.match, second.scored.match],
      };
    }
    if (isMixed(best.match, extracted)) {
      return {
        ...base,
        verdict: 'ambiguous',
        summary: `Ambiguous: ${describe(best.match)} matches ${where}, but ${best.match.unexplained} of the ${extracted.noBreakSpaces} no-break spaces read cannot come from that copy: the text mixes it with another marked copy (too little of it to say which) or was edited. No single copy is named.`,
        sources: [best.match],
      };
    }
    return {
      ...base,
      verdict: 'identified',
      summary: `Identified: ${describe(best.match)}; no other candidate matches beyond chance.`,
      sources: [best.match],
    };
  }
  if (source === 'text' && binomialLowerTailLog10(n, extracted.noBreakSpaces) < -3) {
    return {
      ...base,
      verdict: 'no-fingerprint',
      summary: `No fingerprint found: only ${extracted.noBreakSpaces} of ${n} gaps read are no-break spaces, far fewer than a marked copy has, and no copy matches.`,
      sources: [],
    };
  }
  return {
    ...base,
    verdict: 'inconclusive',
    summary: `Inconclusive: ${n} marks were read but no candidate matches beyond chance (the copy may not be among the candidates, or the text was edited).`,
    sources: [],
  };
}
