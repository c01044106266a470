import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/** The per-process ordered tables: each row has a `position` within its process. */
export type OrderedTable = 'parties' | 'status_changes' | 'process_links' | 'agenda_issues';

/** The next position in a per-process ordered table (1 for the first row). */
export async function nextPosition(
  db: Kysely<DB>,
  table: OrderedTable,
  processId: string,
): Promise<number> {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max<number>('position').as('p'))
    .where('process_id', '=', processId)
    .executeTakeFirst();
  return Number(r?.p ?? 0) + 1;
}
