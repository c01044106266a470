import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { asId } from '../shared/ids.js';
import {
  addChapter,
  addProvision,
  moveChapter,
  moveProvision,
  removeChapter,
  removeProvision,
  replaceProvisionBody,
  retitleChapter,
  retitleText,
} from './edit.js';
import { findProvision, listProvisions, type NegotiatingText } from './model.js';
import { parseBody, parsePlainText, printPlainText } from './plain-text.js';
import { parties } from './test-support/arbitraries.js';

const text = parsePlainText(
  '# One {#c1}\n1.1 {#a} Alpha.\n1.2 {agreed #b} Beta.\n# Two {#c2}\n2.1 {#c} Gamma [x]{GOV}.\n',
  parties,
).text;

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
}

function numbers(t: NegotiatingText): string[] {
  return listProvisions(t).map((p) => `${p.number}:${p.provision.key}`);
}

describe('editing the working text', () => {
  it('adds a provision whose status follows from its wording, renumbering the ones after it', () => {
    const after = addProvision(text, {
      chapter: asId('c1'),
      key: asId('new'),
      body: parseBody('New [wording]{OPP}.', parties),
      index: 0,
    });
    expect(numbers(after)).toEqual(['1.1:new', '1.2:a', '1.3:b', '2.1:c']);
    expect(findProvision(after, asId('new'))?.provision.status).toBe('bracketed');
    expect(numbers(text)).toEqual(['1.1:a', '1.2:b', '2.1:c']);
  });

  it('replaces the wording of an open provision and re-derives its status', () => {
    const after = replaceProvisionBody(text, asId('c'), parseBody('Gamma settled.', parties));
    expect(findProvision(after, asId('c'))?.provision).toEqual({
      key: 'c',
      status: 'open',
      body: [{ kind: 'plain', text: 'Gamma settled.' }],
    });
  });

  it('protects agreed wording: no replacing or removing until reopened', () => {
    expect(codeOf(() => replaceProvisionBody(text, asId('b'), []))).toBe('RULE_VIOLATION');
    expect(codeOf(() => removeProvision(text, asId('b')))).toBe('RULE_VIOLATION');
    expect(numbers(removeProvision(text, asId('a')))).toEqual(['1.1:b', '2.1:c']);
  });

  it('moves provisions and chapters, and the numbers follow', () => {
    const moved = moveProvision(text, asId('a'), { chapter: asId('c2'), index: 1 });
    expect(numbers(moved)).toEqual(['1.1:b', '2.1:c', '2.2:a']);
    expect(numbers(moveChapter(text, asId('c2'), 0))).toEqual(['1.1:c', '2.1:a', '2.2:b']);
  });

  it('adds, retitles and removes chapters; only an empty chapter can be removed', () => {
    const added = addChapter(text, { key: asId('c3'), title: '  Three\n', index: 1 });
    expect(added.chapters.map((c) => `${c.key}:${c.title}`)).toEqual([
      'c1:One',
      'c3:Three',
      'c2:Two',
    ]);
    expect(retitleChapter(added, asId('c3'), 'Drei').chapters[1]?.title).toBe('Drei');
    expect(removeChapter(added, asId('c3')).chapters).toHaveLength(2);
    expect(codeOf(() => removeChapter(added, asId('c1')))).toBe('RULE_VIOLATION');
    expect(retitleText(text, 'Agreement').title).toBe('Agreement');
  });

  it.each([
    [
      'a chapter key already used',
      () => addChapter(text, { key: asId('c1'), title: 'x' }),
      'CONFLICT',
    ],
    [
      'a provision key already used',
      () => addProvision(text, { chapter: asId('c1'), key: asId('a'), body: [] }),
      'CONFLICT',
    ],
    [
      'a key the plain-text form cannot write',
      () => addChapter(text, { key: asId('a b'), title: 'x' }),
      'INVALID_INPUT',
    ],
    [
      'an unknown chapter',
      () => addProvision(text, { chapter: asId('nope'), key: asId('z'), body: [] }),
      'NOT_FOUND',
    ],
    [
      'an unknown provision',
      () => moveProvision(text, asId('nope'), { chapter: asId('c1') }),
      'NOT_FOUND',
    ],
  ])('refuses %s', (_case, run, code) => {
    expect(codeOf(run)).toBe(code);
  });

  it('keeps every edited text printable and readable back unchanged', () => {
    const edited = moveProvision(
      addProvision(text, {
        chapter: asId('c2'),
        key: asId('d'),
        body: parseBody('[Alt 1: a]{GOV} / [Alt 2: b]{OPP}', parties),
      }),
      asId('d'),
      { chapter: asId('c1'), index: 0 },
    );
    expect(parsePlainText(printPlainText(edited, parties), parties).text).toEqual(edited);
  });
});
