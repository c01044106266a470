import type { Actor } from '../../access/policy.js';
import type { PublicationView } from '../../analysis/disclosure.js';
import type { Domain } from '../../analysis/domain.js';
import type { SuggestionSet } from '../../analysis/suggestion-sets.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { asId, type ProcessId } from '../../shared/ids.js';
import { openProcess } from '../process-context.js';
import { engineIssues } from './preference-context.js';
import { partiesAtTable, publicationBound } from './suggestion-rules.js';

/**
 * The mediator team publishes a suggestion set: the engine runs on every party's latest
 * submission (never a draft), and the packages it chooses are stored, numbered and never changed,
 * with each party's own utilities of them. Every party is told (the announcement, in the plenary,
 * carries the set's number only). Bounded per round; beyond the bound every party must have
 * consented to this publication. The lead mediator and mediators publish.
 */
export async function publishSuggestionSet(
  deps: Deps<'db' | 'engine' | 'clock' | 'ids'>,
  input: { actor: Actor; processId: ProcessId },
): Promise<SuggestionSet> {
  const job = await deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    const role = ctx.membership.role;
    if (role !== 'lead_mediator' && role !== 'mediator')
      throw new DomainError(
        'FORBIDDEN',
        'The lead mediator or a mediator publishes suggestion sets.',
      );
    const parties = await partiesAtTable(s, input.processId);
    const bound = await publicationBound(s, input.processId, parties);
    if (bound.refusal) throw new DomainError('RULE_VIOLATION', bound.refusal);
    const issues = engineIssues(await s.record.listIssues(input.processId));
    if (issues.length === 0 || parties.length < 2)
      throw new DomainError(
        'RULE_VIOLATION',
        'A suggestion set needs an agenda with options and at least two parties at the table.',
      );
    const submissions = await s.preferences.latestSubmissions(input.processId);
    const missing = parties.filter((p) => !submissions.some((x) => x.partyId === p.id));
    if (missing.length)
      throw new DomainError(
        'RULE_VIOLATION',
        `Every party at the table must submit its ratings first; not yet: ${missing.map((p) => p.code).join(', ')}.`,
      );
    const used = parties.map((p) => {
      const sub = submissions.find((x) => x.partyId === p.id);
      if (!sub) throw notFound('Submission');
      return sub;
    });
    const domain: Domain = {
      issues,
      parties: used.map((u) => ({
        id: u.partyId,
        weights: u.weights,
        scores: u.scores,
        reservation: u.reservation,
      })),
    };
    const plenary = ctx.compartments.find((c) => c.kind === 'plenary');
    if (!plenary) throw notFound('Process');
    return { domain, used, plenaryId: plenary.id };
  });
  // The engine runs outside the transaction, as for the analysis.
  const view = await deps.engine.analyzeFor(job.domain, {}, { kind: 'publication' });
  if (view.kind !== 'publication') throw new Error('the engine answered another kind of view');
  return deps.db.transaction(async (s) => {
    // The bound again: another publication may have been made while the engine worked.
    const parties = await partiesAtTable(s, input.processId);
    const bound = await publicationBound(s, input.processId, parties);
    if (bound.refusal) throw new DomainError('RULE_VIOLATION', bound.refusal);
    const set: SuggestionSet & { compartmentId: typeof job.plenaryId } = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      number: bound.nextNumber,
      roundId: bound.round?.id ?? null,
      compartmentId: job.plenaryId,
      packages: view.packages.map((p) => ({ package: p.package, labels: [...p.labels] })),
      inputs: job.used.map((u) => numbersOf(view, u.partyId, u.number)),
      publishedAt: deps.clock.now().toISOString(),
      publishedBy: input.actor.userId,
    };
    if (!(await s.suggestions.addSet(set)))
      throw new DomainError(
        'STALE_REVISION',
        'Another suggestion set was published at the same moment; look at the sets and try again.',
      );
    await s.audit.append({
      kind: 'suggestions.published',
      data: { setId: set.id, number: set.number, roundId: set.roundId },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: job.plenaryId,
    });
    return set;
  });
}

/** One party's part of a publication: its submission and its own numbers. */
function numbersOf(view: PublicationView, partyId: string, submissionNumber: number) {
  const index = view.parties.indexOf(partyId);
  return {
    partyId: asId<'Party'>(partyId),
    submissionNumber,
    numbers: {
      reservation: view.reservation[index] ?? 0,
      utilities: view.packages.map((p) => p.utilities[index] ?? 0),
    },
  };
}
