/**
 * Live updates: every change is an audit entry, so the hub follows the audit log (by seq, which
 * works the same for one SQLite process and for several instances on one PostgreSQL database) and
 * tells each connected member about the entries they may see — the kind, process, compartment and
 * seq only, never the content: the web app then re-reads through the API. It looks at the log as
 * soon as this instance commits an entry, when another instance announces one (PostgreSQL
 * LISTEN/NOTIFY), and at the latest 20 ms after its previous look (which also covers a lost
 * notification or a writer in another process). One look sends each socket at most one message,
 * holding every entry of that look the socket may see. Sockets are grouped by user and by how their
 * session was signed in (a process that requires a passkey or a second factor tells only sessions
 * opened with one), so the policy decides once per group and entry, and each distinct message is
 * serialized once. A user's memberships are reloaded when a membership event concerns them, a
 * process's sign-in requirements when it is updated, and the sockets of a session signed out or
 * expired, or of an API token revoked, are closed, so revocation takes effect at once; so are
 * those of every session and token an operator revoked by resetting a user's sign-in
 * (`account.sign_in_reset`, the user in its data).
 */
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import {
  canSeeEvent,
  meetsSignInRequirements,
  type Actor,
  type SignInRequirements,
} from '../../core/access/policy.js';
import type { Compartment } from '../../core/access/compartments.js';
import type { Membership } from '../../core/process/model.js';
import type { Clock, UnitOfWork } from '../../core/ports.js';
import { asId } from '../../core/shared/ids.js';
import type { DB } from '../db/schema.js';

/** What a client is told about one change. */
export interface LiveEvent {
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

/** What the hub sends on a socket. */
export type LiveMessage =
  /** First message: who this socket is for, and the seq after which events will follow. */
  | { type: 'hello'; userId: string; seq: number }
  /** The changes of one look at the log that this socket may see, in seq order (never empty). */
  | { type: 'events'; events: LiveEvent[] };

/** One open connection. */
export interface LiveConnection {
  /** The member as authenticated; the hub keeps the user's memberships current itself. */
  actor: Actor;
  /** What it authenticated with: a session cookie or an API token. */
  credential: { type: 'session' | 'token'; id: string };
  /** Sends one message, already serialized (UTF-8 JSON), as a text frame. */
  send(json: Buffer): void;
  /** Closes the socket with a code and reason. */
  close(code: number, reason: string): void;
}

/** Tells the hubs of the other instances that the log grew, and hears them (PostgreSQL). */
export interface LiveSignal {
  /** Tells every other instance to look at the log now. */
  announce(): void;
  /** Starts listening; `onSignal` runs whenever another instance announces. */
  listen(onSignal: () => void): Promise<void>;
  /** Stops listening. */
  close(): Promise<void>;
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

/**
 * The open sockets of one user whose sessions were signed in alike: they share memberships and
 * sign-in, so one decision serves them all.
 */
interface Viewer {
  userId: Actor['userId'];
  /** How these sockets' sessions were signed in. */
  signIn: Pick<Actor, 'mfa' | 'passkey'>;
  /** Kept current: reloaded whenever a membership event concerns this user. */
  memberships: readonly Membership[];
  /** Each socket with the seq it was greeted at: it is told only of later events. */
  sockets: Map<LiveConnection, number>;
  /** The events of the look under way that this user may see. */
  pending: LiveEvent[];
}

/**
 * The user whose sessions or API tokens an entry may have ended: a sign-out, a token's
 * revocation (by its owner), an operator's reset of their sign-in.
 */
function credentialsEndedBy(r: {
  kind: string;
  actor_user_id: string | null;
  data: string;
}): string | null {
  switch (r.kind) {
    case 'session.signed_out':
    case 'token.revoked':
      return r.actor_user_id;
    case 'account.sign_in_reset':
      return (JSON.parse(r.data) as { userId?: string }).userId ?? null;
    default:
      return null;
  }
}

const encode = (message: LiveMessage): Buffer => Buffer.from(JSON.stringify(message));

/** Sockets of one user signed in alike share a viewer. */
const viewerKey = (actor: Actor): string =>
  `${actor.userId} ${actor.passkey ? 'passkey' : actor.mfa ? 'mfa' : 'password'}`;

/** The hub of one server instance. */
export class LiveHub {
  private readonly viewers = new Map<string, Viewer>();
  private lastSeq = -1;
  /** The next look if nothing wakes the hub sooner: re-armed after every look. */
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  /** Something committed while a look was under way: look again when it ends. */
  private again = false;
  /** This instance committed entries that the other instances have not been told of. */
  private unannounced = false;
  /** A look is already scheduled by wake(). */
  private woken = false;
  /** Cancels the look scheduled by wake(). */
  private cancelWake: (() => void) | null = null;
  private lastLookAt = Number.NEGATIVE_INFINITY;
  private stopped = false;
  private readonly compartments = new Map<string, Compartment>();
  /** Each process's sign-in requirements, forgotten when the process is updated. */
  private readonly requirements = new Map<string, SignInRequirements | null>();

