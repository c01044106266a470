/** Search across everything a member may read in a process. */
import { processParams } from '../../../contract/common.js';
import { searchQuery, searchResponse } from '../../../contract/search.js';
import { searchProcess } from '../../../core/usecases/search/search-process.js';
import { route, processIdOf } from '../route.js';
import { presentSearch } from './presenters.js';

export const searchRoutes = [
  route({
    method: 'GET',
    url: '/api/processes/:processId/search',
    summary:
      'Search everything I may read in the process, grouped by kind, with the matches marked.',
    tag: 'search',
    auth: 'required',
    params: processParams,
    query: searchQuery,
    response: searchResponse,
    handler: async ({ actor, params, query, deps }) =>
      presentSearch(
        await searchProcess(deps, { actor, processId: processIdOf(params), query: query.q }),
      ),
  }),
];
