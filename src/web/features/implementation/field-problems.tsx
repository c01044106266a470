/**
 * Problems of a form's fields, shown under the field they concern: the form's own checks (the
 * domain's rules, in the reader's language) before sending, and the field an API refusal names.
 */
import { isApiError } from '../../api/client.js';

/** The field a refusal of the API names: `details.field` of a domain rule, or the first zod path. */
export function serverField(error: unknown): string | null {
  if (!isApiError(error, 'INVALID_INPUT') && !isApiError(error, 'CONFLICT')) return null;
  const field = error.details?.['field'];
  if (typeof field === 'string') return field;
  const issues = error.details?.['issues'];
  if (Array.isArray(issues)) {
    const path = (issues[0] as { path?: unknown } | undefined)?.path;
    // "body.deadline" or "body.responsiblePartyIds.0": the body's field is the second part.
    if (typeof path === 'string') return path.split('.')[1] ?? null;
  }
  return null;
}

/** The id of a field's problem, for `aria-errormessage`. */
export const problemId = (form: string, field: string) => `${form}-${field}-problem`;

/** The attributes that tie a control to its problem, if it has one. */
export function invalidProps(
  form: string,
  field: string,
  problem: string | undefined,
): { 'aria-invalid'?: true; 'aria-errormessage'?: string } {
  return problem ? { 'aria-invalid': true, 'aria-errormessage': problemId(form, field) } : {};
}

/** A field's problem in words, right under it; nothing when there is none. */
export function FieldProblem({
  form,
  field,
  problem,
}: {
  form: string;
  field: string;
  problem: string | undefined;
}) {
  if (!problem) return null;
  return (
    <p id={problemId(form, field)} className="field-error">
      {problem}
    </p>
  );
}
