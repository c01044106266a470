/**
 * # Decision support (C6, C7): the engine
 *
 * Pure code: no I/O, no clock, no randomness. The same input gives the same output, bit for bit.
 *
 * ## Preferences and scale
 *
 * Each party states, privately, a weight per issue (any non-negative numbers, e.g. 100 points split
 * across issues; normalised to sum 1), a score 0–100 per option, and a reservation level — the
 * utility it gets without agreement, on the same 0–100 scale as utilities. A package (one option
 * per issue) is worth Σ_i w_i · s_i to a party. Each per-issue contribution w_i · s_i is rounded
 * once to a micro-point (10⁻⁶); all later arithmetic is exact, so no result depends on the order
 * of a summation. A gain is a utility minus the reservation level; a package is individually
 * rational when every party's gain is ≥ 0.
 *
 * The easier way in (`elicitation.ts`): options ranked best to worst score 100·(n−1−r)/(n−1) for
 * rank r = 0..n−1 (tied options share the mean of their positions' scores); issues ordered most
 * to least important get rank-order-centroid weights w_k = (1/n)·Σ_{j=k..n} 1/j, as points out
 * of 100 (ties share the mean). The resulting numbers are returned for the party to confirm.
 *
 * ## Pareto frontier (`frontier.ts`, `pareto-sum.ts`)
 *
 * The set of packages no other package beats for one party without hurting another, computed by
 * the Pareto-sum merge: issue by issue, the frontier so far plus each undominated option of the
 * next issue, pruned of dominated points — exact because utilities are additive. Two parties: a
 * sorted m-way merge and a linear sweep. Three or more: a k-d tree dominance filter. Exact by
 * default while it has at most `maxPoints` (100,000) points. Otherwise, or on request, an
 * ε-approximation: ε is a fraction of the 0–100 scale (0.01 = one utility point), and for every
 * true frontier package some returned package gives every party at least its utility minus
 * 100·ε points. Each kept point carries the error it may owe, so the guarantee holds over all the
 * merges together; when a set would outgrow the cap the merge coarsens ε in flight, and the result
 * states the ε it guarantees (`epsilon`) next to the one requested (`requestedEpsilon`). For three
 * or more parties an ε-run merges the issues by increasing spread and absorbs each dropped point
 * into the kept point whose error grows least (`epsilon-cover.ts`), which keeps the sets small.
 *
 * ## Solutions (`solutions.ts`, `objectives.ts`)
 *
 * - Nash bargaining: the individually rational package with the largest product of gains (in
 *   points), over the parties that can gain at all (a party whose best individually rational
 *   outcome equals its reservation level gets exactly that in every such package and is left out
 *   of the product, which would otherwise be 0 everywhere).
 * - Kalai–Smorodinsky (classic): the largest t such that every party gets at least
 *   r + t·(I − r), where I is the party's ideal level — its highest utility over the individually
 *   rational packages. Over discrete packages: maximise the smallest normalised gain
 *   (u − r)/(I − r); then the product of normalised gains. (Not GENIUS's "minimal utility
 *   difference", nor NegMAS's egalitarian `kalai_points`.)
 * - Egalitarian: the individually rational package that maximises the smallest gain, over the
 *   parties that can gain at all (as for Nash and Kalai–Smorodinsky: a party that cannot gets its
 *   reservation level in every such package, and its gain of 0 would be the least everywhere).
 * - Maximal total welfare: the package with the largest sum of utilities (decomposes per issue:
 *   the best option of each issue); flagged when it is not individually rational.
 * When no package is individually rational, Nash, Kalai–Smorodinsky and egalitarian report
 * `{ found: false, reason: 'no-individually-rational-package' }`.
 * Method: maximal welfare issue by issue; two parties by scanning the exact frontier; three or
 * more by exact branch-and-bound with per-issue bounds (dual relaxations that decompose per issue).
 *
 * ## Improvements on a tabled proposal (`improvements.ts`)
 *
 * Packages that give every party at least its baseline and someone more, Pareto-efficient ones
 * only, ranked by the smallest gain over the baseline (max-min, SmartSettle's form). The baseline of
 * a complete proposal is its utility; of a partial one, what it guarantees: the specified issues
 * plus each party's worst option on every open issue. Improvements may change any issue. A complete
 * proposal is efficient exactly when it has no improvement; for a partial one `efficient` is null.
 *
 * ## Tie-breaking (everywhere)
 *
 * Solutions and improvements are ranked by their criterion, then by the listed secondary criteria,
 * then by total utility (higher first), then by package — option indices in issue order, the
 * lexicographically smallest first. Criteria are compared exactly, for any number of parties: a
 * product of gains or a Kalai–Smorodinsky level that floating point cannot resolve is compared in
 * exact integer arithmetic (`objectives.ts`), so a tie is a true tie and the answer does not depend
 * on the order in which the parties are listed. Among packages with identical utility vectors the exact
 * frontier keeps the lexicographically smallest; an ε-frontier keeps one representative per
 * retained point (deterministic, not necessarily the smallest). Frontier points are listed by the
 * first party's utility descending, then the second's, and so on.
 *
 * ## Movement and stalling (`movement.ts`)
 *
 * Concessions per party per round: in the party's own utility when the viewer may use its ratings,
 * otherwise the mean fraction of each issue's scale by which it moved towards the other parties'
 * previous positions. A stall: a party that has not moved for N rounds (configurable) while another
 * conceded. The negotiation dance: every position in the parties' utility space.
 *
 * ## Disclosure (`disclosure.ts`)
 *
 * The threat model and the rules are at the top of `disclosure.ts`. `viewFor(result, viewer)` is
 * the only way an engine result leaves the core: for the mediator team, run on the ratings of the
 * parties that shared only; for a publication, stored with a suggestion set and cut per reader. A
 * party's own analysis (`ownView`) is computed from its own ratings, never by the engine; anything
 * derived from another party's ratings reaches it only in a published suggestion set.
 *
 * ## Input format (`input.ts`)
 *
 * `parseAnalysisInput(json)` validates the JSON of `parley analyze FILE.json` (format documented
 * there) and lists every problem in one DomainError('RULE_VIOLATION').
 */
