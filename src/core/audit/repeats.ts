/**
 * Repeated reads: which read events need no new entry because the same person made the same read
 * in the same audit scope a moment ago.
 *
 * One visit to a screen asks the server for several lists (the round, its sessions, the threads
 * and communiqués beside it, and again after each live update), and each list audits the
 * compartments it drew on. Written as they come, one visit filled the log with near-identical
 * lines. The rule: a read event (`readKinds`) is not written when the same actor has an entry of
 * the same kind, compartment and data in the same scope at most `repeatWindowMs` old — for
 * `compartment.listed`, any list of the same compartment counts as the same read, and the entry
 * kept names the first list. So a visit writes one entry per compartment it drew on and one per
 * thing opened, and every non-public read still has an entry, at most ten minutes older than the
 * read, in the log its readers witness. Changes are never skipped.
 */
import { readKinds, type AuditEntry, type AuditEvent } from './catalogue.js';

/** How long a read covers the same read again (ten minutes). */
export const repeatWindowMs = 10 * 60_000;

/** What makes two reads the same read. */
function readKey(
  e: Pick<AuditEntry, 'kind' | 'actorUserId' | 'compartmentId'> & { data: string },
): string {
  const data = e.kind === 'compartment.listed' ? '' : e.data;
  return JSON.stringify([e.kind, e.actorUserId, e.compartmentId, data]);
}

/**
 * The events to write, in order: every change, and every read that neither an entry of `recent`
 * (entries of the same scopes, of any age: those older than the window are ignored) nor an
 * earlier event of the batch already covers. `dataOf` gives an event's stored data.
 */
export function withoutRepeatedReads(
  events: readonly AuditEvent[],
  recent: ReadonlyArray<Pick<AuditEntry, 'kind' | 'actorUserId' | 'compartmentId' | 'data' | 'at'>>,
  now: Date,
  dataOf: (e: AuditEvent) => string,
): AuditEvent[] {
  const since = now.getTime() - repeatWindowMs;
  const covered = new Set(
    recent
      .filter((e) => (readKinds as ReadonlySet<string>).has(e.kind) && Date.parse(e.at) >= since)
      .map(readKey),
  );
  const out: AuditEvent[] = [];
  for (const e of events) {
    if (!readKinds.has(e.kind) || e.actorUserId === null) {
      out.push(e);
      continue;
    }
    const key = readKey({ ...e, data: dataOf(e) });
    if (covered.has(key)) continue;
    covered.add(key);
    out.push(e);
  }
  return out;
}
