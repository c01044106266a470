/**
 * Live updates: every change is an audit entry, so the hub follows the audit log (by seq, which
 * works the same for one SQLite process and for several instances on one PostgreSQL database) and
 * tells each connected member about the entries they may see — the kind, process, compartment and
 * time only, never the content nor any position in the log (which would count what the member
 * may not see): the web app then re-reads through the API. It looks at the log as
 * soon as this instance commits an entry, when another instance announces one (PostgreSQL
 * LISTEN/NOTIFY), and at the latest 20 ms after its previous look (which also covers a lost
 * notification or a writer in another process). One look sends each socket at most one message,
 * holding every entry of that look the socket may see. Sockets are grouped by user and by how their
 * session was signed in (a process that requires a passkey or a second factor tells only sessions
 * opened with one), so the policy decides once per group and entry, and each distinct message is
 * serialized once. A new socket is greeted only at the start of the next look, once its session
 * or token is checked again and (for a user's first socket) their memberships reloaded, so nothing
 * the handshake read can be out of date. A user's memberships are reloaded when a membership event
 * concerns them, a process's sign-in requirements when it is updated, and the sockets of a session
 * signed out or expired, or of an API token revoked (or whose user turned the authenticator off),
 * are closed, so revocation takes effect at once; so are those of every session and token an
 * operator revoked by resetting a user's sign-in (`account.sign_in_reset`, the user in its data).
 */
import { performance } from 'node:perf_hooks';
import {
  canSeeEvent,
  meetsSignInRequirements,
  type Actor,
  type SignInRequirements,
} from '../../core/access/policy.js';
import type { Compartment } from '../../core/access/compartments.js';
import { readKinds, type AuditEntry } from '../../core/audit/catalogue.js';
import { tokenSignIn, weakened } from '../../core/accounts/sign-in.js';
import type { Membership } from '../../core/process/model.js';
import type { Clock, UnitOfWork } from '../../core/ports.js';
import { asId } from '../../core/shared/ids.js';

/**
 * What a client is told about one change. It carries no sequence number: the global log's would
 * count every act of every process (a delegate could count another party's caucus notes in its
 * gaps), and the order of a socket's messages already is the order of its events.
 */
