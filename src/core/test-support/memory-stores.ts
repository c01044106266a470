/**
 * An in-memory unit of work with the stores that the accounts, process and items use cases need,
 * for testing use cases without a database. It keeps the promises of the real one
 * (`server/db/unit-of-work.ts` and the repositories beside it) that those use cases rely on:
 *
 * - a transaction commits all of its writes or none: a use case that throws leaves nothing;
 * - its audit events are appended when its work is done, so reads of the log inside it do not see
 *   them, and `read` (no transaction) refuses to append;
 * - transactions run one at a time, like SQLite's single writer (so a transaction opened inside
 *   another waits for ever, as it would on SQLite);
 * - every read that takes `visible` compartment ids returns, counts and finds nothing outside
 *   them: what may not be seen answers like what does not exist;
 * - stores hand out copies, so a use case that changes an object it read changes nothing stored;
 * - primary keys and unique columns refuse duplicates.
 *
 * The record, text, preferences, rounds, messages, communiqués and implementation stores are not faked: any call
 * throws "not faked: <store>.<method>".
 */
import type { ApiToken, Passkey, Session, User, WebAuthnChallenge } from '../accounts/model.js';
import type { ThrottleState } from '../accounts/sign-in.js';
import type { Compartment } from '../access/compartments.js';
import type { AuditEntry, AuditEvent } from '../audit/catalogue.js';
import { canonicalJson, entryHash, genesisHash } from '../audit/chain.js';
import { auditScopeOf, type ScopedAuditEntry } from '../audit/scope.js';
import type { Item } from '../items/model.js';
import type {
  AccountStore,
  AuditLog,
  Clock,
  ItemStore,
  PasskeyStore,
  ProcessStore,
  Stores,
  UnitOfWork,
} from '../ports.js';
import type {
  Invitation,
  Membership,
  PendingSeat,
  Party,
  Process,
  ProcessLink,
  StatusChange,
} from '../process/model.js';
import type { CompartmentId, ProcessId, UserId } from '../shared/ids.js';
import { notFaked, sha256Hex } from './fake-ports.js';

/** Everything the in-memory stores hold: one array per table, in insertion order. */
export interface Tables {
  users: User[];
  sessions: Session[];
  tokens: ApiToken[];
  throttle: Map<string, ThrottleState>;
  devices: Array<{ tokenHash: string; userId: UserId; createdAt: string }>;
  passkeys: Passkey[];
  challenges: WebAuthnChallenge[];
  processes: Process[];
  parties: Party[];
  memberships: Array<Omit<Membership, 'grants'>>;
  pendingSeats: PendingSeat[];
  grants: Array<{ processId: ProcessId; userId: UserId; compartmentId: CompartmentId }>;
  statusChanges: Array<{ processId: ProcessId; change: StatusChange }>;
  links: Array<{ processId: ProcessId; link: ProcessLink }>;
  invitations: Invitation[];
  compartments: Compartment[];
  items: Item[];
  audit: AuditEntry[];
}

/** Empty tables. */
function emptyTables(): Tables {
  return {
    users: [],
    sessions: [],
    tokens: [],
    throttle: new Map(),
    devices: [],
    passkeys: [],
    challenges: [],
    processes: [],
    parties: [],
    memberships: [],
    pendingSeats: [],
    grants: [],
    statusChanges: [],
    links: [],
    invitations: [],
    compartments: [],
    items: [],
    audit: [],
  };
}

/** A deep copy: what goes into a table and what comes out of it is never shared. */
const copy = <T>(value: T): T => structuredClone(value);

/** Thrown like a database's constraint error when a key or unique column would repeat. */
function refuseDuplicate<T>(rows: readonly T[], constraint: string, same: (row: T) => boolean) {
  if (rows.some(same)) throw new Error(`constraint failed: ${constraint}`);
}

/** Sorts newest first by an ISO time, later insertions first among equal times. */
const newestFirst = <T>(rows: readonly T[], at: (row: T) => string): T[] =>
  [...rows].reverse().sort((a, b) => (at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : 0));

