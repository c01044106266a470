import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { asId } from '../shared/ids.js';
import {
  checkText,
  countOpen,
  listProvisions,
  normalizeText,
  type NegotiatingText,
} from './model.js';
import { parseBody, parsePlainText, printBody, printPlainText } from './plain-text.js';
import { gov, opp, parties, text as textArb } from './test-support/arbitraries.js';
import { sampleUnText } from './test-support/sample-un-text.js';

function importError(source: string): DomainError {
  try {
    parsePlainText(source, parties);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

describe('the plain-text form', () => {
  it('generated texts are well formed and already normalised', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(checkText(text)).toEqual([]);
        expect(normalizeText(text)).toEqual(text);
      }),
    );
  });

  it('any text printed and parsed again comes back identical, without warnings', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const printed = printPlainText(text, parties);
        const parsed = parsePlainText(printed, parties);
        expect(parsed.text).toEqual(text);
        expect(parsed.warnings).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('any wording printed with printBody and read with parseBody comes back identical', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const { provision } of listProvisions(text)) {
          expect(parseBody(printBody(provision.body, parties), parties)).toEqual(provision.body);
        }
      }),
    );
  });

  it('printing without keys loses only the keys', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const parsed = parsePlainText(printPlainText(text, parties, { keys: false }), parties).text;
        const strip = (t: NegotiatingText): unknown =>
          t.chapters.map((c) => [c.title, c.provisions.map((p) => [p.status, p.body])]);
        expect(strip(parsed)).toEqual(strip(text));
        expect(parsed.title).toBe(text.title);
      }),
    );
  });

  it('whatever parses, parses to the same text again once printed (parse ∘ print ∘ parse is stable)', () => {
    const fragment = fc.constantFrom(
      'Title: Draft',
      '# Chapter I — One',
      'Chapter II: Two',
      '\n',
      '\n',
      '\n    ',
      '1.1 ',
      '1.2 {agreed} ',
      '2.1 {bracketed #k-1} ',
      'The Parties ',
      'shall ',
      'señor ',
      'Ørsta ',
      '[',
      ']',
      '{GOV}',
      '{OPP: note}',
      '{Mediators}',
      ' / ',
      '/',
      '\\[',
      '\\/',
      'Alt 1: ',
      'Option 2:',
      ', ',
      '.',
    );
    let parsedCount = 0;
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (fragments) => {
        const source = fragments.join('');
        let first: NegotiatingText;
        try {
          first = parsePlainText(source, parties).text;
        } catch (error) {
          if (error instanceof DomainError && error.code === 'INVALID_INPUT') return;
          throw error;
        }
        parsedCount += 1;
        const second = parsePlainText(printPlainText(first, parties), parties).text;
        expect(second).toEqual(first);
      }),
      { numRuns: 2000 },
    );
    expect(parsedCount).toBeGreaterThan(100);
  });

  it('prints the documented syntax', () => {
    const text: NegotiatingText = {
      title: 'General Agreement (invented)',
      chapters: [
        {
          key: asId('ch-1'),
          title: 'Electoral calendar',
          provisions: [
            {
              key: asId('p-1'),
              status: 'bracketed',
              body: [
                { kind: 'plain', text: 'The election shall take place ' },
                {
                  kind: 'alternatives',
                  options: [
                    {
                      text: 'within six months',
                      holder: { kind: 'party', party: gov },
                      note: null,
                    },
                    {
                      text: 'within twelve months',
                      holder: { kind: 'party', party: opp },
                      note: 'subject to consultations',
                    },
                  ],
                },
                { kind: 'plain', text: ' of signature and/or ' },
                {
                  kind: 'bracket',
                  text: 'ratification',
                  holder: { kind: 'unattributed' },
                  note: null,
                },
                { kind: 'plain', text: ' / or [not]\nper {the} annex.' },
              ],
            },
            { key: asId('p-2'), status: 'agreed_ad_referendum', body: [] },
          ],
        },
      ],
    };
    expect(printPlainText(text, parties)).toBe(
      [
        'Title: General Agreement (invented)',
        '',
        '# Chapter I — Electoral calendar {#ch-1}',
        '',
        '1.1 {bracketed #p-1} The election shall take place [Alt 1: within six months]{GOV} / ' +
          '[Alt 2: within twelve months]{OPP: subject to consultations} of signature and/or ' +
          '[ratification] \\/ or \\[not\\]',
        '    per \\{the\\} annex.',
        '',
        '1.2 {agreed ad referendum #p-2}',
        '',
      ].join('\n'),
    );
  });

  it('reads the example given in the manual at the top of plain-text.ts', () => {
    const example = [
      'Title: General Agreement on the Electoral Process (invented example)',
      '',
      '# Chapter I — Electoral calendar {#ch-calendar}',
      '',
      '1.1 {agreed #p-election} The Parties agree that a presidential election shall be held.',
      '',
      '1.2 {bracketed #p-date} The election shall take place [Alt 1: within six months]{GOV} /',
      '    [Alt 2: within twelve months]{OPP: subject to consultations} of signature.',
      '',
      '1.3 {bracketed #p-observers} International observers [shall]{GOV} be invited.',
    ].join('\n');
    const { text, warnings } = parsePlainText(example, parties);
    expect(warnings).toEqual([]);
    expect(
      listProvisions(text).map((p) => [p.number, p.provision.key, p.provision.status]),
    ).toEqual([
      ['1.1', 'p-election', 'agreed'],
      ['1.2', 'p-date', 'bracketed'],
      ['1.3', 'p-observers', 'bracketed'],
    ]);
    expect(printBody(listProvisions(text)[1]?.provision.body ?? [], parties)).toBe(
      'The election shall take place [Alt 1: within six months]{GOV} / [Alt 2: within twelve months]{OPP: subject to consultations} of signature.',
    );
  });

  it('imports a text typed by UN convention in a word processor', () => {
    const { text, warnings } = parsePlainText(sampleUnText, parties);
    expect(text.title).toBe(
      'DRAFT GENERAL AGREEMENT ON THE ELECTORAL PROCESS (INVENTED — FOR TESTING ONLY)',
    );
    expect(text.chapters.map((c) => c.title)).toEqual([
      'Electoral calendar',
      'Transitional arrangements',
      'Composition of the electoral authority',
      'Release of detained activists',
      'Sanctions relief',
    ]);
    const provisions = listProvisions(text);
    expect(provisions.map((p) => `${p.number} ${p.provision.status}`)).toEqual([
      '1.1 open',
      '1.2 bracketed',
      '1.3 agreed',
      '2.1 bracketed',
      '2.2 bracketed',
      '2.3 bracketed',
      '3.1 agreed_ad_referendum',
      '3.2 bracketed',
      '4.1 bracketed',
      '4.2 open',
      '5.1 bracketed',
    ]);
    expect(warnings).toEqual([]);

    const byNumber = new Map(provisions.map((p) => [p.number, p.provision]));
    expect(byNumber.get('1.1')?.body).toEqual([
      {
        kind: 'plain',
        text: 'The Parties agree that a presidential election shall be held in accordance with the\nConstitution and the present Agreement.',
      },
    ]);
    expect(byNumber.get('1.2')?.body[1]).toEqual({
      kind: 'alternatives',
      options: [
        { text: 'within six months', holder: { kind: 'unattributed' }, note: null },
        { text: 'within twelve months', holder: { kind: 'unattributed' }, note: null },
      ],
    });
    expect(byNumber.get('2.3')?.body[1]).toMatchObject({ kind: 'alternatives' });
    expect(countOpen(byNumber.get('2.3')?.body ?? [])).toEqual({
      brackets: 0,
      alternativeGroups: 1,
    });
    expect(byNumber.get('3.2')?.body[1]).toEqual({
      kind: 'bracket',
      text: ', including during\nthe three years preceding their appointment',
      holder: { kind: 'party', party: opp },
      note: 'subject to consultations',
    });
    // Two alternatives groups, the first spanning a line break, each alternative attributed.
    expect(byNumber.get('4.1')?.body.filter((s) => s.kind === 'alternatives')).toEqual([
      {
        kind: 'alternatives',
        options: [
          { text: 'political reasons', holder: { kind: 'party', party: opp }, note: null },
          { text: 'the\nevents of 2019', holder: { kind: 'party', party: gov }, note: null },
        ],
      },
      {
        kind: 'alternatives',
        options: [
          { text: '30 days', holder: { kind: 'party', party: opp }, note: null },
          { text: '90 days', holder: { kind: 'party', party: gov }, note: null },
        ],
      },
    ]);
    // Keys are created for every chapter and provision, and survive a round trip.
    expect(new Set(provisions.map((p) => p.provision.key)).size).toBe(11);
    expect(parsePlainText(printPlainText(text, parties), parties).text).toEqual(text);
  });

  it('creates missing keys with the given key makers, skipping keys already used', () => {
    let n = 0;
    const { text } = parsePlainText('# One\n1.1 {#p-a1} a\n1.2 b\n', parties, {
      newProvisionKey: () => asId(`p-a${(n += 1)}`),
    });
    expect(listProvisions(text).map((p) => p.provision.key)).toEqual(['p-a1', 'p-a2']);
    expect(text.chapters[0]?.key).toBe('ch-1');
  });

  it('warns about numbers that do not match their place and statuses that do not match the wording', () => {
    const { warnings, text } = parsePlainText(
      '# Chapter III — A\n\n1.1 {bracketed} no brackets\n1.5 {open} one [bracket]\n',
      parties,
    );
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [1, 'chapter written as 3 is chapter I by its place'],
      [3, 'provision 1.1 is marked bracketed but has none: now open'],
      [4, 'provision written as 1.5 is provision 1.2 by its place'],
      [4, 'provision 1.2 is marked open but has brackets: now bracketed'],
    ]);
    expect(listProvisions(text).map((p) => p.provision.status)).toEqual(['open', 'bracketed']);
  });

  it('accepts the labels Alt, Alternative and Option, and warns when a label is out of order', () => {
    const { text, warnings } = parsePlainText(
      '# A\n1.1 [Alternative 1: a] / [Option 3:b] / [c]\n',
      parties,
    );
    expect(listProvisions(text)[0]?.provision.body).toEqual([
      {
        kind: 'alternatives',
        options: [
          { text: 'a', holder: { kind: 'unattributed' }, note: null },
          { text: 'b', holder: { kind: 'unattributed' }, note: null },
          { text: 'c', holder: { kind: 'unattributed' }, note: null },
        ],
      },
    ]);
    expect(warnings).toEqual([
      { line: 2, column: 27, message: 'alternative labelled "Option 3:" is alternative 2' },
    ]);
  });

  it('reads holders by code ignoring case, Mediators, ? and notes', () => {
    expect(
      parseBody('[a]{gov} [b]{mediators: ours} [c]{?: who?} [d]{ } [e]{Civ_Soc-2}', parties),
    ).toEqual([
      { kind: 'bracket', text: 'a', holder: { kind: 'party', party: gov }, note: null },
      { kind: 'plain', text: ' ' },
      { kind: 'bracket', text: 'b', holder: { kind: 'mediators' }, note: 'ours' },
      { kind: 'plain', text: ' ' },
      { kind: 'bracket', text: 'c', holder: { kind: 'unattributed' }, note: 'who?' },
      { kind: 'plain', text: ' ' },
      { kind: 'bracket', text: 'd', holder: { kind: 'unattributed' }, note: null },
      { kind: 'plain', text: ' ' },
      {
        kind: 'bracket',
        text: 'e',
        holder: { kind: 'party', party: asId('party-civ') },
        note: null,
      },
    ]);
  });

  it('keeps a backslash that escapes nothing, and an escaped slash as a plain slash', () => {
    expect(parseBody('C:\\Users [a] \\/ [b]', parties)).toEqual([
      { kind: 'plain', text: 'C:\\Users ' },
      { kind: 'bracket', text: 'a', holder: { kind: 'unattributed' }, note: null },
      { kind: 'plain', text: ' / ' },
      { kind: 'bracket', text: 'b', holder: { kind: 'unattributed' }, note: null },
    ]);
  });

  it.each([
    ['# A\n1.1 one [[nested] bracket]\n', 2, 10, 'opens inside the bracket opened at column 9'],
    ['# A\n1.1 never [closed\n    at all\n', 2, 11, 'this "[" is never closed: add "]"'],
    ['# A\n1.1 stray ] here\n', 2, 11, '"]" closes no bracket: add "["'],
    ['# A\n1.1 a {brace}\n', 2, 7, '"{" is not right after a bracket'],
    ['# A\n1.1 a\n    b [x]{XYZ}\n', 3, 11, 'unknown party code "XYZ"'],
    ['# A\n1.1 a [x]{GOV\n', 2, 10, 'the holder after the bracket is never closed: add "}"'],
    ['# A\n1.1 empty []\n', 2, 11, 'empty brackets'],
    [
      '# A\n1.1 a [six months{GOV} b\n',
      2,
      18,
      'opened at column 7 is not closed: add "]" before "{"',
    ],
    ['# A\n1.1 a [x]{GOV: note {y}\n', 2, 21, 'holder opened at column 10 is not closed'],
    ['# A\n1.1 {agreed} a [b]\n', 2, 5, 'marked agreed but still has brackets'],
    ['# A\n1.1 {final} a\n', 2, 6, 'unknown status "final"'],
    ['# A\n1.1 {open #bad!key} a\n', 2, 11, 'is not a key'],
    ['1.1 a\n', 1, 1, 'provision before the first chapter heading'],
    ['Title\n# A\nloose text\n', 3, 1, 'text outside a provision'],
    ['# A {#k}\n# B {#k}\n', 2, 1, 'chapter key #k is used twice'],
    ['# A\n1.1 {#k} a\n1.2 {#k} b\n', 3, 6, 'provision key #k is used twice'],
    ['# A {bad}\n', 1, 5, 'a chapter heading may end with its key'],
  ])('refuses %j naming line %i, column %i', (source, line, column, message) => {
    const error = importError(source);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details).toMatchObject({ line, column });
    expect(error.message).toContain(`line ${line}, column ${column}: `);
    expect(error.message).toContain(message);
  });

  it('names a forgotten "]" before a holder as such, with a reason an editor can translate', () => {
    let error: unknown;
    try {
      parseBody('held [within six months{GOV} of signature', parties);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const details = (error as DomainError).details;
    expect(details).toMatchObject({ line: 1, column: 24 });
    expect(details?.['problems']).toEqual([
      {
        line: 1,
        column: 24,
        reason: 'bracket_not_closed_before_brace',
        params: { opened: 6 },
        message:
          'the bracket opened at column 6 is not closed: add "]" before "{" (or write \\{ for a literal brace)',
      },
    ]);
    expect((error as DomainError).message).not.toContain('write \\{ for a literal brace inside');
  });

  it('lists every problem of the text, not only the first', () => {
    const error = importError('# A\n1.1 [x\n1.2 y]\n1.3 {GOV}\n');
    expect(error.details?.['problems']).toHaveLength(3);
    expect(error.message).toContain('(and 2 more problems)');
  });

  it('refuses a party directory with reserved or repeated codes', () => {
    expect(() =>
      printPlainText({ title: '', chapters: [] }, [{ id: gov, code: 'Mediators' }]),
    ).toThrow('cannot be used as a party code');
    expect(() =>
      parsePlainText('', [
        { id: gov, code: 'GOV' },
        { id: opp, code: 'gov' },
      ]),
    ).toThrow('given twice');
  });

  it('reads Windows line endings, a byte-order mark, tabs and an empty text', () => {
    expect(parsePlainText('', parties).text).toEqual({ title: '', chapters: [] });
    const { text } = parsePlainText('\uFEFFTitle: T\r\n# A\r\n1.1\ta\r\n\tb\r\n', parties);
    expect(text.title).toBe('T');
    expect(listProvisions(text)[0]?.provision.body).toEqual([{ kind: 'plain', text: 'a\nb' }]);
  });
});
