/** Audit entries as the contract shows them. Never a row, never a field the contract does not name. */
import type { z } from 'zod';
import type { AuditEntry } from '../../../core/audit/catalogue.js';
import type { auditEntryResponse } from '../../../contract/items.js';

/** An audit entry with its data parsed and the actor named. */
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
