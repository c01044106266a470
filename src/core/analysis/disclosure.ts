/**
 * Disclosure: what each person may learn from the parties' private ratings. These rules are the
 * only way anything computed from ratings leaves the core for a person, so they live here and
 * nowhere else.
 *
 * ## Threat model
 *
 * Every member of a process may be an adversary of every party but its own: a delegate who wants
 * the other side's trade-offs, a mediator who wants the numbers of a party that has not shared
 * them. Each may call every route it is allowed to, as often as it likes, with inputs of its own
 * choice — its own party's ratings above all. Any function of another party's ratings that a
 * person can evaluate on inputs of their choosing is an oracle: re-save your own ratings, re-read
 * the suggestions, and the other party's ideal package and trade-offs come out one query at a time
 * (8 queries recovered an exact trade-off when a party's analysis was computed live). So:
 *
 * 1. **A party's draft is private and inert.** A party may change its draft ratings at will; the
 *    draft feeds nothing but the party's own view (its own utilities of tabled proposals, its own
 *    movement) and, once shared, the mediators' exploration.
 * 2. **Submissions are deliberate and frozen.** What a party submits is a numbered, immutable copy
 *    of its ratings (audited in its caucus). Nothing reads a draft on another party's behalf.
 * 3. **Suggestion sets are the one channel across parties.** Anything computed from another
 *    party's ratings reaches a party — and reaches the mediators for a party that has not shared —
 *    only in a suggestion set: an explicit, audited act of the mediator team that runs the engine
 *    on every party's latest submission and stores the packages it chose, numbered and never
 *    changed. Every party is told of each publication (when, by whom, which of its own
 *    submissions it used, never how often the others submitted), sees each package with its own
 *    utility only (from its own submission), and the packages in one order for everybody.
 *    Publications are counted and bounded per round (more only with every party's consent).
 * 4. **The mediators explore only what was shared with them.** The mediator team's free analysis
 *    (frontier, solutions, improvements) is computed from the ratings of the parties that shared
 *    them, and from nothing else — not for ordering, not for filtering, not for deciding whether
 *    the analysis can run. A party that has not shared is simply not in the engine's input.
 *
 * **What a publication reveals by nature.** The packages of a set are chosen using every party's
 * submission, so a party that compares them with its own numbers learns something about what the
 * others submitted: which packages maximise a joint criterion given its own submission. That is
 * the purpose of a suggestion, and it is bounded: one answer per publication, on frozen snapshots
 * that the mediators chose to publish, announced to every party, counted against a per-round
 * bound. A party cannot choose the inputs of a publication beyond its own submission, cannot
 * trigger one, and learns nothing between two publications however often it re-saves or
 * re-submits.
 *
 * **Why nothing else does.** No route runs the engine over another party's ratings for a party;
 * the party's own view is a function of its own draft and of proposals it may read. The mediators'
 * view is a function of shared ratings and readable proposals only. A published set is stored, so
 * reading it again returns the same bytes (no recomputation with newer inputs). The announcement
 * of a set carries its number and nothing derived from any party's ratings; a party's part of a
 * set (its submission number, its utilities) is shown to that party only, and to the mediators
 * only while that party shares its ratings (how many submissions each party made since the last
 * publication the mediators see by design: it is how they judge when to publish).
 *
 * ## The views
 *
 * Mediator team (`viewFor(result, { kind: 'mediator' })`, on a domain holding only the parties
 * that shared): every package the engine suggests (frontier, solutions, improvements), with the
 * utilities and gains of the parties that shared. Aggregate numbers (a Nash product, a least gain,
 * a total, the "individually rational" flag, ideal levels) are shown when every party analysed
 * shared; the use case removes them when a party at the table is left out.
 *
 * Publication (`viewFor(result, { kind: 'publication' })`): the solutions' packages, in the fixed
 * order of the solution concepts, each with every party's utility — stored with the set and cut
 * per reader by `suggestion-view` in the use cases; it never goes to a person as it is.
 *
 * Party P (`ownView`, no engine): P's reservation and P's utility of a tabled proposal, from P's
 * own draft. Nothing computed from another party's ratings.
 */
import type { AnalysisResult } from './analyze.js';
import { comparePackages, packageIds, type Domain, type Package } from './domain.js';
import type { SolutionKind } from './objectives.js';
import type { SolutionOutcome } from './solutions.js';

/** Who is looking. */
export type Viewer =
  | {
      /** The mediator team. */
      readonly kind: 'mediator';
      /** Ids of the parties that shared their ratings with the mediator team. */
      readonly sharedParties: readonly string[];
    }
  | {
      /** A suggestion set being published: every analysed party's utility of each package. */
      readonly kind: 'publication';
    };

/** A package by ids: issue id → option id. */
export type PackageView = Record<string, string>;

