/** Domain objects to contract shapes. Never a row, never a field the contract does not name. */
import type { z } from 'zod';
import type { AuditEntry } from '../../core/audit/catalogue.js';
import type { Invitation } from '../../core/process/model.js';
import type { ApiToken, Passkey, User } from '../../core/accounts/model.js';
import type { Membership, Process } from '../../core/process/model.js';
import type { LabelledItem } from '../../core/items/model.js';
import type { userResponse, tokenResponse } from '../../contract/auth.js';
import type { passkeyResponse } from '../../contract/passkeys.js';
import type {
  invitationResponse,
  memberResponse,
  processSummary,
} from '../../contract/processes.js';
import type { auditEntryResponse, itemResponse } from '../../contract/items.js';

export const presentUser = (u: User): z.input<typeof userResponse> => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  isAdmin: u.isAdmin,
  totpEnabled: u.totpEnabled,
});

export const presentToken = (t: ApiToken): z.input<typeof tokenResponse> => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

/** A passkey as its owner sees it: never its key or credential id. */
export const presentPasskey = (p: Passkey): z.input<typeof passkeyResponse> => ({
  id: p.id,
  name: p.name,
  transports: p.transports,
  createdAt: p.createdAt,
  lastUsedAt: p.lastUsedAt,
});

export const presentProcessSummary = (
  p: Process,
  m: Membership,
): z.input<typeof processSummary> => ({
  id: p.id,
  codename: p.codename,
  title: p.title,
  status: p.status,
  myRole: m.role,
  createdAt: p.createdAt,
});

export const presentMember = (
  m: Membership & { displayName?: string },
): z.input<typeof memberResponse> => ({
  userId: m.userId,
  displayName: m.displayName ?? '',
  role: m.role,
  partyId: m.partyId,
});

export const presentInvitation = (i: Invitation): z.input<typeof invitationResponse> => ({
  id: i.id,
  role: i.role,
  partyId: i.partyId,
  inviteeLabel: i.inviteeLabel,
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
  usedAt: i.usedAt,
  revokedAt: i.revokedAt,
});

export const presentItem = (i: LabelledItem): z.input<typeof itemResponse> => ({
  id: i.id,
  compartmentId: i.compartmentId,
  compartmentLabel: i.compartmentLabel,
  compartmentKind: i.compartmentKind,
  compartmentPartyId: i.compartmentPartyId,
  releaseTargets: i.releaseTargets,
  kind: i.kind,
  title: i.title,
  body: i.body,
  authorUserId: i.authorUserId,
  createdAt: i.createdAt,
  updatedAt: i.updatedAt,
  revision: i.revision,
});

export const presentAuditEntry = (
  e: AuditEntry & { actorName: string | null },
): z.input<typeof auditEntryResponse> => ({
  seq: e.seq,
  actorName: e.actorName,
  at: e.at,
  actorUserId: e.actorUserId,
  compartmentId: e.compartmentId,
  kind: e.kind,
  data: JSON.parse(e.data) as Record<string, unknown>,
  hash: e.hash,
});