export {
  compileDomain,
  comparePackages,
  MAX_SCORE,
  packageIds,
  packageUtilities,
  proposalIndices,
  toPoints,
  toUnits,
  UNITS_PER_POINT,
  validateDomain,
  type CompiledDomain,
  type Domain,
  type Issue,
  type IssueOption,
  type Package,
  type PartyPreferences,
  type ProposalByIds,
} from './domain.js';
export {
  preferencesFromRankings,
  scoresFromRanking,
  weightsFromOrder,
  type RankedPreferences,
  type Ranking,
} from './elicitation.js';
export { parseAnalysisInput, type AnalysisInput } from './input.js';
export {
  DEFAULT_MAX_FRONTIER_POINTS,
  FALLBACK_EPSILON,
  frontierOf,
  paretoFrontier,
  type Frontier,
  type FrontierOptions,
} from './frontier.js';
export type { SolutionKind } from './objectives.js';
export {
  maxWelfare,
  solve,
  solveCompiled,
  type Solution,
  type SolutionOutcome,
  type Solutions,
  type SolveOptions,
} from './solutions.js';
export {
  analyzeProposal,
  analyzeProposalCompiled,
  baselineUnits,
  type Improvement,
  type ImprovementOptions,
  type ProposalAnalysis,
} from './improvements.js';
export {
  analyze,
  analyzeCompiled,
  DEFAULT_IMPROVEMENTS,
  type AnalysisResult,
  type AnalyzeOptions,
} from './analyze.js';
export {
  movement,
  negotiationDance,
  type ConcessionMeasure,
  type DancePoint,
  type MovementInput,
  type MovementReport,
  type PartyMovement,
  type RoundProposals,
  type StallSignal,
} from './movement.js';
export {
  ownUtility,
  ownView,
  viewFor,
  type AnalysisView,
  type OwnRatings,
  type PublicationView,
  type PublishedPackage,
  type MediatorImprovementView,
  type MediatorSolutionView,
  type MediatorView,
  type PackageView,
  type PartyNumbers,
  type PartyView,
  type SuggestionLabel,
  type Viewer,
} from './disclosure.js';
