import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asId } from '../shared/ids.js';
import { formatChangeList, revisionChangeList } from './change-list.js';
import { decideAmendment } from './amendment.js';
import { parsePlainText } from './plain-text.js';
import { opp, parties, text as textArb } from './test-support/arbitraries.js';

const v1 = parsePlainText(
  [
    'Title: Draft agreement',
    '# Chapter I — Calendar {#cal}',
    '1.1 {#p-date} Elections within [six months]{GOV} of signature.',
    '1.2 {#p-obs} Observers shall be invited.',
    '1.3 {#p-old} The Parties shall meet weekly.',
    '# Chapter II — Transition {#tr}',
    '2.1 {agreed #p-com} A commission shall be established.',
    '2.2 {#p-held} Held text [x]{OPP}.',
  ].join('\n'),
  parties,
).text;

const v2 = parsePlainText(
  [
    'Title: Draft agreement',
    '# Chapter I — Electoral calendar {#cal}',
    '1.1 {#p-new} The Parties reaffirm their commitment.',
    '1.2 {#p-date} Elections within nine months of signature.',
    '1.3 {agreed #p-obs} Observers shall be invited.',
    '# Chapter II — Transition {#tr}',
    '2.1 {open #p-com} A commission shall be established.',
    '2.2 {#p-held} Held text [x]{GOV}.',
  ].join('\n'),
  parties,
).text;

describe('the change list of a revised draft', () => {
  it('names changed provisions and the nature of each change', () => {
    expect(formatChangeList(revisionChangeList(v1, v2))).toBe(
      [
        '- Chapter I: title revised.',
        '- New provision 1.1.',
        '- Provision 1.2 (formerly 1.1): wording revised; open brackets 1 → 0.',
        '- Provision 1.3 (formerly 1.2): now agreed.',
        '- Provision 2.1: reopened (was agreed).',
        '- Provision 2.2: attribution or notes of bracketed wording revised.',
        '- Provision 1.3 of the previous version deleted.',
      ].join('\n'),
    );
  });

  it('does not say which party asked for what', () => {
    // The revision merges one party's amendment and re-attributes a bracket to the other.
    const { text: amended } = decideAmendment(
      v1,
      {
        id: asId('am-1'),
        provision: asId('p-date'),
        proposedBy: opp,
        change: { kind: 'replace', target: { quote: 'six', occurrence: 1 }, wording: 'twelve' },
      },
      'accept_as_alternative',
    );
    const list = revisionChangeList(v1, amended);
    const everything = JSON.stringify(list) + formatChangeList(list);
    for (const party of parties) {
      expect(everything).not.toContain(party.id);
      expect(everything).not.toContain(party.code);
    }
    expect(everything).not.toContain('Mediators');
    expect(everything).not.toContain('twelve');
    expect(list).toEqual([
      {
        scope: 'provision',
        reference: '1.1',
        formerReference: null,
        changes: ['wording'],
        open: { before: 1, after: 1 },
        description: 'Provision 1.1: wording revised.',
      },
    ]);
  });

  it('never names a party, whatever the revision', () => {
    fc.assert(
      fc.property(textArb, textArb, (a, b) => {
        const everything = JSON.stringify(revisionChangeList(a, b));
        for (const party of parties) expect(everything).not.toContain(party.id);
      }),
    );
  });

  it('is empty for an unchanged text, and says so', () => {
    expect(revisionChangeList(v1, v1)).toEqual([]);
    expect(formatChangeList([])).toBe('No changes from the previous version.');
  });

  it('reports a provision moved within its chapter, not the ones merely renumbered', () => {
    const reordered = parsePlainText(
      [
        'Title: Draft agreement',
        '# Chapter I — Calendar {#cal}',
        '1.1 {#p-obs} Observers shall be invited.',
        '1.2 {#p-old} The Parties shall meet weekly.',
        '1.3 {#p-date} Elections within [six months]{GOV} of signature.',
        '# Chapter II — Transition {#tr}',
        '2.1 {agreed #p-com} A commission shall be established.',
        '2.2 {#p-held} Held text [x]{OPP}.',
      ].join('\n'),
      parties,
    ).text;
    expect(formatChangeList(revisionChangeList(v1, reordered))).toBe(
      '- Provision 1.3 (formerly 1.1): moved within the chapter.',
    );
  });

  it('reports moved provisions and removed chapters', () => {
    const moved = parsePlainText(
      [
        'Title: Draft agreement, revised',
        '# Chapter I — Calendar {#cal}',
        '1.1 {#p-date} Elections within [six months]{GOV} of signature.',
        '1.2 {#p-obs} Observers shall be invited.',
        '1.3 {#p-old} The Parties shall meet weekly.',
        '1.4 {agreed #p-com} A commission shall be established.',
        '1.5 {#p-held} Held text [x]{OPP}.',
      ].join('\n'),
      parties,
    ).text;
    expect(formatChangeList(revisionChangeList(v1, moved))).toBe(
      [
        '- Title of the text revised.',
        '- Chapter II of the previous version deleted.',
        '- Provision 1.4 (formerly 2.1): moved from a chapter since removed.',
        '- Provision 1.5 (formerly 2.2): moved from a chapter since removed.',
      ].join('\n'),
    );
  });
});
