/**
 * Movement over time (C7): each party's concessions round by round, the negotiation dance, and a
 * stalling signal. Pure functions over the record of proposals.
 *
 * Position. A party's position in round t is its latest proposal at or before t (a round without a
 * new proposal leaves the position where it was, which counts as not moving).
 *
 * Concession of party P in round t ≥ 1, from its position in t−1 to its position in t:
 * - in P's own utility when the viewer knows P's ratings: u_P(before) − u_P(after), in utility
 *   points, over the issues specified in both positions (positive = P gave something up);
 * - otherwise by distance: for every issue specified in both positions and every other party Q
 *   whose position in t−1 specifies it, how much closer P moved to Q's option, as a fraction of the
 *   issue's scale — |index difference| / (options − 1) for an ordered issue, 0 or 1 (same or
 *   different option) for an unordered one — averaged over those (issue, Q) pairs. The result lies
 *   in [−1, 1]: 1 means P jumped all the way to the others' positions, negative means it moved
 *   away. It assumes the agenda lists an ordered issue's options along its scale.
 * The concession is null when P has no position in t−1 or no issue to compare.
 *
 * Stalling: party P has stalled at round t when, in each of the last N rounds (t−N+1..t), its
 * concession was at most the tolerance (no movement, or a retreat), while some other party
 * conceded more than the tolerance in at least one of them. N is configurable (default 2).
 * Signals are reported as runs of consecutive rounds for the same party.
 */
import { DomainError } from '../shared/errors.js';
import type { CompiledDomain, Issue, PartyPreferences, ProposalByIds } from './domain.js';
import { baselineUnits } from './improvements.js';
import { toPoints } from './domain.js';

/** The proposals tabled in one round: party id → its proposal (issues left out are unspecified). */
export type RoundProposals = Readonly<Record<string, ProposalByIds | undefined>>;

/** Input of `movement`. */
export interface MovementInput {
  /** The agenda: issues with their options in order. */
  readonly issues: readonly Issue[];
  /** The parties to report on, in order. */
  readonly parties: readonly string[];
  /** The rounds, oldest first. */
  readonly rounds: readonly RoundProposals[];
  /** The ratings the viewer may use (a party's concessions are in its own utility when present). */
  readonly ratings?: readonly PartyPreferences[];
  /** How many consecutive rounds without movement make a stall (default 2). */
  readonly stallRounds?: number;
  /** Movement at or below this counts as none (default 1e-9; points or fraction, per measure). */
  readonly tolerance?: number;
}

/** How a party's concessions are measured. */
export type ConcessionMeasure = 'utility' | 'distance';

/** One party's movement over the rounds. */
export interface PartyMovement {
  /** The party. */
  readonly party: string;
  /** The measure used for it. */
  readonly measure: ConcessionMeasure;
  /** Concession per round, index t = round t (index 0 is always null: there is no earlier round). */
  readonly concessions: readonly (number | null)[];
  /** The sum of its non-null concessions. */
  readonly total: number;
}

/** A stall: `party` did not move in the N rounds up to each of `fromRound`..`toRound` while others conceded. */
export interface StallSignal {
  /** The stalled party. */
  readonly party: string;
  /** First round (0-based) at which the stall was signalled. */
  readonly fromRound: number;
  /** Last consecutive round at which it was still signalled. */
  readonly toRound: number;
  /** Parties that conceded during the stalled windows. */
  readonly conceders: readonly string[];
}

/** The movement report. */
export interface MovementReport {
  /** Per party, in input order. */
  readonly parties: readonly PartyMovement[];
  /** Stall signals, by party order then round. */
  readonly stalls: readonly StallSignal[];
  /** Parties stalled at the last round. */
  readonly stalledNow: readonly string[];
}

type Position = Map<string, string>;

function positions(input: MovementInput, party: string): (Position | null)[] {
  const out: (Position | null)[] = [];
  let current: Position | null = null;
  for (const round of input.rounds) {
    const proposal = round[party];
    if (proposal !== undefined) current = new Map(Object.entries(proposal));
    out.push(current);
  }
  return out;
}

function optionIndex(issue: Issue, id: string | undefined): number {
  return id === undefined ? -1 : issue.options.findIndex((o) => o.id === id);
}

function utilityConcession(
  prefs: PartyPreferences,
  issues: readonly Issue[],
  before: Position,
  after: Position,
): number | null {
  let total = 0;
  for (const issue of issues) total += prefs.weights[issue.id] ?? 0;
  let change = 0;
  let compared = 0;
  for (const issue of issues) {
    const a = before.get(issue.id);
    const b = after.get(issue.id);
    if (a === undefined || b === undefined) continue;
    const w = total > 0 ? (prefs.weights[issue.id] ?? 0) / total : 0;
    const scores = prefs.scores[issue.id] ?? {};
    change += w * ((scores[a] ?? 0) - (scores[b] ?? 0));
    compared++;
  }
  return compared === 0 ? null : change;
}

function distance(issue: Issue, a: number, b: number): number {
  if (issue.ordered === false || issue.options.length <= 1) return a === b ? 0 : 1;
  return Math.abs(a - b) / (issue.options.length - 1);
}

