import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asId } from '../shared/ids.js';
import {
  checkText,
  normalizeBody,
  normalizeText,
  parseRomanNumeral,
  romanNumeral,
  type NegotiatingText,
  type Segment,
} from './model.js';
import { text as textArb } from './test-support/arbitraries.js';

const unattributed = { kind: 'unattributed' } as const;

describe('the text model', () => {
  it('normalising is idempotent', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(normalizeText(normalizeText(text))).toEqual(text);
      }),
    );
  });

  it.each<[string, Segment[], Segment[]]>([
    [
      'merges adjacent plain wording and drops empty pieces',
      [
        { kind: 'plain', text: 'a ' },
        { kind: 'plain', text: '' },
        { kind: 'plain', text: 'b' },
      ],
      [{ kind: 'plain', text: 'a b' }],
    ],
    [
      'trims the start and end of the provision',
      [
        { kind: 'plain', text: ' \n a' },
        { kind: 'bracket', text: ' x ', holder: unattributed, note: null },
        { kind: 'plain', text: 'b \t\n' },
      ],
      [
        { kind: 'plain', text: 'a' },
        { kind: 'bracket', text: ' x ', holder: unattributed, note: null },
        { kind: 'plain', text: 'b' },
      ],
    ],
    [
      'removes spaces around line breaks and blank lines, and CR',
      [{ kind: 'plain', text: 'a  \r\n\r\n   b\rc' }],
      [{ kind: 'plain', text: 'a\nb\nc' }],
    ],
    [
      'puts notes on one line and drops empty ones',
      [
        { kind: 'bracket', text: 'x', holder: unattributed, note: ' two\nlines ' },
        { kind: 'bracket', text: 'y', holder: unattributed, note: '  ' },
      ],
      [
        { kind: 'bracket', text: 'x', holder: unattributed, note: 'two lines' },
        { kind: 'bracket', text: 'y', holder: unattributed, note: null },
      ],
    ],
  ])('%s', (_case, body, expected) => {
    expect(normalizeBody(body)).toEqual(expected);
  });

  it('lists every broken invariant of a text built elsewhere', () => {
    const broken: NegotiatingText = {
      title: ' padded ',
      chapters: [
        {
          key: asId('c 1'),
          title: 'ok',
          provisions: [
            {
              key: asId('p'),
              status: 'open',
              body: [{ kind: 'bracket', text: '', holder: unattributed, note: null }],
            },
            {
              key: asId('p'),
              status: 'bracketed',
              body: [
                { kind: 'plain', text: 'a' },
                { kind: 'plain', text: 'b' },
              ],
            },
            {
              key: asId('q'),
              status: 'agreed',
              body: [
                {
                  kind: 'alternatives',
                  options: [{ text: 'a', holder: unattributed, note: null }],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(checkText(broken)).toEqual([
      'the title is not on one trimmed line',
      'chapter I: key "c 1" is not valid',
      'provision 1.1: a bracket is empty',
      'provision 1.1: marked open but has open brackets',
      'provision 1.2: key "p" is repeated',
      'provision 1.2: the wording is not normalised',
      'provision 1.2: marked bracketed but has no bracket',
      'provision 1.3: an alternatives group has fewer than two alternatives',
      'provision 1.3: marked agreed but has open brackets',
    ]);
  });

  it('writes and reads chapter numbers as Roman numerals', () => {
    expect([1, 4, 9, 14, 40, 90, 400, 1994].map(romanNumeral)).toEqual([
      'I',
      'IV',
      'IX',
      'XIV',
      'XL',
      'XC',
      'CD',
      'MCMXCIV',
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3999 }), (n) => {
        expect(parseRomanNumeral(romanNumeral(n))).toBe(n);
      }),
    );
    expect(parseRomanNumeral('IIII')).toBeNull();
    expect(parseRomanNumeral('iv')).toBe(4);
    expect(parseRomanNumeral('Independence')).toBeNull();
  });
});
