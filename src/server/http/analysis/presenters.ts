/**
 * Ratings and the engine's view as the contract shows them (already cut down to what the viewer may see).
 * Never a row, never a field the contract does not name.
 */
import type { z } from 'zod';
import { analysisResponse, preferencesResponse } from '../../../contract/analysis.js';
import type { AnalysisView } from '../../../core/analysis/disclosure.js';
import type { StoredPreferences } from '../../../core/analysis/stored.js';

/** At most this many frontier points go to the browser: an even sample of a larger frontier. */
export const maxFrontierPointsSent = 2000;

/** A party's ratings, for that party (or the mediators once shared). */
export const presentPreferences = (
  p: StoredPreferences | null,
  shared: boolean,
): z.input<typeof preferencesResponse> => ({
  preferences: p && {
    partyId: p.partyId,
    shared,
    weights: p.weights,
    scores: p.scores,
    reservation: p.reservation,
    method: p.method,
    revision: p.revision,
    updatedAt: p.updatedAt,
  },
});

/** The engine's view, with the frontier thinned to at most `maxFrontierPointsSent` points. */
export function presentView(view: AnalysisView): z.input<typeof analysisResponse>['view'] {
  if (view.kind === 'party')
    return { ...view, suggestions: view.suggestions.map((s) => ({ ...s, labels: [...s.labels] })) };
  const all = view.frontier.points;
  const step = Math.max(1, Math.ceil(all.length / maxFrontierPointsSent));
  return {
    ...view,
    visibleParties: [...view.visibleParties],
    frontier: { ...view.frontier, size: all.length, points: all.filter((_, i) => i % step === 0) },
    solutions: [...view.solutions],
    proposal: view.proposal && { ...view.proposal, improvements: [...view.proposal.improvements] },
  };
}
