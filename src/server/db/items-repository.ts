import type { Kysely } from 'kysely';
import type { Dialect } from './connect.js';
import { fixedQuery } from './fixed-query.js';
import type { Compartment, CompartmentKind } from '../../core/access/compartments.js';
import type { Item, ItemKind } from '../../core/items/model.js';
import type { ItemStore } from '../../core/ports.js';
import { asId, type CompartmentId } from '../../core/shared/ids.js';
import type { ProcessBox, Sealer } from './data-keys.js';
import type { CompartmentsTable, DB, ItemsTable } from './schema.js';
import { visibleTo } from './visible-to.js';

// Literals of one shape, without spreading a common part: every request of a process reads all its
// compartments, and copying by spread was the costliest line of an audited read of our own.
const toCompartment = (r: CompartmentsTable): Compartment => {
  const id = asId<'Compartment'>(r.id);
  const processId = asId<'Process'>(r.process_id);
  const kind = r.kind as CompartmentKind;
  return kind === 'caucus' || kind === 'bilateral'
    ? { id, processId, kind, partyId: asId(r.party_id ?? '') }
    : { id, processId, kind, partyId: null };
};

const toItem = (r: ItemsTable, box: ProcessBox): Item => {
  const sealed = box.row('items', [r.id]);
  return {
    id: asId(r.id),
    processId: asId(r.process_id),
    compartmentId: asId(r.compartment_id),
    kind: r.kind as ItemKind,
    title: sealed.open('title', r.title),
    body: sealed.open('body', r.body),
    authorUserId: asId(r.author_user_id),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    revision: r.revision,
  };
};

/** How many compartments' newest items a list merges at most (SQLite allows 500 arms). */
const mergedAtMost = 100;

/** A process's compartments, read by nearly every request of a process. */
const compartmentsOf = fixedQuery((db, processId: string) =>
  db.selectFrom('compartments').selectAll().where('process_id', '=', processId),
);

/**
 * Compartments and items in SQL; every item read is filtered by `visibleTo`. Titles and bodies are
 * encrypted, so a text search decrypts the rows the caller may see and matches them here.
 */
export function itemsRepository(db: Kysely<DB>, sealer: Sealer, dialect: Dialect): ItemStore {
  return {
    async insertCompartment(c) {
      await db
        .insertInto('compartments')
        .values({ id: c.id, process_id: c.processId, kind: c.kind, party_id: c.partyId })
        .execute();
    },
    async listCompartments(processId) {
      const rows = await compartmentsOf(db, dialect, processId);
      const order: CompartmentKind[] = ['public', 'plenary', 'mediators', 'bilateral', 'caucus'];
      return rows.map(toCompartment).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
    },
    async findCompartment(id) {
      const r = await db
        .selectFrom('compartments')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return r && toCompartment(r);
    },
    async insertItem(i) {
      const sealed = (await sealer.writer(i.processId)).row('items', [i.id]);
      await db
        .insertInto('items')
        .values({
          id: i.id,
          process_id: i.processId,
          compartment_id: i.compartmentId,
          kind: i.kind,
          title: sealed.seal('title', i.title),
          body: sealed.seal('body', i.body),
          author_user_id: i.authorUserId,
          created_at: i.createdAt,
          updated_at: i.updatedAt,
          revision: i.revision,
        })
        .execute();
    },
    async findItem(id, visible) {
      const r = await db
        .selectFrom('items')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(visible))
        .executeTakeFirst();
      return r && toItem(r, await sealer.reader(r.process_id));
    },
    async listItems(q) {
      const box = await sealer.reader(q.processId);
      const asked = [
        ...new Set(q.compartmentId ? q.visible.filter((c) => c === q.compartmentId) : q.visible),
      ];
      const newestIn = (compartments: readonly CompartmentId[]) =>
        db
          .selectFrom('items')
          .selectAll()
          .where('process_id', '=', q.processId)
          .where(visibleTo(compartments))
          .orderBy('updated_at', 'desc')
          .orderBy('id');
      if (!q.text) {
        // The newest of each compartment asked for, by the index (process, compartment, updated_at,
        // id), merged: a list costs the same however many items the process holds, and nothing
        // in it depends on the items of compartments the reader may not see. One compartment
        // needs no merge; past `mergedAtMost` (a process with that many parties is not one we
        // know of) one sorted read of them all stays under every engine's limits.
        if (asked.length <= 1 || asked.length > mergedAtMost)
          return (await newestIn(asked).limit(q.limit).execute()).map((r) => toItem(r, box));
        const arms = asked.map((c) =>
          db.selectFrom(newestIn([c]).limit(q.limit).as('newest')).selectAll(),
        );
        const [first, ...rest] = arms;
        if (!first) return [];
        const merged = rest.reduce((all, arm) => all.unionAll(arm), first);
        const rows = await db
          .selectFrom(merged.as('merged'))
          .selectAll()
          .orderBy('updated_at', 'desc')
          .orderBy('id')
          .limit(q.limit)
          .execute();
        return rows.map((r) => toItem(r, box));
      }
      const query = newestIn(asked);
      // Only what `visibleTo` let through is decrypted and searched, case-insensitively.
      const needle = q.text.toLowerCase();
      const found: Item[] = [];
      for (const r of await query.execute()) {
        const item = toItem(r, box);
        if (item.title.toLowerCase().includes(needle) || item.body.toLowerCase().includes(needle))
          found.push(item);
        if (found.length === q.limit) break;
      }
      return found;
    },
    async countItems(processId, visible) {
      const rows = await db
        .selectFrom('items')
        .select(['compartment_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .groupBy('compartment_id')
        .execute();
      return new Map(
        rows.map((r) => [asId<'Compartment'>(r.compartment_id) as CompartmentId, Number(r.n)]),
      );
    },
    async updateItem(i, expectedRevision) {
      const sealed = (await sealer.writer(i.processId)).row('items', [i.id]);
      const r = await db
        .updateTable('items')
        .set({
          compartment_id: i.compartmentId,
          title: sealed.seal('title', i.title),
          body: sealed.seal('body', i.body),
          updated_at: i.updatedAt,
          revision: i.revision,
        })
        .where('id', '=', i.id)
        .where('revision', '=', expectedRevision)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
