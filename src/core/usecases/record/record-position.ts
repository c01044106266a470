import type { Actor } from '../../access/policy.js';
import { requireWrite } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { Position } from '../../record/model.js';
import { notFound } from '../../shared/errors.js';
import { asId, type IssueId, type OptionId, type ProcessId } from '../../shared/ids.js';
import { openProcess, ownPartyCompartment } from '../process-context.js';

/** Records the actor's party's private position on an issue, in the party's caucus. */
export async function recordPosition(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    issueId: IssueId;
    optionId: OptionId | null;
    text: string;
  },
): Promise<Position> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const { partyId, compartment: caucus } = ownPartyCompartment(
      ctx,
      'caucus',
      'Private positions belong to a party; only its delegation records them.',
    );
    requireWrite(ctx.membership, caucus, 'Compartment');
    const issue = (await s.record.listIssues(input.processId)).find((i) => i.id === input.issueId);
    if (!issue) throw notFound('Issue');
    if (input.optionId && !issue.options.some((o) => o.id === input.optionId))
      throw notFound('Option');
    const position: Position = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      compartmentId: caucus.id,
      partyId,
      issueId: issue.id,
      optionId: input.optionId,
      text: input.text.trim(),
      recordedBy: input.actor.userId,
      recordedAt: deps.clock.now().toISOString(),
    };
    await s.record.insertPosition(position);
    await s.audit.append({
      kind: 'position.recorded',
      data: { positionId: position.id, issueId: issue.id },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: caucus.id,
    });
    return position;
  });
}
