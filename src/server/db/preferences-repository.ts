import type { Kysely } from 'kysely';
import type { StoredPreferences, StoredSubmission } from '../../core/analysis/stored.js';
import type { PreferenceStore } from '../../core/ports.js';
import { asId } from '../../core/shared/ids.js';
import { AtRestError } from '../security/at-rest.js';
import type { ProcessBox, Sealer } from './data-keys.js';
import type { DB, PreferenceSubmissionsTable, PreferencesTable } from './schema.js';
import { visibleTo } from './visible-to.js';

const toPreferences = (r: PreferencesTable, box: ProcessBox): StoredPreferences => {
  const sealed = box.row('preferences', [r.process_id, r.party_id]);
  if (r.reservation_sealed === null)
    throw new AtRestError(
      `preferences.reservation_sealed of row ${r.process_id}/${r.party_id} is missing`,
    );
  return {
    processId: asId(r.process_id),
    partyId: asId(r.party_id),
    compartmentId: asId(r.compartment_id),
    weights: JSON.parse(sealed.open('weights', r.weights)) as StoredPreferences['weights'],
    scores: JSON.parse(sealed.open('scores', r.scores)) as StoredPreferences['scores'],
    reservation: Number(sealed.open('reservation_sealed', r.reservation_sealed)),
    method: r.method as StoredPreferences['method'],
    revision: r.revision,
    updatedAt: r.updated_at,
    updatedBy: asId(r.updated_by),
  };
};

const toSubmission = (r: PreferenceSubmissionsTable, box: ProcessBox): StoredSubmission => {
  const sealed = box.row('preference_submissions', [r.process_id, r.party_id, String(r.number)]);
  return {
    processId: asId(r.process_id),
    partyId: asId(r.party_id),
    number: r.number,
    compartmentId: asId(r.compartment_id),
    weights: JSON.parse(sealed.open('weights', r.weights)) as StoredSubmission['weights'],
    scores: JSON.parse(sealed.open('scores', r.scores)) as StoredSubmission['scores'],
    reservation: Number(sealed.open('reservation', r.reservation)),
    method: r.method as StoredSubmission['method'],
    draftRevision: r.draft_revision,
    submittedAt: r.submitted_at,
    submittedBy: asId(r.submitted_by),
  };
};

/**
 * Parties' ratings in SQL; a party's own reads pass through `visibleTo`. Weights, scores and the
 * reservation value are encrypted (the old numeric reservation column stays 0).
 */
export function preferencesRepository(db: Kysely<DB>, sealer: Sealer): PreferenceStore {
  return {
    async find(processId, partyId, visible) {
      const r = await db
        .selectFrom('preferences')
        .selectAll()
        .where('process_id', '=', processId)
        .where('party_id', '=', partyId)
        .where(visibleTo(visible))
        .executeTakeFirst();
      return r && toPreferences(r, await sealer.reader(processId));
    },
    async listForEngine(processId) {
      const rows = await db
        .selectFrom('preferences')
        .selectAll()
        .where('process_id', '=', processId)
        .execute();
      const box = await sealer.reader(processId);
      return rows.map((r) => toPreferences(r, box));
    },
    async save(p, expectedRevision) {
      const sealed = (await sealer.writer(p.processId)).row('preferences', [
        p.processId,
        p.partyId,
      ]);
      const values = {
        compartment_id: p.compartmentId,
        weights: sealed.seal('weights', JSON.stringify(p.weights)),
        scores: sealed.seal('scores', JSON.stringify(p.scores)),
        reservation: 0,
        reservation_sealed: sealed.seal('reservation_sealed', String(p.reservation)),
        method: p.method,
        revision: p.revision,
        updated_at: p.updatedAt,
        updated_by: p.updatedBy,
      };
      if (expectedRevision === null) {
        const exists = await db
          .selectFrom('preferences')
          .select('revision')
          .where('process_id', '=', p.processId)
          .where('party_id', '=', p.partyId)
          .executeTakeFirst();
        if (exists) return false;
        await db
          .insertInto('preferences')
          .values({ process_id: p.processId, party_id: p.partyId, ...values })
          .execute();
        return true;
      }
      const r = await db
        .updateTable('preferences')
        .set(values)
        .where('process_id', '=', p.processId)
        .where('party_id', '=', p.partyId)
        .where('revision', '=', expectedRevision)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async addSubmission(sub) {
      const sealed = (await sealer.writer(sub.processId)).row('preference_submissions', [
        sub.processId,
        sub.partyId,
        String(sub.number),
      ]);
      const r = await db
        .insertInto('preference_submissions')
        .values({
          process_id: sub.processId,
          party_id: sub.partyId,
          number: sub.number,
          compartment_id: sub.compartmentId,
          weights: sealed.seal('weights', JSON.stringify(sub.weights)),
          scores: sealed.seal('scores', JSON.stringify(sub.scores)),
          reservation: sealed.seal('reservation', String(sub.reservation)),
          method: sub.method,
          draft_revision: sub.draftRevision,
          submitted_at: sub.submittedAt,
          submitted_by: sub.submittedBy,
        })
        .onConflict((oc) => oc.columns(['process_id', 'party_id', 'number']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows) === 1;
    },
    async listSubmissions(processId, partyId, visible) {
      const rows = await db
        .selectFrom('preference_submissions')
        .selectAll()
        .where('process_id', '=', processId)
        .where('party_id', '=', partyId)
        .where(visibleTo(visible))
        .orderBy('number', 'desc')
        .execute();
      if (rows.length === 0) return [];
      const box = await sealer.reader(processId);
      return rows.map((r) => toSubmission(r, box));
    },
    async submissionCounts(processId) {
      const rows = await db
        .selectFrom('preference_submissions')
        .select(['party_id', ({ fn }) => fn.max('number').as('latest')])
        .where('process_id', '=', processId)
        .groupBy('party_id')
        .orderBy('party_id')
        .execute();
      return rows.map((r) => ({ partyId: asId<'Party'>(r.party_id), latest: Number(r.latest) }));
    },
    async latestSubmissions(processId) {
      const rows = await db
        .selectFrom('preference_submissions as s')
        .selectAll('s')
        .where('s.process_id', '=', processId)
        .where(({ eb, selectFrom }) =>
          eb(
            's.number',
            '=',
            selectFrom('preference_submissions as t')
              .select(({ fn }) => fn.max('t.number').as('n'))
              .whereRef('t.process_id', '=', 's.process_id')
              .whereRef('t.party_id', '=', 's.party_id'),
          ),
        )
        .execute();
      if (rows.length === 0) return [];
      const box = await sealer.reader(processId);
      return rows.map((r) => toSubmission(r, box));
    },
  };
}
