import type { Actor } from '../../access/policy.js';
import type { StoredPreferences } from '../../analysis/stored.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/**
 * The head of delegation shares the party's ratings with the mediator team (they move to the
 * bilateral channel: an audited release) or takes them back into the caucus.
 */
export async function sharePreferences(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; shared: boolean },
): Promise<{ preferences: StoredPreferences; shared: boolean }> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const m = ctx.membership;
    if (m.role !== 'head_of_delegation' || !m.partyId)
      throw new DomainError('FORBIDDEN', "Only the head of delegation shares the party's ratings.");
    const caucus = ctx.compartments.find((c) => c.kind === 'caucus' && c.partyId === m.partyId);
    const channel = ctx.compartments.find((c) => c.kind === 'bilateral' && c.partyId === m.partyId);
    if (!caucus || !channel) throw notFound('Process');
    const existing = await s.preferences.find(input.processId, m.partyId, [caucus.id, channel.id]);
    if (!existing)
      throw new DomainError('RULE_VIOLATION', 'Enter the ratings before sharing them.');
    const target = input.shared ? channel.id : caucus.id;
    if (existing.compartmentId === target) return { preferences: existing, shared: input.shared };
    const moved = { ...existing, compartmentId: target, revision: existing.revision + 1 };
    if (!(await s.preferences.save(moved, existing.revision)))
      throw new DomainError('STALE_REVISION', 'The ratings changed meanwhile; try again.');
    await s.audit.append({
      kind: 'preferences.shared',
      data: { partyId: m.partyId, shared: input.shared },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: channel.id,
    });
    return { preferences: moved, shared: input.shared };
  });
}
