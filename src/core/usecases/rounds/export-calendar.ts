import type { Actor } from '../../access/policy.js';
import { canSeeVenue, readableCompartmentIds } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { roundEvent, sessionEvent, type CalendarEvent } from '../../rounds/calendar.js';
import { hasAcknowledged } from '../../rounds/model.js';
import { DomainError } from '../../shared/errors.js';
import { openProcess, type ProcessContext } from '../process-context.js';

/**
 * One person's calendar over every process they belong to: each round (the venue only where they
 * are invited and have acknowledged its rules), and the sessions of acknowledged rounds that lie
 * in compartments they may read. Processes that need a second factor this sign-in lacks are left
 * out. Each export is audited in every process it drew on, without counts: a count of sessions
 * would tell the organisers, who read the entry, how many caucus sessions a party held.
 */
export async function exportCalendar(
  deps: Deps<'db'>,
  input: { actor: Actor },
): Promise<CalendarEvent[]> {
  return deps.db.transaction(async (s) => {
    const events: CalendarEvent[] = [];
    for (const membership of input.actor.memberships) {
      let ctx: ProcessContext;
      try {
        ctx = await openProcess(s, input.actor, membership.processId);
      } catch (e) {
        if (e instanceof DomainError) continue;
        throw e;
      }
      const processId = ctx.process.id;
      const rounds = await s.rounds.listRounds(processId);
      if (rounds.length === 0) continue;
      const acks = await s.rounds.listAcknowledgements(
        input.actor.userId,
        rounds.map((r) => r.id),
      );
      const opened = rounds.filter((r) => hasAcknowledged(r, acks));
      const sessions = await s.rounds.listSessions({
        processId,
        visible: readableCompartmentIds(input.actor, processId, ctx.compartments),
        roundIds: opened.map((r) => r.id),
      });
      const issues = await s.record.listIssues(processId);
      for (const round of rounds) {
        const acknowledged = opened.includes(round);
        const venue = canSeeVenue(input.actor.userId, round.invitees, acknowledged)
          ? round.venue
          : null;
        events.push(roundEvent(round, ctx.process.codename, venue, acknowledged));
        for (const session of sessions.filter((x) => x.roundId === round.id))
          events.push(sessionEvent(session, round, ctx.process.codename, venue, issues));
      }
      await s.audit.append({
        kind: 'calendar.issued',
        data: {},
        actorUserId: input.actor.userId,
        processId,
        compartmentId: null,
      });
    }
    return events;
  });
}
