import { describe, expect, it } from 'vitest';
import type { Membership, PendingSeat, Role } from '../process/model.js';
import { asId, type PartyId } from '../shared/ids.js';
import { canConfirmSeat, confirmersFor, consentForRole, isFirstAppointment } from './consent.js';

const processId = asId<'Process'>('p');
const gov = asId<'Party'>('gov');
const opp = asId<'Party'>('opp');
const member = (
  userId: string,
  role: Role,
  partyId: PartyId | null = null,
  delegationAdmin = false,
): Membership => ({
  processId,
  userId: asId(userId),
  role,
  partyId,
  grants: [],
  delegationAdmin,
});
const seat = (userId: string, role: Role, partyId: PartyId | null): PendingSeat => ({
  id: asId('s'),
  processId,
  userId: asId(userId),
  origin: 'role_change',
  role,
  partyId,
  compartmentId: null,
  initiatedBy: asId('admin'),
  createdAt: '2026-12-06T00:00:00Z',
});

describe('whose consent a change of role needs', () => {
  it.each([
    ['an observer joining a delegation', member('u', 'observer'), 'delegate', gov, 'party'],
    ['a newcomer joining a delegation', undefined, 'adviser', gov, 'party'],
    ['a delegate moving to another party', member('u', 'delegate', gov), 'delegate', opp, 'party'],
    ['a delegate made head', member('u', 'delegate', gov), 'head_of_delegation', gov, 'party'],
    ['an adviser made delegate of its party', member('u', 'adviser', gov), 'delegate', gov, null],
    [
      'a head made delegate of its party',
      member('u', 'head_of_delegation', gov),
      'delegate',
      gov,
      null,
    ],
    [
      'a delegate joining the mediator team',
      member('u', 'delegate', gov),
      'mediator',
      null,
      'mediators',
    ],
    ['a mediator made lead mediator', member('u', 'mediator'), 'lead_mediator', null, 'mediators'],
    ['a mediator made secretariat', member('u', 'mediator'), 'secretariat', null, null],
    ['a delegate made observer', member('u', 'delegate', gov), 'observer', null, null],
  ] as const)('%s', (_, before, role, partyId, holder) => {
    expect(consentForRole(before, role, partyId)?.kind ?? null).toBe(holder);
  });
});

describe('who confirms a seat', () => {
  const members = [
    member('head', 'head_of_delegation', gov),
    member('delegate', 'delegate', gov),
    member('admin-delegate', 'adviser', gov, true),
    member('opp-head', 'head_of_delegation', opp),
    member('lead', 'lead_mediator'),
    member('facilitator', 'facilitator'),
  ];
  const holder = { kind: 'party', partyId: gov } as const;
  const s = seat('observer', 'delegate', gov);

  it('is the party’s head or a delegation admin, never a plain delegate or anyone outside', () => {
    const may = members.filter((m) => canConfirmSeat(m, s, holder, members)).map((m) => m.userId);
    expect(may).toEqual(['head', 'admin-delegate']);
  });

  it('falls back to the delegation when it has neither head nor admin', () => {
    const headless = [member('delegate', 'delegate', gov), member('lead', 'lead_mediator')];
    expect(confirmersFor(holder, headless).map((m) => m.userId)).toEqual(['delegate']);
  });

  it('is the appointee alone for the first head of a party with no members', () => {
    const empty = [member('facilitator', 'facilitator'), member('appointee', 'observer')];
    const first = seat('appointee', 'head_of_delegation', gov);
    expect(isFirstAppointment('head_of_delegation', holder, empty)).toBe(true);
    expect(isFirstAppointment('delegate', holder, empty)).toBe(false);
    expect(
      empty.filter((m) => canConfirmSeat(m, first, holder, empty)).map((m) => m.userId),
    ).toEqual(['appointee']);
  });

  it('is never the person taking the seat, once the party has members', () => {
    const own = seat('admin-delegate', 'head_of_delegation', gov);
    expect(canConfirmSeat(members[2], own, holder, members)).toBe(false);
  });
});
