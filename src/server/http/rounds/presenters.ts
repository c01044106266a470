/** Rounds, sessions and minutes as the contract shows them. Never a row, never a field the contract does not name. */
import type { z } from 'zod';
import { minutesResponse, roundResponse, sessionResponse } from '../../../contract/rounds.js';
import type { RoundView } from '../../../core/usecases/rounds/round-context.js';
import type { MinutesView, SessionView } from '../../../core/usecases/rounds/session-view.js';

/** A round as the contract says: the venue replaced by "withheld" for anyone not to see it. */
export const presentRound = (v: RoundView): z.input<typeof roundResponse> => ({
  id: v.round.id,
  number: v.round.number,
  title: v.round.title,
  startsOn: v.round.startsOn,
  endsOn: v.round.endsOn,
  status: v.round.status,
  venue: v.venue,
  invited: v.invited,
  acknowledged: v.acknowledged,
  rules: v.round.rules,
  rulesHash: v.round.rulesHash,
  invitees: v.invitees,
  revision: v.round.revision,
  updatedAt: v.round.updatedAt,
});

/** Minutes with the approvals of their current text. */
export const presentMinutes = (m: MinutesView): z.input<typeof minutesResponse> => ({
  id: m.id,
  kind: m.kind,
  compartmentId: m.compartmentId,
  text: m.text,
  hash: m.hash,
  revision: m.revision,
  updatedAt: m.updatedAt,
  approvals: m.approvals.map((a) => ({
    partyId: a.partyId,
    hash: a.hash,
    approvedAt: a.approvedAt,
  })),
  awaiting: m.awaiting,
  approved: m.approved,
  objections: m.objections.map((o) => ({
    partyId: o.partyId,
    kind: o.kind,
    comment: o.comment,
    at: o.at,
  })),
});

/** A session with the attendees and minutes the reader may see. */
export const presentSession = (v: SessionView): z.input<typeof sessionResponse> => ({
  id: v.session.id,
  roundId: v.session.roundId,
  format: v.session.format,
  partyId: v.session.partyId,
  compartmentId: v.session.compartmentId,
  title: v.session.title,
  startsAt: v.session.startsAt,
  endsAt: v.session.endsAt,
  agenda: v.session.agenda,
  attendance: v.attendance,
  revision: v.session.revision,
  minutes: v.minutes.map(presentMinutes),
});
