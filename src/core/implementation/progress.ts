/**
 * Progress of an agreement's implementation, computed from commitments and their level entries
 * alone (pure: the server and the web app show what this returns).
 *
 * - Month by month, for the whole agreement or a group (a theme, a party), the share of
 *   commitments at each level at the month's end and a weighted percentage:
 *   Σ weight × level / (3 × Σ weight) × 100 — 100 when every commitment is complete. Every
 *   commitment counts from the first month (a commitment not yet started is "not initiated"),
 *   as the Kroc Institute's Barometer counts every stipulation of the accord.
 * - Flags: overdue (past its deadline and not complete) and silent (no evidence observed within a
 *   chosen period).
 * - A matrix of provision types × years like PAM's: per type and year, the weighted mean level of
 *   its commitments at the year's end, and that mean rounded to a level.
 */
import {
  dayNumber,
  historyLevelsAt,
  historyOf,
  type LevelFact,
  type LevelHistory,
} from './history.js';
import type { Level } from './pam.js';

/** What the roll-up needs of a commitment. */
export interface ProgressCommitment {
  /** Its id. */
  id: string;
  /** Weight (> 0). */
  weight: number;
  /** The groups it counts in (a theme code, responsible party ids…); a commitment may be in several. */
  groups: readonly string[];
}

/** One month of a roll-up. */
export interface MonthProgress {
  /** YYYY-MM. */
  month: string;
  /** How many commitments are at each level 0, 1, 2, 3 at the month's end. */
  counts: [number, number, number, number];
  /** The share at each level (0–1), by count. */
  shares: [number, number, number, number];
  /** Weighted percentage complete (0–100), rounded to one decimal. */
  percent: number;
}

/** The months from `from` to `to` inclusive (YYYY-MM); empty when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= end) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The last day of a month YYYY-MM, as YYYY-MM-DD. */
export function monthEnd(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Accumulates one group's months. */
class Tally {
  readonly counts: Array<[number, number, number, number]>;
  readonly weighted: number[];
  weight = 0;
  constructor(size: number) {
    this.counts = Array.from({ length: size }, () => [0, 0, 0, 0]);
    this.weighted = new Array<number>(size).fill(0);
  }
  add(levels: ArrayLike<number>, weight: number): void {
    this.weight += weight;
    for (let i = 0; i < levels.length; i++) {
      const l = levels[i] ?? 0;
      const c = this.counts[i];
      if (c) c[l as Level]++;
      this.weighted[i] = (this.weighted[i] ?? 0) + weight * l;
    }
  }
  months(months: readonly string[]): MonthProgress[] {
    return months.map((month, i) => {
      const counts = this.counts[i] ?? [0, 0, 0, 0];
      const n = counts[0] + counts[1] + counts[2] + counts[3];
      const share = (k: number) => (n === 0 ? 0 : k / n);
      return {
        month,
        counts: [counts[0], counts[1], counts[2], counts[3]],
        shares: [share(counts[0]), share(counts[1]), share(counts[2]), share(counts[3])],
        percent:
          this.weight === 0 ? 0 : round1(((this.weighted[i] ?? 0) / (3 * this.weight)) * 100),
      };
    });
  }
}

/** The monthly roll-up: the whole agreement, and each group named by a commitment. */
export interface Rollup {
  /** Every commitment. */
  overall: MonthProgress[];
  /** Per group key, in first-seen order. */
  groups: Map<string, MonthProgress[]>;
}

/** Level entries as a roll-up takes them: in any order, or already as a history. */
export type RollupFacts = readonly LevelFact[] | LevelHistory;

const historyFrom = (facts: RollupFacts): LevelHistory =>
  'ranges' in facts ? facts : historyOf(facts);

/**
 * Rolls levels up month by month over `months` (ascending YYYY-MM), as known at `knownAt`
 * (default: every entry). Entries of commitments not listed are ignored.
 */
export function monthlyRollup(input: {
  commitments: readonly ProgressCommitment[];
  facts: RollupFacts;
  months: readonly string[];
  knownAt?: string;
}): Rollup {
  const ends = Int32Array.from(input.months, (m) => dayNumber(monthEnd(m)));
  const history = historyFrom(input.facts);
  const overall = new Tally(ends.length);
  const groups = new Map<string, Tally>();
  const levels = new Uint8Array(ends.length);
  for (const c of input.commitments) {
    historyLevelsAt(history, c.id, ends, levels, input.knownAt);
    overall.add(levels, c.weight);
    for (const g of c.groups) {
      let tally = groups.get(g);
      if (!tally) {
        tally = new Tally(ends.length);
        groups.set(g, tally);
      }
      tally.add(levels, c.weight);
    }
  }
  return {
    overall: overall.months(input.months),
    groups: new Map([...groups].map(([k, t]) => [k, t.months(input.months)])),
  };
}

/** Whether a commitment is overdue on `today`: past its deadline and not complete. */
export function isOverdue(
  c: { deadline: string | null },
  levelToday: Level,
  today: string,
): boolean {
  return c.deadline !== null && c.deadline < today && levelToday < 3;
}

/** Whether no evidence was observed for a commitment from `from` to `to` (inclusive dates). */
export function isSilent(evidenceDates: readonly string[], from: string, to: string): boolean {
  return !evidenceDates.some((d) => d >= from && d <= to);
}

/** One cell of the provision types × years matrix. */
export interface MatrixCell {
  /** Provision type key. */
  provisionType: string;
  /** The year. */
  year: number;
  /** How many commitments of the type. */
  commitments: number;
  /** Their weighted mean level at the year's end (0–3, two decimals). */
  mean: number;
  /** That mean, rounded to a level. */
  level: Level;
}

/** The PAM-like matrix: for every provision type present and every year, the level at year end. */
export function typeYearMatrix(input: {
  commitments: ReadonlyArray<{ id: string; weight: number; provisionType: string }>;
  facts: RollupFacts;
  years: readonly number[];
  knownAt?: string;
}): MatrixCell[] {
  const ends = Int32Array.from(input.years, (y) => y * 10_000 + 1231);
  const history = historyFrom(input.facts);
  const byType = new Map<string, { n: number; weight: number; sums: number[] }>();
  const levels = new Uint8Array(ends.length);
  for (const c of input.commitments) {
    historyLevelsAt(history, c.id, ends, levels, input.knownAt);
    let t = byType.get(c.provisionType);
    if (!t) {
      t = { n: 0, weight: 0, sums: new Array<number>(ends.length).fill(0) };
      byType.set(c.provisionType, t);
    }
    t.n++;
    t.weight += c.weight;
    for (let i = 0; i < levels.length; i++)
      t.sums[i] = (t.sums[i] ?? 0) + c.weight * (levels[i] ?? 0);
  }
  const cells: MatrixCell[] = [];
  for (const [provisionType, t] of [...byType].sort(([a], [b]) => (a < b ? -1 : 1)))
    input.years.forEach((year, i) => {
      const mean = t.weight === 0 ? 0 : (t.sums[i] ?? 0) / t.weight;
      cells.push({
        provisionType,
        year,
        commitments: t.n,
        mean: Math.round(mean * 100) / 100,
        level: Math.min(3, Math.max(0, Math.round(mean))) as Level,
      });
    });
  return cells;
}
