/**
 * The input model of the decision-support engine: issues with options, and each party's private
 * preferences over them (issue weights, option scores, reservation level), plus the compiled,
 * integer form that the algorithms work on.
 *
 * Scale: a party's utility of a complete package is Σ_i w_i · s_i, where the weights w_i are the
 * party's issue weights normalised to sum 1 and s_i ∈ [0, 100] is its score of the chosen option of
 * issue i. Utilities, reservation levels and gains are therefore all on the same 0–100 scale
 * ("utility points").
 *
 * Fixed point: each per-issue contribution w_i · s_i is rounded once to an integer number of
 * micro-points (10⁻⁶ of a utility point) when the domain is compiled; every later sum is exact
 * integer arithmetic. That makes the results independent of summation order (no floating ties
 * that depend on the algorithm), and it is far below any precision a party can state.
 */
import { DomainError } from '../shared/errors.js';

/** Micro-points per utility point: the resolution of the engine's fixed-point utilities. */
export const UNITS_PER_POINT = 1_000_000;

/** The top of the score and utility scale. */
export const MAX_SCORE = 100;

/** One option of an issue, as tabled on the agenda. */
export interface IssueOption {
  /** Stable key of the option, unique within its issue. */
  readonly id: string;
  /** Human-readable wording, for display only. */
  readonly label?: string;
}

/** An agenda issue and the options on the table for it. */
export interface Issue {
  /** Stable key of the issue, unique within the domain. */
  readonly id: string;
  /** Human-readable wording, for display only. */
  readonly label?: string;
  /** The options, in agenda order; the engine refers to them by index in this list. */
  readonly options: readonly IssueOption[];
  /**
   * Whether the options are listed along a scale (e.g. 0 %, 10 %, 20 %), so that index distance
   * means "how far apart"; defaults to true. Used only by the movement measure.
   */
  readonly ordered?: boolean;
}

/** One party's private, additive preferences. */
export interface PartyPreferences {
  /** Stable key of the party, unique within the domain. */
  readonly id: string;
  /** Non-negative importance per issue id (e.g. 100 points split across issues); normalised to sum 1. */
  readonly weights: Readonly<Record<string, number>>;
  /** Score 0–100 per issue id and option id: how good that option is for the party. */
  readonly scores: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Utility (0–100, same scale as package utilities) the party gets without agreement. */
  readonly reservation: number;
}

/** The analysed negotiation: the agenda and every party's preferences over it. */
export interface Domain {
  /** The issues, in agenda order; packages list one option per issue in this order. */
  readonly issues: readonly Issue[];
  /** The parties, in a fixed order; every utility vector lists parties in this order. */
  readonly parties: readonly PartyPreferences[];
}

/**
 * A complete package: the index (into `issue.options`) of the option chosen for each issue, in
 * the domain's issue order.
 */
export type Package = readonly number[];

/** A possibly partial package by ids: issue id → option id; issues left out are still open. */
export type ProposalByIds = Readonly<Record<string, string>>;

/** The engine's integer form of a validated domain. */
export interface CompiledDomain {
  /** The validated domain it was compiled from. */
  readonly domain: Domain;
  /** Number of parties (the dimension of every utility vector). */
  readonly partyCount: number;
  /** Number of issues. */
  readonly issueCount: number;
  /** Number of options of each issue. */
  readonly optionCounts: readonly number[];
  /**
   * Per issue, the contribution of each option to each party's utility in micro-points, laid out
   * option-major: `contributions[i][o * partyCount + p]`.
   */
  readonly contributions: readonly Float64Array[];
  /** Each party's reservation level in micro-points. */
  readonly reservation: Float64Array;
}