/** Numbers per visible party id. */
export type PartyNumbers = Record<string, number>;

/** A solution as the mediator team sees it. */
export interface MediatorSolutionView {
  /** Which concept. */
  readonly kind: SolutionKind;
  /** Whether a solution exists. */
  readonly found: boolean;
  /** The package, when found. */
  readonly package: PackageView | null;
  /** Utilities of the parties that shared. */
  readonly utilities: PartyNumbers;
  /** Gains over reservation of the parties that shared. */
  readonly gains: PartyNumbers;
  /** The optimised value; only when every party shared. */
  readonly value?: number;
  /** Whether every party reaches its reservation level; only when every party shared. */
  readonly individuallyRational?: boolean;
}

/** An improvement as the mediator team sees it. */
export interface MediatorImprovementView {
  /** The package. */
  readonly package: PackageView;
  /** Utilities of the parties that shared. */
  readonly utilities: PartyNumbers;
  /** Gains over the baseline of the parties that shared. */
  readonly gains: PartyNumbers;
  /** The least gain; only when every party shared. */
  readonly minGain?: number;
  /** The total gain; only when every party shared. */
  readonly totalGain?: number;
}

/** The mediator team's view of an analysis. */
export interface MediatorView {
  /** Discriminates the view. */
  readonly kind: 'mediator';
  /** Parties whose numbers appear in this view (those that shared). */
  readonly visibleParties: readonly string[];
  /** Whether every party shared (aggregate numbers are then included). */
  readonly complete: boolean;
  /** The frontier: packages, with the visible parties' utilities. */
  readonly frontier: {
    /** Whether it is exact. */
    readonly exact: boolean;
    /** Its guaranteed approximation (fraction of the 0–100 scale). */
    readonly epsilon: number;
    /** Its points. */
    readonly points: readonly { readonly package: PackageView; readonly utilities: PartyNumbers }[];
  };
  /** Ideal levels of the visible parties; only when every party shared. */
  readonly ideal?: PartyNumbers | null;
  /** The solutions. */
  readonly solutions: readonly MediatorSolutionView[];
  /** The tabled proposal, if any. */
  readonly proposal: {
    /** The proposal (open issues left out). */
    readonly package: PackageView;
    /** Visible parties' baselines. */
    readonly baseline: PartyNumbers;
    /** Whether it is efficient (null when partial). */
    readonly efficient: boolean | null;
    /** Improvements, in the engine's ranking. */
    readonly improvements: readonly MediatorImprovementView[];
  } | null;
}

/** How a suggestion came about, as a party may be told. */
export type SuggestionLabel = SolutionKind;

/** A package chosen for a suggestion set, with every analysed party's utility. */
export interface PublishedPackage {
  /** The package. */
  readonly package: PackageView;
  /** Which solution concepts chose it. */
  readonly labels: readonly SolutionKind[];
  /** Utility (0–100) per analysed party, in the order of `PublicationView.parties`. */
  readonly utilities: readonly number[];
}

/** What a publication stores: the packages and every party's own numbers. Never shown as is. */
export interface PublicationView {
  /** Discriminates the view. */
  readonly kind: 'publication';
  /** Party ids, in the order of every utility vector. */
  readonly parties: readonly string[];
  /** Each party's reservation level, same order. */
  readonly reservation: readonly number[];
  /** The packages, in the order of the solution concepts (Nash, K–S, egalitarian, max-welfare). */
  readonly packages: readonly PublishedPackage[];
}

/** A party's own analysis: computed from its own ratings only, never by the engine. */
export interface PartyView {
  /** Discriminates the view. */
  readonly kind: 'party';
  /** The viewing party. */
  readonly party: string;
  /** Its own reservation level. */
  readonly reservation: number;
  /** The tabled proposal with the party's own utility of it, if one was chosen. */
  readonly proposal: { readonly package: PackageView; readonly utility: number } | null;
}

/** What the engine hands back for one viewer. */
export type AnalysisView = MediatorView | PublicationView;

/** Cuts an analysis down to what `viewer` may see (rules in the module comment). */
export function viewFor(result: AnalysisResult, viewer: Viewer): AnalysisView {
  switch (viewer.kind) {
    case 'mediator':
      return mediatorView(result, viewer.sharedParties);
    case 'publication':
      return publicationView(result);
  }
}

function solutionList(result: AnalysisResult): SolutionOutcome[] {
  const s = result.solutions;
  return [s.nash, s.kalaiSmorodinsky, s.egalitarian, { found: true, ...s.maxWelfare }];
}

function proposalIds(domain: Domain, proposal: readonly number[]): PackageView {
  const out: PackageView = {};
  domain.issues.forEach((issue, i) => {
    const o = proposal[i] ?? -1;
    const option = o >= 0 ? issue.options[o] : undefined;
    if (option !== undefined) out[issue.id] = option.id;
  });
  return out;
}

