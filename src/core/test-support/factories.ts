/**
 * Small factories for use-case tests. A `World` bundles the in-memory stores and fake ports as a
 * `Ports` object any use case accepts; each factory makes one thing through the real use case
 * that makes it (an account through `createUser`, a member through an invitation accepted), so
 * that building a test's situation already obeys the rules it may go on to test. Every option has
 * a default; tests name only what matters to them.
 *
 *     const world = aWorld();
 *     const talks = await aProcess(world, { parties: ['GOV', 'OPP'] });
 *     const gov = await aMember(world, talks, { role: 'delegate', party: 'GOV' });
 *     const note = await aNote(world, talks, { by: gov, in: talks.caucus('GOV') });
 */
import type { ApiToken, Passkey, User } from '../accounts/model.js';
import type { SignInStrength } from '../accounts/sign-in.js';
import type { Compartment } from '../access/compartments.js';
import type { Actor } from '../access/policy.js';
import type { AuditEvent } from '../audit/catalogue.js';
import type { LabelledItem } from '../items/model.js';
import type { Hashing, Ids, Ports } from '../ports.js';
import type { Invitation, Membership, Party, Process, Role } from '../process/model.js';
import { DomainError, type ErrorCode } from '../shared/errors.js';
import { asId, type CompartmentId } from '../shared/ids.js';
import { createApiToken } from '../usecases/accounts/create-api-token.js';
import { beginTotpSetup } from '../usecases/accounts/begin-totp-setup.js';
import { confirmTotp } from '../usecases/accounts/confirm-totp.js';
import { createUser } from '../usecases/accounts/create-user.js';
import { signIn, type SignedIn } from '../usecases/accounts/sign-in.js';
import { createNote } from '../usecases/items/create-note.js';
import { acceptInvitation } from '../usecases/process/accept-invitation.js';
import { confirmSeat } from '../usecases/process/confirm-seat.js';
import { addParty } from '../usecases/process/add-party.js';
import { createInvitation } from '../usecases/process/create-invitation.js';
import { createProcess } from '../usecases/process/create-process.js';
import { grantCompartment } from '../usecases/process/grant-compartment.js';
import { revokeInvitation } from '../usecases/process/revoke-invitation.js';
import {
  fakeTotp,
  movableClock,
  notFaked,
  sequentialIds,
  testHashing,
  type FakeTotp,
  type MovableClock,
} from './fake-ports.js';
import { memoryDb, type MemoryDb } from './memory-stores.js';
import { boundedSessionCache } from '../accounts/session-cache.js';
import type { Person, Room } from './who-sees-what.js';

/** The password every factory-made account has unless told otherwise. */
export const defaultPassword = 'correct horse battery staple';

/** An audit event as committed, without its place in the chain: comparable with `toEqual`. */
export type RecordedEvent = AuditEvent;

/** A test's Parley: fake ports, in-memory stores, and ways to look at what happened. */
export interface World {
  /** Every port: pass it to any use case (WebAuthn, the audit tree, the engine and the fingerprint key are not faked). */
  deps: Ports;
  /** The in-memory unit of work, for snapshots of everything stored. */
  db: MemoryDb;
  /** The clock, which moves only when the test moves it. */
  clock: MovableClock;
  /** The authenticator, which also tells the test the current code. */
  totp: FakeTotp;
  /** Ids and secrets, numbered in order. */
  ids: Ids;
  /** SHA-256, and the fast honest password hash. */
  hashing: Hashing;
  /**
   * The user as an actor with their memberships as stored now, as `authenticate` resolves it on
   * each request; `signIn` says how the session was opened (no second factor by default).
   */
  actor(who: User | Member, signIn?: Partial<SignInStrength>): Promise<Actor>;
  /** The sequence number of the last committed audit entry (0 while the log is empty). */
  seq(): number;
  /** The committed audit events after a sequence number (every one by default), oldest first. */
  events(afterSeq?: number): RecordedEvent[];
  /** A number unique within this world, for default names and e-mail addresses. */
  next(): number;
}

