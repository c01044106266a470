/**
 * The easier way in: people who do not think in numbers rank the options of each issue and put
 * the issues in order of importance; these rules turn that into scores and weights, which are
 * shown back to the party for confirmation and adjustment before they are used.
 *
 * - Options ranked best to worst, r = 0 for the best of n options: score = 100 · (n − 1 − r) / (n − 1)
 *   (best 100, worst 0, evenly spaced; a lone option scores 100). Options tied in the ranking
 *   share the mean of the scores of the positions they occupy.
 * - Issues ordered most to least important: rank-order-centroid weights, w_k = (1/n) Σ_{j=k..n} 1/j
 *   for position k = 1..n, expressed as points out of 100. Tied issues share the mean weight of the
 *   positions they occupy. ROC is the standard choice of the decision-analysis literature for turning
 *   a ranking into weights (Barron & Barrett 1996): it is the centroid of all weight vectors
 *   consistent with the ranking.
 */
import { ruleViolation, type Domain, type PartyPreferences } from './domain.js';

/** A ranking, best or most important first; an inner array lists entries tied at one position. */
export type Ranking = readonly (string | readonly string[])[];

function groups(ranking: Ranking): string[][] {
  return ranking.map((entry) => (typeof entry === 'string' ? [entry] : [...entry]));
}

function checkRanking(ranking: Ranking, expected: readonly string[], what: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const id of groups(ranking).flat()) {
    if (seen.has(id)) problems.push(`${what} lists "${id}" twice`);
    seen.add(id);
    if (!expected.includes(id)) problems.push(`${what} lists an unknown "${id}"`);
  }
  for (const id of expected) {
    if (!seen.has(id)) problems.push(`${what} leaves out "${id}"`);
  }
  return problems;
}

/** Assigns each id the mean of the per-position values of the positions its tie group occupies. */
function spread(ranking: Ranking, valueAt: (position: number) => number): Record<string, number> {
  const out: Record<string, number> = {};
  let position = 0;
  for (const group of groups(ranking)) {
    let sum = 0;
    for (let k = 0; k < group.length; k++) sum += valueAt(position + k);
    for (const id of group) out[id] = sum / group.length;
    position += group.length;
  }
  return out;
}

/**
 * Scores (0–100) from a best-to-worst ranking of an issue's options, by the rule in the module
 * comment. Throws DomainError('RULE_VIOLATION') unless the ranking lists each of `optionIds` once.
 */
export function scoresFromRanking(
  ranking: Ranking,
  optionIds: readonly string[],
): Record<string, number> {
  const problems = checkRanking(ranking, optionIds, 'the option ranking');
  if (problems.length > 0) throw ruleViolation(problems);
  const n = optionIds.length;
  return spread(ranking, (r) => (n <= 1 ? 100 : (100 * (n - 1 - r)) / (n - 1)));
}

/**
 * Weights (points summing to 100) from issues ordered most to least important, by rank-order
 * centroid. Throws DomainError('RULE_VIOLATION') unless the order lists each of `issueIds` once.
 */
export function weightsFromOrder(
  order: Ranking,
  issueIds: readonly string[],
): Record<string, number> {
  const problems = checkRanking(order, issueIds, 'the issue order');
  if (problems.length > 0) throw ruleViolation(problems);
  const n = issueIds.length;
  const roc = (k: number): number => {
    let s = 0;
    for (let j = k + 1; j <= n; j++) s += 1 / j;
    return (100 * s) / n;
  };
  return spread(order, roc);
}

/** A party's preferences stated qualitatively: the easier way in. */
export interface RankedPreferences {
  /** The party's id. */
  readonly id: string;
  /** Issue ids, most important first (ties allowed as inner arrays). */
  readonly issueOrder: Ranking;
  /** Per issue id, its option ids best first (ties allowed as inner arrays). */
  readonly optionRankings: Readonly<Record<string, Ranking>>;
  /** Reservation level on the 0–100 utility scale. */
  readonly reservation: number;
}

/**
 * Converts a qualitative statement to numeric preferences, to be shown to the party for
 * confirmation. Throws DomainError('RULE_VIOLATION') listing every problem.
 */
export function preferencesFromRankings(
  issues: Domain['issues'],
  ranked: RankedPreferences,
): PartyPreferences {
  const issueIds = issues.map((i) => i.id);
  const problems = checkRanking(
    ranked.issueOrder,
    issueIds,
    `the issue order of party "${ranked.id}"`,
  );
  for (const issue of issues) {
    const ranking = ranked.optionRankings[issue.id];
    if (ranking === undefined)
      problems.push(`party "${ranked.id}" gives no option ranking for issue "${issue.id}"`);
    else
      problems.push(
        ...checkRanking(
          ranking,
          issue.options.map((o) => o.id),
          `the option ranking of party "${ranked.id}" for issue "${issue.id}"`,
        ),
      );
  }
  for (const issueId of Object.keys(ranked.optionRankings)) {
    if (!issueIds.includes(issueId))
      problems.push(`party "${ranked.id}" ranks options of an unknown issue "${issueId}"`);
  }
  if (problems.length > 0) throw ruleViolation(problems);
  const scores: Record<string, Record<string, number>> = {};
  for (const issue of issues) {
    scores[issue.id] = scoresFromRanking(
      ranked.optionRankings[issue.id] ?? [],
      issue.options.map((o) => o.id),
    );
  }
  return {
    id: ranked.id,
    weights: weightsFromOrder(ranked.issueOrder, issueIds),
    scores,
    reservation: ranked.reservation,
  };
}
