import type { Actor } from '../../access/policy.js';
import { canOpenConsultations, canOrganiseRounds } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import {
  canTransitionRound,
  type Consultation,
  type Round,
  type RoundStatus,
} from '../../rounds/model.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { asId, type ProcessId, type RoundId } from '../../shared/ids.js';
import { openRound, viewRound, type RoundView } from './round-context.js';

/**
 * Moves a round through planned → in progress ⇄ in consultations → closed. Entering consultations
 * opens a consultation with principals (what is consulted on, and a future deadline) in the
 * plenary; leaving it closes that consultation.
 */
export async function changeRoundStatus(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    roundId: RoundId;
    to: RoundStatus;
    consultation: { subject: string; deadline: string } | null;
  },
): Promise<RoundView> {
  return deps.db.transaction(async (s) => {
    const rc = await openRound(s, input.actor, input.processId, input.roundId);
    const m = rc.membership;
    if (!canOrganiseRounds(m))
      throw new DomainError(
        'FORBIDDEN',
        'Only the facilitator and the mediator team move a round.',
      );
    const from = rc.round.status;
    if (input.to === 'in_consultations' && !canOpenConsultations(m))
      throw new DomainError('FORBIDDEN', 'Only the mediator team puts a round into consultations.');
    if (!canTransitionRound(from, input.to))
      throw new DomainError(
        'INVALID_TRANSITION',
        `A round cannot go from ${from.replace('_', ' ')} to ${input.to.replace('_', ' ')}.`,
        { from, to: input.to },
      );
    if ((input.to === 'in_consultations') !== (input.consultation !== null))
      throw new DomainError(
        'RULE_VIOLATION',
        'A round goes into consultations with a subject and a deadline, and only then.',
      );
    const now = deps.clock.now();
    const at = now.toISOString();
    if (from === 'in_consultations') {
      const closed = await s.rounds.closeConsultation(rc.round.id, at);
      if (closed)
        await s.audit.append({
          kind: 'consultation.closed',
          data: { roundId: rc.round.id, consultationId: closed.id },
          actorUserId: input.actor.userId,
          processId: input.processId,
          compartmentId: closed.compartmentId,
        });
    }
    if (input.consultation) {
      const deadline = new Date(input.consultation.deadline);
      if (Number.isNaN(deadline.getTime()) || deadline <= now)
        throw new DomainError('RULE_VIOLATION', 'The deadline for answers must lie in the future.');
      const plenary = rc.compartments.find((c) => c.kind === 'plenary');
      if (!plenary) throw notFound('Compartment');
      const consultation: Consultation = {
        id: asId(deps.ids.newId()),
        processId: input.processId,
        roundId: rc.round.id,
        compartmentId: plenary.id,
        subject: input.consultation.subject.trim(),
        deadline: deadline.toISOString(),
        openedAt: at,
        openedBy: input.actor.userId,
        closedAt: null,
      };
      await s.rounds.insertConsultation(consultation);
      await s.audit.append({
        kind: 'consultation.opened',
        data: {
          roundId: rc.round.id,
          consultationId: consultation.id,
          deadline: consultation.deadline,
        },
        actorUserId: input.actor.userId,
        processId: input.processId,
        compartmentId: plenary.id,
      });
    }
    const next: Round = {
      ...rc.round,
      status: input.to,
      revision: rc.round.revision + 1,
      updatedAt: at,
    };
    if (!(await s.rounds.updateRound(next, rc.round.revision)))
      throw new DomainError('STALE_REVISION', 'The round changed while saving; try again.');
    await s.audit.append({
      kind: 'round.status_changed',
      data: { roundId: next.id, from, to: input.to },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    return viewRound(next, m, rc.acknowledged, await s.processes.listMembers(input.processId));
  });
}
