import type { Kysely } from 'kysely';
import type { StoredPreferences } from '../../core/analysis/stored.js';
import type { PreferenceStore } from '../../core/ports.js';
import { asId } from '../../core/shared/ids.js';
import type { DB, PreferencesTable } from './schema.js';
import { visibleTo } from './visible-to.js';

const toPreferences = (r: PreferencesTable): StoredPreferences => ({
  processId: asId(r.process_id),
  partyId: asId(r.party_id),
  compartmentId: asId(r.compartment_id),
  weights: JSON.parse(r.weights) as StoredPreferences['weights'],
  scores: JSON.parse(r.scores) as StoredPreferences['scores'],
  reservation: Number(r.reservation),
  method: r.method as StoredPreferences['method'],
  revision: r.revision,
  updatedAt: r.updated_at,
  updatedBy: asId(r.updated_by),
});

/** Parties' ratings in SQL; a party's own reads pass through `visibleTo`. */
export function preferencesRepository(db: Kysely<DB>): PreferenceStore {
  return {
    async find(processId, partyId, visible) {
      const r = await db
        .selectFrom('preferences')
        .selectAll()
        .where('process_id', '=', processId)
        .where('party_id', '=', partyId)
        .where(visibleTo(visible))
        .executeTakeFirst();
      return r && toPreferences(r);
    },
    async listForEngine(processId) {
      const rows = await db
        .selectFrom('preferences')
        .selectAll()
        .where('process_id', '=', processId)
        .execute();
      return rows.map(toPreferences);
    },
    async save(p, expectedRevision) {
      const values = {
        compartment_id: p.compartmentId,
        weights: JSON.stringify(p.weights),
        scores: JSON.stringify(p.scores),
        reservation: p.reservation,
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
