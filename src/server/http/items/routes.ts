/** Compartment material: notes, search, edits, releases. */
import {
  compartmentParams,
  createNoteRequest,
  itemListResponse,
  itemParams,
  itemResponse,
  listItemsQuery,
  releaseItemRequest,
  updateItemRequest,
} from '../../../contract/items.js';
import { processParams } from '../../../contract/common.js';
import { asId } from '../../../core/shared/ids.js';
import { createNote } from '../../../core/usecases/items/create-note.js';
import { getItem } from '../../../core/usecases/items/get-item.js';
import { listItems } from '../../../core/usecases/items/list-items.js';
import { releaseItem } from '../../../core/usecases/items/release-item.js';
import { updateItem } from '../../../core/usecases/items/update-item.js';
import { presentItem } from './presenters.js';
import { route, processIdOf } from '../route.js';

export const itemRoutes = [
  route({
    method: 'GET',
    url: '/api/processes/:processId/items',
    summary: 'List and search the material I may read, optionally in one compartment.',
    tag: 'items',
    auth: 'required',
    params: processParams,
    query: listItemsQuery,
    response: itemListResponse,
    handler: async ({ actor, params, query, deps }) => ({
      items: (
        await listItems(deps, {
          actor,
          processId: processIdOf(params),
          compartmentId: query.compartmentId ? asId(query.compartmentId) : undefined,
          text: query.q,
          limit: query.limit,
        })
      ).map(presentItem),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/compartments/:compartmentId/notes',
    summary: 'Write a note into a compartment.',
    tag: 'items',
    auth: 'required',
    params: compartmentParams,
    body: createNoteRequest,
    response: itemResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentItem(
        await createNote(deps, {
          actor,
          processId: processIdOf(params),
          compartmentId: asId(params.compartmentId),
          ...body,
        }),
      ),
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/items/:itemId',
    summary: 'Read one item.',
    tag: 'items',
    auth: 'required',
    params: itemParams,
    response: itemResponse,
    handler: async ({ actor, params, deps }) =>
      presentItem(
        await getItem(deps, { actor, processId: processIdOf(params), itemId: asId(params.itemId) }),
      ),
  }),
  route({
    method: 'PATCH',
    url: '/api/processes/:processId/items/:itemId',
    summary:
      'Edit an item from a named revision; a stale revision is refused with 409 and the current state.',
    tag: 'items',
    auth: 'required',
    params: itemParams,
    body: updateItemRequest,
    response: itemResponse,
    handler: async ({ actor, params, body, deps }) =>
      presentItem(
        await updateItem(deps, {
          actor,
          processId: processIdOf(params),
          itemId: asId(params.itemId),
          baseRevision: body.baseRevision,
          changes: { title: body.title, body: body.body },
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/items/:itemId/release',
    summary: 'Release an item to a wider compartment (audited).',
    tag: 'items',
    auth: 'required',
    params: itemParams,
    body: releaseItemRequest,
    response: itemResponse,
    handler: async ({ actor, params, body, deps }) =>
      presentItem(
        await releaseItem(deps, {
          actor,
          processId: processIdOf(params),
          itemId: asId(params.itemId),
          to: asId(body.to),
          baseRevision: body.baseRevision,
        }),
      ),
  }),
];
