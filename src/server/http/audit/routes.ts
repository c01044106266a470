/**
 * The audit log as members see it: a process's entries as far as their compartments reach, the
 * signed tree head to keep as a witness, and consistency and inclusion proofs against it.
 */
import {
  auditListResponse,
  auditQuery,
  consistencyQuery,
  consistencyResponse,
  inclusionQuery,
  inclusionResponse,
  treeHeadResponse,
} from '../../../contract/items.js';
import { processParams } from '../../../contract/common.js';
import { getTreeHead } from '../../../core/usecases/audit/get-tree-head.js';
import { listAudit } from '../../../core/usecases/audit/list-audit.js';
import { proveConsistency } from '../../../core/usecases/audit/prove-consistency.js';
import { proveInclusion } from '../../../core/usecases/audit/prove-inclusion.js';
import { route, processIdOf } from '../route.js';
import { presentAuditEntry } from './presenters.js';

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
    handler: async ({ actor, params, query, deps }) => ({
      entries: (await listAudit(deps, { actor, processId: processIdOf(params), ...query })).map(
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
