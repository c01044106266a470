import type { Actor } from '../../access/policy.js';
import { requireOnProcess } from '../../access/policy.js';
import type { Process } from '../../process/model.js';
import type { Deps } from '../../ports.js';
import type { ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';
import { refuseLockingOut } from './process-rules.js';

/**
 * Changes the set-up of a process: codename, title, whether a second factor or a passkey is
 * required. Only an organiser signed in with a passkey may start requiring passkeys, and only one
 * signed in with a second factor may start requiring one, so that turning a requirement on never
 * locks out the person who did it (and with them whoever could turn it off again).
 */
export async function updateProcess(
  deps: Deps<'db'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    changes: Partial<Pick<Process, 'codename' | 'title' | 'requireTotp' | 'requirePasskey'>>;
  },
): Promise<Process> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    requireOnProcess(ctx.membership, 'manage');
    refuseLockingOut(input.actor, {
      requireTotp: input.changes.requireTotp === true && !ctx.process.requireTotp,
      requirePasskey: input.changes.requirePasskey === true && !ctx.process.requirePasskey,
    });
    const fields = Object.keys(input.changes).filter(
      (k) => input.changes[k as keyof typeof input.changes] !== undefined,
    );
    const updated: Process = {
      ...ctx.process,
      codename: input.changes.codename?.trim() ?? ctx.process.codename,
      title: input.changes.title?.trim() ?? ctx.process.title,
      requireTotp: input.changes.requireTotp ?? ctx.process.requireTotp,
      requirePasskey: input.changes.requirePasskey ?? ctx.process.requirePasskey,
    };
    await s.processes.updateProcess(updated);
    await s.audit.append({
      kind: 'process.updated',
      data: { fields },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    return updated;
  });
}
