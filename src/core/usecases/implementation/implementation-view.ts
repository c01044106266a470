/** The implementation picture as a plenary reader sees it: levels, disputes and flags. */
import { levelAsOf } from '../../implementation/history.js';
import type { Commitment, Evidence, LevelEntry, Verification } from '../../implementation/model.js';
import type { Level } from '../../implementation/pam.js';
import { isOverdue } from '../../implementation/progress.js';

/** A commitment with where it stands. */
export interface CommitmentSummary {
  /** The commitment. */
  commitment: Commitment;
  /** Its level today. */
  level: Level;
  /** The latest level entry, or null. */
  latest: LevelEntry | null;
  /** Disputes not yet resolved, of any of its entries. */
  openDisputes: number;
  /** Verifications of its latest entry. */
  verified: number;
  /** Past its deadline and not complete. */
  overdue: boolean;
  /** The latest date released evidence speaks of, or null. */
  lastEvidenceOn: string | null;
}

/** Summarises commitments from the plenary's entries, verifications and released evidence. */
export function summarise(
  commitments: readonly Commitment[],
  entries: readonly LevelEntry[],
  verifications: readonly Verification[],
  released: readonly Evidence[],
  today: string,
): CommitmentSummary[] {
  const group = <T extends { commitmentId: string }>(xs: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) m.set(x.commitmentId, [...(m.get(x.commitmentId) ?? []), x]);
    return m;
  };
  const es = group(entries);
  const vs = group(verifications);
  const ev = group(released);
  return commitments.map((c) => {
    const mine = es.get(c.id) ?? [];
    const level = levelAsOf(mine, today);
    const latest = mine.reduce<LevelEntry | null>(
      (a, e) => (a === null || e.setAt >= a.setAt ? e : a),
      null,
    );
    const v = vs.get(c.id) ?? [];
    const dates = (ev.get(c.id) ?? []).map((e) => e.observedOn).sort();
    return {
      commitment: c,
      level,
      latest,
      openDisputes: v.filter((x) => x.verdict === 'disputed' && x.resolvedAt === null).length,
      verified: latest
        ? v.filter((x) => x.levelEntryId === latest.id && x.verdict === 'verified').length
        : 0,
      overdue: isOverdue(c, level, today),
      lastEvidenceOn: dates[dates.length - 1] ?? null,
    };
  });
}
