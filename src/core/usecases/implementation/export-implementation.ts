import type { Actor } from '../../access/policy.js';
import { compareFacts } from '../../implementation/history.js';
import { writeCommitmentsCsv, writeLevelsCsv } from '../../implementation/exchange.js';
import { toCsv } from '../../implementation/csv.js';
import { provisionType } from '../../implementation/pam.js';
import { typeYearMatrix } from '../../implementation/progress.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId } from '../../shared/ids.js';
import { openImplementation } from './implementation-context.js';

/** What can be exported. */
export type ImplementationExportFormat = 'commitments.csv' | 'levels.csv' | 'json' | 'pam.csv';

/**
 * Exports the plenary's implementation data: the commitments file or the levels file (the import
 * format, so an export imports back without changing anything), or everything as JSON, with the
 * released evidence's metadata (never its text; for a file, its name, media type, size and
 * SHA-256, never its bytes — an import records such evidence by its hash, as a report, and cannot
 * bring the file back); or the PAM-shaped matrix: one row per accord
 * (the process's codename), provision type and year, from the year the first commitment starts to
 * this year, with the level at the year's end (0–3, the weighted mean rounded), the mean itself
 * and the number of commitments of the type. Only plenary readers export.
 */
export async function exportImplementation(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; processId: ProcessId; format: ImplementationExportFormat },
): Promise<string> {
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    if (!ic.readsPlenary)
      throw new DomainError(
        'FORBIDDEN',
        'Only those who read the plenary export implementation data.',
      );
    const id = ic.process.id;
    const plenary = [ic.plenary.id];
    const commitments = await s.implementation.listCommitments(id, plenary);
    const entries = await s.implementation.listLevelEntries(id, plenary);
    const evidence = await s.implementation.listEvidence(id, plenary);
    const code = new Map(ic.parties.map((p) => [p.id as string, p.code]));
    const external = new Map(commitments.map((c) => [c.id as string, c.externalId]));
    const byId = new Map(evidence.map((e) => [e.id as string, e]));
    const rows = commitments.map((c) => ({
      externalId: c.externalId,
      provisionType: c.provisionType,
      themeCode: c.themeCode,
      wording: c.wording,
      responsibleCodes: c.responsiblePartyIds.map((p) => code.get(p) ?? p),
      startsOn: c.startsOn,
      deadline: c.deadline,
      recurrence: c.recurrence,
      weight: c.weight,
      versionNumber: c.versionNumber,
      provisionKey: c.provisionKey,
    }));
    const levels = [...entries]
      .sort((a, b) => {
        const ea = external.get(a.commitmentId) ?? '';
        const eb = external.get(b.commitmentId) ?? '';
        return ea !== eb ? (ea < eb ? -1 : 1) : compareFacts(a, b);
      })
      .map((e) => {
        const first = byId.get(e.evidenceIds[0] ?? '');
        return {
          externalId: external.get(e.commitmentId) ?? '',
          effectiveOn: e.effectiveOn,
          level: e.level,
          note: e.note,
          evidenceSource: first?.source ?? '',
          evidenceUrl: first?.url ?? null,
          evidenceSha256: first?.sha256 ?? '',
        };
      });
    await s.audit.append({
      kind: 'implementation.exported',
      data: { format: input.format },
      actorUserId: input.actor.userId,
      processId: id,
      compartmentId: ic.plenary.id,
    });
    switch (input.format) {
      case 'commitments.csv':
        return writeCommitmentsCsv(rows);
      case 'levels.csv':
        return writeLevelsCsv(levels);
      case 'pam.csv': {
        const thisYear = deps.clock.now().getUTCFullYear();
        const first = commitments.reduce(
          (y, c) => Math.min(y, Number(c.startsOn.slice(0, 4))),
          thisYear,
        );
        const years = Array.from(
          { length: Math.max(0, thisYear - first + 1) },
          (_, i) => first + i,
        );
        const cells = typeYearMatrix({ commitments, facts: entries, years });
        return toCsv([
          ['accord', 'provision_type', 'provision_name', 'year', 'level', 'mean', 'commitments'],
          ...cells.map((c) => [
            ic.process.codename,
            c.provisionType,
            provisionType(c.provisionType)?.name ?? c.provisionType,
            String(c.year),
            String(c.level),
            c.mean.toFixed(2),
            String(c.commitments),
          ]),
        ]);
      }
      case 'json':
        return JSON.stringify({
          format: 'parley.implementation/1',
          process: ic.process.codename,
          commitments: rows,
          levels,
          evidence: evidence.map((e) => ({
            externalId: external.get(e.commitmentId) ?? '',
            kind: e.kind,
            observedOn: e.observedOn,
            source: e.source,
            url: e.url,
            sha256: e.sha256,
            file: e.file && { name: e.file.name, mediaType: e.file.mediaType, size: e.file.size },
          })),
        });
    }
  });
}
