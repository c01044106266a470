/** Decision support: private ratings and the analysis. */
import {
  analysisQuery,
  analysisResponse,
  consentResponse,
  preferencesResponse,
  savePreferencesRequest,
  shareRequest,
  submissionResponse,
  submissionsResponse,
  submitPreferencesRequest,
  suggestionBoundRequest,
  suggestionBoundResponse,
  suggestionSetResponse,
  suggestionSetsResponse,
} from '../../../contract/analysis.js';
import { processParams } from '../../../contract/common.js';
import { asId } from '../../../core/shared/ids.js';
import { analyzeProcess } from '../../../core/usecases/analysis/analyze-process.js';
import { getPreferences } from '../../../core/usecases/analysis/get-preferences.js';
import { savePreferences } from '../../../core/usecases/analysis/save-preferences.js';
import { sharePreferences } from '../../../core/usecases/analysis/share-preferences.js';
import { submitPreferences } from '../../../core/usecases/analysis/submit-preferences.js';
import { listSubmissions } from '../../../core/usecases/analysis/list-submissions.js';
import { publishSuggestionSet } from '../../../core/usecases/analysis/publish-suggestion-set.js';
import { listSuggestionSets } from '../../../core/usecases/analysis/list-suggestion-sets.js';
import { consentToSuggestionSet } from '../../../core/usecases/analysis/consent-to-suggestion-set.js';
import { setSuggestionBound } from '../../../core/usecases/analysis/set-suggestion-bound.js';
import { setsForReader } from '../../../core/usecases/analysis/suggestion-view.js';
import { route, processIdOf } from '../route.js';
import {
  presentPreferences,
  presentSet,
  presentSets,
  presentSubmission,
  presentView,
} from './presenters.js';

export const analysisRoutes = [
  route({
    method: 'GET',
    url: '/api/processes/:processId/preferences',
    summary: "My party's private ratings of the agenda (null before the first save).",
    tag: 'analysis',
    auth: 'required',
    params: processParams,
    response: preferencesResponse,
    handler: async ({ actor, params, deps }) => {
      const { preferences, shared } = await getPreferences(deps, {
        actor,
        processId: processIdOf(params),
      });
      return presentPreferences(preferences, shared);
    },
  }),
  route({
    method: 'PUT',
    url: '/api/processes/:processId/preferences',
    summary:
      "Save my party's ratings: numbers, or rankings converted to scores shown back for confirmation.",
    tag: 'analysis',
    auth: 'required',
    params: processParams,
    body: savePreferencesRequest,
    response: preferencesResponse,
    handler: async ({ actor, params, body, deps }) => {
      const r = await savePreferences(deps, {
        actor,
        processId: processIdOf(params),
        baseRevision: body.baseRevision,
        entry: body.entry,
      });
      return presentPreferences(r.preferences, r.shared);
    },
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/preferences/sharing',
    summary:
      "Share my party's ratings with the mediator team, or take them back (head of delegation).",
    tag: 'analysis',
    auth: 'required',
    params: processParams,
    body: shareRequest,
    response: preferencesResponse,
    handler: async ({ actor, params, body, deps }) => {
      const r = await sharePreferences(deps, {
        actor,
        processId: processIdOf(params),
        shared: body.shared,
      });
      return presentPreferences(r.preferences, r.shared);
    },
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/analysis',
    summary:
      'Efficient packages, fair solutions, improvements and movement, as the disclosure rules let me see them.',
    tag: 'analysis',
    auth: 'required',
    params: processParams,
    query: analysisQuery,
    response: analysisResponse,
    handler: async ({ actor, params, query, deps }) => {
      const a = await analyzeProcess(deps, {
        actor,
        processId: processIdOf(params),
        proposalId: query.proposalId ? asId(query.proposalId) : undefined,
        epsilon: query.epsilon,
        stallRounds: query.stallRounds,
      });
      return { ...a, view: presentView(a.view) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/preferences/submissions',
    summary: "My party's submissions of its ratings, newest first.",
    tag: 'analysis',
    auth: 'required',
    params: processParams,
    response: submissionsResponse,
    handler: async ({ actor, params, deps }) => ({
      submissions: (await listSubmissions(deps, { actor, processId: processIdOf(params) })).map(
        presentSubmission,
      ),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/preferences/submissions',
    summary:
      "Submit my party's current ratings: a numbered, immutable submission that the next suggestion set will use.",
    tag: 'analysis',
    auth: 'required',
    params: processParams,
    body: submitPreferencesRequest,
    response: submissionResponse,
    handler: async ({ actor, params, body, deps }) => ({
      submission: presentSubmission(
        await submitPreferences(deps, {
          actor,
          processId: processIdOf(params),
          revision: body.revision,
        }),
      ),
    }),
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/suggestion-sets',
    summary:
      'The published suggestion sets as I may see them (a party: its own utilities only), and the bound on publications.',
    tag: 'analysis',
    auth: 'required',
    params: processParams,
    response: suggestionSetsResponse,
    handler: async ({ actor, params, deps }) =>
      presentSets(await listSuggestionSets(deps, { actor, processId: processIdOf(params) })),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/suggestion-sets',
    summary:
      "Publish a suggestion set from every party's latest submission (lead mediator, mediators; bounded per round).",
    tag: 'analysis',
    auth: 'required',
    params: processParams,
    response: suggestionSetResponse,
    handler: async ({ actor, params, deps }) => {
      const set = await publishSuggestionSet(deps, { actor, processId: processIdOf(params) });
      // The publisher's answer holds the packages only: numbers are read through the listing.
      const [view] = setsForReader([{ ...set, inputs: [] }], () => null);
      if (!view) throw new Error('no set');
      return { set: presentSet(view) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/suggestion-sets/consents',
    summary:
      'Consent, for my party, to the next suggestion set beyond the bound (head of delegation).',
    tag: 'analysis',
    auth: 'required',
    params: processParams,
    response: consentResponse,
    handler: async ({ actor, params, deps }) =>
      consentToSuggestionSet(deps, { actor, processId: processIdOf(params) }),
  }),
  route({
    method: 'PUT',
    url: '/api/processes/:processId/suggestion-sets/bound',
    summary:
      'Set how many suggestion sets a round allows without every party’s consent (facilitator).',
    tag: 'analysis',
    auth: 'required',
    params: processParams,
    body: suggestionBoundRequest,
    response: suggestionBoundResponse,
    handler: async ({ actor, params, body, deps }) =>
      setSuggestionBound(deps, {
        actor,
        processId: processIdOf(params),
        setsPerRound: body.setsPerRound,
      }),
  }),
];
