/**
 * Audit scopes: each audit entry's scope (`compartment:<id>`, `process:<id>`, or
 * `member:<processId>:<userId>` for a member's own process-level reads) and its number in that
 * scope, so that members see sequence numbers and tree sizes that count only what they may read.
 * Existing entries are numbered in global order. The columns are not hashed: the chain's stored
 * shape is unchanged, and `parley audit verify` recomputes both from the chain.
 * Frozen in time; imports nothing from the app.
 */
import { sql, type Kysely } from 'kysely';

/** The process-level kinds that record a member's own reads (frozen copy of core/audit/scope.ts). */
const memberReadKinds = ['audit.read', 'round.viewed', 'calendar.exported', 'calendar.issued'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('scope', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('scope_seq', 'bigint').execute();
  const kinds = sql.join(memberReadKinds.map((k) => sql.lit(k)));
  await sql`update audit_log set scope = case
      when compartment_id is not null then 'compartment:' || compartment_id
      when process_id is null then null
      when actor_user_id is not null and kind in (${kinds})
        then 'member:' || process_id || ':' || actor_user_id
      else 'process:' || process_id
    end`.execute(db);
  await sql`update audit_log set scope_seq = numbered.n
    from (select seq, row_number() over (partition by scope order by seq) as n
          from audit_log where scope is not null) as numbered
    where audit_log.seq = numbered.seq`.execute(db);
  await db.schema
    .createIndex('audit_log_scope')
    .on('audit_log')
    .columns(['scope', 'scope_seq'])
    .unique()
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_scope').execute();
  await db.schema.alterTable('audit_log').dropColumn('scope_seq').execute();
  await db.schema.alterTable('audit_log').dropColumn('scope').execute();
}
