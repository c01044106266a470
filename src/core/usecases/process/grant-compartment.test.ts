import { describe, expect, it } from 'vitest';
import { aNegotiation, aNote, aWorld, consentTo, refusal } from '../../test-support/factories.js';
import { people, type Person, type Room } from '../../test-support/who-sees-what.js';
import { getItem } from '../items/get-item.js';
import { grantCompartment } from './grant-compartment.js';

/** docs/who-sees-what.md: the facilitator and the lead mediator manage the members. */
const manages: Person[] = ['facilitator', 'lead mediator'];

describe('grantCompartment', () => {
  it.each(people.filter((p) => p !== 'guarantor'))(
    '%s giving the guarantor the plenary: allowed only to those who manage members',
    async (person) => {
      const world = aWorld();
      const n = await aNegotiation(world);
      const guarantor = n.people.guarantor;
      const before = world.db.snapshot();
      const seq = world.seq();
      const attempt = grantCompartment(world.deps, {
        actor: n.people[person].actor,
        processId: n.talks.process.id,
        userId: guarantor.user.id,
        compartmentId: n.room('plenary').id,
      });
      if (!manages.includes(person)) {
        expect((await refusal(attempt)).code).toBe('FORBIDDEN');
        expect(world.db.snapshot()).toEqual(before);
        return;
      }
      await attempt;
      expect(world.events(seq)).toEqual([
        {
          kind: 'grant.added',
          data: { userId: guarantor.user.id, compartmentId: n.room('plenary').id },
          actorUserId: n.people[person].user.id,
          processId: n.talks.process.id,
          compartmentId: null,
        },
      ]);
    },
  );

  it('lets the guarantor read the plenary from the next request, and nothing more', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const plenary = await aNote(world, n.talks, {
      by: n.people['GOV head'],
      in: n.room('plenary'),
    });
    const bilateral = await aNote(world, n.talks, {
      by: n.people['GOV head'],
      in: n.room('GOV bilateral'),
    });
    const guarantor = n.people.guarantor;
    const read = async (itemId: typeof plenary.id) =>
      getItem(world.deps, {
        actor: await world.actor(guarantor),
        processId: n.talks.process.id,
        itemId,
      });
    expect((await refusal(read(plenary.id))).code).toBe('NOT_FOUND');
    await grantCompartment(world.deps, {
      actor: n.talks.facilitator.actor,
      processId: n.talks.process.id,
      userId: guarantor.user.id,
      compartmentId: n.room('plenary').id,
    });
    expect(await read(plenary.id)).toMatchObject({ id: plenary.id });
    expect((await refusal(read(bilateral.id))).code).toBe('NOT_FOUND');
  });

  it('gives a compartment once: a second grant records nothing', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const seq = world.seq();
    await grantCompartment(world.deps, {
      actor: n.talks.facilitator.actor,
      processId: n.talks.process.id,
      userId: n.people['observer given the plenary'].user.id,
      compartmentId: n.room('plenary').id,
    });
    expect(world.events(seq)).toEqual([]);
  });

  // A room the lead mediator may not read answers like one that does not exist.
  const refused: Array<{ what: string; target: Person; room: Room; code: string }> = [
    { what: 'a caucus', target: 'guarantor', room: 'GOV caucus', code: 'NOT_FOUND' },
    {
      what: 'the plenary to a delegate',
      target: 'GOV delegate',
      room: 'plenary',
      code: 'RULE_VIOLATION',
    },
    {
      what: 'the plenary to a secretariat member',
      target: 'secretariat',
      room: 'plenary',
      code: 'RULE_VIOLATION',
    },
  ];

  it.each(refused)(
    'refuses to give $what ($code), changing nothing',
    async ({ target, room, code }) => {
      const world = aWorld();
      const n = await aNegotiation(world);
      const before = world.db.snapshot();
      const answer = await refusal(
        grantCompartment(world.deps, {
          actor: n.people['lead mediator'].actor,
          processId: n.talks.process.id,
          userId: n.people[target].user.id,
          compartmentId: n.room(room).id,
        }),
      );
      expect(answer.code).toBe(code);
      expect(world.db.snapshot()).toEqual(before);
    },
  );

  it.each([{ room: 'OPP bilateral' as Room }, { room: 'mediators' as Room }])(
    'gives the observer $room only once its holder consents',
    async ({ room }) => {
      const world = aWorld();
      const n = await aNegotiation(world);
      const note = await aNote(world, n.talks, {
        by: room === 'mediators' ? n.people['lead mediator'] : n.people['OPP head'],
        in: n.room(room),
      });
      const observer = n.people.observer;
      const read = async () =>
        getItem(world.deps, {
          actor: await world.actor(observer),
          processId: n.talks.process.id,
          itemId: note.id,
        });
      expect(
        await grantCompartment(world.deps, {
          actor: n.people['lead mediator'].actor,
          processId: n.talks.process.id,
          userId: observer.user.id,
          compartmentId: n.room(room).id,
        }),
      ).toEqual({ pending: true });
      expect((await refusal(read())).code).toBe('NOT_FOUND');
      await consentTo(world, n.talks, observer.user);
      expect(await read()).toMatchObject({ id: note.id });
    },
  );
});
