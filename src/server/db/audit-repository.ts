import type { Kysely } from 'kysely';
import type { AuditEntry, AuditEvent } from '../../core/audit/catalogue.js';
import { canonicalJson, entryHash, type Sha256 } from '../../core/audit/chain.js';
import type { AuditLog, Clock } from '../../core/ports.js';
import type { Dialect } from './connect.js';
import type { AuditLogTable, DB } from './schema.js';
import { visibleTo } from './visible-to.js';

/** A stored row as an entry. */
export const toAuditEntry = (r: AuditLogTable): AuditEntry => ({
  seq: Number(r.seq),
  at: r.at,
  actorUserId: r.actor_user_id,
  processId: r.process_id,
  compartmentId: r.compartment_id,
  kind: r.kind,
  data: r.data,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** The audit log in SQL, whose `append` writes at once and answers the entry it wrote. */
export type AuditRepository = Omit<AuditLog, 'append'> & {
  append(event: AuditEvent): Promise<AuditEntry>;
};

/**
 * The audit log in SQL. Appending locks the head row (PostgreSQL: FOR UPDATE; SQLite: the write
 * transaction is already exclusive), so concurrent transactions on several instances chain in one
 * order without gaps; the unit of work appends a transaction's entries last, just before it
 * commits.
 */
export function auditRepository(
  db: Kysely<DB>,
  deps: { dialect: Dialect; clock: Clock; sha256: Sha256 },
): AuditRepository {
  return {
    async append(event) {
      let head = db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
      if (deps.dialect === 'postgres') head = head.forUpdate();
      const current = await head.executeTakeFirstOrThrow();
      const unsigned = {
        seq: Number(current.seq) + 1,
        at: deps.clock.now().toISOString(),
        actorUserId: event.actorUserId,
        processId: event.processId,
        compartmentId: event.compartmentId,
        kind: event.kind,
        data: canonicalJson(event.data),
        prevHash: current.hash,
      };
      const entry: AuditEntry = { ...unsigned, hash: entryHash(unsigned, deps.sha256) };
      await db
        .insertInto('audit_log')
        .values({
          seq: entry.seq,
          at: entry.at,
          actor_user_id: entry.actorUserId,
          process_id: entry.processId,
          compartment_id: entry.compartmentId,
          kind: entry.kind,
          data: entry.data,
          prev_hash: entry.prevHash,
          hash: entry.hash,
        })
        .execute();
      await db
        .updateTable('audit_head')
        .set({ seq: entry.seq, hash: entry.hash })
        .where('id', '=', 1)
        .execute();
      return entry;
    },
    async listByKind(kind) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('kind', '=', kind)
        .orderBy('seq')
        .execute();
      return rows.map(toAuditEntry);
    },
    async findBySeq(seq) {
      const row = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '=', seq)
        .executeTakeFirst();
      return row && toAuditEntry(row);
    },
    async listProcessKinds(processId, kinds) {
      if (kinds.length === 0) return [];
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('process_id', '=', processId)
        .where('kind', 'in', kinds)
        .orderBy('seq')
        .execute();
      return rows.map(toAuditEntry);
    },
    async listForProcess(q) {
      let query = db
        .selectFrom('audit_log')
        .selectAll()
        .where('process_id', '=', q.processId)
        .where((eb) => eb.or([eb('compartment_id', 'is', null), visibleTo(q.visible)]));
      if (q.beforeSeq !== undefined) query = query.where('seq', '<', q.beforeSeq);
      const rows = await query.orderBy('seq', 'desc').limit(q.limit).execute();
      return rows.map(toAuditEntry);
    },
  };
}

/** Streams the whole log in order, in pages, for verification. */
export async function* readWholeLog(db: Kysely<DB>, pageSize = 5000): AsyncGenerator<AuditEntry> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const r of rows) yield toAuditEntry(r);
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1]?.seq ?? after);
  }
}

/** The head recorded beside the log. */
export async function readHead(db: Kysely<DB>): Promise<{ seq: number; hash: string }> {
  const r = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { seq: Number(r.seq), hash: r.hash };
}
