import { describe, expect, it } from 'vitest';
import { aNegotiation, aNote, aWorld, refusal } from '../../test-support/factories.js';
import type { Person, Room } from '../../test-support/who-sees-what.js';
import { asId } from '../../shared/ids.js';
import { getItem } from './get-item.js';
import { updateItem } from './update-item.js';

describe('updateItem', () => {
  it('writes a new revision over the one it started from, stamped and audited', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const note = await aNote(world, n.talks, {
      by: n.people['GOV head'],
      in: n.room('GOV caucus'),
    });
    world.clock.advance(5 * 60_000);
    const seq = world.seq();
    const updated = await updateItem(world.deps, {
      actor: n.people['GOV delegate'].actor,
      processId: n.talks.process.id,
      itemId: note.id,
      baseRevision: 1,
      changes: { title: '  Red lines, revised ' },
    });
    expect(updated).toMatchObject({
      title: 'Red lines, revised',
      body: note.body,
      revision: 2,
      createdAt: note.createdAt,
      updatedAt: world.clock.now().toISOString(),
    });
    expect(world.events(seq)).toEqual([
      {
        kind: 'item.updated',
        data: { itemId: note.id, revision: 2 },
        actorUserId: n.people['GOV delegate'].user.id,
        processId: n.talks.process.id,
        compartmentId: n.room('GOV caucus').id,
      },
    ]);
  });

  it('refuses an edit from a stale revision, shows the current text and changes nothing', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const note = await aNote(world, n.talks, { by: n.people.mediator, in: n.room('plenary') });
    const edit = (baseRevision: number, body: string) =>
      updateItem(world.deps, {
        actor: n.people.mediator.actor,
        processId: n.talks.process.id,
        itemId: note.id,
        baseRevision,
        changes: { body },
      });
    const first = await edit(1, 'First edit.');
    const before = world.db.snapshot();
    // A second editor who opened revision 1 too.
    expect(await refusal(edit(1, 'Second edit.'))).toEqual({
      code: 'STALE_REVISION',
      message: expect.stringContaining('Someone changed this item') as string,
      details: {
        current: {
          revision: 2,
          title: first.title,
          body: 'First edit.',
          updatedAt: first.updatedAt,
        },
      },
    });
    expect(world.db.snapshot()).toEqual(before);
  });

  const refusals: Array<{ person: Person; room: Room; code: string }> = [
    { person: 'GOV delegate', room: 'public', code: 'FORBIDDEN' },
    { person: 'observer given the plenary', room: 'plenary', code: 'FORBIDDEN' },
    { person: 'facilitator', room: 'public', code: 'FORBIDDEN' },
    { person: 'OPP head', room: 'GOV caucus', code: 'NOT_FOUND' },
    { person: 'lead mediator', room: 'GOV caucus', code: 'NOT_FOUND' },
    { person: 'GOV head', room: 'mediators', code: 'NOT_FOUND' },
    { person: 'guarantor', room: 'plenary', code: 'NOT_FOUND' },
  ];

  it.each(refusals)(
    '$person editing a note in $room: $code, and nothing changes',
    async ({ person, room, code }) => {
      const world = aWorld();
      const n = await aNegotiation(world);
      const author = room === 'GOV caucus' ? 'GOV head' : 'lead mediator';
      const note = await aNote(world, n.talks, { by: n.people[author], in: n.room(room) });
      const before = world.db.snapshot();
      const edit = (itemId: string) =>
        refusal(
          updateItem(world.deps, {
            actor: n.people[person].actor,
            processId: n.talks.process.id,
            itemId: asId(itemId),
            baseRevision: 1,
            changes: { body: 'Overwritten.' },
          }),
        );
      const refused = await edit(note.id);
      expect(refused.code).toBe(code);
      if (code === 'NOT_FOUND')
        expect(refused).toEqual(await edit('00000000-0000-4000-8000-ffffffffffff'));
      expect(world.db.snapshot()).toEqual(before);
    },
  );

  it('leaves the item as the first of two racing editors wrote it', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const note = await aNote(world, n.talks, {
      by: n.people['OPP head'],
      in: n.room('OPP bilateral'),
    });
    const edit = (person: Person, body: string) =>
      updateItem(world.deps, {
        actor: n.people[person].actor,
        processId: n.talks.process.id,
        itemId: note.id,
        baseRevision: 1,
        changes: { body },
      });
    const outcomes = await Promise.allSettled([
      edit('OPP head', 'Ours.'),
      edit('mediator', 'Theirs.'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    const stored = await getItem(world.deps, {
      actor: n.people['OPP head'].actor,
      processId: n.talks.process.id,
      itemId: note.id,
    });
    expect(stored).toMatchObject({ body: 'Ours.', revision: 2 });
  });
});
