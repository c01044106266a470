import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { fingerprintText } from './fingerprint.js';
import { extractMarks, traceText, type TraceVerdict } from './trace.js';
import {
  agreement,
  asExtractedFromPdf,
  passage,
  sentenceSpans,
  wordsOf,
} from './test-support/corpus.js';
import { copyIds, otherKey, testKey } from './test-support/key.js';

const ids = copyIds(50);
const candidates = ids.map((copyId) => ({ copyId }));
const copies = new Map(ids.map((id) => [id, fingerprintText(agreement, id, testKey)]));
const wordCount = wordsOf(agreement).length;
const sentences = sentenceSpans(agreement);

function copyOf(id: string): string {
  const copy = copies.get(id);
  if (copy === undefined) throw new Error(`no copy ${id}`);
  return copy;
}

/** Sentences `first` … `first + count - 1` of a copy, cut as a reader would copy them. */
function sentencesOf(id: string, first: number, count: number): string {
  const from = sentences[first]?.from ?? 0;
  const to = sentences[Math.min(sentences.length, first + count) - 1]?.to ?? 0;
  return copyOf(id).slice(from, to);
}

const copyIndex = fc.integer({ min: 0, max: ids.length - 1 });

function tally(verdicts: readonly TraceVerdict[]): Partial<Record<TraceVerdict, number>> {
  const out: Partial<Record<TraceVerdict, number>> = {};
  for (const v of verdicts) out[v] = (out[v] ?? 0) + 1;
  return out;
}

