import { describe, expect, it } from 'vitest';
import { aNegotiation, aNote, aWorld, refusal } from '../../test-support/factories.js';
import type { Person, Room } from '../../test-support/who-sees-what.js';
import { getItem } from './get-item.js';
import { releaseItem } from './release-item.js';

/** Who may write a note in a compartment, to put one there before the release. */
const authorIn = (room: Room): Person =>
  room.startsWith('GOV') ? 'GOV head' : room.startsWith('OPP') ? 'OPP head' : 'lead mediator';

/** From docs/who-sees-what.md, "Releases": up the orders, never down, by whom. */
const releases: Array<{ by: Person; from: Room; to: Room; outcome: string }> = [
  { by: 'GOV head', from: 'GOV caucus', to: 'GOV bilateral', outcome: 'released' },
  { by: 'GOV head', from: 'GOV caucus', to: 'plenary', outcome: 'released' },
  { by: 'GOV head', from: 'GOV caucus', to: 'public', outcome: 'released' },
  { by: 'GOV head', from: 'GOV bilateral', to: 'plenary', outcome: 'released' },
  { by: 'lead mediator', from: 'mediators', to: 'plenary', outcome: 'released' },
  { by: 'lead mediator', from: 'mediators', to: 'public', outcome: 'released' },
  { by: 'lead mediator', from: 'plenary', to: 'public', outcome: 'released' },
  // Only the head releases the party's material; only the lead mediator the team's and plenary.
  { by: 'GOV delegate', from: 'GOV caucus', to: 'GOV bilateral', outcome: 'FORBIDDEN' },
  { by: 'lead mediator', from: 'GOV bilateral', to: 'plenary', outcome: 'FORBIDDEN' },
  { by: 'mediator', from: 'mediators', to: 'plenary', outcome: 'FORBIDDEN' },
  { by: 'GOV head', from: 'plenary', to: 'public', outcome: 'FORBIDDEN' },
  { by: 'OPP head', from: 'plenary', to: 'public', outcome: 'FORBIDDEN' },
  // Never down, sideways or into another party's rooms.
  { by: 'lead mediator', from: 'plenary', to: 'mediators', outcome: 'RULE_VIOLATION' },
  { by: 'GOV head', from: 'GOV bilateral', to: 'GOV caucus', outcome: 'RULE_VIOLATION' },
  { by: 'lead mediator', from: 'mediators', to: 'GOV bilateral', outcome: 'RULE_VIOLATION' },
  { by: 'lead mediator', from: 'plenary', to: 'plenary', outcome: 'RULE_VIOLATION' },
  // Whoever cannot read the item, or the room named as the target, does not learn that it exists.
  { by: 'GOV head', from: 'GOV caucus', to: 'OPP bilateral', outcome: 'NOT_FOUND' },
  { by: 'OPP head', from: 'GOV caucus', to: 'plenary', outcome: 'NOT_FOUND' },
  { by: 'lead mediator', from: 'GOV caucus', to: 'plenary', outcome: 'NOT_FOUND' },
];

describe('releaseItem', () => {
  it.each(releases)(
    '$by moving a note from $from to $to: $outcome',
    async ({ by, from, to, outcome }) => {
      const world = aWorld();
      const n = await aNegotiation(world);
      const note = await aNote(world, n.talks, { by: n.people[authorIn(from)], in: n.room(from) });
      world.clock.advance(60_000);
      const before = world.db.snapshot();
      const seq = world.seq();
      const attempt = releaseItem(world.deps, {
        actor: n.people[by].actor,
        processId: n.talks.process.id,
        itemId: note.id,
        to: n.room(to).id,
        baseRevision: note.revision,
      });
      if (outcome !== 'released') {
        expect((await refusal(attempt)).code).toBe(outcome);
        expect(world.db.snapshot()).toEqual(before);
        return;
      }
      expect(await attempt).toMatchObject({
        compartmentId: n.room(to).id,
        revision: 2,
        updatedAt: world.clock.now().toISOString(),
      });
      expect(world.events(seq)).toEqual([
        {
          kind: 'item.released',
          data: { itemId: note.id, from: n.room(from).id, to: n.room(to).id },
          actorUserId: n.people[by].user.id,
          processId: n.talks.process.id,
          compartmentId: n.room(to).id,
        },
      ]);
    },
  );

  it('lets the readers of the wider compartment read what was released', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const note = await aNote(world, n.talks, {
      by: n.people['GOV head'],
      in: n.room('GOV caucus'),
    });
    const readByOpp = () =>
      getItem(world.deps, {
        actor: n.people['OPP adviser'].actor,
        processId: n.talks.process.id,
        itemId: note.id,
      });
    expect((await refusal(readByOpp())).code).toBe('NOT_FOUND');
    await releaseItem(world.deps, {
      actor: n.people['GOV head'].actor,
      processId: n.talks.process.id,
      itemId: note.id,
      to: n.room('plenary').id,
      baseRevision: 1,
    });
    expect(await readByOpp()).toMatchObject({ id: note.id, compartmentLabel: 'Plenary' });
  });

  it('refuses to release from a revision the releaser has not seen, and changes nothing', async () => {
    const world = aWorld();
    const n = await aNegotiation(world);
    const note = await aNote(world, n.talks, {
      by: n.people['lead mediator'],
      in: n.room('mediators'),
    });
    const before = world.db.snapshot();
    const refused = await refusal(
      releaseItem(world.deps, {
        actor: n.people['lead mediator'].actor,
        processId: n.talks.process.id,
        itemId: note.id,
        to: n.room('plenary').id,
        baseRevision: 0,
      }),
    );
    expect(refused).toMatchObject({
      code: 'STALE_REVISION',
      details: { current: { revision: 1 } },
    });
    expect(world.db.snapshot()).toEqual(before);
  });
});
