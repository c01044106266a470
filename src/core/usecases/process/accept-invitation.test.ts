import { describe, expect, it } from 'vitest';
import {
  aDeadLink,
  aMember,
  anInvitation,
  aProcess,
  aUser,
  aWorld,
  deadLinkKinds,
  defaultPassword,
  refusal,
} from '../../test-support/factories.js';
import { acceptInvitation } from './accept-invitation.js';
import { previewInvitation } from './preview-invitation.js';

describe('acceptInvitation', () => {
  it('makes a new account a member with the invitation’s role and party, once, audited', async () => {
    const world = aWorld();
    const talks = await aProcess(world, { parties: ['GOV'] });
    const { invitation, secret } = await anInvitation(world, talks, {
      role: 'head_of_delegation',
      party: 'GOV',
    });
    const seq = world.seq();
    const { user, processId } = await acceptInvitation(world.deps, {
      secret,
      ip: null,
      actor: null,
      newAccount: { email: ' Amal@Parley.Test ', displayName: 'Amal', password: defaultPassword },
    });
    if (!user) throw new Error('no account was made');
    expect(processId).toBe(talks.process.id);
    expect(user.email).toBe('amal@parley.test');
    expect((await world.actor(user)).memberships).toEqual([
      {
        processId: talks.process.id,
        userId: user.id,
        role: 'head_of_delegation',
        partyId: talks.party('GOV').id,
        grants: [],
      },
    ]);
    expect(world.events(seq).map((e) => [e.kind, e.data])).toEqual([
      ['user.created', { isAdmin: false }],
      ['invitation.accepted', { invitationId: invitation.id, userId: user.id }],
      // The party's first head accepts their own appointment by accepting the invitation.
      [
        'seat.confirmed',
        expect.objectContaining({
          userId: user.id,
          origin: 'invitation',
          role: 'head_of_delegation',
          partyId: talks.party('GOV').id,
          initiatedBy: invitation.createdBy,
        }),
      ],
      [
        'membership.added',
        { userId: user.id, role: 'head_of_delegation', partyId: talks.party('GOV').id },
      ],
    ]);
  });

  it('works once: a second person with the same link is turned away', async () => {
    const world = aWorld();
    const talks = await aProcess(world);
    const { secret } = await anInvitation(world, talks);
    const accept = async () =>
      acceptInvitation(world.deps, {
        secret,
        ip: null,
        actor: await world.actor(await aUser(world)),
        newAccount: null,
      });
    await accept();
    expect((await refusal(accept())).code).toBe('INVITATION_INVALID');
  });

  it.each(deadLinkKinds)('answers a link %s exactly like one never issued', async (how) => {
    const world = aWorld();
    const talks = await aProcess(world);
    const accept = async (secret: string) =>
      refusal(
        acceptInvitation(world.deps, {
          secret,
          ip: null,
          actor: await world.actor(await aUser(world)),
          newAccount: null,
        }),
      );
    const answer = await accept(await aDeadLink(world, talks, how));
    expect(answer.code).toBe('INVITATION_INVALID');
    expect(answer).toEqual(await accept(await aDeadLink(world, talks, 'never issued')));
  });

  it('gives no second role to a member, and leaves the link unused', async () => {
    const world = aWorld();
    const talks = await aProcess(world, { parties: ['GOV'] });
    const member = await aMember(world, talks, { role: 'observer' });
    const { invitation, secret } = await anInvitation(world, talks, {
      role: 'delegate',
      party: 'GOV',
    });
    const before = world.db.snapshot();
    const refused = await refusal(
      acceptInvitation(world.deps, { secret, actor: member.actor, newAccount: null, ip: null }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(world.db.snapshot()).toEqual(before);
    const stored = world.db.snapshot().invitations.find((i) => i.id === invitation.id);
    expect(stored?.usedAt).toBeNull();
  });

  it('makes no account and keeps the link usable when the new account breaks a rule', async () => {
    const world = aWorld();
    const talks = await aProcess(world);
    const { secret } = await anInvitation(world, talks);
    const before = world.db.snapshot();
    const refused = await refusal(
      acceptInvitation(world.deps, {
        secret,
        ip: null,
        actor: null,
        newAccount: { email: 'short@parley.test', displayName: 'Short', password: 'too short' },
      }),
    );
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(world.db.snapshot()).toEqual(before);
    await expect(previewInvitation(world.deps, { secret })).resolves.toBeDefined();
  });

  it('asks for an account when nobody is signed in and none is given', async () => {
    const world = aWorld();
    const talks = await aProcess(world);
    const { secret } = await anInvitation(world, talks);
    expect(
      (
        await refusal(
          acceptInvitation(world.deps, { secret, actor: null, newAccount: null, ip: null }),
        )
      ).code,
    ).toBe('RULE_VIOLATION');
  });

  it('answers a new account on a taken e-mail like any new account, and holds the link for its owner', async () => {
    const world = aWorld();
    const talks = await aProcess(world, { parties: ['GOV'] });
    const owner = await aUser(world, { email: 'owner@parley.test' });
    const fresh = await anInvitation(world, talks, { role: 'observer' });
    const taken = await anInvitation(world, talks, { role: 'observer' });
    const prober = { displayName: 'Prober', password: 'a prober’s own password' };
    const onFresh = await acceptInvitation(world.deps, {
      secret: fresh.secret,
      ip: null,
      actor: null,
      newAccount: { ...prober, email: 'nobody@parley.test' },
    });
    const ownerBefore = world.db.snapshot().users.find((u) => u.id === owner.id);
    const seq = world.seq();
    const onTaken = await acceptInvitation(world.deps, {
      secret: taken.secret,
      ip: null,
      actor: null,
      newAccount: { ...prober, email: ' Owner@Parley.Test ' },
    });
    expect({ processId: onTaken.processId, pending: onTaken.pending }).toEqual({
      processId: onFresh.processId,
      pending: onFresh.pending,
    });
    // The account is untouched, nobody is seated, and the link is held for the account's owner.
    expect(world.db.snapshot().users.find((u) => u.id === owner.id)).toEqual(ownerBefore);
    expect((await world.actor(owner)).memberships).toEqual([]);
    expect(world.events(seq).map((e) => [e.kind, e.data, e.actorUserId])).toEqual([
      ['invitation.held', { invitationId: taken.invitation.id }, null],
    ]);
    const stored = world.db.snapshot().invitations.find((i) => i.id === taken.invitation.id);
    expect(stored).toMatchObject({ usedAt: null, heldFor: owner.id });
    // To everyone else the held link is used up, like the one the new account took.
    for (const secret of [taken.secret, fresh.secret]) {
      expect((await refusal(previewInvitation(world.deps, { secret }))).code).toBe(
        'INVITATION_INVALID',
      );
      const other = await world.actor(await aUser(world));
      expect(
        (
          await refusal(
            acceptInvitation(world.deps, { secret, ip: null, actor: other, newAccount: null }),
          )
        ).code,
      ).toBe('INVITATION_INVALID');
    }
    // Its owner, signed in, sees it and joins.
    const asOwner = await world.actor(owner);
    await expect(
      previewInvitation(world.deps, { secret: taken.secret, actor: asOwner }),
    ).resolves.toBeDefined();
    const joined = await acceptInvitation(world.deps, {
      secret: taken.secret,
      ip: null,
      actor: asOwner,
      newAccount: null,
    });
    expect(joined.pending).toBe(false);
    expect((await world.actor(owner)).memberships.map((m) => m.role)).toEqual(['observer']);
  });
});
