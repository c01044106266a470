import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds } from '../../access/policy.js';
import type { PublicStatement } from '../../communiques/model.js';
import type { Deps } from '../../ports.js';
import type { ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';
import { viewCommunique, type CommuniqueView } from './communique-view.js';

/**
 * The communiqués and press lines the actor may see now — drafts for the mediator team, circulated
 * and released ones for the plenary, released ones past their embargo for every member — and the
 * public statements logged beside them. Filtered in the query; non-public listing is audited.
 */
export async function listCommuniques(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<{ communiques: CommuniqueView[]; statements: PublicStatement[] }> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
    const now = deps.clock.now();
    const list = await s.communiques.listCommuniques(input.processId, visible, now.toISOString());
    const approvals = await s.communiques.listApprovals(list.map((c) => c.id));
    const objections = await s.communiques.listObjections(list.map((c) => c.id));
    const parties = await s.processes.listParties(input.processId);
    const communiques = list.map((c) =>
      viewCommunique(c, approvals, parties, ctx.compartments, now, {
        objections,
        reader: ctx.membership,
      }),
    );
    const statements = await s.communiques.listStatements(input.processId, visible);
    const publicIds = new Set(ctx.compartments.filter((c) => c.kind === 'public').map((c) => c.id));
    const drawnOn = new Set([
      ...communiques.map((c) => c.visibleIn),
      ...statements.map((x) => x.compartmentId),
    ]);
    for (const compartmentId of drawnOn)
      if (!publicIds.has(compartmentId))
        await s.audit.append({
          kind: 'compartment.listed',
          data: { query: 'communiques' },
          actorUserId: input.actor.userId,
          processId: input.processId,
          compartmentId,
        });
    return { communiques, statements };
  });
}
