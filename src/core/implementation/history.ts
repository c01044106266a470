/**
 * The level of a commitment as of a date, from its appended level entries alone.
 *
 * Each entry says "from `effectiveOn`, the level is L", recorded at `setAt`. Entries are never
 * changed: a correction is a later entry (possibly back-dated). So the level as of date D, as
 * known at time K, is the level of the entry with the greatest (effectiveOn, setAt, id) among
 * those with effectiveOn ≤ D and setAt ≤ K; 0 (not initiated) when there is none. Leaving K out
 * means "as known now". The same function over the entries rebuilt from the audit log gives the
 * same answer, which is what makes any past picture reproducible.
 */
import type { Level } from './pam.js';

/** What the history needs of a level entry. */
export interface LevelFact {
  /** The commitment. */
  commitmentId: string;
  /** The level. */
  level: Level;
  /** From when (YYYY-MM-DD). */
  effectiveOn: string;
  /** Recorded (ISO 8601). */
  setAt: string;
  /** Tie-breaker. */
  id: string;
}

/** Orders entries as the history reads them: by effective date, then by when they were recorded. */
export function compareFacts(a: LevelFact, b: LevelFact): number {
  if (a.effectiveOn !== b.effectiveOn) return a.effectiveOn < b.effectiveOn ? -1 : 1;
  if (a.setAt !== b.setAt) return a.setAt < b.setAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The level of one commitment's entries as of `date`, as known at `knownAt` (default: now). */
export function levelAsOf(facts: readonly LevelFact[], date: string, knownAt?: string): Level {
  let best: LevelFact | undefined;
  for (const f of facts) {
    if (f.effectiveOn > date) continue;
    if (knownAt !== undefined && f.setAt > knownAt) continue;
    if (best === undefined || compareFacts(f, best) > 0) best = f;
  }
  return best?.level ?? 0;
}

/** Groups entries by commitment, each group sorted as the history reads it. */
export function byCommitment<F extends LevelFact>(facts: readonly F[]): Map<string, F[]> {
  const map = new Map<string, F[]>();
  for (const f of facts) {
    const list = map.get(f.commitmentId);
    if (list) list.push(f);
    else map.set(f.commitmentId, [f]);
  }
  for (const list of map.values()) list.sort(compareFacts);
  return map;
}

/**
 * The level at the end of each of `dates` (ascending) for one commitment's sorted entries, as
 * known at `knownAt`: one sweep, so a roll-up over many months stays linear.
 */
export function levelsAt(
  sorted: readonly LevelFact[],
  dates: readonly string[],
  knownAt?: string,
): Level[] {
  const out: Level[] = [];
  let i = 0;
  let current: Level = 0;
  for (const date of dates) {
    while (i < sorted.length && (sorted[i]?.effectiveOn ?? '') <= date) {
      const f = sorted[i];
      if (f && (knownAt === undefined || f.setAt <= knownAt)) current = f.level;
      i++;
    }
    out.push(current);
  }
  return out;
}

/** A date YYYY-MM-DD as the number YYYYMMDD: dates compare as these numbers do. */
export const dayNumber = (date: string): number =>
  Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));

/**
 * Level entries grouped by commitment, each group in history order, kept column by column: a
 * roll-up over hundreds of thousands of entries then sweeps arrays of numbers instead of
 * building, grouping and sorting one object per entry.
 */
export interface LevelHistory {
  /** Per commitment, where its entries are in the columns: from `start` to before `end`. */
  ranges: ReadonlyMap<string, { start: number; end: number }>;
  /** Each entry's level. */
  levels: ArrayLike<number>;
  /** Each entry's effective date, as `dayNumber` gives it. */
  effectiveDays: ArrayLike<number>;
  /**
   * When each entry was recorded (ISO 8601); null when the history holds only the entries known
   * at the time asked (whoever read it left the others out), so `knownAt` has nothing to do.
   */
  setAt: readonly string[] | null;
}

/** The history of entries in any order. */
export function historyOf(facts: readonly LevelFact[]): LevelHistory {
  const ranges = new Map<string, { start: number; end: number }>();
  const levels = new Uint8Array(facts.length);
  const effectiveDays = new Int32Array(facts.length);
  const setAt: string[] = [];
  let n = 0;
  for (const [commitmentId, list] of byCommitment(facts)) {
    ranges.set(commitmentId, { start: n, end: n + list.length });
    for (const f of list) {
      levels[n] = f.level;
      effectiveDays[n] = dayNumber(f.effectiveOn);
      setAt.push(f.setAt);
      n++;
    }
  }
  return { ranges, levels, effectiveDays, setAt };
}

/**
 * The level at the end of each of `days` (ascending, as `dayNumber` gives them) of one
 * commitment of a history, as known at `knownAt`, written into `out` (as long as `days`).
 */
export function historyLevelsAt(
  history: LevelHistory,
  commitmentId: string,
  days: ArrayLike<number>,
  out: Uint8Array,
  knownAt?: string,
): Uint8Array {
  const range = history.ranges.get(commitmentId);
  let i = range?.start ?? 0;
  const end = range?.end ?? 0;
  const { levels, effectiveDays } = history;
  const setAt = knownAt === undefined ? null : history.setAt;
  let current = 0;
  for (let d = 0; d < days.length; d++) {
    const day = days[d] ?? 0;
    for (; i < end && (effectiveDays[i] ?? 0) <= day; i++)
      if (setAt === null || (setAt[i] ?? '') <= (knownAt ?? '')) current = levels[i] ?? 0;
    out[d] = current;
  }
  return out;
}
