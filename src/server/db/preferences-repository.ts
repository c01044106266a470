import type { Kysely } from 'kysely';
import type { StoredPreferences } from '../../core/analysis/stored.js';
import type { PreferenceStore } from '../../core/ports.js';
import { asId } from '../../core/shared/ids.js';
import { AtRestError } from '../security/at-rest.js';
import type { ProcessBox, Sealer } from './data-keys.js';
import type { DB, PreferencesTable } from './schema.js';
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
  };
}
