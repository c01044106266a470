import { describe, expect, it } from 'vitest';
import type { Party } from '../process/model.js';
import { asId } from '../shared/ids.js';
import {
  approversAwaited,
  canonicalWording,
  isPublicAt,
  publicFromOf,
  requiredApprovers,
} from './model.js';

const party = (id: string, status: Party['status'] = 'participating'): Party => ({
  id: asId(id),
  processId: asId('p'),
  name: id,
  code: id,
  status,
});

describe('the wording approvers approve', () => {
  const base = { kind: 'communique' as const, title: 'T', text: 'Text', embargoUntil: null };
  it.each([
    ['the text', { text: 'Text.' }],
    ['the title', { title: 'T.' }],
    ['the embargo', { embargoUntil: '2019-05-29T18:00:00.000Z' }],
    ['the kind', { kind: 'press_line' as const }],
  ])('changes when %s changes', (_name, change) => {
    expect(canonicalWording({ ...base, ...change })).not.toBe(canonicalWording(base));
  });

  it('is the same for the same wording, whatever order the fields came in', () => {
    expect(
      canonicalWording({ embargoUntil: null, text: 'Text', title: 'T', kind: 'communique' }),
    ).toBe(canonicalWording(base));
  });
});

describe('approvers', () => {
  const parties = [party('a'), party('b', 'suspended'), party('c', 'withdrawn')];
  const approval = (partyId: string | null, hash: string) => ({
    communiqueId: asId<'Communique'>('c'),
    partyId: partyId === null ? null : asId<'Party'>(partyId),
    hash,
    approvedBy: asId<'User'>('u'),
    approvedAt: '',
  });

  it('are every party that has not withdrawn, and the mediator team', () => {
    expect(requiredApprovers(parties)).toEqual(['a', 'b', null]);
  });

  it('still await anyone whose approval is of another wording', () => {
    expect(approversAwaited(parties, [approval('a', 'old'), approval(null, 'h')], 'h')).toEqual([
      'a',
      'b',
    ]);
    expect(
      approversAwaited(parties, [approval('a', 'h'), approval('b', 'h'), approval(null, 'h')], 'h'),
    ).toEqual([]);
  });
});

describe('the embargo', () => {
  it.each([
    ['no embargo: public at release', null, '2019-05-29T12:00:00.000Z'],
    [
      'an embargo already past: public at release',
      '2019-05-01T00:00:00.000Z',
      '2019-05-29T12:00:00.000Z',
    ],
    ['a later embargo: public then', '2019-05-29T18:00:00.000Z', '2019-05-29T18:00:00.000Z'],
  ])('%s', (_name, embargo, publicFrom) => {
    expect(publicFromOf('2019-05-29T12:00:00.000Z', embargo)).toBe(publicFrom);
  });

  it('makes a communiqué public from the instant of its embargo, not a millisecond before', () => {
    const c = { publicFrom: '2019-05-29T18:00:00.000Z' };
    expect(isPublicAt(c, new Date('2019-05-29T17:59:59.999Z'))).toBe(false);
    expect(isPublicAt(c, new Date('2019-05-29T18:00:00.000Z'))).toBe(true);
    expect(isPublicAt({ publicFrom: null }, new Date('2099-01-01T00:00:00Z'))).toBe(false);
  });
});
