/**
 * The wire types of the API, inferred from the shared zod contract. Only types are imported, so
 * zod itself stays out of the browser bundle; the server validates every request and answer.
 */
import type { z } from 'zod';
import type * as auth from '../../contract/auth.js';
import type * as common from '../../contract/common.js';
import type * as items from '../../contract/items.js';
import type * as processes from '../../contract/processes.js';
import { partyStatuses, processStatuses, roles } from '../../core/process/model.js';

export { partyStatuses, processStatuses, roles };

/** The signed-in session with its CSRF token. */
export type Session = z.infer<typeof auth.sessionResponse>;
/** The signed-in user. */
export type User = z.infer<typeof auth.userResponse>;
/** Sign-in body. */
export type SignInRequest = z.input<typeof auth.signInRequest>;
/** A personal API token (never its secret). */
export type ApiToken = z.infer<typeof auth.tokenResponse>;
/** A new token with its secret, shown once. */
export type CreatedToken = z.infer<typeof auth.createdTokenResponse>;
/** A TOTP secret being set up. */
export type TotpSetup = z.infer<typeof auth.totpSetupResponse>;

/** Every error answer. */
export type ErrorBody = z.infer<typeof common.errorResponse>;

/** A process's status. */
export type ProcessStatus = z.infer<typeof processes.processStatus>;
/** A party's standing. */
export type PartyStatus = z.infer<typeof processes.partyStatus>;
/** A role in a process. */
export type Role = z.infer<typeof processes.role>;
/** A kind of compartment. */
export type CompartmentKind = z.infer<typeof processes.compartmentKind>;
/** A process in my list. */
export type ProcessSummary = z.infer<typeof processes.processSummary>;
/** A process as I may see it. */
export type ProcessView = z.infer<typeof processes.processResponse>;
/** A party. */
export type Party = z.infer<typeof processes.partyResponse>;
/** A member. */
export type Member = z.infer<typeof processes.memberResponse>;
/** A compartment I may read, with its item count. */
export type Compartment = z.infer<typeof processes.compartmentResponse>;
/** One entry of the status history. */
export type StatusChange = z.infer<typeof processes.statusChangeResponse>;
/** A link to an earlier process. */
export type ProcessLink = z.infer<typeof processes.processLinkResponse>;
/** Create-process body. */
export type CreateProcessRequest = z.input<typeof processes.createProcessRequest>;
/** Change-status body. */
export type ChangeStatusRequest = z.input<typeof processes.changeStatusRequest>;
/** Add-party body. */
export type AddPartyRequest = z.input<typeof processes.addPartyRequest>;
/** Party standing body. */
export type ChangePartyStatusRequest = z.input<typeof processes.changePartyStatusRequest>;
/** Process link body. */
export type ProcessLinkRequest = z.input<typeof processes.processLinkRequest>;
/** An invitation (never its secret). */
export type Invitation = z.infer<typeof processes.invitationResponse>;
/** A new invitation with its secret, shown once. */
export type CreatedInvitation = z.infer<typeof processes.createdInvitationResponse>;
/** Issue-invitation body. */
export type CreateInvitationRequest = z.input<typeof processes.createInvitationRequest>;
/** What an invitation link offers. */
export type InvitationPreview = z.infer<typeof processes.invitationPreviewResponse>;
/** Accept-invitation body. */
export type AcceptInvitationRequest = z.input<typeof processes.acceptInvitationRequest>;

/** A note (or, later, another item) in a compartment. */
export type Item = z.infer<typeof items.itemResponse>;
/** List/search query (as the server reads it; numbers are sent as query text). */
export type ListItemsQuery = z.infer<typeof items.listItemsQuery>;
/** Create-note body. */
export type CreateNoteRequest = z.input<typeof items.createNoteRequest>;
/** Edit body. */
export type UpdateItemRequest = z.input<typeof items.updateItemRequest>;
/** Release body. */
export type ReleaseItemRequest = z.input<typeof items.releaseItemRequest>;
/** One audit entry. */
export type AuditEntry = z.infer<typeof items.auditEntryResponse>;
/** Audit paging query (as the server reads it). */
export type AuditQuery = z.infer<typeof items.auditQuery>;

/** Fails to compile when a list misses a member of its union. */
type Covers<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;

/**
 * The runtime lists come from the domain (src/core/process/model.ts); these checks make sure the
 * domain's lists and the contract's unions name the same values.
 */
export const listsMatchContract: [
  Covers<Role, (typeof roles)[number]>,
  Covers<(typeof roles)[number], Role>,
  Covers<ProcessStatus, (typeof processStatuses)[number]>,
  Covers<(typeof processStatuses)[number], ProcessStatus>,
  Covers<PartyStatus, (typeof partyStatuses)[number]>,
  Covers<(typeof partyStatuses)[number], PartyStatus>,
] = [true, true, true, true, true, true];
