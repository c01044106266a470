import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../audit/catalogue.js';
import type { Membership, Role } from '../process/model.js';
import { asId } from '../shared/ids.js';
import { accessChangesSeenBy, replayAccessChanges } from './access-changes.js';
import type { Compartment } from './compartments.js';

const P = asId<'Process'>('p');
const A = asId<'Party'>('a');
const B = asId<'Party'>('b');
const c = (kind: Compartment['kind'], party: typeof A | null = null): Compartment =>
  ({ id: asId(`${kind}-${party ?? ''}`), processId: P, kind, partyId: party }) as Compartment;
const [pub, plen, med, cauA, bilA, cauB, bilB] = [
  c('public'),
  c('plenary'),
  c('mediators'),
  c('caucus', A),
  c('bilateral', A),
  c('caucus', B),
  c('bilateral', B),
];
const rooms = [pub, plen, med, cauA, bilA, cauB, bilB].filter((x) => x !== undefined);

let seq = 0;
const entry = (kind: string, data: object): AuditEntry => ({
  seq: ++seq,
  at: `2019-05-0${seq}T10:00:00Z`,
  actorUserId: 'lead',
  processId: P,
  compartmentId: null,
  kind,
  data: JSON.stringify(data),
  prevHash: '',
  hash: '',
});
const viewer = (role: Role, partyId: typeof A | null = null, userId = 'viewer'): Membership => ({
  processId: P,
  userId: asId(userId),
  role,
  partyId,
  grants: [],
});
const ids = (...cs: Array<Compartment | undefined>) => cs.map((x) => x?.id);

describe('changes of access, replayed from the audit log', () => {
  const log = [
    entry('membership.added', { userId: 'u', role: 'adviser', partyId: A }),
    entry('item.created', { itemId: 'x' }),
    entry('membership.role_changed', {
      userId: 'u',
      from: 'adviser',
      to: 'observer',
      partyId: null,
    }),
    entry('grant.added', { userId: 'u', compartmentId: plen?.id }),
    entry('membership.removed', { userId: 'u', role: 'observer' }),
    entry('membership.added', { userId: 'v', role: 'no-such-role', partyId: null }),
  ];
  const changes = replayAccessChanges(P, log, rooms);

  it('knows the membership before each change, so a removal closes what a grant opened', () => {
    expect(changes.map((x) => [x.change, x.fromRole, x.toRole, x.opened, x.closed])).toEqual([
      ['joined', null, 'adviser', ids(plen, cauA, bilA), []],
      ['role_changed', 'adviser', 'observer', [], ids(plen, cauA, bilA)],
      ['granted', 'observer', 'observer', ids(plen), []],
      ['left', 'observer', null, [], ids(plen)],
    ]);
  });

  it('shows each viewer only the changes to its rooms, trimmed to its rooms, newest first', () => {
    const seen = (m: Membership) =>
      accessChangesSeenBy(m, changes, rooms).map((x) => [x.change, x.opened, x.closed]);
    expect(seen(viewer('delegate', B))).toEqual([
      ['left', [], ids(plen)],
      ['granted', ids(plen), []],
      ['role_changed', [], ids(plen)],
      ['joined', ids(plen), []],
    ]);
    expect(seen(viewer('mediator'))[3]).toEqual(['joined', ids(plen, bilA), []]);
    // The facilitator reads no room but manages people: every change, no room named.
    expect(seen(viewer('facilitator'))).toHaveLength(4);
    const named = accessChangesSeenBy(viewer('facilitator'), changes, rooms);
    expect(named.flatMap((x) => [...x.opened, ...x.closed])).toEqual([]);
    // An observer without the plenary reads no affected room and is not concerned: nothing.
    expect(seen(viewer('observer'))).toEqual([]);
    // The person concerned always sees its own changes.
    expect(seen(viewer('observer', null, 'u'))).toHaveLength(4);
  });
});
