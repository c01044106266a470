import type { Actor } from '../../access/policy.js';
import { dayNumber, historyLevelsAt } from '../../implementation/history.js';
import { isDate, isMonth } from '../../implementation/model.js';
import type { Level } from '../../implementation/pam.js';
import {
  isOverdue,
  isSilent,
  monthlyRollup,
  monthsBetween,
  typeYearMatrix,
  type MatrixCell,
  type MonthProgress,
} from '../../implementation/progress.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId } from '../../shared/ids.js';
import { openImplementation } from './implementation-context.js';

/** The progress picture of an agreement. */
export interface Progress {
  /** The months rolled up. */
  months: string[];
  /** The whole agreement, month by month. */
  overall: MonthProgress[];
  /** Per theme code (commitments without a theme under `-`). */
  byTheme: Array<{ key: string; months: MonthProgress[] }>;
  /** Per responsible party id (commitments without one under `-`). */
  byParty: Array<{ key: string; months: MonthProgress[] }>;
  /** Provision types × years. */
  matrix: MatrixCell[];
  /** Commitments past their deadline and not complete, today. */
  overdue: string[];
  /** Commitments without released evidence in the period asked for. */
  silent: string[];
  /** The period for `silent`. */
  silentFrom: string;
  silentTo: string;
  /** The time the picture is as known at, or null for now. */
  knownAt: string | null;
}

const longest = 240;

/**
 * Rolls the plenary's levels up: month by month for the agreement, each theme and each party; the
 * provision types × years matrix; overdue and silent commitments. `knownAt` reproduces the picture
 * as it was known at that time. Outside the plenary the picture is empty.
 */
export async function getProgress(
  deps: Deps<'db' | 'clock'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    from: string | null;
    to: string | null;
    silentFrom: string | null;
    silentTo: string | null;
    knownAt: string | null;
  },
): Promise<Progress> {
  const today = deps.clock.now().toISOString().slice(0, 10);
  for (const [field, v] of [
    ['from', input.from],
    ['to', input.to],
  ] as const)
    if (v !== null && !isMonth(v))
      throw new DomainError('INVALID_INPUT', 'Give the month as YYYY-MM.', { field });
  for (const [field, v] of [
    ['silentFrom', input.silentFrom],
    ['silentTo', input.silentTo],
  ] as const)
    if (v !== null && !isDate(v))
      throw new DomainError('INVALID_INPUT', 'Give the date as YYYY-MM-DD.', { field });
  if (input.knownAt !== null && Number.isNaN(Date.parse(input.knownAt)))
    throw new DomainError('INVALID_INPUT', 'Give the time as ISO 8601.', { field: 'knownAt' });
  const knownAt = input.knownAt === null ? undefined : new Date(input.knownAt).toISOString();
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    const id = ic.process.id;
    const plenary = ic.readsPlenary ? [ic.plenary.id] : [];
    const commitments = await s.implementation.listCommitments(id, plenary);
    const facts = await s.implementation.readLevelHistory(id, plenary, knownAt);
    const silentTo = input.silentTo ?? today;
    const silentFrom =
      input.silentFrom ??
      new Date(Date.parse(`${silentTo}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10);
    // Only the evidence within the period: the flag asks whether there is any.
    const released = await s.implementation.listEvidenceDates(id, plenary, {
      from: silentFrom,
      to: silentTo,
    });
    const first = commitments
      .reduce((m, c) => (c.startsOn < m ? c.startsOn : m), today)
      .slice(0, 7);
    const from = input.from ?? first;
    const to = input.to ?? today.slice(0, 7);
    const months = monthsBetween(from, to);
    if (months.length > longest)
      throw new DomainError('INVALID_INPUT', `Ask for at most ${longest} months at a time.`, {
        field: 'from',
      });
    const themes = monthlyRollup({
      commitments: commitments.map((c) => ({
        id: c.id,
        weight: c.weight,
        groups: [c.themeCode ?? '-'],
      })),
      facts,
      months,
      knownAt,
    });
    const parties = monthlyRollup({
      commitments: commitments.map((c) => ({
        id: c.id,
        weight: c.weight,
        groups: c.responsiblePartyIds.length > 0 ? c.responsiblePartyIds : ['-'],
      })),
      facts,
      months,
      knownAt,
    });
    const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
    const evidenceDates = new Map<string, string[]>();
    for (const e of released) {
      const dates = evidenceDates.get(e.commitmentId);
      if (dates) dates.push(e.observedOn);
      else evidenceDates.set(e.commitmentId, [e.observedOn]);
    }
    const one = new Uint8Array(1);
    const todayDays = [dayNumber(today)];
    const levelToday = (cid: string): Level =>
      (historyLevelsAt(facts, cid, todayDays, one, knownAt)[0] ?? 0) as Level;
    if (ic.readsPlenary)
      await s.audit.append({
        kind: 'implementation.read',
        data: { what: 'progress', commitmentId: null },
        actorUserId: input.actor.userId,
        processId: id,
        compartmentId: ic.plenary.id,
      });
    return {
      months,
      overall: themes.overall,
      byTheme: [...themes.groups].map(([key, m]) => ({ key, months: m })),
      byParty: [...parties.groups].map(([key, m]) => ({ key, months: m })),
      matrix: typeYearMatrix({ commitments, facts, years, knownAt }),
      overdue: commitments.filter((c) => isOverdue(c, levelToday(c.id), today)).map((c) => c.id),
      silent: commitments
        .filter(
          (c) =>
            c.startsOn <= silentTo && isSilent(evidenceDates.get(c.id) ?? [], silentFrom, silentTo),
        )
        .map((c) => c.id),
      silentFrom,
      silentTo,
      knownAt: knownAt ?? null,
    };
  });
}
