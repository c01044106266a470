/** Processes, parties, people, invitations. */
import { z } from 'zod';
import { compartmentKinds } from '../core/access/compartments.js';
import { partyStatuses, processStatuses, roles, seatOrigins } from '../core/process/model.js';
import { accessChangeKinds } from '../core/access/access-changes.js';
import { idSchema, text, timestamp } from './common.js';

/** Process statuses, as the domain lists them. */
export const processStatus = z.enum(processStatuses);
/** A party's standing. */
export const partyStatus = z.enum(partyStatuses);
/** Roles in a process. */
export const role = z.enum(roles);
/** Compartment kinds. */
export const compartmentKind = z.enum(compartmentKinds);

export const createProcessRequest = z.object({
  /** A name that reveals nothing. */
  codename: text(80),
  /** The real title, for members only. */
  title: text(300),
  /** Require every member to sign in with a second factor. */
  requireTotp: z.boolean().default(false),
});
export const updateProcessRequest = z
  .object({
    codename: text(80),
    title: text(300),
    requireTotp: z.boolean(),
    /** Require every member to sign in with a passkey (only an organiser signed in with one may turn it on). */
    requirePasskey: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: 'name at least one field to change' });

export const processSummary = z.object({
  /** Process id. */
  id: idSchema,
  /** Codename. */
  codename: z.string(),
  /** Real title. */
  title: z.string(),
  /** Status. */
  status: processStatus,
  /** My role in it. */
  myRole: role,
  /** Created. */
  createdAt: timestamp,
});
export const processListResponse = z.object({ processes: z.array(processSummary) });

export const partyResponse = z.object({
  /** Party id. */
  id: idSchema,
  /** Full name. */
  name: z.string(),
  /** Short code. */
  code: z.string(),
  /** Participating, suspended or withdrawn. */
  status: partyStatus,
});
export const memberResponse = z.object({
  /** User id. */
  userId: idSchema,
  /** Name. */
  displayName: z.string(),
  /** Role. */
  role,
  /** Party for delegation roles. */
  partyId: idSchema.nullable(),
  /** Whether the head of delegation made this member a delegation admin, who confirms seats. */
  delegationAdmin: z.boolean(),
});
export const compartmentResponse = z.object({
  /** Compartment id. */
  id: idSchema,
  /** Kind. */
  kind: compartmentKind,
  /** Party for caucus and bilateral compartments. */
  partyId: idSchema.nullable(),
  /** Human label. */
  label: z.string(),
  /** Items in it (only ever counted over what the viewer may read). */
  itemCount: z.number().int(),
  /** Whether the viewer may add to it. */
  writable: z.boolean(),
});
export const statusChangeResponse = z.object({
  /** When. */
  at: timestamp,
  /** Process or party change. */
  subject: z.enum(['process', 'party']),
  /** Party concerned or responsible. */
  partyId: idSchema.nullable(),
  /** From. */
  from: z.string(),
  /** To. */
  to: z.string(),
  /** Why. */
  reason: z.string(),
  /** Recorded by. */
  byUserId: idSchema,
});
export const processLinkRequest = z.object({
  /** Short label. */
  label: text(200),
  /** How it relates. */
  note: z.string().max(4000).default(''),
  /** The earlier process, if in Parley. */
  linkedProcessId: idSchema.nullable().default(null),
});
export const processLinkResponse = z.object({
  label: z.string(),
  note: z.string(),
  linkedProcessId: idSchema.nullable(),
});
export const processResponse = z.object({
  process: processSummary.extend({
    requireTotp: z.boolean(),
    /** Whether every member must sign in with a passkey. */
    requirePasskey: z.boolean(),
  }),
  /** My membership. */
  me: memberResponse,
  parties: z.array(partyResponse),
  members: z.array(memberResponse),
  compartments: z.array(compartmentResponse),
  history: z.array(statusChangeResponse),
  links: z.array(processLinkResponse),
  /** Process-level actions I may take. */
  can: z.object({
    manage: z.boolean(),
    invite: z.boolean(),
    changeStatus: z.boolean(),
    viewAudit: z.boolean(),
  }),
});

export const changeStatusRequest = z.object({
  /** New status. */
  to: processStatus,
  /** Why. */
  reason: text(2000),
  /** The party that caused it, if one did. */
  causedByPartyId: idSchema.nullable().default(null),
});
export const addPartyRequest = z.object({
  /** Full name. */
  name: text(200),
  /** Short code: 2–8 letters or digits. */
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{2,8}$/, { error: 'must be 2 to 8 letters or digits' }),
});
export const partyParams = z.object({ processId: idSchema, partyId: idSchema });
export const changePartyStatusRequest = z.object({ to: partyStatus, reason: text(2000) });

