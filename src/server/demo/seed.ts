/**
 * The illustrative demo: one process built from the public facts of May 2019 (talks facilitated by
 * Norway between the representatives of Venezuela's president and of the opposition). Every
 * position, note and text in it is invented, and says so. Created through the use cases, like any
 * other data, so the audit log covers it.
 */
import type { Actor } from '../../core/access/policy.js';
import type { Compartment } from '../../core/access/compartments.js';
import type { Role } from '../../core/process/model.js';
import type { Clock, Deps } from '../../core/ports.js';
import type {
  CompartmentId,
  ItemId,
  PartyId,
  ProcessId,
  RoundId,
  UserId,
} from '../../core/shared/ids.js';
import { addParty } from '../../core/usecases/process/add-party.js';
import { addProcessLink } from '../../core/usecases/process/add-process-link.js';
import { changeProcessStatus } from '../../core/usecases/process/change-process-status.js';
import { createNote } from '../../core/usecases/items/create-note.js';
import { createProcess } from '../../core/usecases/process/create-process.js';
import { createUser } from '../../core/usecases/accounts/create-user.js';
import { acceptInvitation } from '../../core/usecases/process/accept-invitation.js';
import { createInvitation } from '../../core/usecases/process/create-invitation.js';
import { grantCompartment } from '../../core/usecases/process/grant-compartment.js';
import { confirmSeat } from '../../core/usecases/process/confirm-seat.js';
import type { AgendaIssue } from '../../core/record/model.js';
import { seedDemoRecord } from './record.js';
import { seedDemoText } from './text.js';
import { seedDemoPreferences, seedDemoSuggestions } from './preferences.js';
import { seedDemoRounds } from './rounds.js';
import { seedDemoImplementation, type DemoImplementation } from './implementation.js';

/** The password of every demo account (the demo is for trying Parley out, never for real talks). */
export const demoPassword = 'demo-password-2019';

/** Marks invented material so nobody mistakes it for the real talks. */
export const inventedMark = '[Illustrative demo — invented]';

/** One demo account. */
export interface DemoAccount {
  /** Which demo role (a key of DemoData.accounts). */
  key: DemoRoleKey;
  /** Human description printed on the console. */
  role: string;
  email: string;
  password: string;
  userId: UserId;
}

/** The demo roles, one account each. */
export const demoRoleKeys = [
  'admin',
  'leadMediator',
  'mediator',
  'govHead',
  'govDelegate',
  'oppHead',
  'oppDelegate',
  'guarantor',
  'observer',
] as const;
export type DemoRoleKey = (typeof demoRoleKeys)[number];

/** What the seed created, for the console and for tests. */
export interface DemoData {
  processId: ProcessId;
  codename: string;
  accounts: DemoAccount[];
  parties: { gov: PartyId; opp: PartyId };
  compartments: Compartment[];
  /** One note per compartment, by compartment id. */
  notes: Map<CompartmentId, ItemId>;
  /** The agenda issues with their options. */
  issues: AgendaIssue[];
  /** The Oslo round of May 2019. */
  roundId: RoundId;
  /** The demo roles invited to that round (the others see "venue withheld"). */
  roundInvitees: DemoRoleKey[];
  /** The implementation phase: commitments of the signed version 2, two years of evidence. */
  implementation: DemoImplementation;
}

/** Who is invited to the demo's round: the mediators, both heads and the government delegate. */
export const demoRoundInvitees: DemoRoleKey[] = [
  'leadMediator',
  'mediator',
  'govHead',
  'govDelegate',
  'oppHead',
];

