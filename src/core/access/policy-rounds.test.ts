import { describe, expect, it } from 'vitest';
import type { Membership, Role } from '../process/model.js';
import { asId, type PartyId } from '../shared/ids.js';
import type { Compartment } from './compartments.js';
import {
  answeringParty,
  canDraftCommunique,
  canOrganiseRounds,
  canRelay,
  canReleaseCommunique,
  canScheduleSession,
  canSeeAttendee,
  canSeeInvitee,
  canSeeRelaySource,
  canSeeVenue,
  communiqueApproverFor,
} from './policy.js';

const P = asId<'Process'>('p');
const A = asId<'Party'>('a');
const B = asId<'Party'>('b');
const c = (kind: Compartment['kind'], party: PartyId | null = null): Compartment =>
  ({ id: asId(`${kind}-${party ?? ''}`), processId: P, kind, partyId: party }) as Compartment;
const m = (role: Role, partyId: PartyId | null = null, user: string = role): Membership => ({
  processId: P,
  userId: asId(user),
  role,
  partyId,
  grants: [],
});
const plen = c('plenary');
const cauA = c('caucus', A);
const bilA = c('bilateral', A);
const bilB = c('bilateral', B);

describe('who organises rounds and sees their venue', () => {
  it.each<[Role, boolean]>([
    ['facilitator', true],
    ['lead_mediator', true],
    ['mediator', true],
    ['secretariat', true],
    ['head_of_delegation', false],
    ['delegate', false],
    ['observer', false],
  ])('a %s organises rounds: %s', (role, expected) => {
    expect(canOrganiseRounds(m(role, role.includes('deleg') ? A : null))).toBe(expected);
  });

  it('shows the venue only to an invitee who has acknowledged the rules', () => {
    const u = asId<'User'>('u');
    expect(canSeeVenue(u, [u], true)).toBe(true);
    expect(canSeeVenue(u, [u], false)).toBe(false);
    expect(canSeeVenue(u, [asId('v')], true)).toBe(false);
  });

  it('shows a delegation its own invitees and the mediators, never the other side’s', () => {
    const reader = m('delegate', A, 'reader');
    expect(canSeeInvitee(reader, m('head_of_delegation', A, 'x'))).toBe(true);
    expect(canSeeInvitee(reader, m('mediator', null, 'y'))).toBe(true);
    expect(canSeeInvitee(reader, m('head_of_delegation', B, 'z'))).toBe(false);
    expect(canSeeInvitee(m('observer', null, 'o'), m('mediator', null, 'y'))).toBe(false);
    expect(canSeeInvitee(m('facilitator'), m('head_of_delegation', B, 'z'))).toBe(true);
  });
});

describe('who schedules sessions and sees their attendees', () => {
  it.each<[string, Membership, 'plenary' | 'caucus' | 'bilateral', Compartment, boolean]>([
    ['a mediator, a plenary', m('mediator'), 'plenary', plen, true],
    ['a delegate, a plenary', m('delegate', A), 'plenary', plen, false],
    ['a delegate, its caucus', m('delegate', A), 'caucus', cauA, true],
    ['an adviser, its caucus', m('adviser', A), 'caucus', cauA, false],
    ['a mediator, a caucus', m('mediator'), 'caucus', cauA, false],
    ['a mediator, a bilateral', m('mediator'), 'bilateral', bilA, true],
    ['a head, its bilateral', m('head_of_delegation', A), 'bilateral', bilA, false],
  ])('%s: %s', (_name, membership, format, compartment, expected) => {
    expect(canScheduleSession(membership, format, compartment)).toBe(expected);
  });

  it('hides the other side’s attendees from a party when the parties share no channel', () => {
    const reader = m('delegate', A);
    expect(canSeeAttendee(reader, false, { partyId: B })).toBe(false);
    expect(canSeeAttendee(reader, false, { partyId: A })).toBe(true);
    expect(canSeeAttendee(reader, false, { partyId: null })).toBe(true);
    expect(canSeeAttendee(reader, true, { partyId: B })).toBe(true);
    expect(canSeeAttendee(m('mediator'), false, { partyId: B })).toBe(true);
  });
});

describe('shuttle relays', () => {
  it.each<[string, Membership, Compartment, Compartment, boolean]>([
    ['a mediator, between the two channels', m('mediator'), bilA, bilB, true],
    ['the lead mediator, back again', m('lead_mediator'), bilB, bilA, true],
    ['the secretariat', m('secretariat'), bilA, bilB, false],
    ['a mediator, within one channel', m('mediator'), bilA, bilA, false],
    ['a mediator, into the plenary', m('mediator'), bilA, plen, false],
    ['a head of delegation', m('head_of_delegation', A), bilA, bilB, false],
  ])('%s: %s', (_name, membership, from, to, expected) => {
    expect(canRelay(membership, from, to)).toBe(expected);
  });

  it('shows where a relay came from only to the mediator team', () => {
    expect(canSeeRelaySource(m('mediator'), bilA)).toBe(true);
    expect(canSeeRelaySource(m('head_of_delegation', B), bilA)).toBe(false);
    expect(canSeeRelaySource(m('head_of_delegation', A), bilA)).toBe(false);
  });
});

describe('communiqués', () => {
  it.each<[Role, PartyId | null, ReturnType<typeof communiqueApproverFor>]>([
    ['lead_mediator', null, { kind: 'mediators' }],
    ['mediator', null, null],
    ['head_of_delegation', A, { kind: 'party', partyId: A }],
    ['delegate', A, null],
    ['observer', null, null],
  ])('a %s approves for %j', (role, party, approver) => {
    expect(communiqueApproverFor(m(role, party))).toEqual(approver);
  });

  it('is drafted by the mediator team and released by the lead mediator', () => {
    expect(canDraftCommunique(m('secretariat'))).toBe(true);
    expect(canDraftCommunique(m('head_of_delegation', A))).toBe(false);
    expect(canReleaseCommunique(m('lead_mediator'))).toBe(true);
    expect(canReleaseCommunique(m('mediator'))).toBe(false);
    expect(answeringParty(m('head_of_delegation', B))).toBe(B);
    expect(answeringParty(m('delegate', B))).toBeNull();
  });
});
