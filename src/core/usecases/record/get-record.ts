import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type {
  AgendaIssue,
  Demand,
  Position,
  ProposalWithResponses,
  TimelineEntry,
} from '../../record/model.js';
import { timelineOf } from '../../record/model.js';
import type { ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/** The record as one member sees it. */
export interface RecordView {
  issues: AgendaIssue[];
  demands: Demand[];
  /** Only positions in compartments the reader may see (their own party's caucus). */
  positions: Position[];
  /** Only proposals tabled where the reader may see, with their responses. */
  proposals: ProposalWithResponses[];
  /** Per issue and round, who proposed what, over the visible proposals. */
  timeline: TimelineEntry[];
}

/** The negotiation record: agenda, demands, the reader's positions, proposals and responses. */
export async function getRecord(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<RecordView> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
    const proposals = await s.record.listProposals(input.processId, visible);
    const responses = await s.record.listResponses(proposals.map((p) => p.id));
    const positions = await s.record.listPositions(input.processId, visible);
    const nonPublic = new Set([...proposals, ...positions].map((x) => x.compartmentId));
    for (const compartmentId of nonPublic)
      await s.audit.append({
        kind: 'compartment.listed',
        data: { query: 'record' },
        actorUserId: input.actor.userId,
        processId: input.processId,
        compartmentId,
      });
    return {
      issues: await s.record.listIssues(input.processId),
      demands: await s.record.listDemands(input.processId),
      positions,
      proposals: proposals.map((p) => ({
        ...p,
        responses: responses.filter((r) => r.proposalId === p.id),
      })),
      timeline: timelineOf(proposals),
    };
  });
}