const people: Array<{
  key: DemoRoleKey;
  role: string;
  email: string;
  name: string;
  as: Role;
  party: 'gov' | 'opp' | null;
}> = [
  {
    key: 'leadMediator',
    role: 'lead mediator',
    email: 'lead.mediator@demo.parley',
    name: 'Ingrid Haugen (demo)',
    as: 'lead_mediator',
    party: null,
  },
  {
    key: 'mediator',
    role: 'mediator',
    email: 'mediator@demo.parley',
    name: 'Erik Solberg (demo)',
    as: 'mediator',
    party: null,
  },
  {
    key: 'govHead',
    role: 'government head of delegation',
    email: 'gov.head@demo.parley',
    name: 'Government head (demo)',
    as: 'head_of_delegation',
    party: 'gov',
  },
  {
    key: 'govDelegate',
    role: 'government delegate',
    email: 'gov.delegate@demo.parley',
    name: 'Government delegate (demo)',
    as: 'delegate',
    party: 'gov',
  },
  {
    key: 'oppHead',
    role: 'opposition head of delegation',
    email: 'opp.head@demo.parley',
    name: 'Opposition head (demo)',
    as: 'head_of_delegation',
    party: 'opp',
  },
  {
    key: 'oppDelegate',
    role: 'opposition delegate',
    email: 'opp.delegate@demo.parley',
    name: 'Opposition delegate (demo)',
    as: 'delegate',
    party: 'opp',
  },
  {
    key: 'guarantor',
    role: 'guarantor',
    email: 'guarantor@demo.parley',
    name: 'Guarantor state (demo)',
    as: 'guarantor',
    party: null,
  },
  {
    key: 'observer',
    role: 'observer',
    email: 'observer@demo.parley',
    name: 'Observer (demo)',
    as: 'observer',
    party: null,
  },
];

/** The actor behind a demo e-mail address, with its current memberships, for seeding. */
async function actorOf(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  email: string,
): Promise<Actor> {
  // A fresh actor reflects memberships added since.
  const { userId } = await deps.db.transaction(async (s) => {
    const u = await s.accounts.findUserByEmail(email);
    if (!u) throw new Error(`demo user ${email} missing`);
    return { userId: u.id };
  });
  const memberships = await deps.db.transaction((s) => s.processes.membershipsOf(userId));
  const user = await deps.db.transaction((s) => s.accounts.findUserById(userId));
  return { userId, isAdmin: user?.isAdmin ?? false, mfa: false, passkey: false, memberships };
}

/**
 * Confirms, as the party's head of delegation (or the lead mediator for the mediator team), the
 * seat awaiting consent that a person was given by invitation or change of role: nobody enters a
 * room without its holder's consent, the demo's delegations included.
 */
export async function confirmSeatAsHolder(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  processId: ProcessId,
  userId: UserId,
): Promise<void> {
  const { seat, confirmer } = await deps.db.transaction(async (s) => {
    const seat = (await s.processes.listPendingSeats(processId)).find((x) => x.userId === userId);
    const members = await s.processes.listMembers(processId);
    const confirmer = members.find((m) =>
      seat?.partyId
        ? m.role === 'head_of_delegation' && m.partyId === seat.partyId
        : m.role === 'lead_mediator',
    );
    const user = confirmer && (await s.accounts.findUserById(confirmer.userId));
    return { seat, confirmer: user };
  });
  if (!seat || !confirmer) throw new Error('no seat awaiting consent, or nobody to confirm it');
  await confirmSeat(deps, {
    actor: await actorOf(deps, confirmer.email),
    processId,
    seatId: seat.id,
  });
}

/**
 * The demo's own clock: it starts three weeks ago and moves on ten minutes at every reading, so
 * the invented history has distinct, ordered times (the audit log keeps the real time).
 */
export function demoClock(real: Clock): Clock {
  let next = real.now().getTime() - 21 * 86_400_000;
  return {
    now: () => {
      next += 10 * 60_000;
      return new Date(Math.min(next, real.now().getTime()));
    },
  };
}

