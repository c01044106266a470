import type { Kysely } from 'kysely';
import type { RecordStore } from '../../core/ports.js';
import type {
  AgendaIssue,
  Proposal,
  ProposalResponse,
  ResponseKind,
} from '../../core/record/model.js';
import { asId, type ProposalId } from '../../core/shared/ids.js';
import { AtRestError } from '../security/at-rest.js';
import { readersOf, type Sealer } from './data-keys.js';
import { nextPosition } from './next-position.js';
import type { DB, ProposalsTable } from './schema.js';
import { visibleTo } from './visible-to.js';

/**
 * The negotiation record in SQL; positions and proposals are filtered by `visibleTo`. Every text
 * (agenda, options, demands, positions, proposal and response notes) is encrypted.
 */
export function recordRepository(db: Kysely<DB>, sealer: Sealer): RecordStore {
  async function withTerms(rows: ProposalsTable[]): Promise<Proposal[]> {
    if (rows.length === 0) return [];
    const boxOf = await readersOf(
      sealer,
      rows.map((r) => r.process_id),
    );
    const terms = await db
      .selectFrom('proposal_terms')
      .innerJoin('agenda_issues', 'agenda_issues.id', 'proposal_terms.issue_id')
      .select(['proposal_terms.proposal_id', 'proposal_terms.issue_id', 'proposal_terms.option_id'])
      .where(
        'proposal_terms.proposal_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('agenda_issues.position')
      .execute();
    return rows.map((r) => ({
      id: asId(r.id),
      processId: asId(r.process_id),
      compartmentId: asId(r.compartment_id),
      tabledByParty: r.tabled_by_party === null ? null : asId(r.tabled_by_party),
      tabledBy: asId(r.tabled_by),
      round: r.round,
      tabledAt: r.tabled_at,
      terms: terms
        .filter((t) => t.proposal_id === r.id)
        .map((t) => ({
          issueId: asId<'Issue'>(t.issue_id),
          optionId: asId<'Option'>(t.option_id),
        })),
      note: boxOf(r.process_id).row('proposals', [r.id]).open('note', r.note),
      respondsTo: r.responds_to === null ? null : asId(r.responds_to),
    }));
  }

  return {
    async insertIssue(issue) {
      const box = await sealer.writer(issue.processId);
      const sealed = box.row('agenda_issues', [issue.id]);
      await db
        .insertInto('agenda_issues')
        .values({
          id: issue.id,
          process_id: issue.processId,
          position: await nextPosition(db, 'agenda_issues', issue.processId),
          title: sealed.seal('title', issue.title),
          description: sealed.seal('description', issue.description),
        })
        .execute();
      if (issue.options.length)
        await db
          .insertInto('issue_options')
          .values(
            issue.options.map((o, i) => ({
              id: o.id,
              issue_id: issue.id,
              position: i + 1,
              label: box.row('issue_options', [o.id]).seal('label', o.label),
            })),
          )
          .execute();
    },
    async listIssues(processId) {
      const issues = await db
        .selectFrom('agenda_issues')
        .selectAll()
        .where('process_id', '=', processId)
        .orderBy('position')
        .execute();
      const options = issues.length
        ? await db
            .selectFrom('issue_options')
            .selectAll()
            .where(
              'issue_id',
              'in',
              issues.map((i) => i.id),
            )
            .orderBy('position')
            .execute()
        : [];
      const box = await sealer.reader(processId);
      return issues.map((i): AgendaIssue => {
        const sealed = box.row('agenda_issues', [i.id]);
        return {
          id: asId(i.id),
          processId: asId(i.process_id),
          title: sealed.open('title', i.title),
          description: sealed.open('description', i.description),
          options: options
            .filter((o) => o.issue_id === i.id)
            .map((o) => ({
              id: asId(o.id),
              label: box.row('issue_options', [o.id]).open('label', o.label),
            })),
        };
      });
    },
    async insertDemand(d) {
      const sealed = (await sealer.writer(d.processId)).row('demands', [d.id]);
      await db
        .insertInto('demands')
        .values({
          id: d.id,
          process_id: d.processId,
          party_id: d.partyId,
          issue_id: d.issueId,
          text: sealed.seal('text', d.text),
          source: d.source,
          stated_on: d.statedOn,
          recorded_by: d.recordedBy,
        })
        .execute();
    },
    async listDemands(processId) {
      const rows = await db
        .selectFrom('demands')
        .selectAll()
        .where('process_id', '=', processId)
        .orderBy('stated_on')
        .orderBy('id')
        .execute();
      const box = await sealer.reader(processId);
      return rows.map((r) => ({
        id: asId(r.id),
        processId: asId(r.process_id),
        partyId: asId(r.party_id),
        issueId: r.issue_id === null ? null : asId(r.issue_id),
        text: box.row('demands', [r.id]).open('text', r.text),
        source: r.source,
        statedOn: r.stated_on,
        recordedBy: asId(r.recorded_by),
      }));
    },
    async insertPosition(p) {
      const sealed = (await sealer.writer(p.processId)).row('positions', [p.id]);
      await db
        .insertInto('positions')
        .values({
          id: p.id,
          process_id: p.processId,
          compartment_id: p.compartmentId,
          party_id: p.partyId,
          issue_id: p.issueId,
          option_id: p.optionId,
          text: sealed.seal('text', p.text),
          recorded_by: p.recordedBy,
          recorded_at: p.recordedAt,
        })
        .execute();
    },
    async listPositions(processId, visible) {
      const rows = await db
        .selectFrom('positions')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .orderBy('recorded_at')
        .orderBy('id')
        .execute();
      const box = await sealer.reader(processId);
      return rows.map((r) => ({
        id: asId(r.id),
        processId: asId(r.process_id),
        compartmentId: asId(r.compartment_id),
        partyId: asId(r.party_id),
        issueId: asId(r.issue_id),
        optionId: r.option_id === null ? null : asId(r.option_id),
        text: box.row('positions', [r.id]).open('text', r.text),
        recordedBy: asId(r.recorded_by),
        recordedAt: r.recorded_at,
      }));
    },
    async insertProposal(p) {
      const sealed = (await sealer.writer(p.processId)).row('proposals', [p.id]);
      await db
        .insertInto('proposals')
        .values({
          id: p.id,
          process_id: p.processId,
          compartment_id: p.compartmentId,
          tabled_by_party: p.tabledByParty,
          tabled_by: p.tabledBy,
          round: p.round,
          tabled_at: p.tabledAt,
          note: sealed.seal('note', p.note),
          responds_to: p.respondsTo,
        })
        .execute();
      await db
        .insertInto('proposal_terms')
        .values(
          p.terms.map((t) => ({ proposal_id: p.id, issue_id: t.issueId, option_id: t.optionId })),
        )
        .execute();
    },
    async findProposal(id: ProposalId, visible) {
      const rows = await db
        .selectFrom('proposals')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(visible))
        .execute();
      return (await withTerms(rows))[0];
    },
    async listProposals(processId, visible) {
      const rows = await db
        .selectFrom('proposals')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .orderBy('round')
        .orderBy('tabled_at')
        .orderBy('id')
        .execute();
      return withTerms(rows);
    },
    async insertResponse(r) {
      const proposal = await db
        .selectFrom('proposals')
        .select('process_id')
        .where('id', '=', r.proposalId)
        .executeTakeFirst();
      if (!proposal)
        throw new AtRestError(`proposal ${r.proposalId} not found to seal its response`);
      const sealed = (await sealer.writer(proposal.process_id)).row('proposal_responses', [
        r.proposalId,
        r.partyId,
      ]);
      await db
        .insertInto('proposal_responses')
        .values({
          proposal_id: r.proposalId,
          party_id: r.partyId,
          kind: r.kind,
          counter_proposal_id: r.counterProposalId,
          note: sealed.seal('note', r.note),
          responded_by: r.respondedBy,
          responded_at: r.respondedAt,
        })
        .execute();
    },
    async listResponses(proposalIds) {
      if (proposalIds.length === 0) return [];
      const rows = await db
        .selectFrom('proposal_responses')
        .innerJoin('proposals', 'proposals.id', 'proposal_responses.proposal_id')
        .selectAll('proposal_responses')
        .select('proposals.process_id')
        .where('proposal_responses.proposal_id', 'in', [...proposalIds])
        .orderBy('proposal_responses.responded_at')
        .execute();
      const boxOf = await readersOf(
        sealer,
        rows.map((r) => r.process_id),
      );
      return rows.map((r): ProposalResponse => ({
        proposalId: asId(r.proposal_id),
        partyId: asId(r.party_id),
        kind: r.kind as ResponseKind,
        counterProposalId: r.counter_proposal_id === null ? null : asId(r.counter_proposal_id),
        note: boxOf(r.process_id)
          .row('proposal_responses', [r.proposal_id, r.party_id])
          .open('note', r.note),
        respondedBy: asId(r.responded_by),
        respondedAt: r.responded_at,
      }));
    },
  };
}
