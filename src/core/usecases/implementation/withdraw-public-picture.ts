import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { notFound } from '../../shared/errors.js';
import type { ProcessId } from '../../shared/ids.js';
import { openImplementation } from './implementation-context.js';
import { publicCompartmentFor } from './publication-rules.js';

/**
 * The mediators withdraw the public accountability page: its address answers NOT_FOUND from now
 * on, and a later release gets a new address. Audited in the public compartment.
 */
export async function withdrawPublicPicture(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<void> {
  await deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    const pub = publicCompartmentFor(ic);
    if (!(await s.implementation.deletePublication(ic.process.id))) throw notFound('Public page');
    await s.audit.append({
      kind: 'implementation.withdrawn',
      data: {},
      actorUserId: input.actor.userId,
      processId: ic.process.id,
      compartmentId: pub.id,
    });
  });
}
