/** Rounds and sessions (C3): rounds, invitations, acknowledgements, consultations, sessions, minutes. */
import { z } from 'zod';
import {
  consultationAnswers,
  minutesKinds,
  roundStatuses,
  sessionFormats,
} from '../core/rounds/model.js';
import { idSchema, text, timestamp } from './common.js';

const date = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time' });
/** A SHA-256 in hex. */
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 in hex' });

/** Where a round stands. */
export const roundStatus = z.enum(roundStatuses);
/** The formats of a session. */
export const sessionFormat = z.enum(sessionFormats);
/** The mediators' own minutes, or the plenary's that every party approves. */
export const minutesKind = z.enum(minutesKinds);
/** The response form of a consultation. */
export const consultationAnswer = z.enum(consultationAnswers);

/** The venue, or why it is withheld: the venue field is replaced, never sent to the uninvited. */
export const venueResponse = z.discriminatedUnion('withheld', [
  z.object({
    /** Shown: the reader is invited and has acknowledged the rules. */
    withheld: z.literal(false),
    /** The venue. */
    name: z.string(),
  }),
  z.object({
    /** Withheld. */
    withheld: z.literal(true),
    /** Not invited to this round, or invited but the rules are not yet acknowledged. */
    reason: z.enum(['not_invited', 'not_acknowledged']),
  }),
]);

const person = z.object({
  /** The member. */
  userId: idSchema,
  /** Their name. */
  displayName: z.string(),
});

/** A round as one member sees it. */
export const roundResponse = z.object({
  /** Round id. */
  id: idSchema,
  /** 1, 2, 3 … per process. */
  number: z.number().int(),
  /** Title. */
  title: z.string(),
  /** First day. */
  startsOn: z.string(),
  /** Last day. */
  endsOn: z.string(),
  /** Where it stands. */
  status: roundStatus,
  /** The venue, or "withheld" with the reason. */
  venue: venueResponse,
  /** Whether I am invited. */
  invited: z.boolean(),
  /** Whether I have acknowledged the current rules (the round opens to me only then). */
  acknowledged: z.boolean(),
  /** The confidentiality rules to acknowledge. */
  rules: z.string(),
  /** Their SHA-256, to name when acknowledging. */
  rulesHash: z.string(),
  /** The invitees I may know of: organisers see all, a party its own and the mediators. */
  invitees: z.array(person),
  /** Revision to name when changing the round. */
  revision: z.number().int(),
  /** Last changed. */
  updatedAt: timestamp,
});
/** The rounds of a process. */
export const roundListResponse = z.object({ rounds: z.array(roundResponse) });
/** Process and round ids in the path. */
export const roundParams = z.object({ processId: idSchema, roundId: idSchema });

/** A new round. */
export const createRoundRequest = z.object({
  /** Title; it should not name the venue. */
  title: text(300),
  /** First day. */
  startsOn: date,
  /** Last day. */
  endsOn: date,
  /** The venue, for invitees only. */
  venue: text(500),
  /** Confidentiality rules; the default rules when absent. */
  rules: z.string().max(10_000).nullable().default(null),
  /** Members invited. */
  invitees: z.array(idSchema).max(500).default([]),
});
/** Changes to a round. */
export const updateRoundRequest = z
  .object({
    /** The revision the change starts from. */
    baseRevision: z.number().int().min(1),
    /** A new title. */
    title: text(300).optional(),
    /** A new first day. */
    startsOn: date.optional(),
    /** A new last day. */
    endsOn: date.optional(),
    /** A new venue. */
    venue: text(500).optional(),
    /** New rules: everyone acknowledges them again. */
    rules: text(10_000).optional(),
  })
  .refine((v) => [v.title, v.startsOn, v.endsOn, v.venue, v.rules].some((x) => x !== undefined), {
    error: 'change at least one of title, startsOn, endsOn, venue, rules',
  });
/** A round's new invitation list. */
export const setInviteesRequest = z.object({
  /** The revision the change starts from. */
  baseRevision: z.number().int().min(1),
  /** Everyone invited, replacing the list. */
  invitees: z.array(idSchema).max(500),
});
/** A round's next status. */
export const roundStatusRequest = z.object({
  /** The new status. */
  to: roundStatus,
  /** Only with "in_consultations": what is consulted on, and until when answers are taken. */
  consultation: z
    .object({ subject: text(4000), deadline: instant })
    .nullable()
    .default(null),
});
/** An acknowledgement of a round's rules. */
export const acknowledgeRequest = z.object({
  /** The SHA-256 of the rules read. */
  rulesHash: sha256,
});
/** A recorded acknowledgement. */
export const acknowledgementResponse = z.object({
  /** The round. */
  roundId: idSchema,
  /** The rules acknowledged. */
  rulesHash: z.string(),
  /** When. */
  acknowledgedAt: timestamp,
});

