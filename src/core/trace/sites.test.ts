import { describe, expect, it } from 'vitest';
import { findSites, wordKey } from './sites.js';

const pairs = (text: string): string[] =>
  findSites(text).map((s) => `${s.left}|${s.right}:${s.kind}`);

describe('wordKey', () => {
  it.each([
    ['[Derechos,', 'derechos'],
    ['Comisión', 'comision'],
    ['niñas', 'ninas'],
    ['måneder', 'maneder'],
    ['Ørsta', 'orsta'],
    ['Særlige', 'saerlige'],
    ['Straße', 'strasse'],
    ['ﬁnal', 'final'],
    ['2.3.', '23'],
    ['months]{GOV}', 'monthsgov'],
    ['—', ''],
    ['/', ''],
  ])('turns %s into the context key %s', (token, key) => {
    expect(wordKey(token)).toBe(key);
  });

  it('reads a decomposed accent like a composed one', () => {
    expect(wordKey('Comisio\u0301n')).toBe(wordKey('Comisión'));
  });
});

describe('findSites', () => {
  it('finds every gap between two words, named by the words around it', () => {
    expect(pairs('The Parties\u00a0agree.')).toEqual([
      'the|parties:space',
      'parties|agree:no-break',
    ]);
  });

  it('skips gaps next to a token without letters or digits', () => {
    expect(pairs('Chapter I — Electoral calendar / Alt')).toEqual(['electoral|calendar:space']);
  });

  it('tells single spaces, no-break spaces, line ends and other gaps apart', () => {
    expect(pairs('a b\u00a0c\nd  e\tf\u202fg \n h')).toEqual([
      'a|b:space',
      'b|c:no-break',
      'c|d:line-break',
      'd|e:other',
      'e|f:other',
      'f|g:other',
      'g|h:line-break',
    ]);
  });

  it('does not read a line end before a provision number as a wrapped line, nor the gap after it', () => {
    expect(pairs('of signature.\n2.3 The text')).toEqual([
      'of|signature:space',
      'signature|23:other',
      'the|text:space',
    ]);
  });

  it('leaves the plain-text syntax alone: braces, labels, "Title:" and "Chapter IV"', () => {
    const text =
      'Title: Draft text\n# Chapter IV — Release {#ch-4}\n4.1 {agreed ad referendum #p-1} The date [Alt 1: within six months]{GOV: subject to consultations} / [Alt 2: later]{OPP} of signature.';
    expect(pairs(text)).toEqual([
      'draft|text:space',
      'the|date:space',
      'date|alt:space',
      'within|six:space',
      'of|signature:space',
    ]);
  });

  it('leaves alone a closing bracket glued to a party code, and the status marks', () => {
    expect(pairs('within [six months]GOV of signature. (agreed ad ref.)')).toEqual([
      'within|six:space',
      'of|signature:space',
    ]);
  });

  it('does not take an escaped brace for the start of an attribution', () => {
    expect(pairs('a \\{literal\\} word here and there')).toEqual([
      'word|here:space',
      'here|and:space',
      'and|there:space',
    ]);
  });

  it('starts inside braces when a fragment begins in the middle of a note', () => {
    expect(pairs('to consultations} of the signature')).toEqual([
      'of|the:space',
      'the|signature:space',
    ]);
  });

  it('closes an unclosed brace at the end of its line', () => {
    expect(pairs('{OPP: pending talks\nthe next round')).toEqual([
      'the|next:space',
      'next|round:space',
    ]);
  });

  it('reads Spanish and Norwegian wording', () => {
    expect(pairs('¿Señor Ødegård?\u00a0Sí, Niños.')).toEqual([
      'senor|odegard:space',
      'odegard|si:no-break',
      'si|ninos:space',
    ]);
  });
});
