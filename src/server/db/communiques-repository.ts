import type { ExpressionBuilder, Kysely } from 'kysely';
import type {
  Communique,
  CommuniqueKind,
  CommuniqueObjection,
  CommuniqueState,
  PublicStatement,
} from '../../core/communiques/model.js';
import type { CommuniqueStore } from '../../core/ports.js';
import { asId, type CompartmentId } from '../../core/shared/ids.js';
import { readersOf, type ProcessBox, type Sealer } from './data-keys.js';
import type { CommuniquesTable, DB, PublicStatementsTable } from './schema.js';
import { visibleTo } from './visible-to.js';

const toCommunique = (r: CommuniquesTable, box: ProcessBox): Communique => ({
  id: asId(r.id),
  processId: asId(r.process_id),
  kind: r.kind as CommuniqueKind,
  number: r.number,
  title: box.row('communiques', [r.id]).open('title', r.title),
  text: box.row('communiques', [r.id]).open('text', r.text),
  embargoUntil: r.embargo_until,
  state: r.state as CommuniqueState,
  compartmentId: asId(r.compartment_id),
  roundId: r.round_id === null ? null : asId(r.round_id),
  hash: r.hash,
  revision: r.revision,
  createdBy: asId(r.created_by),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  releasedAt: r.released_at,
  releasedBy: r.released_by === null ? null : asId(r.released_by),
  publicFrom: r.public_from,
});

const toStatement = (r: PublicStatementsTable, box: ProcessBox): PublicStatement => ({
  id: asId(r.id),
  processId: asId(r.process_id),
  compartmentId: asId(r.compartment_id),
  partyId: asId(r.party_id),
  roundId: r.round_id === null ? null : asId(r.round_id),
  agreedLineId: r.agreed_line_id === null ? null : asId(r.agreed_line_id),
  source: r.source,
  statedOn: r.stated_on,
  text: box.row('public_statements', [r.id]).open('text', r.text),
  divergence:
    r.divergence === null
      ? null
      : box.row('public_statements', [r.id]).open('divergence', r.divergence),
  recordedBy: asId(r.recorded_by),
  recordedAt: r.recorded_at,
});

/**
 * Where a communiqué is visible: in its compartment, or — once released and its embargo past — in
 * the public compartment. Both halves go through `visibleTo`.
 */
const communiqueVisible =
  (visible: readonly CompartmentId[], now: string) => (eb: ExpressionBuilder<DB, 'communiques'>) =>
    eb.or([
      visibleTo(visible),
      eb.and([eb('public_from', '<=', now), visibleTo(visible, 'public_compartment_id')]),
    ]);

/**
 * Communiqués, approvals and public statements in SQL; every read is filtered by `visibleTo`.
 * Titles and texts (drafts and released alike), statements and divergence notes are encrypted;
 * the wording's SHA-256 (what approvals bind) stays readable.
 */
