/**
 * The media view's filters and its chart: statements counted per month and stance, every month
 * between the first and the last shown (empty months count zero, so the axis is time, not rows),
 * each month with the rounds of talks held in it, so that what was said lines up with the talks.
 */
import type { IssueId } from '../shared/ids.js';
import { stances, type ActorStatement, type MediaActorId, type Stance } from './model.js';

/** What the media view may be narrowed to; every field optional. */
export interface MediaFilter {
  /** One actor. */
  actorId?: MediaActorId;
  /** One stance. */
  stance?: Stance;
  /** One language. */
  language?: string;
  /** One agenda issue. */
  issueId?: IssueId;
  /** From this day (YYYY-MM-DD), inclusive. */
  from?: string;
  /** Up to this day, inclusive. */
  to?: string;
}

/** The statements that pass a filter, in their order. */
export function filterStatements(all: ActorStatement[], f: MediaFilter): ActorStatement[] {
  return all.filter(
    (s) =>
      (!f.actorId || s.actorId === f.actorId) &&
      (!f.stance || s.stance === f.stance) &&
      (!f.language || s.language === f.language) &&
      (!f.issueId || s.issueIds.includes(f.issueId)) &&
      (!f.from || s.statedOn >= f.from) &&
      (!f.to || s.statedOn.slice(0, 10) <= f.to),
  );
}

/** One month of the chart: its statements by stance. */
export interface PeriodCount {
  /** The month, YYYY-MM. */
  period: string;
  /** How many statements of each stance. */
  counts: Record<Stance, number>;
  /** All of them. */
  total: number;
  /** The numbers of the rounds whose dates fall (partly) in this month. */
  rounds: number[];
}

/** A round's number and dates, as the chart needs them. */
export interface RoundSpan {
  /** The round's number. */
  number: number;
  /** First day (YYYY-MM-DD). */
  startsOn: string;
  /** Last day (YYYY-MM-DD). */
  endsOn: string;
}

const nextMonth = (p: string): string => {
  const [y, mo] = p.split('-').map(Number);
  const year = y ?? 1970;
  const month = mo ?? 1;
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
};

/** Statements per month and stance, from the first month shown to the last, with the rounds. */
export function statementsOverTime(
  statements: ActorStatement[],
  rounds: RoundSpan[] = [],
): PeriodCount[] {
  const months = statements.map((s) => s.statedOn.slice(0, 7)).sort();
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return [];
  const out: PeriodCount[] = [];
  for (let p = first; p <= last && out.length < 600; p = nextMonth(p)) {
    const counts = Object.fromEntries(stances.map((st) => [st, 0])) as Record<Stance, number>;
    for (const s of statements) if (s.statedOn.startsWith(p)) counts[s.stance] += 1;
    const held = rounds
      .filter((r) => r.startsOn.slice(0, 7) <= p && r.endsOn.slice(0, 7) >= p)
      .map((r) => r.number)
      .sort((a, b) => a - b);
    out.push({
      period: p,
      counts,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
      rounds: held,
    });
  }
  return out;
}
