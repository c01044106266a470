import type { Actor } from '../../access/policy.js';
import { canResolveDispute } from '../../access/policy.js';
import type { Verification } from '../../implementation/model.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { ProcessId, VerificationId } from '../../shared/ids.js';
import { openImplementation } from './implementation-context.js';

/** The lead mediator, or whoever raised it, resolves a dispute of a level, saying how. */
export async function resolveDispute(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; processId: ProcessId; verificationId: VerificationId; resolution: string },
): Promise<Verification> {
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    const v = await s.implementation.findVerification(input.verificationId, ic.visible);
    if (!v || v.processId !== ic.process.id) throw notFound('Dispute');
    if (!canResolveDispute(ic.membership, v.by))
      throw new DomainError(
        'FORBIDDEN',
        'The lead mediator, or whoever raised the dispute, resolves it.',
      );
    if (v.verdict !== 'disputed')
      throw new DomainError(
        'RULE_VIOLATION',
        'Only a dispute is resolved; this is a verification.',
      );
    if (input.resolution.trim() === '')
      throw new DomainError('INVALID_INPUT', 'Say how the dispute was resolved.', {
        field: 'resolution',
      });
    const at = deps.clock.now().toISOString();
    if (
      !(await s.implementation.resolveVerification(v.id, {
        resolvedAt: at,
        resolvedBy: input.actor.userId,
        resolution: input.resolution,
      }))
    )
      throw new DomainError('CONFLICT', 'This dispute is already resolved.');
    await s.audit.append({
      kind: 'level.dispute_resolved',
      data: { verificationId: v.id, entryId: v.levelEntryId },
      actorUserId: input.actor.userId,
      processId: ic.process.id,
      compartmentId: ic.plenary.id,
    });
    return { ...v, resolvedAt: at, resolvedBy: input.actor.userId, resolution: input.resolution };
  });
}
