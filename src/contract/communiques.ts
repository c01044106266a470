/** Joint communiqués, press lines, and the public statements logged beside them (C8). */
import { z } from 'zod';
import {
  communiqueKinds,
  communiqueStates,
  maxReleaseHoldMinutes,
} from '../core/communiques/model.js';
import { idSchema, text, timestamp } from './common.js';

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time' });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 in hex' });

/** A numbered joint communiqué, or a press line. */
export const communiqueKind = z.enum(communiqueKinds);
/** Drafted, circulated for approval, or released. */
export const communiqueState = z.enum(communiqueStates);

/** A communiqué or press line as I may see it now. */
export const communiqueResponse = z.object({
  /** Communiqué id. */
  id: idSchema,
  /** Communiqué or press line. */
  kind: communiqueKind,
  /** The communiqué's number once released; null for drafts and press lines. */
  number: z.number().int().nullable(),
  /** Title. */
  title: z.string(),
  /** The wording. */
  text: z.string(),
  /** Public from then, once released. */
  embargoUntil: timestamp.nullable(),
  /** Drafted (mediators only), circulated for approval, or released. */
  state: communiqueState,
  /** Where it is visible now: the mediators' room, the plenary, or the public compartment. */
  compartmentId: idSchema,
  /** Public now: released and past its embargo. */
  isPublic: z.boolean(),
  /** The round it concerns. */
  roundId: idSchema.nullable(),
  /** SHA-256 of the wording (kind, title, text, embargo): name it when approving. */
  hash: z.string(),
  /** Revision to name when editing. */
  revision: z.number().int(),
  /** Drafted. */
  createdAt: timestamp,
  /** Last changed. */
  updatedAt: timestamp,
  /** Released, or null. */
  releasedAt: timestamp.nullable(),
  /**
   * Once released, when it is (or becomes) public: the end of its undo window or its embargo.
   * Until then the lead mediator can withdraw it.
   */
  publicFrom: timestamp.nullable(),
  /** Approvals of the current wording; a null party is the mediator team. */
  approvals: z.array(
    z.object({ partyId: idSchema.nullable(), hash: z.string(), approvedAt: timestamp }),
  ),
  /** Who must still approve; null is the mediator team. */
  awaiting: z.array(idSchema.nullable()),
  /** Parties that rejected the current wording or asked for a change. */
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
/** A public statement logged beside the agreed line. */
export const statementResponse = z.object({
  /** Statement id. */
  id: idSchema,
  /** Whose statement. */
  partyId: idSchema,
  /** The round after which it was made. */
  roundId: idSchema.nullable(),
  /** The released line it is compared with. */
  agreedLineId: idSchema.nullable(),
  /** Where it was made. */
  source: z.string(),
  /** When (YYYY-MM-DD). */
  statedOn: z.string(),
  /** What was said. */
  text: z.string(),
  /** The mediators' note on how it departs from the agreed line. */
  divergence: z.string().nullable(),
  /** When it was logged. */
  recordedAt: timestamp,
});
/** Communiqués and statements I may see. */
export const communiqueListResponse = z.object({
  /** Drafts and circulated first, then released by number. */
  communiques: z.array(communiqueResponse),
  /** Public statements, by date. */
  statements: z.array(statementResponse),
});
/** Process and communiqué ids in the path. */
export const communiqueParams = z.object({ processId: idSchema, communiqueId: idSchema });
/** A new draft. */
export const draftCommuniqueRequest = z.object({
  /** Communiqué or press line. */
  kind: communiqueKind,
  /** Title. */
  title: text(300),
  /** The wording. */
  text: text(50_000),
  /** Public only from then, once released; null for at release. */
  embargoUntil: instant.nullable().default(null),
  /** The round it concerns. */
  roundId: idSchema.nullable().default(null),
});
/** Changes to a draft. */
export const editCommuniqueRequest = z
  .object({
    /** The revision the change starts from. */
    baseRevision: z.number().int().min(1),
    /** A new title. */
    title: text(300).optional(),
    /** A new wording. */
    text: text(50_000).optional(),
    /** A new embargo, or null to lift it. */
    embargoUntil: instant.nullable().optional(),
  })
  .refine((v) => v.title !== undefined || v.text !== undefined || v.embargoUntil !== undefined, {
    error: 'change the title, the text or the embargo',
  });
/** The wording read, by its hash: circulating, approving and releasing name it. */
/** A party's no to a circulated wording: rejected, or a change asked for, with a comment. */
export const objectionRequest = z.object({
  /** The hash of the wording answered. */
  hash: z.string().min(1).max(128),
  /** Rejected outright, or a change asked for. */
  kind: z.enum(['rejected', 'change_requested']),
  /** What is wrong or what should change, for the mediators. */
  comment: z.string().min(1).max(4000),
});
export const wordingHashRequest = z.object({
  /** The SHA-256 of the wording read. */
  hash: sha256,
});
/** Releasing an approved wording, optionally with an undo window. */
export const releaseRequest = wordingHashRequest.extend({
  /** Minutes before it is public, during which it can still be withdrawn (0: none). */
  holdMinutes: z
    .number()
    .int({ error: 'must be a whole number of minutes' })
    .min(0)
    .max(maxReleaseHoldMinutes, { error: `at most ${maxReleaseHoldMinutes} minutes` })
    .default(0),
});
/** A public statement to log. */
export const logStatementRequest = z.object({
  /** Whose statement. */
  partyId: idSchema,
  /** The round after which it was made. */
  roundId: idSchema.nullable().default(null),
  /** The released communiqué or press line it is compared with. */
  agreedLineId: idSchema.nullable().default(null),
  /** Where it was made. */
  source: text(500),
  /** When it was made. */
  statedOn: z.iso.date({ error: 'must be a date YYYY-MM-DD' }),
  /** What was said. */
  text: text(20_000),
});
/** Process and statement ids in the path. */
export const statementParams = z.object({ processId: idSchema, statementId: idSchema });
/** A divergence to raise. */
export const divergenceRequest = z.object({
  /** How the statement departs from the agreed line. */
  note: text(4000),
});
