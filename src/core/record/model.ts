/**
 * The negotiation record (C4): the agenda issues and their options, each party's public demands
 * and private positions, and the proposals tabled with the responses they drew.
 */
import type {
  CompartmentId,
  DemandId,
  IssueId,
  OptionId,
  PartyId,
  PositionId,
  ProcessId,
  ProposalId,
  UserId,
} from '../shared/ids.js';

/** One way an issue could be settled, e.g. "election within 9 months". */
export interface IssueOption {
  /** Stable id. */
  id: OptionId;
  /** Short wording. */
  label: string;
}

/** An agenda issue; options in the order given (e.g. from earliest to latest date). */
export interface AgendaIssue {
  /** Stable id. */
  id: IssueId;
  /** The process. */
  processId: ProcessId;
  /** Title, e.g. "Date of a new presidential election". */
  title: string;
  /** What it covers. */
  description: string;
  /** Its options; may be empty where options make no sense. */
  options: IssueOption[];
}

/** A party's public demand, with where and when it was made: part of the shared record. */
export interface Demand {
  /** Stable id. */
  id: DemandId;
  /** The process. */
  processId: ProcessId;
  /** Whose demand. */
  partyId: PartyId;
  /** The issue it concerns, if one. */
  issueId: IssueId | null;
  /** The demand in words. */
  text: string;
  /** Where it was made public (a speech, a statement, an article). */
  source: string;
  /** When it was made (ISO date). */
  statedOn: string;
  /** Who recorded it. */
  recordedBy: UserId;
}

/** A party's private position on an issue, kept in its caucus unless released. */
export interface Position {
  /** Stable id. */
  id: PositionId;
  /** The process. */
  processId: ProcessId;
  /** The compartment it lives in (the party's caucus when written). */
  compartmentId: CompartmentId;
  /** Whose position. */
  partyId: PartyId;
  /** The issue. */
  issueId: IssueId;
  /** The option the party could live with, if it names one. */
  optionId: OptionId | null;
  /** The position in words. */
  text: string;
  /** Who wrote it. */
  recordedBy: UserId;
  /** When (ISO 8601). */
  recordedAt: string;
}

/** One term of a proposal: an option chosen for an issue. */
export interface ProposalTerm {
  /** The issue. */
  issueId: IssueId;
  /** The option proposed for it. */
  optionId: OptionId;
}

/** A package of options tabled by a party or by the mediators, in one compartment. */
export interface Proposal {
  /** Stable id. */
  id: ProposalId;
  /** The process. */
  processId: ProcessId;
  /** Where it was tabled: the plenary, or one party's bilateral channel, or the mediators' room. */
  compartmentId: CompartmentId;
  /** The party that tabled it; null when the mediators did. */
  tabledByParty: PartyId | null;
  /** The person who tabled it. */
  tabledBy: UserId;
  /** The round of talks (1, 2, 3 …) in which it was tabled. */
  round: number;
  /** When (ISO 8601). */
  tabledAt: string;
  /** Options over some or all issues. */
  terms: ProposalTerm[];
  /** Explanation that goes with it. */
  note: string;
  /** The proposal this one counters, if any. */
  respondsTo: ProposalId | null;
}

/** How a party answered a proposal. */
export const responseKinds = ['accept', 'reject', 'counter'] as const;
export type ResponseKind = (typeof responseKinds)[number];

/** A party's answer to a proposal; a counter-proposal is linked to what it answers. */
export interface ProposalResponse {
  /** The proposal answered. */
  proposalId: ProposalId;
  /** The answering party. */
  partyId: PartyId;
  /** Accept, reject, or counter. */
  kind: ResponseKind;
  /** For a counter: the new proposal. */
  counterProposalId: ProposalId | null;
  /** Why, in a sentence. */
  note: string;
  /** Who answered. */
  respondedBy: UserId;
  /** When (ISO 8601). */
  respondedAt: string;
}

/** A proposal with its responses, as a reader sees it. */
export type ProposalWithResponses = Proposal & {
  /** The answers it drew (only those the reader may see: they live with the proposal). */
  responses: ProposalResponse[];
};

/** Who proposed which option of one issue in one round: a row of the record's timeline. */
export interface TimelineEntry {
  /** The issue. */
  issueId: IssueId;
  /** The round. */
  round: number;
  /** The proposal. */
  proposalId: ProposalId;
  /** Tabled by this party, or null for the mediators. */
  tabledByParty: PartyId | null;
  /** The option proposed. */
  optionId: OptionId;
  /** When. */
  tabledAt: string;
}

/** The timeline of a set of proposals: per issue, per round, who proposed what and when. */
export function timelineOf(proposals: readonly Proposal[]): TimelineEntry[] {
  return proposals
    .flatMap((p) =>
      p.terms.map((t) => ({
        issueId: t.issueId,
        round: p.round,
        proposalId: p.id,
        tabledByParty: p.tabledByParty,
        optionId: t.optionId,
        tabledAt: p.tabledAt,
      })),
    )
    .sort((a, b) =>
      a.issueId === b.issueId
        ? a.round - b.round || a.tabledAt.localeCompare(b.tabledAt)
        : a.issueId.localeCompare(b.issueId),
    );
}

/**
 * Checks a package against the agenda: every term names an issue of the process and one of its
 * options, and no issue appears twice. Returns the problems, empty when sound.
 */
export function packageProblems(
  terms: readonly ProposalTerm[],
  issues: readonly AgendaIssue[],
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const t of terms) {
    const issue = issues.find((i) => i.id === t.issueId);
    if (!issue) problems.push(`issue ${t.issueId} is not on this process's agenda`);
    else if (!issue.options.some((o) => o.id === t.optionId))
      problems.push(`option ${t.optionId} is not an option of "${issue.title}"`);
    if (seen.has(t.issueId)) problems.push(`issue ${t.issueId} appears twice`);
    seen.add(t.issueId);
  }
  if (terms.length === 0) problems.push('a proposal names at least one issue');
  return problems;
}
