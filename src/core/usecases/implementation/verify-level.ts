import type { Actor } from '../../access/policy.js';
import { canVerifyLevels } from '../../access/policy.js';
import type { Verdict, Verification } from '../../implementation/model.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { asId, type LevelEntryId, type ProcessId, type CommitmentId } from '../../shared/ids.js';
import { openImplementation, visibleCommitment } from './implementation-context.js';

/**
 * A guarantor or observer verifies or disputes a level entry, with a reason. A dispute stands (and
 * is shown) until it is resolved.
 */
export async function verifyLevel(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    commitmentId: CommitmentId;
    entryId: LevelEntryId;
    verdict: Verdict;
    reason: string;
  },
): Promise<Verification> {
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    const c = await visibleCommitment(s, ic, input.commitmentId);
    const entries = await s.implementation.listLevelEntries(ic.process.id, ic.visible, c.id);
    const entry = entries.find((e) => e.id === input.entryId);
    if (!entry) throw notFound('Level');
    if (!canVerifyLevels(ic.membership))
      throw new DomainError('FORBIDDEN', 'Guarantors and observers verify or dispute levels.');
    if (input.verdict === 'disputed' && input.reason.trim() === '')
      throw new DomainError('INVALID_INPUT', 'Say why you dispute the level.', { field: 'reason' });
    const v: Verification = {
      id: asId(deps.ids.newId()),
      processId: ic.process.id,
      commitmentId: c.id,
      levelEntryId: entry.id,
      verdict: input.verdict,
      reason: input.reason,
      by: input.actor.userId,
      at: deps.clock.now().toISOString(),
      resolvedAt: null,
      resolvedBy: null,
      resolution: null,
    };
    await s.implementation.insertVerification(v);
    await s.audit.append({
      kind: 'level.verified',
      data: { verificationId: v.id, entryId: entry.id, verdict: v.verdict },
      actorUserId: input.actor.userId,
      processId: ic.process.id,
      compartmentId: ic.plenary.id,
    });
    return v;
  });
}
