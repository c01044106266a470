/** Rounds and sessions (C3), and the personal calendar export. */
import { processParams } from '../../../contract/common.js';
import {
  acknowledgeRequest,
  acknowledgementResponse,
  approveRequest,
  attendanceRequest,
  calendarResponse,
  consultationAnswerRequest,
  consultationResponseEntry,
  createRoundRequest,
  minutesObjectionRequest,
  minutesParams,
  minutesResponse,
  roundDetailResponse,
  roundListResponse,
  roundParams,
  roundResponse,
  roundStatusRequest,
  scheduleSessionRequest,
  sessionParams,
  sessionResponse,
  setInviteesRequest,
  updateRoundRequest,
  writeMinutesRequest,
} from '../../../contract/rounds.js';
import { asId } from '../../../core/shared/ids.js';
import { acknowledgeRound } from '../../../core/usecases/rounds/acknowledge-round.js';
import { approveMinutes } from '../../../core/usecases/rounds/approve-minutes.js';
import { objectToMinutes } from '../../../core/usecases/rounds/object-to-minutes.js';
import { changeRoundStatus } from '../../../core/usecases/rounds/change-round-status.js';
import { createRound } from '../../../core/usecases/rounds/create-round.js';
import { exportCalendar } from '../../../core/usecases/rounds/export-calendar.js';
import { getRound } from '../../../core/usecases/rounds/get-round.js';
import { listRounds } from '../../../core/usecases/rounds/list-rounds.js';
import { recordAttendance } from '../../../core/usecases/rounds/record-attendance.js';
import { respondToConsultation } from '../../../core/usecases/rounds/respond-to-consultation.js';
import { scheduleSession } from '../../../core/usecases/rounds/schedule-session.js';
import { setRoundInvitees } from '../../../core/usecases/rounds/set-round-invitees.js';
import { updateRound } from '../../../core/usecases/rounds/update-round.js';
import { writeMinutes } from '../../../core/usecases/rounds/write-minutes.js';
import { renderCalendar } from '../../exports/ics.js';
import { route, processIdOf } from '../route.js';
import { presentRound, presentMinutes, presentSession } from './presenters.js';

const rid = (p: { roundId: string }) => asId<'Round'>(p.roundId);

