import type { Actor } from '../../access/policy.js';
import { canPlanImplementation } from '../../access/policy.js';
import type { Commitment } from '../../implementation/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { CommitmentId, ProcessId } from '../../shared/ids.js';
import { checkCommitmentFields, type CommitmentFields } from './commitment-rules.js';
import { openImplementation, requirePlenary, visibleCommitment } from './implementation-context.js';

/** The mediators edit a commitment's wording, parties, dates, type, theme or weight. */
export async function editCommitment(
  deps: Deps<'db'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    commitmentId: CommitmentId;
    baseRevision: number;
    fields: CommitmentFields;
  },
): Promise<Commitment> {
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    const c = await visibleCommitment(s, ic, input.commitmentId);
    requirePlenary(ic);
    if (!canPlanImplementation(ic.membership))
      throw new DomainError('FORBIDDEN', 'Only the lead mediator and mediators edit commitments.');
    // Its theme is locked as it is looked up, so that another instance cannot remove it until
    // this commits (see createCommitments).
    const theme = input.fields.themeCode;
    const themeCodes = await s.implementation.lockThemes(
      ic.process.id,
      { use: theme === null ? [] : [theme], change: [] },
      ic.visible,
    );
    checkCommitmentFields(input.fields, ic.parties, new Set(themeCodes));
    if (c.revision !== input.baseRevision)
      throw new DomainError(
        'STALE_REVISION',
        'The commitment changed since you opened it; review it and edit again.',
        { revision: c.revision },
      );
    const next: Commitment = {
      ...c,
      ...input.fields,
      wording: input.fields.wording.trim(),
      revision: c.revision + 1,
    };
    if (!(await s.implementation.updateCommitment(next, c.revision)))
      throw new DomainError(
        'STALE_REVISION',
        'The commitment changed since you opened it; review it and edit again.',
      );
    await s.audit.append({
      kind: 'commitment.edited',
      data: { commitmentId: c.id, revision: next.revision },
      actorUserId: input.actor.userId,
      processId: ic.process.id,
      compartmentId: ic.plenary.id,
    });
    return next;
  });
}
