import type { Actor } from '../../access/policy.js';
import { readableCompartmentIds, requireOnProcess } from '../../access/policy.js';
import type { ScopedAuditEntry } from '../../audit/scope.js';
import type { Deps, Stores } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { asId, type CompartmentId, type ProcessId } from '../../shared/ids.js';
import { compartmentOf, openProcess, type ProcessContext } from '../process-context.js';

/** What an audit list is narrowed to (every field optional). */
export interface AuditListFilter {
  /** Only this person's acts. */
  userId?: string;
  /** Only this kind of event. */
  kind?: string;
  /** Only entries about this compartment; one the viewer may not read answers NOT_FOUND. */
  compartmentId?: CompartmentId;
  /** From this day (YYYY-MM-DD, UTC), inclusive. */
  from?: string;
  /** To this day (YYYY-MM-DD, UTC), inclusive. */
  to?: string;
}

/** A thing an entry names, by name, for a viewer who may read it. */
export interface AuditSubject {
  /** What it is. */
  kind:
    'item' | 'thread' | 'round' | 'commitment' | 'actor' | 'article' | 'communique' | 'proposal';
  /** Its title or name. */
  name: string;
  /** A number it is known by: a round's, a communiqué's; else null. */
  number: number | null;
}

/** A page of the audit log. */
export interface AuditPage {
  /** The entries, newest first, with the actor named. */
  entries: Array<ScopedAuditEntry & { actorName: string | null }>;
  /** The things the entries name that the viewer may read, by id; others are not named. */
  subjects: Record<string, AuditSubject>;
}

/**
 * The audit log of a process, for those allowed to see it, newest first, optionally narrowed to one
 * person, kind, compartment or period (in the query). Entries about material in a compartment the
 * viewer may not read are left out: the log obeys compartments like everything else. Each entry is
 * numbered in its audit scope, never in the global log (whose numbers count every act of every
 * process); older pages start before an entry the viewer was shown, named by its scope and number.
 * Actors are named when they are members of the process; the notes, threads, rounds and other
 * things the entries name are named only when the viewer may read them (through the same filter
 * as their own screens), so the log never shows a hidden item's title.
 */
export async function listAudit(
  deps: Deps<'db' | 'clock'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    limit?: number;
    /** Entries older than this one (from an earlier page). */
    before?: { scope: string; seq: number };
    /** Narrows the list. */
    filter?: AuditListFilter;
  },
): Promise<AuditPage> {
  return deps.db.transaction(async (s) => {
    const ctx = await openProcess(s, input.actor, input.processId);
    requireOnProcess(ctx.membership, 'view_audit');
    const visible = readableCompartmentIds(input.actor, input.processId, ctx.compartments);
    const f = input.filter ?? {};
    if (f.compartmentId !== undefined) compartmentOf(ctx, f.compartmentId);
    if (f.from !== undefined && f.to !== undefined && f.from > f.to)
      throw new DomainError('INVALID_INPUT', 'The period ends before it starts.', { field: 'to' });
    let beforeSeq: number | undefined;
    if (input.before) {
      const from = await s.audit.findInScope(input.before.scope, input.before.seq);
      const shown =
        from?.processId === input.processId &&
        (from.compartmentId === null || visible.some((id) => id === from.compartmentId));
      if (!from || !shown) throw notFound('Audit entry');
      beforeSeq = from.seq;
    }
    const entries = await s.audit.listForProcess({
      processId: input.processId,
      visible,
      limit: input.limit ?? 100,
      beforeSeq,
      filter: {
        actorUserId: f.userId,
        kind: f.kind,
        compartmentId: f.compartmentId,
        fromAt: f.from === undefined ? undefined : `${f.from}T00:00:00.000Z`,
        beforeAt: f.to === undefined ? undefined : nextDay(f.to),
      },
    });
    await s.audit.append({
      kind: 'audit.read',
      data: {},
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: null,
    });
    const members = await s.processes.listMembers(input.processId);
    const name = (id: string | null) => members.find((m) => m.userId === id)?.displayName ?? null;
    return {
      entries: entries.map((e) => ({ ...e, actorName: name(e.actorUserId) })),
      subjects: await subjectsOf(s, ctx, visible, entries, deps.clock.now()),
    };
  });
}

/** The day after a YYYY-MM-DD day, at midnight UTC (the end of an inclusive period). */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** Which data field names which kind of thing. */
const fields: Record<string, AuditSubject['kind']> = {
  itemId: 'item',
  threadId: 'thread',
  roundId: 'round',
  commitmentId: 'commitment',
  actorId: 'actor',
  articleId: 'article',
  communiqueId: 'communique',
  proposalId: 'proposal',
};

/** The things the entries name, each looked up through the viewer's visible compartments. */
async function subjectsOf(
  s: Stores,
  ctx: ProcessContext,
  visible: readonly CompartmentId[],
  entries: readonly ScopedAuditEntry[],
  at: Date,
): Promise<Record<string, AuditSubject>> {
  const wanted = new Map<string, AuditSubject['kind']>();
  for (const e of entries) {
    const data = JSON.parse(e.data) as Record<string, unknown>;
    for (const [key, value] of Object.entries(data)) {
      const kind = fields[key];
      if (kind && typeof value === 'string') wanted.set(value, kind);
    }
  }
  const out: Record<string, AuditSubject> = {};
  const processId = ctx.process.id;
  const rounds = [...wanted.values()].includes('round') ? await s.rounds.listRounds(processId) : [];
  const now = at.toISOString();
  for (const [id, kind] of wanted) {
    const found = await lookUp(s, kind, id, visible, rounds, now);
    if (found && found.processId === processId)
      out[id] = { kind, name: found.name, number: found.number };
  }
  return out;
}

async function lookUp(
  s: Stores,
  kind: AuditSubject['kind'],
  id: string,
  visible: readonly CompartmentId[],
  rounds: ReadonlyArray<{ id: string; processId: string; title: string; number: number }>,
  now: string,
): Promise<{ processId: string; name: string; number: number | null } | undefined> {
  const named = <T extends { processId: string }>(
    x: T | undefined,
    name: (x: T) => string,
    number: (x: T) => number | null = () => null,
  ) => x && { processId: x.processId, name: name(x), number: number(x) };
  switch (kind) {
    case 'item':
      return named(await s.items.findItem(asId(id), visible), (x) => x.title);
    case 'thread':
      return named(await s.messages.findThread(asId(id), visible), (x) => x.title);
    case 'round':
      return named(
        rounds.find((r) => r.id === id),
        (r) => r.title,
        (r) => r.number,
      );
    case 'commitment':
      return named(await s.implementation.findCommitment(asId(id), visible), (x) => x.externalId);
    case 'actor':
      return named(await s.media.findActor(asId(id), visible), (x) => x.name);
    case 'article':
      return named(await s.media.findArticle(asId(id), visible), (x) => x.title);
    case 'communique':
      return named(
        await s.communiques.findCommunique(asId(id), visible, now),
        (x) => x.title,
        (x) => x.number,
      );
    case 'proposal':
      return named(
        await s.record.findProposal(asId(id), visible),
        () => '',
        (x) => x.round,
      );
  }
}
