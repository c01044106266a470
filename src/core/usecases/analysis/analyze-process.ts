import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds } from '../../access/policy.js';
import type { AnalysisView, Viewer } from '../../analysis/disclosure.js';
import type { Issue, PartyPreferences, ProposalByIds } from '../../analysis/domain.js';
import { movement, type MovementReport, type RoundProposals } from '../../analysis/movement.js';
import type { StoredPreferences } from '../../analysis/stored.js';
import { isDelegationRole, isMediatorRole } from '../../process/model.js';
import type { Deps } from '../../ports.js';
import type { Proposal } from '../../record/model.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { ProcessId, ProposalId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';
import { engineIssues } from './preference-context.js';

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
  /** The engine's result cut down by the disclosure rules. */
  view: AnalysisView;
  /** Each party's concessions round by round and the stalling signals. */
  movement: MovementReport;
  /** Each party's positions over the rounds in the viewer's utility space. */
  dance: DanceStep[];
  /** The rounds, in order, that the movement report's indices refer to (index 0 = the first). */
  rounds: number[];
}

/** Utility (0–100) of a possibly partial package; open issues count at the party's worst option. */
function utilityOf(prefs: PartyPreferences, issues: readonly Issue[], pkg: ProposalByIds): number {
  const total = issues.reduce((sum, i) => sum + (prefs.weights[i.id] ?? 0), 0);
  if (total <= 0) return 0;
  let u = 0;
  for (const issue of issues) {
    const scores = prefs.scores[issue.id] ?? {};
    const chosen = pkg[issue.id];
    const score =
      chosen !== undefined
        ? (scores[chosen] ?? 0)
        : Math.min(...issue.options.map((o) => scores[o.id] ?? 0));
    u += ((prefs.weights[issue.id] ?? 0) / total) * score;
  }
  return u;
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
 * Decision support for one viewer: the efficient packages, the Nash, Kalai–Smorodinsky,
 * egalitarian and max-welfare solutions, improvements on a tabled proposal, and the movement of
 * the parties. The engine uses every party's ratings; what leaves this function is cut down by the
 * disclosure rules: the mediator team sees the scores of parties that shared, a party only its own.
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
    // The parties at the table: not withdrawn, and with a delegation that could rate.
    const members = await s.processes.listMembers(input.processId);
    const parties = (await s.processes.listParties(input.processId)).filter(
      (p) => p.status !== 'withdrawn' && members.some((x) => x.partyId === p.id),
    );
    const stored = await s.preferences.listForEngine(input.processId);
    let viewer: Viewer;
    let known: StoredPreferences[];
    if (isMediatorRole(m.role)) {
      known = stored.filter((p) => visible.includes(p.compartmentId));
      viewer = { kind: 'mediator', sharedParties: known.map((p) => p.partyId) };
    } else if (isDelegationRole(m.role) && m.partyId) {
      known = stored.filter((p) => p.partyId === m.partyId);
      viewer = { kind: 'party', party: m.partyId };
    } else {
      throw new DomainError(
        'FORBIDDEN',
        'Decision support is for the mediator team and the parties.',
      );
    }
    // Whether another party has rated yet is itself private: the answer does not say who is missing.
    const ready =
      issues.length > 0 &&
      parties.length >= 2 &&
      parties.every((p) => stored.some((x) => x.partyId === p.id));
    if (!ready)
      throw new DomainError(
        'RULE_VIOLATION',
        "The analysis needs an agenda with options and every party's ratings; it is not available yet.",
      );

    const proposals = await s.record.listProposals(input.processId, visible);
    let proposal: ProposalByIds | undefined;
    if (input.proposalId) {
      const p = proposals.find((x) => x.id === input.proposalId);
      if (!p) throw notFound('Proposal');
      proposal = Object.fromEntries(p.terms.map((t) => [t.issueId, t.optionId]));
    }
    const domain = {
      issues,
      parties: parties.map((p) => {
        const found = stored.find((x) => x.partyId === p.id);
        if (!found) throw notFound('Preferences');
        return asPreferences(found);
      }),
    };
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
          utilities: Object.fromEntries(ratings.map((r) => [r.id, utilityOf(r, issues, position)])),
        });
      });
    }
    const compartmentId =
      ctx.compartments.find((c) =>
        viewer.kind === 'mediator'
          ? c.kind === 'mediators'
          : c.kind === 'caucus' && c.partyId === m.partyId,
      )?.id ?? null;
    return { domain, proposal, viewer, report, dance, rounds, compartmentId };
  });
  // The engine runs outside the transaction (it may take seconds, off the request's thread);
  // the view is recorded as seen only once it exists.
  const view = await deps.engine.analyzeFor(
    job.domain,
    { proposal: job.proposal, epsilon: input.epsilon },
    job.viewer,
  );
  await deps.db.transaction((s) =>
    s.audit.append({
      kind: 'analysis.viewed',
      data: { viewer: job.viewer.kind, proposalId: input.proposalId ?? null },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: job.compartmentId,
    }),
  );
  return { view, movement: job.report, dance: job.dance, rounds: job.rounds };
}
