import type { Kysely } from 'kysely';
import type { RoundStore } from '../../core/ports.js';
import type {
  Consultation,
  ConsultationAnswer,
  ConsultationResponse,
  Minutes,
  MinutesKind,
  MinutesObjection,
  Round,
  RoundSession,
  RoundStatus,
  SessionFormat,
} from '../../core/rounds/model.js';
import { asId } from '../../core/shared/ids.js';
import type {
  ConsultationsTable,
  DB,
  MinutesTable,
  RoundSessionsTable,
  RoundsTable,
} from './schema.js';
import { AtRestError } from '../security/at-rest.js';
import { readersOf, type ProcessBox, type Sealer } from './data-keys.js';
import { visibleTo } from './visible-to.js';

const toConsultation = (r: ConsultationsTable, box: ProcessBox): Consultation => ({
  id: asId(r.id),
  processId: asId(r.process_id),
  roundId: asId(r.round_id),
  compartmentId: asId(r.compartment_id),
  subject: box.row('consultations', [r.id]).open('subject', r.subject),
  deadline: r.deadline,
  openedAt: r.opened_at,
  openedBy: asId(r.opened_by),
  closedAt: r.closed_at,
});

const toMinutes = (r: MinutesTable, box: ProcessBox): Minutes => ({
  id: asId(r.id),
  processId: asId(r.process_id),
  sessionId: asId(r.session_id),
  kind: r.kind as MinutesKind,
  compartmentId: asId(r.compartment_id),
  text: box.row('minutes', [r.id]).open('text', r.text),
  hash: r.hash,
  revision: r.revision,
  updatedAt: r.updated_at,
  updatedBy: asId(r.updated_by),
});

/**
 * Rounds, sessions, minutes and consultations in SQL. Rounds are process set-up (the use cases
 * withhold their venue); sessions, minutes, consultations and answers are filtered by `visibleTo`.
 * Round titles, venues and rules, session titles, minutes, consultation subjects and answers are
 * encrypted; the rules' SHA-256 (what acknowledgements bind) stays readable.
 */