function mediatorView(result: AnalysisResult, sharedParties: readonly string[]): MediatorView {
  const visible = result.parties
    .map((id, index) => ({ id, index }))
    .filter((p) => sharedParties.includes(p.id));
  const complete = visible.length === result.parties.length;
  const pick = (values: readonly number[]): PartyNumbers => {
    const out: PartyNumbers = {};
    for (const p of visible) out[p.id] = values[p.index] ?? 0;
    return out;
  };
  const { domain, frontier } = result;
  const points = Array.from({ length: frontier.size }, (_, i) => ({
    package: packageIds(domain, frontier.packageAt(i)),
    utilities: pick(frontier.utilitiesAt(i)),
  }));
  const solutions = solutionList(result).map((s): MediatorSolutionView => {
    if (!s.found) return { kind: s.kind, found: false, package: null, utilities: {}, gains: {} };
    return {
      kind: s.kind,
      found: true,
      package: packageIds(domain, s.package),
      utilities: pick(s.utilities),
      gains: pick(s.gains),
      ...(complete ? { value: s.value, individuallyRational: s.individuallyRational } : {}),
    };
  });
  const proposal = result.proposal;
  return {
    kind: 'mediator',
    visibleParties: visible.map((p) => p.id),
    complete,
    frontier: { exact: frontier.exact, epsilon: frontier.epsilon, points },
    ...(complete
      ? { ideal: result.solutions.ideal === null ? null : pick(result.solutions.ideal) }
      : {}),
    solutions,
    proposal:
      proposal === null
        ? null
        : {
            package: proposalIds(domain, proposal.proposal),
            baseline: pick(proposal.baseline),
            efficient: proposal.efficient,
            improvements: proposal.improvements.map((imp) => ({
              package: packageIds(domain, imp.package),
              utilities: pick(imp.utilities),
              gains: pick(imp.gains),
              ...(complete ? { minGain: imp.minGain, totalGain: imp.totalGain } : {}),
            })),
          },
  };
}

function publicationView(result: AnalysisResult): PublicationView {
  const packages: { pkg: Package; utilities: readonly number[]; labels: SolutionKind[] }[] = [];
  for (const sol of solutionList(result)) {
    if (!sol.found) continue;
    const same = packages.find((p) => comparePackages(p.pkg, sol.package) === 0);
    if (same) same.labels.push(sol.kind);
    else packages.push({ pkg: sol.package, utilities: sol.utilities, labels: [sol.kind] });
  }
  return {
    kind: 'publication',
    parties: [...result.parties],
    reservation: [...result.reservation],
    packages: packages.map((p) => ({
      package: packageIds(result.domain, p.pkg),
      labels: p.labels,
      utilities: [...p.utilities],
    })),
  };
}

/** Ratings as the own view reads them. */
export interface OwnRatings {
  /** The party. */
  readonly id: string;
  /** Issue id → importance. */
  readonly weights: Readonly<Record<string, number>>;
  /** Issue id → option id → score 0–100. */
  readonly scores: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Utility without agreement. */
  readonly reservation: number;
}

/**
 * Utility (0–100) of a possibly partial package for one party, from its own ratings: weights
 * normalised over the issues given; an open issue counts at the party's worst option.
 */
export function ownUtility(
  ratings: OwnRatings,
  issues: readonly { readonly id: string; readonly options: readonly { readonly id: string }[] }[],
  pkg: Readonly<Record<string, string>>,
): number {
  const total = issues.reduce((sum, i) => sum + (ratings.weights[i.id] ?? 0), 0);
  if (total <= 0) return 0;
  let u = 0;
  for (const issue of issues) {
    const scores = ratings.scores[issue.id] ?? {};
    const chosen = pkg[issue.id];
    const score =
      chosen !== undefined
        ? (scores[chosen] ?? 0)
        : Math.min(...issue.options.map((o) => scores[o.id] ?? 0));
    u += ((ratings.weights[issue.id] ?? 0) / total) * score;
  }
  return u;
}

/** A party's own analysis (rules in the module comment): no other party's ratings go in. */
export function ownView(
  ratings: OwnRatings,
  issues: readonly { readonly id: string; readonly options: readonly { readonly id: string }[] }[],
  proposal: Readonly<Record<string, string>> | undefined,
): PartyView {
  const known = new Set(issues.map((i) => i.id));
  const pkg: PackageView = {};
  for (const [issue, option] of Object.entries(proposal ?? {}))
    if (known.has(issue)) pkg[issue] = option;
  return {
    kind: 'party',
    party: ratings.id,
    reservation: ratings.reservation,
    proposal:
      proposal === undefined ? null : { package: pkg, utility: ownUtility(ratings, issues, pkg) },
  };
}
