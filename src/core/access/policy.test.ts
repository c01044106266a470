import { describe, expect, it } from 'vitest';
import type { Membership, Role } from '../process/model.js';
import { asId } from '../shared/ids.js';
import type { Compartment } from './compartments.js';
import { isWider } from './compartments.js';
import { canOnProcess, canReadCompartment, canRelease, canWriteCompartment } from './policy.js';

const P = asId<'Process'>('p');
const A = asId<'Party'>('a');
const B = asId<'Party'>('b');
const c = (kind: Compartment['kind'], party: typeof A | null = null): Compartment =>
  ({ id: asId(`${kind}-${party ?? ''}`), processId: P, kind, partyId: party }) as Compartment;
const m = (
  role: Role,
  partyId: typeof A | null = null,
  grants: Compartment[] = [],
): Membership => ({
  processId: P,
  userId: asId('u'),
  role,
  partyId,
  grants: grants.map((g) => g.id),
});

const pub = c('public');
const plen = c('plenary');
const med = c('mediators');
const cauA = c('caucus', A);
const cauB = c('caucus', B);
const bilA = c('bilateral', A);
const bilB = c('bilateral', B);
const all = [pub, plen, med, cauA, cauB, bilA, bilB];

describe('who reads which compartment', () => {
  const table: Array<[string, Membership, Compartment[]]> = [
    ['the facilitator reads only public material', m('facilitator'), [pub]],
    [
      'a mediator reads plenary, the team room and every bilateral channel',
      m('mediator'),
      [pub, plen, med, bilA, bilB],
    ],
    [
      'the secretariat reads what the mediators read',
      m('secretariat'),
      [pub, plen, med, bilA, bilB],
    ],
    [
      'a delegate reads plenary, the own caucus and the own bilateral channel',
      m('delegate', A),
      [pub, plen, cauA, bilA],
    ],
    [
      "another party's adviser reads the other party's side only",
      m('adviser', B),
      [pub, plen, cauB, bilB],
    ],
    ['an observer reads only public material unless given more', m('observer'), [pub]],
    ['an observer given the plenary reads it too', m('observer', null, [plen]), [pub, plen]],
  ];
  it.each(table)('%s', (_name, membership, readable) => {
    expect(all.filter((x) => canReadCompartment(membership, x))).toEqual(readable);
  });

  it('nobody outside the process reads anything, not even its public material', () => {
    expect(all.some((x) => canReadCompartment(undefined, x))).toBe(false);
    expect(canReadCompartment({ ...m('lead_mediator'), processId: asId('q') }, pub)).toBe(false);
  });
});

describe('who writes and releases', () => {
  it('observers and the facilitator never write; only the mediators write to public', () => {
    expect(all.some((x) => canWriteCompartment(m('observer', null, [plen]), x))).toBe(false);
    expect(all.some((x) => canWriteCompartment(m('facilitator'), x))).toBe(false);
    expect(canWriteCompartment(m('delegate', A), pub)).toBe(false);
    expect(canWriteCompartment(m('mediator'), pub)).toBe(true);
  });

  it.each([
    ['head of A releases caucus A to bilateral A', m('head_of_delegation', A), cauA, bilA, true],
    ['head of A releases caucus A to plenary', m('head_of_delegation', A), cauA, plen, true],
    ['a delegate of A may not release', m('delegate', A), cauA, bilA, false],
    [
      'head of A may not release into the other party bilateral',
      m('head_of_delegation', A),
      cauA,
      bilB,
      false,
    ],
    ['the lead mediator releases the team room to plenary', m('lead_mediator'), med, plen, true],
    ['a mediator may not release the team room', m('mediator'), med, plen, false],
    [
      'the lead mediator may not release a party bilateral channel',
      m('lead_mediator'),
      bilA,
      plen,
      false,
    ],
    ['nothing is released to a narrower compartment', m('lead_mediator'), plen, med, false],
  ] as const)('%s', (_n, membership, from, to, allowed) => {
    expect(canRelease(membership, from, to)).toBe(allowed);
  });

  it('orders compartments from narrow to wide', () => {
    expect(isWider(cauA, bilA)).toBe(true);
    expect(isWider(bilA, cauA)).toBe(false);
    expect(isWider(cauA, bilB)).toBe(false);
    expect(isWider(med, plen)).toBe(true);
    expect(isWider(plen, pub)).toBe(true);
    expect(isWider(pub, plen)).toBe(false);
    expect(isWider(med, bilA)).toBe(false);
  });

  it('lets only the facilitator and the lead mediator manage a process', () => {
    const roles: Role[] = [
      'facilitator',
      'lead_mediator',
      'mediator',
      'secretariat',
      'head_of_delegation',
      'delegate',
      'adviser',
      'guarantor',
      'observer',
    ];
    expect(
      roles.filter((r) =>
        canOnProcess(m(r, r.includes('delega') || r === 'adviser' ? A : null), 'manage'),
      ),
    ).toEqual(['facilitator', 'lead_mediator']);
  });
});
