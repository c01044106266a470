import { describe, expect, it } from 'vitest';
import {
  aMember,
  aNegotiation,
  aNote,
  aWorld,
  defaultPassword,
  refusal,
} from '../../test-support/factories.js';
import { people, type Person } from '../../test-support/who-sees-what.js';
import { asId } from '../../shared/ids.js';
import { getItem } from '../items/get-item.js';
import { listItems } from '../items/list-items.js';
import { acceptInvitation } from './accept-invitation.js';
import { createInvitation } from './create-invitation.js';
import { getProcess } from './get-process.js';
import { listInvitations } from './list-invitations.js';
import { removeMember } from './remove-member.js';

/** docs/who-sees-what.md: the facilitator and the lead mediator manage the members. */
const manages: Person[] = ['facilitator', 'lead mediator'];

describe('removeMember', () => {
  it.each(people.filter((p) => p !== 'OPP delegate'))(
    '%s removing the OPP delegate: allowed only to those who manage members',
    async (person) => {
      const world = aWorld();
      const n = await aNegotiation(world);
      const target = n.people['OPP delegate'];
      const before = world.db.snapshot();
      const seq = world.seq();
      const attempt = removeMember(world.deps, {
        actor: n.people[person].actor,
        processId: n.talks.process.id,
        userId: target.user.id,
      });
      if (!manages.includes(person)) {
        expect((await refusal(attempt)).code).toBe('FORBIDDEN');
        expect(world.db.snapshot()).toEqual(before);
        return;
      }
      await attempt;
      expect(world.events(seq)).toEqual([
        {
          kind: 'membership.removed',
          data: { userId: target.user.id, role: 'delegate' },
          actorUserId: n.people[person].user.id,
          processId: n.talks.process.id,
          compartmentId: null,
        },
      ]);
      expect((await world.actor(target)).memberships).toEqual([]);
    },
  );

  it('revokes the links the removed member issued, and only theirs, audited', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const processId = n.talks.process.id;
    const lead = n.people['lead mediator'];
    const link = (by: Person, inviteeLabel: string) =>
      createInvitation(world.deps, {
        actor: n.people[by].actor,
        processId,
        role: 'observer',
        partyId: null,
        inviteeLabel,
      });
    const issued = [await link('lead mediator', 'Envoy A'), await link('lead mediator', 'Envoy B')];
    const kept = await link('facilitator', 'Envoy C');
    const seq = world.seq();
    await removeMember(world.deps, {
      actor: n.talks.facilitator.actor,
      processId,
      userId: lead.user.id,
    });
    expect(world.events(seq).map((e) => [e.kind, e.data, e.actorUserId])).toEqual([
      [
        'membership.removed',
        { userId: lead.user.id, role: 'lead_mediator' },
        n.talks.facilitator.user.id,
      ],
      ...issued.map((i) => [
        'invitation.revoked',
        { invitationId: i.invitation.id },
        n.talks.facilitator.user.id,
      ]),
    ]);
    const accept = (secret: string, email: string) =>
      acceptInvitation(world.deps, {
        secret,
        ip: null,
        actor: null,
        newAccount: { email, displayName: email, password: defaultPassword },
      });
    for (const [k, i] of issued.entries())
      expect((await refusal(accept(i.secret, `envoy${k}@parley.test`))).code).toBe(
        'INVITATION_INVALID',
      );
    await expect(accept(kept.secret, 'envoy-c@parley.test')).resolves.toMatchObject({ processId });
    const listed = await listInvitations(world.deps, {
      actor: n.talks.facilitator.actor,
      processId,
    });
    expect(
      listed
        .filter((i) => i.revokedAt !== null)
        .map((i) => i.id)
        .sort(),
    ).toEqual(issued.map((i) => i.invitation.id).sort());
  });

  it('leaves the removed member facing a process that seems not to exist', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const note = await aNote(world, n.talks, {
      by: n.people['OPP head'],
      in: n.room('OPP caucus'),
    });
    const target = n.people['OPP delegate'];
    await removeMember(world.deps, {
      actor: n.talks.facilitator.actor,
      processId: n.talks.process.id,
      userId: target.user.id,
    });
    const actor = await world.actor(target);
    const missing = asId<'Process'>('00000000-0000-4000-8000-ffffffffffff');
    const open = (processId: typeof missing) =>
      refusal(getProcess(world.deps, { actor, processId }));
    expect(await open(n.talks.process.id)).toEqual(await open(missing));
    expect(
      await refusal(getItem(world.deps, { actor, processId: n.talks.process.id, itemId: note.id })),
    ).toEqual(await refusal(getItem(world.deps, { actor, processId: missing, itemId: note.id })));
  });

  it.each([
    { what: 'the facilitator', by: 'lead mediator', target: 'facilitator' },
    { what: 'oneself', by: 'lead mediator', target: 'lead mediator' },
  ] as const)('refuses to remove $what, changing nothing', async ({ by, target }) => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const before = world.db.snapshot();
    const refused = await refusal(
      removeMember(world.deps, {
        actor: n.people[by].actor,
        processId: n.talks.process.id,
        userId: n.people[target].user.id,
      }),
    );
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(world.db.snapshot()).toEqual(before);
  });

  it('takes an observer’s grants away with the membership, so rejoining starts from none', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    await aNote(world, n.talks, { by: n.people.mediator, in: n.room('plenary') });
    const watcher = n.people['observer given the plenary'];
    await removeMember(world.deps, {
      actor: n.talks.facilitator.actor,
      processId: n.talks.process.id,
      userId: watcher.user.id,
    });
    const again = await aMember(world, n.talks, { role: 'observer', user: watcher.user });
    expect(again.membership.grants).toEqual([]);
    expect(
      (
        await refusal(
          listItems(world.deps, {
            actor: again.actor,
            processId: n.talks.process.id,
            compartmentId: n.room('plenary').id,
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });
});
