import type { Actor } from '../../access/policy.js';
import { canScheduleSession, requireRead } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import {
  formatNeedsParty,
  sessionCompartmentKind,
  sessionTimeProblems,
  type RoundSession,
  type SessionFormat,
} from '../../rounds/model.js';
import { DomainError, notFound } from '../../shared/errors.js';
import {
  asId,
  type IssueId,
  type PartyId,
  type ProcessId,
  type RoundId,
} from '../../shared/ids.js';
import { openRound } from './round-context.js';
import { viewSession, type SessionView } from './session-view.js';

/**
 * Schedules a session within a round. Its format decides its compartment: a plenary, shuttle or
 * proximity session is scheduled in the plenary (in the last two the parties still never share a
 * channel), a caucus in the party's caucus, a bilateral session in the party's channel with the
 * mediators. Its agenda is drawn from the process's agenda issues.
 */
export async function scheduleSession(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    roundId: RoundId;
    format: SessionFormat;
    partyId: PartyId | null;
    title: string;
    startsAt: string;
    endsAt: string;
    agenda: IssueId[];
  },
): Promise<SessionView> {
  return deps.db.transaction(async (s) => {
    const rc = await openRound(s, input.actor, input.processId, input.roundId);
    if (formatNeedsParty(input.format) !== (input.partyId !== null))
      throw new DomainError(
        'RULE_VIOLATION',
        formatNeedsParty(input.format)
          ? `A ${input.format} session belongs to one party: name the party.`
          : `A ${input.format} session belongs to no single party.`,
      );
    const kind = sessionCompartmentKind(input.format);
    const c = rc.compartments.find(
      (x) => x.kind === kind && (input.partyId === null || x.partyId === input.partyId),
    );
    if (!c) throw notFound('Party');
    requireRead(rc.membership, c, 'Compartment');
    if (!canScheduleSession(rc.membership, input.format, c))
      throw new DomainError(
        'FORBIDDEN',
        input.format === 'caucus'
          ? "Only the party's head of delegation and delegates schedule its caucus."
          : 'Only the mediator team schedules sessions.',
      );
    const problems = sessionTimeProblems(rc.round, input.startsAt, input.endsAt);
    const issues = await s.record.listIssues(input.processId);
    for (const id of input.agenda)
      if (!issues.some((i) => i.id === id))
        problems.push(`issue ${id} is not on this process's agenda`);
    if (new Set(input.agenda).size !== input.agenda.length)
      problems.push('an agenda item appears twice');
    if (problems.length)
      throw new DomainError('RULE_VIOLATION', `The session is not valid: ${problems.join('; ')}.`, {
        problems,
      });
    const session: RoundSession = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      roundId: rc.round.id,
      compartmentId: c.id,
      format: input.format,
      partyId: input.partyId,
      title: input.title.trim(),
      startsAt: new Date(input.startsAt).toISOString(),
      endsAt: new Date(input.endsAt).toISOString(),
      agenda: [...input.agenda],
      attendance: [],
      revision: 1,
      createdBy: input.actor.userId,
      createdAt: deps.clock.now().toISOString(),
    };
    await s.rounds.insertSession(session);
    await s.audit.append({
      kind: 'session.scheduled',
      data: { sessionId: session.id, roundId: rc.round.id, format: session.format },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: c.id,
    });
    return viewSession(session, rc.membership, await s.processes.listMembers(input.processId), []);
  });
}
