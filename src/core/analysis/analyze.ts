/**
 * The whole analysis of one domain in one call: frontier, solutions, and (optionally) the tabled
 * proposal with its improvements. This is the engine's main entry point; the disclosure helper
 * then cuts the result down to what a given viewer may see.
 */
import {
  compileDomain,
  proposalIndices,
  toPoints,
  type CompiledDomain,
  type Domain,
  type ProposalByIds,
} from './domain.js';
import { DEFAULT_MAX_FRONTIER_POINTS, frontierOf, type Frontier } from './frontier.js';
import { analyzeProposalCompiled, type ProposalAnalysis } from './improvements.js';
import { solveCompiled, type Solutions } from './solutions.js';

/** How many improvements are listed unless the caller says otherwise. */
export const DEFAULT_IMPROVEMENTS = 5;

/** Options of `analyze`. */
export interface AnalyzeOptions {
  /** Requested frontier approximation (fraction of the 0–100 scale); see `FrontierOptions.epsilon`. */
  readonly epsilon?: number;
  /** Largest frontier held in memory; see `FrontierOptions.maxPoints`. */
  readonly maxFrontierPoints?: number;
  /** A tabled proposal (issue id → option id; issues left out are open) to analyse. */
  readonly proposal?: ProposalByIds;
  /** How many improvements to list (default 5). */
  readonly improvementsLimit?: number;
}

/** Everything the engine computes for one domain; full detail, before disclosure rules. */
export interface AnalysisResult {
  /** The validated domain analysed (issue, option and party order of every package and vector). */
  readonly domain: Domain;
  /** Party ids, in the order of every utility vector. */
  readonly parties: readonly string[];
  /** Each party's reservation level (0–100). */
  readonly reservation: readonly number[];
  /** The Pareto frontier (exact or ε-approximate, as it says). */
  readonly frontier: Frontier;
  /** The solution concepts, always exact. */
  readonly solutions: Solutions;
  /** The tabled proposal's analysis, when one was given. */
  readonly proposal: ProposalAnalysis | null;
}

/** Analyses a domain. Throws DomainError('RULE_VIOLATION') for an invalid domain, proposal or option. */
export function analyze(domain: Domain, options: AnalyzeOptions = {}): AnalysisResult {
  const compiled = compileDomain(domain);
  return analyzeCompiled(compiled, options);
}

/** As `analyze`, for a domain already compiled. */
export function analyzeCompiled(
  compiled: CompiledDomain,
  options: AnalyzeOptions = {},
): AnalysisResult {
  const domain = compiled.domain;
  const maxFrontierPoints = options.maxFrontierPoints ?? DEFAULT_MAX_FRONTIER_POINTS;
  const proposal =
    options.proposal === undefined ? null : proposalIndices(domain, options.proposal);
  const frontier = frontierOf(compiled, {
    ...(options.epsilon === undefined ? {} : { epsilon: options.epsilon }),
    maxPoints: maxFrontierPoints,
  });
  const exactFrontier = frontier.exact && compiled.partyCount === 2 ? frontier.raw : null;
  const solutions = solveCompiled(compiled, { exactFrontier, maxFrontierPoints });
  const proposalAnalysis =
    proposal === null
      ? null
      : analyzeProposalCompiled(compiled, proposal, {
          limit: options.improvementsLimit ?? DEFAULT_IMPROVEMENTS,
          exactFrontier,
          maxFrontierPoints,
        });
  return {
    domain,
    parties: domain.parties.map((p) => p.id),
    reservation: Array.from(compiled.reservation, toPoints),
    frontier,
    solutions,
    proposal: proposalAnalysis,
  };
}
