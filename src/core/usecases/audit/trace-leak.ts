import type { Deps } from '../../ports.js';
import { traceText, type TraceResult } from '../../trace/trace.js';

import { asId } from '../../shared/ids.js';

/** An issued copy, as the audit log recorded it. */
export interface IssuedCopyRecord {
  /** The copy's id (its fingerprint seed). */
  copyId: string;
  /** Who it was issued to. */
  recipientUserId: string | null;
  /** Their name. */
  recipientName: string;
  /** The process's codename. */
  codename: string;
  /** The version issued. */
  version: number;
  /** The format. */
  format: string;
  /** When (ISO 8601). */
  issuedAt: string;
}

/**
 * Names the issued copy a leaked text came from, among every copy the audit log records. An
 * operator's task (the security officer's): it reads the whole log, not one member's view.
 */
export async function traceLeak(
  deps: Deps<'db' | 'fingerprintKey'>,
  input: { leaked: string; source: 'text' | 'pdf' },
): Promise<TraceResult<IssuedCopyRecord>> {
  const candidates = await deps.db.transaction(async (s) => {
    const entries = await s.audit.listByKind('version.exported');
    const out: IssuedCopyRecord[] = [];
    for (const e of entries) {
      const data = JSON.parse(e.data) as { copyId: string; number: number; format: string };
      const user = e.actorUserId ? await s.accounts.findUserById(asId(e.actorUserId)) : undefined;
      const process = e.processId ? await s.processes.findProcess(asId(e.processId)) : undefined;
      out.push({
        copyId: data.copyId,
        recipientUserId: e.actorUserId,
        recipientName: user ? `${user.displayName} <${user.email}>` : 'unknown',
        codename: process?.codename ?? 'unknown',
        version: data.number,
        format: data.format,
        issuedAt: e.at,
      });
    }
    return out;
  });
  return traceText(input.leaked, candidates, deps.fingerprintKey, { source: input.source });
}
