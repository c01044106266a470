/** Invitations and members. */
import { okResponse, processParams } from '../../../contract/common.js';
import {
  accessChangeListResponse,
  acceptedInvitationResponse,
  acceptInvitationRequest,
  changeRoleRequest,
  createdInvitationResponse,
  createInvitationRequest,
  grantRequest,
  invitationListResponse,
  invitationParams,
  invitationPreviewResponse,
  invitationSecretParams,
  memberParams,
  delegationAdminRequest,
  pendingSeatListResponse,
  seatChangeResponse,
  seatParams,
} from '../../../contract/processes.js';
import { asId } from '../../../core/shared/ids.js';
import { acceptInvitation } from '../../../core/usecases/process/accept-invitation.js';
import { createInvitation } from '../../../core/usecases/process/create-invitation.js';
import { listInvitations } from '../../../core/usecases/process/list-invitations.js';
import { previewInvitation } from '../../../core/usecases/process/preview-invitation.js';
import { revokeInvitation } from '../../../core/usecases/process/revoke-invitation.js';
import { changeMemberRole } from '../../../core/usecases/process/change-member-role.js';
import { grantCompartment } from '../../../core/usecases/process/grant-compartment.js';
import { removeMember } from '../../../core/usecases/process/remove-member.js';
import { listAccessChanges } from '../../../core/usecases/process/list-access-changes.js';
import { confirmSeat } from '../../../core/usecases/process/confirm-seat.js';
import { declineSeat } from '../../../core/usecases/process/decline-seat.js';
import { listPendingSeats } from '../../../core/usecases/process/list-pending-seats.js';
import { setDelegationAdmin } from '../../../core/usecases/process/set-delegation-admin.js';
import { presentInvitation, presentPendingSeat } from './presenters.js';
import { route, processIdOf } from '../route.js';

