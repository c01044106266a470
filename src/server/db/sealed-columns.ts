/**
 * Which columns are encrypted at rest, in one list: the repositories seal and open exactly these,
 * and the first encryption of an older database and `parley keys rotate --data` re-encrypt exactly
 * these. A row's identity in the authenticated data is its primary key, so a value moved to
 * another row does not open; its process (whose data key seals it) is a column of the row or of
 * the row it belongs to.
 */
import { sql, type Kysely } from 'kysely';
import type { Place } from '../security/at-rest.js';
import type { Dialect } from './connect.js';
import type { DB } from './schema.js';

/** How one table's encrypted columns are found. */
interface SealedTable {
  /** The primary key columns, in order: the row's identity. */
  key: readonly string[];
  /** The column holding the process id, or the table (joined on `on` = its id) that holds it. */
  process: 'process_id' | { via: keyof DB; on: string };
  /** The encrypted columns. */
  columns: readonly string[];
  /** How many rows a re-encryption pass holds in memory at once (default `rowsPerRead`). */
  perRead?: number;
}

/** Rows a re-encryption pass reads at once, unless a table says otherwise. */
const rowsPerRead = 500;

/** Every encrypted column of the database. */
export const sealedColumns = {
  items: { key: ['id'], process: 'process_id', columns: ['title', 'body'] },
  agenda_issues: { key: ['id'], process: 'process_id', columns: ['title', 'description'] },
  issue_options: {
    key: ['id'],
    process: { via: 'agenda_issues', on: 'issue_id' },
    columns: ['label'],
  },
  demands: { key: ['id'], process: 'process_id', columns: ['text'] },
  positions: { key: ['id'], process: 'process_id', columns: ['text'] },
  proposals: { key: ['id'], process: 'process_id', columns: ['note'] },
  proposal_responses: {
    // No primary key: a party's responses to one proposal share this identity.
    key: ['proposal_id', 'party_id'],
    process: { via: 'proposals', on: 'proposal_id' },
    columns: ['note'],
  },
  text_drafts: { key: ['process_id'], process: 'process_id', columns: ['canonical'] },
  text_versions: {
    key: ['id'],
    process: 'process_id',
    columns: ['note', 'change_list', 'canonical'],
  },
  amendments: { key: ['id'], process: 'process_id', columns: ['change', 'note'] },
  preferences: {
    key: ['process_id', 'party_id'],
    process: 'process_id',
    columns: ['weights', 'scores', 'reservation_sealed'],
  },
  preference_submissions: {
    key: ['process_id', 'party_id', 'number'],
    process: 'process_id',
    columns: ['weights', 'scores', 'reservation'],
  },
  suggestion_sets: { key: ['id'], process: 'process_id', columns: ['packages'] },
  suggestion_set_inputs: {
    key: ['set_id', 'party_id'],
    process: { via: 'suggestion_sets', on: 'set_id' },
    columns: ['utilities'],
  },
  rounds: { key: ['id'], process: 'process_id', columns: ['title', 'venue', 'rules'] },
  consultations: { key: ['id'], process: 'process_id', columns: ['subject'] },
  consultation_responses: {
    key: ['consultation_id', 'party_id'],
    process: { via: 'consultations', on: 'consultation_id' },
    columns: ['text'],
  },
  round_sessions: { key: ['id'], process: 'process_id', columns: ['title'] },
  minutes: { key: ['id'], process: 'process_id', columns: ['text'] },
  minutes_approvals: {
    key: ['minutes_id', 'party_id'],
    process: { via: 'minutes', on: 'minutes_id' },
    columns: ['comment'],
  },
  threads: { key: ['id'], process: 'process_id', columns: ['title'] },
  messages: { key: ['id'], process: 'process_id', columns: ['body'] },
  communiques: { key: ['id'], process: 'process_id', columns: ['title', 'text'] },
  communique_approvals: {
    key: ['communique_id', 'approver'],
    process: { via: 'communiques', on: 'communique_id' },
    columns: ['comment'],
  },
  public_statements: { key: ['id'], process: 'process_id', columns: ['text', 'divergence'] },
  media_actors: {
    key: ['id'],
    process: 'process_id',
    columns: ['name', 'aliases', 'wikidata_id', 'notes', 'stances'],
  },
  articles: {
    key: ['id'],
    process: 'process_id',
    columns: ['title', 'text', 'url', 'outlet', 'analysis'],
  },
  actor_statements: { key: ['id'], process: 'process_id', columns: ['quote', 'url', 'outlet'] },
  media_feeds: {
    key: ['id'],
    process: 'process_id',
    columns: ['url', 'title', 'seen', 'last_error'],
  },
  impl_themes: { key: ['id'], process: 'process_id', columns: ['name'] },
  commitments: { key: ['id'], process: 'process_id', columns: ['wording'] },
  impl_evidence: {
    key: ['id'],
    process: 'process_id',
    columns: ['text', 'url', 'source', 'file_name'],
  },
  // Files of up to PARLEY_EVIDENCE_FILE_MAX_MIB each: re-encrypted a few at a time.
  impl_evidence_files: {
    key: ['evidence_id'],
    process: 'process_id',
    columns: ['content'],
    perRead: 4,
  },
  impl_levels: { key: ['id'], process: 'process_id', columns: ['note'] },
  impl_level_runs: { key: ['id'], process: 'process_id', columns: ['details'] },
  impl_verifications: { key: ['id'], process: 'process_id', columns: ['reason', 'resolution'] },
  impl_publications: { key: ['process_id'], process: 'process_id', columns: ['picture'] },
} as const satisfies { [T in keyof DB]?: SealedTable };

