import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { asId } from '../shared/ids.js';
import {
  findProvision,
  type NegotiatingText,
  type ProvisionStatus,
  type Segment,
} from './model.js';
import { parseBody, parsePlainText } from './plain-text.js';
import { checkTransition, chooseAlternative, resolveBracket, setProvisionStatus } from './rules.js';
import { parties } from './test-support/arbitraries.js';

const key = asId<'Provision'>('p-1');

function textWith(status: ProvisionStatus, body: readonly Segment[]): NegotiatingText {
  return {
    title: 'T',
    chapters: [{ key: asId('ch-1'), title: 'C', provisions: [{ key, status, body }] }],
  };
}

const clean = parseBody('The Parties agree.', parties);
const bracketed = parseBody('The Parties [shall]{GOV} agree.', parties);
const alternatives = parseBody('Within [Alt 1: six]{GOV} / [Alt 2: nine]{OPP} months.', parties);

function outcome(status: ProvisionStatus, body: readonly Segment[], to: ProvisionStatus): string {
  try {
    const after = setProvisionStatus(textWith(status, body), key, to);
    return findProvision(after, key)?.provision.status ?? 'missing';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('provision status transitions', () => {
  it.each<[ProvisionStatus, string, readonly Segment[], ProvisionStatus, string]>([
    ['open', 'clean', clean, 'agreed', 'agreed'],
    ['open', 'clean', clean, 'agreed_ad_referendum', 'agreed_ad_referendum'],
    ['open', 'clean', clean, 'open', 'INVALID_TRANSITION'],
    ['open', 'clean', clean, 'bracketed', 'INVALID_TRANSITION'],
    ['bracketed', 'with a bracket', bracketed, 'agreed', 'RULE_VIOLATION'],
    ['bracketed', 'with a bracket', bracketed, 'agreed_ad_referendum', 'RULE_VIOLATION'],
    ['bracketed', 'with alternatives', alternatives, 'agreed', 'RULE_VIOLATION'],
    ['bracketed', 'with alternatives', alternatives, 'agreed_ad_referendum', 'RULE_VIOLATION'],
    ['bracketed', 'with a bracket', bracketed, 'open', 'INVALID_TRANSITION'],
    ['bracketed', 'with a bracket', bracketed, 'bracketed', 'INVALID_TRANSITION'],
    ['agreed_ad_referendum', 'clean', clean, 'agreed', 'agreed'],
    ['agreed_ad_referendum', 'clean', clean, 'open', 'open'],
    ['agreed_ad_referendum', 'clean', clean, 'bracketed', 'INVALID_TRANSITION'],
    ['agreed_ad_referendum', 'clean', clean, 'agreed_ad_referendum', 'INVALID_TRANSITION'],
    ['agreed', 'clean', clean, 'open', 'open'],
    ['agreed', 'clean', clean, 'agreed_ad_referendum', 'INVALID_TRANSITION'],
    ['agreed', 'clean', clean, 'bracketed', 'INVALID_TRANSITION'],
    ['agreed', 'clean', clean, 'agreed', 'INVALID_TRANSITION'],
  ])('a provision %s (%s) asked to become %s ends up %s', (from, _what, body, to, expected) => {
    expect(outcome(from, body, to)).toBe(expected);
  });

  it('says why a provision with open brackets cannot be agreed', () => {
    expect(checkTransition({ key, status: 'bracketed', body: alternatives }, 'agreed')).toEqual({
      ok: false,
      code: 'RULE_VIOLATION',
      reason: '0 bracket(s) and 1 alternatives group(s) are still open',
    });
    try {
      setProvisionStatus(textWith('bracketed', bracketed), key, 'agreed');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details).toMatchObject({ brackets: 1, alternativeGroups: 0 });
    }
  });

  it('raises NOT_FOUND for a provision the text does not have', () => {
    expect(() => setProvisionStatus(textWith('open', clean), asId('nope'), 'agreed')).toThrow(
      'provision not found',
    );
  });
});

describe('settling brackets and alternatives', () => {
  const text = parsePlainText(
    '# A\n1.1 {#p-1} Elections within [six months]{GOV} of signature [, in all regions]{OPP}.\n',
    parties,
  ).text;

  it('accepting a bracket keeps its wording as plain text', () => {
    const after = resolveBracket(text, { provision: key, segment: 1 }, 'accept');
    expect(findProvision(after, key)?.provision).toEqual({
      key,
      status: 'bracketed',
      body: [
        { kind: 'plain', text: 'Elections within six months of signature ' },
        {
          kind: 'bracket',
          text: ', in all regions',
          holder: { kind: 'party', party: parties[1]?.id },
          note: null,
        },
        { kind: 'plain', text: '.' },
      ],
    });
  });

  it('deleting a bracket drops it without leaving a double space or a space before punctuation', () => {
    const once = resolveBracket(text, { provision: key, segment: 1 }, 'delete');
    const twice = resolveBracket(once, { provision: key, segment: 1 }, 'delete');
    expect(findProvision(twice, key)?.provision).toEqual({
      key,
      status: 'open',
      body: [{ kind: 'plain', text: 'Elections within of signature.' }],
    });
  });

  it('resolving the last bracket makes the provision open, ready to be agreed', () => {
    const settled = resolveBracket(
      resolveBracket(text, { provision: key, segment: 1 }, 'accept'),
      { provision: key, segment: 1 },
      'accept',
    );
    expect(findProvision(settled, key)?.provision.status).toBe('open');
    expect(findProvision(setProvisionStatus(settled, key, 'agreed'), key)?.provision.status).toBe(
      'agreed',
    );
  });

  it('choosing an alternative makes its wording plain; an empty alternative removes the passage', () => {
    const alt = parsePlainText(
      '# A\n1.1 {#p-1} Release within [Alt 1: 30 days]{OPP} / [Alt 2: ]{GOV} of signature.\n',
      parties,
    ).text;
    expect(
      findProvision(chooseAlternative(alt, { provision: key, segment: 1 }, 0), key)?.provision.body,
    ).toEqual([{ kind: 'plain', text: 'Release within 30 days of signature.' }]);
    expect(
      findProvision(chooseAlternative(alt, { provision: key, segment: 1 }, 1), key)?.provision.body,
    ).toEqual([{ kind: 'plain', text: 'Release within of signature.' }]);
  });

  it('refuses to resolve something that is not a bracket, or an alternative that does not exist', () => {
    expect(() => resolveBracket(text, { provision: key, segment: 0 }, 'accept')).toThrow(
      'segment 0 is not a bracket',
    );
    expect(() => chooseAlternative(text, { provision: key, segment: 1 }, 0)).toThrow(
      'is not a group of alternatives',
    );
    expect(() => resolveBracket(text, { provision: key, segment: 9 }, 'accept')).toThrow(
      'not found',
    );
  });
});
