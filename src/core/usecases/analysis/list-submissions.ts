import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds } from '../../access/policy.js';
import type { StoredSubmission } from '../../analysis/stored.js';
import type { Deps } from '../../ports.js';
import type { ProcessId } from '../../shared/ids.js';
import { openProcess, ownPartyCompartment } from '../process-context.js';

/** The actor's party's own submissions, newest first: only its delegation sees them. */
export async function listSubmissions(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<StoredSubmission[]> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const { partyId } = ownPartyCompartment(
      ctx,
      'caucus',
      'Submissions belong to a party; only its delegation sees them.',
    );
    const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
    return s.preferences.listSubmissions(input.processId, partyId, visible);
  });
}
