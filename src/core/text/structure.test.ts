import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { asId } from '../shared/ids.js';
import { mediators, partyHolder, type Segment } from './model.js';
import { parseBody, printBody } from './plain-text.js';
import { addAlternative, bracketWords, setHolder, setNote } from './structure.js';

const gov = asId<'Party'>('party-gov');
const opp = asId<'Party'>('party-opp');
const parties = [
  { id: gov, code: 'GOV' },
  { id: opp, code: 'OPP' },
];
const body = (s: string): Segment[] => parseBody(s, parties);
const print = (b: readonly Segment[]): string => printBody(b, parties);

describe('editing a wording as structure', () => {
  it('brackets selected words for a party, leaving the spaces at the edges outside', () => {
    const b = body('The election shall take place within six months of signature.');
    // " within six months " selected with the spaces either side, as a drag often does.
    const start = 'The election shall take place'.length;
    const end = start + ' within six months '.length;
    expect(print(bracketWords(b, { segment: 0, option: null, start, end }, partyHolder(gov)))).toBe(
      'The election shall take place [within six months]{GOV} of signature.',
    );
  });

  it('brackets words of the plain wording after an existing bracket, with a note', () => {
    const b = body('Observers [shall]{GOV} be invited by the Parties.');
    const piece = b[2];
    expect(piece).toEqual({ kind: 'plain', text: ' be invited by the Parties.' });
    const start = ' be invited '.length;
    const end = start + 'by the Parties'.length;
    const next = bracketWords(b, { segment: 2, option: null, start, end }, partyHolder(opp), {
      text: 'pending consultations',
      forParties: false,
    });
    expect(print(next)).toBe(
      'Observers [shall]{GOV} be invited [by the Parties]{OPP: pending consultations}.',
    );
  });

  it('refuses to bracket words inside a bracket, or nothing at all', () => {
    const b = body('a [b c]{GOV} d');
    const nested = () => bracketWords(b, { segment: 1, option: null, start: 0, end: 1 }, mediators);
    expect(nested).toThrow(DomainError);
    expect(nested).toThrow('brackets cannot be nested');
    expect(() =>
      bracketWords(b, { segment: 0, option: null, start: 1, end: 2 }, mediators),
    ).toThrow('select the words');
  });

  it('turns a bracket into alternatives, and adds a further alternative to them', () => {
    const b = body('within [six months]{GOV: pending} of signature');
    const two = addAlternative(b, 1, {
      text: 'twelve months',
      holder: partyHolder(opp),
      note: null,
    });
    expect(print(two)).toBe(
      'within [Alt 1: six months]{GOV: pending} / [Alt 2: twelve months]{OPP} of signature',
    );
    const three = addAlternative(two, 1, { text: '', holder: mediators, note: null });
    expect(print(three)).toBe(
      'within [Alt 1: six months]{GOV: pending} / [Alt 2: twelve months]{OPP} / [Alt 3: ]{Mediators} of signature',
    );
    expect(() => addAlternative(b, 0, { text: 'x', holder: mediators, note: null })).toThrow(
      'an alternative is added to a bracket',
    );
  });

  it('marks a note for the parties explicitly, and takes the mark away again', () => {
    const b = body('a [b]{GOV: pending} c');
    const marked = setNote(
      b,
      { segment: 1, option: null },
      { text: 'see annex II', forParties: true },
    );
    expect(print(marked)).toBe('a [b]{GOV:: see annex II} c');
    const internal = setNote(
      marked,
      { segment: 1, option: null },
      {
        text: 'see annex II',
        forParties: false,
      },
    );
    expect(print(internal)).toBe('a [b]{GOV: see annex II} c');
    // An empty note is no note, and a mark without a note is dropped.
    expect(print(setNote(b, { segment: 1, option: null }, { text: ' ', forParties: true }))).toBe(
      'a [b]{GOV} c',
    );
  });

  it('sets the note and the holder of one alternative', () => {
    const b = body('[Alt 1: x]{GOV} / [Alt 2: y]{OPP}');
    const noted = setNote(
      b,
      { segment: 0, option: 1 },
      { text: 'for the record', forParties: true },
    );
    expect(print(noted)).toBe('[Alt 1: x]{GOV} / [Alt 2: y]{OPP:: for the record}');
    expect(print(setHolder(noted, { segment: 0, option: 0 }, mediators))).toBe(
      '[Alt 1: x]{Mediators} / [Alt 2: y]{OPP:: for the record}',
    );
    expect(() =>
      setNote(b, { segment: 0, option: null }, { text: 'n', forParties: false }),
    ).toThrow('a note belongs to a bracket');
  });
});
