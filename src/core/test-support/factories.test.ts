/** The factories build through the real use cases, and what they return is what was stored. */
import { describe, expect, it } from 'vitest';
import { aMember, aNote, aProcess, aUser, aWorld, refusal } from './factories.js';

describe('the factories', () => {
  it('make a process with its three shared compartments and a caucus and channel per party', async () => {
    const world = aWorld();
    const talks = await aProcess(world, { parties: ['GOV', 'OPP'] });
    expect(talks.compartments.map((c) => c.kind).sort()).toEqual(
      ['bilateral', 'bilateral', 'caucus', 'caucus', 'mediators', 'plenary', 'public'].sort(),
    );
    expect(talks.caucus('OPP').partyId).toBe(talks.party('OPP').id);
    expect(talks.facilitator.membership.role).toBe('facilitator');
    expect(() => talks.caucus('XYZ')).toThrow('no party XYZ');
  });

  it('make a member the way people join: an invitation accepted, each step audited', async () => {
    const world = aWorld();
    const talks = await aProcess(world, { parties: ['GOV'] });
    const seq = world.seq();
    const head = await aMember(world, talks, { role: 'head_of_delegation', party: 'GOV' });
    expect(head.membership).toMatchObject({
      role: 'head_of_delegation',
      partyId: talks.party('GOV').id,
    });
    // The party's first head accepts their own appointment by accepting the invitation.
    expect(world.events(seq).map((e) => e.kind)).toEqual([
      'user.created',
      'invitation.created',
      'invitation.accepted',
      'seat.confirmed',
      'membership.added',
    ]);
    // A delegate's seat waits for the head, who confirms it.
    const next = world.seq();
    const delegate = await aMember(world, talks, { role: 'delegate', party: 'GOV' });
    expect(delegate.membership).toMatchObject({ role: 'delegate' });
    expect(world.events(next).map((e) => e.kind)).toEqual([
      'user.created',
      'invitation.created',
      'invitation.accepted',
      'seat.requested',
      'seat.confirmed',
      'membership.added',
    ]);
  });

  it('obey the rules of the use cases they call', async () => {
    const world = aWorld();
    const talks = await aProcess(world, { parties: ['GOV'] });
    const observer = await aMember(world, talks, { role: 'observer' });
    expect((await refusal(aNote(world, talks, { by: observer, in: talks.public }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(aProcess(world, { by: await aUser(world) }))).code).toBe('FORBIDDEN');
  });
});