function distanceConcession(
  issues: readonly Issue[],
  before: Position,
  after: Position,
  others: readonly Position[],
): number | null {
  let sum = 0;
  let pairs = 0;
  for (const issue of issues) {
    const a = optionIndex(issue, before.get(issue.id));
    const b = optionIndex(issue, after.get(issue.id));
    if (a < 0 || b < 0) continue;
    for (const other of others) {
      const q = optionIndex(issue, other.get(issue.id));
      if (q < 0) continue;
      sum += distance(issue, a, q) - distance(issue, b, q);
      pairs++;
    }
  }
  return pairs === 0 ? null : sum / pairs;
}

/** Computes concessions and stall signals (definitions in the module comment). */
export function movement(input: MovementInput): MovementReport {
  const n = input.stallRounds ?? 2;
  if (!Number.isInteger(n) || n < 1)
    throw new DomainError(
      'RULE_VIOLATION',
      'the number of stalled rounds must be a positive integer',
    );
  const tolerance = input.tolerance ?? 1e-9;
  const pos = new Map(input.parties.map((p) => [p, positions(input, p)]));
  const ratings = new Map((input.ratings ?? []).map((r) => [r.id, r]));
  const reports: PartyMovement[] = input.parties.map((party) => {
    const own = pos.get(party) ?? [];
    const prefs = ratings.get(party);
    const concessions = input.rounds.map((_, t): number | null => {
      const before = t > 0 ? own[t - 1] : null;
      const after = own[t];
      if (before === null || before === undefined || after === null || after === undefined)
        return null;
      if (prefs !== undefined) return utilityConcession(prefs, input.issues, before, after);
      const others = input.parties
        .filter((q) => q !== party)
        .map((q) => pos.get(q)?.[t - 1])
        .filter((p): p is Position => p !== null && p !== undefined);
      return distanceConcession(input.issues, before, after, others);
    });
    return {
      party,
      measure: prefs !== undefined ? 'utility' : 'distance',
      concessions,
      total: concessions.reduce<number>((s, c) => s + (c ?? 0), 0),
    };
  });

  const moved = (r: PartyMovement, t: number): boolean => (r.concessions[t] ?? 0) > tolerance;
  const still = (r: PartyMovement, t: number): boolean => {
    const c = r.concessions[t];
    return c !== null && c !== undefined && c <= tolerance;
  };
  const stalls: StallSignal[] = [];
  const stalledNow: string[] = [];
  const last = input.rounds.length - 1;
  for (const r of reports) {
    let open: { fromRound: number; toRound: number; conceders: Set<string> } | null = null;
    for (let t = n; t <= last; t++) {
      let stalled = true;
      for (let s = t - n + 1; s <= t && stalled; s++) stalled = still(r, s);
      const conceders = new Set<string>();
      if (stalled) {
        for (const other of reports) {
          if (other.party === r.party) continue;
          for (let s = t - n + 1; s <= t; s++) if (moved(other, s)) conceders.add(other.party);
        }
      }
      if (stalled && conceders.size > 0) {
        if (open !== null && open.toRound === t - 1) {
          open.toRound = t;
          for (const c of conceders) open.conceders.add(c);
        } else {
          if (open !== null) stalls.push(closeRun(r.party, open, input.parties));
          open = { fromRound: t, toRound: t, conceders };
        }
        if (t === last) stalledNow.push(r.party);
      }
    }
    if (open !== null) stalls.push(closeRun(r.party, open, input.parties));
  }
  return { parties: reports, stalls, stalledNow };
}

function closeRun(
  party: string,
  run: { fromRound: number; toRound: number; conceders: Set<string> },
  order: readonly string[],
): StallSignal {
  return {
    party,
    fromRound: run.fromRound,
    toRound: run.toRound,
    conceders: order.filter((p) => run.conceders.has(p)),
  };
}

/** One point of the negotiation dance: a party's position in a round, in the parties' utility space. */
export interface DancePoint {
  /** The proposing party. */
  readonly party: string;
  /** The round (0-based). */
  readonly round: number;
  /** Utilities (0–100) of the domain's parties, in domain party order. */
  readonly utilities: readonly number[];
  /** Whether the position specifies every issue (else open issues count at each party's worst option). */
  readonly complete: boolean;
}

/**
 * The negotiation dance: every party's position in every round, in the utility space of the
 * compiled domain's parties (compile it from the ratings the viewer may see; plot it over the
 * frontier of the same domain). Option ids that are not on the agenda count as unspecified.
 */
export function negotiationDance(
  compiled: CompiledDomain,
  rounds: readonly RoundProposals[],
  proposers: readonly string[],
): DancePoint[] {
  const issues = compiled.domain.issues;
  const out: DancePoint[] = [];
  for (const party of proposers) {
    let current: ProposalByIds | null = null;
    rounds.forEach((round, t) => {
      const proposal = round[party];
      if (proposal !== undefined) current = proposal;
      if (current === null) return;
      const chosen: ProposalByIds = current;
      const indices = issues.map((issue) => optionIndex(issue, chosen[issue.id]));
      out.push({
        party,
        round: t,
        utilities: Array.from(baselineUnits(compiled, indices), toPoints),
        complete: indices.every((o) => o >= 0),
      });
    });
  }
  return out;
}
