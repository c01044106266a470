/**
 * The demo's negotiation record: an agenda of five typical issues (below) with invented options,
 * public demands modelled on the public facts, and invented proposals over three rounds in which
 * one side keeps conceding while the other barely moves (the critic's fear, made visible).
 */
import type { Actor } from '../../core/access/policy.js';
import type { Compartment } from '../../core/access/compartments.js';
import type { Deps } from '../../core/ports.js';
import type { AgendaIssue } from '../../core/record/model.js';
import type { PartyId, ProcessId } from '../../core/shared/ids.js';
import { addAgendaIssue } from '../../core/usecases/record/add-agenda-issue.js';
import { recordDemand } from '../../core/usecases/record/record-demand.js';
import { recordPosition } from '../../core/usecases/record/record-position.js';
import { respondToProposal } from '../../core/usecases/record/respond-to-proposal.js';
import { tableProposal } from '../../core/usecases/record/table-proposal.js';

/** The agenda: title, description and options from most favoured by the opposition onwards. */
export const demoAgenda = [
  {
    title: 'Date of a new presidential election',
    description: 'When a new presidential election is held.',
    options: [
      'Within 6 months',
      'Within 9 months',
      'Within 12 months',
      'Within 18 months',
      'At the end of the current term',
    ],
  },
  {
    title: 'Transitional arrangements',
    description: 'Who governs until the election, and under what oversight.',
    options: [
      'Transitional government',
      'Power-sharing council',
      'Joint commission overseeing the election',
      'No transitional arrangement',
    ],
  },
  {
    title: 'Composition of the electoral authority',
    description: 'Whether and how the national electoral authority is renewed.',
    options: [
      'Renewed with international observers',
      'Renewed by the National Assembly',
      'Two new members by consensus',
      'Unchanged',
    ],
  },
  {
    title: 'Release of detained activists',
    description: 'Release of activists and politicians detained for political reasons.',
    options: [
      'Release of all and an amnesty',
      'Release of all listed detainees',
      'Release of a first group',
      'Case-by-case review',
    ],
  },
  {
    title: 'Sanctions relief',
    description: 'Relief from international sanctions, and its conditions.',
    options: [
      'No request',
      'Humanitarian exemptions',
      'Phased relief tied to milestones',
      'Full lifting at signature',
    ],
  },
] as const;

/** Options by index per issue, in agenda order. */
type Package = readonly [number, number, number, number, number];

const rounds: Array<{
  round: number;
  by: 'opp' | 'gov' | 'mediators';
  where: 'plenary' | 'bilateral:gov';
  pkg: Package;
  note: string;
}> = [
  { round: 1, by: 'opp', where: 'plenary', pkg: [0, 0, 0, 0, 0], note: 'Opening position.' },
  { round: 1, by: 'gov', where: 'plenary', pkg: [4, 3, 3, 3, 3], note: 'Opening position.' },
  { round: 2, by: 'opp', where: 'plenary', pkg: [1, 1, 1, 1, 1], note: 'Movement on every issue.' },
  {
    round: 2,
    by: 'gov',
    where: 'plenary',
    pkg: [4, 3, 3, 3, 3],
    note: 'No change: sanctions first.',
  },
  {
    round: 3,
    by: 'opp',
    where: 'plenary',
    pkg: [2, 2, 1, 1, 2],
    note: 'Twelve months, with a joint commission.',
  },
  { round: 3, by: 'gov', where: 'plenary', pkg: [4, 3, 3, 3, 3], note: 'No change.' },
  {
    round: 3,
    by: 'gov',
    where: 'bilateral:gov',
    pkg: [3, 2, 2, 2, 2],
    note: 'To the mediators only: what we could explore.',
  },
  {
    round: 3,
    by: 'mediators',
    where: 'plenary',
    pkg: [2, 2, 1, 1, 2],
    note: "Mediators' bridging package.",
  },
];

/** Creates the demo's record. */
export async function seedDemoRecord(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  input: {
    processId: ProcessId;
    parties: { gov: PartyId; opp: PartyId };
    compartments: Compartment[];
    actors: { lead: Actor; govHead: Actor; oppHead: Actor };
    mark: string;
  },
): Promise<AgendaIssue[]> {
  const { processId, actors, mark } = input;
  const issues: AgendaIssue[] = [];
  for (const a of demoAgenda)
    issues.push(
      await addAgendaIssue(deps, {
        actor: actors.lead,
        processId,
        title: a.title,
        description: a.description,
        options: [...a.options],
      }),
    );
  const [election, transition, , , sanctions] = issues;
  const demands = [
    {
      partyId: input.parties.opp,
      issueId: election?.id ?? null,
      text: 'A new presidential election.',
      source: 'Opposition leader, public address (paraphrased)',
      statedOn: '2019-05-15',
    },
    {
      partyId: input.parties.opp,
      issueId: transition?.id ?? null,
      text: 'A transitional government before the election.',
      source: 'Opposition statement (paraphrased)',
      statedOn: '2019-05-15',
    },
    {
      partyId: input.parties.gov,
      issueId: sanctions?.id ?? null,
      text: `The lifting of sanctions. ${mark}`,
      source: 'Government statement (invented)',
      statedOn: '2019-05-16',
    },
  ];
  for (const d of demands) await recordDemand(deps, { actor: actors.lead, processId, ...d });

  const option = (issue: number, index: number) => {
    const o = issues[issue]?.options[index];
    if (!o) throw new Error('demo agenda option missing');
    return o.id;
  };
  await recordPosition(deps, {
    actor: actors.govHead,
    processId,
    issueId: election?.id ?? issues[0]!.id,
    optionId: option(0, 3),
    text: `Could accept 18 months if sanctions relief is phased in from signature. ${mark}`,
  });
  await recordPosition(deps, {
    actor: actors.oppHead,
    processId,
    issueId: election?.id ?? issues[0]!.id,
    optionId: option(0, 2),
    text: `Twelve months is our floor, with a renewed electoral authority. ${mark}`,
  });

  const plenary = input.compartments.find((c) => c.kind === 'plenary');
  const govBilateral = input.compartments.find(
    (c) => c.kind === 'bilateral' && c.partyId === input.parties.gov,
  );
  if (!plenary || !govBilateral) throw new Error('demo compartments missing');
  let bridging = null;
  for (const r of rounds) {
    const actor = r.by === 'opp' ? actors.oppHead : r.by === 'gov' ? actors.govHead : actors.lead;
    const proposal = await tableProposal(deps, {
      actor,
      processId,
      compartmentId: r.where === 'plenary' ? plenary.id : govBilateral.id,
      round: r.round,
      terms: r.pkg.map((o, i) => ({ issueId: issues[i]!.id, optionId: option(i, o) })),
      note: `${r.note} ${mark}`,
      respondsTo: null,
    });
    if (r.by === 'mediators') bridging = proposal;
  }
  if (bridging) {
    await respondToProposal(deps, {
      actor: actors.oppHead,
      processId,
      proposalId: bridging.id,
      kind: 'accept',
      note: `Accepted as a basis. ${mark}`,
      counter: null,
    });
    await respondToProposal(deps, {
      actor: actors.govHead,
      processId,
      proposalId: bridging.id,
      kind: 'reject',
      note: `Not before sanctions are lifted. ${mark}`,
      counter: null,
    });
  }
  return issues;
}