/** A table with encrypted columns. */
export type SealedTableName = keyof typeof sealedColumns;
/** An encrypted column of a table. */
export type SealedColumn<T extends SealedTableName> = (typeof sealedColumns)[T]['columns'][number];

/** What a re-encryption pass does with each stored value. */
export interface Resealing {
  /** The plain text of a stored value (for a database never encrypted: the value itself). */
  open(place: Place, stored: string): string;
  /** What to store instead. */
  seal(place: Place, plain: string): Promise<string> | string;
  /** Called after each table (for progress). */
  progress?(table: SealedTableName, rows: number): void;
}

/**
 * Re-encrypts every value of every encrypted column inside the caller's transaction; returns how
 * many values it rewrote. A table's rows are read a page at a time (their keys first), so a pass
 * over gigabytes of files holds a few of them in memory, not all. Published versions are immutable
 * by trigger: the pass lifts the trigger on updates of text_versions for its own transaction only
 * (a rollback restores it too), and changes nothing there but the ciphertext of the same bytes.
 */
export async function resealAll(db: Kysely<DB>, dialect: Dialect, how: Resealing): Promise<number> {
  let values = 0;
  for (const [table, spec] of Object.entries(sealedColumns) as Array<
    [SealedTableName, SealedTable]
  >) {
    const keys = await selectKeys(db, table, spec);
    const perRead = spec.perRead ?? rowsPerRead;
    let rows = 0;
    const rewrite = async () => {
      for (let start = 0; start < keys.length; start += perRead)
        for (const row of await selectSealed(db, table, spec, keys.slice(start, start + perRead))) {
          rows++;
          const key = spec.key.map((k) => String(row[k]));
          const processId = String(row.parley_process);
          const set: Record<string, string> = {};
          for (const column of spec.columns) {
            const stored = row[column];
            if (stored === null || stored === undefined) continue;
            const place: Place = { processId, table, column, row: key };
            set[column] = await how.seal(place, how.open(place, String(stored)));
            values++;
          }
          const assignments = Object.entries(set).map(([c, v]) => sql`${sql.ref(c)} = ${v}`);
          if (assignments.length === 0) continue;
          // Matching the old values too finds the one row even where the key is not unique.
          const where = [
            ...spec.key.map((k) => sql`${sql.ref(k)} = ${String(row[k])}`),
            ...Object.keys(set).map((c) => sql`${sql.ref(c)} = ${String(row[c])}`),
          ];
          await sql`update ${sql.table(table)} set ${sql.join(assignments)} where ${sql.join(where, sql` and `)}`.execute(
            db,
          );
        }
    };
    if (table === 'text_versions') await withVersionsWritable(db, dialect, rewrite);
    else await rewrite();
    how.progress?.(table, rows);
  }
  return values;
}

/** The distinct keys of a table's rows (a key shared by several rows once). */
async function selectKeys(
  db: Kysely<DB>,
  table: SealedTableName,
  spec: SealedTable,
): Promise<string[][]> {
  const { rows } = await sql<Record<string, unknown>>`select distinct ${sql.join(
    spec.key.map((k) => sql.ref(k)),
  )} from ${sql.table(table)}`.execute(db);
  return rows.map((r) => spec.key.map((k) => String(r[k])));
}

/**
 * Every row of a table (or those with one of `keys`): its key, its process (as
 * `parley_process`) and its encrypted columns.
 */
export async function selectSealed(
  db: Kysely<DB>,
  table: SealedTableName,
  spec: SealedTable = sealedColumns[table],
  keys?: ReadonlyArray<readonly string[]>,
): Promise<Array<Record<string, unknown>>> {
  const columns = [...new Set([...spec.key, ...spec.columns])].map((c) => sql.ref(`t.${c}`));
  const where =
    keys === undefined
      ? sql``
      : keys.length === 0
        ? sql`where 1 = 0`
        : sql`where ${sql.join(
            keys.map(
              (key) =>
                sql`(${sql.join(
                  spec.key.map((k, i) => sql`${sql.ref(`t.${k}`)} = ${key[i] ?? ''}`),
                  sql` and `,
                )})`,
            ),
            sql` or `,
          )}`;
  const { rows } =
    spec.process === 'process_id'
      ? await sql<
          Record<string, unknown>
        >`select ${sql.join(columns)}, t.process_id as parley_process
          from ${sql.table(table)} t ${where}`.execute(db)
      : await sql<
          Record<string, unknown>
        >`select ${sql.join(columns)}, p.process_id as parley_process
          from ${sql.table(table)} t join ${sql.table(spec.process.via)} p
          on p.id = ${sql.ref(`t.${spec.process.on}`)} ${where}`.execute(db);
  return rows;
}

/**
 * Runs `fn` with updates of text_versions allowed, inside the caller's transaction: PostgreSQL
 * disables the immutability trigger, SQLite drops it and re-creates it from its own stored SQL.
 */
async function withVersionsWritable(
  db: Kysely<DB>,
  dialect: Dialect,
  fn: () => Promise<void>,
): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table text_versions disable trigger text_versions_immutable`.execute(db);
    await fn();
    await sql`alter table text_versions enable trigger text_versions_immutable`.execute(db);
    return;
  }
  const { rows } = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master
    where type = 'trigger' and tbl_name = 'text_versions' and name = 'text_versions_no_update'`.execute(
    db,
  );
  for (const t of rows) await sql`drop trigger ${sql.id(t.name)}`.execute(db);
  await fn();
  for (const t of rows) await sql.raw(t.sql).execute(db);
}
