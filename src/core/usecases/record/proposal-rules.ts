import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds, requireRead, tablerFor } from '../../access/policy.js';
import type { Stores, Deps } from '../../ports.js';
import type { Proposal, ProposalTerm } from '../../record/model.js';
import { packageProblems } from '../../record/model.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type CompartmentId, type ProposalId } from '../../shared/ids.js';
import { compartmentOf, type ProcessContext } from '../process-context.js';

/** What a tabled proposal says. */
export interface ProposalDraft {
  compartmentId: CompartmentId;
  round: number;
  terms: ProposalTerm[];
  note: string;
  respondsTo: ProposalId | null;
}

/** Tables a proposal inside an open transaction (also used for counter-proposals). */
export async function insertProposal(
  deps: Deps<'clock' | 'ids'>,
  s: Stores,
  ctx: ProcessContext,
  actor: Actor,
  draft: ProposalDraft,
): Promise<Proposal> {
  const c = compartmentOf(ctx, draft.compartmentId);
  requireRead(ctx.membership, c, 'Compartment');
  const tabler = tablerFor(ctx.membership, c);
  if (!tabler)
    throw new DomainError(
      'FORBIDDEN',
      'You may not table a proposal here: parties table to the plenary or their bilateral channel, mediators to the plenary, a bilateral channel or their room.',
    );
  const problems = packageProblems(draft.terms, await s.record.listIssues(ctx.process.id));
  if (problems.length)
    throw new DomainError('RULE_VIOLATION', `The package is not valid: ${problems.join('; ')}.`, {
      problems,
    });
  if (draft.respondsTo) {
    const visible = readableCompartmentIds(actor, ctx.process.id, ctx.compartments);
    if (!(await s.record.findProposal(draft.respondsTo, visible)))
      throw new DomainError('NOT_FOUND', 'Proposal not found');
  }
  const proposal: Proposal = {
    id: asId(deps.ids.newId()),
    processId: ctx.process.id,
    compartmentId: c.id,
    tabledByParty: tabler.kind === 'party' ? tabler.partyId : null,
    tabledBy: actor.userId,
    round: draft.round,
    tabledAt: deps.clock.now().toISOString(),
    terms: draft.terms,
    note: draft.note.trim(),
    respondsTo: draft.respondsTo,
  };
  await s.record.insertProposal(proposal);
  await s.audit.append({
    kind: 'proposal.tabled',
    data: { proposalId: proposal.id, round: proposal.round, respondsTo: proposal.respondsTo },
    actorUserId: actor.userId,
    processId: ctx.process.id,
    compartmentId: c.id,
  });
  return proposal;
}
