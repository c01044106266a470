import type { Actor } from '../../access/policy.js';
import { canRelease } from '../../access/policy.js';
import type { Evidence } from '../../implementation/model.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { EvidenceId, ProcessId } from '../../shared/ids.js';
import { openImplementation } from './implementation-context.js';

/**
 * Releases evidence from its submitter's compartment to the plenary, where levels may cite it: a
 * party's head for its caucus, the lead mediator for the mediators' room. Evidence the actor may
 * not read answers NOT_FOUND.
 */
export async function releaseEvidence(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; evidenceId: EvidenceId },
): Promise<Evidence> {
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    const e = await s.implementation.findEvidence(input.evidenceId, ic.visible);
    if (!e || e.processId !== ic.process.id) throw notFound('Evidence');
    const from = ic.compartments.find((c) => c.id === e.compartmentId);
    if (!from) throw notFound('Evidence');
    if (from.id === ic.plenary.id)
      throw new DomainError('CONFLICT', 'This evidence is already in the plenary.');
    if (!canRelease(ic.membership, from, ic.plenary))
      throw new DomainError(
        'FORBIDDEN',
        "A party's head releases its evidence; the lead mediator the mediators'.",
      );
    await s.implementation.moveEvidence(e.id, ic.plenary.id);
    await s.audit.append({
      kind: 'evidence.released',
      data: { evidenceId: e.id, from: from.id, to: ic.plenary.id },
      actorUserId: input.actor.userId,
      processId: ic.process.id,
      compartmentId: ic.plenary.id,
    });
    return { ...e, compartmentId: ic.plenary.id };
  });
}
