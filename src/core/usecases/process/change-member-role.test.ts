import { describe, expect, it } from 'vitest';
import {
  aMember,
  aNegotiation,
  aNote,
  aProcess,
  aUser,
  aWorld,
  consentTo,
  defaultPassword,
  refusal,
} from '../../test-support/factories.js';
import { people, type Person } from '../../test-support/who-sees-what.js';
import type { Role } from '../../process/model.js';
import { asId, type PartyId } from '../../shared/ids.js';
import { getItem } from '../items/get-item.js';
import { acceptInvitation } from './accept-invitation.js';
import { changeMemberRole } from './change-member-role.js';
import { createInvitation } from './create-invitation.js';
import { listAccessChanges } from './list-access-changes.js';

/** docs/who-sees-what.md: the facilitator and the lead mediator manage the members. */
const manages: Person[] = ['facilitator', 'lead mediator'];

describe('changeMemberRole', () => {
  it.each(people.filter((p) => p !== 'GOV adviser'))(
    '%s moving the GOV adviser to delegate: allowed only to those who manage members',
    async (person) => {
      const world = aWorld();
      const n = await aNegotiation(world);
      const before = world.db.snapshot();
      const seq = world.seq();
      const attempt = changeMemberRole(world.deps, {
        actor: n.people[person].actor,
        processId: n.talks.process.id,
        userId: n.people['GOV adviser'].user.id,
        role: 'delegate',
        partyId: n.talks.party('GOV').id,
      });
      if (!manages.includes(person)) {
        expect((await refusal(attempt)).code).toBe('FORBIDDEN');
        expect(world.db.snapshot()).toEqual(before);
        return;
      }
      await attempt;
      expect(world.events(seq)).toEqual([
        {
          kind: 'membership.role_changed',
          data: {
            userId: n.people['GOV adviser'].user.id,
            from: 'adviser',
            to: 'delegate',
            partyId: n.talks.party('GOV').id,
          },
          actorUserId: n.people[person].user.id,
          processId: n.talks.process.id,
          compartmentId: null,
        },
      ]);
      const after = await world.actor(n.people['GOV adviser']);
      expect(after.memberships).toEqual([
        expect.objectContaining({ role: 'delegate', partyId: n.talks.party('GOV').id }),
      ]);
    },
  );

  const broken: Array<{
    what: string;
    by: Person;
    target: Person;
    role: Role;
    party: 'GOV' | 'none' | 'elsewhere';
    code: string;
  }> = [
    {
      what: 'the facilitator role is not given',
      by: 'lead mediator',
      target: 'mediator',
      role: 'facilitator',
      party: 'none',
      code: 'RULE_VIOLATION',
    },
    {
      what: 'the facilitator role is not taken away',
      by: 'lead mediator',
      target: 'facilitator',
      role: 'mediator',
      party: 'none',
      code: 'RULE_VIOLATION',
    },
    {
      what: 'nobody changes their own membership',
      by: 'lead mediator',
      target: 'lead mediator',
      role: 'mediator',
      party: 'none',
      code: 'RULE_VIOLATION',
    },
    {
      what: 'a delegation role names its party',
      by: 'facilitator',
      target: 'observer',
      role: 'delegate',
      party: 'none',
      code: 'RULE_VIOLATION',
    },
    {
      what: 'any other role has no party',
      by: 'facilitator',
      target: 'GOV delegate',
      role: 'observer',
      party: 'GOV',
      code: 'RULE_VIOLATION',
    },
    {
      what: 'the party belongs to this process',
      by: 'facilitator',
      target: 'observer',
      role: 'delegate',
      party: 'elsewhere',
      code: 'NOT_FOUND',
    },
  ];

  it.each(broken)('refuses when $what ($code), changing nothing', async (c) => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const elsewhere = await aProcess(world, { parties: ['GOV'] });
    const partyId: PartyId | null =
      c.party === 'GOV'
        ? n.talks.party('GOV').id
        : c.party === 'elsewhere'
          ? elsewhere.party('GOV').id
          : null;
    const before = world.db.snapshot();
    const refused = await refusal(
      changeMemberRole(world.deps, {
        actor: n.people[c.by].actor,
        processId: n.talks.process.id,
        userId: n.people[c.target].user.id,
        role: c.role,
        partyId,
      }),
    );
    expect(refused.code).toBe(c.code);
    expect(world.db.snapshot()).toEqual(before);
  });

  it('revokes the links of a lead mediator moved to a role that does not invite', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const processId = n.talks.process.id;
    const lead = n.people['lead mediator'];
    const { invitation, secret } = await createInvitation(world.deps, {
      actor: lead.actor,
      processId,
      role: 'observer',
      partyId: null,
      inviteeLabel: 'Envoy',
    });
    const seq = world.seq();
    const moved = await changeMemberRole(world.deps, {
      actor: n.talks.facilitator.actor,
      processId,
      userId: lead.user.id,
      role: 'mediator',
      partyId: null,
    });
    expect(moved).toEqual({ pending: false });
    expect(world.events(seq).map((e) => [e.kind, e.data])).toEqual([
      [
        'membership.role_changed',
        { userId: lead.user.id, from: 'lead_mediator', to: 'mediator', partyId: null },
      ],
      ['invitation.revoked', { invitationId: invitation.id }],
    ]);
    const accepting = acceptInvitation(world.deps, {
      secret,
      ip: null,
      actor: null,
      newAccount: { email: 'envoy@parley.test', displayName: 'Envoy', password: defaultPassword },
    });
    expect((await refusal(accepting)).code).toBe('INVITATION_INVALID');
  });

  it('revokes them when the move into a delegation is confirmed, not while it waits', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const processId = n.talks.process.id;
    const lead = n.people['lead mediator'];
    const { secret } = await createInvitation(world.deps, {
      actor: lead.actor,
      processId,
      role: 'observer',
      partyId: null,
      inviteeLabel: 'Envoy',
    });
    const moved = await changeMemberRole(world.deps, {
      actor: n.talks.facilitator.actor,
      processId,
      userId: lead.user.id,
      role: 'adviser',
      partyId: n.talks.party('GOV').id,
    });
    expect(moved).toEqual({ pending: true });
    const usable = async () =>
      (await world.deps.db.transaction((s) => s.processes.listInvitations(processId))).some(
        (i) => i.tokenHash === world.hashing.sha256(secret) && i.revokedAt === null,
      );
    expect(await usable()).toBe(true);
    await consentTo(world, n.talks, lead.user);
    expect(await usable()).toBe(false);
  });

  it('leaves the links others issued when a member who never invited is moved', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const processId = n.talks.process.id;
    const { secret } = await createInvitation(world.deps, {
      actor: n.people['lead mediator'].actor,
      processId,
      role: 'observer',
      partyId: null,
      inviteeLabel: 'Envoy',
    });
    // Moving the GOV adviser changes nothing of what the lead mediator issued.
    await changeMemberRole(world.deps, {
      actor: n.people['lead mediator'].actor,
      processId,
      userId: n.people['GOV adviser'].user.id,
      role: 'delegate',
      partyId: n.talks.party('GOV').id,
    });
    await expect(
      acceptInvitation(world.deps, {
        secret,
        ip: null,
        actor: null,
        newAccount: { email: 'envoy@parley.test', displayName: 'Envoy', password: defaultPassword },
      }),
    ).resolves.toMatchObject({ processId });
  });

  it('answers someone outside the process like an account that does not exist', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const outsider = await aUser(world);
    const change = (userId: string) =>
      refusal(
        changeMemberRole(world.deps, {
          actor: n.talks.facilitator.actor,
          processId: n.talks.process.id,
          userId: asId(userId),
          role: 'observer',
          partyId: null,
        }),
      );
    expect(await change(outsider.id)).toEqual(await change('00000000-0000-4000-8000-ffffffffffff'));
    expect((await change(outsider.id)).message).toBe('Member not found');
  });

  it('moves a delegate into the other party’s rooms and out of its own at the next request', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const govNote = await aNote(world, n.talks, {
      by: n.people['GOV head'],
      in: n.room('GOV caucus'),
    });
    const oppNote = await aNote(world, n.talks, {
      by: n.people['OPP head'],
      in: n.room('OPP caucus'),
    });
    const mover = await aMember(world, n.talks, { role: 'delegate', party: 'GOV' });
    await changeMemberRole(world.deps, {
      actor: n.talks.facilitator.actor,
      processId: n.talks.process.id,
      userId: mover.user.id,
      role: 'delegate',
      partyId: n.talks.party('OPP').id,
    });
    const read = async (itemId: typeof govNote.id) =>
      getItem(world.deps, {
        actor: await world.actor(mover),
        processId: n.talks.process.id,
        itemId,
      });
    // Until the opposition consents, the delegate keeps the seat it had.
    expect(await read(govNote.id)).toMatchObject({ id: govNote.id });
    expect((await refusal(read(oppNote.id))).code).toBe('NOT_FOUND');
    await consentTo(world, n.talks, mover.user);
    expect((await refusal(read(govNote.id))).code).toBe('NOT_FOUND');
    expect(await read(oppNote.id)).toMatchObject({ id: oppNote.id });
  });

  it('tells each party which of its own rooms the change opened or closed, and no more', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const mover = await aMember(world, n.talks, { role: 'adviser', party: 'GOV' });
    await changeMemberRole(world.deps, {
      actor: n.people['lead mediator'].actor,
      processId: n.talks.process.id,
      userId: mover.user.id,
      role: 'adviser',
      partyId: n.talks.party('OPP').id,
    });
    await consentTo(world, n.talks, mover.user);
    const seenBy = async (person: Person) => {
      const changes = await listAccessChanges(world.deps, {
        actor: n.people[person].actor,
        processId: n.talks.process.id,
      });
      const change = changes.find((c) => c.change === 'role_changed' && c.userId === mover.user.id);
      return change && { opened: [...change.opened].sort(), closed: [...change.closed].sort() };
    };
    const ids = (
      ...rooms: Array<'GOV caucus' | 'GOV bilateral' | 'OPP caucus' | 'OPP bilateral'>
    ) => rooms.map((r) => n.room(r).id).sort();
    expect(await seenBy('GOV delegate')).toEqual({
      opened: [],
      closed: ids('GOV caucus', 'GOV bilateral'),
    });
    expect(await seenBy('OPP delegate')).toEqual({
      opened: ids('OPP caucus', 'OPP bilateral'),
      closed: [],
    });
    expect(await seenBy('observer')).toBeUndefined();
  });
});
