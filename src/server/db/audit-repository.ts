import { sql, type Kysely } from 'kysely';
import { readKinds, type AuditEntry, type AuditEvent } from '../../core/audit/catalogue.js';
import { repeatWindowMs, withoutRepeatedReads } from '../../core/audit/repeats.js';
import { canonicalJson, entryHash, type Sha256 } from '../../core/audit/chain.js';
import { auditScopeOf, type ScopedAuditEntry } from '../../core/audit/scope.js';
import type { AuditLog, Clock } from '../../core/ports.js';
import type { Dialect } from './connect.js';
import type { AuditLogTable, DB } from './schema.js';
import { visibleTo } from './visible-to.js';

/** A stored row as an entry, with its place in its scope. */
export const toAuditEntry = (r: AuditLogTable): ScopedAuditEntry => ({
  scope: r.scope,
  scopeSeq: r.scope_seq === null ? null : Number(r.scope_seq),
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

/**
 * Appends a transaction's events to the audit log, chained in order after its head; answers the
 * entries written. It locks the head row (PostgreSQL: FOR UPDATE; SQLite: the write transaction is
 * already exclusive), so concurrent transactions on several instances chain in one order without
 * gaps. The unit of work calls it once per group-commit batch, with the events of every transaction
 * in it, last, just before the commit, and on PostgreSQL the entries and the new head are written in
 * one statement: the lock is held for three round trips (lock, write, commit) per batch, which
 * bounds how many batches per second all instances together can commit.
 *
 * Each entry also takes the next number in its audit scope (core/audit/scope.ts), under the same
 * lock, so every scope is numbered without gaps in global order. PostgreSQL computes the numbers
 * inside the insert (the lock is already held when that statement takes its snapshot, so it sees
 * every earlier entry), which keeps the three round trips; SQLite asks first, at no cost.
 */
export async function appendAuditEntries(
  db: Kysely<DB>,
  deps: { dialect: Dialect; clock: Clock; sha256: Sha256 },
  events: readonly AuditEvent[],
): Promise<AuditEntry[]> {
  if (events.length === 0) return [];
  let head = db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  if (deps.dialect === 'postgres') head = head.forUpdate();
  const current = await head.executeTakeFirstOrThrow();
  const now = deps.clock.now();
  const at = now.toISOString();
  // Under the head's lock, so two instances cannot both decide that the other wrote a read.
  events = withoutRepeatedReads(events, await recentReads(db, events, now), now, (e) =>
    canonicalJson(e.data),
  );
  if (events.length === 0) return [];
  const entries: AuditEntry[] = [];
  let previous = { seq: Number(current.seq), hash: current.hash };
  for (const event of events) {
    const unsigned = {
      seq: previous.seq + 1,
      at,
      actorUserId: event.actorUserId,
      processId: event.processId,
      compartmentId: event.compartmentId,
      kind: event.kind,
      data: canonicalJson(event.data),
      prevHash: previous.hash,
    };
    previous = { seq: unsigned.seq, hash: entryHash(unsigned, deps.sha256) };
    entries.push({ ...unsigned, hash: previous.hash });
  }
  const scopes = entries.map(auditScopeOf);
  const named = [...new Set(scopes.filter((x): x is string => x !== null))];
  // SQLite: the last number of each scope this batch touches (the write transaction excludes others),
  // one scope at a time: `max` over one scope reads a single index entry, whereas grouping several
  // scopes in one statement read every entry of each, a batch costing more the longer the log.
  const last = new Map<string, number>();
  if (deps.dialect !== 'postgres')
    for (const scope of named) last.set(scope, await lastInScope(db, scope));
  // Rows go in statements of at most `perStatement` entries, under every database's limit on bound
  // variables (an import appends thousands of entries in one transaction). PostgreSQL numbers a
  // scope from what is already stored, earlier statements of this batch included, so its count
  // restarts with each statement; SQLite counts on from the numbers read above.
  const perStatement = 1000;
  let taken = new Map<string, number>();
  const rowOf = (e: AuditEntry, i: number) => {
    const scope = scopes[i] ?? null;
    let scopeSeq = null;
    if (scope !== null) {
      const k = (taken.get(scope) ?? 0) + 1;
      taken.set(scope, k);
      scopeSeq =
        deps.dialect === 'postgres'
          ? sql<number>`(select coalesce(max(scope_seq), 0) from audit_log where scope = ${scope}) + ${k}`
          : (last.get(scope) ?? 0) + k;
    }
    return {
      seq: e.seq,
      at: e.at,
      actor_user_id: e.actorUserId,
      process_id: e.processId,
      compartment_id: e.compartmentId,
      kind: e.kind,
      data: e.data,
      prev_hash: e.prevHash,
      hash: e.hash,
      scope,
      scope_seq: scopeSeq,
    };
  };
  if (deps.dialect === 'postgres' && entries.length <= perStatement)
    await db
      .with('entries', (w) => w.insertInto('audit_log').values(entries.map(rowOf)))
      .updateTable('audit_head')
      .set(previous)
      .where('id', '=', 1)
      .execute();
  else {
    // SQLite allows no INSERT inside WITH, and has no round trips to save.
    for (let start = 0; start < entries.length; start += perStatement) {
      if (deps.dialect === 'postgres') taken = new Map();
      const part = entries.slice(start, start + perStatement);
      await db
        .insertInto('audit_log')
        .values(part.map((e, j) => rowOf(e, start + j)))
        .execute();
    }
    await db.updateTable('audit_head').set(previous).where('id', '=', 1).execute();
  }
  return entries;
}

/** The number of a scope's last entry (its size: scopes are numbered from 1 without gaps), or 0. */
async function lastInScope(db: Kysely<DB>, scope: string): Promise<number> {
  const r = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('scope_seq').as('n'))
    .where('scope', '=', scope)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * The entries of the last few minutes in the scopes the batch's reads fall in (newest first), with
 * only what tells two reads apart: this runs in every batch that reads.
 */
async function recentReads(
  db: Kysely<DB>,
  events: readonly AuditEvent[],
  now: Date,
): Promise<Array<Pick<AuditEntry, 'kind' | 'actorUserId' | 'compartmentId' | 'data' | 'at'>>> {
  const scopes = [
    ...new Set(
      events
        .filter((e) => readKinds.has(e.kind) && e.actorUserId !== null)
        .map((e) => auditScopeOf({ ...e }))
        .filter((x): x is string => x !== null),
    ),
  ];
  if (scopes.length === 0) return [];
  const since = new Date(now.getTime() - repeatWindowMs).toISOString();
  const out = [];
  for (const scope of scopes)
    for (const r of await db
      .selectFrom('audit_log')
      .select(['kind', 'actor_user_id', 'compartment_id', 'data', 'at'])
      .where('scope', '=', scope)
      .orderBy('scope_seq', 'desc')
      .limit(200)
      .execute())
      if (r.at >= since)
        out.push({
          kind: r.kind,
          actorUserId: r.actor_user_id,
          compartmentId: r.compartment_id,
          data: r.data,
          at: r.at,
        });
  return out;
}

/** The reads of the audit log in SQL; appending is `appendAuditEntries`. */
export function auditRepository(db: Kysely<DB>): Omit<AuditLog, 'append'> {
  return {
    async listByKind(kind) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('kind', '=', kind)
        .orderBy('seq')
        .execute();
      return rows.map(toAuditEntry);
    },
    async findInScope(scope, scopeSeq) {
      const row = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('scope', '=', scope)
        .where('scope_seq', '=', scopeSeq)
        .executeTakeFirst();
      return row && toAuditEntry(row);
    },
    scopeSize: (scope) => lastInScope(db, scope),
    async lastSeq() {
      return (await readHead(db)).seq;
    },
    async listAfter(seq, limit) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', seq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(toAuditEntry);
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
      const f = q.filter ?? {};
      if (f.actorUserId !== undefined) query = query.where('actor_user_id', '=', f.actorUserId);
      if (f.kind !== undefined) query = query.where('kind', '=', f.kind);
      if (f.compartmentId !== undefined)
        query = query.where('compartment_id', '=', f.compartmentId);
      if (f.fromAt !== undefined) query = query.where('at', '>=', f.fromAt);
      if (f.beforeAt !== undefined) query = query.where('at', '<', f.beforeAt);
      const rows = await query.orderBy('seq', 'desc').limit(q.limit).execute();
      return rows.map(toAuditEntry);
    },
  };
}

/** Streams the whole log in order, in pages, for verification. */
export async function* readWholeLog(
  db: Kysely<DB>,
  pageSize = 5000,
): AsyncGenerator<ScopedAuditEntry> {
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
