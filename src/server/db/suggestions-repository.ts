/**
 * Suggestion sets, consents and the publication bound in SQL. A set and its parts are inserted
 * once and never updated; a reader's query loads only the parties' parts it names. Packages and
 * each party's numbers are encrypted at rest.
 */
import type { Kysely } from 'kysely';
import type { SuggestedPackage, SuggestionSet } from '../../core/analysis/suggestion-sets.js';
import { DEFAULT_SETS_PER_ROUND } from '../../core/analysis/suggestion-sets.js';
import type { SuggestionStore } from '../../core/ports.js';
import { asId, type PartyId } from '../../core/shared/ids.js';
import type { Sealer } from './data-keys.js';
import type { DB } from './schema.js';
import { visibleTo } from './visible-to.js';

/** A party's numbers in a set, as stored (sealed JSON). */
interface StoredNumbers {
  reservation: number;
  utilities: number[];
}

/** The suggestion store over a transaction or connection. */
export function suggestionsRepository(db: Kysely<DB>, sealer: Sealer): SuggestionStore {
  return {
    async addSet(set) {
      const box = await sealer.writer(set.processId);
      const r = await db
        .insertInto('suggestion_sets')
        .values({
          id: set.id,
          process_id: set.processId,
          number: set.number,
          round_id: set.roundId,
          compartment_id: set.compartmentId,
          packages: box
            .row('suggestion_sets', [set.id])
            .seal('packages', JSON.stringify(set.packages)),
          published_at: set.publishedAt,
          published_by: set.publishedBy,
        })
        .onConflict((oc) => oc.columns(['process_id', 'number']).doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows) !== 1) return false;
      for (const input of set.inputs) {
        const numbers: StoredNumbers = input.numbers
          ? { reservation: input.numbers.reservation, utilities: [...input.numbers.utilities] }
          : { reservation: 0, utilities: [] };
        await db
          .insertInto('suggestion_set_inputs')
          .values({
            set_id: set.id,
            party_id: input.partyId,
            submission_number: input.submissionNumber,
            utilities: box
              .row('suggestion_set_inputs', [set.id, input.partyId])
              .seal('utilities', JSON.stringify(numbers)),
          })
          .execute();
      }
      return true;
    },
    async listSets(processId, visible, reader) {
      const rows = await db
        .selectFrom('suggestion_sets')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .orderBy('number')
        .execute();
      if (rows.length === 0) return [];
      const inputs =
        reader.inputsOf.length === 0
          ? []
          : await db
              .selectFrom('suggestion_set_inputs')
              .selectAll()
              .where(
                'set_id',
                'in',
                rows.map((r) => r.id),
              )
              .where('party_id', 'in', [...reader.inputsOf])
              .execute();
      // The reader's order of parties (the process's), never the ids' random order.
      const rank = (id: string) => reader.inputsOf.indexOf(asId<'Party'>(id));
      inputs.sort((a, b) => rank(a.party_id) - rank(b.party_id));
      const box = await sealer.reader(processId);
      return rows.map((r): SuggestionSet => ({
        id: asId(r.id),
        processId: asId(r.process_id),
        number: r.number,
        roundId: r.round_id === null ? null : asId(r.round_id),
        packages: JSON.parse(
          box.row('suggestion_sets', [r.id]).open('packages', r.packages),
        ) as SuggestedPackage[],
        inputs: inputs
          .filter((i) => i.set_id === r.id)
          .map((i) => ({
            partyId: asId<'Party'>(i.party_id),
            submissionNumber: i.submission_number,
            numbers: reader.numbersOf.includes(asId<'Party'>(i.party_id))
              ? (JSON.parse(
                  box
                    .row('suggestion_set_inputs', [i.set_id, i.party_id])
                    .open('utilities', i.utilities),
                ) as StoredNumbers)
              : null,
          })),
        publishedAt: r.published_at,
        publishedBy: asId(r.published_by),
      }));
    },
    async countSets(processId, roundId) {
      const r = await db
        .selectFrom('suggestion_sets')
        .select(({ fn }) => fn.countAll<number | string>().as('n'))
        .where('process_id', '=', processId)
        .where('round_id', roundId === null ? 'is' : '=', roundId)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async lastSetNumber(processId) {
      const r = await db
        .selectFrom('suggestion_sets')
        .select(({ fn }) => fn.max('number').as('n'))
        .where('process_id', '=', processId)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async lastInputs(processId) {
      const rows = await db
        .selectFrom('suggestion_set_inputs as i')
        .innerJoin('suggestion_sets as s', 's.id', 'i.set_id')
        .select(['i.party_id', 'i.submission_number'])
        .where('s.process_id', '=', processId)
        .where(({ eb, selectFrom }) =>
          eb(
            's.number',
            '=',
            selectFrom('suggestion_sets as t')
              .select(({ fn }) => fn.max('t.number').as('n'))
              .where('t.process_id', '=', processId),
          ),
        )
        .execute();
      return rows.map((r) => ({
        partyId: asId<'Party'>(r.party_id),
        submissionNumber: r.submission_number,
      }));
    },
    async settings(processId) {
      const r = await db
        .selectFrom('analysis_settings')
        .select('sets_per_round')
        .where('process_id', '=', processId)
        .executeTakeFirst();
      return { setsPerRound: r?.sets_per_round ?? DEFAULT_SETS_PER_ROUND };
    },
    async saveSettings(processId, settings, by, at) {
      await db
        .insertInto('analysis_settings')
        .values({
          process_id: processId,
          sets_per_round: settings.setsPerRound,
          updated_at: at,
          updated_by: by,
        })
        .onConflict((oc) =>
          oc.column('process_id').doUpdateSet({
            sets_per_round: settings.setsPerRound,
            updated_at: at,
            updated_by: by,
          }),
        )
        .execute();
    },
    async addConsent(c) {
      const r = await db
        .insertInto('suggestion_consents')
        .values({
          process_id: c.processId,
          party_id: c.partyId,
          set_number: c.setNumber,
          consented_at: c.at,
          consented_by: c.by,
        })
        .onConflict((oc) => oc.columns(['process_id', 'party_id', 'set_number']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows) === 1;
    },
    async listConsents(processId, setNumber, parties) {
      if (parties.length === 0) return [];
      const rows = await db
        .selectFrom('suggestion_consents')
        .select('party_id')
        .where('process_id', '=', processId)
        .where('set_number', '=', setNumber)
        .where('party_id', 'in', [...parties])
        .execute();
      return rows.map((r): PartyId => asId(r.party_id));
    },
  };
}
