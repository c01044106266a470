import type { Actor } from '../../access/policy.js';
import { canOrganiseRounds } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { defaultConfidentialityRules, roundDateProblems, type Round } from '../../rounds/model.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type ProcessId, type UserId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';
import { requireMembers, viewRound, type RoundView } from './round-context.js';

/**
 * Sets up the next numbered round of a process: dates, a venue only its invitees will see, the
 * confidentiality rules everyone acknowledges before first access, and the invitation list.
 */
export async function createRound(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    title: string;
    startsOn: string;
    endsOn: string;
    venue: string;
    rules: string | null;
    invitees: UserId[];
  },
): Promise<RoundView> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    if (!canOrganiseRounds(ctx.membership))
      throw new DomainError(
        'FORBIDDEN',
        'Only the facilitator and the mediator team organise rounds.',
      );
    const problems = roundDateProblems(input.startsOn, input.endsOn);
    if (problems.length)
      throw new DomainError('RULE_VIOLATION', `The dates are not valid: ${problems.join('; ')}.`, {
        problems,
      });
    const members = await s.processes.listMembers(input.processId);
    requireMembers(input.invitees, members, 'invited');
    const rules = input.rules?.trim() || defaultConfidentialityRules;
    const now = deps.clock.now().toISOString();
    const round: Round = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      number: (await s.rounds.latestRoundNumber(input.processId)) + 1,
      title: input.title.trim(),
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      venue: input.venue.trim(),
      rules,
      rulesHash: deps.hashing.sha256(rules),
      status: 'planned',
      invitees: [...input.invitees],
      revision: 1,
      createdBy: input.actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await s.rounds.insertRound(round);
    await s.audit.append({
      kind: 'round.created',
      data: { roundId: round.id, number: round.number },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    return viewRound(round, ctx.membership, false, members);
  });
}
