import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { hasAcknowledged } from '../../rounds/model.js';
import type { ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';
import { viewRound, type RoundView } from './round-context.js';

/**
 * The rounds of a process, known to every member: number, title, dates, status and rules. The venue
 * appears only for rounds the reader is invited to and has acknowledged; each venue shown is audited.
 */
export async function listRounds(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<RoundView[]> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const rounds = await s.rounds.listRounds(input.processId);
    const acks = await s.rounds.listAcknowledgements(
      input.actor.userId,
      rounds.map((r) => r.id),
    );
    const members = await s.processes.listMembers(input.processId);
    const views = rounds.map((r) =>
      viewRound(r, ctx.membership, hasAcknowledged(r, acks), members),
    );
    for (const v of views)
      if (!v.venue.withheld)
        await s.audit.append({
          kind: 'round.viewed',
          data: { roundId: v.round.id, venue: true },
          actorUserId: input.actor.userId,
          processId: input.processId,
          compartmentId: null,
        });
    return views;
  });
}
