import type { Actor } from '../../access/policy.js';
import type { Membership, Process } from '../../process/model.js';
import type { Deps } from '../../ports.js';

/** The processes the actor is a member of, with their role in each. */
export async function listProcesses(
  deps: Deps<'db'>,
  input: { actor: Actor },
): Promise<Array<{ process: Process; membership: Membership }>> {
  const processes = await deps.db.transaction((s) =>
    s.processes.listProcessesOf(input.actor.userId),
  );
  return processes.flatMap((process) => {
    const membership = input.actor.memberships.find((m) => m.processId === process.id);
    return membership ? [{ process, membership }] : [];
  });
}
