import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asId } from '../shared/ids.js';
import {
  applyWordOps,
  compareTexts,
  diffTexts,
  diffWording,
  type TextDiff,
  type WordOp,
} from './diff.js';
import { findProvision, listProvisions, type Chapter, type NegotiatingText } from './model.js';
import { parseBody, parsePlainText, printBody } from './plain-text.js';
import { setProvisionStatus } from './rules.js';
import { parties, text as textArb, wording } from './test-support/arbitraries.js';

/** The older wording the operations were made from: everything but the insertions. */
function oldSide(ops: readonly WordOp[]): string {
  return ops
    .filter((o) => o.op !== 'insert')
    .map((o) => o.text)
    .join('');
}

/**
 * Rebuilds the newer text from the older one and the diff alone: unchanged provisions are taken
 * from the older text, changed ones by applying their word operations, added ones from theirs.
 */
function applyTextDiff(from: NegotiatingText, diff: TextDiff): NegotiatingText {
  const chapters: Chapter[] = diff.chapters.flatMap((c) =>
    c.to === null ? [] : [{ key: c.key, title: c.to.title, provisions: [] }],
  );
  for (const p of diff.provisions) {
    if (p.to === null) continue;
    const old = findProvision(from, p.key);
    const oldWording = old === null ? '' : printBody(old.provision.body, parties);
    const newWording = p.wordingChanged ? applyWordOps(oldWording, p.ops) : oldWording;
    const chapter = chapters.find((c) => c.key === p.to?.chapterKey);
    if (chapter === undefined) throw new Error('diff names an unknown chapter');
    (chapter.provisions as unknown[]).push({
      key: p.key,
      status: p.to.status,
      body: parseBody(newWording, parties),
    });
  }
  return { title: diff.title?.to ?? from.title, chapters };
}

describe('word-level diff', () => {
  it('operations rebuild both the old and the new wording exactly', () => {
    fc.assert(
      fc.property(wording, wording, (a, b) => {
        const ops = diffWording(a, b);
        expect(applyWordOps(a, ops)).toBe(b);
        expect(oldSide(ops)).toBe(a);
      }),
      { numRuns: 500 },
    );
  });

  it('an unchanged wording diffs to a single kept run, and empty to nothing', () => {
    expect(diffWording('same words', 'same words')).toEqual([{ op: 'equal', text: 'same words' }]);
    expect(diffWording('', '')).toEqual([]);
  });

  it('works word by word', () => {
    expect(diffWording('within six months', 'within nine months')).toEqual([
      { op: 'equal', text: 'within ' },
      { op: 'delete', text: 'six' },
      { op: 'insert', text: 'nine' },
      { op: 'equal', text: ' months' },
    ]);
  });

  it('refuses operations that were not made from the wording they are applied to', () => {
    expect(() => applyWordOps('abc', [{ op: 'equal', text: 'abd' }])).toThrow('does not apply');
    expect(() => applyWordOps('abc', [{ op: 'equal', text: 'ab' }])).toThrow('whole wording');
  });
});

