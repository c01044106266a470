import { describe, expect, it } from 'vitest';
import { aNegotiation, aWorld, refusal } from '../../test-support/factories.js';
import { recordTransactions } from '../../test-support/memory-stores.js';
import { people, readers, rooms, writers } from '../../test-support/who-sees-what.js';
import { asId } from '../../shared/ids.js';
import { createNote } from './create-note.js';

/** Every person against every compartment, with the answer docs/who-sees-what.md gives. */
const cases = people.flatMap((person) =>
  rooms.map((room) => {
    const outcome = writers[room].includes(person)
      ? 'writes'
      : readers[room].includes(person)
        ? 'FORBIDDEN'
        : 'NOT_FOUND';
    return { person, room, outcome };
  }),
);

describe('createNote', () => {
  it.each(cases)('$person adding to $room: $outcome', async ({ person, room, outcome }) => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const before = world.db.snapshot();
    const seq = world.seq();
    const attempt = createNote(world.deps, {
      actor: n.people[person].actor,
      processId: n.talks.process.id,
      compartmentId: n.room(room).id,
      title: '  Sequencing of the ceasefire  ',
      body: 'Monitoring first.',
    });
    if (outcome === 'writes') {
      const note = await attempt;
      expect(note).toMatchObject({
        compartmentId: n.room(room).id,
        title: 'Sequencing of the ceasefire',
        authorUserId: n.people[person].user.id,
        revision: 1,
      });
      expect(world.events(seq)).toEqual([
        {
          kind: 'item.created',
          data: { itemId: note.id },
          actorUserId: n.people[person].user.id,
          processId: n.talks.process.id,
          compartmentId: n.room(room).id,
        },
      ]);
    } else {
      expect((await refusal(attempt)).code).toBe(outcome);
      expect(world.db.snapshot()).toEqual(before);
    }
  });

  it('answers a compartment it may not read exactly like one that does not exist', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const as = (compartmentId: string) =>
      refusal(
        createNote(world.deps, {
          actor: n.people['OPP delegate'].actor,
          processId: n.talks.process.id,
          compartmentId: asId(compartmentId),
          title: 'x',
          body: 'y',
        }),
      );
    const hidden = await as(n.room('GOV caucus').id);
    expect(hidden).toEqual(await as('00000000-0000-4000-8000-ffffffffffff'));
    expect(hidden).toEqual({
      code: 'NOT_FOUND',
      message: 'Compartment not found',
      details: undefined,
    });
  });

  it('stores the note and its audit event in one transaction', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const db = recordTransactions(world.db);
    await createNote(
      { ...world.deps, db },
      {
        actor: n.people['GOV head'].actor,
        processId: n.talks.process.id,
        compartmentId: n.room('GOV caucus').id,
        title: 'Red lines',
        body: '…',
      },
    );
    expect(db.calls).toHaveLength(1);
    expect(db.calls[0]).toEqual(expect.arrayContaining(['items.insertItem', 'audit.append']));
  });

  it('answers a process the actor is not a member of like one that does not exist', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const other = await aNegotiation(world);
    const into = (processId: string) =>
      refusal(
        createNote(world.deps, {
          actor: n.people['GOV head'].actor,
          processId: asId(processId),
          compartmentId: other.room('public').id,
          title: 'x',
          body: 'y',
        }),
      );
    expect(await into(other.talks.process.id)).toEqual(
      await into('00000000-0000-4000-8000-ffffffffffff'),
    );
  });
});
