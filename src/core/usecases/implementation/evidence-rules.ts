/** Shared steps of the use cases that submit evidence: a report, a link or a file. */
import type { Compartment } from '../../access/compartments.js';
import { evidenceRoomFor, type Actor } from '../../access/policy.js';
import { isDate, type Commitment, type Evidence } from '../../implementation/model.js';
import type { Stores } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { ImplementationContext } from './implementation-context.js';

/**
 * The compartment the actor's evidence for a commitment goes to (the submitter's own until
 * released; the plenary for a guarantor or observer), or FORBIDDEN for anyone else.
 */
export function evidenceRoom(ic: ImplementationContext, c: Commitment): Compartment {
  const room = evidenceRoomFor(ic.membership, ic.compartments, c.responsiblePartyIds);
  if (!room)
    throw new DomainError(
      'FORBIDDEN',
      'Evidence comes from a responsible party, the mediators, or a guarantor or observer.',
    );
  return room;
}

/** Refuses a date the evidence speaks of that is not YYYY-MM-DD. */
export function checkObservedOn(observedOn: string): void {
  if (!isDate(observedOn))
    throw new DomainError('INVALID_INPUT', 'Give the date the evidence speaks of as YYYY-MM-DD.', {
      field: 'observedOn',
    });
}

/** Stores new evidence and audits it; answers whether it went straight to the plenary. */
export async function recordEvidence(
  s: Stores,
  ic: ImplementationContext,
  actor: Actor,
  evidence: Evidence,
): Promise<boolean> {
  await s.implementation.insertEvidence([evidence]);
  await s.audit.append({
    kind: 'evidence.submitted',
    data: { evidenceId: evidence.id, commitmentId: evidence.commitmentId, sha256: evidence.sha256 },
    actorUserId: actor.userId,
    processId: ic.process.id,
    compartmentId: evidence.compartmentId,
  });
  return evidence.compartmentId === ic.plenary.id;
}
