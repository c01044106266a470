import type { Actor } from '../../access/policy.js';
import { levelAsOf } from '../../implementation/history.js';
import {
  isDate,
  type Evidence,
  type LevelEntry,
  type Verification,
} from '../../implementation/model.js';
import type { Level } from '../../implementation/pam.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { CommitmentId, ProcessId } from '../../shared/ids.js';
import { openImplementation, visibleCommitment } from './implementation-context.js';
import { summarise, type CommitmentSummary } from './implementation-view.js';

/** A commitment's timeline: its level entries, verifications and the evidence the reader may see. */
export interface CommitmentTimeline extends CommitmentSummary {
  /** Every level entry, in recording order. */
  entries: LevelEntry[];
  /** Every verification and dispute. */
  verifications: Verification[];
  /** Evidence the reader may see: released, and their own compartment's. */
  evidence: Evidence[];
  /** The level as of the date asked for (and as known at the time asked for), if asked. */
  asOf: { date: string; knownAt: string | null; level: Level } | null;
}

/** Reads one commitment with its timeline; optionally its level as of a date, as known at a time. */
export async function getCommitment(
  deps: Deps<'db' | 'clock'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    commitmentId: CommitmentId;
    asOf: string | null;
    knownAt: string | null;
  },
): Promise<CommitmentTimeline> {
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    const c = await visibleCommitment(s, ic, input.commitmentId);
    if (input.asOf !== null && !isDate(input.asOf))
      throw new DomainError('INVALID_INPUT', 'Give the date as YYYY-MM-DD.', { field: 'asOf' });
    if (input.knownAt !== null && Number.isNaN(Date.parse(input.knownAt)))
      throw new DomainError('INVALID_INPUT', 'Give the time as ISO 8601.', { field: 'knownAt' });
    const id = ic.process.id;
    const plenary = [ic.plenary.id];
    const entries = await s.implementation.listLevelEntries(id, plenary, c.id);
    const verifications = await s.implementation.listVerifications(id, plenary, c.id);
    const evidence = await s.implementation.listEvidence(id, ic.visible, c.id);
    const released = evidence.filter((e) => e.compartmentId === ic.plenary.id);
    const [summary] = summarise(
      [c],
      entries,
      verifications,
      released,
      deps.clock.now().toISOString().slice(0, 10),
    );
    await s.audit.append({
      kind: 'implementation.read',
      data: { what: 'commitment', commitmentId: c.id },
      actorUserId: input.actor.userId,
      processId: id,
      compartmentId: ic.plenary.id,
    });
    const knownAt = input.knownAt === null ? null : new Date(input.knownAt).toISOString();
    return {
      ...(summary ?? {
        commitment: c,
        level: 0,
        latest: null,
        openDisputes: 0,
        verified: 0,
        overdue: false,
        lastEvidenceOn: null,
      }),
      entries,
      verifications,
      evidence,
      asOf:
        input.asOf === null
          ? null
          : {
              date: input.asOf,
              knownAt,
              level: levelAsOf(entries, input.asOf, knownAt ?? undefined),
            },
    };
  });
}
