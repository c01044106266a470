/** Processes: list, create, view, set-up, status, parties, links. */
import { okResponse, processParams } from '../../../contract/common.js';
import {
  addPartyRequest,
  changePartyStatusRequest,
  changeStatusRequest,
  compartmentAudienceResponse,
  createProcessRequest,
  partyParams,
  partyResponse,
  processLinkRequest,
  processLinkResponse,
  processListResponse,
  processResponse,
  processSummary,
  updateProcessRequest,
} from '../../../contract/processes.js';
import { compartmentParams } from '../../../contract/items.js';
import { compartmentLabel } from '../../../core/access/compartments.js';
import { asId } from '../../../core/shared/ids.js';
import { addParty } from '../../../core/usecases/process/add-party.js';
import { addProcessLink } from '../../../core/usecases/process/add-process-link.js';
import { changePartyStatus } from '../../../core/usecases/process/change-party-status.js';
import { changeProcessStatus } from '../../../core/usecases/process/change-process-status.js';
import { createProcess } from '../../../core/usecases/process/create-process.js';
import { getCompartmentAudience } from '../../../core/usecases/process/get-compartment-audience.js';
import { getProcess } from '../../../core/usecases/process/get-process.js';
import { listProcesses } from '../../../core/usecases/process/list-processes.js';
import { updateProcess } from '../../../core/usecases/process/update-process.js';
import { presentMember, presentProcessSummary } from './presenters.js';
import { route, processIdOf } from '../route.js';

export const processRoutes = [
  route({
    method: 'GET',
    url: '/api/processes/:processId/compartments/:compartmentId/audience',
    summary: 'Who reads a compartment: counted for the confirmation of an outward action.',
    tag: 'processes',
    auth: 'required',
    params: compartmentParams,
    response: compartmentAudienceResponse,
    handler: async ({ actor, params, deps }) => {
      const a = await getCompartmentAudience(deps, {
        actor,
        processId: processIdOf(params),
        compartmentId: asId(params.compartmentId),
      });
      return {
        compartmentId: a.compartmentId,
        kind: a.kind,
        people: a.people,
        mediatorTeam: a.mediatorTeam,
        parties: a.parties.map((x) => ({ partyId: x.partyId, people: x.people })),
        others: a.others,
      };
    },
  }),
  route({
    method: 'GET',
    url: '/api/processes',
    summary: 'The processes I am a member of.',
    tag: 'processes',
    auth: 'required',
    response: processListResponse,
    handler: async ({ actor, deps }) => ({
      processes: (await listProcesses(deps, { actor })).map(({ process, membership }) =>
        presentProcessSummary(process, membership),
      ),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/processes',
    summary: 'Create a process under a codename (facilitator admins).',
    tag: 'processes',
    auth: 'required',
    body: createProcessRequest,
    response: processSummary,
    status: 201,
    handler: async ({ actor, body, deps }) => {
      const process = await createProcess(deps, { actor, ...body });
      return {
        ...presentProcessSummary(process, {
          processId: process.id,
          userId: actor.userId,
          role: 'facilitator',
          partyId: null,
          grants: [],
        }),
      };
    },
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId',
    summary: 'A process as I may see it: set-up, people, my compartments, history, links.',
    tag: 'processes',
    auth: 'required',
    params: processParams,
    response: processResponse,
    handler: async ({ actor, params, deps }) => {
      const v = await getProcess(deps, { actor, processId: processIdOf(params) });
      const code = (id: string) => v.parties.find((p) => p.id === id)?.code ?? '?';
      return {
        process: {
          ...presentProcessSummary(v.process, v.membership),
          requireTotp: v.process.requireTotp,
          requirePasskey: v.process.requirePasskey,
        },
        me: presentMember({
          ...v.membership,
          displayName: v.members.find((m) => m.userId === actor.userId)?.displayName ?? '',
        }),
        parties: v.parties.map((p) => ({ id: p.id, name: p.name, code: p.code, status: p.status })),
        members: v.members.map(presentMember),
        compartments: v.compartments.map((c) => ({
          id: c.id,
          kind: c.kind,
          partyId: c.partyId,
          label: compartmentLabel(c, code),
          itemCount: c.itemCount,
          writable: c.writable,
        })),
        history: v.history,
        links: v.links,
        can: v.can,
      };
    },
  }),
  route({
    method: 'PATCH',
    url: '/api/processes/:processId',
    summary:
      "Change a process's codename, title, or whether members must sign in with a second factor or a passkey.",
    tag: 'processes',
    auth: 'required',
    params: processParams,
    body: updateProcessRequest,
    response: okResponse,
    handler: async ({ actor, params, body, deps }) => {
      await updateProcess(deps, { actor, processId: processIdOf(params), changes: body });
      return { ok: true as const };
    },
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/status',
    summary: 'Move the process to another status, with a reason and the party that caused it.',
    tag: 'processes',
    auth: 'required',
    params: processParams,
    body: changeStatusRequest,
    response: okResponse,
    handler: async ({ actor, params, body, deps }) => {
      await changeProcessStatus(deps, {
        actor,
        processId: processIdOf(params),
        to: body.to,
        reason: body.reason,
        causedByPartyId: body.causedByPartyId ? asId(body.causedByPartyId) : null,
      });
      return { ok: true as const };
    },
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/parties',
    summary: 'Add a party (creates its caucus and its bilateral channel with the mediators).',
    tag: 'processes',
    auth: 'required',
    params: processParams,
    body: addPartyRequest,
    response: partyResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) => {
      const p = await addParty(deps, { actor, processId: processIdOf(params), ...body });
      return { id: p.id, name: p.name, code: p.code, status: p.status };
    },
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/parties/:partyId/status',
    summary: 'A party suspends, resumes or withdraws, with its reason.',
    tag: 'processes',
    auth: 'required',
    params: partyParams,
    body: changePartyStatusRequest,
    response: partyResponse,
    handler: async ({ actor, params, body, deps }) => {
      const p = await changePartyStatus(deps, {
        actor,
        processId: processIdOf(params),
        partyId: asId(params.partyId),
        to: body.to,
        reason: body.reason,
      });
      return { id: p.id, name: p.name, code: p.code, status: p.status };
    },
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/links',
    summary: 'Link an earlier attempt of the same conflict.',
    tag: 'processes',
    auth: 'required',
    params: processParams,
    body: processLinkRequest,
    response: processLinkResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      addProcessLink(deps, {
        actor,
        processId: processIdOf(params),
        link: {
          ...body,
          linkedProcessId: body.linkedProcessId ? asId(body.linkedProcessId) : null,
        },
      }),
  }),
];
