import type { Actor } from '../../access/policy.js';
import { canPlanImplementation } from '../../access/policy.js';
import {
  readCommitmentsCsv,
  readLevelsCsv,
  type CommitmentRow,
  type RowError,
} from '../../implementation/exchange.js';
import type { Commitment, Evidence, LevelEntry } from '../../implementation/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type ProcessId } from '../../shared/ids.js';
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
 * level carries its evidence, stored released in the plenary.
 */
export async function importImplementation(
  deps: Deps<'db' | 'clock' | 'ids'>,
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

    // Levels: a row equal to a stored entry (date, level, note, first evidence's hash) is skipped.
    const storedEntries = await s.implementation.listLevelEntries(id, [ic.plenary.id]);
    const evidenceSha = new Map(
      (await s.implementation.listEvidence(id, [ic.plenary.id])).map((e) => [
        e.id as string,
        e.sha256,
      ]),
    );
    const seen = new Set(
      storedEntries.map(
        (e) =>
          `${e.commitmentId}\u0000${e.effectiveOn}\u0000${e.level}\u0000${e.note}\u0000${evidenceSha.get(e.evidenceIds[0] ?? '') ?? ''}`,
      ),
    );
    const newEvidence: Evidence[] = [];
    const newEntries: LevelEntry[] = [];
    let levelsUnchanged = 0;
    for (const r of levels.rows) {
      const c = byExternal.get(r.externalId);
      if (!c) continue; // cannot happen: readLevelsCsv checked every external id
      const key = `${c.id}\u0000${r.effectiveOn}\u0000${r.level}\u0000${r.note}\u0000${r.evidenceSha256}`;
      if (seen.has(key)) {
        levelsUnchanged++;
        continue;
      }
      seen.add(key);
      const evidence: Evidence = {
        id: asId(deps.ids.newId()),
        processId: id,
        commitmentId: c.id,
        compartmentId: ic.plenary.id,
        kind: r.evidenceUrl === null ? 'report' : 'link',
        text: r.note,
        url: r.evidenceUrl,
        // A CSV row carries evidence's metadata, never a file's bytes: what an import records is
        // the report or link it names, with the hash given, not a file it cannot hold.
        file: null,
        observedOn: r.effectiveOn,
        source: r.evidenceSource,
        sha256: r.evidenceSha256,
        submittedBy: input.actor.userId,
        submittedAt: now,
      };
      newEvidence.push(evidence);
      newEntries.push({
        id: asId(deps.ids.newId()),
        processId: id,
        commitmentId: c.id,
        level: r.level,
        effectiveOn: r.effectiveOn,
        evidenceIds: [evidence.id],
        note: r.note,
        setBy: input.actor.userId,
        setAt: now,
      });
    }
    await s.implementation.insertEvidence(newEvidence);
    await s.implementation.insertLevelEntries(newEntries);
    for (const [i, e] of newEntries.entries()) {
      const ev = newEvidence[i];
      if (ev)
        await s.audit.append({
          kind: 'evidence.submitted',
          data: { evidenceId: ev.id, commitmentId: ev.commitmentId, sha256: ev.sha256 },
          actorUserId: input.actor.userId,
          processId: id,
          compartmentId: ic.plenary.id,
        });
      await s.audit.append({
        kind: 'level.set',
        data: {
          commitmentId: e.commitmentId,
          entryId: e.id,
          level: e.level,
          effectiveOn: e.effectiveOn,
          evidenceIds: e.evidenceIds,
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
      levels: newEntries.length,
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
