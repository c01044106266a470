import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds } from '../../access/policy.js';
import { isDelegationRole, isMediatorRole } from '../../process/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { PartyId, ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';
import { partiesAtTable, publicationBound } from './suggestion-rules.js';
import { setsForReader, type SuggestionSetView } from './suggestion-view.js';

/** The published suggestion sets as one reader may see them, and where the bound stands. */
export interface SuggestionSets {
  /** Who reads: the mediator team or a party. */
  viewer: 'mediator' | 'party';
  /** Every set, oldest first. */
  sets: SuggestionSetView[];
  /** The bound on publications, as it applies to the next one. */
  bound: {
    /** Sets a round allows without every party's consent. */
    setsPerRound: number;
    /** The round publications count against now (null: before the first round started). */
    round: number | null;
    /** Sets published in that round so far. */
    publishedInRound: number;
    /** Whether the next publication needs every party's consent. */
    consentNeeded: boolean;
    /** Parties that consented to the next publication (a party sees only itself). */
    consented: PartyId[];
  };
  /** Mediator team only: each party's submissions since the last set (null for a party). */
  pending: { partyId: PartyId; sinceLastSet: number; submitted: boolean }[] | null;
}

/**
 * Lists the suggestion sets for the mediator team or a party's delegation (disclosure rules in
 * `suggestion-view.ts`); anyone else is refused. Reading is audited in the reader's own room.
 */
export async function listSuggestionSets(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<SuggestionSets> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const m = ctx.membership;
    const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
    const parties = await partiesAtTable(s, input.processId);
    const rounds = await s.rounds.listRounds(input.processId);
    const roundNumber = (id: string | null) => rounds.find((r) => r.id === id)?.number ?? null;
    const bound = await publicationBound(s, input.processId, parties);
    const boundView = (consented: PartyId[]) => ({
      setsPerRound: bound.settings.setsPerRound,
      round: bound.round?.number ?? null,
      publishedInRound: bound.publishedInRound,
      consentNeeded: bound.publishedInRound >= bound.settings.setsPerRound,
      consented,
    });
    if (isMediatorRole(m.role)) {
      const all = (await s.processes.listParties(input.processId)).map((p) => p.id);
      // The mediators see a party's numbers only while its ratings are shared with them.
      const shared: PartyId[] = [];
      for (const id of all)
        if (await s.preferences.find(input.processId, id, visible)) shared.push(id);
      const sets = await s.suggestions.listSets(input.processId, visible, {
        inputsOf: all,
        numbersOf: shared,
      });
      const counts = await s.preferences.submissionCounts(input.processId);
      const last = await s.suggestions.lastInputs(input.processId);
      const room = ctx.compartments.find((c) => c.kind === 'mediators');
      await s.audit.append({
        kind: 'suggestions.viewed',
        data: { viewer: 'mediator' },
        actorUserId: input.actor.userId,
        processId: input.processId,
        compartmentId: room?.id ?? null,
      });
      return {
        viewer: 'mediator',
        sets: setsForReader(sets, roundNumber),
        bound: boundView(bound.consented),
        pending: parties.map((p) => {
          const latest = counts.find((c) => c.partyId === p.id)?.latest ?? 0;
          const used = last.find((l) => l.partyId === p.id)?.submissionNumber ?? 0;
          return { partyId: p.id, sinceLastSet: Math.max(0, latest - used), submitted: latest > 0 };
        }),
      };
    }
    if (isDelegationRole(m.role) && m.partyId) {
      const own = m.partyId;
      const sets = await s.suggestions.listSets(input.processId, visible, {
        inputsOf: [own],
        numbersOf: [own],
      });
      const caucus = ctx.compartments.find((c) => c.kind === 'caucus' && c.partyId === own);
      await s.audit.append({
        kind: 'suggestions.viewed',
        data: { viewer: 'party' },
        actorUserId: input.actor.userId,
        processId: input.processId,
        compartmentId: caucus?.id ?? null,
      });
      return {
        viewer: 'party',
        sets: setsForReader(sets, roundNumber),
        bound: boundView(bound.consented.filter((p) => p === own)),
        pending: null,
      };
    }
    throw new DomainError(
      'FORBIDDEN',
      'Suggestion sets are for the mediator team and the parties.',
    );
  });
}
