/** Shared steps of the decision-support use cases: the agenda as the engine's domain. */
import type { Issue } from '../../analysis/domain.js';
import type { AgendaIssue } from '../../record/model.js';

/** The agenda issues (with options) as engine issues; options are listed along their scale. */
export function engineIssues(agenda: readonly AgendaIssue[]): Issue[] {
  return agenda
    .filter((i) => i.options.length > 0)
    .map((i) => ({
      id: i.id,
      label: i.title,
      options: i.options.map((o) => ({ id: o.id, label: o.label })),
    }));
}

/** Replaces issue and option ids in engine messages by their wording, for people. */
export function readable(message: string, agenda: readonly AgendaIssue[]): string {
  let out = message;
  for (const issue of agenda) {
    out = out.split(issue.id).join(issue.title);
    for (const o of issue.options) out = out.split(o.id).join(o.label);
  }
  return out;
}
