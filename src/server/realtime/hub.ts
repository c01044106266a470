/**
 * Live updates: every change is an audit entry, so the hub follows the audit log (polling it by
 * seq, which works the same for one SQLite process and for several instances on one PostgreSQL
 * database) and tells each connected member about the entries they may see — the kind, process,
 * compartment and seq only, never the content: the web app then re-reads through the API. Each
 * connection's memberships are reloaded when a membership event concerns its user, and a
 * signed-out or expired session's sockets are closed, so revocation takes effect at once.
 */
import type { Kysely } from 'kysely';
import { canSeeEvent, type Actor } from '../../core/access/policy.js';
import type { Compartment } from '../../core/access/compartments.js';
import type { Clock, UnitOfWork } from '../../core/ports.js';
import { asId } from '../../core/shared/ids.js';
import type { DB } from '../db/schema.js';

/** What a client is told about one change. */
export interface LiveEvent {
  /** Always 'event'. */
  type: 'event';
  /** Position in the audit log. */
  seq: number;
  /** When it happened. */
  at: string;
  /** What happened (an audit event kind). */
  kind: string;
  /** The process. */
  processId: string;
  /** The compartment of the material concerned, or null for process-level events. */
  compartmentId: string | null;
}

/** One open connection. */
export interface LiveConnection {
  /** The member. */
  actor: Actor;
  /** The session it authenticated with (null for a bearer token). */
  sessionId: string | null;
  /** Sends a message. */
  send(message: object): void;
  /** Closes the socket with a code and reason. */
  close(code: number, reason: string): void;
}

/** Reads are audited but are not changes: nobody needs to refresh for them. */
const quietKinds = new Set([
  'item.read',
  'text.read',
  'version.read',
  'compartment.listed',
  'compartment.searched',
  'audit.read',
  'analysis.viewed',
  'version.exported',
  'round.viewed',
  'thread.read',
  'calendar.exported',
]);
/** Kinds after which the concerned user's memberships are reloaded before deciding. */
const membershipKinds = new Set([
  'membership.added',
  'membership.role_changed',
  'membership.removed',
  'grant.added',
  'invitation.accepted',
]);

/** The hub of one server instance. */
export class LiveHub {
  private readonly connections = new Set<LiveConnection>();
  private lastSeq = -1;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private readonly compartments = new Map<string, Compartment>();

  constructor(
    private readonly deps: {
      db: Kysely<DB>;
      uow: UnitOfWork;
      clock: Clock;
      /** Milliseconds between looks at the log. */
      intervalMs?: number;
    },
  ) {}

  /** Starts following the log from its current end. */
  async start(): Promise<void> {
    const r = await this.deps.db
      .selectFrom('audit_head')
      .select('seq')
      .where('id', '=', 1)
      .executeTakeFirst();
    this.lastSeq = Number(r?.seq ?? 0);
    this.timer = setInterval(() => void this.poll(), this.deps.intervalMs ?? 20);
  }

  /** Stops following and closes every connection. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const c of this.connections) c.close(1001, 'server stopping');
    this.connections.clear();
  }

  /** Adds a connection. */
  add(connection: LiveConnection): () => void {
    this.connections.add(connection);
    connection.send({ type: 'hello', userId: connection.actor.userId, seq: this.lastSeq });
    return () => this.connections.delete(connection);
  }

  /** How many connections are open. */
  get size(): number {
    return this.connections.size;
  }

  private async compartment(id: string): Promise<Compartment | undefined> {
    const cached = this.compartments.get(id);
    if (cached) return cached;
    const found = await this.deps.uow.transaction((s) => s.items.findCompartment(asId(id)));
    if (found) this.compartments.set(id, found);
    return found;
  }

  private async refresh(connection: LiveConnection): Promise<void> {
    const memberships = await this.deps.uow.transaction((s) =>
      s.processes.membershipsOf(connection.actor.userId),
    );
    connection.actor = { ...connection.actor, memberships };
  }

  private async sessionGone(connection: LiveConnection): Promise<boolean> {
    if (!connection.sessionId) return false;
    const now = this.deps.clock.now().toISOString();
    const row = await this.deps.db
      .selectFrom('sessions')
      .select(['revoked_at', 'expires_at'])
      .where('id', '=', connection.sessionId)
      .executeTakeFirst();
    return !row || row.revoked_at !== null || row.expires_at <= now;
  }

  /** Reads the entries appended since the last look and fans them out. */
  async poll(): Promise<void> {
    if (this.polling || this.lastSeq < 0) return;
    this.polling = true;
    try {
      const rows = await this.deps.db
        .selectFrom('audit_log')
        .select(['seq', 'at', 'kind', 'process_id', 'compartment_id', 'actor_user_id', 'data'])
        .where('seq', '>', this.lastSeq)
        .orderBy('seq')
        .limit(1000)
        .execute();
      for (const r of rows) {
        const seq = Number(r.seq);
        if (seq !== this.lastSeq + 1) break; // a transaction still in flight: take it next time
        this.lastSeq = seq;
        await this.dispatch({ ...r, seq });
      }
    } finally {
      this.polling = false;
    }
  }

  private async dispatch(r: {
    seq: number;
    at: string;
    kind: string;
    process_id: string | null;
    compartment_id: string | null;
    actor_user_id: string | null;
    data: string;
  }): Promise<void> {
    if (r.kind === 'session.signed_out') {
      for (const c of [...this.connections])
        if (c.actor.userId === r.actor_user_id && (await this.sessionGone(c))) {
          c.close(4401, 'signed out');
          this.connections.delete(c);
        }
      return;
    }
    if (!r.process_id || quietKinds.has(r.kind)) return;
    if (membershipKinds.has(r.kind)) {
      const concerned = (JSON.parse(r.data) as { userId?: string }).userId;
      for (const c of this.connections) if (c.actor.userId === concerned) await this.refresh(c);
    }
    const compartment = r.compartment_id ? await this.compartment(r.compartment_id) : null;
    if (r.compartment_id && !compartment) return;
    const event: LiveEvent = {
      type: 'event',
      seq: r.seq,
      at: r.at,
      kind: r.kind,
      processId: r.process_id,
      compartmentId: r.compartment_id,
    };
    for (const c of this.connections) {
      const m = c.actor.memberships.find((x) => x.processId === r.process_id);
      if (canSeeEvent(m, compartment ?? null)) c.send(event);
    }
  }
}
