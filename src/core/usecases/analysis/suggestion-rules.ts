/**
 * Shared steps of the suggestion-set use cases: who is at the table, the round a publication
 * counts against, and whether the bound allows another publication.
 */
import {
  currentRoundOf,
  publicationRefusal,
  type AnalysisSettings,
} from '../../analysis/suggestion-sets.js';
import type { Party } from '../../process/model.js';
import type { Stores } from '../../ports.js';
import type { PartyId, ProcessId, RoundId } from '../../shared/ids.js';

/** The parties at the table: not withdrawn, and with a delegation that could rate. */
export async function partiesAtTable(s: Stores, processId: ProcessId): Promise<Party[]> {
  const members = await s.processes.listMembers(processId);
  return (await s.processes.listParties(processId)).filter(
    (p) => p.status !== 'withdrawn' && members.some((x) => x.partyId === p.id),
  );
}

/** Where the bound stands for the next publication. */
export interface PublicationBound {
  /** The process's settings. */
  settings: AnalysisSettings;
  /** The round publications count against now (null before the first round started). */
  round: { id: RoundId; number: number } | null;
  /** Sets already published in that round. */
  publishedInRound: number;
  /** The number the next set will have. */
  nextNumber: number;
  /** The parties (at the table) that consented to publishing the next set beyond the bound. */
  consented: PartyId[];
  /** Why the next publication would be refused now, or null. */
  refusal: string | null;
}

/** The bound as it applies to the next publication. */
export async function publicationBound(
  s: Stores,
  processId: ProcessId,
  parties: readonly Party[],
): Promise<PublicationBound> {
  const settings = await s.suggestions.settings(processId);
  const current = currentRoundOf(await s.rounds.listRounds(processId));
  const round = current && { id: current.id, number: current.number };
  const publishedInRound = await s.suggestions.countSets(processId, round?.id ?? null);
  const nextNumber = (await s.suggestions.lastSetNumber(processId)) + 1;
  const ids = parties.map((p) => p.id);
  const consented = await s.suggestions.listConsents(processId, nextNumber, ids);
  const refusal = publicationRefusal({
    setsPerRound: settings.setsPerRound,
    publishedInRound,
    parties: ids,
    consented,
  });
  return { settings, round, publishedInRound, nextNumber, consented, refusal };
}
