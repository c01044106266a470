/**
 * The public accountability page: the part of the implementation picture the mediators release
 * to the public, built from the plenary's commitments, level entries and verifications (pure).
 *
 * - Only what is released goes in: the commitments of the released themes (all, or a chosen few),
 *   with their wording, responsible parties, dates and type, and — when the progress is released
 *   too — the month-by-month roll-up and the provision types × years matrix over those same
 *   commitments.
 * - Only verified levels count: a level entry counts from the time a guarantor or observer
 *   verified it, and not while a dispute of it stands. An entry nobody verified, and evidence of
 *   any kind, never reaches the page.
 * - Nothing internal goes out: commitments are named by their external id (the process's own key,
 *   the one in its CSV files), parties by their names, themes by their codes and names.
 *
 * The picture is built once, when released, and kept as it was: the page shows what the mediators
 * released, not what happened since; releasing again brings it up to date.
 */
import { byCommitment, levelsAt, type LevelFact } from './history.js';
import type { Commitment, LevelEntry, Recurrence, Theme, Verification } from './model.js';
import type { Level } from './pam.js';
import {
  isOverdue,
  monthlyRollup,
  monthsBetween,
  typeYearMatrix,
  type MatrixCell,
  type MonthProgress,
} from './progress.js';

/** Which parts of the picture are released. */
export interface PublicParts {
  /** Theme codes whose commitments (and their subthemes') are released, or null for all. */
  themes: string[] | null;
  /** The commitments themselves, with their verified level. */
  commitments: boolean;
  /** The month-by-month progress and the provision types × years matrix. */
  progress: boolean;
}

/** A commitment as the public sees it. */
export interface PublicCommitment {
  /** The process's own key for it (its external id). */
  ref: string;
  /** What must be done. */
  wording: string;
  /** PAM provision type key. */
  provisionType: string;
  /** Theme code, or null. */
  themeCode: string | null;
  /** Names of the responsible parties. */
  responsible: string[];
  /** Start (YYYY-MM-DD). */
  startsOn: string;
  /** Deadline (YYYY-MM-DD), or null. */
  deadline: string | null;
  /** Recurrence. */
  recurrence: Recurrence;
  /** Its verified level on the day of release. */
  level: Level;
  /** The date from which that verified level holds, or null (never verified above 0). */
  levelSince: string | null;
  /** Past its deadline and not verified complete. */
  overdue: boolean;
}

/** The released picture. */
export interface PublicPicture {
  /** The title the mediators gave the page. */
  title: string;
  /** When it was released (ISO 8601). */
  releasedAt: string;
  /** The day the levels are as of (YYYY-MM-DD). */
  asOf: string;
  /** What is released. */
  parts: PublicParts;
  /** The released themes that have released commitments, by code. */
  themes: Array<{ code: string; name: string }>;
  /** The commitments, if released (else empty). */
  commitments: PublicCommitment[];
  /** Progress over the released commitments, if released. */
  progress: {
    /** How many commitments the figures count. */
    commitments: number;
    /** The whole released picture, month by month. */
    overall: MonthProgress[];
    /** Per theme code (`-`: without a theme). */
    byTheme: Array<{ key: string; months: MonthProgress[] }>;
    /** Provision types × years. */
    matrix: MatrixCell[];
  } | null;
}

/** How many months the public roll-up covers at most (the latest ones). */
export const publicMonths = 120;

/**
 * The level entries that count in public, each from the moment it was verified: entries with a
 * verification and no standing dispute. `setAt` becomes the first verification's time, so "as
 * known at" still means "as the public could have known it".
 */
export function verifiedFacts(
  entries: ReadonlyArray<Pick<LevelEntry, 'id' | 'commitmentId' | 'level' | 'effectiveOn'>>,
  verifications: readonly Verification[],
): LevelFact[] {
  const verifiedAt = new Map<string, string>();
  const disputed = new Set<string>();
  for (const v of verifications) {
    if (v.verdict === 'disputed' && v.resolvedAt === null) disputed.add(v.levelEntryId);
    if (v.verdict === 'verified') {
      const at = verifiedAt.get(v.levelEntryId);
      if (at === undefined || v.at < at) verifiedAt.set(v.levelEntryId, v.at);
    }
  }
  const out: LevelFact[] = [];
  for (const e of entries) {
    const at = verifiedAt.get(e.id);
    if (at === undefined || disputed.has(e.id)) continue;
    out.push({
      id: e.id,
      commitmentId: e.commitmentId,
      level: e.level,
      effectiveOn: e.effectiveOn,
      setAt: at,
    });
  }
  return out;
}