export interface LiveEvent {
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
  /**
   * First message: who this socket is for. Events follow from here; what changed before it was not
   * announced, so the client re-reads once. No position in the log: see `LiveEvent`.
   */
  | { type: 'hello'; userId: string }
  /** The changes of one look at the log that this socket may see, in log order (never empty). */
  | { type: 'events'; events: LiveEvent[] };

/** One open connection. */
export interface LiveConnection {
  /** The member as authenticated; the hub keeps the user's memberships current itself. */
  actor: Actor;
  /**
   * What it authenticated with: a session cookie (which expires) or an API token (until revoked).
   */
  credential: { type: 'session'; id: string; expiresAt: string } | { type: 'token'; id: string };
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
  /** The sockets, each greeted at the start of a look: they are told of that look's entries on. */
  sockets: Set<LiveConnection>;
  /** The events of the look under way that this user may see, with their seqs (never sent). */
  pending: Array<{ seq: number; event: LiveEvent }>;
}

/**
 * The user whose sessions or API tokens an entry may have ended: a sign-out, a token's
 * revocation (by its owner), turning the authenticator off (a token's second factor follows it),
 * an operator's reset of their sign-in.
 */
function credentialsEndedBy(r: Pick<AuditEntry, 'kind' | 'actorUserId' | 'data'>): string | null {
  switch (r.kind) {
    case 'session.signed_out':
    case 'token.revoked':
    case 'totp.disabled':
      return r.actorUserId;
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
  /** Connections not yet admitted: the next look checks their credential, then greets them. */
  private readonly arrivals = new Set<LiveConnection>();
  /** The look under way, if any (stop() waits for it). */
  private looking: Promise<void> | null = null;
  /** The last look failed (its error was reported once; the next look retries the same entry). */
  private failing = false;
  /** When sockets were last checked for an expired session. */
  private expiryCheckedAt = Number.NEGATIVE_INFINITY;
  /** Where a look's unexpected error is reported (the server's log). */
  onError: (error: unknown) => void = () => undefined;
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
      /**
       * The stores the hub reads through, without transactions (`read`). On PostgreSQL a unit of
       * work of its own, on a connection of its own, so its looks never queue in the pool behind
       * the very writes they are to announce.
       */
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
    this.lastSeq = await this.deps.uow.read((s) => s.audit.lastSeq());
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
    await this.looking;
    for (const c of this.connections()) c.close(1001, 'server stopping');
    this.viewers.clear();
    this.arrivals.clear();
    await this.deps.signal?.close();
  }

  /** Every open connection, admitted or not. */
  private connections(): LiveConnection[] {
    return [...this.arrivals, ...[...this.viewers.values()].flatMap((v) => [...v.sockets])];
  }

  /**
   * Adds a connection; returns its removal. The next look (at once) checks that its session or
   * token is still valid, then greets it: what the handshake read may be out of date by then.
   */
  add(connection: LiveConnection): () => void {
    if (this.stopped) {
      connection.close(1001, 'server stopping');
      return () => undefined;
    }
    this.arrivals.add(connection);
    // A look under way admits it at its end (it looks again while arrivals wait).
    if (!this.polling) this.wake();
    return () => this.remove(connection);
  }

  private remove(connection: LiveConnection): void {
    this.arrivals.delete(connection);
    for (const [key, v] of this.viewers)
      if (v.sockets.delete(connection) && v.sockets.size === 0) this.viewers.delete(key);
  }

  /** Closes a connection whose session or token ended, and forgets it. */
  private end(connection: LiveConnection): void {
    connection.close(4401, 'signed out');
    this.remove(connection);
  }

  /**
   * Admits the connections added since the last look: one whose credential ended meanwhile is
   * closed; a user's first socket (signed in that way) reloads their memberships, since the
   * handshake's may predate entries this hub has already passed. Each is greeted; its events
   * follow.
   */
  private async admit(): Promise<void> {
    for (const c of [...this.arrivals]) {
      const gone = await this.credentialGone(c);
      if (!this.arrivals.has(c)) continue; // closed by the client meanwhile
      if (gone) {
        this.end(c);
        continue;
      }
      const { actor } = c;
      const key = viewerKey(actor);
      let viewer = this.viewers.get(key);
      if (!viewer) {
        // Made only once the memberships are read: a failure leaves nothing half-admitted.
        const memberships = await this.membershipsOf(actor.userId);
        if (!this.arrivals.has(c)) continue;
        viewer = {
          userId: actor.userId,
          signIn: { mfa: actor.mfa, passkey: actor.passkey },
          memberships,
          sockets: new Set(),
          pending: [],
        };
        this.viewers.set(key, viewer);
      }
      this.arrivals.delete(c);
      viewer.sockets.add(c);
      c.send(encode({ type: 'hello', userId: actor.userId }));
    }
  }

  /** Closes, at most once a second, the sockets of sessions that expired. */
  private closeExpired(): void {
    if (performance.now() - this.expiryCheckedAt < 1000) return;
    this.expiryCheckedAt = performance.now();
    const now = this.deps.clock.now().toISOString();
    for (const v of [...this.viewers.values()])
      for (const c of [...v.sockets])
        if (c.credential.type === 'session' && c.credential.expiresAt <= now) this.end(c);
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
    const found = await this.deps.uow.read((s) => s.items.findCompartment(asId(id)));
    if (found) this.compartments.set(id, found);
    return found;
  }

  private async signInRequirements(processId: string): Promise<SignInRequirements | null> {
    if (this.requirements.has(processId)) return this.requirements.get(processId) ?? null;
    const found = await this.deps.uow.read((s) => s.processes.findProcess(asId(processId)));
    const requirements = found
      ? { requireTotp: found.requireTotp, requirePasskey: found.requirePasskey }
      : null;
    this.requirements.set(processId, requirements);
    return requirements;
  }

  private membershipsOf(userId: string): Promise<Membership[]> {
    return this.deps.uow.read((s) => s.processes.membershipsOf(asId(userId)));
  }

  /** Reloads a user's memberships for each of their viewers. */
  private async refresh(userId: string): Promise<void> {
    const viewers = [...this.viewers.values()].filter((v) => v.userId === userId);
    if (viewers.length === 0) return;
    const memberships = await this.membershipsOf(userId);
    for (const v of viewers) v.memberships = memberships;
  }

  /**
   * Whether a connection's session was signed out or expired, or its token revoked — or no longer
   * proves the sign-in it was admitted with (`tokenSignIn`, the rule the request path applies).
   */
  private async credentialGone(connection: LiveConnection): Promise<boolean> {
    const { credential, actor } = connection;
    if (credential.type === 'token')
      return this.deps.uow.read(async (s) => {
        const token = await s.accounts.findToken(asId(credential.id));
        const user = token && (await s.accounts.findUserById(token.userId));
        return (
          !token || !user || token.revokedAt !== null || weakened(actor, tokenSignIn(user, token))
        );
      });
    const now = this.deps.clock.now().toISOString();
    const session = await this.deps.uow.read((s) => s.accounts.findSession(asId(credential.id)));
    return !session || session.revokedAt !== null || session.expiresAt <= now;
  }

  /**
   * Admits new connections, reads the entries appended since the last look and fans them out, one
   * message per socket. An entry counts as seen only once decided: after an error (reported once
   * until a look succeeds) the next look starts again from it, and what was decided before it is
   * sent.
   */
  async poll(): Promise<void> {
    // A look under way may have read the log before the caller's change: wait, then look again.
    while (this.looking) await this.looking;
    if (this.stopped || this.lastSeq < 0) return;
    // This look serves any wake-up still scheduled.
    this.cancelWake?.();
    this.cancelWake = null;
    this.woken = false;
    this.looking = this.look().finally(() => (this.looking = null));
    return this.looking;
  }

  private async look(): Promise<void> {
    this.polling = true;
    this.again = false;
    this.lastLookAt = performance.now();
    if (this.unannounced) {
      this.unannounced = false;
      this.deps.signal?.announce();
    }
    try {
      await this.admit();
      this.closeExpired();
      const entries = await this.deps.uow.read((s) => s.audit.listAfter(this.lastSeq, 1000));
      let taken = 0;
      for (const entry of entries) {
        // A gap is a transaction still in flight: take it next time.
        if (entry.seq !== this.lastSeq + 1) break;
        await this.decide(entry);
        this.lastSeq = entry.seq;
        taken++;
      }
      if (taken === 1000) this.again = true;
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.onError(error);
      this.failing = true;
    } finally {
      this.flush();
      this.polling = false;
      // Counted from the end of this look: while wake-ups keep the hub busy, it never fires.
      if (!this.stopped) this.timer?.refresh();
    }
    if (this.again || this.arrivals.size > 0) this.wake();
  }

  /** Decides, per user, whether they may see one entry; closes signed-out sessions' sockets. */
  private async decide(r: AuditEntry): Promise<void> {
    const signedOut = credentialsEndedBy(r);
    if (signedOut) {
      // What the sockets were told before the sign-out leaves before they close.
      this.flush();
      for (const viewer of [...this.viewers.values()])
        if (viewer.userId === signedOut)
          for (const c of [...viewer.sockets]) if (await this.credentialGone(c)) this.end(c);
      return;
    }
    if (!r.processId || (readKinds as ReadonlySet<string>).has(r.kind)) return;
    if (membershipKinds.has(r.kind)) {
      const concerned = (JSON.parse(r.data) as { userId?: string }).userId;
      if (concerned) await this.refresh(concerned);
    }
    if (r.kind === 'process.updated') this.requirements.delete(r.processId);
    const requirements = await this.signInRequirements(r.processId);
    const compartment = r.compartmentId ? await this.compartment(r.compartmentId) : null;
    if (!requirements || (r.compartmentId && !compartment)) return;
    const event: LiveEvent = {
      at: r.at,
      kind: r.kind,
      processId: r.processId,
      compartmentId: r.compartmentId,
    };
    for (const v of this.viewers.values()) {
      const m = v.memberships.find((x) => x.processId === r.processId);
      if (meetsSignInRequirements(v.signIn, requirements) && canSeeEvent(m, compartment ?? null))
        v.pending.push({ seq: r.seq, event });
    }
  }

  /** Sends every user's pending events, one message per socket, each distinct one encoded once. */
  private flush(): void {
    const encoded = new Map<string, Buffer>();
    for (const v of this.viewers.values()) {
      const events = v.pending;
      if (events.length === 0) continue;
      v.pending = [];
      const key = events.map((e) => e.seq).join(',');
      let message = encoded.get(key);
      if (!message) {
        message = encode({ type: 'events', events: events.map((e) => e.event) });
        encoded.set(key, message);
      }
      for (const c of v.sockets) c.send(message);
    }
  }
}
