import type { Actor } from '../../access/policy.js';
import type { Theme } from '../../implementation/model.js';
import type { Deps } from '../../ports.js';
import type { ProcessId } from '../../shared/ids.js';
import { openImplementation } from './implementation-context.js';
import { summarise, type CommitmentSummary } from './implementation-view.js';

/** The plan: themes and every commitment with its level, disputes and flags (empty outside the plenary). */
export async function listCommitments(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<{ themes: Theme[]; commitments: CommitmentSummary[] }> {
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    const id = ic.process.id;
    const commitments = await s.implementation.listCommitments(id, ic.visible);
    const plenary = ic.readsPlenary ? [ic.plenary.id] : [];
    const summary = summarise(
      commitments,
      await s.implementation.listLevelEntries(id, plenary),
      await s.implementation.listVerifications(id, plenary),
      await s.implementation.listEvidence(id, plenary),
      deps.clock.now().toISOString().slice(0, 10),
    );
    if (ic.readsPlenary)
      await s.audit.append({
        kind: 'implementation.read',
        data: { what: 'commitments', commitmentId: null },
        actorUserId: input.actor.userId,
        processId: id,
        compartmentId: ic.plenary.id,
      });
    return { themes: await s.implementation.listThemes(id, ic.visible), commitments: summary };
  });
}
