import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import {
  contextCode,
  copyCode,
  fingerprintSegments,
  fingerprintText,
  markBit,
  type FingerprintKey,
} from './fingerprint.js';
import { findSites } from './sites.js';
import { agreement, paragraphs } from './test-support/corpus.js';
import { copyIds, otherKey, testKey } from './test-support/key.js';

const nbsp = '\u00a0';
const asSpaces = (text: string): string => text.replace(/\u00a0/g, ' ');

/** Characters that wording is made of, the plain-text syntax and odd spaces included. */
const unit = fc.constantFrom(
  ...'abcdefgh ñøåæÆØÅáé',
  ' ',
  ' ',
  ' ',
  nbsp,
  '\n',
  '\t',
  '\u202f',
  '[',
  ']',
  '{',
  '}',
  '/',
  '\\',
  ':',
  '.',
  ',',
  '—',
  '1',
  '2',
  'Alt ',
  'Title: ',
  'Chapter I',
  '🕊️',
);
const wordingArb = fc.string({ unit, maxLength: 120 });

describe('fingerprintText', () => {
  it('changes nothing but spaces into no-break spaces and back, at the same places', () => {
    fc.assert(
      fc.property(wordingArb, fc.string({ minLength: 1 }), (text, copyId) => {
        const marked = fingerprintText(text, copyId, testKey);
        expect(marked).toHaveLength(text.length);
        for (let i = 0; i < text.length; i += 1) {
          const before = text.charAt(i);
          const after = marked.charAt(i);
          if (before !== after) {
            expect([' ', nbsp]).toContain(before);
            expect([' ', nbsp]).toContain(after);
          }
        }
        expect(asSpaces(marked)).toBe(asSpaces(text));
      }),
    );
  });

  it('sets exactly the markable gaps, one space or no-break space each', () => {
    fc.assert(
      fc.property(wordingArb, (text) => {
        const marked = fingerprintText(text, 'copy-1', testKey);
        const markable = new Set(
          findSites(text)
            .filter((s) => s.kind === 'space' || s.kind === 'no-break')
            .map((s) => s.at),
        );
        for (let i = 0; i < text.length; i += 1) {
          if (!markable.has(i)) expect(marked.charAt(i)).toBe(text.charAt(i));
        }
      }),
    );
  });

  it('gives the same marks for the same copy, whatever marks the text already carried', () => {
    fc.assert(
      fc.property(wordingArb, (text) => {
        const once = fingerprintText(text, 'copy-1', testKey);
        expect(fingerprintText(text, 'copy-1', testKey)).toBe(once);
        expect(fingerprintText(once, 'copy-1', testKey)).toBe(once);
        const otherCopy = fingerprintText(text, 'copy-2', testKey);
        expect(fingerprintText(otherCopy, 'copy-1', testKey)).toBe(once);
      }),
    );
  });

  it('marks a paragraph the same whether it is given whole or in runs', () => {
    fc.assert(
      fc.property(wordingArb, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const runs = [0, ...points].map((from, i) => text.slice(from, points[i] ?? text.length));
        const marked = fingerprintSegments(runs, 'copy-1', testKey);
        expect(marked.map((r) => r.length)).toEqual(runs.map((r) => r.length));
        expect(marked.join('')).toBe(fingerprintText(text, 'copy-1', testKey));
      }),
    );
  });

  it('keeps the marks of a passage when words are inserted or deleted elsewhere', () => {
    const words = paragraphs[0]?.split(' ') ?? [];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: words.length - 1 }),
        fc.constantFrom('hereby', 'señor', 'også', ''),
        (at, inserted) => {
          const edited = [...words.slice(0, at), ...(inserted === '' ? [] : [inserted])];
          edited.push(...words.slice(inserted === '' ? at + 1 : at));
          const original = fingerprintText(words.join(' '), 'copy-7', testKey).split(
            /(?= |\u00a0)/,
          );
          const changed = fingerprintText(edited.join(' '), 'copy-7', testKey).split(
            /(?= |\u00a0)/,
          );
          // The gaps well before and well after the edit read the same.
          const safeBefore = Math.max(0, at - 1);
          expect(changed.slice(0, safeBefore)).toEqual(original.slice(0, safeBefore));
          const tail = words.length - at - 2;
          if (tail > 0) expect(changed.slice(-tail)).toEqual(original.slice(-tail));
        },
      ),
    );
  });

  it('puts a no-break space in about half of the markable gaps, differently for each copy', () => {
    const copies = copyIds(20).map((id) => fingerprintText(agreement, id, testKey));
    const gaps = findSites(agreement).filter((s) => s.kind === 'space').length;
    for (const copy of copies) {
      const share = [...copy].filter((c) => c === nbsp).length / gaps;
      expect(share).toBeGreaterThan(0.4);
      expect(share).toBeLessThan(0.6);
    }
    expect(new Set(copies).size).toBe(copies.length);
  });

  it('depends on the key: another server marks the same copy differently', () => {
    expect(fingerprintText(agreement, 'copy-1', otherKey)).not.toBe(
      fingerprintText(agreement, 'copy-1', testKey),
    );
  });

  it('marks Spanish and Norwegian wording, and leaves brackets, braces and slashes in place', () => {
    const text =
      'Las Partes acuerdan [Alt 1: dentro de seis meses]{GOV} / [Alt 2: dentro de doce meses]{OPP: sujeto a consultas} y Ørsta-avtalen gjelder på én måte.';
    const marked = fingerprintText(text, 'copy-3', testKey);
    expect(asSpaces(marked)).toBe(text);
    expect(marked).toContain('[Alt 1: dentro');
    expect(marked).toContain('[Alt 2: dentro');
    expect(marked).toContain('{OPP: sujeto a consultas}');
    expect(marked).toContain(']{GOV} / [');
  });

  it('refuses a PRF that gives fewer than 16 bytes', () => {
    const weak: FingerprintKey = { key: 'k', prf: () => new Uint8Array(8) };
    expect(() => fingerprintText('the Parties agree', 'copy-1', weak)).toThrow(DomainError);
  });
});

describe('markBit', () => {
  it('makes two copies agree on about half of the gaps, independently of the words', () => {
    const a = copyCode('copy-a', testKey);
    const b = copyCode('copy-b', testKey);
    let agree = 0;
    const n = 4000;
    for (let i = 0; i < n; i += 1) {
      const context = contextCode(`w${i}`, `v${i}`, testKey);
      if (markBit(context, a) === markBit(context, b)) agree += 1;
    }
    // Binomial(4000, 1/2): mean 2000, standard deviation about 32.
    expect(Math.abs(agree - n / 2)).toBeLessThan(160);
  });
});
