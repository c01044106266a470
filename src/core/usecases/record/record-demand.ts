import type { Actor } from '../../access/policy.js';
import { canRecordDemand } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { Demand } from '../../record/model.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { asId, type IssueId, type PartyId, type ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/** Records a party's public demand with its source and date (shared with every member). */
export async function recordDemand(
  deps: Deps<'db' | 'ids'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    partyId: PartyId;
    issueId: IssueId | null;
    text: string;
    source: string;
    statedOn: string;
  },
): Promise<Demand> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const parties = await s.processes.listParties(input.processId);
    if (!parties.some((p) => p.id === input.partyId)) throw notFound('Party');
    if (
      input.issueId &&
      !(await s.record.listIssues(input.processId)).some((i) => i.id === input.issueId)
    )
      throw notFound('Issue');
    if (!canRecordDemand(ctx.membership, input.partyId))
      throw new DomainError(
        'FORBIDDEN',
        "Only the party's delegation or the mediators record its demands.",
      );
    const demand: Demand = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      partyId: input.partyId,
      issueId: input.issueId,
      text: input.text.trim(),
      source: input.source.trim(),
      statedOn: input.statedOn,
      recordedBy: input.actor.userId,
    };
    await s.record.insertDemand(demand);
    await s.audit.append({
      kind: 'demand.recorded',
      data: { demandId: demand.id, partyId: demand.partyId },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    return demand;
  });
}
