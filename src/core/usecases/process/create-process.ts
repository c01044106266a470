import type { Actor } from '../../access/policy.js';
import type { Compartment } from '../../access/compartments.js';
import type { Process } from '../../process/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import { asId } from '../../shared/ids.js';
import { refuseLockingOut } from './process-rules.js';

/**
 * Creates a process under a codename, with its public, plenary and mediator-team compartments.
 * Only a facilitator admin may; they become the process's facilitator. Only one signed in with a
 * second factor may create it requiring one.
 */
export async function createProcess(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: { actor: Actor; codename: string; title: string; requireTotp: boolean },
): Promise<Process> {
  if (!input.actor.isAdmin)
    throw new DomainError('FORBIDDEN', 'Only a facilitator admin may create a process.');
  // As for passkeys: requiring a second factor must not lock out its own creator.
  refuseLockingOut(input.actor, { requireTotp: input.requireTotp, requirePasskey: false });
  const process: Process = {
    id: asId(deps.ids.newId()),
    codename: input.codename.trim(),
    title: input.title.trim(),
    status: 'exploratory',
    requireTotp: input.requireTotp,
    // Set later by an organiser signed in with a passkey, so that nobody locks themselves out.
    requirePasskey: false,
    createdAt: deps.clock.now().toISOString(),
  };
  return deps.db.transaction(async (s) => {
    await s.processes.insertProcess(process);
    for (const kind of ['public', 'plenary', 'mediators'] as const) {
      const c: Compartment = {
        id: asId(deps.ids.newId()),
        processId: process.id,
        kind,
        partyId: null,
      };
      await s.items.insertCompartment(c);
    }
    await s.processes.insertMembership({
      processId: process.id,
      userId: input.actor.userId,
      role: 'facilitator',
      partyId: null,
      grants: [],
    });
    await s.audit.append({
      kind: 'process.created',
      data: { codename: process.codename },
      actorUserId: input.actor.userId,
      processId: process.id,
      compartmentId: null,
    });
    await s.audit.append({
      kind: 'membership.added',
      data: { userId: input.actor.userId, role: 'facilitator', partyId: null },
      actorUserId: input.actor.userId,
      processId: process.id,
      compartmentId: null,
    });
    return process;
  });
}
