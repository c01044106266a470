import { CompiledQuery, sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type {
  Commitment,
  CommitmentBasis,
  Evidence,
  EvidenceKind,
  LevelEntry,
  Recurrence,
  Theme,
  Verdict,
  Verification,
} from '../../core/implementation/model.js';
import { compareFacts, dayNumber, type LevelFact } from '../../core/implementation/history.js';
import type { ImportedLevel } from '../../core/implementation/imported-levels.js';
import {
  runEntryId,
  runEvidence,
  runEvidenceAt,
  runImportedLevels,
  runLevelEntries,
  runPosition,
  type LevelRun,
  type LevelRunDetail,
  type LevelRunFacts,
} from '../../core/implementation/level-runs.js';
import type { Level } from '../../core/implementation/pam.js';
import type { Publication, PublicPicture } from '../../core/implementation/public-picture.js';
import type { ImplementationStore } from '../../core/ports.js';
import { asId, type CompartmentId } from '../../core/shared/ids.js';
import type SQLite from 'better-sqlite3';
import type { Dialect } from './connect.js';
import type { ProcessBox, Sealer } from './data-keys.js';
import type {
  CommitmentsTable,
  DB,
  ImplEvidenceTable,
  ImplLevelRunsTable,
  ImplLevelsTable,
  ImplPublicationsTable,
  ImplThemesTable,
  ImplVerificationsTable,
} from './schema.js';
import { visibleTo } from './visible-to.js';

/** Rows per INSERT statement, under the limits on bound variables (SQLite 32,766, PostgreSQL 65,535). */
const batch = 400;

const chunks = <T>(xs: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += batch) out.push(xs.slice(i, i + batch));
  return out;
};

const ids = (json: string): string[] => JSON.parse(json) as string[];

/** The engine behind a repository's queries. */
export interface Engine {
  /** Which engine: row locks are PostgreSQL's (SQLite runs one write transaction at a time). */
  dialect: Dialect;
  /**
   * The SQLite connection the queries run on (the transaction's own: SQLite has one), for
   * statements prepared once and run many times; null on PostgreSQL.
   */
  sqlite: SQLite.Database | null;
}

/**
 * An insert compiled once and run for many rows (an import stores 300,000 level entries and as
 * many pieces of evidence): building and compiling a statement per batch with the query builder
 * cost more than running it. SQLite prepares the single-row statement once and runs it per row,
 * synchronously, on the transaction's own connection (there are no round trips to save);
 * PostgreSQL sends `perStatement` rows per statement (one named prepared statement) to save
 * round trips.
 */
function preparedInsert<T extends keyof DB & string>(
  db: Kysely<DB>,
  engine: Engine,
  table: T,
  columns: ReadonlyArray<keyof DB[T] & string>,
): (rows: ReadonlyArray<unknown[]>) => Promise<void> {
  const perStatement = Math.floor((batch * 10) / columns.length);
  const compiled = new Map<number, string>();
  const text = (n: number): string => {
    let t = compiled.get(n);
    if (t === undefined) {
      const row = Object.fromEntries(columns.map((c) => [c, '']));
      t = db
        .insertInto(table)
        // The values are placeholders: only the statement's text is kept.
        .values(Array.from({ length: n }, () => row) as never)
        .compile().sql;
      compiled.set(n, t);
    }
    return t;
  };
  return async (rows) => {
    if (engine.sqlite !== null) {
      const statement = engine.sqlite.prepare(text(1));
      for (const row of rows) statement.run(row);
      return;
    }
    for (let i = 0; i < rows.length; i += perStatement) {
      const part = rows.slice(i, i + perStatement);
      await db.executeQuery(CompiledQuery.raw(text(part.length), part.flat()));
    }
  };
}

const toTheme = (r: ImplThemesTable, box: ProcessBox): Theme => ({
  id: asId(r.id),
  processId: asId(r.process_id),
  code: r.code,
  name: box.row('impl_themes', [r.id]).open('name', r.name),
  parentCode: r.parent_code,
  pamType: r.pam_type,
  paxCode: r.pax_code,
});

const toCommitment = (r: CommitmentsTable, box: ProcessBox): Commitment => ({
  id: asId(r.id),
  processId: asId(r.process_id),
  compartmentId: asId(r.compartment_id),
  externalId: r.external_id,
  basis: r.basis as CommitmentBasis,
  versionId: r.version_id === null ? null : asId(r.version_id),
  versionNumber: r.version_number,
  provisionKey: r.provision_key,
  wording: box.row('commitments', [r.id]).open('wording', r.wording),
  responsiblePartyIds: ids(r.responsible).map((x) => asId(x)),
  startsOn: r.starts_on,
  deadline: r.deadline,
  recurrence: r.recurrence as Recurrence,
  provisionType: r.provision_type,
  themeCode: r.theme_code,
  weight: Number(r.weight),
  createdAt: r.created_at,
  createdBy: asId(r.created_by),
  revision: r.revision,
});