/** A party's answer to a consultation. */
export const consultationResponseEntry = z.object({
  /** The answering party. */
  partyId: idSchema,
  /** Its bilateral channel with the mediators, where the answer lives. */
  compartmentId: idSchema,
  /** Accept, accept with reservations, or counter-text. */
  kind: consultationAnswer,
  /** Reservations or counter-text. */
  text: z.string(),
  /** When (a later answer before the deadline replaces an earlier one). */
  respondedAt: timestamp,
});
/** An answer to a round's open consultation. */
export const consultationAnswerRequest = z.object({
  /** Accept, accept with reservations, or counter-text. */
  kind: consultationAnswer,
  /** Reservations, or the counter-text; may be empty for a plain accept. */
  text: z.string().max(20_000).default(''),
});
const consultationEntry = z.object({
  /** Consultation id. */
  id: idSchema,
  /** What the delegations take back to their principals. */
  subject: z.string(),
  /** Answers are taken until then. */
  deadline: timestamp,
  /** When the round went into consultations. */
  openedAt: timestamp,
  /** Null while open. */
  closedAt: timestamp.nullable(),
  /** The answers I may see (my party's, or every party's for the mediators). */
  responses: z.array(consultationResponseEntry),
});

/** Minutes of a session with the approvals of their current text. */
export const minutesResponse = z.object({
  /** Minutes id. */
  id: idSchema,
  /** The mediators' own, or the plenary's. */
  kind: minutesKind,
  /** The mediators' room or the plenary. */
  compartmentId: idSchema,
  /** The text. */
  text: z.string(),
  /** SHA-256 of the text: name it when approving. */
  hash: z.string(),
  /** Revision to name when editing. */
  revision: z.number().int(),
  /** Last changed. */
  updatedAt: timestamp,
  /** Approvals of the current text. */
  approvals: z.array(z.object({ partyId: idSchema, hash: z.string(), approvedAt: timestamp })),
  /** Parties still to approve (plenary minutes). */
  awaiting: z.array(idSchema),
  /** Plenary minutes every party has approved. */
  approved: z.boolean(),
  /** Parties that rejected the current text or asked for a change. */
  objections: z.array(
    z.object({
      partyId: idSchema,
      /** Rejected outright, or a change asked for. */
      kind: z.enum(['rejected', 'change_requested']),
      /** The party's comment: for the mediator team and that party only, null for others. */
      comment: z.string().nullable(),
      at: timestamp,
    }),
  ),
});
/** A session as one member sees it. */
export const sessionResponse = z.object({
  /** Session id. */
  id: idSchema,
  /** Its round. */
  roundId: idSchema,
  /** Plenary, caucus, bilateral, shuttle or proximity. */
  format: sessionFormat,
  /** The party of a caucus or bilateral session. */
  partyId: idSchema.nullable(),
  /** Where it lives. */
  compartmentId: idSchema,
  /** Title. */
  title: z.string(),
  /** Start (UTC). */
  startsAt: timestamp,
  /** End (UTC). */
  endsAt: timestamp,
  /** Agenda issue ids, in order. */
  agenda: z.array(idSchema),
  /** The attendees I may see. */
  attendance: z.array(person),
  /** Revision to name when recording attendance. */
  revision: z.number().int(),
  /** Its minutes I may read. */
  minutes: z.array(minutesResponse),
});
/** An opened round. */
export const roundDetailResponse = roundResponse.extend({
  /** Sessions I may see, by start. */
  sessions: z.array(sessionResponse),
  /** Consultations I may see. */
  consultations: z.array(consultationEntry),
});

/** A new session. */
export const scheduleSessionRequest = z.object({
  /** Plenary, caucus, bilateral, shuttle or proximity. */
  format: sessionFormat,
  /** The party, for a caucus or bilateral session only. */
  partyId: idSchema.nullable().default(null),
  /** Title. */
  title: text(300),
  /** Start, within the round's dates. */
  startsAt: instant,
  /** End, after the start. */
  endsAt: instant,
  /** Agenda issue ids, in order. */
  agenda: z.array(idSchema).max(50).default([]),
});
/** Process, round and session ids in the path. */
export const sessionParams = z.object({
  processId: idSchema,
  roundId: idSchema,
  sessionId: idSchema,
});
/** A session's attendance. */
export const attendanceRequest = z.object({
  /** The session revision the change starts from. */
  baseRevision: z.number().int().min(1),
  /** Everyone who attended, replacing the list. */
  attendees: z.array(idSchema).max(500),
});
/** Session and kind of minutes in the path. */
export const minutesParams = sessionParams.extend({ kind: minutesKind });
/** New text of minutes. */
export const writeMinutesRequest = z.object({
  /** The revision the text starts from; 0 for the first text. */
  baseRevision: z.number().int().min(0),
  /** The text. */
  text: text(200_000),
});
/** An approval of minutes. */
export const approveRequest = z.object({
  /** The SHA-256 of the text approved. */
  hash: sha256,
});
/** A party's rejection of minutes, or its request for a change. */
export const minutesObjectionRequest = z.object({
  /** The SHA-256 of the text answered. */
  hash: sha256,
  /** Rejected outright, or a change asked for. */
  kind: z.enum(['rejected', 'change_requested']),
  /** What is wrong or what should change, for the mediators. */
  comment: z.string().min(1).max(4000),
});
/** A personal calendar: an iCalendar (RFC 5545) stream, sent as text/calendar. */
export const calendarResponse = z.string();
