import { describe, expect, it } from 'vitest';
import {
  anInvitation,
  aNegotiation,
  aProcess,
  aUser,
  aWorld,
  refusal,
} from '../../test-support/factories.js';
import { people, type Person } from '../../test-support/who-sees-what.js';
import { asId, type InvitationId } from '../../shared/ids.js';
import { acceptInvitation } from './accept-invitation.js';
import { revokeInvitation } from './revoke-invitation.js';

/** docs/who-sees-what.md: the facilitator and the lead mediator manage invitations. */
const invites: Person[] = ['facilitator', 'lead mediator'];

describe('revokeInvitation', () => {
  it.each(people)(
    '%s revoking a link: allowed only to those who manage the process',
    async (person) => {
      const world = aWorld();
      const n = await aNegotiation(world);
      const { invitation } = await anInvitation(world, n.talks);
      world.clock.advance(60_000);
      const before = world.db.snapshot();
      const seq = world.seq();
      const attempt = revokeInvitation(world.deps, {
        actor: n.people[person].actor,
        processId: n.talks.process.id,
        invitationId: invitation.id,
      });
      if (!invites.includes(person)) {
        expect((await refusal(attempt)).code).toBe('FORBIDDEN');
        expect(world.db.snapshot()).toEqual(before);
        return;
      }
      await attempt;
      expect(world.db.snapshot().invitations.find((i) => i.id === invitation.id)?.revokedAt).toBe(
        world.clock.now().toISOString(),
      );
      expect(world.events(seq)).toEqual([
        {
          kind: 'invitation.revoked',
          data: { invitationId: invitation.id },
          actorUserId: n.people[person].user.id,
          processId: n.talks.process.id,
          compartmentId: null,
        },
      ]);
    },
  );

  it.each(['used', 'revoked'] as const)('refuses to revoke a link already %s', async (how) => {
    const world = aWorld();
    const talks = await aProcess(world);
    const { invitation, secret } = await anInvitation(world, talks);
    const revoke = () =>
      revokeInvitation(world.deps, {
        actor: talks.facilitator.actor,
        processId: talks.process.id,
        invitationId: invitation.id,
      });
    if (how === 'used')
      await acceptInvitation(world.deps, {
        secret,
        ip: null,
        actor: await world.actor(await aUser(world)),
        newAccount: null,
      });
    else await revoke();
    const before = world.db.snapshot();
    expect((await refusal(revoke())).code).toBe('INVITATION_INVALID');
    expect(world.db.snapshot()).toEqual(before);
  });

  it('answers another process’s invitation like one that does not exist', async () => {
    const world = aWorld();
    const ours = await aProcess(world);
    const theirs = await aProcess(world, { by: ours.facilitator.user });
    const { invitation } = await anInvitation(world, theirs);
    // The same admin runs both processes: the invitation is real, but not of this process.
    const actor = await world.actor(ours.facilitator);
    const revoke = (invitationId: InvitationId) =>
      refusal(revokeInvitation(world.deps, { actor, processId: ours.process.id, invitationId }));
    expect(await revoke(invitation.id)).toEqual(
      await revoke(asId('00000000-0000-4000-8000-ffffffffffff')),
    );
    expect(
      world.db.snapshot().invitations.find((i) => i.id === invitation.id)?.revokedAt,
    ).toBeNull();
  });
});
