/**
 * The demo's private ratings: invented weights and scores for each party over the agenda
 * (options in agenda order), both shared with the mediator team so the analysis shows fully; each
 * party submits them, and the mediators publish one suggestion set from the submissions.
 */
import type { Actor } from '../../core/access/policy.js';
import type { Deps } from '../../core/ports.js';
import type { AgendaIssue } from '../../core/record/model.js';
import type { ProcessId } from '../../core/shared/ids.js';
import { savePreferences } from '../../core/usecases/analysis/save-preferences.js';
import { publishSuggestionSet } from '../../core/usecases/analysis/publish-suggestion-set.js';
import { sharePreferences } from '../../core/usecases/analysis/share-preferences.js';
import { submitPreferences } from '../../core/usecases/analysis/submit-preferences.js';

/** Per party: weight per issue (agenda order), scores per option (agenda order), reservation. */
const ratings = {
  gov: {
    weights: [20, 20, 10, 10, 40],
    scores: [
      [0, 15, 40, 75, 100],
      [0, 20, 70, 100],
      [10, 30, 80, 100],
      [0, 40, 75, 100],
      [0, 30, 70, 100],
    ],
    reservation: 40,
  },
  opp: {
    weights: [35, 15, 25, 15, 10],
    scores: [
      [100, 85, 60, 25, 0],
      [100, 70, 45, 0],
      [100, 80, 35, 0],
      [100, 85, 40, 0],
      [60, 100, 70, 0],
    ],
    reservation: 35,
  },
};

/** Saves and shares both parties' invented ratings. */
export async function seedDemoPreferences(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  input: { processId: ProcessId; issues: AgendaIssue[]; heads: { gov: Actor; opp: Actor } },
): Promise<void> {
  for (const key of ['gov', 'opp'] as const) {
    const r = ratings[key];
    await savePreferences(deps, {
      actor: input.heads[key],
      processId: input.processId,
      baseRevision: 0,
      entry: {
        kind: 'numbers',
        weights: Object.fromEntries(input.issues.map((issue, i) => [issue.id, r.weights[i] ?? 0])),
        scores: Object.fromEntries(
          input.issues.map((issue, i) => [
            issue.id,
            Object.fromEntries(issue.options.map((o, k) => [o.id, r.scores[i]?.[k] ?? 0])),
          ]),
        ),
        reservation: r.reservation,
      },
    });
    await sharePreferences(deps, {
      actor: input.heads[key],
      processId: input.processId,
      shared: true,
    });
  }
}

/**
 * Both parties submit their saved ratings, and the lead mediator publishes the demo's one
 * suggestion set from the submissions (once the round has started, so it counts against it).
 */
export async function seedDemoSuggestions(
  deps: Deps<'db' | 'clock' | 'ids' | 'engine'>,
  input: { processId: ProcessId; heads: { gov: Actor; opp: Actor }; lead: Actor },
): Promise<void> {
  for (const key of ['gov', 'opp'] as const) {
    const actor = input.heads[key];
    const draft = await deps.db.transaction(async (s) => {
      const partyId = actor.memberships.find((m) => m.processId === input.processId)?.partyId;
      if (!partyId) throw new Error('demo head without a party');
      const all = (await s.items.listCompartments(input.processId)).map((c) => c.id);
      return s.preferences.find(input.processId, partyId, all);
    });
    if (!draft) throw new Error('demo ratings missing');
    await submitPreferences(deps, {
      actor,
      processId: input.processId,
      revision: draft.revision,
    });
  }
  await publishSuggestionSet(deps, { actor: input.lead, processId: input.processId });
}