export const peopleRoutes = [
  route({
    method: 'GET',
    url: '/api/processes/:processId/access-changes',
    summary:
      'Who joined, changed role, left or was given a compartment — changes to the compartments you read, to you, or all of them for those who manage people.',
    tag: 'people',
    auth: 'required',
    params: processParams,
    response: accessChangeListResponse,
    handler: async ({ actor, params, deps }) => ({
      changes: await listAccessChanges(deps, { actor, processId: processIdOf(params) }),
    }),
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/invitations',
    summary: 'The invitations of a process.',
    tag: 'people',
    auth: 'required',
    params: processParams,
    response: invitationListResponse,
    handler: async ({ actor, params, deps }) => ({
      invitations: (await listInvitations(deps, { actor, processId: processIdOf(params) })).map(
        presentInvitation,
      ),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/invitations',
    summary:
      'Issue a single-use, expiring invitation bound to a role; the link secret is shown once.',
    tag: 'people',
    auth: 'required',
    params: processParams,
    body: createInvitationRequest,
    response: createdInvitationResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) => {
      const { invitation, secret } = await createInvitation(deps, {
        actor,
        processId: processIdOf(params),
        role: body.role,
        partyId: body.partyId ? asId(body.partyId) : null,
        inviteeLabel: body.inviteeLabel,
        validDays: body.validDays,
      });
      return { invitation: presentInvitation(invitation), secret };
    },
  }),
  route({
    method: 'DELETE',
    url: '/api/processes/:processId/invitations/:invitationId',
    summary: 'Revoke an unused invitation.',
    tag: 'people',
    auth: 'required',
    params: invitationParams,
    response: okResponse,
    handler: async ({ actor, params, deps }) => {
      await revokeInvitation(deps, {
        actor,
        processId: processIdOf(params),
        invitationId: asId(params.invitationId),
      });
      return { ok: true as const };
    },
  }),
  route({
    method: 'GET',
    url: '/api/invitations/:secret',
    summary: 'What an invitation link offers: codename, role and party.',
    tag: 'people',
    auth: 'optional',
    params: invitationSecretParams,
    response: invitationPreviewResponse,
    handler: async ({ actor, params, deps }) => {
      const p = await previewInvitation(deps, { secret: params.secret, actor });
      return {
        codename: p.codename,
        role: p.invitation.role,
        party: p.party && { name: p.party.name, code: p.party.code },
        expiresAt: p.invitation.expiresAt,
      };
    },
  }),
  route({
    method: 'POST',
    url: '/api/invitations/:secret/accept',
    summary: 'Accept an invitation, signed in or with a new account.',
    tag: 'people',
    auth: 'optional',
    params: invitationSecretParams,
    body: acceptInvitationRequest,
    response: acceptedInvitationResponse,
    handler: async ({ actor, params, body, deps, request }) => {
      const r = await acceptInvitation(deps, {
        secret: params.secret,
        actor,
        newAccount: body.newAccount,
        ip: request.ip,
      });
      return { processId: r.processId, pending: r.pending };
    },
  }),
  route({
    method: 'PUT',
    url: '/api/processes/:processId/members/:userId',
    summary:
      "Change a member's role and party; a seat in a delegation or the mediator team waits for consent.",
    tag: 'people',
    auth: 'required',
    params: memberParams,
    body: changeRoleRequest,
    response: seatChangeResponse,
    handler: async ({ actor, params, body, deps }) => {
      const r = await changeMemberRole(deps, {
        actor,
        processId: processIdOf(params),
        userId: asId(params.userId),
        role: body.role,
        partyId: body.partyId ? asId(body.partyId) : null,
      });
      return { ok: true as const, pending: r.pending };
    },
  }),
  route({
    method: 'DELETE',
    url: '/api/processes/:processId/members/:userId',
    summary: 'Remove a member; access ends at once.',
    tag: 'people',
    auth: 'required',
    params: memberParams,
    response: okResponse,
    handler: async ({ actor, params, deps }) => {
      await removeMember(deps, {
        actor,
        processId: processIdOf(params),
        userId: asId(params.userId),
      });
      return { ok: true as const };
    },
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/members/:userId/grants',
    summary:
      "Give a guarantor or observer read access to a compartment; a party's or the mediators' room waits for their consent.",
    tag: 'people',
    auth: 'required',
    params: memberParams,
    body: grantRequest,
    response: seatChangeResponse,
    handler: async ({ actor, params, body, deps }) => {
      const r = await grantCompartment(deps, {
        actor,
        processId: processIdOf(params),
        userId: asId(params.userId),
        compartmentId: asId(body.compartmentId),
      });
      return { ok: true as const, pending: r.pending };
    },
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/seats',
    summary:
      "Seats and grants awaiting consent that you may know of: your party's or team's, yours, those you asked for, or all of them for those who manage people.",
    tag: 'people',
    auth: 'required',
    params: processParams,
    response: pendingSeatListResponse,
    handler: async ({ actor, params, deps }) => ({
      seats: (await listPendingSeats(deps, { actor, processId: processIdOf(params) })).map(
        presentPendingSeat,
      ),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/seats/:seatId/confirm',
    summary:
      "Confirm a seat awaiting consent: as the party's head or a delegation admin, the lead mediator, or a first head accepting the appointment.",
    tag: 'people',
    auth: 'required',
    params: seatParams,
    response: okResponse,
    handler: async ({ actor, params, deps }) => {
      await confirmSeat(deps, {
        actor,
        processId: processIdOf(params),
        seatId: asId(params.seatId),
      });
      return { ok: true as const };
    },
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/seats/:seatId/decline',
    summary:
      'Decline a seat awaiting consent (or withdraw it as its initiator, or refuse it as the person concerned).',
    tag: 'people',
    auth: 'required',
    params: seatParams,
    response: okResponse,
    handler: async ({ actor, params, deps }) => {
      await declineSeat(deps, {
        actor,
        processId: processIdOf(params),
        seatId: asId(params.seatId),
      });
      return { ok: true as const };
    },
  }),
  route({
    method: 'PUT',
    url: '/api/processes/:processId/members/:userId/delegation-admin',
    summary:
      'As head of delegation, make a delegate or adviser of the party a delegation admin, who confirms seats, or no longer one.',
    tag: 'people',
    auth: 'required',
    params: memberParams,
    body: delegationAdminRequest,
    response: okResponse,
    handler: async ({ actor, params, body, deps }) => {
      await setDelegationAdmin(deps, {
        actor,
        processId: processIdOf(params),
        userId: asId(params.userId),
        admin: body.delegationAdmin,
      });
      return { ok: true as const };
    },
  }),
];
