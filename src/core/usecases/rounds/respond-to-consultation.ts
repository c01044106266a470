import type { Actor } from '../../access/policy.js';
import { answeringParty } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import {
  consultationAnswerProblems,
  type ConsultationAnswer,
  type ConsultationResponse,
} from '../../rounds/model.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { ProcessId, RoundId } from '../../shared/ids.js';
import { compartmentOf } from '../process-context.js';
import { openRound } from './round-context.js';

/**
 * A party's head of delegation answers the round's open consultation before its deadline: accept,
 * accept with reservations, or a counter-text. The answer goes to the party's bilateral channel
 * with the mediators; a later answer before the deadline replaces the earlier one.
 */
export async function respondToConsultation(
  deps: Deps<'db' | 'clock'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    roundId: RoundId;
    kind: ConsultationAnswer;
    text: string;
  },
): Promise<ConsultationResponse> {
  return deps.db.transaction(async (s) => {
    const rc = await openRound(s, input.actor, input.processId, input.roundId);
    const partyId = answeringParty(rc.membership);
    if (!partyId)
      throw new DomainError('FORBIDDEN', "Only a party's head of delegation answers for it.");
    const consultation = await s.rounds.findOpenConsultation(rc.round.id);
    if (!consultation)
      throw new DomainError('RULE_VIOLATION', `Round ${rc.round.number} is not in consultations.`);
    compartmentOf(rc, consultation.compartmentId, 'Consultation');
    const now = deps.clock.now().toISOString();
    if (now > consultation.deadline)
      throw new DomainError(
        'RULE_VIOLATION',
        `The deadline for answers (${consultation.deadline}) has passed.`,
        { deadline: consultation.deadline },
      );
    const problems = consultationAnswerProblems(input.kind, input.text);
    if (problems.length)
      throw new DomainError(
        'RULE_VIOLATION',
        `The answer is not complete: ${problems.join('; ')}.`,
        {
          problems,
        },
      );
    const channel = rc.compartments.find((c) => c.kind === 'bilateral' && c.partyId === partyId);
    if (!channel) throw notFound('Compartment');
    const response: ConsultationResponse = {
      consultationId: consultation.id,
      partyId,
      compartmentId: channel.id,
      kind: input.kind,
      text: input.text.trim(),
      respondedBy: input.actor.userId,
      respondedAt: now,
    };
    await s.rounds.saveConsultationResponse(response);
    await s.audit.append({
      kind: 'consultation.responded',
      data: { consultationId: consultation.id, partyId, kind: input.kind },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: channel.id,
    });
    return response;
  });
}
