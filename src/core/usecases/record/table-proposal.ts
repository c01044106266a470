import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { Proposal } from '../../record/model.js';
import { type ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';
import { ProposalDraft, insertProposal } from './proposal-rules.js';

/** Tables a package of options over some or all issues, for the actor's party or the mediators. */
export async function tableProposal(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: { actor: Actor; processId: ProcessId } & ProposalDraft,
): Promise<Proposal> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    return insertProposal(deps, s, ctx, input.actor, input);
  });
}