/** An evidence row, with the note of the level entry that holds its report when it has none. */
type EvidenceRow = ImplEvidenceTable & { level_note: string | null };

/** The note of the level entry holding an evidence row's report, when the row has none. */
const levelNote = (eb: ExpressionBuilder<DB, 'impl_evidence'>) =>
  eb
    .selectFrom('impl_levels as holder')
    .select('holder.note')
    .whereRef('holder.id', '=', 'impl_evidence.note_of')
    .as('level_note');

const toEvidence = (r: EvidenceRow, box: ProcessBox): Evidence => {
  const row = box.row('impl_evidence', [r.id]);
  return {
    id: asId(r.id),
    processId: asId(r.process_id),
    commitmentId: asId(r.commitment_id),
    compartmentId: asId(r.compartment_id),
    kind: r.kind as EvidenceKind,
    text:
      r.text !== null
        ? row.open('text', r.text)
        : r.note_of !== null && r.level_note !== null
          ? box.row('impl_levels', [r.note_of]).open('note', r.level_note)
          : '',
    url: r.url === null ? null : row.open('url', r.url),
    file:
      r.file_name === null
        ? null
        : {
            name: row.open('file_name', r.file_name),
            mediaType: r.file_type ?? 'application/octet-stream',
            size: Number(r.file_size ?? 0),
          },
    observedOn: r.observed_on,
    source: row.open('source', r.source),
    sha256: r.sha256,
    submittedBy: asId(r.submitted_by),
    submittedAt: r.submitted_at,
  };
};

const toPublication = (r: ImplPublicationsTable, box: ProcessBox): Publication => ({
  processId: r.process_id,
  compartmentId: r.compartment_id,
  slug: r.slug,
  picture: JSON.parse(
    box.row('impl_publications', [r.process_id]).open('picture', r.picture),
  ) as PublicPicture,
  releasedBy: r.released_by,
});

const toLevel = (r: ImplLevelsTable, box: ProcessBox): LevelEntry => ({
  id: asId(r.id),
  processId: asId(r.process_id),
  commitmentId: asId(r.commitment_id),
  level: Number(r.level) as Level,
  effectiveOn: r.effective_on,
  evidenceIds: ids(r.evidence_ids).map((x) => asId(x)),
  note: box.row('impl_levels', [r.id]).open('note', r.note),
  setBy: asId(r.set_by),
  setAt: r.set_at,
});

const toVerification = (r: ImplVerificationsTable, box: ProcessBox): Verification => {
  const row = box.row('impl_verifications', [r.id]);
  return {
    id: asId(r.id),
    processId: asId(r.process_id),
    commitmentId: asId(r.commitment_id),
    levelEntryId: asId(r.level_entry_id),
    verdict: r.verdict as Verdict,
    reason: row.open('reason', r.reason),
    by: asId(r.by_user),
    at: r.at,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by === null ? null : asId(r.resolved_by),
    resolution: r.resolution === null ? null : row.open('resolution', r.resolution),
  };
};

/** A run's clear columns. */
type RunFactsRow = Omit<ImplLevelRunsTable, 'details'>;

const runFactsColumns = [
  'id',
  'process_id',
  'commitment_id',
  'compartment_id',
  'import_id',
  'set_by',
  'set_at',
  'levels',
  'effective_on',
  'sha256',
] as const;

const toRunFacts = (r: RunFactsRow): LevelRunFacts => ({
  id: r.id,
  processId: asId(r.process_id),
  commitmentId: asId(r.commitment_id),
  compartmentId: asId(r.compartment_id),
  importId: r.import_id,
  setBy: asId(r.set_by),
  setAt: r.set_at,
  levels: Array.from(r.levels, (ch) => (ch.charCodeAt(0) - 48) as Level),
  effectiveOn: r.effective_on.split(','),
  sha256: r.sha256.split(','),
});

const toRun = (r: ImplLevelRunsTable, box: ProcessBox): LevelRun => ({
  ...toRunFacts(r),
  details: (
    JSON.parse(box.row('impl_level_runs', [r.id]).open('details', r.details)) as Array<
      [string, string, string | null]
    >
  ).map(([note, source, url]): LevelRunDetail => ({ note, source, url })),
});

/** Orders by the first key that differs. */
const byKeys =
  <T>(...keys: ReadonlyArray<(x: T) => string>) =>
  (a: T, b: T): number => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };

/** Level entries as they were recorded. */
const byRecording = byKeys<LevelEntry>(
  (e) => e.setAt,
  (e) => e.id,
);

/** Evidence by the date it speaks of, then as it was submitted. */
const byObservation = byKeys<Evidence>(
  (e) => e.observedOn,
  (e) => e.submittedAt,
  (e) => e.id,
);

