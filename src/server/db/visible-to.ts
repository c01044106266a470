/**
 * The one SQL fragment through which every read of compartmented rows is filtered. It takes the
 * compartment ids the access policy allows; a query that forgets it is caught by the canary and
 * matrix tests, and nothing else in the repositories decides visibility.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { CompartmentId } from '../../core/shared/ids.js';

/** `column IN (visible…)`, or false when nothing is visible. */
export function visibleTo(
  visible: readonly CompartmentId[],
  column = 'compartment_id',
): RawBuilder<SqlBool> {
  if (visible.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(visible)})`;
}
