import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds } from '../../access/policy.js';
import {
  ownUtility,
  ownView,
  type MediatorView,
  type PartyView,
} from '../../analysis/disclosure.js';
import type { Issue, PartyPreferences, ProposalByIds } from '../../analysis/domain.js';
import { movement, type MovementReport, type RoundProposals } from '../../analysis/movement.js';
import type { StoredPreferences } from '../../analysis/stored.js';
import { isDelegationRole, isMediatorRole } from '../../process/model.js';
import type { Deps } from '../../ports.js';
import type { Proposal } from '../../record/model.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { PartyId, ProcessId, ProposalId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';
import { engineIssues } from './preference-context.js';
import { partiesAtTable } from './suggestion-rules.js';

/** One position in the negotiation dance, in the utilities the viewer may see. */
export interface DanceStep {
  /** Who tabled it (party id). */
  party: string;
  /** The round (1, 2, …). */
  round: number;
  /** Utility (0–100) per party whose ratings the viewer may use. */
  utilities: Record<string, number>;
}

/** What the analysis screen shows one viewer. */
export interface ProcessAnalysis {
  /** The mediators' exploration of shared ratings, or a party's own analysis. */
  view: MediatorView | PartyView;
  /** Each party's concessions round by round and the stalling signals. */
  movement: MovementReport;
  /** Each party's positions over the rounds in the viewer's utility space. */
  dance: DanceStep[];
  /** The rounds, in order, that the movement report's indices refer to (index 0 = the first). */
  rounds: number[];
}

const asPreferences = (p: StoredPreferences): PartyPreferences => ({
  id: p.partyId,
  weights: p.weights,
  scores: p.scores,
  reservation: p.reservation,
});

/** The visible proposals by round: each party's latest proposal in each round. */
function byRound(proposals: readonly Proposal[]): { rounds: number[]; table: RoundProposals[] } {
  const rounds = [...new Set(proposals.map((p) => p.round))].sort((a, b) => a - b);
  const table = rounds.map((r) => {
    const row: Record<string, ProposalByIds> = {};
    for (const p of proposals.filter((x) => x.round === r && x.tabledByParty))
      row[p.tabledByParty as string] = Object.fromEntries(
        p.terms.map((t) => [t.issueId, t.optionId]),
      );
    return row;
  });
  return { rounds, table };
}

/**
 * Decision support for one viewer, from what that viewer may use and nothing else (threat model:
 * analysis/disclosure.ts). The mediator team: the efficient packages, the Nash,
 * Kalai–Smorodinsky, egalitarian and max-welfare solutions and improvements on a tabled proposal,
 * computed by the engine from the ratings of the parties that shared them (a party that has not
 * shared is not in the engine's input at all). A party: its own analysis from its own draft — its
 * reservation and its utility of a tabled proposal — with no engine run over anyone else's
 * ratings (suggestions reach it only in published suggestion sets). Both: the movement of the
 * parties, in the utilities of the ratings they may use.
 */