/** Level facts by commitment, each commitment's in history order (compareFacts). */
const byHistory = byKeys<Omit<LevelFact, 'level'>>(
  (f) => f.commitmentId,
  (f) => f.effectiveOn,
  (f) => f.setAt,
  (f) => f.id,
);

/** Rows and runs' items together, in `order` (the rows came ordered; runs are added). */
const merged = <T>(rows: T[], runs: T[], order: (a: T, b: T) => number): T[] =>
  runs.length === 0 ? rows : [...rows, ...runs].sort(order);

/**
 * One commitment's part of a level history: its levels (one digit each) and dates
 * (comma-separated) in history order, and, for merging with another part, its entries' facts.
 */
interface HistoryPart {
  levels: string;
  dates: string;
  facts: () => LevelFact[];
}

/** Writes a part's levels and dates into the columns from `n`; returns where it ended. */
function fillPart(part: HistoryPart, levels: Uint8Array, days: Int32Array, n: number): number {
  for (let k = 0; k < part.levels.length; k++) levels[n + k] = part.levels.charCodeAt(k) - 48;
  // YYYY-MM-DD,YYYY-MM-DD,… as the numbers YYYYMMDD (dayNumber), without a string each.
  let m = n;
  let day = 0;
  for (let k = 0; k < part.dates.length; k++) {
    const ch = part.dates.charCodeAt(k);
    if (ch === 44) {
      days[m++] = day;
      day = 0;
    } else if (ch !== 45) day = day * 10 + ch - 48;
  }
  days[m++] = day;
  if (m !== n + part.levels.length) throw new Error('a level history does not parse');
  return m;
}

/**
 * Implementation data in SQL; every read is filtered by `visibleTo`. Wording, evidence, notes,
 * reasons and theme names are encrypted; dates, levels, hashes and codes stay readable so that
 * roll-ups can be computed without opening them.
 */