describe('traceText', () => {
  it('identifies the recipient of a whole copy among 50, beyond any doubt', () => {
    const result = traceText(copyOf('copy-0017'), candidates, testKey);
    expect(result.verdict).toBe('identified');
    expect(result.sources.map((s) => s.candidate.copyId)).toEqual(['copy-0017']);
    const [best, runnerUp] = result.ranking;
    expect(best?.score).toBe(1);
    expect(best?.chanceLog10).toBeLessThan(-150);
    expect(best?.amongCandidatesLog10).toBeLessThan(-150);
    expect(runnerUp?.score).toBeLessThan(0.6);
    expect(runnerUp?.amongCandidatesLog10).toBeGreaterThan(-3);
    expect(result.summary).toContain('copy-0017');
  });

  it('identifies the recipient from three sentences pasted on their own, and never anyone else', () => {
    const verdicts: TraceVerdict[] = [];
    fc.assert(
      fc.property(copyIndex, fc.nat(sentences.length - 3), (c, first) => {
        const id = ids[c] ?? '';
        const result = traceText(sentencesOf(id, first, 3), candidates, testKey);
        verdicts.push(result.verdict);
        if (result.verdict === 'identified') {
          expect(result.sources[0]?.candidate.copyId).toBe(id);
        }
        expect(result.verdict).not.toBe('ambiguous');
      }),
      { numRuns: 1000, seed: 20250314 },
    );
    const counts = tally(verdicts);
    // Three of the shortest sentences can hold too few gaps to decide; then the tracer says so.
    expect((counts.identified ?? 0) / verdicts.length).toBeGreaterThan(0.97);
    expect(Object.keys(counts).every((v) => v === 'identified' || v === 'insufficient')).toBe(true);
  });

  it('identifies the recipient from most 40-word passages cut anywhere, with no false identification in 1,000', () => {
    const verdicts: TraceVerdict[] = [];
    fc.assert(
      fc.property(copyIndex, fc.nat(wordCount - 40), (c, start) => {
        const id = ids[c] ?? '';
        const result = traceText(passage(copyOf(id), start, 40), candidates, testKey);
        verdicts.push(result.verdict);
        if (result.verdict === 'identified' || result.verdict === 'ambiguous') {
          expect(result.sources.map((s) => s.candidate.copyId)).toEqual([id]);
        }
      }),
      { numRuns: 1000, seed: 7 },
    );
    const counts = tally(verdicts);
    expect((counts.identified ?? 0) / verdicts.length).toBeGreaterThan(0.85);
    expect(counts.ambiguous ?? 0).toBe(0);
  });

  it('says "insufficient" for a passage of fewer than 25 words rather than guess', () => {
    fc.assert(
      fc.property(copyIndex, fc.integer({ min: 1, max: 24 }), fc.nat(wordCount - 25), (c, n, s) => {
        const result = traceText(passage(copyOf(ids[c] ?? ''), s, n), candidates, testKey);
        expect(result.verdict).toBe('insufficient');
        expect(result.sources).toEqual([]);
        expect(result.marks).toBeLessThan(result.needed);
      }),
      { numRuns: 200 },
    );
  });

  it('finds no fingerprint once every no-break space has been normalised to a space', () => {
    const normalised = copyOf('copy-0004').replace(/\u00a0/g, ' ');
    const result = traceText(normalised, candidates, testKey);
    expect(result.verdict).toBe('no-fingerprint');
    expect(result.sources).toEqual([]);
    expect(traceText(agreement, candidates, testKey).verdict).toBe('no-fingerprint');
  });

  it('finds no fingerprint in a text retyped with line breaks and double spaces', () => {
    const retyped = agreement.replace(/\. /g, '.  ').replace(/, /g, ',\n');
    expect(traceText(retyped, candidates, testKey).verdict).toBe('no-fingerprint');
  });

  it('still identifies a copy when some of its no-break spaces were lost', () => {
    let n = 0;
    // Every third no-break space turned into a space, as a partial clean-up would.
    const damaged = copyOf('copy-0021').replace(/\u00a0/g, (m) => (++n % 3 === 0 ? ' ' : m));
    const result = traceText(damaged, candidates, testKey);
    expect(result.verdict).toBe('identified');
    expect(result.sources[0]?.candidate.copyId).toBe('copy-0021');
    expect(result.sources[0]?.score).toBeLessThan(1);
  });

  it('reads through reflowed line breaks, doubled spaces and Windows line ends', () => {
    const reflowed = passage(copyOf('copy-0030'), 100, 120)
      .replace(/ (?=\S{6})/g, (m, offset: number) => (offset % 5 === 0 ? '\r\n' : m))
      .replace(/\. /g, '.  ');
    const result = traceText(reflowed, candidates, testKey);
    expect(result.verdict).toBe('identified');
    expect(result.sources[0]?.candidate.copyId).toBe('copy-0030');
  });

  it('reports two copies mixed into one text as ambiguous and names neither alone', () => {
    const verdicts: TraceVerdict[] = [];
    fc.assert(
      fc.property(
        copyIndex,
        fc.integer({ min: 1, max: ids.length - 1 }),
        fc.nat(sentences.length - 3),
        fc.nat(sentences.length - 9),
        (a, shift, first, gap) => {
          const idA = ids[a] ?? '';
          const idB = ids[(a + shift) % ids.length] ?? '';
          // The second passage starts at least three sentences after the first one ends.
          const second = (first + 6 + gap) % (sentences.length - 2);
          if (Math.abs(second - first) < 3) return;
          const text = `${sentencesOf(idA, first, 3)}\n\n${sentencesOf(idB, second, 3)}`;
          const result = traceText(text, candidates, testKey);
          verdicts.push(result.verdict);
          expect(result.verdict).not.toBe('identified');
          for (const s of result.sources) expect([idA, idB]).toContain(s.candidate.copyId);
        },
      ),
      { numRuns: 300, seed: 99 },
    );
    const counts = tally(verdicts);
    expect((counts.ambiguous ?? 0) / verdicts.length).toBeGreaterThan(0.9);
  });

  it('names both copies when two long passages from two recipients are pasted together', () => {
    const text = `${sentencesOf('copy-0002', 0, 5)} ${sentencesOf('copy-0044', 20, 5)}`;
    const result = traceText(text, candidates, testKey);
    expect(result.verdict).toBe('ambiguous');
    expect(result.sources.map((s) => s.candidate.copyId).sort()).toEqual([
      'copy-0002',
      'copy-0044',
    ]);
    expect(result.summary).toContain('copy-0002');
    expect(result.summary).toContain('copy-0044');
  });

  it('accuses no candidate when the leaked copy is not among the candidates', () => {
    const outsider = fingerprintText(agreement, 'copy-not-listed', testKey);
    expect(traceText(outsider, candidates, testKey).verdict).toBe('inconclusive');
    fc.assert(
      fc.property(fc.nat(sentences.length - 3), (first) => {
        const from = sentences[first]?.from ?? 0;
        const to = sentences[first + 2]?.to ?? 0;
        const result = traceText(outsider.slice(from, to), candidates, testKey);
        expect(['identified', 'ambiguous']).not.toContain(result.verdict);
        expect(result.sources).toEqual([]);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('accuses no candidate when the text was marked under another key', () => {
    const foreign = fingerprintText(agreement, 'copy-0001', otherKey);
    expect(traceText(foreign, candidates, testKey).verdict).toBe('inconclusive');
  });

  it('finds a copy’s paragraph inside an unmarked text, and says where it is', () => {
    const pasted = sentencesOf('copy-0012', 10, 4);
    const text = `Dear colleague, see below what they are circulating.\n\n${pasted}\n\nRegards, and please keep this between us as usual.`;
    const result = traceText(text, candidates, testKey);
    expect(result.verdict).toBe('identified');
    const [best] = result.sources;
    expect(best?.candidate.copyId).toBe('copy-0012');
    // The stretch covers the pasted passage, give or take a word or two that agree by chance.
    const at = text.indexOf(pasted);
    expect(best?.stretch?.from).toBeLessThanOrEqual(at + 20);
    expect(best?.stretch?.to).toBeGreaterThanOrEqual(at + pasted.length - 20);
    expect(best?.stretch?.marks).toBeLessThan(best?.marks ?? 0);
  });

  it('traces text copied out of a PDF by where its lines break', () => {
    const extracted = asExtractedFromPdf(copyOf('copy-0033'));
    expect(extracted).not.toContain('\u00a0');
    expect(traceText(extracted, candidates, testKey).verdict).toBe('no-fingerprint');
    const result = traceText(extracted, candidates, testKey, { source: 'pdf' });
    expect(result.verdict).toBe('identified');
    expect(result.sources[0]?.candidate.copyId).toBe('copy-0033');
    // One mark per line: a paragraph of a PDF is too little.
    const paragraph = asExtractedFromPdf(sentencesOf('copy-0033', 0, 3));
    expect(traceText(paragraph, candidates, testKey, { source: 'pdf' }).verdict).toBe(
      'insufficient',
    );
  });

  it('accuses no candidate from a PDF made of an unmarked text', () => {
    const result = traceText(asExtractedFromPdf(agreement), candidates, testKey, {
      source: 'pdf',
    });
    expect(['inconclusive', 'insufficient']).toContain(result.verdict);
  });

  it('ranks every candidate, best first, deterministically', () => {
    const text = sentencesOf('copy-0009', 3, 4);
    const first = traceText(text, candidates, testKey);
    const second = traceText(text, [...candidates].reverse(), testKey);
    expect(first.ranking).toHaveLength(50);
    expect(second.ranking.map((m) => m.candidate.copyId)).toEqual(
      first.ranking.map((m) => m.candidate.copyId),
    );
  });

  it('refuses candidates with the same copy id', () => {
    expect(() => traceText('a b c', [{ copyId: 'x' }, { copyId: 'x' }], testKey)).toThrow(
      DomainError,
    );
  });
});

describe('extractMarks', () => {
  it('reads each pair of words once, a pair read both ways as a no-break space', () => {
    const marks = extractMarks('of the Parties and of\u00a0the facilitator, of the Parties');
    expect(marks.marks.map((m) => `${m.left}|${m.right}=${m.bit}`)).toEqual([
      'of|the=1',
      'the|parties=0',
      'parties|and=0',
      'and|of=0',
      'the|facilitator=0',
      'facilitator|of=0',
    ]);
    expect(marks.conflicting).toBe(1);
    expect(marks.marks[0]?.occurrences).toBe(3);
    expect(marks.marks[1]?.occurrences).toBe(2);
  });

  it('reads line ends only for text copied out of a PDF', () => {
    const text = 'the Parties\nagree\u00a0that';
    expect(extractMarks(text).marks.map((m) => m.bit)).toEqual([0, 1]);
    expect(extractMarks(text).unreadable).toBe(1);
    expect(extractMarks(text, { source: 'pdf' }).marks.map((m) => m.bit)).toEqual([0, 1]);
    expect(extractMarks(text, { source: 'pdf' }).marks[0]?.left).toBe('parties');
  });
});