/** A fresh world: an empty Parley whose clock stands at `start`. */
export function aWorld(options: { start?: string } = {}): World {
  const clock = movableClock(options.start);
  const ids = sequentialIds();
  const hashing = testHashing();
  const totp = fakeTotp();
  const db = memoryDb({ clock });
  let counter = 0;
  const deps: Ports = {
    db,
    clock,
    ids,
    hashing,
    totp,
    webAuthn: notFaked('webAuthn'),
    auditTree: notFaked('auditTree'),
    engine: notFaked('engine'),
    fingerprintKey: notFaked('fingerprintKey'),
    feeds: notFaked('feeds'),
    sessionCache: boundedSessionCache(),
  };
  return {
    deps,
    db,
    clock,
    totp,
    ids,
    hashing,
    async actor(who, signIn = {}) {
      const user = 'user' in who ? who.user : who;
      const memberships = await db.read((s) => s.processes.membershipsOf(user.id));
      return {
        userId: user.id,
        isAdmin: user.isAdmin,
        mfa: signIn.mfa ?? signIn.passkey ?? false,
        passkey: signIn.passkey ?? false,
        memberships,
      };
    },
    seq: () => db.auditEntries().at(-1)?.seq ?? 0,
    events: (afterSeq = 0) =>
      db
        .auditEntries()
        .filter((e) => e.seq > afterSeq)
        .map(
          (e) =>
            ({
              kind: e.kind,
              data: JSON.parse(e.data) as unknown,
              actorUserId: e.actorUserId,
              processId: e.processId,
              compartmentId: e.compartmentId,
            }) as RecordedEvent,
        ),
    next: () => ++counter,
  };
}

/** An account, made by `createUser`: a member of nothing, with `defaultPassword`. */
export async function aUser(
  world: World,
  options: { email?: string; displayName?: string; password?: string; isAdmin?: boolean } = {},
): Promise<User> {
  const n = world.next();
  return createUser(world.deps, {
    email: options.email ?? `person${n}@parley.test`,
    displayName: options.displayName ?? `Person ${n}`,
    password: options.password ?? defaultPassword,
    isAdmin: options.isAdmin ?? false,
  });
}

/** A person in a process: the account, the membership and an actor as of joining. */
export interface Member {
  /** The account. */
  user: User;
  /** The membership as it was made. */
  membership: Membership;
  /** The user as an actor right after joining (ask `world.actor` after later changes). */
  actor: Actor;
}

/** A process made by a facilitator admin, with its parties and every compartment. */
export interface TestProcess {
  /** The process. */
  process: Process;
  /** The admin who created it and holds its facilitator membership. */
  facilitator: Member;
  /** Its parties, in the order given. */
  parties: Party[];
  /** All its compartments. */
  compartments: Compartment[];
  /** The public compartment. */
  public: Compartment;
  /** The plenary. */
  plenary: Compartment;
  /** The mediators' room. */
  mediators: Compartment;
  /** A party by its code. */
  party(code: string): Party;
  /** A party's caucus, by the party's code. */
  caucus(code: string): Compartment;
  /** A party's bilateral channel with the mediators, by the party's code. */
  bilateral(code: string): Compartment;
}

/**
 * A process made by `createProcess` (by a new facilitator admin unless `by` names an admin), with
 * parties added by `addParty` (none by default). When it requires a second factor, the
 * facilitator's actor has one.
 */
