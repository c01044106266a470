import type { Actor } from '../../access/policy.js';
import type { Publication } from '../../implementation/public-picture.js';
import type { Deps } from '../../ports.js';
import type { ProcessId } from '../../shared/ids.js';
import { openImplementation } from './implementation-context.js';

/**
 * The process's public accountability page as released (its address and picture), or null when
 * nothing is released. It is public, so any member may see it, and reading it is not audited.
 */
export async function getPublication(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<Publication | null> {
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    return (await s.implementation.findPublication(ic.process.id)) ?? null;
  });
}