/** The in-memory unit of work, with the committed tables open to the test's assertions. */
export interface MemoryDb extends UnitOfWork {
  /** A deep copy of everything committed so far (compare two to show that nothing changed). */
  snapshot(): Tables;
  /** The committed audit log, oldest first. */
  auditEntries(): AuditEntry[];
}

/**
 * A fresh in-memory database. `clock` stamps audit entries when they are appended, as the real log
 * does; entries are chained with SHA-256 like the real ones, so `verifyChain` accepts them.
 */
export function memoryDb(deps: { clock: Clock }): MemoryDb {
  let committed = emptyTables();
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs work after every earlier transaction or read has finished, one at a time. */
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  /** Appends a transaction's events to the log's end, chained, stamped with the clock. */
  function appendEntries(t: Tables, events: readonly AuditEvent[]): void {
    const at = deps.clock.now().toISOString();
    for (const event of events) {
      const last = t.audit[t.audit.length - 1];
      const unsigned = {
        seq: (last?.seq ?? 0) + 1,
        at,
        actorUserId: event.actorUserId,
        processId: event.processId,
        compartmentId: event.compartmentId,
        kind: event.kind,
        data: canonicalJson(event.data),
        prevHash: last?.hash ?? genesisHash,
      };
      t.audit.push({ ...unsigned, hash: entryHash(unsigned, sha256Hex) });
    }
  }

  return {
    transaction: (fn) =>
      serially(async () => {
        // Staged: the work runs on a copy, which replaces the committed tables only if it succeeds.
        const working = copy(committed);
        const events: AuditEvent[] = [];
        const result = await fn(
          memoryStores(working, async (event) => void events.push(copy(event))),
        );
        appendEntries(working, events);
        committed = working;
        return result;
      }),
    read: (fn) =>
      serially(() =>
        fn(
          memoryStores(committed, () => {
            throw new Error('a read records no audit event: use a transaction');
          }),
        ),
      ),
    snapshot: () => copy(committed),
    auditEntries: () => copy(committed.audit),
  };
}

/** The stores over one set of tables; `append` records an audit event for the commit. */
export function memoryStores(t: Tables, append: (event: AuditEvent) => Promise<void>): Stores {
  return {
    accounts: accountStore(t),
    passkeys: passkeyStore(t),
    processes: processStore(t),
    items: itemStore(t),
    audit: auditLog(t, append),
    record: notFaked('record'),
    text: notFaked('text'),
    preferences: notFaked('preferences'),
    rounds: notFaked('rounds'),
    messages: notFaked('messages'),
    communiques: notFaked('communiques'),
    media: notFaked('media'),
    implementation: notFaked('implementation'),
    suggestions: notFaked('suggestions'),
  };
}