  constructor(
    private readonly deps: {
      db: Kysely<DB>;
      uow: UnitOfWork;
      clock: Clock;
      /** Milliseconds from one look to the next when nothing wakes the hub sooner (default 20). */
      intervalMs?: number;
      /**
       * Least milliseconds between the starts of two looks that a wake-up may cause (default 25):
       * at a high write rate one look then carries several entries to each socket instead of one
       * message per entry and socket. A quiet process's change still goes out at once. (bench/
       * live.ts, 500 sockets at 200 entries/s: 10 ms sent a third more messages and left the p99
       * at 95 ms, 25 ms at 44–77 ms.)
       */
      wakeGapMs?: number;
      /** Cross-instance wake-ups (PostgreSQL), or none. */
      signal?: LiveSignal | null;
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
    await this.deps.signal?.listen(() => this.wake());
    this.timer = setTimeout(() => {
      if (!this.polling) void this.poll();
    }, this.deps.intervalMs ?? 20);
  }

  /** Stops following, closes every connection and stops listening to other instances. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.cancelWake?.();
    this.cancelWake = null;
    for (const v of this.viewers.values())
      for (const c of v.sockets.keys()) c.close(1001, 'server stopping');
    this.viewers.clear();
    await this.deps.signal?.close();
  }

  /** Adds a connection; returns its removal. */
  add(connection: LiveConnection): () => void {
    const { actor } = connection;
    const key = viewerKey(actor);
    // A user's further sockets share the memberships the hub has kept current since the first;
    // the first brings those read at its handshake.
    let viewer = this.viewers.get(key);
    if (!viewer) {
      viewer = {
        userId: actor.userId,
        signIn: { mfa: actor.mfa, passkey: actor.passkey },
        memberships: actor.memberships,
        sockets: new Map(),
        pending: [],
      };
      this.viewers.set(key, viewer);
    }
    const own = viewer;
    own.sockets.set(connection, this.lastSeq);
    connection.send(encode({ type: 'hello', userId: actor.userId, seq: this.lastSeq }));
    return () => {
      own.sockets.delete(connection);
      if (own.sockets.size === 0 && this.viewers.get(key) === own) this.viewers.delete(key);
    };
  }

  /** How many connections are open. */
  get size(): number {
    let n = 0;
    for (const v of this.viewers.values()) n += v.sockets.size;
    return n;
  }

  /**
   * This instance committed audit entries: look at once, and tell the other instances when the
   * look starts (so they are told at most once a look, not once a commit).
   */
  committed(): void {
    this.unannounced = true;
    this.wake();
  }

  /**
   * Schedules a look at the log as soon as possible: after the current one if one is under way,
   * and never sooner than `wakeGapMs` after the previous one started.
   */
  wake(): void {
    if (this.stopped || this.lastSeq < 0) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    if (this.woken) return;
    this.woken = true;
    const run = (): void => {
      this.woken = false;
      this.cancelWake = null;
      if (!this.polling) void this.poll();
    };
    const wait = this.lastLookAt + (this.deps.wakeGapMs ?? 25) - performance.now();
    if (wait >= 1) {
      const t = setTimeout(run, wait);
      this.cancelWake = () => clearTimeout(t);
    } else {
      const i = setImmediate(run);
      this.cancelWake = () => clearImmediate(i);
    }
  }

  private async compartment(id: string): Promise<Compartment | undefined> {
    const cached = this.compartments.get(id);
    if (cached) return cached;
    const found = await this.deps.uow.transaction((s) => s.items.findCompartment(asId(id)));
    if (found) this.compartments.set(id, found);
    return found;
  }

  private async signInRequirements(processId: string): Promise<SignInRequirements | null> {
    if (this.requirements.has(processId)) return this.requirements.get(processId) ?? null;
    const found = await this.deps.uow.transaction((s) => s.processes.findProcess(asId(processId)));
    const requirements = found
      ? { requireTotp: found.requireTotp, requirePasskey: found.requirePasskey }
      : null;
    this.requirements.set(processId, requirements);
    return requirements;
  }

  /** Reloads a user's memberships for each of their viewers. */
  private async refresh(userId: string): Promise<void> {
    const viewers = [...this.viewers.values()].filter((v) => v.userId === userId);
    if (viewers.length === 0) return;
    const memberships = await this.deps.uow.transaction((s) =>
      s.processes.membershipsOf(asId(userId)),
    );
    for (const v of viewers) v.memberships = memberships;
  }

  /** Whether a connection's session was signed out or expired, or its token revoked. */
  private async credentialGone(connection: LiveConnection): Promise<boolean> {
    const { type, id } = connection.credential;
    if (type === 'token') {
      const token = await this.deps.db
        .selectFrom('api_tokens')
        .select('revoked_at')
        .where('id', '=', id)
        .executeTakeFirst();
      return !token || token.revoked_at !== null;
    }
    const now = this.deps.clock.now().toISOString();
    const row = await this.deps.db
      .selectFrom('sessions')
      .select(['revoked_at', 'expires_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    return !row || row.revoked_at !== null || row.expires_at <= now;
  }

  /** Reads the entries appended since the last look and fans them out, one message per socket. */
  async poll(): Promise<void> {
    if (this.polling || this.stopped || this.lastSeq < 0) return;
    this.polling = true;
    this.again = false;
    this.lastLookAt = performance.now();
    if (this.unannounced) {
      this.unannounced = false;
      this.deps.signal?.announce();
    }
    try {
      const rows = await this.deps.db
        .selectFrom('audit_log')
        .select(['seq', 'at', 'kind', 'process_id', 'compartment_id', 'actor_user_id', 'data'])
        .where('seq', '>', this.lastSeq)
        .orderBy('seq')
        .limit(1000)
        .execute();
      let taken = 0;
      for (const r of rows) {
        const seq = Number(r.seq);
        if (seq !== this.lastSeq + 1) break; // a transaction still in flight: take it next time
        this.lastSeq = seq;
        taken++;
        await this.decide({ ...r, seq });
      }
      if (taken === 1000) this.again = true;
    } finally {
      this.flush();
      this.polling = false;
      // Counted from the end of this look: while wake-ups keep the hub busy, it never fires.
      if (!this.stopped) this.timer?.refresh();
    }
    if (this.again) this.wake();
  }

  /** Decides, per user, whether they may see one entry; closes signed-out sessions' sockets. */
  private async decide(r: {
    seq: number;
    at: string;
    kind: string;
    process_id: string | null;
    compartment_id: string | null;
    actor_user_id: string | null;
    data: string;
  }): Promise<void> {
    const signedOut = credentialsEndedBy(r);
    if (signedOut) {
      // What the sockets were told before the sign-out leaves before they close.
      this.flush();
      for (const [key, viewer] of [...this.viewers])
        if (viewer.userId === signedOut) {
          for (const c of [...viewer.sockets.keys()])
            if (await this.credentialGone(c)) {
              c.close(4401, 'signed out');
              viewer.sockets.delete(c);
            }
          if (viewer.sockets.size === 0 && this.viewers.get(key) === viewer)
            this.viewers.delete(key);
        }
      return;
    }
    if (!r.process_id || quietKinds.has(r.kind)) return;
    if (membershipKinds.has(r.kind)) {
      const concerned = (JSON.parse(r.data) as { userId?: string }).userId;
      if (concerned) await this.refresh(concerned);
    }
    if (r.kind === 'process.updated') this.requirements.delete(r.process_id);
    const requirements = await this.signInRequirements(r.process_id);
    const compartment = r.compartment_id ? await this.compartment(r.compartment_id) : null;
    if (!requirements || (r.compartment_id && !compartment)) return;
    const event: LiveEvent = {
      seq: r.seq,
      at: r.at,
      kind: r.kind,
      processId: r.process_id,
      compartmentId: r.compartment_id,
    };
    for (const v of this.viewers.values()) {
      const m = v.memberships.find((x) => x.processId === r.process_id);
      if (meetsSignInRequirements(v.signIn, requirements) && canSeeEvent(m, compartment ?? null))
        v.pending.push(event);
    }
  }

  /** Sends every user's pending events, one message per socket, each distinct one encoded once. */
  private flush(): void {
    const encoded = new Map<string, Buffer>();
    for (const v of this.viewers.values()) {
      const events = v.pending;
      const first = events[0];
      if (!first) continue;
      v.pending = [];
      const key = events.map((e) => e.seq).join(',');
      let message = encoded.get(key);
      if (!message) {
        message = encode({ type: 'events', events });
        encoded.set(key, message);
      }
      for (const [c, since] of v.sockets) {
        if (since < first.seq) c.send(message);
        else {
          // Greeted in the middle of this look: only what came after its hello.
          const later = events.filter((e) => e.seq > since);
          if (later.length > 0) c.send(encode({ type: 'events', events: later }));
        }
      }
    }
  }
}
