import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { asId } from '../shared/ids.js';
import {
  decideAmendment,
  locateQuote,
  type Amendment,
  type AmendmentChange,
  type AmendmentDecision,
} from './amendment.js';
import { findProvision, type NegotiatingText } from './model.js';
import { parsePlainText, printBody } from './plain-text.js';
import { gov, parties } from './test-support/arbitraries.js';

const key = asId<'Provision'>('p-1');

function textOf(wording: string, status = ''): NegotiatingText {
  return parsePlainText(`# A\n1.1 {${status} #p-1} ${wording}\n`, parties).text;
}

function amend(change: AmendmentChange): Amendment {
  return { id: asId('am-1'), provision: key, proposedBy: gov, change };
}

function wordingAfter(
  wording: string,
  change: AmendmentChange,
  decision: AmendmentDecision,
): string {
  const { text } = decideAmendment(textOf(wording), amend(change), decision);
  return printBody(findProvision(text, key)?.provision.body ?? [], parties);
}

const base = 'The election shall be held within six months of signature.';
const six = { quote: 'six months', occurrence: 1 };

describe('amendments proposed by a party', () => {
  it.each<[string, string, AmendmentChange, AmendmentDecision, string]>([
    [
      'a replacement merged',
      base,
      { kind: 'replace', target: six, wording: 'nine months' },
      'merge',
      'The election shall be held within nine months of signature.',
    ],
    [
      'a replacement accepted as an alternative',
      base,
      { kind: 'replace', target: six, wording: 'nine months' },
      'accept_as_alternative',
      'The election shall be held within [Alt 1: six months]{Mediators} / [Alt 2: nine months]{GOV} of signature.',
    ],
    [
      'a deletion merged',
      base,
      { kind: 'delete', target: { quote: ' within six months', occurrence: 1 } },
      'merge',
      'The election shall be held of signature.',
    ],
    [
      'a deletion accepted as an alternative',
      base,
      { kind: 'delete', target: six },
      'accept_as_alternative',
      'The election shall be held within [six months]{GOV: deletion proposed} of signature.',
    ],
    [
      'an insertion after a quote merged, with the space it needs',
      base,
      {
        kind: 'insert',
        at: { position: 'after', quote: 'held', occurrence: 1 },
        wording: 'nationwide',
      },
      'merge',
      'The election shall be held nationwide within six months of signature.',
    ],
    [
      'an insertion before a quote accepted as an alternative',
      base,
      {
        kind: 'insert',
        at: { position: 'before', quote: 'within', occurrence: 1 },
        wording: 'nationwide',
      },
      'accept_as_alternative',
      'The election shall be held [nationwide]{GOV} within six months of signature.',
    ],
    [
      'an insertion at the end merged',
      base,
      { kind: 'insert', at: { position: 'end' }, wording: 'It shall be observed.' },
      'merge',
      'The election shall be held within six months of signature. It shall be observed.',
    ],
    [
      'an insertion at the start accepted as an alternative',
      base,
      { kind: 'insert', at: { position: 'start' }, wording: 'Subject to article 4,' },
      'accept_as_alternative',
      '[Subject to article 4,]{GOV} The election shall be held within six months of signature.',
    ],
    [
      'a replacement inside a bracket accepted: the bracket becomes alternatives',
      'Held within [six months]{OPP} of signature.',
      { kind: 'replace', target: { quote: 'six', occurrence: 1 }, wording: 'twelve' },
      'accept_as_alternative',
      'Held within [Alt 1: six months]{OPP} / [Alt 2: twelve months]{GOV} of signature.',
    ],
    [
      'a replacement inside a bracket merged: the bracket keeps its holder',
      'Held within [six months]{OPP} of signature.',
      { kind: 'replace', target: { quote: 'six', occurrence: 1 }, wording: 'twelve' },
      'merge',
      'Held within [twelve months]{OPP} of signature.',
    ],
    [
      'a deletion of a whole bracket merged: the bracket disappears',
      'Held within [six months]{OPP} of signature.',
      { kind: 'delete', target: six },
      'merge',
      'Held within of signature.',
    ],
    [
      'a replacement inside an alternative accepted: a further alternative is added',
      'Held [Alt 1: within six months]{OPP} / [Alt 2: within a year]{Mediators}.',
      { kind: 'replace', target: { quote: 'a year', occurrence: 1 }, wording: 'nine months' },
      'accept_as_alternative',
      'Held [Alt 1: within six months]{OPP} / [Alt 2: within a year]{Mediators} / [Alt 3: within nine months]{GOV}.',
    ],
    [
      'the second occurrence of a quote',
      'The Party shall inform the other Party.',
      { kind: 'replace', target: { quote: 'Party', occurrence: 2 }, wording: 'Parties' },
      'merge',
      'The Party shall inform the other Parties.',
    ],
  ])('%s', (_case, wording, change, decision, expected) => {
    expect(wordingAfter(wording, change, decision)).toBe(expected);
  });

  it('accepting as an alternative makes an open provision bracketed', () => {
    const { text, outcome } = decideAmendment(
      textOf(base),
      amend({ kind: 'replace', target: six, wording: 'nine months' }),
      'accept_as_alternative',
    );
    expect(outcome).toBe('accepted_as_alternative');
    expect(findProvision(text, key)?.provision.status).toBe('bracketed');
  });

  it('declining leaves the text exactly as it was', () => {
    const text = textOf(base);
    const result = decideAmendment(text, amend({ kind: 'delete', target: six }), 'decline');
    expect(result).toEqual({ text, outcome: 'declined' });
    expect(result.text).toBe(text);
  });

  it.each<[string, NegotiatingText, AmendmentChange, string]>([
    [
      'quoted words that are gone',
      textOf(base),
      { kind: 'delete', target: { quote: 'ten months', occurrence: 1 } },
      'no longer in the provision',
    ],
    [
      'an occurrence that does not exist',
      textOf(base),
      { kind: 'delete', target: { quote: 'six', occurrence: 2 } },
      'occurrence 2 of 1',
    ],
    [
      'a quote across a bracket',
      textOf('within [six]{OPP} months'),
      { kind: 'delete', target: { quote: 'within six', occurrence: 1 } },
      'no longer in the provision',
    ],
    [
      'an agreed provision',
      textOf(base, 'agreed'),
      { kind: 'delete', target: six },
      'reopen it before changing its wording',
    ],
    [
      'an empty insertion',
      textOf(base),
      { kind: 'insert', at: { position: 'end' }, wording: '  ' },
      'needs wording',
    ],
    [
      'a replacement by the same words',
      textOf(base),
      { kind: 'replace', target: six, wording: 'six months' },
      'same as the quoted words',
    ],
  ])('refuses %s', (_case, text, change, message) => {
    let caught: unknown;
    try {
      decideAmendment(text, amend(change), 'merge');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('RULE_VIOLATION');
    expect((caught as DomainError).message).toContain(message);
  });

  it('raises NOT_FOUND when the provision is gone, even when declining', () => {
    const other = {
      ...amend({ kind: 'delete', target: six }),
      provision: asId<'Provision'>('gone'),
    };
    expect(() => decideAmendment(textOf(base), other, 'decline')).toThrow('provision not found');
  });

  it('locates every occurrence of a quote in reading order, inside brackets and alternatives too', () => {
    const provision = findProvision(
      textOf('a x [x a]{GOV} [Alt 1: a]{OPP} / [Alt 2: b a]{GOV} a'),
      key,
    )?.provision;
    expect(provision).toBeDefined();
    if (provision === undefined) return;
    expect(locateQuote(provision, 'a')).toEqual([
      { segment: 0, option: null, start: 0, end: 1 },
      { segment: 1, option: null, start: 2, end: 3 },
      { segment: 3, option: 0, start: 0, end: 1 },
      { segment: 3, option: 1, start: 2, end: 3 },
      { segment: 4, option: null, start: 1, end: 2 },
    ]);
  });
});
