import type { Actor } from '../../access/policy.js';
import { requireWrite } from '../../access/policy.js';
import type { ActorStatement, ActorStatementId } from '../../media/model.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { IssueId, ProcessId } from '../../shared/ids.js';
import { compartmentOf } from '../process-context.js';
import { openMedia } from './media-context.js';
import { agendaIssues } from './statement-rules.js';

/**
 * Sets which agenda issues a confirmed statement concerns (the whole list; empty clears it).
 * Needs the revision the person saw. Audited in the statement's compartment.
 */
export async function setStatementIssues(
  deps: Deps<'db'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    statementId: ActorStatementId;
    issueIds: IssueId[];
    baseRevision: number;
  },
): Promise<ActorStatement> {
  return deps.db.transaction(async (s) => {
    const m = await openMedia(s, input.actor, input.processId);
    const statement = await s.media.findStatement(input.statementId, m.visible);
    if (!statement || statement.processId !== input.processId) throw notFound('Statement');
    const where = compartmentOf(m.ctx, statement.compartmentId, 'Statement');
    requireWrite(m.ctx.membership, where, 'Statement');
    if (statement.revision !== input.baseRevision)
      throw new DomainError('STALE_REVISION', 'The statement changed since you opened it.', {
        current: { revision: statement.revision },
      });
    const issueIds = await agendaIssues(s, input.processId, input.issueIds);
    const changed: ActorStatement = { ...statement, issueIds, revision: statement.revision + 1 };
    if (!(await s.media.updateStatement(changed, statement.revision)))
      throw new DomainError('STALE_REVISION', 'The statement changed meanwhile; try again.');
    await s.audit.append({
      kind: 'actor_statement.issues_set',
      data: { statementId: statement.id, issueIds },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: where.id,
    });
    return changed;
  });
}
