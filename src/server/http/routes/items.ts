/** Compartment material: notes, search, edits, releases; and the audit log view. */
import {
  auditListResponse,
  auditQuery,
  consistencyQuery,
  consistencyResponse,
  inclusionQuery,
  inclusionResponse,
  treeHeadResponse,
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
import { listAudit } from '../../../core/usecases/audit/list-audit.js';
import { getTreeHead } from '../../../core/usecases/audit/get-tree-head.js';
import { proveConsistency } from '../../../core/usecases/audit/prove-consistency.js';
import { proveInclusion } from '../../../core/usecases/audit/prove-inclusion.js';
import { listItems } from '../../../core/usecases/items/list-items.js';
import { releaseItem } from '../../../core/usecases/items/release-item.js';
import { updateItem } from '../../../core/usecases/items/update-item.js';
import { presentAuditEntry, presentItem } from '../presenters.js';
import { route } from '../route.js';

const pid = (p: { processId: string }) => asId<'Process'>(p.processId);

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
          processId: pid(params),
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
          processId: pid(params),
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
        await getItem(deps, { actor, processId: pid(params), itemId: asId(params.itemId) }),
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
          processId: pid(params),
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
          processId: pid(params),
          itemId: asId(params.itemId),
          to: asId(body.to),
          baseRevision: body.baseRevision,
        }),
      ),
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/audit',
    summary: "The process's audit log, as far as my compartments reach.",
    tag: 'audit',
    auth: 'required',
    params: processParams,
    query: auditQuery,
    response: auditListResponse,
    handler: async ({ actor, params, query, deps }) => ({
      entries: (await listAudit(deps, { actor, processId: pid(params), ...query })).map(
        presentAuditEntry,
      ),
    }),
  }),
  route({
    method: 'GET',
    url: '/api/audit/tree-head',
    summary: "The audit log's current signed tree head (RFC 9162), to keep as a witness.",
    tag: 'audit',
    auth: 'required',
    response: treeHeadResponse,
    handler: async ({ actor, deps }) => getTreeHead(deps, { actor }),
  }),
  route({
    method: 'GET',
    url: '/api/audit/consistency',
    summary: 'A proof that the log of `to` entries extends the log of `from` entries.',
    tag: 'audit',
    auth: 'required',
    query: consistencyQuery,
    response: consistencyResponse,
    handler: async ({ actor, query, deps }) =>
      proveConsistency(deps, { actor, oldSize: query.from, newSize: query.to }),
  }),
  route({
    method: 'GET',
    url: '/api/audit/inclusion',
    summary:
      'A proof that one entry (your own action, or an event you may see) is in the log of `size` entries.',
    tag: 'audit',
    auth: 'required',
    query: inclusionQuery,
    response: inclusionResponse,
    handler: async ({ actor, query, deps }) =>
      proveInclusion(deps, { actor, seq: query.seq, size: query.size }),
  }),
];
