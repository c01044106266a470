/**
 * Level runs: the level entries one import gives one commitment, kept together.
 *
 * An import of 5,000 commitments with 60 monthly levels each brings 300,000 level entries, each
 * resting on its own piece of evidence. Stored one row per entry and per evidence, with a note
 * sealed for each, it costs 600,000 indexed inserts and 600,000 encryptions. A run holds one
 * commitment's entries of one import as one row instead: the levels, dates and hashes the
 * roll-ups read, packed in the clear, and the notes, sources and links sealed together.
 *
 * Every entry and every piece of evidence of a run still has its own id, derived from the run's:
 * a run's id is a UUID whose first four hex digits are zero; entry k is numbered 2k there and its
 * evidence 2k + 1 (so a run's ids sort in its entries' order). A verification, a link or an export
 * names an imported entry as it names any other, and the id alone says which run holds it.
 */
import { asId, type CompartmentId, type CommitmentId, type EvidenceId } from '../shared/ids.js';
import type { LevelEntryId, ProcessId, UserId } from '../shared/ids.js';
import type { ImportedLevel } from './imported-levels.js';
import type { Evidence, LevelEntry } from './model.js';
import type { Level } from './pam.js';

/** The most entries one run holds: two ids each, of the 65,536 four hex digits give. */
export const runCapacity = 0x8000;

/** What a run holds in the clear: enough for roll-ups, keys and the audit log. */
export interface LevelRunFacts {
  /** The run's id (a UUID beginning with 0000). */
  id: string;
  processId: ProcessId;
  commitmentId: CommitmentId;
  /** The plenary: imported entries and their evidence are released there. */
  compartmentId: CompartmentId;
  /** The import that stored it. */
  importId: string;
  /** Who imported it. */
  setBy: UserId;
  /** When (ISO 8601): every entry's `setAt` and its evidence's `submittedAt`. */
  setAt: string;
  /** Each entry's level, in history order. */
  levels: Level[];
  /** Each entry's date (YYYY-MM-DD), ascending. */
  effectiveOn: string[];
  /** Each entry's evidence's SHA-256 (hex). */
  sha256: string[];
}

/** What a run keeps sealed of each entry. */
export interface LevelRunDetail {
  /** The entry's note, which is also its evidence's report. */
  note: string;
  /** Where the evidence comes from. */
  source: string;
  /** The evidence's link, or null (a report). */
  url: string | null;
}

/** A run with its sealed part opened. */
export interface LevelRun extends LevelRunFacts {
  details: LevelRunDetail[];
}

/** A run's id, from a fresh UUID. */
export const runIdFrom = (uuid: string): string => `0000${uuid.slice(4).toLowerCase()}`;

const numbered = (runId: string, n: number): string =>
  `${n.toString(16).padStart(4, '0')}${runId.slice(4)}`;

/** The id of a run's entry `k`. */
export const runEntryId = (runId: string, k: number): LevelEntryId =>
  asId<'LevelEntry'>(numbered(runId, 2 * k));

/** The id of the evidence of a run's entry `k`. */
export const runEvidenceId = (runId: string, k: number): EvidenceId =>
  asId<'Evidence'>(numbered(runId, 2 * k + 1));

/** Which run an id would belong to, which entry, and whether it names the evidence. */
export function runPosition(id: string): { runId: string; k: number; evidence: boolean } | null {
  if (!/^[0-9a-f]{4}[0-9a-f-]{32}$/i.test(id)) return null;
  const n = Number.parseInt(id.slice(0, 4), 16);
  return { runId: runIdFrom(id), k: n >> 1, evidence: (n & 1) === 1 };
}

/** A run's level entries, in history order. */
export function runLevelEntries(run: LevelRun): LevelEntry[] {
  return run.levels.map((level, k) => ({
    id: runEntryId(run.id, k),
    processId: run.processId,
    commitmentId: run.commitmentId,
    level,
    effectiveOn: run.effectiveOn[k] ?? '',
    evidenceIds: [runEvidenceId(run.id, k)],
    note: run.details[k]?.note ?? '',
    setBy: run.setBy,
    setAt: run.setAt,
  }));
}

/** The evidence of a run's entry `k`: its note as a report, or a link. */
export function runEvidenceAt(run: LevelRun, k: number): Evidence {
  const d = run.details[k];
  return {
    id: runEvidenceId(run.id, k),
    processId: run.processId,
    commitmentId: run.commitmentId,
    compartmentId: run.compartmentId,
    kind: d?.url == null ? 'report' : 'link',
    text: d?.note ?? '',
    url: d?.url ?? null,
    // A CSV row carries evidence's metadata, never a file's bytes.
    file: null,
    observedOn: run.effectiveOn[k] ?? '',
    source: d?.source ?? '',
    sha256: run.sha256[k] ?? '',
    submittedBy: run.setBy,
    submittedAt: run.setAt,
  };
}

/** A run's evidence, entry by entry. */
export const runEvidence = (run: LevelRun): Evidence[] =>
  run.levels.map((_, k) => runEvidenceAt(run, k));

/** A run's entries as its import's audit entry hashes them. */
export const runImportedLevels = (run: LevelRunFacts): ImportedLevel[] =>
  run.levels.map((level, k) => ({
    id: runEntryId(run.id, k),
    commitmentId: run.commitmentId,
    level,
    effectiveOn: run.effectiveOn[k] ?? '',
    setAt: run.setAt,
    evidenceId: runEvidenceId(run.id, k),
    evidenceSha256: run.sha256[k] ?? '',
  }));

/** One imported level row, with its evidence. */
export interface RunRow extends LevelRunDetail {
  level: Level;
  effectiveOn: string;
  sha256: string;
}

/**
 * One commitment's imported rows as runs: in history order (by date; rows of one date in the
 * file's order, the later one winning), at most `runCapacity` entries a run; `facts` gives each
 * run its id and the rest (called once per run).
 */
export function runsOf(
  rows: readonly RunRow[],
  facts: () => Omit<LevelRunFacts, 'levels' | 'effectiveOn' | 'sha256'>,
): LevelRun[] {
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) =>
      a.r.effectiveOn !== b.r.effectiveOn
        ? a.r.effectiveOn < b.r.effectiveOn
          ? -1
          : 1
        : a.i - b.i,
    )
    .map((x) => x.r);
  const runs: LevelRun[] = [];
  for (let start = 0; start < sorted.length; start += runCapacity) {
    const part = sorted.slice(start, start + runCapacity);
    runs.push({
      ...facts(),
      levels: part.map((r) => r.level),
      effectiveOn: part.map((r) => r.effectiveOn),
      sha256: part.map((r) => r.sha256),
      details: part.map((r) => ({ note: r.note, source: r.source, url: r.url })),
    });
  }
  return runs;
}