export function roundsRepository(db: Kysely<DB>, sealer: Sealer): RoundStore {
  async function withInvitees(rows: RoundsTable[]): Promise<Round[]> {
    if (rows.length === 0) return [];
    const boxOf = await readersOf(
      sealer,
      rows.map((r) => r.process_id),
    );
    const invitees = await db
      .selectFrom('round_invitees')
      .select(['round_id', 'user_id'])
      .where(
        'round_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('user_id')
      .execute();
    return rows.map((r) => {
      const sealed = boxOf(r.process_id).row('rounds', [r.id]);
      return {
        id: asId(r.id),
        processId: asId(r.process_id),
        number: r.number,
        title: sealed.open('title', r.title),
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        venue: sealed.open('venue', r.venue),
        rules: sealed.open('rules', r.rules),
        rulesHash: r.rules_hash,
        status: r.status as RoundStatus,
        invitees: invitees.filter((i) => i.round_id === r.id).map((i) => asId<'User'>(i.user_id)),
        revision: r.revision,
        createdBy: asId(r.created_by),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      };
    });
  }

  async function writeInvitees(round: Round): Promise<void> {
    await db.deleteFrom('round_invitees').where('round_id', '=', round.id).execute();
    if (round.invitees.length)
      await db
        .insertInto('round_invitees')
        .values(round.invitees.map((u) => ({ round_id: round.id, user_id: u })))
        .execute();
  }

  async function withDetails(rows: RoundSessionsTable[]): Promise<RoundSession[]> {
    if (rows.length === 0) return [];
    const boxOf = await readersOf(
      sealer,
      rows.map((r) => r.process_id),
    );
    const ids = rows.map((r) => r.id);
    const agenda = await db
      .selectFrom('session_agenda')
      .selectAll()
      .where('session_id', 'in', ids)
      .orderBy('position')
      .execute();
    const attendance = await db
      .selectFrom('session_attendance')
      .selectAll()
      .where('session_id', 'in', ids)
      .orderBy('user_id')
      .execute();
    return rows.map((r) => ({
      id: asId(r.id),
      processId: asId(r.process_id),
      roundId: asId(r.round_id),
      compartmentId: asId(r.compartment_id),
      format: r.format as SessionFormat,
      partyId: r.party_id === null ? null : asId(r.party_id),
      title: boxOf(r.process_id).row('round_sessions', [r.id]).open('title', r.title),
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      agenda: agenda.filter((a) => a.session_id === r.id).map((a) => asId<'Issue'>(a.issue_id)),
      attendance: attendance
        .filter((a) => a.session_id === r.id)
        .map((a) => asId<'User'>(a.user_id)),
      revision: r.revision,
      createdBy: asId(r.created_by),
      createdAt: r.created_at,
    }));
  }

  return {
    async insertRound(r) {
      const sealed = (await sealer.writer(r.processId)).row('rounds', [r.id]);
      await db
        .insertInto('rounds')
        .values({
          id: r.id,
          process_id: r.processId,
          number: r.number,
          title: sealed.seal('title', r.title),
          starts_on: r.startsOn,
          ends_on: r.endsOn,
          venue: sealed.seal('venue', r.venue),
          rules: sealed.seal('rules', r.rules),
          rules_hash: r.rulesHash,
          status: r.status,
          revision: r.revision,
          created_by: r.createdBy,
          created_at: r.createdAt,
          updated_at: r.updatedAt,
        })
        .execute();
      await writeInvitees(r);
    },
    async updateRound(r, expectedRevision) {
      const sealed = (await sealer.writer(r.processId)).row('rounds', [r.id]);
      const res = await db
        .updateTable('rounds')
        .set({
          title: sealed.seal('title', r.title),
          starts_on: r.startsOn,
          ends_on: r.endsOn,
          venue: sealed.seal('venue', r.venue),
          rules: sealed.seal('rules', r.rules),
          rules_hash: r.rulesHash,
          status: r.status,
          revision: r.revision,
          updated_at: r.updatedAt,
        })
        .where('id', '=', r.id)
        .where('revision', '=', expectedRevision)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return false;
      await writeInvitees(r);
      return true;
    },
    async findRound(id) {
      const rows = await db.selectFrom('rounds').selectAll().where('id', '=', id).execute();
      return (await withInvitees(rows))[0];
    },
    async listRounds(processId) {
      const rows = await db
        .selectFrom('rounds')
        .selectAll()
        .where('process_id', '=', processId)
        .orderBy('number')
        .execute();
      return withInvitees(rows);
    },
    async latestRoundNumber(processId) {
      const r = await db
        .selectFrom('rounds')
        .select((eb) => eb.fn.max<number>('number').as('n'))
        .where('process_id', '=', processId)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async insertAcknowledgement(a) {
      await db
        .insertInto('round_acknowledgements')
        .values({
          round_id: a.roundId,
          user_id: a.userId,
          rules_hash: a.rulesHash,
          acknowledged_at: a.acknowledgedAt,
        })
        .execute();
    },
    async listAcknowledgements(userId, roundIds) {
      if (roundIds.length === 0) return [];
      const rows = await db
        .selectFrom('round_acknowledgements')
        .selectAll()
        .where('user_id', '=', userId)
        .where('round_id', 'in', [...roundIds])
        .orderBy('acknowledged_at')
        .execute();
      return rows.map((r) => ({
        roundId: asId(r.round_id),
        userId: asId(r.user_id),
        rulesHash: r.rules_hash,
        acknowledgedAt: r.acknowledged_at,
      }));
    },
    async insertConsultation(c) {
      const sealed = (await sealer.writer(c.processId)).row('consultations', [c.id]);
      await db
        .insertInto('consultations')
        .values({
          id: c.id,
          process_id: c.processId,
          round_id: c.roundId,
          compartment_id: c.compartmentId,
          subject: sealed.seal('subject', c.subject),
          deadline: c.deadline,
          opened_at: c.openedAt,
          opened_by: c.openedBy,
          closed_at: c.closedAt,
        })
        .execute();
    },
    async closeConsultation(roundId, at) {
      const open = await db
        .selectFrom('consultations')
        .selectAll()
        .where('round_id', '=', roundId)
        .where('closed_at', 'is', null)
        .executeTakeFirst();
      if (!open) return undefined;
      await db
        .updateTable('consultations')
        .set({ closed_at: at })
        .where('id', '=', open.id)
        .execute();
      return toConsultation({ ...open, closed_at: at }, await sealer.reader(open.process_id));
    },
    async findOpenConsultation(roundId) {
      const r = await db
        .selectFrom('consultations')
        .selectAll()
        .where('round_id', '=', roundId)
        .where('closed_at', 'is', null)
        .executeTakeFirst();
      return r && toConsultation(r, await sealer.reader(r.process_id));
    },
    async listConsultations(roundIds, visible) {
      if (roundIds.length === 0) return [];
      const rows = await db
        .selectFrom('consultations')
        .selectAll()
        .where('round_id', 'in', [...roundIds])
        .where(visibleTo(visible))
        .orderBy('opened_at')
        .orderBy('id')
        .execute();
      const boxOf = await readersOf(
        sealer,
        rows.map((r) => r.process_id),
      );
      return rows.map((r) => toConsultation(r, boxOf(r.process_id)));
    },
    async saveConsultationResponse(r) {
      const consultation = await db
        .selectFrom('consultations')
        .select('process_id')
        .where('id', '=', r.consultationId)
        .executeTakeFirst();
      if (!consultation)
        throw new AtRestError(`consultation ${r.consultationId} not found to seal its answer`);
      const sealed = (await sealer.writer(consultation.process_id)).row('consultation_responses', [
        r.consultationId,
        r.partyId,
      ]);
      await db
        .deleteFrom('consultation_responses')
        .where('consultation_id', '=', r.consultationId)
        .where('party_id', '=', r.partyId)
        .execute();
      await db
        .insertInto('consultation_responses')
        .values({
          consultation_id: r.consultationId,
          party_id: r.partyId,
          compartment_id: r.compartmentId,
          kind: r.kind,
          text: sealed.seal('text', r.text),
          responded_by: r.respondedBy,
          responded_at: r.respondedAt,
        })
        .execute();
    },
    async listConsultationResponses(consultationIds, visible) {
      if (consultationIds.length === 0) return [];
      const rows = await db
        .selectFrom('consultation_responses')
        .innerJoin('consultations', 'consultations.id', 'consultation_responses.consultation_id')
        .selectAll('consultation_responses')
        .select('consultations.process_id')
        .where('consultation_responses.consultation_id', 'in', [...consultationIds])
        .where(visibleTo(visible, 'consultation_responses.compartment_id'))
        .orderBy('consultation_responses.responded_at')
        .execute();
      const boxOf = await readersOf(
        sealer,
        rows.map((r) => r.process_id),
      );
      return rows.map((r): ConsultationResponse => ({
        consultationId: asId(r.consultation_id),
        partyId: asId(r.party_id),
        compartmentId: asId(r.compartment_id),
        kind: r.kind as ConsultationAnswer,
        text: boxOf(r.process_id)
          .row('consultation_responses', [r.consultation_id, r.party_id])
          .open('text', r.text),
        respondedBy: asId(r.responded_by),
        respondedAt: r.responded_at,
      }));
    },
    async insertSession(s) {
      const sealed = (await sealer.writer(s.processId)).row('round_sessions', [s.id]);
      await db
        .insertInto('round_sessions')
        .values({
          id: s.id,
          process_id: s.processId,
          round_id: s.roundId,
          compartment_id: s.compartmentId,
          format: s.format,
          party_id: s.partyId,
          title: sealed.seal('title', s.title),
          starts_at: s.startsAt,
          ends_at: s.endsAt,
          revision: s.revision,
          created_by: s.createdBy,
          created_at: s.createdAt,
        })
        .execute();
      if (s.agenda.length)
        await db
          .insertInto('session_agenda')
          .values(
            s.agenda.map((issue, i) => ({ session_id: s.id, issue_id: issue, position: i + 1 })),
          )
          .execute();
      if (s.attendance.length)
        await db
          .insertInto('session_attendance')
          .values(s.attendance.map((u) => ({ session_id: s.id, user_id: u })))
          .execute();
    },
    async findSession(id, visible) {
      const rows = await db
        .selectFrom('round_sessions')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(visible))
        .execute();
      return (await withDetails(rows))[0];
    },
    async listSessions(query) {
      if (query.roundIds && query.roundIds.length === 0) return [];
      let q = db
        .selectFrom('round_sessions')
        .selectAll()
        .where('process_id', '=', query.processId)
        .where(visibleTo(query.visible));
      if (query.roundIds) q = q.where('round_id', 'in', [...query.roundIds]);
      return withDetails(await q.orderBy('starts_at').orderBy('id').execute());
    },
    async saveAttendance(s, expectedRevision) {
      const res = await db
        .updateTable('round_sessions')
        .set({ revision: s.revision })
        .where('id', '=', s.id)
        .where('revision', '=', expectedRevision)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return false;
      await db.deleteFrom('session_attendance').where('session_id', '=', s.id).execute();
      if (s.attendance.length)
        await db
          .insertInto('session_attendance')
          .values(s.attendance.map((u) => ({ session_id: s.id, user_id: u })))
          .execute();
      return true;
    },
    async findMinutes(sessionId, kind, visible) {
      const r = await db
        .selectFrom('minutes')
        .selectAll()
        .where('session_id', '=', sessionId)
        .where('kind', '=', kind)
        .where(visibleTo(visible))
        .executeTakeFirst();
      return r && toMinutes(r, await sealer.reader(r.process_id));
    },
    async saveMinutes(m, expectedRevision) {
      const sealed = (await sealer.writer(m.processId)).row('minutes', [m.id]);
      const values = {
        text: sealed.seal('text', m.text),
        hash: m.hash,
        revision: m.revision,
        updated_at: m.updatedAt,
        updated_by: m.updatedBy,
      };
      if (expectedRevision === null) {
        const exists = await db
          .selectFrom('minutes')
          .select('id')
          .where('session_id', '=', m.sessionId)
          .where('kind', '=', m.kind)
          .executeTakeFirst();
        if (exists) return false;
        await db
          .insertInto('minutes')
          .values({
            id: m.id,
            process_id: m.processId,
            session_id: m.sessionId,
            kind: m.kind,
            compartment_id: m.compartmentId,
            ...values,
          })
          .execute();
        return true;
      }
      const res = await db
        .updateTable('minutes')
        .set(values)
        .where('id', '=', m.id)
        .where('revision', '=', expectedRevision)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async listMinutes(sessionIds, visible) {
      if (sessionIds.length === 0) return [];
      const rows = await db
        .selectFrom('minutes')
        .selectAll()
        .where('session_id', 'in', [...sessionIds])
        .where(visibleTo(visible))
        .orderBy('kind')
        .execute();
      const boxOf = await readersOf(
        sealer,
        rows.map((r) => r.process_id),
      );
      return rows.map((r) => toMinutes(r, boxOf(r.process_id)));
    },
    async insertMinutesApproval(a) {
      await db
        .deleteFrom('minutes_approvals')
        .where('minutes_id', '=', a.minutesId)
        .where('party_id', '=', a.partyId)
        .execute();
      await db
        .insertInto('minutes_approvals')
        .values({
          minutes_id: a.minutesId,
          party_id: a.partyId,
          hash: a.hash,
          approved_by: a.approvedBy,
          approved_at: a.approvedAt,
        })
        .execute();
    },
    async clearMinutesApprovals(minutesId) {
      // Objections go with the text too, but only approvals are counted as reset.
      await db
        .deleteFrom('minutes_approvals')
        .where('minutes_id', '=', minutesId)
        .where('response', '!=', 'approved')
        .execute();
      const res = await db
        .deleteFrom('minutes_approvals')
        .where('minutes_id', '=', minutesId)
        .executeTakeFirst();
      return Number(res.numDeletedRows);
    },
    async insertMinutesObjection(o) {
      const m = await db
        .selectFrom('minutes')
        .select('process_id')
        .where('id', '=', o.minutesId)
        .executeTakeFirst();
      if (!m) throw new Error(`minutes ${o.minutesId} not found to seal an objection`);
      const sealed = (await sealer.writer(m.process_id)).row('minutes_approvals', [
        o.minutesId,
        o.partyId,
      ]);
      await db
        .deleteFrom('minutes_approvals')
        .where('minutes_id', '=', o.minutesId)
        .where('party_id', '=', o.partyId)
        .execute();
      await db
        .insertInto('minutes_approvals')
        .values({
          minutes_id: o.minutesId,
          party_id: o.partyId,
          hash: o.hash,
          approved_by: o.by,
          approved_at: o.at,
          response: o.kind,
          comment: sealed.seal('comment', o.comment),
        })
        .execute();
    },
    async listMinutesObjections(minutesIds) {
      if (minutesIds.length === 0) return [];
      const rows = await db
        .selectFrom('minutes_approvals')
        .innerJoin('minutes', 'minutes.id', 'minutes_approvals.minutes_id')
        .selectAll('minutes_approvals')
        .select('minutes.process_id')
        .where('minutes_approvals.minutes_id', 'in', [...minutesIds])
        .where('minutes_approvals.response', '!=', 'approved')
        .orderBy('minutes_approvals.approved_at')
        .execute();
      const boxOf = await readersOf(
        sealer,
        rows.map((r) => r.process_id),
      );
      return rows.map((r): MinutesObjection => ({
        minutesId: asId(r.minutes_id),
        partyId: asId(r.party_id),
        hash: r.hash,
        kind: r.response === 'rejected' ? 'rejected' : 'change_requested',
        comment: boxOf(r.process_id)
          .row('minutes_approvals', [r.minutes_id, r.party_id])
          .open('comment', r.comment ?? ''),
        by: asId(r.approved_by),
        at: r.approved_at,
      }));
    },
    async listMinutesApprovals(minutesIds) {
      if (minutesIds.length === 0) return [];
      const rows = await db
        .selectFrom('minutes_approvals')
        .selectAll()
        .where('minutes_id', 'in', [...minutesIds])
        .where('response', '=', 'approved')
        .orderBy('approved_at')
        .execute();
      return rows.map((r) => ({
        minutesId: asId(r.minutes_id),
        partyId: asId(r.party_id),
        hash: r.hash,
        approvedBy: asId(r.approved_by),
        approvedAt: r.approved_at,
      }));
    },
  };
}