/** Users, sessions, API tokens, sign-in throttling and known devices. */
function accountStore(t: Tables): AccountStore {
  const user = (id: UserId) => t.users.find((u) => u.id === id);
  return {
    async findUserByEmail(email) {
      return copy(t.users.find((u) => u.email === email));
    },
    async findUserById(id) {
      return copy(user(id));
    },
    async insertUser(u) {
      refuseDuplicate(t.users, 'users.id', (x) => x.id === u.id);
      refuseDuplicate(t.users, 'users.email', (x) => x.email === u.email);
      t.users.push(copy(u));
    },
    async updatePassword(id, passwordHash) {
      const u = user(id);
      if (u) u.passwordHash = passwordHash;
    },
    async updateTotp(id, f) {
      const u = user(id);
      if (u) Object.assign(u, copy(f));
    },
    async claimTotpStep(id, step) {
      const u = user(id);
      if (!u || (u.totpLastStep !== null && u.totpLastStep >= step)) return false;
      u.totpLastStep = step;
      return true;
    },
    async countUsers() {
      return t.users.length;
    },
    async insertSession(s) {
      refuseDuplicate(t.sessions, 'sessions.id', (x) => x.id === s.id);
      refuseDuplicate(t.sessions, 'sessions.token_hash', (x) => x.tokenHash === s.tokenHash);
      t.sessions.push(copy(s));
    },
    async signInVersion(userId) {
      // What resolving the user's session reads, itself: it changes exactly when any of it does.
      return JSON.stringify([
        t.users.find((u) => u.id === userId) ?? null,
        t.sessions.filter((x) => x.userId === userId),
        t.memberships.filter((m) => m.userId === userId),
        t.grants.filter((g) => g.userId === userId),
      ]);
    },
    async findSessionByTokenHash(hash) {
      return copy(t.sessions.find((s) => s.tokenHash === hash));
    },
    async findSession(id) {
      return copy(t.sessions.find((s) => s.id === id));
    },
    async revokeSession(id, at) {
      for (const s of t.sessions) if (s.id === id) s.revokedAt = at;
    },
    async revokeOpenSessions(userId, at) {
      const open = t.sessions.filter(
        (s) => s.userId === userId && s.revokedAt === null && s.expiresAt > at,
      );
      for (const s of open) s.revokedAt = at;
      return open.length;
    },
    async insertToken(token) {
      refuseDuplicate(t.tokens, 'api_tokens.id', (x) => x.id === token.id);
      t.tokens.push(copy(token));
    },
    async findToken(id) {
      return copy(t.tokens.find((x) => x.id === id));
    },
    async listTokens(userId) {
      return copy(
        newestFirst(
          t.tokens.filter((x) => x.userId === userId),
          (x) => x.createdAt,
        ),
      );
    },
    async revokeToken(id, at) {
      for (const x of t.tokens) if (x.id === id) x.revokedAt = at;
    },
    async revokeOpenTokens(userId, at) {
      const open = t.tokens.filter((x) => x.userId === userId && x.revokedAt === null);
      for (const x of open) x.revokedAt = at;
      return open.length;
    },
    async touchToken(id, at) {
      for (const x of t.tokens) if (x.id === id) x.lastUsedAt = at;
    },
    async lockThrottle(keys) {
      // Transactions run one at a time here, so reading is already serialised.
      return keys.map(
        (key) => t.throttle.get(key) ?? { key, failures: 0, lastAt: null, lockedUntil: null },
      );
    },
    async saveThrottle(states) {
      for (const state of states) t.throttle.set(state.key, { ...state });
    },
    async clearThrottle(key) {
      t.throttle.delete(key);
    },
    async insertDevice(device) {
      refuseDuplicate(
        t.devices,
        'sign_in_devices.token_hash',
        (x) => x.tokenHash === device.tokenHash,
      );
      t.devices.push({ ...device });
    },
    async findDeviceUser(tokenHash) {
      return t.devices.find((x) => x.tokenHash === tokenHash)?.userId;
    },
    async deleteDevicesOf(userId) {
      const before = t.devices.length;
      t.devices = t.devices.filter((x) => x.userId !== userId);
      return before - t.devices.length;
    },
  };
}

/** Passkeys and pending WebAuthn challenges. */
function passkeyStore(t: Tables): PasskeyStore {
  return {
    async insertPasskey(p) {
      refuseDuplicate(t.passkeys, 'passkeys.id', (x) => x.id === p.id);
      refuseDuplicate(
        t.passkeys,
        'passkeys.credential_id',
        (x) => x.credentialId === p.credentialId,
      );
      t.passkeys.push(copy(p));
    },
    async listPasskeys(userId) {
      return copy(
        t.passkeys
          .filter((p) => p.userId === userId)
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
      );
    },
    async findPasskey(id) {
      return copy(t.passkeys.find((p) => p.id === id));
    },
    async findPasskeyByCredentialId(credentialId) {
      return copy(t.passkeys.find((p) => p.credentialId === credentialId));
    },
    async renamePasskey(id, name) {
      for (const p of t.passkeys) if (p.id === id) p.name = name;
    },
    async recordPasskeyUse(id, counter, at) {
      for (const p of t.passkeys) if (p.id === id) Object.assign(p, { counter, lastUsedAt: at });
    },
    async deletePasskey(id) {
      t.passkeys = t.passkeys.filter((p) => p.id !== id);
    },
    async deletePasskeysOf(userId) {
      const before = t.passkeys.length;
      t.passkeys = t.passkeys.filter((p) => p.userId !== userId);
      return before - t.passkeys.length;
    },
    async insertChallenge(c) {
      refuseDuplicate(t.challenges, 'webauthn_challenges.id', (x) => x.id === c.id);
      t.challenges.push(copy(c));
    },
    async takeChallenge(id) {
      const found = t.challenges.find((c) => c.id === id);
      t.challenges = t.challenges.filter((c) => c.id !== id);
      return copy(found);
    },
    async deleteExpiredChallenges(before) {
      t.challenges = t.challenges.filter((c) => c.expiresAt > before);
    },
  };
}

