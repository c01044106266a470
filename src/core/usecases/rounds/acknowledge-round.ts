import type { Actor } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { Acknowledgement } from '../../rounds/model.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId, RoundId } from '../../shared/ids.js';
import { openRound } from './round-context.js';

/**
 * A member acknowledges a round's confidentiality rules, naming the hash of the rules they read
 * (rules changed since answer STALE_REVISION). Audited; acknowledging again is a no-op.
 */
export async function acknowledgeRound(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; processId: ProcessId; roundId: RoundId; rulesHash: string },
): Promise<Acknowledgement> {
  return deps.db.transaction(async (s) => {
    const rc = await openRound(s, input.actor, input.processId, input.roundId, {
      requireAcknowledgement: false,
    });
    const round = rc.round;
    if (input.rulesHash !== round.rulesHash)
      throw new DomainError(
        'STALE_REVISION',
        'The rules you acknowledged are not the round’s current rules; read them again.',
        { rulesHash: round.rulesHash },
      );
    const existing = (await s.rounds.listAcknowledgements(input.actor.userId, [round.id])).find(
      (a) => a.rulesHash === round.rulesHash,
    );
    if (existing) return existing;
    const ack: Acknowledgement = {
      roundId: round.id,
      userId: input.actor.userId,
      rulesHash: round.rulesHash,
      acknowledgedAt: deps.clock.now().toISOString(),
    };
    await s.rounds.insertAcknowledgement(ack);
    await s.audit.append({
      kind: 'round.acknowledged',
      data: { roundId: round.id, rulesHash: round.rulesHash },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    return ack;
  });
}
