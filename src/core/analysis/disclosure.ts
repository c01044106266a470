/**
 * Disclosure: what each viewer may see of an analysis. The engine computes with every party's
 * ratings; these functions are the only way its result leaves the core for a person, so the rules
 * live here and nowhere else.
 *
 * Mediator team: every package the engine suggests (frontier, solutions, improvements), with the
 * utilities and gains of the parties that shared their ratings with the mediators — and of no
 * other. Numbers that mix several parties' ratings (a Nash product, a least gain, a total, the
 * "individually rational" flag, ideal levels bounded by others' reservations) appear only when
 * every party shared.
 *
 * Party P: the suggested packages (the solutions and the improvements, merged into one list) and
 * P's own utility of each, plus its own reservation and its own utility of the tabled proposal.
 * Nothing else: no other party's number, no frontier (along a two-party frontier one party's
 * utility falls exactly as the other's rises, which would reveal the other's preferences), no
 * ranking computed from other parties' ratings (suggestions are ordered by P's own utility, then
 * by package), no labels that say a package is better for others ("alternative", not
 * "improvement"), no efficiency verdict, no ε or frontier size.
 */
import { DomainError } from '../shared/errors.js';
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
      /** One negotiating party. */
      readonly kind: 'party';
      /** Its id. */
      readonly party: string;
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
export type SuggestionLabel = SolutionKind | 'alternative';

/** A party's view of an analysis. */
export interface PartyView {
  /** Discriminates the view. */
  readonly kind: 'party';
  /** The viewing party. */
  readonly party: string;
  /** Its own reservation level. */
  readonly reservation: number;
  /** Suggested packages with the party's own utility, by own utility descending, then package. */
  readonly suggestions: readonly {
    /** The package. */
    readonly package: PackageView;
    /** The viewing party's own utility of it. */
    readonly utility: number;
    /** Which solution concepts suggested it ("alternative" for an improvement on the proposal). */
    readonly labels: readonly SuggestionLabel[];
  }[];
  /** The tabled proposal with the party's own baseline utility, if any. */
  readonly proposal: { readonly package: PackageView; readonly utility: number } | null;
}

/** The view of an analysis for one viewer. */
export type AnalysisView = MediatorView | PartyView;

/** Cuts an analysis down to what `viewer` may see (rules in the module comment). */
export function viewFor(result: AnalysisResult, viewer: Viewer): AnalysisView {
  switch (viewer.kind) {
    case 'mediator':
      return mediatorView(result, viewer.sharedParties);
    case 'party':
      return partyView(result, viewer.party);
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

function partyView(result: AnalysisResult, party: string): PartyView {
  const index = result.parties.indexOf(party);
  if (index < 0) throw new DomainError('NOT_FOUND', 'party not found');
  const { domain } = result;
  const suggestions = new Map<
    string,
    { pkg: Package; utility: number; labels: SuggestionLabel[] }
  >();
  const add = (pkg: Package, utility: number, label: SuggestionLabel): void => {
    const key = pkg.join(',');
    const entry = suggestions.get(key);
    if (entry === undefined) suggestions.set(key, { pkg, utility, labels: [label] });
    else if (!entry.labels.includes(label)) entry.labels.push(label);
  };
  for (const s of solutionList(result))
    if (s.found) add(s.package, s.utilities[index] ?? 0, s.kind);
  for (const imp of result.proposal?.improvements ?? [])
    add(imp.package, imp.utilities[index] ?? 0, 'alternative');
  const ordered = [...suggestions.values()].sort(
    (a, b) => b.utility - a.utility || comparePackages(a.pkg, b.pkg),
  );
  const proposal = result.proposal;
  return {
    kind: 'party',
    party,
    reservation: result.reservation[index] ?? 0,
    suggestions: ordered.map((s) => ({
      package: packageIds(domain, s.pkg),
      utility: s.utility,
      labels: [...s.labels].sort(),
    })),
    proposal:
      proposal === null
        ? null
        : {
            package: proposalIds(domain, proposal.proposal),
            utility: proposal.baseline[index] ?? 0,
          },
  };
}
