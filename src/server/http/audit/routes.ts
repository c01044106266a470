/**
 * The audit log as members see it: a process's entries as far as their compartments reach, each
 * numbered in its audit scope; the signed tree head of each scope they may witness, and
 * consistency and inclusion proofs against it. The global log's numbers never leave the server.
 */
import {
  auditListResponse,
  auditQuery,
  consistencyQuery,
  consistencyResponse,
  inclusionQuery,
  inclusionResponse,
  treeHeadQuery,
  treeHeadResponse,
} from '../../../contract/items.js';
import { processParams } from '../../../contract/common.js';
import { getTreeHead } from '../../../core/usecases/audit/get-tree-head.js';
import { listAudit } from '../../../core/usecases/audit/list-audit.js';
import { proveConsistency } from '../../../core/usecases/audit/prove-consistency.js';
import { proveInclusion } from '../../../core/usecases/audit/prove-inclusion.js';
import { route, processIdOf } from '../route.js';
import { asId } from '../../../core/shared/ids.js';
import { presentAuditPage, presentTreeHead } from './presenters.js';

export const auditRoutes = [
  route({
    method: 'GET',
    url: '/api/processes/:processId/audit',
    summary: "The process's audit log, as far as my compartments reach.",
    tag: 'audit',
    auth: 'required',
    params: processParams,
    query: auditQuery,
    response: auditListResponse,
    handler: async ({ actor, params, query, deps }) =>
      presentAuditPage(
        await listAudit(deps, {
          actor,
          processId: processIdOf(params),
          limit: query.limit,
          before:
            query.beforeScope !== undefined && query.beforeSeq !== undefined
              ? { scope: query.beforeScope, seq: query.beforeSeq }
              : undefined,
          filter: {
            userId: query.userId,
            kind: query.kind,
            compartmentId: query.compartmentId ? asId(query.compartmentId) : undefined,
            from: query.from,
            to: query.to,
          },
        }),
      ),
  }),
  route({
    method: 'GET',
    url: '/api/audit/tree-head',
    summary:
      'The current signed tree head (RFC 9162) of an audit scope I may witness, to keep as a witness.',
    tag: 'audit',
    auth: 'required',
    query: treeHeadQuery,
    response: treeHeadResponse,
    handler: async ({ actor, query, deps }) =>
      presentTreeHead(await getTreeHead(deps, { actor, scope: query.scope })),
  }),
  route({
    method: 'GET',
    url: '/api/audit/consistency',
    summary: "A proof that a scope's log of `to` entries extends its log of `from` entries.",
    tag: 'audit',
    auth: 'required',
    query: consistencyQuery,
    response: consistencyResponse,
    handler: async ({ actor, query, deps }) =>
      proveConsistency(deps, {
        actor,
        scope: query.scope,
        oldSize: query.from,
        newSize: query.to,
      }),
  }),
  route({
    method: 'GET',
    url: '/api/audit/inclusion',
    summary:
      "A proof that entry `seq` of an audit scope I may witness is in the scope's log of `size` entries.",
    tag: 'audit',
    auth: 'required',
    query: inclusionQuery,
    response: inclusionResponse,
    handler: async ({ actor, query, deps }) =>
      proveInclusion(deps, { actor, scope: query.scope, seq: query.seq, size: query.size }),
  }),
];