/** Builds the public picture from the plenary's state on `today`. */
export function publicPicture(input: {
  title: string;
  releasedAt: string;
  today: string;
  parts: PublicParts;
  themes: readonly Theme[];
  commitments: readonly Commitment[];
  entries: ReadonlyArray<Pick<LevelEntry, 'id' | 'commitmentId' | 'level' | 'effectiveOn'>>;
  verifications: readonly Verification[];
  parties: ReadonlyArray<{ id: string; name: string }>;
}): PublicPicture {
  const { parts, today } = input;
  // A released theme brings its subthemes with it.
  const wanted =
    parts.themes === null
      ? null
      : new Set([
          ...parts.themes,
          ...input.themes
            .filter((t) => t.parentCode !== null && parts.themes?.includes(t.parentCode))
            .map((t) => t.code),
        ]);
  const released = input.commitments
    .filter((c) => wanted === null || (c.themeCode !== null && wanted.has(c.themeCode)))
    .slice()
    .sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0));
  const ids = new Set(released.map((c) => c.id));
  const facts = verifiedFacts(
    input.entries.filter((e) => ids.has(e.commitmentId)),
    input.verifications.filter((v) => ids.has(v.commitmentId)),
  );
  const sorted = byCommitment(facts);
  const partyName = new Map(input.parties.map((p) => [p.id, p.name]));
  const usedThemes = new Set(released.map((c) => c.themeCode).filter((x) => x !== null));
  const themes = input.themes
    .filter((t) => usedThemes.has(t.code))
    .map((t) => ({ code: t.code, name: t.name }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const commitments: PublicCommitment[] = parts.commitments
    ? released.map((c) => {
        const mine = sorted.get(c.id) ?? [];
        const level = levelsAt(mine, [today])[0] ?? 0;
        const since = mine.filter((f) => f.effectiveOn <= today).at(-1);
        return {
          ref: c.externalId,
          wording: c.wording,
          provisionType: c.provisionType,
          themeCode: c.themeCode,
          responsible: c.responsiblePartyIds.map((p) => partyName.get(p) ?? '?'),
          startsOn: c.startsOn,
          deadline: c.deadline,
          recurrence: c.recurrence,
          level,
          levelSince: since && level > 0 ? since.effectiveOn : null,
          overdue: isOverdue(c, level, today),
        };
      })
    : [];
  let progress: PublicPicture['progress'] = null;
  if (parts.progress) {
    const first = released.reduce((m, c) => (c.startsOn < m ? c.startsOn : m), today);
    const months = monthsBetween(first.slice(0, 7), today.slice(0, 7)).slice(-publicMonths);
    const rolled = monthlyRollup({
      commitments: released.map((c) => ({
        id: c.id,
        weight: c.weight,
        groups: [c.themeCode ?? '-'],
      })),
      facts,
      months,
    });
    const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
    progress = {
      commitments: released.length,
      overall: rolled.overall,
      byTheme: [...rolled.groups]
        .map(([key, m]) => ({ key, months: m }))
        .sort((a, b) => (a.key < b.key ? -1 : 1)),
      matrix: typeYearMatrix({ commitments: released, facts, years }),
    };
  }
  return {
    title: input.title,
    releasedAt: input.releasedAt,
    asOf: today,
    parts: {
      themes: parts.themes === null ? null : [...parts.themes].sort(),
      commitments: parts.commitments,
      progress: parts.progress,
    },
    themes,
    commitments,
    progress,
  };
}

/** A released picture: where the public finds it and what it shows. */
export interface Publication {
  /** The process. */
  processId: string;
  /** The process's public compartment, where the picture lives once released. */
  compartmentId: string;
  /** The unguessable part of the page's address (128 random bits, URL-safe). */
  slug: string;
  /** What was released, as built on release. */
  picture: PublicPicture;
  /** Who released it. */
  releasedBy: string;
}