export function communiquesRepository(db: Kysely<DB>, sealer: Sealer): CommuniqueStore {
  const values = async (c: Communique, publicCompartment: string | null) => {
    const sealed = (await sealer.writer(c.processId)).row('communiques', [c.id]);
    return {
      kind: c.kind,
      number: c.number,
      title: sealed.seal('title', c.title),
      text: sealed.seal('text', c.text),
      embargo_until: c.embargoUntil,
      state: c.state,
      compartment_id: c.compartmentId,
      public_compartment_id: publicCompartment,
      public_from: c.publicFrom,
      round_id: c.roundId,
      hash: c.hash,
      revision: c.revision,
      updated_at: c.updatedAt,
      released_at: c.releasedAt,
      released_by: c.releasedBy,
    };
  };
  async function publicCompartmentOf(c: Communique): Promise<string | null> {
    if (c.publicFrom === null) return null;
    const r = await db
      .selectFrom('compartments')
      .select('id')
      .where('process_id', '=', c.processId)
      .where('kind', '=', 'public')
      .executeTakeFirst();
    return r?.id ?? null;
  }

  return {
    async insertCommunique(c) {
      await db
        .insertInto('communiques')
        .values({
          id: c.id,
          process_id: c.processId,
          created_by: c.createdBy,
          created_at: c.createdAt,
          ...(await values(c, await publicCompartmentOf(c))),
        })
        .execute();
    },
    async updateCommunique(c, expectedRevision) {
      const res = await db
        .updateTable('communiques')
        .set(await values(c, await publicCompartmentOf(c)))
        .where('id', '=', c.id)
        .where('revision', '=', expectedRevision)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async findCommunique(id, visible, now) {
      const r = await db
        .selectFrom('communiques')
        .selectAll()
        .where('id', '=', id)
        .where(communiqueVisible(visible, now))
        .executeTakeFirst();
      return r && toCommunique(r, await sealer.reader(r.process_id));
    },
    async listCommuniques(processId, visible, now) {
      const rows = await db
        .selectFrom('communiques')
        .selectAll()
        .where('process_id', '=', processId)
        .where(communiqueVisible(visible, now))
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const order: Record<CommuniqueState, number> = { draft: 0, circulated: 1, released: 2 };
      const box = await sealer.reader(processId);
      return rows
        .map((r) => toCommunique(r, box))
        .sort(
          (a, b) =>
            order[a.state] - order[b.state] ||
            (a.number ?? 0) - (b.number ?? 0) ||
            (a.releasedAt ?? a.createdAt).localeCompare(b.releasedAt ?? b.createdAt),
        );
    },
    async latestCommuniqueNumber(processId) {
      const r = await db
        .selectFrom('communiques')
        .select((eb) => eb.fn.max<number>('number').as('n'))
        .where('process_id', '=', processId)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async insertApproval(a) {
      await db
        .deleteFrom('communique_approvals')
        .where('communique_id', '=', a.communiqueId)
        .where('approver', '=', a.partyId ?? 'mediators')
        .execute();
      await db
        .insertInto('communique_approvals')
        .values({
          communique_id: a.communiqueId,
          approver: a.partyId ?? 'mediators',
          party_id: a.partyId,
          hash: a.hash,
          approved_by: a.approvedBy,
          approved_at: a.approvedAt,
        })
        .execute();
    },
    async clearApprovals(communiqueId) {
      // Objections go with the wording too, but only approvals are counted as reset.
      await db
        .deleteFrom('communique_approvals')
        .where('communique_id', '=', communiqueId)
        .where('response', '!=', 'approved')
        .execute();
      const res = await db
        .deleteFrom('communique_approvals')
        .where('communique_id', '=', communiqueId)
        .executeTakeFirst();
      return Number(res.numDeletedRows);
    },
    async insertObjection(o) {
      const c = await db
        .selectFrom('communiques')
        .select('process_id')
        .where('id', '=', o.communiqueId)
        .executeTakeFirst();
      if (!c) throw new Error(`communique ${o.communiqueId} not found to seal an objection`);
      const sealed = (await sealer.writer(c.process_id)).row('communique_approvals', [
        o.communiqueId,
        o.partyId,
      ]);
      await db
        .deleteFrom('communique_approvals')
        .where('communique_id', '=', o.communiqueId)
        .where('approver', '=', o.partyId)
        .execute();
      await db
        .insertInto('communique_approvals')
        .values({
          communique_id: o.communiqueId,
          approver: o.partyId,
          party_id: o.partyId,
          hash: o.hash,
          approved_by: o.by,
          approved_at: o.at,
          response: o.kind,
          comment: sealed.seal('comment', o.comment),
        })
        .execute();
    },
    async listObjections(communiqueIds) {
      if (communiqueIds.length === 0) return [];
      const rows = await db
        .selectFrom('communique_approvals')
        .innerJoin('communiques', 'communiques.id', 'communique_approvals.communique_id')
        .selectAll('communique_approvals')
        .select('communiques.process_id')
        .where('communique_approvals.communique_id', 'in', [...communiqueIds])
        .where('communique_approvals.response', '!=', 'approved')
        .orderBy('communique_approvals.approved_at')
        .execute();
      const boxOf = await readersOf(
        sealer,
        rows.map((r) => r.process_id),
      );
      return rows.map((r): CommuniqueObjection => ({
        communiqueId: asId(r.communique_id),
        partyId: asId(r.party_id ?? r.approver),
        hash: r.hash,
        kind: r.response === 'rejected' ? 'rejected' : 'change_requested',
        comment: boxOf(r.process_id)
          .row('communique_approvals', [r.communique_id, r.approver])
          .open('comment', r.comment ?? ''),
        by: asId(r.approved_by),
        at: r.approved_at,
      }));
    },
    async listApprovals(communiqueIds) {
      if (communiqueIds.length === 0) return [];
      const rows = await db
        .selectFrom('communique_approvals')
        .selectAll()
        .where('communique_id', 'in', [...communiqueIds])
        .where('response', '=', 'approved')
        .orderBy('approved_at')
        .execute();
      return rows.map((r) => ({
        communiqueId: asId(r.communique_id),
        partyId: r.party_id === null ? null : asId(r.party_id),
        hash: r.hash,
        approvedBy: asId(r.approved_by),
        approvedAt: r.approved_at,
      }));
    },
    async insertStatement(s) {
      const sealed = (await sealer.writer(s.processId)).row('public_statements', [s.id]);
      await db
        .insertInto('public_statements')
        .values({
          id: s.id,
          process_id: s.processId,
          compartment_id: s.compartmentId,
          party_id: s.partyId,
          round_id: s.roundId,
          agreed_line_id: s.agreedLineId,
          source: s.source,
          stated_on: s.statedOn,
          text: sealed.seal('text', s.text),
          divergence: s.divergence === null ? null : sealed.seal('divergence', s.divergence),
          recorded_by: s.recordedBy,
          recorded_at: s.recordedAt,
        })
        .execute();
    },
    async updateStatement(s) {
      const sealed = (await sealer.writer(s.processId)).row('public_statements', [s.id]);
      await db
        .updateTable('public_statements')
        .set({
          divergence: s.divergence === null ? null : sealed.seal('divergence', s.divergence),
        })
        .where('id', '=', s.id)
        .execute();
    },
    async findStatement(id, visible) {
      const r = await db
        .selectFrom('public_statements')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(visible))
        .executeTakeFirst();
      return r && toStatement(r, await sealer.reader(r.process_id));
    },
    async listStatements(processId, visible) {
      const rows = await db
        .selectFrom('public_statements')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .orderBy('stated_on')
        .orderBy('recorded_at')
        .execute();
      const box = await sealer.reader(processId);
      return rows.map((r) => toStatement(r, box));
    },
  };
}
