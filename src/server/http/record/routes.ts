/** The negotiation record. */
import { processParams } from '../../../contract/common.js';
import {
  addIssueRequest,
  demandResponse,
  issueResponse,
  positionResponse,
  proposalParams,
  proposalResponse,
  proposalResponseEntry,
  recordDemandRequest,
  recordPositionRequest,
  recordResponse,
  respondRequest,
  tableProposalRequest,
} from '../../../contract/record.js';
import type { ProposalTerm } from '../../../core/record/model.js';
import { asId } from '../../../core/shared/ids.js';
import { addAgendaIssue } from '../../../core/usecases/record/add-agenda-issue.js';
import { getRecord } from '../../../core/usecases/record/get-record.js';
import { recordDemand } from '../../../core/usecases/record/record-demand.js';
import { recordPosition } from '../../../core/usecases/record/record-position.js';
import { respondToProposal } from '../../../core/usecases/record/respond-to-proposal.js';
import { tableProposal } from '../../../core/usecases/record/table-proposal.js';
import { route, processIdOf } from '../route.js';

const terms = (t: Array<{ issueId: string; optionId: string }>): ProposalTerm[] =>
  t.map((x) => ({ issueId: asId(x.issueId), optionId: asId(x.optionId) }));

export const recordRoutes = [
  route({
    method: 'GET',
    url: '/api/processes/:processId/record',
    summary:
      'The record: agenda, demands, my positions, the proposals I may see, and the timeline.',
    tag: 'record',
    auth: 'required',
    params: processParams,
    response: recordResponse,
    handler: async ({ actor, params, deps }) => {
      const r = await getRecord(deps, { actor, processId: processIdOf(params) });
      return { ...r, proposals: r.proposals.map((p) => ({ ...p, responses: p.responses })) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/issues',
    summary: 'Add an agenda issue with its options.',
    tag: 'record',
    auth: 'required',
    params: processParams,
    body: addIssueRequest,
    response: issueResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      addAgendaIssue(deps, { actor, processId: processIdOf(params), ...body }),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/demands',
    summary: "Record a party's public demand with source and date.",
    tag: 'record',
    auth: 'required',
    params: processParams,
    body: recordDemandRequest,
    response: demandResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      recordDemand(deps, {
        actor,
        processId: processIdOf(params),
        partyId: asId(body.partyId),
        issueId: body.issueId ? asId(body.issueId) : null,
        text: body.text,
        source: body.source,
        statedOn: body.statedOn,
      }),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/positions',
    summary: "Record my party's private position on an issue (in our caucus).",
    tag: 'record',
    auth: 'required',
    params: processParams,
    body: recordPositionRequest,
    response: positionResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      recordPosition(deps, {
        actor,
        processId: processIdOf(params),
        issueId: asId(body.issueId),
        optionId: body.optionId ? asId(body.optionId) : null,
        text: body.text,
      }),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/proposals',
    summary:
      'Table a proposal (a package of options) in the plenary, a bilateral channel or the mediators’ room.',
    tag: 'record',
    auth: 'required',
    params: processParams,
    body: tableProposalRequest,
    response: proposalResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) => ({
      ...(await tableProposal(deps, {
        actor,
        processId: processIdOf(params),
        compartmentId: asId(body.compartmentId),
        round: body.round,
        terms: terms(body.terms),
        note: body.note,
        respondsTo: body.respondsTo ? asId(body.respondsTo) : null,
      })),
      responses: [],
    }),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/proposals/:proposalId/responses',
    summary: 'Answer a proposal for my party: accept, reject or counter.',
    tag: 'record',
    auth: 'required',
    params: proposalParams,
    body: respondRequest,
    response: proposalResponseEntry,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      respondToProposal(deps, {
        actor,
        processId: processIdOf(params),
        proposalId: asId(params.proposalId),
        kind: body.kind,
        note: body.note,
        counter: body.counter && { round: body.counter.round, terms: terms(body.counter.terms) },
      }),
  }),
];
