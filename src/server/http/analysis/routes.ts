/** Decision support: private ratings and the analysis. */
import {
  analysisQuery,
  analysisResponse,
  preferencesResponse,
  savePreferencesRequest,
  shareRequest,
} from '../../../contract/analysis.js';
import { processParams } from '../../../contract/common.js';
import { asId } from '../../../core/shared/ids.js';
import { analyzeProcess } from '../../../core/usecases/analysis/analyze-process.js';
import { getPreferences } from '../../../core/usecases/analysis/get-preferences.js';
import { savePreferences } from '../../../core/usecases/analysis/save-preferences.js';
import { sharePreferences } from '../../../core/usecases/analysis/share-preferences.js';
import { route, processIdOf } from '../route.js';
import { presentPreferences, presentView } from './presenters.js';

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
];
