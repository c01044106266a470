/** Shared steps of the implementation use cases: opening the plan and a commitment. */
import type { Actor } from '../../access/policy.js';
import { canReadCompartment, readableCompartmentIds } from '../../access/policy.js';
import type { Compartment } from '../../access/compartments.js';
import type { Commitment } from '../../implementation/model.js';
import type { Party } from '../../process/model.js';
import type { Stores } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { CommitmentId, CompartmentId, ProcessId } from '../../shared/ids.js';
import { openProcess, type ProcessContext } from '../process-context.js';

/** A process opened for implementation work. */
export interface ImplementationContext extends ProcessContext {
  /** The plenary, where commitments, levels and verifications live. */
  plenary: Compartment;
  /** Whether the actor reads the plenary (the facilitator does not). */
  readsPlenary: boolean;
  /** Compartments the actor may read. */
  visible: CompartmentId[];
  /** The process's parties. */
  parties: Party[];
}

/** Opens a process for implementation work, or NOT_FOUND. */
export async function openImplementation(
  s: Stores,
  actor: Actor,
  processId: ProcessId,
): Promise<ImplementationContext> {
  const ctx = await openProcess(s, actor, processId);
  const plenary = ctx.compartments.find((c) => c.kind === 'plenary');
  if (!plenary) throw notFound('Process');
  return {
    ...ctx,
    plenary,
    readsPlenary: canReadCompartment(ctx.membership, plenary),
    visible: readableCompartmentIds(actor, processId, ctx.compartments),
    parties: await s.processes.listParties(processId),
  };
}

/** Requires the plenary to be readable before a write: those outside it may not act on the plan. */
export function requirePlenary(ic: ImplementationContext): void {
  if (!ic.readsPlenary)
    throw new DomainError('FORBIDDEN', 'Only those who read the plenary work on implementation.');
}

/** A commitment the actor may read, or NOT_FOUND. */
export async function visibleCommitment(
  s: Stores,
  ic: ImplementationContext,
  id: CommitmentId,
): Promise<Commitment> {
  const c = await s.implementation.findCommitment(id, ic.visible);
  if (!c || c.processId !== ic.process.id) throw notFound('Commitment');
  return c;
}
