import type { Actor } from '../../access/policy.js';
import { membershipIn, requireOnProcess } from '../../access/policy.js';
import type { ProcessLink } from '../../process/model.js';
import type { Deps } from '../../ports.js';
import { notFound } from '../../shared/errors.js';
import type { ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/** Links the process to an earlier attempt of the same conflict (in Parley, or described). */
export async function addProcessLink(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; link: ProcessLink },
): Promise<ProcessLink> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    requireOnProcess(ctx.membership, 'manage');
    const linked = input.link.linkedProcessId;
    // Linking to a process one is not a member of would confirm that it exists.
    if (linked && (linked === input.processId || !membershipIn(input.actor, linked)))
      throw notFound('Linked process');
    await s.processes.insertLink(input.processId, input.link);
    await s.audit.append({
      kind: 'process.link_added',
      data: { label: input.link.label, linkedProcessId: linked },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    return input.link;
  });
}
