/** Audit entries as the contract shows them. Never a row, never a field the contract does not name. */
import type { z } from 'zod';
import type { ScopedAuditEntry } from '../../../core/audit/scope.js';
import type {
  auditEntryResponse,
  auditListResponse,
  treeHeadResponse,
} from '../../../contract/items.js';
import type { AuditPage } from '../../../core/usecases/audit/list-audit.js';
import type { SignedTreeHead } from '../../../core/audit/tree-head.js';

/** An audit entry with its data parsed, the actor named, numbered in its scope. */
export const presentAuditEntry = (
  e: ScopedAuditEntry & { actorName: string | null },
): z.input<typeof auditEntryResponse> => ({
  // Every entry of a process has a scope; the global seq is never shown.
  scope: e.scope ?? '',
  seq: e.scopeSeq ?? 0,
  actorName: e.actorName,
  at: e.at,
  actorUserId: e.actorUserId,
  compartmentId: e.compartmentId,
  kind: e.kind,
  data: JSON.parse(e.data) as Record<string, unknown>,
  hash: e.hash,
});

/** A scope's signed tree head, field by field (a member only ever gets a scope's). */
export const presentTreeHead = (h: SignedTreeHead): z.input<typeof treeHeadResponse> => ({
  treeSize: h.treeSize,
  rootHash: h.rootHash,
  timestamp: h.timestamp,
  signature: h.signature,
  keyId: h.keyId,
  scope: h.scope ?? '',
});

/** A page of the log: its entries, and the things they name that the viewer may read. */
export const presentAuditPage = (p: AuditPage): z.input<typeof auditListResponse> => ({
  entries: p.entries.map(presentAuditEntry),
  subjects: Object.fromEntries(
    Object.entries(p.subjects).map(([id, x]) => [
      id,
      { kind: x.kind, name: x.name, number: x.number },
    ]),
  ),
});
