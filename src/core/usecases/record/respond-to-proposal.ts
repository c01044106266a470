import type { Actor } from '../../access/policy.js';
import { canRespond, readableCompartmentIds } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { ProposalResponse, ProposalTerm, ResponseKind } from '../../record/model.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { ProcessId, ProposalId } from '../../shared/ids.js';
import { compartmentOf, openProcess } from '../process-context.js';
import { insertProposal } from './proposal-rules.js';

/**
 * A party's head of delegation answers a proposal it can see and did not table: accept, reject, or
 * counter with a new package tabled in the same compartment and linked to what it answers.
 */
export async function respondToProposal(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    proposalId: ProposalId;
    kind: ResponseKind;
    note: string;
    counter: { round: number; terms: ProposalTerm[] } | null;
  },
): Promise<ProposalResponse> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
    const proposal = await s.record.findProposal(input.proposalId, visible);
    if (!proposal || proposal.processId !== input.processId) throw notFound('Proposal');
    const c = compartmentOf(ctx, proposal.compartmentId);
    const m = ctx.membership;
    if (!canRespond(m, c, proposal.tabledByParty))
      throw new DomainError(
        'FORBIDDEN',
        "Only another party's head of delegation answers a proposal.",
      );
    if ((input.kind === 'counter') !== (input.counter !== null))
      throw new DomainError(
        'RULE_VIOLATION',
        'A counter-proposal comes with its package, and only a counter does.',
      );
    const counter = input.counter
      ? await insertProposal(deps, s, ctx, input.actor, {
          compartmentId: proposal.compartmentId,
          round: input.counter.round,
          terms: input.counter.terms,
          note: input.note,
          respondsTo: proposal.id,
        })
      : null;
    const response: ProposalResponse = {
      proposalId: proposal.id,
      partyId: m.partyId,
      kind: input.kind,
      counterProposalId: counter?.id ?? null,
      note: input.note.trim(),
      respondedBy: input.actor.userId,
      respondedAt: deps.clock.now().toISOString(),
    };
    await s.record.insertResponse(response);
    await s.audit.append({
      kind: 'proposal.responded',
      data: {
        proposalId: proposal.id,
        kind: input.kind,
        counterProposalId: response.counterProposalId,
      },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: proposal.compartmentId,
    });
    return response;
  });
}
