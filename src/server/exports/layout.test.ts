import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/shared/errors.js';
import { asId } from '../../core/shared/ids.js';
import { parsePlainText, type NegotiatingText } from '../../core/text/index.js';
import { formatDate, layoutText, statusMarks, type Inline } from './layout.js';
import { exportInput, gov, opp, parties, sampleHash } from './test-support/fixtures.js';

/** Inline pieces as one string: holder codes as ^GOV, note references as ^1, breaks as ⏎. */
function show(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      switch (inline.kind) {
        case 'text':
          return inline.text;
        case 'holder':
          return `^${inline.code}`;
        case 'noteRef':
          return inline.afterHolder ? `^,${inline.note}` : `^${inline.note}`;
        case 'break':
          return '⏎';
      }
    })
    .join('');
}

function parse(source: string): NegotiatingText {
  return parsePlainText(source, parties).text;
}

const small = parse(`Title: Agreement on the Calendar (invented)

# Chapter I — Calendar

1.1 The election shall be held [within six months]{GOV: pending consultations} of signature.

1.2 {agreed} The Parties agree.

# Chapter II

2.1 Observers shall be invited [Alt 1: by the Parties]{OPP} / [Alt 2: ]{Mediators: see annex} / [Alt 3: jointly]{?}.

2.2 The Commission shall:
    (a) meet monthly;
    (b) report [to the facilitator]{?: origin unknown}.
`);