/** Processes, parties, memberships with their grants, history, links and invitations. */
function processStore(t: Tables): ProcessStore {
  /** Memberships with their grants and the member's name (members without an account drop out). */
  const membersWhere = (keep: (m: Omit<Membership, 'grants'>) => boolean) =>
    t.memberships.filter(keep).flatMap((m) => {
      const u = t.users.find((x) => x.id === m.userId);
      if (!u) return [];
      const grants = t.grants
        .filter((g) => g.processId === m.processId && g.userId === m.userId)
        .map((g) => g.compartmentId)
        .sort();
      return [{ ...copy(m), grants, displayName: u.displayName }];
    });
  const membership = (processId: ProcessId, userId: UserId) =>
    t.memberships.find((m) => m.processId === processId && m.userId === userId);
  return {
    async insertProcess(p) {
      refuseDuplicate(t.processes, 'processes.id', (x) => x.id === p.id);
      t.processes.push(copy(p));
    },
    async findProcess(id) {
      return copy(t.processes.find((p) => p.id === id));
    },
    async updateProcess(p) {
      const i = t.processes.findIndex((x) => x.id === p.id);
      const old = t.processes[i];
      if (old) t.processes[i] = { ...copy(p), createdAt: old.createdAt };
    },
    async listProcessesOf(userId) {
      const mine = new Set(
        t.memberships.filter((m) => m.userId === userId).map((m) => m.processId),
      );
      return copy(
        newestFirst(
          t.processes.filter((p) => mine.has(p.id)),
          (p) => p.createdAt,
        ),
      );
    },
    async insertParty(p) {
      refuseDuplicate(t.parties, 'parties.id', (x) => x.id === p.id);
      refuseDuplicate(
        t.parties,
        'parties_process_code',
        (x) => x.processId === p.processId && x.code === p.code,
      );
      t.parties.push(copy(p));
    },
    async updateParty(p) {
      for (const x of t.parties)
        if (x.id === p.id) Object.assign(x, { name: p.name, status: p.status });
    },
    async listParties(processId) {
      return copy(t.parties.filter((p) => p.processId === processId));
    },
    async membershipsOf(userId) {
      return membersWhere((m) => m.userId === userId).map(
        ({ displayName: _d, ...m }): Membership => m,
      );
    },
    async listMembers(processId) {
      return membersWhere((m) => m.processId === processId);
    },
    async insertMembership({ grants: _g, ...m }) {
      refuseDuplicate(
        t.memberships,
        'memberships_pk',
        (x) => x.processId === m.processId && x.userId === m.userId,
      );
      t.memberships.push(copy(m));
    },
    async updateMembershipRole(processId, userId, role, partyId) {
      const m = membership(processId, userId);
      if (m) Object.assign(m, { role, partyId });
    },
    async insertPendingSeat(seat) {
      refuseDuplicate(t.pendingSeats, 'pending_seats.id', (x) => x.id === seat.id);
      t.pendingSeats.push(copy(seat));
    },
    async listPendingSeats(processId) {
      return copy(
        t.pendingSeats
          .filter((x) => x.processId === processId)
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      );
    },
    async deletePendingSeat(id) {
      t.pendingSeats = t.pendingSeats.filter((x) => x.id !== id);
    },
    async deletePendingSeatsOf(processId, userId) {
      t.pendingSeats = t.pendingSeats.filter(
        (x) => !(x.processId === processId && x.userId === userId),
      );
    },
    async setDelegationAdmin(processId, userId, admin) {
      const m = membership(processId, userId);
      if (m) m.delegationAdmin = admin;
    },
    async deleteMembership(processId, userId) {
      t.grants = t.grants.filter((g) => !(g.processId === processId && g.userId === userId));
      t.memberships = t.memberships.filter(
        (m) => !(m.processId === processId && m.userId === userId),
      );
    },
    async insertGrant(processId, userId, compartmentId) {
      const g = { processId, userId, compartmentId };
      refuseDuplicate(
        t.grants,
        'compartment_grants_pk',
        (x) =>
          x.processId === processId && x.userId === userId && x.compartmentId === compartmentId,
      );
      t.grants.push(g);
    },
    async insertStatusChange(processId, change) {
      t.statusChanges.push({ processId, change: copy(change) });
    },
    async listStatusChanges(processId) {
      return copy(t.statusChanges.filter((s) => s.processId === processId).map((s) => s.change));
    },
    async insertLink(processId, link) {
      t.links.push({ processId, link: copy(link) });
    },
    async listLinks(processId) {
      return copy(t.links.filter((l) => l.processId === processId).map((l) => l.link));
    },
    async insertInvitation(i) {
      refuseDuplicate(t.invitations, 'invitations.id', (x) => x.id === i.id);
      refuseDuplicate(t.invitations, 'invitations.token_hash', (x) => x.tokenHash === i.tokenHash);
      t.invitations.push(copy(i));
    },
    async findInvitationByTokenHash(hash) {
      return copy(t.invitations.find((i) => i.tokenHash === hash));
    },
    async findInvitation(id) {
      return copy(t.invitations.find((i) => i.id === id));
    },
    async listInvitations(processId) {
      return copy(
        newestFirst(
          t.invitations.filter((i) => i.processId === processId),
          (i) => i.createdAt,
        ),
      );
    },
    async markInvitation(id, f) {
      for (const i of t.invitations)
        if (i.id === id) {
          if (f.usedAt) i.usedAt = f.usedAt;
          if (f.revokedAt) i.revokedAt = f.revokedAt;
          if (f.heldFor) i.heldFor = f.heldFor;
        }
    },
  };
}