describe('diff between two versions', () => {
  it('an unchanged version has an empty diff', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const diff = diffTexts(text, text, parties);
        expect(diff.identical).toBe(true);
        expect(diff.title).toBeNull();
        expect(diff.provisions.every((p) => p.change === 'unchanged' && p.ops.length === 0)).toBe(
          true,
        );
        expect(diff.chapters.every((c) => c.change === 'unchanged')).toBe(true);
        expect(diff.summary).toMatchObject({ added: 0, removed: 0, changed: 0 });
      }),
    );
  });

  it('applying the diff to the older version rebuilds the newer one', () => {
    fc.assert(
      fc.property(textArb, textArb, (from, to) => {
        const diff = diffTexts(from, to, parties);
        expect(applyTextDiff(from, diff)).toEqual(to);
        for (const p of diff.provisions) {
          if (p.from !== null && p.to !== null && p.wordingChanged) {
            expect(applyWordOps(p.from.wording, p.ops)).toBe(p.to.wording);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('matches provisions by key, reports added, removed and changed ones, and keeps removed ones in place', () => {
    const v1 = parsePlainText(
      '# A {#a}\n1.1 {#p1} One.\n1.2 {#p2} Two within [six]{GOV} months.\n1.3 {#p3} Three.\n',
      parties,
    ).text;
    const v2 = parsePlainText(
      '# A {#a}\n1.1 {#p0} Zero.\n1.2 {#p1} One.\n1.3 {#p2} Two within nine months.\n',
      parties,
    ).text;
    const diff = diffTexts(v1, v2, parties);
    expect(
      diff.provisions.map((p) => [p.key, p.change, p.from?.number ?? null, p.to?.number ?? null]),
    ).toEqual([
      ['p0', 'added', null, '1.1'],
      ['p1', 'unchanged', '1.1', '1.2'],
      ['p2', 'changed', '1.2', '1.3'],
      ['p3', 'removed', '1.3', null],
    ]);
    expect(diff.provisions[2]?.ops).toEqual([
      { op: 'equal', text: 'Two within ' },
      { op: 'delete', text: '[six]{GOV}' },
      { op: 'insert', text: 'nine' },
      { op: 'equal', text: ' months.' },
    ]);
    expect(diff.provisions[2]).toMatchObject({ wordingChanged: true, statusChanged: true });
    expect(diff.summary).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
  });

  it('reports a reordered provision as moved, and the text as not identical', () => {
    const v1 = parsePlainText(
      '# A\n1.1 {#p1} One.\n1.2 {#p2} Two.\n1.3 {#p3} Three.\n',
      parties,
    ).text;
    const v2 = parsePlainText(
      '# A\n1.1 {#p2} Two.\n1.2 {#p3} Three.\n1.3 {#p1} One.\n',
      parties,
    ).text;
    const diff = diffTexts(v1, v2, parties);
    expect(diff.identical).toBe(false);
    expect(diff.provisions.map((p) => [p.key, p.change, p.moved])).toEqual([
      ['p2', 'unchanged', false],
      ['p3', 'unchanged', false],
      ['p1', 'changed', true],
    ]);
  });

  it('reports a status change alone without word operations', () => {
    const v1 = parsePlainText('# A\n1.1 {#p1} One.\n', parties).text;
    const v2 = setProvisionStatus(v1, asId('p1'), 'agreed');
    const [p] = diffTexts(v1, v2, parties).provisions;
    expect(p).toMatchObject({
      change: 'changed',
      statusChanged: true,
      wordingChanged: false,
      ops: [],
    });
  });

  it('reports added, removed and retitled chapters and a new title', () => {
    const v1 = parsePlainText('Title: Old\n# A {#a}\n# B {#b}\n', parties).text;
    const v2 = parsePlainText('Title: New\n# A2 {#a}\n# C {#c}\n', parties).text;
    const diff = diffTexts(v1, v2, parties);
    expect(diff.title).toEqual({ from: 'Old', to: 'New' });
    expect(diff.chapters.map((c) => [c.key, c.change])).toEqual([
      ['a', 'retitled'],
      ['b', 'removed'],
      ['c', 'added'],
    ]);
  });
});

describe('provision-by-provision comparison of competing texts', () => {
  it('shows what party A signed beside what party B tabled', () => {
    const signed = parsePlainText(
      '# A\n1.1 {agreed #p1} Elections within six months.\n1.2 {agreed #p2} Observers invited.\n1.3 {agreed #p3} Prisoners released.\n',
      parties,
    ).text;
    const tabled = parsePlainText(
      '# A\n1.1 {#p1} Elections within [twelve months]{OPP}.\n1.2 {agreed #p2} Observers invited.\n1.3 {#p3} Prisoners released.\n1.4 {#p4} Sanctions lifted first.\n',
      parties,
    ).text;
    const comparison = compareTexts(signed, tabled, parties);
    expect(comparison.rows.map((r) => [r.key, r.relation])).toEqual([
      ['p1', 'wording_differs'],
      ['p2', 'same'],
      ['p3', 'status_differs'],
      ['p4', 'only_in_b'],
    ]);
    expect(comparison.rows[0]?.ops).toEqual([
      { op: 'equal', text: 'Elections within ' },
      { op: 'delete', text: 'six' },
      { op: 'insert', text: '[twelve' },
      { op: 'equal', text: ' months' },
      { op: 'insert', text: ']{OPP}' },
      { op: 'equal', text: '.' },
    ]);
    expect(comparison.summary).toEqual({
      same: 1,
      wording_differs: 1,
      status_differs: 1,
      only_in_a: 0,
      only_in_b: 1,
    });
    expect(compareTexts(tabled, signed, parties).rows.map((r) => r.relation)).toContain(
      'only_in_a',
    );
  });

  it('every provision of either text appears exactly once', () => {
    fc.assert(
      fc.property(textArb, textArb, (a, b) => {
        const keys = compareTexts(a, b, parties).rows.map((r) => r.key);
        const expected = new Set(
          [...listProvisions(a), ...listProvisions(b)].map((p) => p.provision.key),
        );
        expect(keys).toHaveLength(expected.size);
        expect(new Set(keys)).toEqual(expected);
      }),
    );
  });
});
