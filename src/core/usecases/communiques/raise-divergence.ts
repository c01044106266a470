import type { Actor } from '../../access/policy.js';
import { canRaiseDivergence, readableCompartmentIds } from '../../access/policy.js';
import type { PublicStatement } from '../../communiques/model.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { ProcessId, StatementId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/** The mediator team notes how a logged statement departs from the agreed line, for all parties to see. */
export async function raiseDivergence(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; statementId: StatementId; note: string },
): Promise<PublicStatement> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
    const statement = await s.communiques.findStatement(input.statementId, visible);
    if (!statement || statement.processId !== input.processId) throw notFound('Statement');
    if (!canRaiseDivergence(ctx.membership))
      throw new DomainError(
        'FORBIDDEN',
        'Only the mediator team raises divergences from the agreed line.',
      );
    if (!statement.agreedLineId)
      throw new DomainError(
        'RULE_VIOLATION',
        'This statement is not logged beside an agreed line.',
      );
    const next: PublicStatement = { ...statement, divergence: input.note.trim() };
    await s.communiques.updateStatement(next);
    await s.audit.append({
      kind: 'statement.divergence_raised',
      data: { statementId: statement.id, agreedLineId: statement.agreedLineId },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: statement.compartmentId,
    });
    return next;
  });
}
