/** Joint communiqués and press lines, and the public statements logged beside them (C8). */
import { processParams } from '../../../contract/common.js';
import {
  communiqueListResponse,
  communiqueParams,
  communiqueResponse,
  divergenceRequest,
  draftCommuniqueRequest,
  editCommuniqueRequest,
  logStatementRequest,
  statementParams,
  statementResponse,
  objectionRequest,
  releaseRequest,
  wordingHashRequest,
} from '../../../contract/communiques.js';
import { asId } from '../../../core/shared/ids.js';
import { objectToCommunique } from '../../../core/usecases/communiques/object-to-communique.js';
import { approveCommunique } from '../../../core/usecases/communiques/approve-communique.js';
import { circulateCommunique } from '../../../core/usecases/communiques/circulate-communique.js';
import { draftCommunique } from '../../../core/usecases/communiques/draft-communique.js';
import { editCommunique } from '../../../core/usecases/communiques/edit-communique.js';
import { listCommuniques } from '../../../core/usecases/communiques/list-communiques.js';
import { logStatement } from '../../../core/usecases/communiques/log-statement.js';
import { raiseDivergence } from '../../../core/usecases/communiques/raise-divergence.js';
import { releaseCommunique } from '../../../core/usecases/communiques/release-communique.js';
import { withdrawCommunique } from '../../../core/usecases/communiques/withdraw-communique.js';
import { route, processIdOf } from '../route.js';
import { presentCommunique, presentStatement } from './presenters.js';

const cid = (p: { communiqueId: string }) => asId<'Communique'>(p.communiqueId);

/** The communiqué and statement routes. */
export const communiqueRoutes = [
  route({
    method: 'GET',
    url: '/api/processes/:processId/communiques',
    summary:
      'Communiqués and press lines I may see now, and the public statements logged beside them.',
    tag: 'communiques',
    auth: 'required',
    params: processParams,
    response: communiqueListResponse,
    handler: async ({ actor, params, deps }) => {
      const r = await listCommuniques(deps, { actor, processId: processIdOf(params) });
      return {
        communiques: r.communiques.map(presentCommunique),
        statements: r.statements.map(presentStatement),
      };
    },
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/communiques',
    summary: 'Draft a joint communiqué or a press line in the mediators’ room.',
    tag: 'communiques',
    auth: 'required',
    params: processParams,
    body: draftCommuniqueRequest,
    response: communiqueResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentCommunique(
        await draftCommunique(deps, {
          actor,
          processId: processIdOf(params),
          kind: body.kind,
          title: body.title,
          text: body.text,
          embargoUntil: body.embargoUntil,
          roundId: body.roundId ? asId(body.roundId) : null,
        }),
      ),
  }),
  route({
    method: 'PATCH',
    url: '/api/processes/:processId/communiques/:communiqueId',
    summary: 'Change the wording or the embargo of a draft; every approval is reset.',
    tag: 'communiques',
    auth: 'required',
    params: communiqueParams,
    body: editCommuniqueRequest,
    response: communiqueResponse,
    handler: async ({ actor, params, body, deps }) => {
      const { baseRevision, ...changes } = body;
      return presentCommunique(
        await editCommunique(deps, {
          actor,
          processId: processIdOf(params),
          communiqueId: cid(params),
          baseRevision,
          changes,
        }),
      );
    },
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/communiques/:communiqueId/circulation',
    summary: 'Circulate a draft to the parties for approval (a release to the plenary).',
    tag: 'communiques',
    auth: 'required',
    params: communiqueParams,
    body: wordingHashRequest,
    response: communiqueResponse,
    handler: async ({ actor, params, body, deps }) =>
      presentCommunique(
        await circulateCommunique(deps, {
          actor,
          processId: processIdOf(params),
          communiqueId: cid(params),
          hash: body.hash,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/communiques/:communiqueId/approvals',
    summary: 'Approve the exact wording for my party (or the mediator team), naming its hash.',
    tag: 'communiques',
    auth: 'required',
    params: communiqueParams,
    body: wordingHashRequest,
    response: communiqueResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentCommunique(
        await approveCommunique(deps, {
          actor,
          processId: processIdOf(params),
          communiqueId: cid(params),
          hash: body.hash,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/communiques/:communiqueId/objections',
    summary: 'Reject the circulated wording for my party, or ask for a change, with a comment.',
    tag: 'communiques',
    auth: 'required',
    params: communiqueParams,
    body: objectionRequest,
    response: communiqueResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentCommunique(
        await objectToCommunique(deps, {
          actor,
          processId: processIdOf(params),
          communiqueId: cid(params),
          hash: body.hash,
          kind: body.kind,
          comment: body.comment,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/communiques/:communiqueId/release',
    summary:
      'Release an approved communiqué: numbered, to the plenary, public from its embargo or after an undo window.',
    tag: 'communiques',
    auth: 'required',
    params: communiqueParams,
    body: releaseRequest,
    response: communiqueResponse,
    handler: async ({ actor, params, body, deps }) =>
      presentCommunique(
        await releaseCommunique(deps, {
          actor,
          processId: processIdOf(params),
          communiqueId: cid(params),
          hash: body.hash,
          holdMinutes: body.holdMinutes,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/communiques/:communiqueId/withdrawal',
    summary: 'Withdraw a release before it is public: circulated again, its number given back.',
    tag: 'communiques',
    auth: 'required',
    params: communiqueParams,
    body: wordingHashRequest,
    response: communiqueResponse,
    handler: async ({ actor, params, body, deps }) =>
      presentCommunique(
        await withdrawCommunique(deps, {
          actor,
          processId: processIdOf(params),
          communiqueId: cid(params),
          hash: body.hash,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/statements',
    summary: "Log a party's public statement beside the agreed line.",
    tag: 'communiques',
    auth: 'required',
    params: processParams,
    body: logStatementRequest,
    response: statementResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentStatement(
        await logStatement(deps, {
          actor,
          processId: processIdOf(params),
          partyId: asId(body.partyId),
          roundId: body.roundId ? asId(body.roundId) : null,
          agreedLineId: body.agreedLineId ? asId(body.agreedLineId) : null,
          source: body.source,
          statedOn: body.statedOn,
          text: body.text,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/statements/:statementId/divergence',
    summary: 'Raise how a statement departs from the agreed line.',
    tag: 'communiques',
    auth: 'required',
    params: statementParams,
    body: divergenceRequest,
    response: statementResponse,
    handler: async ({ actor, params, body, deps }) =>
      presentStatement(
        await raiseDivergence(deps, {
          actor,
          processId: processIdOf(params),
          statementId: asId(params.statementId),
          note: body.note,
        }),
      ),
  }),
];