export const createInvitationRequest = z.object({
  /** Role the invitee will hold. */
  role: role.exclude(['facilitator']),
  /** Party, for delegation roles. */
  partyId: idSchema.nullable().default(null),
  /** Whom it is for. */
  inviteeLabel: text(200),
  /** Days until it expires (1–30). */
  validDays: z.number().int().min(1).max(30).default(7),
});
export const invitationResponse = z.object({
  id: idSchema,
  role,
  partyId: idSchema.nullable(),
  inviteeLabel: z.string(),
  createdAt: timestamp,
  expiresAt: timestamp,
  usedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});
export const createdInvitationResponse = z.object({
  invitation: invitationResponse,
  /** The secret for the link, shown once: /invite/<secret>. */
  secret: z.string(),
});
export const invitationListResponse = z.object({ invitations: z.array(invitationResponse) });
export const invitationParams = z.object({ processId: idSchema, invitationId: idSchema });
export const invitationSecretParams = z.object({
  secret: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'is not an invitation secret' }),
});
export const invitationPreviewResponse = z.object({
  /** The codename only: the real title is for members. */
  codename: z.string(),
  role,
  /** Party name and code for delegation roles. */
  party: z.object({ name: z.string(), code: z.string() }).nullable(),
  expiresAt: timestamp,
});
export const acceptInvitationRequest = z.object({
  /** A new account, when not signed in. */
  newAccount: z
    .object({
      email: z.email({ error: 'must be an e-mail address' }),
      displayName: text(200),
      password: z.string().max(1024),
    })
    .nullable()
    .default(null),
});
export const acceptedInvitationResponse = z.object({
  processId: idSchema,
  /** Whether the seat awaits the consent of those who hold the room: until then it gives nothing. */
  pending: z.boolean(),
});

export const memberParams = z.object({ processId: idSchema, userId: idSchema });
export const accessChangeResponse = z.object({
  /** The audit entry it comes from. */
  seq: z.number().int(),
  at: z.string(),
  /** Whose access changed. */
  userId: idSchema,
  name: z.string(),
  /** Who changed it, or asked for it when it needed consent (null: the system). */
  byUserId: idSchema.nullable(),
  byName: z.string().nullable(),
  /** Who consented for the room's holder, when it needed consent. */
  confirmedByUserId: idSchema.nullable(),
  confirmedByName: z.string().nullable(),
  change: z.enum(accessChangeKinds),
  fromRole: role.nullable(),
  toRole: role.nullable(),
  partyId: idSchema.nullable(),
  /** Compartments it opened to them, and closed to them — only those the viewer reads. */
  opened: z.array(idSchema),
  closed: z.array(idSchema),
});
export const accessChangeListResponse = z.object({ changes: z.array(accessChangeResponse) });
export const changeRoleRequest = z.object({
  role: role.exclude(['facilitator']),
  partyId: idSchema.nullable().default(null),
});
export const grantRequest = z.object({ compartmentId: idSchema });
/** The answer to a change of role or a grant: whether it waits for consent. */
export const seatChangeResponse = z.object({
  ok: z.literal(true),
  /** True when it awaits the consent of those who hold the room it opens, and gives nothing yet. */
  pending: z.boolean(),
});
export const seatParams = z.object({ processId: idSchema, seatId: idSchema });
/** A seat in a delegation or the mediator team, or a grant of one of their rooms, awaiting consent. */
export const pendingSeatResponse = z.object({
  id: idSchema,
  /** Who would take the seat. */
  userId: idSchema,
  name: z.string(),
  /** How it came about. */
  origin: z.enum(seatOrigins),
  /** The role it gives (null for a grant). */
  role: role.nullable(),
  /** The party of a delegation seat. */
  partyId: idSchema.nullable(),
  /** The room a grant opens. */
  compartmentId: idSchema.nullable(),
  /** Who asked for it. */
  initiatedBy: idSchema,
  initiatedByName: z.string(),
  createdAt: timestamp,
  /** Whether I may confirm it. */
  canConfirm: z.boolean(),
  /** Whether I may decline it (or, as its initiator, withdraw it; or, as the person, refuse it). */
  canDecline: z.boolean(),
});
export const pendingSeatListResponse = z.object({ seats: z.array(pendingSeatResponse) });
export const delegationAdminRequest = z.object({
  /** Whether the member confirms seats for the party, like its head. */
  delegationAdmin: z.boolean(),
});

/** Who reads a compartment, counted by the policy: what an outward action into it reaches. */
export const compartmentAudienceResponse = z.object({
  compartmentId: idSchema,
  /** `public`: every member now, and the world once released. */
  kind: compartmentKind,
  /** How many members read it. */
  people: z.number().int(),
  /** How many of them are on the mediator team. */
  mediatorTeam: z.number().int(),
  /** The delegations that read it, with how many of their members do. */
  parties: z.array(z.object({ partyId: idSchema, people: z.number().int() })),
  /** Readers outside the mediator team and the delegations. */
  others: z.number().int(),
});