/** Creates the demo process and its accounts. */
export async function seedDemo(
  realDeps: Deps<'db' | 'clock' | 'ids' | 'hashing' | 'totp' | 'engine'>,
): Promise<DemoData> {
  const deps = { ...realDeps, clock: demoClock(realDeps.clock) };
  const admin = await createUser(deps, {
    email: 'facilitator@demo.parley',
    displayName: 'Facilitator admin (demo)',
    password: demoPassword,
    isAdmin: true,
  });
  const accounts: DemoAccount[] = [
    {
      key: 'admin',
      role: 'facilitator admin',
      email: admin.email,
      password: demoPassword,
      userId: admin.id,
    },
  ];
  let adminActor = await actorOf(deps, admin.email);
  const process = await createProcess(deps, {
    actor: adminActor,
    codename: 'NORDLYS',
    title: `Talks on a negotiated way out of the political and economic crisis ${inventedMark}`,
    requireTotp: false,
  });
  adminActor = await actorOf(deps, admin.email);
  const gov = await addParty(deps, {
    actor: adminActor,
    processId: process.id,
    name: 'Government delegation',
    code: 'GOV',
  });
  const opp = await addParty(deps, {
    actor: adminActor,
    processId: process.id,
    name: 'Opposition delegation',
    code: 'OPP',
  });

  for (const p of people) {
    const { secret } = await createInvitation(deps, {
      actor: adminActor,
      processId: process.id,
      role: p.as,
      partyId: p.party === 'gov' ? gov.id : p.party === 'opp' ? opp.id : null,
      inviteeLabel: p.name,
    });
    const r = await acceptInvitation(deps, {
      secret,
      ip: null,
      actor: null,
      newAccount: { email: p.email, displayName: p.name, password: demoPassword },
    });
    if (!r.user) throw new Error('demo account was not created');
    // The first head of each party and the first lead mediator accept their appointment by
    // accepting; every later seat is confirmed by the head (or the lead mediator).
    if (r.pending) await confirmSeatAsHolder(deps, process.id, r.user.id);
    accounts.push({
      key: p.key,
      role: p.role,
      email: p.email,
      password: demoPassword,
      userId: r.user.id,
    });
  }

  const compartments = await deps.db.transaction((s) => s.items.listCompartments(process.id));
  // The guarantor and the observer are given the plenary: without it they would read only the
  // public compartment, and could not verify or dispute the levels recorded there.
  const plenary = compartments.find((c) => c.kind === 'plenary');
  const accompanying = accounts.filter((a) => a.key === 'guarantor' || a.key === 'observer');
  if (plenary)
    for (const a of accompanying)
      await grantCompartment(deps, {
        actor: adminActor,
        processId: process.id,
        userId: a.userId,
        compartmentId: plenary.id,
      });

  await changeProcessStatus(deps, {
    actor: adminActor,
    processId: process.id,
    to: 'active',
    reason: `Both delegations accepted a second round of talks in Norway this month. ${inventedMark}`,
    causedByPartyId: null,
  });
  await addProcessLink(deps, {
    actor: adminActor,
    processId: process.id,
    link: {
      label: 'Santo Domingo talks, 2017–2018',
      note: 'Last face-to-face talks: a timetable for a presidential election and the release of jailed activists. The opposition withdrew. (Public facts; recorded here for context.)',
      linkedProcessId: null,
    },
  });

  const notes = new Map<CompartmentId, ItemId>();
  const byKey = Object.fromEntries(accounts.map((a) => [a.key, a]));
  const writerFor = (c: Compartment): DemoRoleKey => {
    switch (c.kind) {
      case 'public':
      case 'plenary':
      case 'mediators':
        return 'leadMediator';
      case 'bilateral':
      case 'caucus':
        return c.partyId === gov.id ? 'govHead' : 'oppHead';
    }
  };
  const texts: Record<string, { title: string; body: string }> = {
    public: {
      title: 'Statement on the talks',
      body: 'The facilitator confirms that representatives of the main political actors are in contact. No further comment will be made while the talks continue.',
    },
    plenary: {
      title: 'Agenda for this round',
      body: '1. Date of a new presidential election\n2. Transitional arrangements\n3. Composition of the electoral authority\n4. Release of detained activists\n5. Sanctions relief',
    },
    mediators: {
      title: 'Mediators: reading of the parties',
      body: 'Both sides want to be seen as constructive. The opposition fears the talks are used to buy time; watch for movement on the election date.',
    },
    'bilateral:GOV': {
      title: 'Government: message to the mediators',
      body: 'We can discuss an electoral calendar if sanctions relief is on the table in the same package.',
    },
    'bilateral:OPP': {
      title: 'Opposition: message to the mediators',
      body: 'A new election within nine months is our clearest demand; a transitional arrangement must come with it.',
    },
    'caucus:GOV': {
      title: 'Government caucus: fallback position',
      body: 'Could accept an election within 12 months if sanctions relief begins at signature.',
    },
    'caucus:OPP': {
      title: 'Opposition caucus: fallback position',
      body: 'Could accept 12 months if the electoral authority is renewed first and detainees are released.',
    },
  };
  for (const c of compartments) {
    const key = c.partyId ? `${c.kind}:${c.partyId === gov.id ? 'GOV' : 'OPP'}` : c.kind;
    const t = texts[key];
    const writer = byKey[writerFor(c)];
    if (!t || !writer) continue;
    const actor = await actorOf(deps, writer.email);
    const item = await createNote(deps, {
      actor,
      processId: process.id,
      compartmentId: c.id,
      title: t.title,
      body: `${t.body}\n\n${inventedMark}`,
    });
    notes.set(c.id, item.id);
  }

  const issues = await seedDemoRecord(deps, {
    processId: process.id,
    parties: { gov: gov.id, opp: opp.id },
    compartments,
    actors: {
      lead: await actorOf(deps, 'lead.mediator@demo.parley'),
      govHead: await actorOf(deps, 'gov.head@demo.parley'),
      oppHead: await actorOf(deps, 'opp.head@demo.parley'),
    },
    mark: inventedMark,
  });

  await seedDemoPreferences(deps, {
    processId: process.id,
    issues,
    heads: {
      gov: await actorOf(deps, 'gov.head@demo.parley'),
      opp: await actorOf(deps, 'opp.head@demo.parley'),
    },
  });
  await seedDemoText(deps, {
    processId: process.id,
    parties: { gov: gov.id, opp: opp.id },
    actors: {
      lead: await actorOf(deps, 'lead.mediator@demo.parley'),
      mediator: await actorOf(deps, 'mediator@demo.parley'),
      govHead: await actorOf(deps, 'gov.head@demo.parley'),
      oppHead: await actorOf(deps, 'opp.head@demo.parley'),
      oppDelegate: await actorOf(deps, 'opp.delegate@demo.parley'),
    },
  });

  const roundId = await seedDemoRounds(deps, {
    processId: process.id,
    parties: { gov: gov.id, opp: opp.id },
    compartments,
    issues,
    actors: {
      lead: await actorOf(deps, 'lead.mediator@demo.parley'),
      mediator: await actorOf(deps, 'mediator@demo.parley'),
      govHead: await actorOf(deps, 'gov.head@demo.parley'),
      oppHead: await actorOf(deps, 'opp.head@demo.parley'),
    },
    invitees: demoRoundInvitees.flatMap((k) =>
      accounts.filter((a) => a.key === k).map((a) => a.userId),
    ),
    mark: inventedMark,
  });

  await seedDemoSuggestions(deps, {
    processId: process.id,
    heads: {
      gov: await actorOf(deps, 'gov.head@demo.parley'),
      opp: await actorOf(deps, 'opp.head@demo.parley'),
    },
    lead: await actorOf(deps, 'lead.mediator@demo.parley'),
  });

  const implementation = await seedDemoImplementation(deps, {
    processId: process.id,
    parties: { gov: gov.id, opp: opp.id },
    actors: {
      lead: await actorOf(deps, 'lead.mediator@demo.parley'),
      mediator: await actorOf(deps, 'mediator@demo.parley'),
      govHead: await actorOf(deps, 'gov.head@demo.parley'),
      govDelegate: await actorOf(deps, 'gov.delegate@demo.parley'),
      oppHead: await actorOf(deps, 'opp.head@demo.parley'),
      oppDelegate: await actorOf(deps, 'opp.delegate@demo.parley'),
      guarantor: await actorOf(deps, 'guarantor@demo.parley'),
      observer: await actorOf(deps, 'observer@demo.parley'),
    },
    today: realDeps.clock.now().toISOString().slice(0, 10),
    releaseClock: realDeps.clock,
    mark: inventedMark,
  });

  return {
    processId: process.id,
    codename: process.codename,
    accounts,
    parties: { gov: gov.id, opp: opp.id },
    compartments,
    notes,
    issues,
    roundId,
    roundInvitees: demoRoundInvitees,
    implementation,
  };
}

/** Seeds the demo when the database has no account yet; returns what it made, or null. */
export async function seedDemoIfEmpty(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing' | 'totp' | 'engine'>,
): Promise<DemoData | null> {
  const users = await deps.db.transaction((s) => s.accounts.countUsers());
  return users === 0 ? seedDemo(deps) : null;
}
