import type { Actor } from '../../access/policy.js';
import { requireWrite } from '../../access/policy.js';
import { domainProblems } from '../../analysis/domain.js';
import type { StoredSubmission } from '../../analysis/stored.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import type { ProcessId } from '../../shared/ids.js';
import { openProcess, ownPartyCompartment } from '../process-context.js';
import { engineIssues, readable } from './preference-context.js';

/**
 * Submits the party's current draft ratings: a new numbered, immutable submission in its caucus.
 * Suggestion sets use each party's latest submission, never its draft. The head of delegation and
 * delegates submit; `revision` is the draft revision they reviewed, so nobody submits a draft a
 * colleague changed meanwhile.
 */
export async function submitPreferences(
  deps: Deps<'db' | 'clock'>,
  input: { actor: Actor; processId: ProcessId; revision: number },
): Promise<StoredSubmission> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const { partyId, compartment: caucus } = ownPartyCompartment(
      ctx,
      'caucus',
      'Ratings belong to a party; only its delegation submits them.',
    );
    requireWrite(ctx.membership, caucus, 'Compartment');
    if (ctx.membership.role === 'adviser')
      throw new DomainError(
        'FORBIDDEN',
        "The head of delegation or a delegate submits the party's ratings.",
      );
    const own = ctx.compartments.filter((c) => c.partyId === partyId).map((c) => c.id);
    const draft = await s.preferences.find(input.processId, partyId, own);
    if (!draft)
      throw new DomainError('RULE_VIOLATION', 'Save your ratings before submitting them.');
    if (draft.revision !== input.revision)
      throw new DomainError(
        'STALE_REVISION',
        'Someone in your delegation changed the ratings since you opened them; review them before submitting.',
        { currentRevision: draft.revision },
      );
    const agenda = await s.record.listIssues(input.processId);
    const problems = domainProblems({
      issues: engineIssues(agenda),
      parties: [{ id: partyId, ...draft }],
    })
      .filter((p) => !p.includes('at least two parties'))
      .map((p) => readable(p.replace(/party 1 \("[^"]+"\)/, 'your ratings'), agenda));
    if (problems.length)
      throw new DomainError(
        'RULE_VIOLATION',
        `The agenda changed since these ratings were saved; complete them first: ${problems.join('; ')}.`,
        { problems },
      );
    const latest = (await s.preferences.submissionCounts(input.processId)).find(
      (c) => c.partyId === partyId,
    );
    const submission: StoredSubmission = {
      processId: input.processId,
      partyId,
      number: (latest?.latest ?? 0) + 1,
      compartmentId: caucus.id,
      weights: draft.weights,
      scores: draft.scores,
      reservation: draft.reservation,
      method: draft.method,
      draftRevision: draft.revision,
      submittedAt: deps.clock.now().toISOString(),
      submittedBy: input.actor.userId,
    };
    if (!(await s.preferences.addSubmission(submission)))
      throw new DomainError(
        'STALE_REVISION',
        'Someone in your delegation submitted at the same moment; look at the submissions and try again.',
      );
    await s.audit.append({
      kind: 'preferences.submitted',
      data: { partyId, number: submission.number, revision: draft.revision },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: caucus.id,
    });
    return submission;
  });
}
