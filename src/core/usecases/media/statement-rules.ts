import type { Stores } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { IssueId, ProcessId } from '../../shared/ids.js';

/**
 * The agenda issues named, checked against the process's agenda (C4: every member sees it), each
 * once, in the agenda's order. An id that is not an issue of this process is refused by name.
 */
export async function agendaIssues(
  s: Stores,
  processId: ProcessId,
  ids: readonly IssueId[],
): Promise<IssueId[]> {
  if (ids.length === 0) return [];
  const agenda = await s.record.listIssues(processId);
  const unknown = ids.filter((id) => !agenda.some((i) => i.id === id));
  if (unknown.length > 0)
    throw new DomainError(
      'RULE_VIOLATION',
      'A statement can only concern issues on this process’s agenda.',
      { unknownIssueIds: unknown },
    );
  return agenda.filter((i) => ids.includes(i.id)).map((i) => i.id);
}