export async function aProcess(
  world: World,
  options: {
    parties?: string[];
    codename?: string;
    title?: string;
    requireTotp?: boolean;
    by?: User;
  } = {},
): Promise<TestProcess> {
  const n = world.next();
  const admin = options.by ?? (await aUser(world, { isAdmin: true }));
  const signIn = { mfa: options.requireTotp ?? false };
  const process = await createProcess(world.deps, {
    actor: await world.actor(admin, signIn),
    codename: options.codename ?? `Heron ${n}`,
    title: options.title ?? `Talks number ${n}`,
    requireTotp: options.requireTotp ?? false,
  });
  const actor = await world.actor(admin, signIn);
  const parties: Party[] = [];
  for (const code of options.parties ?? [])
    parties.push(
      await addParty(world.deps, {
        actor,
        processId: process.id,
        name: `${code} delegation`,
        code,
      }),
    );
  const compartments = await world.db.read((s) => s.items.listCompartments(process.id));
  const membership = actor.memberships.find((m) => m.processId === process.id);
  if (!membership) throw new Error('createProcess made no facilitator membership');
  const find = (what: string, c: Compartment | undefined): Compartment => {
    if (!c) throw new Error(`the test process has no ${what}`);
    return c;
  };
  const party = (code: string): Party => {
    const p = parties.find((x) => x.code === code);
    if (!p) throw new Error(`the test process has no party ${code}`);
    return p;
  };
  const ofParty = (kind: 'caucus' | 'bilateral') => (code: string) =>
    find(
      `${kind} of ${code}`,
      compartments.find((c) => c.kind === kind && c.partyId === party(code).id),
    );
  return {
    process,
    facilitator: { user: admin, membership, actor },
    parties,
    compartments,
    public: find(
      'public compartment',
      compartments.find((c) => c.kind === 'public'),
    ),
    plenary: find(
      'plenary',
      compartments.find((c) => c.kind === 'plenary'),
    ),
    mediators: find(
      "mediators' room",
      compartments.find((c) => c.kind === 'mediators'),
    ),
    party,
    caucus: ofParty('caucus'),
    bilateral: ofParty('bilateral'),
  };
}

/**
 * An invitation made by `createInvitation` (by the facilitator unless `by` says otherwise): an
 * observer's unless a role is given; `party` names a party by its code.
 */
export async function anInvitation(
  world: World,
  talks: TestProcess,
  options: { role?: Role; party?: string; by?: Actor; validDays?: number; label?: string } = {},
): Promise<{ invitation: Invitation; secret: string }> {
  return createInvitation(world.deps, {
    actor: options.by ?? talks.facilitator.actor,
    processId: talks.process.id,
    role: options.role ?? 'observer',
    partyId: options.party === undefined ? null : talks.party(options.party).id,
    inviteeLabel: options.label ?? `Invitee ${world.next()}`,
    validDays: options.validDays,
  });
}

/** The ways an invitation link stops working, and a link never issued. */
export const deadLinkKinds = ['never issued', 'used', 'revoked', 'expired'] as const;
export type DeadLinkKind = (typeof deadLinkKinds)[number];

/**
 * The secret of an invitation link that no longer opens anything, dead in the way asked: used by
 * another account, revoked by the facilitator, expired (the clock moves past it), or never issued.
 */
export async function aDeadLink(
  world: World,
  talks: TestProcess,
  how: DeadLinkKind,
): Promise<string> {
  if (how === 'never issued') return `secret_never_issued_${world.next()}_xxxxxxxx`;
  const { invitation, secret } = await anInvitation(world, talks, { validDays: 1 });
  if (how === 'used')
    await acceptInvitation(world.deps, {
      secret,
      ip: null,
      actor: await world.actor(await aUser(world)),
      newAccount: null,
    });
  else if (how === 'revoked')
    await revokeInvitation(world.deps, {
      actor: talks.facilitator.actor,
      processId: talks.process.id,
      invitationId: invitation.id,
    });
  else world.clock.advance(86_400_000);
  return secret;
}

/**
 * A member of a process, the way people join one: the facilitator invites (`anInvitation`), a new
 * account (or `user`) accepts with `acceptInvitation`, and each compartment in `grants` is given
 * with `grantCompartment`. The actor's session has a second factor when the process requires one.
 */