export function implementationRepository(
  db: Kysely<DB>,
  sealer: Sealer,
  engine: Engine,
): ImplementationStore {
  const plenaryOf = async (processId: string): Promise<string> =>
    (
      await db
        .selectFrom('compartments')
        .select('id')
        .where('process_id', '=', processId)
        .where('kind', '=', 'plenary')
        .executeTakeFirstOrThrow()
    ).id;
  /** The visible runs of a process, their clear columns. */
  const runFacts = async (
    processId: string,
    visible: readonly CompartmentId[],
  ): Promise<LevelRunFacts[]> =>
    (
      await db
        .selectFrom('impl_level_runs')
        .select(runFactsColumns)
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .execute()
    ).map(toRunFacts);
  /** The visible runs of a process (or of one commitment), opened. */
  const runs = async (
    processId: string,
    visible: readonly CompartmentId[],
    commitmentId?: string,
  ): Promise<LevelRun[]> => {
    let q = db
      .selectFrom('impl_level_runs')
      .selectAll()
      .where('process_id', '=', processId)
      .where(visibleTo(visible));
    if (commitmentId !== undefined) q = q.where('commitment_id', '=', commitmentId);
    const rows = await q.execute();
    if (rows.length === 0) return [];
    const box = await sealer.reader(processId);
    return rows.map((r) => toRun(r, box));
  };
  return {
    async insertTheme(t) {
      const plenary = await plenaryOf(t.processId);
      const box = (await sealer.writer(t.processId)).row('impl_themes', [t.id]);
      await db
        .insertInto('impl_themes')
        .values({
          id: t.id,
          process_id: t.processId,
          compartment_id: plenary,
          code: t.code,
          name: box.seal('name', t.name),
          parent_code: t.parentCode,
          pam_type: t.pamType,
          pax_code: t.paxCode,
        })
        .execute();
    },
    async listThemes(processId, visible) {
      const rows = await db
        .selectFrom('impl_themes')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .orderBy('code')
        .execute();
      const box = await sealer.reader(processId);
      return rows.map((r) => toTheme(r, box));
    },
    async findTheme(id, visible) {
      const r = await db
        .selectFrom('impl_themes')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(visible))
        .executeTakeFirst();
      return r && toTheme(r, await sealer.reader(r.process_id));
    },
    async updateTheme(t, expected) {
      const row = await db
        .selectFrom('impl_themes')
        .selectAll()
        .where('id', '=', t.id)
        .executeTakeFirst();
      if (!row) return false;
      const stored = toTheme(row, await sealer.reader(row.process_id));
      const same = (['name', 'parentCode', 'pamType', 'paxCode'] as const).every(
        (f) => stored[f] === expected[f],
      );
      if (!same) return false;
      const box = (await sealer.writer(t.processId)).row('impl_themes', [t.id]);
      // Compare-and-set on the row as read (its sealed name is compared as stored): a change that
      // another transaction committed meanwhile makes this update touch nothing.
      const res = await db
        .updateTable('impl_themes')
        .set({
          name: box.seal('name', t.name),
          parent_code: t.parentCode,
          pam_type: t.pamType,
          pax_code: t.paxCode,
        })
        .where('id', '=', t.id)
        .where('name', '=', row.name)
        .where((eb) =>
          eb.and([
            row.parent_code === null
              ? eb('parent_code', 'is', null)
              : eb('parent_code', '=', row.parent_code),
            row.pam_type === null ? eb('pam_type', 'is', null) : eb('pam_type', '=', row.pam_type),
            row.pax_code === null ? eb('pax_code', 'is', null) : eb('pax_code', '=', row.pax_code),
          ]),
        )
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async countThemeUses(processId, code, visible) {
      const count = async (table: 'commitments' | 'impl_themes') => {
        const r = await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .where('process_id', '=', processId)
          .where(table === 'commitments' ? 'theme_code' : 'parent_code', '=', code)
          .where(visibleTo(visible))
          .executeTakeFirstOrThrow();
        return Number(r.n);
      };
      return { commitments: await count('commitments'), subthemes: await count('impl_themes') };
    },
    async lockThemes(processId, codes, visible) {
      const change = new Set(codes.change);
      const all = [...new Set([...codes.use, ...codes.change])].sort();
      if (all.length === 0) return [];
      const named = db
        .selectFrom('impl_themes')
        .select('code')
        .where('process_id', '=', processId)
        .where(visibleTo(visible));
      // SQLite runs one write transaction at a time: nothing can change between this read and
      // the commit.
      if (engine.dialect !== 'postgres')
        return (await named.where('code', 'in', all).execute()).map((r) => r.code);
      // One row lock per theme, in code order whatever the caller's, so that two transactions
      // wanting overlapping themes queue rather than deadlock. A use takes KEY SHARE, which
      // conflicts with a change's FOR UPDATE but not with a rename's plain UPDATE; under READ
      // COMMITTED a lock that waited answers the row as committed, or nothing if it was deleted.
      const found: string[] = [];
      for (const code of all) {
        const one = named.where('code', '=', code);
        const r = await (change.has(code) ? one.forUpdate() : one.forKeyShare()).executeTakeFirst();
        if (r) found.push(r.code);
      }
      return found;
    },
    async deleteTheme(t) {
      const res = await db
        .deleteFrom('impl_themes')
        .where('id', '=', t.id)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('commitments')
                .select('commitments.id')
                .where('commitments.process_id', '=', t.processId)
                .where('commitments.theme_code', '=', t.code),
            ),
          ),
        )
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('impl_themes as sub')
                .select('sub.id')
                .where('sub.process_id', '=', t.processId)
                .where('sub.parent_code', '=', t.code),
            ),
          ),
        )
        .executeTakeFirst();
      return Number(res.numDeletedRows) === 1;
    },
    async insertCommitments(cs) {
      for (const part of chunks(cs)) {
        const values = await Promise.all(
          part.map(async (c) => ({
            id: c.id,
            process_id: c.processId,
            compartment_id: c.compartmentId,
            external_id: c.externalId,
            basis: c.basis,
            version_id: c.versionId,
            version_number: c.versionNumber,
            provision_key: c.provisionKey,
            wording: (await sealer.writer(c.processId))
              .row('commitments', [c.id])
              .seal('wording', c.wording),
            responsible: JSON.stringify(c.responsiblePartyIds),
            starts_on: c.startsOn,
            deadline: c.deadline,
            recurrence: c.recurrence,
            provision_type: c.provisionType,
            theme_code: c.themeCode,
            weight: c.weight,
            created_at: c.createdAt,
            created_by: c.createdBy,
            revision: c.revision,
          })),
        );
        await db.insertInto('commitments').values(values).execute();
      }
    },
    async updateCommitment(c, expectedRevision) {
      const box = (await sealer.writer(c.processId)).row('commitments', [c.id]);
      const res = await db
        .updateTable('commitments')
        .set({
          wording: box.seal('wording', c.wording),
          responsible: JSON.stringify(c.responsiblePartyIds),
          starts_on: c.startsOn,
          deadline: c.deadline,
          recurrence: c.recurrence,
          provision_type: c.provisionType,
          theme_code: c.themeCode,
          weight: c.weight,
          version_number: c.versionNumber,
          provision_key: c.provisionKey,
          revision: c.revision,
        })
        .where('id', '=', c.id)
        .where('revision', '=', expectedRevision)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async findCommitment(id, visible) {
      const r = await db
        .selectFrom('commitments')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(visible))
        .executeTakeFirst();
      return r && toCommitment(r, await sealer.reader(r.process_id));
    },
    async listCommitments(processId, visible) {
      const rows = await db
        .selectFrom('commitments')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .orderBy('external_id')
        .execute();
      const box = await sealer.reader(processId);
      return rows.map((r) => toCommitment(r, box));
    },
    async insertEvidence(es) {
      for (const part of chunks(es)) {
        const values = await Promise.all(
          part.map(async (e) => {
            const box = (await sealer.writer(e.processId)).row('impl_evidence', [e.id]);
            return {
              id: e.id,
              process_id: e.processId,
              commitment_id: e.commitmentId,
              compartment_id: e.compartmentId,
              kind: e.kind,
              text: box.seal('text', e.text),
              url: e.url === null ? null : box.seal('url', e.url),
              observed_on: e.observedOn,
              source: box.seal('source', e.source),
              sha256: e.sha256,
              submitted_by: e.submittedBy,
              submitted_at: e.submittedAt,
              file_name: e.file === null ? null : box.seal('file_name', e.file.name),
              file_type: e.file?.mediaType ?? null,
              file_size: e.file?.size ?? null,
              import_id: null,
              note_of: null,
            };
          }),
        );
        await db.insertInto('impl_evidence').values(values).execute();
      }
    },
    async findEvidence(id, visible) {
      const r = await db
        .selectFrom('impl_evidence')
        .selectAll()
        .select(levelNote)
        .where('id', '=', id)
        .where(visibleTo(visible))
        .executeTakeFirst();
      if (r) return toEvidence(r, await sealer.reader(r.process_id));
      // Evidence imported with a level lives in its run.
      const at = runPosition(id);
      if (at === null || !at.evidence) return undefined;
      const run = await db
        .selectFrom('impl_level_runs')
        .selectAll()
        .where('id', '=', at.runId)
        .where(visibleTo(visible))
        .executeTakeFirst();
      if (!run) return undefined;
      const opened = toRun(run, await sealer.reader(run.process_id));
      return at.k < opened.levels.length ? runEvidenceAt(opened, at.k) : undefined;
    },
    async listEvidence(processId, visible, commitmentId) {
      let q = db
        .selectFrom('impl_evidence')
        .selectAll()
        .select(levelNote)
        .where('process_id', '=', processId)
        .where(visibleTo(visible));
      if (commitmentId !== undefined) q = q.where('commitment_id', '=', commitmentId);
      const rows = await q.orderBy('observed_on').orderBy('submitted_at').orderBy('id').execute();
      const box = await sealer.reader(processId);
      return merged(
        rows.map((r) => toEvidence(r, box)),
        (await runs(processId, visible, commitmentId)).flatMap(runEvidence),
        byObservation,
      );
    },
    async insertEvidenceFile(e, content) {
      // Sealed like any confidential text (AES-256-GCM, bound to this row): the bytes in base64.
      const box = (await sealer.writer(e.processId)).row('impl_evidence_files', [e.id]);
      await db
        .insertInto('impl_evidence_files')
        .values({
          evidence_id: e.id,
          process_id: e.processId,
          content: box.seal('content', Buffer.from(content).toString('base64')),
        })
        .execute();
    },
    async readEvidenceFile(id, visible) {
      const r = await db
        .selectFrom('impl_evidence_files')
        .innerJoin('impl_evidence', 'impl_evidence.id', 'impl_evidence_files.evidence_id')
        .select([
          'impl_evidence_files.evidence_id as evidence_id',
          'impl_evidence_files.process_id as process_id',
          'impl_evidence_files.content as content',
        ])
        .where('impl_evidence_files.evidence_id', '=', id)
        .where(visibleTo(visible, 'impl_evidence.compartment_id'))
        .executeTakeFirst();
      if (!r) return undefined;
      const box = (await sealer.reader(r.process_id)).row('impl_evidence_files', [r.evidence_id]);
      return new Uint8Array(Buffer.from(box.open('content', r.content), 'base64'));
    },
    async moveEvidence(id, compartmentId) {
      await db
        .updateTable('impl_evidence')
        .set({ compartment_id: compartmentId })
        .where('id', '=', id)
        .execute();
    },
    async insertLevelEntries(es) {
      if (es.length === 0) return;
      const plenary = new Map<string, string>();
      for (const e of es)
        if (!plenary.has(e.processId)) plenary.set(e.processId, await plenaryOf(e.processId));
      for (const part of chunks(es)) {
        const values = await Promise.all(
          part.map(async (e) => ({
            id: e.id,
            process_id: e.processId,
            commitment_id: e.commitmentId,
            compartment_id: plenary.get(e.processId) ?? '',
            level: e.level,
            effective_on: e.effectiveOn,
            evidence_ids: JSON.stringify(e.evidenceIds),
            note: (await sealer.writer(e.processId))
              .row('impl_levels', [e.id])
              .seal('note', e.note),
            set_by: e.setBy,
            set_at: e.setAt,
            import_id: null,
          })),
        );
        await db.insertInto('impl_levels').values(values).execute();
      }
    },
    async listLevelEntries(processId, visible, commitmentId) {
      let q = db
        .selectFrom('impl_levels')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible));
      if (commitmentId !== undefined) q = q.where('commitment_id', '=', commitmentId);
      const rows = await q.orderBy('set_at').orderBy('id').execute();
      const box = await sealer.reader(processId);
      return merged(
        rows.map((r) => toLevel(r, box)),
        (await runs(processId, visible, commitmentId)).flatMap(runLevelEntries),
        byRecording,
      );
    },
    async listLevelFacts(processId, visible) {
      const rows = await db
        .selectFrom('impl_levels')
        .select(['id', 'commitment_id', 'level', 'effective_on', 'set_at'])
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        // In the order the history reads them, so grouping and sorting them in the roll-up is linear.
        .orderBy('commitment_id')
        .orderBy('effective_on')
        .orderBy('set_at')
        .orderBy('id')
        .execute();
      const facts = rows.map((r) => ({
        id: asId<'LevelEntry'>(r.id),
        commitmentId: asId<'Commitment'>(r.commitment_id),
        level: Number(r.level) as Level,
        effectiveOn: r.effective_on,
        setAt: r.set_at,
      }));
      const imported = (await runFacts(processId, visible)).flatMap(runImportedLevels).map((e) => ({
        id: asId<'LevelEntry'>(e.id),
        commitmentId: asId<'Commitment'>(e.commitmentId),
        level: e.level,
        effectiveOn: e.effectiveOn,
        setAt: e.setAt,
      }));
      return merged(facts, imported, byHistory);
    },
    async readLevelHistory(processId, visible, knownAt) {
      // Per commitment, its entries' levels and dates concatenated in history order: by the
      // database for entries stored one by one, as stored for imported runs (entries recorded
      // after `knownAt` left out). Some thousands of short strings to parse into arrays of
      // numbers instead of 300,000 rows, each an object with its own strings.
      const order = sql`order by effective_on, set_at, id`;
      const [levels, dates, keys] =
        engine.sqlite === null
          ? [
              sql<string>`string_agg(level::text, '' ${order})`,
              sql<string>`string_agg(effective_on, ',' ${order})`,
              sql<string>`string_agg(set_at || ' ' || id, ',' ${order})`,
            ]
          : [
              sql<string>`group_concat(level, '' ${order})`,
              sql<string>`group_concat(effective_on, ',' ${order})`,
              sql<string>`group_concat(set_at || ' ' || id, ',' ${order})`,
            ];
      let q = db
        .selectFrom('impl_levels')
        .select(['commitment_id', levels.as('levels'), dates.as('dates'), keys.as('keys')])
        .where('process_id', '=', processId)
        .where(visibleTo(visible));
      if (knownAt !== undefined) q = q.where('set_at', '<=', knownAt);
      let r = db
        .selectFrom('impl_level_runs')
        .select(['id', 'commitment_id', 'set_at', 'levels', 'effective_on'])
        .where('process_id', '=', processId)
        .where(visibleTo(visible));
      if (knownAt !== undefined) r = r.where('set_at', '<=', knownAt);
      const parts = new Map<string, HistoryPart[]>();
      const add = (commitmentId: string, part: HistoryPart) => {
        const list = parts.get(commitmentId);
        if (list) list.push(part);
        else parts.set(commitmentId, [part]);
      };
      const factsOf = (
        commitmentId: string,
        part: { levels: string; dates: string },
        key: (k: number) => { setAt: string; id: string },
      ) => {
        const dates = part.dates.split(',');
        return Array.from(part.levels, (ch, k): LevelFact => ({
          commitmentId,
          level: (ch.charCodeAt(0) - 48) as Level,
          effectiveOn: dates[k] ?? '',
          ...key(k),
        }));
      };
      for (const row of await q.groupBy('commitment_id').execute())
        add(row.commitment_id, {
          levels: row.levels,
          dates: row.dates,
          facts: () => {
            const pairs = row.keys.split(',');
            return factsOf(row.commitment_id, row, (k) => {
              const pair = pairs[k] ?? '';
              const space = pair.indexOf(' ');
              return { setAt: pair.slice(0, space), id: pair.slice(space + 1) };
            });
          },
        });
      for (const run of await r.execute()) {
        const part = { levels: run.levels, dates: run.effective_on };
        add(run.commitment_id, {
          ...part,
          facts: () =>
            factsOf(run.commitment_id, part, (k) => ({
              setAt: run.set_at,
              id: runEntryId(run.id, k),
            })),
        });
      }
      let total = 0;
      for (const list of parts.values()) for (const part of list) total += part.levels.length;
      const ranges = new Map<string, { start: number; end: number }>();
      const levelColumn = new Uint8Array(total);
      const days = new Int32Array(total);
      let n = 0;
      for (const [commitmentId, list] of parts) {
        const start = n;
        const only = list.length === 1 ? list[0] : undefined;
        if (only !== undefined) n = fillPart(only, levelColumn, days, n);
        else
          // Several parts (entries set one by one beside imported runs): merged in history order.
          for (const f of list.flatMap((part) => part.facts()).sort(compareFacts)) {
            levelColumn[n] = f.level;
            days[n++] = dayNumber(f.effectiveOn);
          }
        ranges.set(commitmentId, { start, end: n });
      }
      return { ranges, levels: levelColumn, effectiveDays: days, setAt: null };
    },
    async insertLevelRuns(rs) {
      const first = rs[0];
      if (first === undefined) return;
      const box = await sealer.writer(first.processId);
      const rows = rs.map((run) => [
        run.id,
        run.processId,
        run.commitmentId,
        run.compartmentId,
        run.importId,
        run.setBy,
        run.setAt,
        run.levels.join(''),
        run.effectiveOn.join(','),
        run.sha256.join(','),
        box
          .row('impl_level_runs', [run.id])
          .seal('details', JSON.stringify(run.details.map((d) => [d.note, d.source, d.url]))),
      ]);
      await preparedInsert(db, engine, 'impl_level_runs', [...runFactsColumns, 'details'])(rows);
    },
    async listImportedLevels(processId, importId) {
      const sha = new Map(
        (
          await db
            .selectFrom('impl_evidence')
            .select(['id', 'sha256'])
            .where('process_id', '=', processId)
            .where('import_id', '=', importId)
            .execute()
        ).map((r) => [r.id, r.sha256]),
      );
      const rows = await db
        .selectFrom('impl_levels')
        .select(['id', 'commitment_id', 'level', 'effective_on', 'set_at', 'evidence_ids'])
        .where('process_id', '=', processId)
        .where('import_id', '=', importId)
        .orderBy('id')
        .execute();
      const imported = await db
        .selectFrom('impl_level_runs')
        .select(runFactsColumns)
        .where('process_id', '=', processId)
        .where('import_id', '=', importId)
        .execute();
      return [
        ...rows.map((r): ImportedLevel => {
          const evidenceId = ids(r.evidence_ids)[0] ?? '';
          return {
            id: r.id,
            commitmentId: r.commitment_id,
            level: Number(r.level) as Level,
            effectiveOn: r.effective_on,
            setAt: r.set_at,
            evidenceId,
            evidenceSha256: sha.get(evidenceId) ?? '',
          };
        }),
        ...imported.map(toRunFacts).flatMap(runImportedLevels),
      ];
    },
    async listLevelKeys(processId, visible) {
      const sha = new Map(
        (
          await db
            .selectFrom('impl_evidence')
            .select(['id', 'sha256'])
            .where('process_id', '=', processId)
            .where(visibleTo(visible))
            .execute()
        ).map((r) => [r.id, r.sha256]),
      );
      const rows = await db
        .selectFrom('impl_levels')
        .select(['id', 'commitment_id', 'level', 'effective_on', 'evidence_ids'])
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .execute();
      const runs = await runFacts(processId, visible);
      // A level set by hand may cite a piece of imported evidence, held in its run.
      const runsById = new Map(runs.map((run) => [run.id, run]));
      const shaOf = (evidenceId: string) => {
        const at = runPosition(evidenceId);
        const run = at?.evidence ? runsById.get(at.runId) : undefined;
        return sha.get(evidenceId) ?? (run && at ? run.sha256[at.k] : undefined) ?? '';
      };
      return [
        ...rows.map((r) => ({
          id: asId<'LevelEntry'>(r.id),
          commitmentId: asId<'Commitment'>(r.commitment_id),
          effectiveOn: r.effective_on,
          level: Number(r.level) as Level,
          evidenceSha256: shaOf(ids(r.evidence_ids)[0] ?? ''),
        })),
        ...runs.flatMap(runImportedLevels).map((e) => ({
          id: asId<'LevelEntry'>(e.id),
          commitmentId: asId<'Commitment'>(e.commitmentId),
          effectiveOn: e.effectiveOn,
          level: e.level,
          evidenceSha256: e.evidenceSha256,
        })),
      ];
    },
    async openLevelNotes(processId, visible, wanted) {
      const notes = new Map<string, string>();
      if (wanted.size === 0) return notes;
      const rows = await db
        .selectFrom('impl_levels')
        .select(['id', 'note'])
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .execute();
      const box = await sealer.reader(processId);
      for (const r of rows)
        if (wanted.has(r.id)) notes.set(r.id, box.row('impl_levels', [r.id]).open('note', r.note));
      // Imported entries: only the runs holding a wanted one are opened.
      const wantedRuns = new Set<string>();
      for (const id of wanted) {
        const at = runPosition(id);
        if (at !== null && !at.evidence) wantedRuns.add(at.runId);
      }
      if (wantedRuns.size === 0) return notes;
      const held = await db
        .selectFrom('impl_level_runs')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .execute();
      for (const run of held)
        if (wantedRuns.has(run.id))
          for (const e of runLevelEntries(toRun(run, box)))
            if (wanted.has(e.id)) notes.set(e.id, e.note);
      return notes;
    },
    async listEvidenceDates(processId, visible, between) {
      if (between !== undefined) {
        const latest = await db
          .selectFrom('impl_evidence')
          .select((eb) => ['commitment_id', eb.fn.max('observed_on').as('observed_on')])
          .where('process_id', '=', processId)
          .where(visibleTo(visible))
          .where('observed_on', '>=', between.from)
          .where('observed_on', '<=', between.to)
          .groupBy('commitment_id')
          .execute();
        const latestOf = new Map(latest.map((r) => [r.commitment_id, String(r.observed_on)]));
        for (const run of await runFacts(processId, visible))
          for (const on of run.effectiveOn)
            if (
              on >= between.from &&
              on <= between.to &&
              on > (latestOf.get(run.commitmentId) ?? '')
            )
              latestOf.set(run.commitmentId, on);
        return [...latestOf].map(([commitmentId, observedOn]) => ({
          commitmentId: asId<'Commitment'>(commitmentId),
          observedOn,
        }));
      }
      const rows = await db
        .selectFrom('impl_evidence')
        .select(['commitment_id', 'observed_on'])
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .execute();
      return [
        ...rows.map((r) => ({
          commitmentId: asId<'Commitment'>(r.commitment_id),
          observedOn: r.observed_on,
        })),
        ...(await runFacts(processId, visible)).flatMap((run) =>
          run.effectiveOn.map((observedOn) => ({ commitmentId: run.commitmentId, observedOn })),
        ),
      ];
    },
    async insertVerification(v) {
      const plenary = await db
        .selectFrom('commitments')
        .select('compartment_id')
        .where('id', '=', v.commitmentId)
        .executeTakeFirstOrThrow();
      const box = (await sealer.writer(v.processId)).row('impl_verifications', [v.id]);
      await db
        .insertInto('impl_verifications')
        .values({
          id: v.id,
          process_id: v.processId,
          commitment_id: v.commitmentId,
          compartment_id: plenary.compartment_id,
          level_entry_id: v.levelEntryId,
          verdict: v.verdict,
          reason: box.seal('reason', v.reason),
          by_user: v.by,
          at: v.at,
          resolved_at: v.resolvedAt,
          resolved_by: v.resolvedBy,
          resolution: v.resolution === null ? null : box.seal('resolution', v.resolution),
        })
        .execute();
    },
    async findVerification(id, visible) {
      const r = await db
        .selectFrom('impl_verifications')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(visible))
        .executeTakeFirst();
      return r && toVerification(r, await sealer.reader(r.process_id));
    },
    async resolveVerification(id, fields) {
      const r = await db
        .selectFrom('impl_verifications')
        .select('process_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const box = (await sealer.writer(r.process_id)).row('impl_verifications', [id]);
      const res = await db
        .updateTable('impl_verifications')
        .set({
          resolved_at: fields.resolvedAt,
          resolved_by: fields.resolvedBy,
          resolution: box.seal('resolution', fields.resolution),
        })
        .where('id', '=', id)
        .where('resolved_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async listVerifications(processId, visible, commitmentId) {
      let q = db
        .selectFrom('impl_verifications')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible));
      if (commitmentId !== undefined) q = q.where('commitment_id', '=', commitmentId);
      const rows = await q.orderBy('at').orderBy('id').execute();
      const box = await sealer.reader(processId);
      return rows.map((r) => toVerification(r, box));
    },
    // The public compartment is read by everyone, signed in or not: no visibility filter applies.
    async findPublication(processId) {
      const r = await db
        .selectFrom('impl_publications')
        .selectAll()
        .where('process_id', '=', processId)
        .executeTakeFirst();
      return r && toPublication(r, await sealer.reader(r.process_id));
    },
    async findPublicationBySlug(slug) {
      const r = await db
        .selectFrom('impl_publications')
        .selectAll()
        .where('slug', '=', slug)
        .executeTakeFirst();
      return r && toPublication(r, await sealer.reader(r.process_id));
    },
    async savePublication(p) {
      const box = (await sealer.writer(p.processId)).row('impl_publications', [p.processId]);
      const values = {
        compartment_id: p.compartmentId,
        slug: p.slug,
        picture: box.seal('picture', JSON.stringify(p.picture)),
        released_at: p.picture.releasedAt,
        released_by: p.releasedBy,
      };
      await db
        .insertInto('impl_publications')
        .values({ process_id: p.processId, ...values })
        .onConflict((oc) => oc.column('process_id').doUpdateSet(values))
        .execute();
    },
    async deletePublication(processId) {
      const res = await db
        .deleteFrom('impl_publications')
        .where('process_id', '=', processId)
        .executeTakeFirst();
      return Number(res.numDeletedRows) === 1;
    },
  };
}
