import type { Actor } from '../../access/policy.js';
import { canReadCompartment, canScheduleSession } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { RoundSession } from '../../rounds/model.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { ProcessId, RoundId, RoundSessionId, UserId } from '../../shared/ids.js';
import { compartmentOf } from '../process-context.js';
import { openRound } from './round-context.js';
import { viewMinutes, viewSession, type SessionView } from './session-view.js';

/**
 * Records who attended a session (the whole list, from a named revision). Whoever schedules such
 * a session records it; every attendee must be a member who may read the session's compartment.
 */
export async function recordAttendance(
  deps: Deps<'db'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    roundId: RoundId;
    sessionId: RoundSessionId;
    baseRevision: number;
    attendees: UserId[];
  },
): Promise<SessionView> {
  return deps.db.transaction(async (s) => {
    const rc = await openRound(s, input.actor, input.processId, input.roundId);
    const session = await s.rounds.findSession(input.sessionId, rc.visible);
    if (!session || session.roundId !== rc.round.id) throw notFound('Session');
    const c = compartmentOf(rc, session.compartmentId);
    if (!canScheduleSession(rc.membership, session.format, c))
      throw new DomainError(
        'FORBIDDEN',
        'Only those who schedule such a session record its attendance.',
      );
    if (session.revision !== input.baseRevision)
      throw new DomainError(
        'STALE_REVISION',
        'The session changed since you opened it; review it again.',
        {
          currentRevision: session.revision,
        },
      );
    const members = await s.processes.listMembers(input.processId);
    const outsiders = input.attendees.filter((u) => {
      const m = members.find((x) => x.userId === u);
      return !m || !canReadCompartment(m, c);
    });
    if (outsiders.length || new Set(input.attendees).size !== input.attendees.length)
      throw new DomainError(
        'RULE_VIOLATION',
        'Attendees are members who may see the session, each named once.',
        { notAllowed: outsiders },
      );
    const next: RoundSession = {
      ...session,
      attendance: [...input.attendees],
      revision: session.revision + 1,
    };
    if (!(await s.rounds.saveAttendance(next, session.revision)))
      throw new DomainError('STALE_REVISION', 'The session changed while saving; try again.');
    await s.audit.append({
      kind: 'session.attendance_recorded',
      data: { sessionId: session.id, attendees: next.attendance.length, revision: next.revision },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: c.id,
    });
    const minutes = await s.rounds.listMinutes([session.id], rc.visible);
    const approvals = await s.rounds.listMinutesApprovals(minutes.map((x) => x.id));
    const parties = await s.processes.listParties(input.processId);
    return viewSession(
      next,
      rc.membership,
      members,
      minutes.map((x) => viewMinutes(x, approvals, parties)),
    );
  });
}