/** Raises the one error every invalid analysis input gets, listing every problem at once. */
export function ruleViolation(problems: readonly string[]): DomainError {
  const head =
    problems.length === 1
      ? 'The analysis input has 1 problem'
      : `The analysis input has ${problems.length} problems`;
  return new DomainError('RULE_VIOLATION', `${head}: ${problems.join('; ')}`, {
    problems: [...problems],
  });
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Lists every problem of a domain (empty when valid); shared by `validateDomain` and the JSON parser. */
export function domainProblems(domain: Domain): string[] {
  const problems: string[] = [];
  if (domain.issues.length === 0) problems.push('there must be at least one issue');
  if (domain.parties.length < 2) problems.push('there must be at least two parties');
  const issueIds = new Set<string>();
  for (const [i, issue] of domain.issues.entries()) {
    const where = `issue ${i + 1} ("${issue.id}")`;
    if (issue.id.length === 0) problems.push(`issue ${i + 1} has an empty id`);
    if (issueIds.has(issue.id)) problems.push(`${where} repeats an issue id`);
    issueIds.add(issue.id);
    if (issue.options.length === 0) problems.push(`${where} has no options`);
    const optionIds = new Set<string>();
    for (const [o, option] of issue.options.entries()) {
      if (option.id.length === 0) problems.push(`${where}: option ${o + 1} has an empty id`);
      if (optionIds.has(option.id)) problems.push(`${where} repeats option id "${option.id}"`);
      optionIds.add(option.id);
    }
  }
  const partyIds = new Set<string>();
  for (const [p, party] of domain.parties.entries()) {
    const who = `party ${p + 1} ("${party.id}")`;
    if (party.id.length === 0) problems.push(`party ${p + 1} has an empty id`);
    if (partyIds.has(party.id)) problems.push(`${who} repeats a party id`);
    partyIds.add(party.id);
    let total = 0;
    for (const issue of domain.issues) {
      const w = party.weights[issue.id];
      if (w === undefined) problems.push(`${who} gives no weight for issue "${issue.id}"`);
      else if (!isFiniteNumber(w) || w < 0)
        problems.push(`${who}: the weight of issue "${issue.id}" must be a non-negative number`);
      else total += w;
      const scores = party.scores[issue.id];
      if (scores === undefined) {
        problems.push(`${who} gives no scores for issue "${issue.id}"`);
        continue;
      }
      for (const option of issue.options) {
        const s = scores[option.id];
        if (s === undefined)
          problems.push(`${who} gives no score for option "${option.id}" of issue "${issue.id}"`);
        else if (!isFiniteNumber(s) || s < 0 || s > MAX_SCORE)
          problems.push(
            `${who}: the score of option "${option.id}" of issue "${issue.id}" must be a number from 0 to 100`,
          );
      }
      for (const optionId of Object.keys(scores)) {
        if (!issue.options.some((o) => o.id === optionId))
          problems.push(`${who} scores an unknown option "${optionId}" of issue "${issue.id}"`);
      }
    }
    for (const issueId of Object.keys(party.weights)) {
      if (!issueIds.has(issueId)) problems.push(`${who} weighs an unknown issue "${issueId}"`);
    }
    for (const issueId of Object.keys(party.scores)) {
      if (!issueIds.has(issueId)) problems.push(`${who} scores an unknown issue "${issueId}"`);
    }
    if (total <= 0 && domain.issues.length > 0)
      problems.push(`${who}: the issue weights must not all be zero`);
    if (
      !isFiniteNumber(party.reservation) ||
      party.reservation < 0 ||
      party.reservation > MAX_SCORE
    )
      problems.push(`${who}: the reservation level must be a number from 0 to 100`);
  }
  return problems;
}

/** Checks a domain and returns it unchanged, or throws DomainError('RULE_VIOLATION') listing every problem. */
export function validateDomain(domain: Domain): Domain {
  const problems = domainProblems(domain);
  if (problems.length > 0) throw ruleViolation(problems);
  return domain;
}

/** Converts utility points to the engine's integer micro-points (rounded to nearest). */
export function toUnits(points: number): number {
  return Math.round(points * UNITS_PER_POINT);
}

/** Converts the engine's integer micro-points back to utility points. */
export function toPoints(units: number): number {
  return units / UNITS_PER_POINT;
}

/**
 * Validates a domain and compiles it to integer per-issue contributions (see the module comment
 * for the fixed-point rule). Throws DomainError('RULE_VIOLATION') when the domain is invalid.
 */
export function compileDomain(domain: Domain): CompiledDomain {
  validateDomain(domain);
  const d = domain.parties.length;
  const contributions: Float64Array[] = [];
  const totals = domain.parties.map((party) =>
    domain.issues.reduce((sum, issue) => sum + (party.weights[issue.id] ?? 0), 0),
  );
  for (const issue of domain.issues) {
    const m = issue.options.length;
    const c = new Float64Array(m * d);
    for (const [p, party] of domain.parties.entries()) {
      const w = party.weights[issue.id] ?? 0;
      const total = totals[p] ?? 1;
      const scores = party.scores[issue.id] ?? {};
      for (const [o, option] of issue.options.entries()) {
        const s = scores[option.id] ?? 0;
        c[o * d + p] = Math.round(((w * s) / total) * UNITS_PER_POINT);
      }
    }
    contributions.push(c);
  }
  const reservation = new Float64Array(d);
  for (const [p, party] of domain.parties.entries()) reservation[p] = toUnits(party.reservation);
  return {
    domain,
    partyCount: d,
    issueCount: domain.issues.length,
    optionCounts: domain.issues.map((i) => i.options.length),
    contributions,
    reservation,
  };
}

/** Each party's utility of a complete package, in micro-points (party order of the domain). */
export function packageUnits(compiled: CompiledDomain, pkg: Package): Float64Array {
  const d = compiled.partyCount;
  const u = new Float64Array(d);
  for (let i = 0; i < compiled.issueCount; i++) {
    const o = pkg[i];
    const c = compiled.contributions[i];
    if (o === undefined || c === undefined || o < 0 || o >= (compiled.optionCounts[i] ?? 0))
      throw ruleViolation([`the package has no valid option for issue ${i + 1}`]);
    for (let p = 0; p < d; p++) u[p] = (u[p] ?? 0) + (c[o * d + p] ?? 0);
  }
  return u;
}

/** Each party's utility of a complete package, in utility points (0–100). */
export function packageUtilities(compiled: CompiledDomain, pkg: Package): number[] {
  return Array.from(packageUnits(compiled, pkg), toPoints);
}

/**
 * Converts a (possibly partial) proposal by ids to option indices, -1 for an open issue; throws
 * DomainError('RULE_VIOLATION') naming every unknown issue or option.
 */
export function proposalIndices(domain: Domain, proposal: ProposalByIds): number[] {
  const problems: string[] = [];
  for (const issueId of Object.keys(proposal)) {
    if (!domain.issues.some((i) => i.id === issueId))
      problems.push(`the proposal names an unknown issue "${issueId}"`);
  }
  const indices = domain.issues.map((issue) => {
    const optionId = proposal[issue.id];
    if (optionId === undefined) return -1;
    const o = issue.options.findIndex((opt) => opt.id === optionId);
    if (o < 0)
      problems.push(`the proposal names an unknown option "${optionId}" of issue "${issue.id}"`);
    return o;
  });
  if (problems.length > 0) throw ruleViolation(problems);
  return indices;
}

/** Converts a complete package of option indices to issue id → option id, for display and the wire. */
export function packageIds(domain: Domain, pkg: Package): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [i, issue] of domain.issues.entries()) {
    const o = pkg[i];
    const option = o === undefined ? undefined : issue.options[o];
    if (option !== undefined) out[issue.id] = option.id;
  }
  return out;
}

/** Compares two packages lexicographically on option indices in issue order: the engine's final tie-break. */
export function comparePackages(a: Package, b: Package): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}