/** The order in which a process's compartments are listed. */
const compartmentOrder: Compartment['kind'][] = [
  'public',
  'plenary',
  'mediators',
  'bilateral',
  'caucus',
];

/** Compartments and items; every read of items keeps to the visible compartments. */
function itemStore(t: Tables): ItemStore {
  const inVisible = (visible: readonly CompartmentId[]) => (i: Item) =>
    visible.includes(i.compartmentId);
  return {
    async insertCompartment(c) {
      refuseDuplicate(t.compartments, 'compartments.id', (x) => x.id === c.id);
      t.compartments.push(copy(c));
    },
    async listCompartments(processId) {
      return copy(
        t.compartments
          .filter((c) => c.processId === processId)
          .sort((a, b) => compartmentOrder.indexOf(a.kind) - compartmentOrder.indexOf(b.kind)),
      );
    },
    async findCompartment(id) {
      return copy(t.compartments.find((c) => c.id === id));
    },
    async insertItem(item) {
      refuseDuplicate(t.items, 'items.id', (x) => x.id === item.id);
      t.items.push(copy(item));
    },
    async findItem(id, visible) {
      return copy(t.items.filter(inVisible(visible)).find((i) => i.id === id));
    },
    async listItems(q) {
      const needle = q.text?.toLowerCase();
      const found = t.items
        .filter(inVisible(q.visible))
        .filter((i) => i.processId === q.processId)
        .filter((i) => !q.compartmentId || i.compartmentId === q.compartmentId)
        .filter(
          (i) =>
            !needle ||
            i.title.toLowerCase().includes(needle) ||
            i.body.toLowerCase().includes(needle),
        )
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
      return copy(found.slice(0, q.limit));
    },
    async countItems(processId, visible) {
      const counts = new Map<CompartmentId, number>();
      for (const i of t.items.filter(inVisible(visible)))
        if (i.processId === processId)
          counts.set(i.compartmentId, (counts.get(i.compartmentId) ?? 0) + 1);
      return counts;
    },
    async updateItem(item, expectedRevision) {
      const stored = t.items.find((i) => i.id === item.id);
      if (!stored || stored.revision !== expectedRevision) return false;
      Object.assign(stored, {
        compartmentId: item.compartmentId,
        title: item.title,
        body: item.body,
        updatedAt: item.updatedAt,
        revision: item.revision,
      });
      return true;
    },
  };
}

