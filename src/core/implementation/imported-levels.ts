/**
 * The level entries of an import, as its one audit entry names them.
 *
 * An import of 300,000 level rows writes one audit entry (`levels.imported`) instead of two per
 * row: the entry carries the import's id, how many entries it stored and the SHA-256 of their
 * canonical rows (below). Each stored entry and its evidence carry the import's id. So the
 * history stays reproducible from the log: the `level.set` entries give the levels set one by one,
 * and each `levels.imported` entry gives the rows named by its id once their hash is checked
 * against the one the log holds (the chain makes that hash as tamper-evident as the rest).
 *
 * The canonical rows hold what `level.set` and `evidence.submitted` recorded for one entry (ids,
 * level, dates, the evidence's hash), never a note: notes stay confidential, as in every entry.
 */
import type { AuditEntry } from '../audit/catalogue.js';
import type { LevelFact } from './history.js';
import { isLevel, type Level } from './pam.js';

/** One level entry of an import, with its evidence, as hashed into the import's audit entry. */
export interface ImportedLevel {
  /** The entry's id. */
  id: string;
  /** The commitment. */
  commitmentId: string;
  /** The level. */
  level: Level;
  /** From when (YYYY-MM-DD). */
  effectiveOn: string;
  /** Recorded (ISO 8601). */
  setAt: string;
  /** The evidence the entry rests on. */
  evidenceId: string;
  /** That evidence's SHA-256. */
  evidenceSha256: string;
}

/**
 * The canonical text of an import's rows, line by line: one line per entry, by entry id,
 * tab-separated. An import of 300,000 rows is 60 MB of it: hash it line by line.
 */
export function* canonicalImportedLines(rows: readonly ImportedLevel[]): Generator<string> {
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of sorted)
    yield `${r.id}\t${r.commitmentId}\t${r.level}\t${r.effectiveOn}\t${r.setAt}\t${r.evidenceId}\t${r.evidenceSha256}\n`;
}

/** The canonical text of an import's rows. */
export const canonicalImportedLevels = (rows: readonly ImportedLevel[]): string =>
  [...canonicalImportedLines(rows)].join('');

/** An import's rows that do not match the hash its audit entry holds. */
export class ImportedLevelsMismatch extends Error {
  constructor(readonly importId: string) {
    super(`the level rows of import ${importId} are not the ones its audit entry hashed`);
  }
}

/**
 * The level facts the audit log gives: each `level.set` entry as it was recorded, and the rows of
 * each `levels.imported` entry (read by its import id), checked against the hash it holds.
 * Throws `ImportedLevelsMismatch` when an import's rows were altered, added to or removed.
 */
export async function levelFactsFromLog(input: {
  /** `level.set` and `levels.imported` entries, in log order (others are ignored). */
  entries: readonly AuditEntry[];
  /** The rows stored for an import. */
  rowsOf: (importId: string) => Promise<readonly ImportedLevel[]>;
  /** SHA-256, hex, of texts one after the other. */
  sha256: (lines: Iterable<string>) => string;
}): Promise<LevelFact[]> {
  const facts: LevelFact[] = [];
  for (const a of input.entries) {
    if (a.kind === 'level.set') {
      const d = JSON.parse(a.data) as {
        commitmentId: string;
        entryId: string;
        level: number;
        effectiveOn: string;
        setAt?: string;
      };
      if (isLevel(d.level))
        facts.push({
          commitmentId: d.commitmentId,
          level: d.level,
          effectiveOn: d.effectiveOn,
          // The entry's own time: the audit entries of one group commit share one `at`.
          setAt: d.setAt ?? a.at,
          id: d.entryId,
        });
    } else if (a.kind === 'levels.imported') {
      const d = JSON.parse(a.data) as { importId: string; levels: number; sha256: string };
      const rows = await input.rowsOf(d.importId);
      if (rows.length !== d.levels || input.sha256(canonicalImportedLines(rows)) !== d.sha256)
        throw new ImportedLevelsMismatch(d.importId);
      for (const r of rows)
        facts.push({
          commitmentId: r.commitmentId,
          level: r.level,
          effectiveOn: r.effectiveOn,
          setAt: r.setAt,
          id: r.id,
        });
    }
  }
  return facts;
}
