import type { Kysely } from 'kysely';
import type { Message, Thread } from '../../core/messages/model.js';
import type { MessageStore } from '../../core/ports.js';
import { asId } from '../../core/shared/ids.js';
import { readersOf, type ProcessBox, type Sealer } from './data-keys.js';
import type { DB, MessagesTable, ThreadsTable } from './schema.js';
import { visibleTo } from './visible-to.js';

const toThread = (r: ThreadsTable, box: ProcessBox): Thread => ({
  id: asId(r.id),
  processId: asId(r.process_id),
  compartmentId: asId(r.compartment_id),
  title: box.row('threads', [r.id]).open('title', r.title),
  sessionId: r.session_id === null ? null : asId(r.session_id),
  createdBy: asId(r.created_by),
  createdAt: r.created_at,
});

const toMessage = (r: MessagesTable, box: ProcessBox): Message => ({
  id: asId(r.id),
  processId: asId(r.process_id),
  threadId: asId(r.thread_id),
  compartmentId: asId(r.compartment_id),
  body: box.row('messages', [r.id]).open('body', r.body),
  authorUserId: asId(r.author_user_id),
  postedAt: r.posted_at,
  relayOf: r.relay_of === null ? null : asId(r.relay_of),
  relayOfCompartmentId: r.relay_of_compartment_id === null ? null : asId(r.relay_of_compartment_id),
});

/** Threads and messages in SQL; every read is filtered by `visibleTo`; titles and bodies encrypted. */
export function messagesRepository(db: Kysely<DB>, sealer: Sealer): MessageStore {
  return {
    async insertThread(t) {
      const sealed = (await sealer.writer(t.processId)).row('threads', [t.id]);
      await db
        .insertInto('threads')
        .values({
          id: t.id,
          process_id: t.processId,
          compartment_id: t.compartmentId,
          title: sealed.seal('title', t.title),
          session_id: t.sessionId,
          created_by: t.createdBy,
          created_at: t.createdAt,
        })
        .execute();
    },
    async findThread(id, visible) {
      const r = await db
        .selectFrom('threads')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(visible))
        .executeTakeFirst();
      return r && toThread(r, await sealer.reader(r.process_id));
    },
    async listThreads(query) {
      let q = db
        .selectFrom('threads')
        .selectAll()
        .where('process_id', '=', query.processId)
        .where(visibleTo(query.visible));
      if (query.compartmentId) q = q.where('compartment_id', '=', query.compartmentId);
      const threads = await q.orderBy('created_at').orderBy('id').execute();
      if (threads.length === 0) return [];
      const box = await sealer.reader(query.processId);
      // Messages share their thread's compartment; the same fragment filters them.
      const stats = await db
        .selectFrom('messages')
        .select((eb) => [
          'thread_id',
          eb.fn.countAll<number>().as('n'),
          eb.fn.max<string>('posted_at').as('last'),
        ])
        .where(
          'thread_id',
          'in',
          threads.map((t) => t.id),
        )
        .where(visibleTo(query.visible))
        .groupBy('thread_id')
        .execute();
      return threads
        .map((t) => {
          const s = stats.find((x) => x.thread_id === t.id);
          return {
            ...toThread(t, box),
            messageCount: Number(s?.n ?? 0),
            lastPostedAt: s?.last ?? null,
          };
        })
        .sort((a, b) =>
          (b.lastPostedAt ?? b.createdAt).localeCompare(a.lastPostedAt ?? a.createdAt),
        );
    },
    async insertMessage(m) {
      const sealed = (await sealer.writer(m.processId)).row('messages', [m.id]);
      await db
        .insertInto('messages')
        .values({
          id: m.id,
          process_id: m.processId,
          thread_id: m.threadId,
          compartment_id: m.compartmentId,
          body: sealed.seal('body', m.body),
          author_user_id: m.authorUserId,
          posted_at: m.postedAt,
          relay_of: m.relayOf,
          relay_of_compartment_id: m.relayOfCompartmentId,
        })
        .execute();
    },
    async findMessage(id, visible) {
      const r = await db
        .selectFrom('messages')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(visible))
        .executeTakeFirst();
      return r && toMessage(r, await sealer.reader(r.process_id));
    },
    async listMessages(threadId, visible) {
      const rows = await db
        .selectFrom('messages')
        .selectAll()
        .where('thread_id', '=', threadId)
        .where(visibleTo(visible))
        .orderBy('posted_at')
        .orderBy('id')
        .execute();
      const boxOf = await readersOf(
        sealer,
        rows.map((r) => r.process_id),
      );
      return rows.map((r) => toMessage(r, boxOf(r.process_id)));
    },
  };
}
