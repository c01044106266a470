/**
 * Suggestion sets: the one way anything computed from another party's ratings reaches a party
 * (threat model: disclosure.ts). A set is published by the mediator team from every party's
 * current submission, numbered per process and never changed; it keeps, per party, which
 * submission it used and that party's own utilities of its packages. How many sets may be
 * published is bounded per round; more need every party's consent.
 */
import type { PartyId, ProcessId, RoundId, SuggestionSetId, UserId } from '../shared/ids.js';
import type { SolutionKind } from './objectives.js';

/** How many sets a round allows unless every party consents to more. */
export const DEFAULT_SETS_PER_ROUND = 1;

/** A package of a set: issue id → option id, and which solution concepts chose it. */
export interface SuggestedPackage {
  /** Issue id → option id. */
  readonly package: Readonly<Record<string, string>>;
  /** The solution concepts that chose it (Nash, Kalai–Smorodinsky, egalitarian, max-welfare). */
  readonly labels: readonly SolutionKind[];
}

/** One party's part in a set: the submission used and its own numbers. */
export interface SuggestionInput {
  /** The party. */
  readonly partyId: PartyId;
  /** The number of its submission the set used. */
  readonly submissionNumber: number;
  /** Its own numbers, when the reader may have them (null otherwise). */
  readonly numbers: {
    /** Its reservation level in that submission. */
    readonly reservation: number;
    /** Its utility (0–100) of each package, in the set's order. */
    readonly utilities: readonly number[];
  } | null;
}

/** A published suggestion set. */
export interface SuggestionSet {
  /** Stable id. */
  readonly id: SuggestionSetId;
  /** The process. */
  readonly processId: ProcessId;
  /** 1, 2, 3 … per process. */
  readonly number: number;
  /** The round current at publication (null before the first round started). */
  readonly roundId: RoundId | null;
  /** The packages, in the order of the solution concepts. */
  readonly packages: readonly SuggestedPackage[];
  /** The parties' parts (only those the reader may see). */
  readonly inputs: readonly SuggestionInput[];
  /** When (ISO 8601). */
  readonly publishedAt: string;
  /** By whom. */
  readonly publishedBy: UserId;
}

/** A process's decision-support settings. */
export interface AnalysisSettings {
  /** At most this many sets per round without every party's consent. */
  readonly setsPerRound: number;
}

/**
 * The round a publication counts against: the highest-numbered round that has started (in
 * progress, in consultations or closed); null before any has.
 */
export function currentRoundOf<R extends { id: RoundId; number: number; status: string }>(
  rounds: readonly R[],
): R | null {
  const started = rounds.filter((r) => r.status !== 'planned');
  return started.reduce<R | null>((a, r) => (a === null || r.number > a.number ? r : a), null);
}

/** Why a publication is refused, or null when it may go ahead. */
export function publicationRefusal(input: {
  /** The bound. */
  readonly setsPerRound: number;
  /** Sets already published in the current round. */
  readonly publishedInRound: number;
  /** The parties at the table. */
  readonly parties: readonly string[];
  /** The parties that consented to this (the next) publication. */
  readonly consented: readonly string[];
}): string | null {
  if (input.publishedInRound < input.setsPerRound) return null;
  if (input.parties.length > 0 && input.parties.every((p) => input.consented.includes(p)))
    return null;
  return `This process allows ${input.setsPerRound} suggestion set${input.setsPerRound === 1 ? '' : 's'} per round, and this round has had ${input.publishedInRound}. Another needs every party's consent first.`;
}
