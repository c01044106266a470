import type { Actor } from '../../access/policy.js';
import { canOrganiseRounds } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { hasAcknowledged, roundDateProblems, type Round } from '../../rounds/model.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId, RoundId } from '../../shared/ids.js';
import { openRound, viewRound, type RoundView } from './round-context.js';

/** The fields of a round an organiser may change; absent fields stay as they are. */
export interface RoundChanges {
  title?: string;
  startsOn?: string;
  endsOn?: string;
  venue?: string;
  rules?: string;
}

/**
 * Changes a round's title, dates, venue or rules from a named revision. Changed rules have a new
 * hash, so every participant acknowledges them again before the round opens to them.
 */
export async function updateRound(
  deps: Deps<'db' | 'clock' | 'hashing'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    roundId: RoundId;
    baseRevision: number;
    changes: RoundChanges;
  },
): Promise<RoundView> {
  return deps.db.transaction(async (s) => {
    const rc = await openRound(s, input.actor, input.processId, input.roundId);
    if (!canOrganiseRounds(rc.membership))
      throw new DomainError(
        'FORBIDDEN',
        'Only the facilitator and the mediator team organise rounds.',
      );
    const old = rc.round;
    if (old.revision !== input.baseRevision)
      throw new DomainError(
        'STALE_REVISION',
        'The round changed since you opened it; review it again.',
        {
          currentRevision: old.revision,
        },
      );
    const c = input.changes;
    const rules = c.rules === undefined ? old.rules : c.rules.trim();
    const next: Round = {
      ...old,
      title: c.title?.trim() ?? old.title,
      startsOn: c.startsOn ?? old.startsOn,
      endsOn: c.endsOn ?? old.endsOn,
      venue: c.venue?.trim() ?? old.venue,
      rules,
      rulesHash: deps.hashing.sha256(rules),
      revision: old.revision + 1,
      updatedAt: deps.clock.now().toISOString(),
    };
    const problems = roundDateProblems(next.startsOn, next.endsOn);
    if (problems.length)
      throw new DomainError('RULE_VIOLATION', `The dates are not valid: ${problems.join('; ')}.`, {
        problems,
      });
    const fields = (['title', 'startsOn', 'endsOn', 'venue', 'rules'] as const).filter(
      (f) => next[f] !== old[f],
    );
    if (fields.length === 0)
      return viewRound(
        old,
        rc.membership,
        rc.acknowledged,
        await s.processes.listMembers(input.processId),
      );
    if (!(await s.rounds.updateRound(next, old.revision)))
      throw new DomainError('STALE_REVISION', 'The round changed while saving; try again.');
    await s.audit.append({
      kind: 'round.updated',
      data: { roundId: old.id, fields, rulesHash: next.rulesHash },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    const acks = await s.rounds.listAcknowledgements(input.actor.userId, [old.id]);
    return viewRound(
      next,
      rc.membership,
      hasAcknowledged(next, acks),
      await s.processes.listMembers(input.processId),
    );
  });
}