export async function analyzeProcess(
  deps: Deps<'db' | 'engine'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    proposalId?: ProposalId;
    epsilon?: number;
    stallRounds?: number;
  },
): Promise<ProcessAnalysis> {
  const job = await deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const m = ctx.membership;
    const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
    const issues = engineIssues(await s.record.listIssues(input.processId));
    const parties = await partiesAtTable(s, input.processId);
    // Only ratings the viewer may use are loaded: the shared ones for the mediators (they lie in
    // the bilateral channels the mediators read), the party's own for a party.
    const readable = async (ids: readonly PartyId[]) => {
      const out: StoredPreferences[] = [];
      for (const id of ids) {
        const found = await s.preferences.find(input.processId, id, visible);
        if (found) out.push(found);
      }
      return out;
    };
    let known: StoredPreferences[];
    let kind: 'mediator' | 'party';
    if (isMediatorRole(m.role)) {
      kind = 'mediator';
      known = await readable(parties.map((p) => p.id));
    } else if (isDelegationRole(m.role) && m.partyId) {
      kind = 'party';
      known = await readable([m.partyId]);
    } else {
      throw new DomainError(
        'FORBIDDEN',
        'Decision support is for the mediator team and the parties.',
      );
    }
    if (issues.length === 0)
      throw new DomainError(
        'RULE_VIOLATION',
        'The analysis needs an agenda with options; it is not available yet.',
      );
    if (kind === 'party' && known.length === 0)
      throw new DomainError(
        'RULE_VIOLATION',
        "Enter your party's ratings first: the analysis shows the proposals in your own numbers.",
      );

    const proposals = await s.record.listProposals(input.processId, visible);
    let proposal: ProposalByIds | undefined;
    if (input.proposalId) {
      const p = proposals.find((x) => x.id === input.proposalId);
      if (!p) throw notFound('Proposal');
      proposal = Object.fromEntries(p.terms.map((t) => [t.issueId, t.optionId]));
    }
    const { rounds, table } = byRound(proposals);
    const ratings = known.map(asPreferences);
    const report = movement({
      issues,
      parties: parties.map((p) => p.id),
      rounds: table,
      ratings,
      stallRounds: input.stallRounds,
    });
    const dance: DanceStep[] = [];
    for (const party of parties) {
      let current: ProposalByIds | undefined;
      table.forEach((row, t) => {
        current = row[party.id] ?? current;
        if (!current || ratings.length === 0) return;
        const position = current;
        dance.push({
          party: party.id,
          round: rounds[t] ?? t + 1,
          utilities: Object.fromEntries(
            ratings.map((r) => [r.id, ownUtility(r, issues, position)]),
          ),
        });
      });
    }
    const compartmentId =
      ctx.compartments.find((c) =>
        kind === 'mediator'
          ? c.kind === 'mediators'
          : c.kind === 'caucus' && c.partyId === m.partyId,
      )?.id ?? null;
    return {
      kind,
      issues,
      ratings,
      complete: kind === 'mediator' && ratings.length === parties.length,
      proposal,
      report,
      dance,
      rounds,
      compartmentId,
    };
  });
  let view: MediatorView | PartyView;
  if (job.kind === 'party') {
    const own = job.ratings[0];
    if (!own) throw notFound('Preferences');
    view = ownView(own, job.issues, job.proposal);
  } else if (job.ratings.length >= 2) {
    // The engine runs outside the transaction (it may take seconds, off the request's thread),
    // on the shared ratings only; the view is recorded as seen only once it exists.
    const engineView = await deps.engine.analyzeFor(
      { issues: job.issues, parties: job.ratings },
      { proposal: job.proposal, epsilon: input.epsilon },
      { kind: 'mediator', sharedParties: job.ratings.map((r) => r.id) },
    );
    if (engineView.kind !== 'mediator') throw new Error('the engine answered another kind of view');
    view = job.complete ? engineView : withoutAggregates(engineView);
  } else {
    view = sharedTooFew(job.ratings, job.issues, job.proposal);
  }
  await deps.db.transaction((s) =>
    s.audit.append({
      kind: 'analysis.viewed',
      data: { viewer: job.kind, proposalId: input.proposalId ?? null },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: job.compartmentId,
    }),
  );
  return { view, movement: job.report, dance: job.dance, rounds: job.rounds };
}

/**
 * The mediators' view while a party at the table has not shared: the numbers of the shared
 * parties, but no aggregate (a Nash product or a least gain over some parties reads as over all).
 */
function withoutAggregates(v: MediatorView): MediatorView {
  return {
    kind: 'mediator',
    visibleParties: v.visibleParties,
    complete: false,
    frontier: v.frontier,
    solutions: v.solutions.map((s) => ({
      kind: s.kind,
      found: s.found,
      package: s.package,
      utilities: s.utilities,
      gains: s.gains,
    })),
    proposal: v.proposal && {
      package: v.proposal.package,
      baseline: v.proposal.baseline,
      efficient: v.proposal.efficient,
      improvements: v.proposal.improvements.map((i) => ({
        package: i.package,
        utilities: i.utilities,
        gains: i.gains,
      })),
    },
  };
}

/** The mediators' view with fewer than two shared ratings: nothing to search, the baselines only. */
function sharedTooFew(
  ratings: readonly PartyPreferences[],
  issues: readonly Issue[],
  proposal: ProposalByIds | undefined,
): MediatorView {
  const own = ratings.map((r) => ownView(r, issues, proposal));
  return {
    kind: 'mediator',
    visibleParties: ratings.map((r) => r.id),
    complete: false,
    frontier: { exact: true, epsilon: 0, points: [] },
    solutions: [],
    proposal:
      proposal === undefined
        ? null
        : {
            package: own[0]?.proposal?.package ?? { ...proposal },
            baseline: Object.fromEntries(own.map((v) => [v.party, v.proposal?.utility ?? 0])),
            efficient: null,
            improvements: [],
          },
  };
}
