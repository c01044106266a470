import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { StoredAmendment } from '../../text/stored.js';
import type { ProcessId } from '../../shared/ids.js';
import { openText } from './text-context.js';

/** The amendments the actor may see: a party its own, the mediators every party's. */
export async function listAmendments(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<StoredAmendment[]> {
  return deps.db.transaction(async (s) => {
    const tc = await openText(s, input.actor, input.processId);
    return s.text.listAmendments(input.processId, tc.visible);
  });
}
