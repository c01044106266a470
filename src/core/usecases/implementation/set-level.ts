import type { Actor } from '../../access/policy.js';
import { canPlanImplementation } from '../../access/policy.js';
import { isDate, type LevelEntry } from '../../implementation/model.js';
import type { Level } from '../../implementation/pam.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type CommitmentId, type EvidenceId, type ProcessId } from '../../shared/ids.js';
import { openImplementation, requirePlenary, visibleCommitment } from './implementation-context.js';

/**
 * The mediators record a commitment's level from a date, citing evidence: at least one piece, of
 * this commitment, released to the plenary (evidence still in a submitter's room cannot carry a
 * level that everyone in the plenary reads). The entry is appended, never changed; a correction
 * is a later entry.
 */
export async function setLevel(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    commitmentId: CommitmentId;
    level: Level;
    effectiveOn: string;
    evidenceIds: EvidenceId[];
    note: string;
  },
): Promise<LevelEntry> {
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    const c = await visibleCommitment(s, ic, input.commitmentId);
    requirePlenary(ic);
    if (!canPlanImplementation(ic.membership))
      throw new DomainError('FORBIDDEN', 'Only the lead mediator and mediators record levels.');
    if (!isDate(input.effectiveOn))
      throw new DomainError(
        'INVALID_INPUT',
        'Give the date from which the level holds as YYYY-MM-DD.',
        { field: 'effectiveOn' },
      );
    if (input.evidenceIds.length === 0)
      throw new DomainError(
        'RULE_VIOLATION',
        'A level moves only with evidence: cite at least one piece.',
      );
    const released = await s.implementation.listEvidence(ic.process.id, [ic.plenary.id], c.id);
    for (const id of input.evidenceIds)
      if (!released.some((e) => e.id === id))
        throw new DomainError(
          'RULE_VIOLATION',
          'Cite evidence of this commitment that has been released to the plenary.',
          { evidenceId: id },
        );
    const entry: LevelEntry = {
      id: asId(deps.ids.newId()),
      processId: ic.process.id,
      commitmentId: c.id,
      level: input.level,
      effectiveOn: input.effectiveOn,
      evidenceIds: [...new Set(input.evidenceIds)],
      note: input.note,
      setBy: input.actor.userId,
      setAt: deps.clock.now().toISOString(),
    };
    await s.implementation.insertLevelEntries([entry]);
    await s.audit.append({
      kind: 'level.set',
      data: {
        commitmentId: c.id,
        entryId: entry.id,
        level: entry.level,
        effectiveOn: entry.effectiveOn,
        evidenceIds: entry.evidenceIds,
        setAt: entry.setAt,
      },
      actorUserId: input.actor.userId,
      processId: ic.process.id,
      compartmentId: ic.plenary.id,
    });
    return entry;
  });
}
