import type { Actor } from '../../access/policy.js';
import { canPlanImplementation } from '../../access/policy.js';
import {
  readCommitmentsCsv,
  readLevelsCsv,
  type CommitmentRow,
  type LevelRow,
  type RowError,
} from '../../implementation/exchange.js';
import { canonicalImportedLines } from '../../implementation/imported-levels.js';
import {
  runIdFrom,
  runImportedLevels,
  runsOf,
  type RunRow,
} from '../../implementation/level-runs.js';
import type { Commitment } from '../../implementation/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type CommitmentId, type ProcessId } from '../../shared/ids.js';
import { openImplementation, requirePlenary } from './implementation-context.js';

/** What an import did. */
export interface ImportReport {
  /** Commitments created. */
  created: number;
  /** Commitments changed. */
  updated: number;
  /** Commitments already exactly as in the file. */
  unchanged: number;
  /** Level entries appended (each with its evidence). */
  levels: number;
  /** Level rows already recorded, skipped. */
  levelsUnchanged: number;
}

/** A problem with an imported file, naming the file. */
export type ImportError = RowError & { file: 'commitments' | 'levels' };

const same = (c: Commitment, r: CommitmentRow): boolean =>
  c.provisionType === r.provisionType &&
  c.themeCode === r.themeCode &&
  c.wording === r.wording &&
  c.responsiblePartyIds.join('|') === r.responsiblePartyIds.join('|') &&
  c.startsOn === r.startsOn &&
  c.deadline === r.deadline &&
  c.recurrence === r.recurrence &&
  c.weight === r.weight &&
  c.versionNumber === r.versionNumber &&
  c.provisionKey === r.provisionKey;

/**
 * Imports a commitments file and, optionally, a levels file (the export's format), keyed by
 * external id, in one transaction: every row of both files is checked first, and if any is bad
 * nothing changes and the answer lists every problem (file, line, column, what is wrong). Rows
 * equal to what is stored change nothing, so importing an export back is a no-op. Each imported
 * level carries its evidence, stored released in the plenary, one run per commitment
 * (implementation/level-runs.ts); the levels of one import are audited by one entry holding the
 * SHA-256 of their rows (implementation/imported-levels.ts).
 */
