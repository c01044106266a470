import type { Actor } from '../../access/policy.js';
import { canLogStatement, readableCompartmentIds, requireWrite } from '../../access/policy.js';
import type { PublicStatement } from '../../communiques/model.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import {
  asId,
  type CommuniqueId,
  type PartyId,
  type ProcessId,
  type RoundId,
} from '../../shared/ids.js';
import { openProcess } from '../process-context.js';

/**
 * Logs a party's public statement (source, date, text) in the plenary, beside the released
 * communiqué or press line it should follow, so the mediators can raise divergences.
 */
export async function logStatement(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    partyId: PartyId;
    roundId: RoundId | null;
    agreedLineId: CommuniqueId | null;
    source: string;
    statedOn: string;
    text: string;
  },
): Promise<PublicStatement> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const parties = await s.processes.listParties(input.processId);
    if (!parties.some((p) => p.id === input.partyId)) throw notFound('Party');
    if (!canLogStatement(ctx.membership, input.partyId))
      throw new DomainError(
        'FORBIDDEN',
        "A party's statements are logged by its own delegation or by the mediators.",
      );
    const plenary = ctx.compartments.find((c) => c.kind === 'plenary');
    if (!plenary) throw notFound('Compartment');
    requireWrite(ctx.membership, plenary, 'Compartment');
    const now = deps.clock.now();
    if (input.agreedLineId) {
      const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
      const line = await s.communiques.findCommunique(
        input.agreedLineId,
        visible,
        now.toISOString(),
      );
      if (!line || line.processId !== input.processId) throw notFound('Communiqué');
      if (line.state !== 'released')
        throw new DomainError(
          'RULE_VIOLATION',
          'A statement is compared with a released line only.',
        );
    }
    if (input.roundId) {
      const round = await s.rounds.findRound(input.roundId);
      if (!round || round.processId !== input.processId) throw notFound('Round');
    }
    const statement: PublicStatement = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      compartmentId: plenary.id,
      partyId: input.partyId,
      roundId: input.roundId,
      agreedLineId: input.agreedLineId,
      source: input.source.trim(),
      statedOn: input.statedOn,
      text: input.text.trim(),
      divergence: null,
      recordedBy: input.actor.userId,
      recordedAt: now.toISOString(),
    };
    await s.communiques.insertStatement(statement);
    await s.audit.append({
      kind: 'statement.logged',
      data: {
        statementId: statement.id,
        partyId: statement.partyId,
        agreedLineId: statement.agreedLineId,
      },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: plenary.id,
    });
    return statement;
  });
}