describe('the layout of an exported text', () => {
  it('numbers chapters with Roman numerals and provisions from their order', () => {
    const layout = layoutText(exportInput(small));
    expect(layout.title).toBe('Agreement on the Calendar (invented)');
    expect(layout.chapters.map((c) => c.label)).toEqual(['Chapter I — Calendar', 'Chapter II']);
    expect(layout.chapters.flatMap((c) => c.provisions.map((p) => p.number))).toEqual([
      '1.1',
      '1.2',
      '2.1',
      '2.2',
    ]);
  });

  it('marks every provision with its status, in parentheses rather than brackets', () => {
    expect(statusMarks).toEqual({
      agreed: '(agreed)',
      agreed_ad_referendum: '(agreed ad ref.)',
      bracketed: '(bracketed)',
      open: '(open)',
    });
    const layout = layoutText(exportInput());
    const marks = layout.chapters.flatMap((c) =>
      c.provisions.map((p) => `${p.number} ${p.statusMark}`),
    );
    expect(marks).toContain('1.1 (open)');
    expect(marks).toContain('1.3 (agreed)');
    expect(marks).toContain('3.1 (agreed ad ref.)');
    expect(marks).toContain('2.2 (bracketed)');
  });

  it('puts bracketed wording in square brackets followed by its holder and note reference', () => {
    const [first] = layoutText(exportInput(small)).chapters[0]?.provisions ?? [];
    expect(show(first?.inlines ?? [])).toBe(
      'The election shall be held [within six months]^GOV^,1 of signature.',
    );
    expect(first?.notes).toEqual([{ number: 1, text: 'pending consultations' }]);
    const bracket = first?.inlines.find((i) => i.kind === 'text' && i.text === '[');
    expect(bracket).toEqual({ kind: 'text', style: 'bracket', text: '[' });
  });

  it('labels alternatives Alt 1, Alt 2 … each with its holder, and shows an empty one as no text', () => {
    const provision = layoutText(exportInput(small)).chapters[1]?.provisions[0];
    expect(show(provision?.inlines ?? [])).toBe(
      'Observers shall be invited [Alt 1: by the Parties]^OPP / [Alt 2: no text]^Mediators^,2 / [Alt 3: jointly].',
    );
    expect(provision?.inlines).toContainEqual({
      kind: 'text',
      style: 'placeholder',
      text: 'no text',
    });
    expect(provision?.inlines).toContainEqual({ kind: 'text', style: 'label', text: 'Alt 2:' });
  });

  it('numbers notes through the whole text and keeps sub-paragraph line breaks', () => {
    const layout = layoutText(exportInput(small));
    expect(layout.notes.map((n) => `${n.number} ${n.text}`)).toEqual([
      '1 pending consultations',
      '2 see annex',
      '3 origin unknown',
    ]);
    const last = layout.chapters[1]?.provisions[1];
    expect(show(last?.inlines ?? [])).toBe(
      'The Commission shall:⏎(a) meet monthly;⏎(b) report [to the facilitator]^3.',
    );
  });

  it('names the codename, version and date in the header and the recipient in the footer', () => {
    const layout = layoutText(exportInput());
    expect(layout.headerLeft).toBe('HERON — Confidential');
    expect(layout.headerRight).toBe('Version 3 · 12 March 2025');
    expect(layout.versionLine).toBe(`Version 3, published 12 March 2025 — SHA-256 ${sampleHash}`);
    expect(layout.issuedLine).toBe('Issued to Ingrid Løvås, OPP delegation on 14 March 2025');
  });

  it('calls an unpublished text the working draft, dated the day the copy was issued', () => {
    const layout = layoutText(exportInput(small, { version: null }));
    expect(layout.versionLabel).toBe('Working draft');
    expect(layout.headerRight).toBe('Working draft · 14 March 2025');
    expect(layout.versionLine).toBe('Working draft as of 14 March 2025 — not a published version');
    expect(layout.signatures).toBeNull();
  });

  it('shows the banner until every provision is agreed and every party signed', () => {
    expect(layoutText(exportInput()).banner).toBe('Nothing is agreed until everything is agreed');
    const agreed = parse('# Chapter I — All\n\n1.1 {agreed} Done.\n\n1.2 {agreed} Also done.\n');
    const halfSigned = exportInput(agreed, {
      signatures: [{ party: gov, versionHash: sampleHash }],
    });
    expect(layoutText(halfSigned).banner).not.toBeNull();
    expect(layoutText(halfSigned).signatures).toBe('Signed by GOV; not yet by OPP.');
    const signed = exportInput(agreed, {
      signatures: [
        { party: gov, versionHash: sampleHash },
        { party: opp, versionHash: sampleHash },
      ],
    });
    expect(layoutText(signed).banner).toBeNull();
    expect(layoutText(signed).signatures).toBe('Signed by GOV, OPP: every party.');
  });

  it('summarises where the text stands', () => {
    expect(layoutText(exportInput()).summary).toBe(
      '11 provisions: 1 agreed, 1 agreed ad ref., 7 bracketed, 2 open; 5 brackets and 4 groups of alternatives open.',
    );
  });

  it('names every party with its code in the legend', () => {
    const [brackets] = layoutText(exportInput()).legend;
    expect(brackets).toContain('GOV — Government delegation (invented)');
    expect(brackets).toContain('OPP — Opposition platform (invented)');
    expect(brackets).toContain('Mediators — the mediation team');
  });

  it('refuses a text whose bracket is held by a party without a code', () => {
    const stranger = asId<'Party'>('party-unknown');
    const text: NegotiatingText = {
      title: 'T',
      chapters: [
        {
          key: asId<'Chapter'>('c'),
          title: '',
          provisions: [
            {
              key: asId<'Provision'>('p'),
              status: 'bracketed',
              body: [
                {
                  kind: 'bracket',
                  text: 'x',
                  holder: { kind: 'party', party: stranger },
                  note: null,
                },
              ],
            },
          ],
        },
      ],
    };
    expect(() => layoutText(exportInput(text))).toThrow(DomainError);
  });

  it.each([
    ['2025-03-12T16:30:00Z', '12 March 2025'],
    ['2019-07-08T23:59:59-03:00', '9 July 2019'],
    ['2016-11-24', '24 November 2016'],
    ['not a date', 'not a date'],
  ])('formats %s as %s', (iso, shown) => {
    expect(formatDate(iso)).toBe(shown);
  });
});