export async function aMember(
  world: World,
  talks: TestProcess,
  options: {
    role: Role;
    party?: string;
    user?: User;
    grants?: Compartment[];
    signIn?: Partial<SignInStrength>;
  },
): Promise<Member> {
  const user = options.user ?? (await aUser(world));
  const { secret } = await anInvitation(world, talks, { role: options.role, party: options.party });
  await acceptInvitation(world.deps, {
    secret,
    ip: null,
    actor: await world.actor(user),
    newAccount: null,
  });
  await consentTo(world, talks, user);
  for (const c of options.grants ?? [])
    await grantCompartment(world.deps, {
      actor: talks.facilitator.actor,
      processId: talks.process.id,
      userId: user.id,
      compartmentId: c.id,
    });
  await consentTo(world, talks, user);
  const actor = await world.actor(user, {
    mfa: talks.process.requireTotp,
    ...options.signIn,
  });
  const membership = actor.memberships.find((m) => m.processId === talks.process.id);
  if (!membership) throw new Error('acceptInvitation made no membership');
  return { user, membership, actor };
}

/**
 * Confirms every seat of `user` awaiting consent, as the real holder would: the party's head (the
 * lead mediator for the mediator team and its room), or the user themselves when they are the
 * first head or lead mediator to be appointed. Tests of consent itself call the use cases instead.
 */
export async function consentTo(world: World, talks: TestProcess, user: User): Promise<void> {
  const pending = await world.deps.db.transaction(async (s) => ({
    seats: (await s.processes.listPendingSeats(talks.process.id)).filter(
      (x) => x.userId === user.id,
    ),
    members: await s.processes.listMembers(talks.process.id),
    compartments: await s.items.listCompartments(talks.process.id),
  }));
  for (const seat of pending.seats) {
    const room = pending.compartments.find((c) => c.id === seat.compartmentId);
    const partyId = seat.partyId ?? room?.partyId ?? null;
    const holder = pending.members.find((m) =>
      partyId !== null
        ? m.role === 'head_of_delegation' && m.partyId === partyId
        : m.role === 'lead_mediator',
    );
    const confirmer =
      holder && holder.userId !== user.id
        ? await world.deps.db.transaction(async (s) => s.accounts.findUserById(holder.userId))
        : user;
    if (!confirmer) throw new Error('nobody can confirm this seat');
    await confirmSeat(world.deps, {
      actor: await world.actor(confirmer),
      processId: talks.process.id,
      seatId: seat.id,
    }).catch((error: unknown) => {
      throw new Error(
        `${user.displayName}'s seat awaits a consent nobody can give yet (make the room's holder first)`,
        { cause: error },
      );
    });
  }
}

/** A note made by `createNote`, by a member (or actor) who may write in the compartment. */
export async function aNote(
  world: World,
  talks: TestProcess,
  options: { by: Member | Actor; in: Compartment | CompartmentId; title?: string; body?: string },
): Promise<LabelledItem> {
  const n = world.next();
  return createNote(world.deps, {
    actor: 'actor' in options.by ? options.by.actor : options.by,
    processId: talks.process.id,
    compartmentId: typeof options.in === 'string' ? options.in : options.in.id,
    title: options.title ?? `Note ${n}`,
    body: options.body ?? `The body of note ${n}.`,
  });
}

/**
 * A personal API token made by `createApiToken` in a session of the user's; `passkey` says
 * whether that session was opened with a passkey.
 */
export async function aToken(
  world: World,
  who: User | Member,
  options: { name?: string; passkey?: boolean } = {},
): Promise<{ token: ApiToken; secret: string }> {
  return createApiToken(world.deps, {
    actor: await world.actor(who, { passkey: options.passkey ?? false }),
    name: options.name ?? `Token ${world.next()}`,
  });
}

