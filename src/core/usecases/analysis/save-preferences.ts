import type { Actor } from '../../access/policy.js';
import { requireWrite } from '../../access/policy.js';
import { domainProblems, type PartyPreferences } from '../../analysis/domain.js';
import { preferencesFromRankings, type Ranking } from '../../analysis/elicitation.js';
import type { StoredPreferences } from '../../analysis/stored.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId } from '../../shared/ids.js';
import { openProcess, ownPartyCompartment } from '../process-context.js';
import { engineIssues, readable } from './preference-context.js';

/** Ratings as a party enters them: numbers, or rankings converted by the documented rule. */
export type PreferenceEntry =
  | {
      kind: 'numbers';
      weights: Record<string, number>;
      scores: Record<string, Record<string, number>>;
      reservation: number;
    }
  | {
      kind: 'ranking';
      issueOrder: Ranking;
      optionRankings: Record<string, Ranking>;
      reservation: number;
    };

/**
 * Saves the actor's party's private ratings in its caucus (or where they already live, once
 * shared). Rankings are converted to scores and weights, which the answer shows for confirmation.
 * Every agenda issue and option must be rated; every problem is listed at once.
 */
export async function savePreferences(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; processId: ProcessId; baseRevision: number; entry: PreferenceEntry },
): Promise<{ preferences: StoredPreferences; shared: boolean }> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const { partyId, compartment: caucus } = ownPartyCompartment(
      ctx,
      'caucus',
      'Ratings belong to a party; only its delegation enters them.',
    );
    requireWrite(ctx.membership, caucus, 'Compartment');
    const agenda = await s.record.listIssues(input.processId);
    const issues = engineIssues(agenda);
    if (issues.length === 0)
      throw new DomainError('RULE_VIOLATION', 'The agenda has no issue with options to rate yet.');
    const e = input.entry;
    const prefs: PartyPreferences =
      e.kind === 'numbers'
        ? { id: partyId, weights: e.weights, scores: e.scores, reservation: e.reservation }
        : wrap(() => preferencesFromRankings(issues, { id: partyId, ...e }), agenda);
    const problems = domainProblems({ issues, parties: [prefs] })
      .filter((p) => !p.includes('at least two parties'))
      .map((p) => readable(p.replace(/party 1 \("[^"]+"\)/, 'your ratings'), agenda));
    if (problems.length)
      throw new DomainError(
        'RULE_VIOLATION',
        `The ratings are incomplete or invalid: ${problems.join('; ')}.`,
        { problems },
      );
    const existing = await s.preferences.find(
      input.processId,
      partyId,
      ctx.compartments.map((c) => c.id),
    );
    if ((existing?.revision ?? 0) !== input.baseRevision)
      throw new DomainError(
        'STALE_REVISION',
        'Someone in your delegation changed the ratings since you opened them.',
        {
          currentRevision: existing?.revision ?? 0,
        },
      );
    const saved: StoredPreferences = {
      processId: input.processId,
      partyId,
      compartmentId: existing?.compartmentId ?? caucus.id,
      weights: { ...prefs.weights },
      scores: Object.fromEntries(Object.entries(prefs.scores).map(([k, v]) => [k, { ...v }])),
      reservation: prefs.reservation,
      method: e.kind,
      revision: input.baseRevision + 1,
      updatedAt: deps.clock.now().toISOString(),
      updatedBy: input.actor.userId,
    };
    if (!(await s.preferences.save(saved, existing ? existing.revision : null)))
      throw new DomainError('STALE_REVISION', 'The ratings changed while saving; try again.');
    await s.audit.append({
      kind: 'preferences.saved',
      data: { partyId, revision: saved.revision, method: e.kind },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: saved.compartmentId,
    });
    return { preferences: saved, shared: saved.compartmentId !== caucus.id };
  });
}

function wrap<T>(fn: () => T, agenda: Parameters<typeof readable>[1]): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof DomainError)
      throw new DomainError(error.code, readable(error.message, agenda), error.details);
    throw error;
  }
}
