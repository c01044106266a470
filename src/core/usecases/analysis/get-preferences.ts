import type { Actor } from '../../access/policy.js';
import type { StoredPreferences } from '../../analysis/stored.js';
import type { Deps } from '../../ports.js';
import type { AgendaIssue } from '../../record/model.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';
import { readableCompartmentIds } from '../../access/policy.js';

/** A party's own ratings (null before the first save), whether they are shared, and the agenda they rate. */
export async function getPreferences(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<{ preferences: StoredPreferences | null; shared: boolean; issues: AgendaIssue[] }> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const partyId = ctx.membership.partyId;
    if (!partyId)
      throw new DomainError(
        'FORBIDDEN',
        'Ratings belong to a party; only its delegation sees them.',
      );
    const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
    const preferences = (await s.preferences.find(input.processId, partyId, visible)) ?? null;
    const shared = ctx.compartments.some(
      (c) => c.id === preferences?.compartmentId && c.kind === 'bilateral',
    );
    return { preferences, shared, issues: await s.record.listIssues(input.processId) };
  });
}