export async function importImplementation(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  input: { actor: Actor; processId: ProcessId; commitmentsCsv: string; levelsCsv: string | null },
): Promise<ImportReport> {
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    requirePlenary(ic);
    if (!canPlanImplementation(ic.membership))
      throw new DomainError('FORBIDDEN', 'Only the lead mediator and mediators import.');
    const id = ic.process.id;
    const themes = await s.implementation.listThemes(id, ic.visible);
    const stored = await s.implementation.listCommitments(id, ic.visible);
    const versions = await s.text.listVersions(id, ic.visible);
    const read = readCommitmentsCsv(input.commitmentsCsv, {
      partyIdByCode: new Map(ic.parties.map((p) => [p.code, p.id as string])),
      themeCodes: new Set(themes.map((t) => t.code)),
    });
    const errors: ImportError[] = read.errors.map((e) => ({ file: 'commitments', ...e }));
    for (const r of read.rows)
      if (r.versionNumber !== null && !versions.some((v) => v.number === r.versionNumber))
        errors.push({
          file: 'commitments',
          line: r.line,
          column: 'version',
          message: `No version ${r.versionNumber} of the text is in the plenary.`,
        });
    // The themes the rows name are locked before anything is written: another instance cannot
    // remove one until this commits, and one it removed since the list above is missing.
    const named = [
      ...new Set(read.rows.flatMap((r) => (r.themeCode === null ? [] : [r.themeCode]))),
    ];
    if (named.length > 0) {
      const locked = await s.implementation.lockThemes(id, { use: named, change: [] }, ic.visible);
      for (const r of read.rows)
        if (r.themeCode !== null && !locked.includes(r.themeCode))
          errors.push({
            file: 'commitments',
            line: r.line,
            column: 'theme',
            message: `No theme has the code ${r.themeCode}.`,
          });
    }
    const known = new Set([
      ...stored.map((c) => c.externalId),
      ...read.rows.map((r) => r.externalId),
    ]);
    const levels =
      input.levelsCsv === null ? { rows: [], errors: [] } : readLevelsCsv(input.levelsCsv, known);
    errors.push(...levels.errors.map((e): ImportError => ({ file: 'levels', ...e })));
    if (
      errors.length > 0 ||
      (read.errors.length === 0 && read.rows.length === 0 && input.commitmentsCsv.trim() === '')
    )
      throw new DomainError(
        'INVALID_INPUT',
        errors.length > 0
          ? `The import has ${errors.length} problem(s); nothing was changed.`
          : 'The commitments file is empty; nothing was changed.',
        { errors },
      );

    const now = deps.clock.now().toISOString();
    const byExternal = new Map(stored.map((c) => [c.externalId, c]));
    const created: Commitment[] = [];
    let updated = 0;
    let unchanged = 0;
    const audit = (kind: 'commitment.edited', data: { commitmentId: string; revision: number }) =>
      s.audit.append({
        kind,
        data,
        actorUserId: input.actor.userId,
        processId: id,
        compartmentId: ic.plenary.id,
      });
    for (const r of read.rows) {
      const existing = byExternal.get(r.externalId);
      if (existing && same(existing, r)) {
        unchanged++;
        continue;
      }
      const fields = {
        wording: r.wording,
        responsiblePartyIds: r.responsiblePartyIds.map((p) => asId<'Party'>(p)),
        startsOn: r.startsOn,
        deadline: r.deadline,
        recurrence: r.recurrence,
        provisionType: r.provisionType,
        themeCode: r.themeCode,
        weight: r.weight,
        versionNumber: r.versionNumber,
        provisionKey: r.provisionKey,
      };
      if (existing) {
        const next = { ...existing, ...fields, revision: existing.revision + 1 };
        if (!(await s.implementation.updateCommitment(next, existing.revision)))
          throw new DomainError(
            'STALE_REVISION',
            'A commitment changed during the import; nothing was changed. Import again.',
          );
        byExternal.set(r.externalId, next);
        await audit('commitment.edited', { commitmentId: next.id, revision: next.revision });
        updated++;
      } else {
        const c: Commitment = {
          id: asId(deps.ids.newId()),
          processId: id,
          compartmentId: ic.plenary.id,
          externalId: r.externalId,
          basis: 'imported',
          versionId: versions.find((v) => v.number === r.versionNumber)?.id ?? null,
          ...fields,
          createdAt: now,
          createdBy: input.actor.userId,
          revision: 1,
        };
        created.push(c);
        byExternal.set(r.externalId, c);
      }
    }
    await s.implementation.insertCommitments(created);
    for (const c of created)
      await s.audit.append({
        kind: 'commitment.created',
        data: {
          commitmentId: c.id,
          externalId: c.externalId,
          basis: c.basis,
          versionId: c.versionId,
          provision: c.provisionKey,
        },
        actorUserId: input.actor.userId,
        processId: id,
        compartmentId: ic.plenary.id,
      });

    // Levels: a row equal to a stored entry (commitment, date, level, first evidence's hash, note)
    // or to an earlier row of the file is skipped. Rows are compared commitment by commitment,
    // first on what is stored in the clear; only the notes of stored entries equal to a row on
    // that are opened (a re-import of the export opens each once).
    const plain = (effectiveOn: string, level: number, sha: string) =>
      `${effectiveOn}\u0000${level}\u0000${sha}`;
    const incoming = new Map<CommitmentId, LevelRow[]>();
    for (const r of levels.rows) {
      const c = byExternal.get(r.externalId);
      if (!c) continue; // cannot happen: readLevelsCsv checked every external id
      const list = incoming.get(c.id);
      if (list) list.push(r);
      else incoming.set(c.id, [r]);
    }
    const storedKeys = new Map<CommitmentId, Array<{ id: string; key: string }>>();
    if (incoming.size > 0)
      for (const e of await s.implementation.listLevelKeys(id, [ic.plenary.id])) {
        if (!incoming.has(e.commitmentId)) continue;
        const entry = { id: e.id, key: plain(e.effectiveOn, e.level, e.evidenceSha256) };
        const list = storedKeys.get(e.commitmentId);
        if (list) list.push(entry);
        else storedKeys.set(e.commitmentId, [entry]);
      }
    const candidates = new Map<CommitmentId, Array<{ id: string; key: string }>>();
    for (const [commitmentId, stored] of storedKeys) {
      const rows = new Set(
        (incoming.get(commitmentId) ?? []).map((r) =>
          plain(r.effectiveOn, r.level, r.evidenceSha256),
        ),
      );
      candidates.set(
        commitmentId,
        stored.filter((e) => rows.has(e.key)),
      );
    }
    const notes = await s.implementation.openLevelNotes(
      id,
      [ic.plenary.id],
      new Set([...candidates.values()].flatMap((list) => list.map((e) => e.id))),
    );
    // The new rows, by commitment, stored as runs (implementation/level-runs.ts).
    const fresh = new Map<CommitmentId, RunRow[]>();
    let levelsUnchanged = 0;
    for (const [commitmentId, rows] of incoming) {
      const seen = new Set(
        (candidates.get(commitmentId) ?? []).map((e) => `${e.key}\u0000${notes.get(e.id) ?? ''}`),
      );
      const kept: RunRow[] = [];
      for (const r of rows) {
        const key = `${plain(r.effectiveOn, r.level, r.evidenceSha256)}\u0000${r.note}`;
        if (seen.has(key)) {
          levelsUnchanged++;
          continue;
        }
        seen.add(key);
        kept.push({
          level: r.level,
          effectiveOn: r.effectiveOn,
          sha256: r.evidenceSha256,
          note: r.note,
          source: r.evidenceSource,
          url: r.evidenceUrl,
        });
      }
      if (kept.length > 0) fresh.set(commitmentId, kept);
    }
    // One audit entry for all of them, holding the SHA-256 of their canonical rows: every run
    // carries the import's id, so the log still gives each level as of any date.
    let imported = 0;
    if (fresh.size > 0) {
      const importId = deps.ids.newId();
      const runs = [...fresh].flatMap(([commitmentId, rows]) =>
        runsOf(rows, () => ({
          id: runIdFrom(deps.ids.newId()),
          processId: id,
          commitmentId,
          compartmentId: ic.plenary.id,
          importId,
          setBy: input.actor.userId,
          setAt: now,
        })),
      );
      await s.implementation.insertLevelRuns(runs);
      const rows = runs.flatMap(runImportedLevels);
      imported = rows.length;
      await s.audit.append({
        kind: 'levels.imported',
        data: {
          importId,
          levels: rows.length,
          sha256: deps.hashing.sha256(canonicalImportedLines(rows)),
        },
        actorUserId: input.actor.userId,
        processId: id,
        compartmentId: ic.plenary.id,
      });
    }
    const report = {
      created: created.length,
      updated,
      unchanged,
      levels: imported,
      levelsUnchanged,
    };
    if (report.created + report.updated + report.levels > 0)
      await s.audit.append({
        kind: 'implementation.imported',
        data: { created: report.created, updated: report.updated, levels: report.levels },
        actorUserId: input.actor.userId,
        processId: id,
        compartmentId: ic.plenary.id,
      });
    return report;
  });
}
