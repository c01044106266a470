import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asId } from '../shared/ids.js';
import type { NegotiatingText } from './model.js';
import { countNotes, textForParties } from './notes.js';
import { parseBody, printBody } from './plain-text.js';
import { parties, text as textArb } from './test-support/arbitraries.js';

const withNotes = (body: string): NegotiatingText => ({
  title: 'T',
  chapters: [
    {
      key: asId('c'),
      title: '',
      provisions: [{ key: asId('p'), status: 'bracketed', body: parseBody(body, parties) }],
    },
  ],
});

describe('drafters’ notes', () => {
  it('reads one colon as an internal note and two colons as a note for the parties', () => {
    expect(parseBody('[a]{GOV: pending} [b]{OPP:: see annex}', parties)).toEqual([
      {
        kind: 'bracket',
        text: 'a',
        holder: { kind: 'party', party: asId('party-gov') },
        note: 'pending',
      },
      { kind: 'plain', text: ' ' },
      {
        kind: 'bracket',
        text: 'b',
        holder: { kind: 'party', party: asId('party-opp') },
        note: 'see annex',
        noteForParties: true,
      },
    ]);
  });

  it('prints the mark back so that it survives the plain-text form', () => {
    const body = parseBody('[a]{GOV: pending} / [b]{OPP:: see annex}', parties);
    expect(printBody(body, parties)).toBe('[Alt 1: a]{GOV: pending} / [Alt 2: b]{OPP:: see annex}');
  });

  it('leaves out every internal note and keeps those marked for the parties', () => {
    const t = withNotes('[a]{GOV: pending} [b]{OPP:: see annex} [c]{?: origin} / [d]{GOV:: why}');
    expect(countNotes(t)).toEqual({ forParties: 2, internal: 2 });
    const out = textForParties(t);
    expect(countNotes(out)).toEqual({ forParties: 2, internal: 0 });
    expect(JSON.stringify(out)).not.toMatch(/pending|origin/);
    expect(JSON.stringify(out)).toMatch(/see annex.*why/);
  });

  it('never lets an unmarked note through, whatever the text', () => {
    fc.assert(
      fc.property(textArb, (t) => {
        const out = textForParties(t);
        expect(countNotes(out)).toEqual({ forParties: countNotes(t).forParties, internal: 0 });
      }),
    );
  });
});