/** The rounds routes, and the personal calendar. */
export const roundRoutes = [
  route({
    method: 'GET',
    url: '/api/processes/:processId/rounds',
    summary: 'The rounds of a process; the venue only where I am invited and have acknowledged.',
    tag: 'rounds',
    auth: 'required',
    params: processParams,
    response: roundListResponse,
    handler: async ({ actor, params, deps }) => ({
      rounds: (await listRounds(deps, { actor, processId: processIdOf(params) })).map(presentRound),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/rounds',
    summary: 'Set up the next round: dates, a venue for invitees only, rules, invitations.',
    tag: 'rounds',
    auth: 'required',
    params: processParams,
    body: createRoundRequest,
    response: roundResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentRound(
        await createRound(deps, {
          actor,
          processId: processIdOf(params),
          title: body.title,
          startsOn: body.startsOn,
          endsOn: body.endsOn,
          venue: body.venue,
          rules: body.rules,
          invitees: body.invitees.map((u) => asId<'User'>(u)),
        }),
      ),
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/rounds/:roundId',
    summary:
      'Open a round (after acknowledging its rules): sessions, minutes and consultations I may see.',
    tag: 'rounds',
    auth: 'required',
    params: roundParams,
    response: roundDetailResponse,
    handler: async ({ actor, params, deps }) => {
      const r = await getRound(deps, {
        actor,
        processId: processIdOf(params),
        roundId: rid(params),
      });
      return {
        ...presentRound(r),
        sessions: r.sessions.map(presentSession),
        consultations: r.consultations.map((c) => ({
          id: c.id,
          subject: c.subject,
          deadline: c.deadline,
          openedAt: c.openedAt,
          closedAt: c.closedAt,
          responses: c.responses.map((x) => ({
            partyId: x.partyId,
            compartmentId: x.compartmentId,
            kind: x.kind,
            text: x.text,
            respondedAt: x.respondedAt,
          })),
        })),
      };
    },
  }),
  route({
    method: 'PATCH',
    url: '/api/processes/:processId/rounds/:roundId',
    summary: 'Change a round’s title, dates, venue or rules (new rules are acknowledged again).',
    tag: 'rounds',
    auth: 'required',
    params: roundParams,
    body: updateRoundRequest,
    response: roundResponse,
    handler: async ({ actor, params, body, deps }) => {
      const { baseRevision, ...changes } = body;
      return presentRound(
        await updateRound(deps, {
          actor,
          processId: processIdOf(params),
          roundId: rid(params),
          baseRevision,
          changes,
        }),
      );
    },
  }),
  route({
    method: 'PUT',
    url: '/api/processes/:processId/rounds/:roundId/invitees',
    summary: 'Replace the invitation list of a round (who may see its venue).',
    tag: 'rounds',
    auth: 'required',
    params: roundParams,
    body: setInviteesRequest,
    response: roundResponse,
    handler: async ({ actor, params, body, deps }) =>
      presentRound(
        await setRoundInvitees(deps, {
          actor,
          processId: processIdOf(params),
          roundId: rid(params),
          baseRevision: body.baseRevision,
          invitees: body.invitees.map((u) => asId<'User'>(u)),
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/rounds/:roundId/status',
    summary: 'Move a round: in progress, into consultations (subject, deadline), closed.',
    tag: 'rounds',
    auth: 'required',
    params: roundParams,
    body: roundStatusRequest,
    response: roundResponse,
    handler: async ({ actor, params, body, deps }) =>
      presentRound(
        await changeRoundStatus(deps, {
          actor,
          processId: processIdOf(params),
          roundId: rid(params),
          to: body.to,
          consultation: body.consultation,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/rounds/:roundId/acknowledgement',
    summary: 'Acknowledge a round’s confidentiality rules (by their hash) before first access.',
    tag: 'rounds',
    auth: 'required',
    params: roundParams,
    body: acknowledgeRequest,
    response: acknowledgementResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      acknowledgeRound(deps, {
        actor,
        processId: processIdOf(params),
        roundId: rid(params),
        rulesHash: body.rulesHash,
      }),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/rounds/:roundId/consultation/responses',
    summary:
      'Answer the round’s consultation for my party: accept, accept with reservations, counter-text.',
    tag: 'rounds',
    auth: 'required',
    params: roundParams,
    body: consultationAnswerRequest,
    response: consultationResponseEntry,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      respondToConsultation(deps, {
        actor,
        processId: processIdOf(params),
        roundId: rid(params),
        kind: body.kind,
        text: body.text,
      }),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/rounds/:roundId/sessions',
    summary:
      'Schedule a session: plenary, caucus, bilateral, shuttle or proximity, with an agenda.',
    tag: 'rounds',
    auth: 'required',
    params: roundParams,
    body: scheduleSessionRequest,
    response: sessionResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentSession(
        await scheduleSession(deps, {
          actor,
          processId: processIdOf(params),
          roundId: rid(params),
          format: body.format,
          partyId: body.partyId ? asId(body.partyId) : null,
          title: body.title,
          startsAt: body.startsAt,
          endsAt: body.endsAt,
          agenda: body.agenda.map((i) => asId<'Issue'>(i)),
        }),
      ),
  }),
  route({
    method: 'PUT',
    url: '/api/processes/:processId/rounds/:roundId/sessions/:sessionId/attendance',
    summary: 'Record who attended a session.',
    tag: 'rounds',
    auth: 'required',
    params: sessionParams,
    body: attendanceRequest,
    response: sessionResponse,
    handler: async ({ actor, params, body, deps }) =>
      presentSession(
        await recordAttendance(deps, {
          actor,
          processId: processIdOf(params),
          roundId: rid(params),
          sessionId: asId(params.sessionId),
          baseRevision: body.baseRevision,
          attendees: body.attendees.map((u) => asId<'User'>(u)),
        }),
      ),
  }),
  route({
    method: 'PUT',
    url: '/api/processes/:processId/rounds/:roundId/sessions/:sessionId/minutes/:kind',
    summary:
      'Write a session’s minutes (the mediators’ own, or the plenary’s); any change resets approvals.',
    tag: 'rounds',
    auth: 'required',
    params: minutesParams,
    body: writeMinutesRequest,
    response: minutesResponse,
    handler: async ({ actor, params, body, deps }) =>
      presentMinutes(
        await writeMinutes(deps, {
          actor,
          processId: processIdOf(params),
          roundId: rid(params),
          sessionId: asId(params.sessionId),
          kind: params.kind,
          baseRevision: body.baseRevision,
          text: body.text,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/rounds/:roundId/sessions/:sessionId/minutes/:kind/approvals',
    summary: 'Approve the plenary minutes for my party, naming the hash of the text I read.',
    tag: 'rounds',
    auth: 'required',
    params: minutesParams,
    body: approveRequest,
    response: minutesResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentMinutes(
        await approveMinutes(deps, {
          actor,
          processId: processIdOf(params),
          roundId: rid(params),
          sessionId: asId(params.sessionId),
          kind: params.kind,
          hash: body.hash,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/rounds/:roundId/sessions/:sessionId/minutes/:kind/objections',
    summary:
      'Reject the plenary minutes for my party, or ask for a change, with a comment for the mediators.',
    tag: 'rounds',
    auth: 'required',
    params: minutesParams,
    body: minutesObjectionRequest,
    response: minutesResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentMinutes(
        await objectToMinutes(deps, {
          actor,
          processId: processIdOf(params),
          roundId: rid(params),
          sessionId: asId(params.sessionId),
          kind: params.kind,
          hash: body.hash,
          objection: body.kind,
          comment: body.comment,
        }),
      ),
  }),
  route({
    method: 'GET',
    url: '/api/me/calendar.ics',
    summary: 'My calendar (iCalendar): the rounds and sessions I may see, venues where invited.',
    tag: 'rounds',
    auth: 'required',
    response: calendarResponse,
    handler: async ({ actor, deps, reply }) => {
      const events = await exportCalendar(deps, { actor });
      void reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="parley.ics"');
      return renderCalendar(events, { now: deps.clock.now(), name: 'Parley' });
    },
  }),
];
