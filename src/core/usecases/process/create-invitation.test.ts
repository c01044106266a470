import { describe, expect, it } from 'vitest';
import { aNegotiation, aProcess, aWorld, refusal } from '../../test-support/factories.js';
import { people, type Person } from '../../test-support/who-sees-what.js';
import type { Role } from '../../process/model.js';
import type { PartyId } from '../../shared/ids.js';
import { createInvitation } from './create-invitation.js';

/** docs/who-sees-what.md: the facilitator and the lead mediator manage invitations. */
const invites: Person[] = ['facilitator', 'lead mediator'];

describe('createInvitation', () => {
  it.each(people)(
    '%s inviting an observer: allowed only to those who manage the process',
    async (person) => {
      const world = aWorld();
      const n = await aNegotiation(world);
      const before = world.db.snapshot();
      const attempt = createInvitation(world.deps, {
        actor: n.people[person].actor,
        processId: n.talks.process.id,
        role: 'observer',
        partyId: null,
        inviteeLabel: 'Envoy of the guarantor state',
      });
      if (invites.includes(person)) await expect(attempt).resolves.toBeDefined();
      else {
        expect((await refusal(attempt)).code).toBe('FORBIDDEN');
        expect(world.db.snapshot()).toEqual(before);
      }
    },
  );

  it('binds the link to a role and party for seven days, keeps only its hash, and audits it', async () => {
    const world = aWorld({ start: '2027-03-01T09:00:00.000Z' });
    const n = await aNegotiation(world);
    const seq = world.seq();
    const { invitation, secret } = await createInvitation(world.deps, {
      actor: n.people['lead mediator'].actor,
      processId: n.talks.process.id,
      role: 'adviser',
      partyId: n.talks.party('OPP').id,
      inviteeLabel: '  Legal adviser  ',
    });
    expect(invitation).toMatchObject({
      role: 'adviser',
      partyId: n.talks.party('OPP').id,
      inviteeLabel: 'Legal adviser',
      tokenHash: world.hashing.sha256(secret),
      createdBy: n.people['lead mediator'].user.id,
      expiresAt: '2027-03-08T09:00:00.000Z',
      usedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(world.db.snapshot())).not.toContain(secret);
    expect(world.events(seq)).toEqual([
      {
        kind: 'invitation.created',
        data: { invitationId: invitation.id, role: 'adviser', partyId: n.talks.party('OPP').id },
        actorUserId: n.people['lead mediator'].user.id,
        processId: n.talks.process.id,
        compartmentId: null,
      },
    ]);
  });

  it('lasts as many days as asked', async () => {
    const world = aWorld({ start: '2027-03-01T09:00:00.000Z' });
    const n = await aNegotiation(world);
    const { invitation } = await createInvitation(world.deps, {
      actor: n.talks.facilitator.actor,
      processId: n.talks.process.id,
      role: 'guarantor',
      partyId: null,
      inviteeLabel: 'Guarantor',
      validDays: 2,
    });
    expect(invitation.expiresAt).toBe('2027-03-03T09:00:00.000Z');
  });

  const broken: Array<{
    what: string;
    role: Role;
    party: 'GOV' | 'none' | 'elsewhere';
    code: string;
  }> = [
    { what: 'the facilitator role', role: 'facilitator', party: 'none', code: 'RULE_VIOLATION' },
    {
      what: 'a delegation role without its party',
      role: 'delegate',
      party: 'none',
      code: 'RULE_VIOLATION',
    },
    {
      what: 'a mediator role with a party',
      role: 'mediator',
      party: 'GOV',
      code: 'RULE_VIOLATION',
    },
    { what: 'a party of another process', role: 'delegate', party: 'elsewhere', code: 'NOT_FOUND' },
  ];

  it.each(broken)('refuses an invitation to $what, changing nothing', async (c) => {
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
      createInvitation(world.deps, {
        actor: n.talks.facilitator.actor,
        processId: n.talks.process.id,
        role: c.role,
        partyId,
        inviteeLabel: 'Someone',
      }),
    );
    expect(refused.code).toBe(c.code);
    expect(world.db.snapshot()).toEqual(before);
  });
});
