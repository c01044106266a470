import type { Actor } from '../../access/policy.js';
import { requireOnProcess } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { Invitation } from '../../process/model.js';
import { type ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/** The invitations of a process, for those who may invite. */
export async function listInvitations(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<Invitation[]> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    requireOnProcess(ctx.membership, 'invite');
    return s.processes.listInvitations(input.processId);
  });
}
