import { describe, expect, it } from 'vitest';
import { aNegotiation, aNote, aWorld, refusal, type World } from '../../test-support/factories.js';
import { people, readers, rooms, type Room } from '../../test-support/who-sees-what.js';
import { asId, type CompartmentId } from '../../shared/ids.js';
import { getProcess } from '../process/get-process.js';
import { listItems } from './list-items.js';

/**
 * A negotiation with two notes in every compartment, all of them about the ceasefire, written a
 * minute apart in the order of `rooms` (the OPP bilateral channel's are the newest).
 */
async function withNotesEverywhere(world: World) {
  const n = await aNegotiation(world);
  for (const room of rooms) {
    const author = room.startsWith('OPP')
      ? 'OPP head'
      : room.startsWith('GOV')
        ? 'GOV head'
        : 'mediator';
    for (const i of [1, 2]) {
      world.clock.advance(60_000);
      await aNote(world, n.talks, {
        by: n.people[author],
        in: n.room(room),
        title: `${room} note ${i}`,
        body: `On the CEASEFIRE, from the ${room}.`,
      });
    }
  }
  return n;
}

/** The compartment names of listed items, sorted, for comparing with the page's readers. */
const roomsOf = (items: Array<{ title: string }>) =>
  [...new Set(items.map((i) => i.title.replace(/ note \d$/, '')))].sort();

const readable = (person: (typeof people)[number]) =>
  rooms.filter((room) => readers[room].includes(person)).sort();

describe('listItems', () => {
  it.each(people)('lists for %s only what the page lets them read', async (person) => {
    const world = aWorld();
    const n = await withNotesEverywhere(world);
    const items = await listItems(world.deps, {
      actor: n.people[person].actor,
      processId: n.talks.process.id,
    });
    expect(roomsOf(items)).toEqual(readable(person));
    expect(items).toHaveLength(2 * readable(person).length);
  });

  it.each(people)('finds for %s only what the page lets them read', async (person) => {
    const world = aWorld();
    const n = await withNotesEverywhere(world);
    const found = await listItems(world.deps, {
      actor: n.people[person].actor,
      processId: n.talks.process.id,
      text: 'ceasefire',
    });
    expect(roomsOf(found)).toEqual(readable(person));
  });

  it('finds nothing by a word that only hidden material contains, as for a word nowhere', async () => {
    const world = aWorld();
    const n = await withNotesEverywhere(world);
    const search = (text: string) =>
      listItems(world.deps, {
        actor: n.people['OPP delegate'].actor,
        processId: n.talks.process.id,
        text,
      });
    expect(await search('GOV caucus')).toEqual([]);
    expect(await search('mediators note')).toEqual([]);
    expect((await search('OPP caucus')).length).toBe(2);
  });

  it('keeps the limit to what the reader may see', async () => {
    const world = aWorld();
    const n = await withNotesEverywhere(world);
    // Newest first: OPP's bilateral channel, then OPP's caucus (hidden), then GOV's channel.
    const items = await listItems(world.deps, {
      actor: n.people.secretariat.actor,
      processId: n.talks.process.id,
      limit: 3,
    });
    expect(items.map((i) => i.title)).toEqual([
      'OPP bilateral note 2',
      'OPP bilateral note 1',
      'GOV bilateral note 2',
    ]);
  });

  it('answers a compartment it may not read exactly like one that does not exist', async () => {
    const world = aWorld();
    const n = await withNotesEverywhere(world);
    const inRoom = (compartmentId: CompartmentId) =>
      refusal(
        listItems(world.deps, {
          actor: n.people.mediator.actor,
          processId: n.talks.process.id,
          compartmentId,
        }),
      );
    const hidden = await inRoom(n.room('GOV caucus').id);
    expect(hidden).toEqual(await inRoom(asId('00000000-0000-4000-8000-ffffffffffff')));
    expect(hidden.code).toBe('NOT_FOUND');
  });

  it('records a listing once per confidential compartment it showed, and never the public one', async () => {
    const world = aWorld();
    const n = await withNotesEverywhere(world);
    const seq = world.seq();
    await listItems(world.deps, {
      actor: n.people['GOV head'].actor,
      processId: n.talks.process.id,
    });
    const events = world.events(seq);
    expect(events.map((e) => e.kind)).toEqual(Array(3).fill('compartment.listed'));
    expect(events.map((e) => e.compartmentId).sort()).toEqual(
      (['plenary', 'GOV caucus', 'GOV bilateral'] as Room[]).map((r) => n.room(r).id).sort(),
    );
  });

  it('records a search without its words', async () => {
    const world = aWorld();
    const n = await withNotesEverywhere(world);
    const seq = world.seq();
    await listItems(world.deps, {
      actor: n.people['lead mediator'].actor,
      processId: n.talks.process.id,
      compartmentId: n.room('mediators').id,
      text: 'ceasefire',
    });
    expect(world.events(seq)).toEqual([
      {
        kind: 'compartment.searched',
        data: {},
        actorUserId: n.people['lead mediator'].user.id,
        processId: n.talks.process.id,
        compartmentId: n.room('mediators').id,
      },
    ]);
  });
});

describe('getProcess counts', () => {
  it.each(people)('shows %s the readable compartments only, counted over them', async (person) => {
    const world = aWorld();
    const n = await withNotesEverywhere(world);
    const view = await getProcess(world.deps, {
      actor: n.people[person].actor,
      processId: n.talks.process.id,
    });
    const expected = readable(person).map((room) => [n.room(room).id, 2]);
    expect(view.compartments.map((c) => [c.id, c.itemCount]).sort()).toEqual(expected.sort());
  });
});
