/**
 * Audit scopes: the audit log as one log per circle of readers, so that no number a member sees
 * moves with what that member may not see.
 *
 * The hash chain (chain.ts) and its Merkle tree stay one global log, kept for the operator: every
 * entry, in one order, verified by `parley audit verify`. Its sequence numbers and size count
 * every act of every process, so they are never shown to a member. A member sees instead the
 * *scopes* it may read, each with its own sequence numbers (1, 2, 3… without gaps), its own
 * Merkle tree and its own signed tree heads:
 *
 * - `compartment:<compartmentId>`: every entry about material of one compartment (reads
 *   included). It is read by whoever may read the compartment: its numbers move only with what
 *   happens to material they may read, done by people who may read it too.
 * - `process:<processId>`: the process's set-up (parties, members, invitations, rounds, status):
 *   the process-level changes that every member is told of live.
 * - `member:<processId>:<userId>`: one member's own process-level reads (opening a round, exporting
 *   the calendar, reading the audit log). They are not changes, nobody else is told of them, so
 *   they are kept out of the set-up log that every member witnesses: otherwise a party could count
 *   how often the other party looked at the rounds.
 *
 * Entries with no process (accounts, sign-ins, operators' acts) are in no scope: they are in the
 * global log only.
 *
 * The scope of an entry is a function of fields the chain hashes (kind, actor, process,
 * compartment), and its number in the scope is its rank among the earlier entries of that scope, so
 * both are recomputed from the chain alone when the log is verified; they are stored beside each
 * entry (assigned under the same lock as the global seq) only so that they can be looked up.
 */
import type { AuditEntry, AuditKind } from './catalogue.js';

/** A scope's name, as stored, signed into scoped tree heads and passed in `?scope=`. */
export type AuditScopeName = string;

/** A scope, parsed. */
export type AuditScope =
  | {
      /** The set-up of a process. */
      kind: 'process';
      processId: string;
    }
  | {
      /** The material of one compartment. */
      kind: 'compartment';
      compartmentId: string;
    }
  | {
      /** One member's own process-level reads. */
      kind: 'member';
      processId: string;
      userId: string;
    };

/**
 * Process-level kinds that record a member looking, not a change: they go to the member's own
 * scope. Frozen like the catalogue: moving a kind would renumber stored scopes.
 */
export const memberReadKinds: ReadonlySet<AuditKind> = new Set<AuditKind>([
  'audit.read',
  'round.viewed',
  'calendar.exported',
  'calendar.issued',
]);

/** The scope an entry belongs to, or null for entries outside every process. */
export function auditScopeOf(
  entry: Pick<AuditEntry, 'kind' | 'actorUserId' | 'processId' | 'compartmentId'>,
): AuditScopeName | null {
  if (entry.compartmentId !== null) return `compartment:${entry.compartmentId}`;
  if (entry.processId === null) return null;
  if (entry.actorUserId !== null && (memberReadKinds as ReadonlySet<string>).has(entry.kind))
    return `member:${entry.processId}:${entry.actorUserId}`;
  return `process:${entry.processId}`;
}

const part = '[A-Za-z0-9_-]{1,64}';
const patterns = {
  process: new RegExp(`^process:(${part})$`),
  compartment: new RegExp(`^compartment:(${part})$`),
  member: new RegExp(`^member:(${part}):(${part})$`),
};

/** Parses a scope's name, or undefined when it is not one (ids are letters, digits, - and _). */
export function parseAuditScope(name: string): AuditScope | undefined {
  const p = patterns.process.exec(name);
  if (p?.[1]) return { kind: 'process', processId: p[1] };
  const c = patterns.compartment.exec(name);
  if (c?.[1]) return { kind: 'compartment', compartmentId: c[1] };
  const m = patterns.member.exec(name);
  if (m?.[1] && m[2]) return { kind: 'member', processId: m[1], userId: m[2] };
  return undefined;
}

/** An entry with its place in its scope. */
export interface ScopedAuditEntry extends AuditEntry {
  /** Its scope, or null for entries outside every process. */
  scope: AuditScopeName | null;
  /** Its position in the scope, 1-based, without gaps; null when it has no scope. */
  scopeSeq: number | null;
}

/** The outcome of checking the stored scope numbers against the chain. */
export type ScopesVerdict =
  | {
      ok: true;
      /** How many entries each scope holds. */
      sizes: Map<AuditScopeName, number>;
    }
  | {
      ok: false;
      /** The global seq of the first entry whose stored scope or number is wrong. */
      badSeq: number;
      /** Why, for a person. */
      reason: string;
    };

/**
 * Recomputes every entry's scope and number from the entries in global order, and names the first
 * stored one that differs (a scope number altered, swapped or missing would mislead members'
 * proofs even though the chain holds). `onScoped` sees each entry with its number, e.g. to
 * rebuild the scope's Merkle tree.
 */
export async function verifyScopes(
  entries: AsyncIterable<ScopedAuditEntry> | Iterable<ScopedAuditEntry>,
  onScoped: (scope: AuditScopeName, scopeSeq: number, entry: ScopedAuditEntry) => void = () =>
    undefined,
): Promise<ScopesVerdict> {
  const sizes = new Map<AuditScopeName, number>();
  for await (const e of entries) {
    const scope = auditScopeOf(e);
    const expected = scope === null ? null : (sizes.get(scope) ?? 0) + 1;
    if (e.scope !== scope || e.scopeSeq !== expected)
      return {
        ok: false,
        badSeq: e.seq,
        reason: `it is stored as ${e.scope ?? 'no scope'} #${e.scopeSeq ?? '-'} but belongs to ${scope ?? 'no scope'} #${expected ?? '-'}`,
      };
    if (scope !== null && expected !== null) {
      sizes.set(scope, expected);
      onScoped(scope, expected, e);
    }
  }
  return { ok: true, sizes };
}
