import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asId } from '../shared/ids.js';
import { parsePlainText, printPlainText, type NegotiatingText } from '../text/index.js';
import { parties as arbitraryParties, text as textArb } from '../text/test-support/arbitraries.js';
import { sampleUnText } from '../text/test-support/sample-un-text.js';
import { fingerprintText } from './fingerprint.js';
import { fingerprintNegotiatingText } from './negotiating-text.js';
import { traceText } from './trace.js';
import { copyIds, testKey } from './test-support/key.js';

/** The text with every no-break space read as a space: what a reader sees. */
function asRead(text: NegotiatingText): string {
  return JSON.stringify(text).replace(/\u00a0/g, ' ');
}

const parties = [
  { id: asId<'Party'>('party-gov'), code: 'GOV' },
  { id: asId<'Party'>('party-opp'), code: 'OPP' },
];
const sample = parsePlainText(sampleUnText, parties).text;
const ids = copyIds(12);
const candidates = ids.map((copyId) => ({ copyId }));

describe('fingerprintNegotiatingText', () => {
  it('changes no word, status, key, holder or note: only spaces, as a reader would see them', () => {
    fc.assert(
      fc.property(textArb, fc.string({ minLength: 1, maxLength: 12 }), (text, copyId) => {
        const marked = fingerprintNegotiatingText(
          text,
          { copyId, parties: arbitraryParties },
          testKey,
        );
        expect(asRead(marked)).toBe(asRead(text));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a marked plain-text export importable as the same text', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const exported = fingerprintText(printPlainText(text, arbitraryParties), 'c-1', testKey);
        const imported = parsePlainText(exported, arbitraryParties);
        expect(asRead(imported.text)).toBe(asRead(text));
        expect(imported.warnings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('marks the sample UN text so that its plain-text form names the copy', () => {
    const copies = ids.map((copyId) =>
      printPlainText(fingerprintNegotiatingText(sample, { copyId, parties }, testKey), parties),
    );
    expect(new Set(copies).size).toBe(copies.length);
    copies.forEach((copy, i) => {
      const result = traceText(copy, candidates, testKey);
      expect(result.verdict).toBe('identified');
      expect(result.sources[0]?.candidate.copyId).toBe(ids[i]);
      expect(copy.replace(/\u00a0/g, ' ')).toBe(printPlainText(sample, parties));
    });
  });

  it('lets a chapter and a half pasted from the sample name its copy', () => {
    const copy = printPlainText(
      fingerprintNegotiatingText(sample, { copyId: 'copy-0005', parties }, testKey),
      parties,
    );
    const from = copy.indexOf('1.1 {');
    const to = copy.indexOf('2.3 {');
    const result = traceText(copy.slice(from, to), candidates, testKey);
    expect(result.verdict).toBe('identified');
    expect(result.sources[0]?.candidate.copyId).toBe('copy-0005');
  });

  it('marks the drafters’ notes as paragraphs of their own', () => {
    const marked = fingerprintNegotiatingText(sample, { copyId: 'copy-0001', parties }, testKey);
    const notes = marked.chapters
      .flatMap((c) => c.provisions)
      .flatMap((p) => p.body)
      .flatMap((s) =>
        s.kind === 'bracket'
          ? [s.note]
          : s.kind === 'alternatives'
            ? s.options.map((o) => o.note)
            : [],
      )
      .filter((n): n is string => n !== null);
    expect(notes).toEqual([fingerprintText('subject to consultations', 'copy-0001', testKey)]);
  });
});
