import { describe, expect, it } from 'vitest';
import { aNegotiation, aNote, aWorld, refusal, type World } from '../../test-support/factories.js';
import { people, readers, rooms, type Room } from '../../test-support/who-sees-what.js';
import { asId, type ItemId } from '../../shared/ids.js';
import { getItem } from './get-item.js';

const missing = asId<'Item'>('00000000-0000-4000-8000-ffffffffffff');

/** A negotiation with one note in every compartment, each written by someone who may. */
async function withNoteIn(world: World, room: Room) {
  const n = await aNegotiation(world);
  const author = room.startsWith('OPP')
    ? 'OPP head'
    : room.startsWith('GOV')
      ? 'GOV head'
      : 'mediator';
  const note = await aNote(world, n.talks, { by: n.people[author], in: n.room(room) });
  return { n, note };
}

describe('getItem', () => {
  const cases = people.flatMap((person) =>
    rooms.map((room) => ({ person, room, reads: readers[room].includes(person) })),
  );

  it.each(cases)(
    '$person reading a note in $room: reads=$reads',
    async ({ person, room, reads }) => {
      const world = aWorld();
      const { n, note } = await withNoteIn(world, room);
      const read = (itemId: ItemId) =>
        getItem(world.deps, {
          actor: n.people[person].actor,
          processId: n.talks.process.id,
          itemId,
        });
      if (reads) {
        expect(await read(note.id)).toMatchObject({
          id: note.id,
          title: note.title,
          body: note.body,
        });
      } else {
        // Not "forbidden", not a different message: the same answer as an id never used.
        const hidden = await refusal(read(note.id));
        expect(hidden).toEqual(await refusal(read(missing)));
        expect(hidden).toEqual({
          code: 'NOT_FOUND',
          message: 'Item not found',
          details: undefined,
        });
      }
    },
  );

  it('records a read of confidential material, in the compartment read', async () => {
    const world = aWorld();
    const { n, note } = await withNoteIn(world, 'GOV caucus');
    const seq = world.seq();
    await getItem(world.deps, {
      actor: n.people['GOV adviser'].actor,
      processId: n.talks.process.id,
      itemId: note.id,
    });
    expect(world.events(seq)).toEqual([
      {
        kind: 'item.read',
        data: { itemId: note.id },
        actorUserId: n.people['GOV adviser'].user.id,
        processId: n.talks.process.id,
        compartmentId: n.room('GOV caucus').id,
      },
    ]);
  });

  it('records no read of public material, and nothing for a refused read', async () => {
    const world = aWorld();
    const { n, note } = await withNoteIn(world, 'public');
    const hidden = await aNote(world, n.talks, { by: n.people.mediator, in: n.room('mediators') });
    const seq = world.seq();
    await getItem(world.deps, {
      actor: n.people.observer.actor,
      processId: n.talks.process.id,
      itemId: note.id,
    });
    await refusal(
      getItem(world.deps, {
        actor: n.people.observer.actor,
        processId: n.talks.process.id,
        itemId: hidden.id,
      }),
    );
    expect(world.events(seq)).toEqual([]);
  });

  it('answers an item of another process like one that does not exist', async () => {
    const world = aWorld();
    const { n } = await withNoteIn(world, 'public');
    const elsewhere = await withNoteIn(world, 'public');
    const read = (itemId: ItemId) =>
      refusal(
        getItem(world.deps, {
          actor: n.people.mediator.actor,
          processId: n.talks.process.id,
          itemId,
        }),
      );
    expect(await read(elsewhere.note.id)).toEqual(await read(missing));
  });

  it('labels the item with its compartment and where this reader may release it', async () => {
    const world = aWorld();
    const { n, note } = await withNoteIn(world, 'GOV caucus');
    const read = async (person: 'GOV head' | 'GOV delegate') =>
      getItem(world.deps, {
        actor: n.people[person].actor,
        processId: n.talks.process.id,
        itemId: note.id,
      });
    const byHead = await read('GOV head');
    expect(byHead).toMatchObject({ compartmentLabel: 'GOV caucus', compartmentKind: 'caucus' });
    expect(byHead.releaseTargets.sort()).toEqual(
      [n.room('GOV bilateral').id, n.room('plenary').id, n.room('public').id].sort(),
    );
    expect((await read('GOV delegate')).releaseTargets).toEqual([]);
  });
});
