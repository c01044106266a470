import type { Actor } from '../../access/policy.js';
import { canEditAgenda } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { AgendaIssue } from '../../record/model.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/** Adds an agenda issue with its options (in order, e.g. earliest to latest election date). */
export async function addAgendaIssue(
  deps: Deps<'db' | 'ids'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    title: string;
    description: string;
    options: string[];
  },
): Promise<AgendaIssue> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    if (!canEditAgenda(ctx.membership))
      throw new DomainError(
        'FORBIDDEN',
        'Only the mediator team and the facilitator shape the agenda.',
      );
    const labels = input.options.map((o) => o.trim());
    if (new Set(labels).size !== labels.length)
      throw new DomainError(
        'RULE_VIOLATION',
        'Two options of the same issue have the same wording.',
      );
    const issue: AgendaIssue = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      title: input.title.trim(),
      description: input.description.trim(),
      options: labels.map((label) => ({ id: asId(deps.ids.newId()), label })),
    };
    await s.record.insertIssue(issue);
    await s.audit.append({
      kind: 'issue.added',
      data: { issueId: issue.id, options: issue.options.length },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    return issue;
  });
}