/** A process with the parties GOV and OPP and one member in every role (see who-sees-what.ts). */
export interface Negotiation {
  /** The process. */
  talks: TestProcess;
  /** Each person by name, e.g. `people['GOV head']`. */
  people: Record<Person, Member>;
  /** A compartment by name, e.g. `room('OPP caucus')`. */
  room(name: Room): Compartment;
}

/**
 * A process with the parties GOV and OPP and one person in every role, each joined through
 * `aMember`, the observer given the plenary through `grantCompartment` as well.
 */
export async function aNegotiation(world: World): Promise<Negotiation> {
  const talks = await aProcess(world, { parties: ['GOV', 'OPP'] });
  const join = (role: Role, party?: string, grants?: Compartment[]) =>
    aMember(world, talks, { role, party, grants });
  const people: Record<Person, Member> = {
    facilitator: talks.facilitator,
    'lead mediator': await join('lead_mediator'),
    mediator: await join('mediator'),
    secretariat: await join('secretariat'),
    'GOV head': await join('head_of_delegation', 'GOV'),
    'GOV delegate': await join('delegate', 'GOV'),
    'GOV adviser': await join('adviser', 'GOV'),
    'OPP head': await join('head_of_delegation', 'OPP'),
    'OPP delegate': await join('delegate', 'OPP'),
    'OPP adviser': await join('adviser', 'OPP'),
    guarantor: await join('guarantor'),
    observer: await join('observer'),
    'observer given the plenary': await join('observer', undefined, [talks.plenary]),
  };
  const room = (name: Room): Compartment => {
    switch (name) {
      case 'public':
        return talks.public;
      case 'plenary':
        return talks.plenary;
      case 'mediators':
        return talks.mediators;
      default: {
        const [party, kind] = name.split(' ') as [string, 'caucus' | 'bilateral'];
        return kind === 'caucus' ? talks.caucus(party) : talks.bilateral(party);
      }
    }
  };
  return { talks, people, room };
}

/**
 * A passkey put straight into the store (registering one goes through WebAuthn, which is not
 * faked): enough for the rules that ask whether an account has one.
 */
export async function aPasskey(world: World, who: User | Member): Promise<Passkey> {
  const user = 'user' in who ? who.user : who;
  const n = world.next();
  const passkey: Passkey = {
    id: asId(world.ids.newId()),
    userId: user.id,
    credentialId: `credential-${n}`,
    publicKey: `public-key-${n}`,
    counter: 0,
    transports: ['internal'],
    name: `Passkey ${n}`,
    createdAt: world.clock.now().toISOString(),
    lastUsedAt: null,
  };
  await world.db.transaction((s) => s.passkeys.insertPasskey(passkey));
  return passkey;
}

/**
 * A second factor turned on through `beginTotpSetup` and `confirmTotp` (with the authenticator's
 * current code, which is then used up); answers the secret, for `world.totp.codeAt`.
 */
export async function aSecondFactor(world: World, who: User | Member): Promise<string> {
  const actor = await world.actor(who);
  const { secret } = await beginTotpSetup(world.deps, { actor });
  await confirmTotp(world.deps, { actor, code: world.totp.codeAt(secret, world.clock.now()) });
  return secret;
}

/** A browser session opened by `signIn` with the account's password (no second factor). */
export async function aSession(
  world: World,
  who: User | Member,
  options: { password?: string; ip?: string } = {},
): Promise<SignedIn> {
  const user = 'user' in who ? who.user : who;
  return signIn(world.deps, {
    email: user.email,
    password: options.password ?? defaultPassword,
    ip: options.ip ?? '192.0.2.1',
  });
}

/** What a use case refused with: a DomainError's code, message and details. */
export interface Refusal {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown> | undefined;
}

/**
 * The DomainError a promise rejects with, as a plain refusal to compare with `toEqual`; fails the
 * test if it resolves or rejects with anything else.
 */
export async function refusal(promise: Promise<unknown>): Promise<Refusal> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError)
      return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
  throw new Error('expected a DomainError, but the use case succeeded');
}
