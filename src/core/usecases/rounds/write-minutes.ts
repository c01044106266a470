import type { Actor } from '../../access/policy.js';
import { canKeepMinutes, canWriteCompartment, requireRead } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { minutesAllowed, type Minutes, type MinutesKind } from '../../rounds/model.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { asId, type ProcessId, type RoundId, type RoundSessionId } from '../../shared/ids.js';
import { openRound } from './round-context.js';
import { viewMinutes, type MinutesView } from './session-view.js';

/**
 * Writes a session's minutes from a named revision (0 for the first text): the mediators' own in
 * their room, or the plenary minutes of a plenary session. Minutes are bound to the SHA-256 of
 * their text, so any change resets every party's approval.
 */
export async function writeMinutes(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    roundId: RoundId;
    sessionId: RoundSessionId;
    kind: MinutesKind;
    baseRevision: number;
    text: string;
  },
): Promise<MinutesView> {
  return deps.db.transaction(async (s) => {
    const rc = await openRound(s, input.actor, input.processId, input.roundId);
    const session = await s.rounds.findSession(input.sessionId, rc.visible);
    if (!session || session.roundId !== rc.round.id) throw notFound('Session');
    const target = rc.compartments.find((c) => c.kind === input.kind);
    if (!target) throw notFound('Compartment');
    requireRead(rc.membership, target, 'Minutes');
    if (!canKeepMinutes(rc.membership) || !canWriteCompartment(rc.membership, target))
      throw new DomainError('FORBIDDEN', 'Only the mediator team keeps minutes.');
    if (!minutesAllowed(input.kind, session.format))
      throw new DomainError(
        'RULE_VIOLATION',
        input.kind === 'plenary'
          ? `A ${session.format} session has no plenary minutes: the parties do not share a channel in it.`
          : "The mediators keep no minutes of a party's caucus.",
      );
    const existing = await s.rounds.findMinutes(session.id, input.kind, rc.visible);
    if ((existing?.revision ?? 0) !== input.baseRevision)
      throw new DomainError(
        'STALE_REVISION',
        'The minutes changed since you opened them; review them again.',
        {
          currentRevision: existing?.revision ?? 0,
        },
      );
    const parties = await s.processes.listParties(input.processId);
    const text = input.text.trim();
    const hash = deps.hashing.sha256(text);
    if (existing && existing.hash === hash)
      return viewMinutes(existing, await s.rounds.listMinutesApprovals([existing.id]), parties);
    const minutes: Minutes = {
      id: existing?.id ?? asId(deps.ids.newId()),
      processId: input.processId,
      sessionId: session.id,
      kind: input.kind,
      compartmentId: target.id,
      text,
      hash,
      revision: (existing?.revision ?? 0) + 1,
      updatedAt: deps.clock.now().toISOString(),
      updatedBy: input.actor.userId,
    };
    if (!(await s.rounds.saveMinutes(minutes, existing ? existing.revision : null)))
      throw new DomainError('STALE_REVISION', 'The minutes changed while saving; try again.');
    const approvalsReset = existing ? await s.rounds.clearMinutesApprovals(existing.id) : 0;
    await s.audit.append({
      kind: 'minutes.written',
      data: {
        minutesId: minutes.id,
        sessionId: session.id,
        kind: minutes.kind,
        revision: minutes.revision,
        hash,
        approvalsReset,
      },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: target.id,
    });
    return viewMinutes(minutes, [], parties);
  });
}
