/**
 * Ratings and the engine's view as the contract shows them (already cut down to what the viewer may see).
 * Never a row, never a field the contract does not name.
 */
import type { z } from 'zod';
import {
  analysisResponse,
  preferencesResponse,
  submissionResponse,
  suggestionSetsResponse,
} from '../../../contract/analysis.js';
import type { MediatorView, PartyView } from '../../../core/analysis/disclosure.js';
import type { StoredPreferences, StoredSubmission } from '../../../core/analysis/stored.js';
import type { SuggestionSets } from '../../../core/usecases/analysis/list-suggestion-sets.js';
import type { SuggestionSetView } from '../../../core/usecases/analysis/suggestion-view.js';

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

/** The viewer's analysis, with the frontier thinned to at most `maxFrontierPointsSent` points. */
export function presentView(
  view: MediatorView | PartyView,
): z.input<typeof analysisResponse>['view'] {
  if (view.kind === 'party')
    return {
      kind: 'party',
      party: view.party,
      reservation: view.reservation,
      proposal: view.proposal && { package: view.proposal.package, utility: view.proposal.utility },
    };
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

/** One of the party's own submissions. */
export const presentSubmission = (
  s: StoredSubmission,
): z.input<typeof submissionResponse>['submission'] => ({
  number: s.number,
  submittedAt: s.submittedAt,
  submittedBy: s.submittedBy,
  draftRevision: s.draftRevision,
  method: s.method,
  weights: s.weights,
  scores: s.scores,
  reservation: s.reservation,
});

/** A suggestion set, already cut down for its reader. */
export const presentSet = (
  set: SuggestionSetView,
): z.input<typeof suggestionSetsResponse>['sets'][number] => ({
  id: set.id,
  number: set.number,
  round: set.round,
  publishedAt: set.publishedAt,
  publishedBy: set.publishedBy,
  packages: set.packages.map((p) => ({
    package: p.package,
    labels: p.labels,
    utilities: p.utilities,
  })),
  inputs: set.inputs.map((i) => ({
    partyId: i.partyId,
    submission: i.submission,
    reservation: i.reservation,
  })),
});

/** The suggestion sets and the bound, for their reader. */
export const presentSets = (r: SuggestionSets): z.input<typeof suggestionSetsResponse> => ({
  viewer: r.viewer,
  sets: r.sets.map(presentSet),
  bound: {
    setsPerRound: r.bound.setsPerRound,
    round: r.bound.round,
    publishedInRound: r.bound.publishedInRound,
    consentNeeded: r.bound.consentNeeded,
    consented: [...r.bound.consented],
  },
  pending:
    r.pending &&
    r.pending.map((p) => ({
      partyId: p.partyId,
      sinceLastSet: p.sinceLastSet,
      submitted: p.submitted,
    })),
});