/** The audit log's reads over committed entries; `append` hands events to the unit of work. */
function auditLog(t: Tables, append: (event: AuditEvent) => Promise<void>): AuditLog {
  /** Each entry with its scope and its number in that scope, numbered in the order appended. */
  const scoped = (): ScopedAuditEntry[] => {
    const sizes = new Map<string, number>();
    return t.audit.map((e) => {
      const scope = auditScopeOf(e);
      const scopeSeq = scope === null ? null : (sizes.get(scope) ?? 0) + 1;
      if (scope !== null && scopeSeq !== null) sizes.set(scope, scopeSeq);
      return { ...copy(e), scope, scopeSeq };
    });
  };
  return {
    append,
    async listByKind(kind) {
      return copy(t.audit.filter((e) => e.kind === kind));
    },
    async findInScope(scope, scopeSeq) {
      return scoped().find((e) => e.scope === scope && e.scopeSeq === scopeSeq);
    },
    async scopeSize(scope) {
      return scoped().filter((e) => e.scope === scope).length;
    },
    async lastSeq() {
      return t.audit[t.audit.length - 1]?.seq ?? 0;
    },
    async listAfter(seq, limit) {
      return copy(t.audit.filter((e) => e.seq > seq).slice(0, limit));
    },
    async listProcessKinds(processId, kinds) {
      return copy(
        t.audit.filter((e) => e.processId === processId && (kinds as string[]).includes(e.kind)),
      );
    },
    async listForProcess(q) {
      const visible = q.visible as readonly string[];
      return copy(
        scoped()
          .filter((e) => e.processId === q.processId)
          .filter((e) => e.compartmentId === null || visible.includes(e.compartmentId))
          .filter((e) => q.beforeSeq === undefined || e.seq < q.beforeSeq)
          .filter((e) => {
            const f = q.filter ?? {};
            return (
              (f.actorUserId === undefined || e.actorUserId === f.actorUserId) &&
              (f.kind === undefined || e.kind === f.kind) &&
              (f.compartmentId === undefined || e.compartmentId === f.compartmentId) &&
              (f.fromAt === undefined || e.at >= f.fromAt) &&
              (f.beforeAt === undefined || e.at < f.beforeAt)
            );
          })
          .reverse()
          .slice(0, q.limit),
      );
    },
  };
}

/** A unit of work that notes, per transaction or read, which store methods were called. */
export interface RecordingDb extends UnitOfWork {
  /** One list per transaction or read, in order: `store.method` for each call. */
  calls: string[][];
}

/** Every store a unit of work hands a use case. */
const storeNames = [
  'accounts',
  'passkeys',
  'processes',
  'items',
  'record',
  'text',
  'preferences',
  'suggestions',
  'rounds',
  'messages',
  'communiques',
  'media',
  'implementation',
  'audit',
] as const satisfies ReadonlyArray<keyof Stores>;

/**
 * Wraps a unit of work to record which store methods each transaction calls, so a test can show
 * that a change and its audit event were made in one transaction.
 */
export function recordTransactions(db: UnitOfWork): RecordingDb {
  const calls: string[][] = [];
  const watched = (stores: Stores): Stores => {
    const mine: string[] = [];
    calls.push(mine);
    // By name, not Object.entries: a unit of work may build its stores on first use, as getters.
    const entries = storeNames.map((name) => [
      name,
      new Proxy(stores[name] as object, {
        get(target, prop, receiver) {
          const value: unknown = Reflect.get(target, prop, receiver);
          if (typeof value !== 'function' || typeof prop !== 'string') return value;
          return (...args: unknown[]) => {
            mine.push(`${name}.${prop}`);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      }),
    ]);
    return Object.fromEntries(entries) as Stores;
  };
  return {
    calls,
    transaction: (fn) => db.transaction((s) => fn(watched(s))),
    read: (fn) => db.read((s) => fn(watched(s))),
  };
}
