import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { Consultation, ConsultationResponse } from '../../rounds/model.js';
import type { ProcessId, RoundId } from '../../shared/ids.js';
import { openRound, viewRound, type RoundView } from './round-context.js';
import { viewMinutes, viewSession, type SessionView } from './session-view.js';

/** A round opened: its set-up, the sessions and minutes the reader may see, and its consultations. */
export interface RoundDetail extends RoundView {
  /** Sessions in compartments the reader may read, by start. */
  sessions: SessionView[];
  /** Consultations the reader may see, each with the answers the reader may see. */
  consultations: Array<Consultation & { responses: ConsultationResponse[] }>;
}

/**
 * Opens a round — only after the reader has acknowledged its rules (ACKNOWLEDGEMENT_REQUIRED
 * otherwise). Sessions, minutes, consultations and answers are filtered by compartment in the
 * query; the venue is shown to invitees only. Opening is audited, with each compartment it drew on.
 */
export async function getRound(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; roundId: RoundId },
): Promise<RoundDetail> {
  return deps.db.transaction(async (s) => {
    const rc = await openRound(s, input.actor, input.processId, input.roundId);
    const members = await s.processes.listMembers(input.processId);
    const parties = await s.processes.listParties(input.processId);
    const sessions = await s.rounds.listSessions({
      processId: input.processId,
      visible: rc.visible,
      roundIds: [rc.round.id],
    });
    const minutes = await s.rounds.listMinutes(
      sessions.map((x) => x.id),
      rc.visible,
    );
    const approvals = await s.rounds.listMinutesApprovals(minutes.map((x) => x.id));
    const objections = await s.rounds.listMinutesObjections(minutes.map((x) => x.id));
    const minutesViews = minutes.map((x) =>
      viewMinutes(x, approvals, parties, { objections, reader: rc.membership }),
    );
    const consultations = await s.rounds.listConsultations([rc.round.id], rc.visible);
    const responses = await s.rounds.listConsultationResponses(
      consultations.map((c) => c.id),
      rc.visible,
    );
    const view = viewRound(rc.round, rc.membership, rc.acknowledged, members);
    await s.audit.append({
      kind: 'round.viewed',
      data: { roundId: rc.round.id, venue: !view.venue.withheld },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    const publicIds = new Set(rc.compartments.filter((c) => c.kind === 'public').map((c) => c.id));
    const drawnOn = new Set(
      [...sessions, ...minutes, ...consultations, ...responses].map((x) => x.compartmentId),
    );
    for (const compartmentId of drawnOn)
      if (!publicIds.has(compartmentId))
        await s.audit.append({
          kind: 'compartment.listed',
          data: { query: 'round' },
          actorUserId: input.actor.userId,
          processId: input.processId,
          compartmentId,
        });
    return {
      ...view,
      sessions: sessions.map((x) => viewSession(x, rc.membership, members, minutesViews)),
      consultations: consultations.map((c) => ({
        ...c,
        responses: responses.filter((r) => r.consultationId === c.id),
      })),
    };
  });
}
