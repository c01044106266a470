/**
 * The authorization matrix: every route of the route table × every demo role × every compartment
 * (and a process the roles are not in), asserting allowed, forbidden or not found exactly as the
 * policy says. The expectations below are written from docs/who-sees-what.md, not
 * from the policy code, so a policy bug shows up as a mismatch. A route missing here fails.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Compartment } from '../../core/access/compartments.js';
import { asId, type ProcessId } from '../../core/shared/ids.js';
import { createNote } from '../../core/usecases/items/create-note.js';
import { createProcess } from '../../core/usecases/process/create-process.js';
import { tableProposal } from '../../core/usecases/record/table-proposal.js';
import { publishVersion, type Distribution } from '../../core/usecases/text/publish-version.js';
import { proposeAmendment } from '../../core/usecases/text/propose-amendment.js';
import { createUser } from '../../core/usecases/accounts/create-user.js';
import { acceptInvitation } from '../../core/usecases/process/accept-invitation.js';
import { createInvitation } from '../../core/usecases/process/create-invitation.js';
import { beginTotpSetup } from '../../core/usecases/accounts/begin-totp-setup.js';
import { createApiToken } from '../../core/usecases/accounts/create-api-token.js';
import { beginPasskeyRegistration } from '../../core/usecases/accounts/begin-passkey-registration.js';
import { registerPasskey } from '../../core/usecases/accounts/register-passkey.js';
import { beginPasskeySignIn } from '../../core/usecases/accounts/begin-passkey-sign-in.js';
import { acknowledgeRound } from '../../core/usecases/rounds/acknowledge-round.js';
import { approveCommunique } from '../../core/usecases/communiques/approve-communique.js';
import { changeRoundStatus } from '../../core/usecases/rounds/change-round-status.js';
import { changePartyStatus } from '../../core/usecases/process/change-party-status.js';
import { circulateCommunique } from '../../core/usecases/communiques/circulate-communique.js';
import type { CommuniqueView } from '../../core/usecases/communiques/communique-view.js';
import { createRound } from '../../core/usecases/rounds/create-round.js';
import { draftCommunique } from '../../core/usecases/communiques/draft-communique.js';
import { logStatement } from '../../core/usecases/communiques/log-statement.js';
import { releaseCommunique } from '../../core/usecases/communiques/release-communique.js';
import { scheduleSession } from '../../core/usecases/rounds/schedule-session.js';
import { startThread } from '../../core/usecases/messages/start-thread.js';
import { writeMinutes } from '../../core/usecases/rounds/write-minutes.js';
import type { SessionFormat } from '../../core/rounds/model.js';
import { confirmSeatAsHolder, demoPassword, demoRoleKeys, type DemoRoleKey } from '../demo/seed.js';
import { actorOf } from '../test-support/actors.js';
import { totpCodeAt } from '../security/crypto.js';
import { testDatabases } from '../test-support/databases.js';
import { SoftwareAuthenticator } from '../test-support/software-authenticator.js';
import { useParley, type Session, type TestParley } from '../test-support/harness.js';
import { routeTable } from './app.js';
import {
  accompanying,
  boundSetters,
  decisionSupportReaders,
  confirmsSeatOf,
  delegation,
  demoRoleKnowsSeat,
  demoRoleReads,
  demoRoleWitnesses,
  heads,
  organisers,
  partyKey as demoPartyKey,
  publishers,
  submitters,
  team,
  implementationPlanners,
  levelVerifiers,
  submitsEvidence,
} from '../test-support/oracle.js';
import { createCommitments } from '../../core/usecases/implementation/create-commitments.js';
import { defineTheme } from '../../core/usecases/implementation/define-theme.js';
import { submitEvidence } from '../../core/usecases/implementation/submit-evidence.js';
import { submitEvidenceFile } from '../../core/usecases/implementation/submit-evidence-file.js';
import { releaseEvidence } from '../../core/usecases/implementation/release-evidence.js';
import { setLevel } from '../../core/usecases/implementation/set-level.js';
import { verifyLevel } from '../../core/usecases/implementation/verify-level.js';
import { releasePublicPicture } from '../../core/usecases/implementation/release-public-picture.js';
import { savePreferences } from '../../core/usecases/analysis/save-preferences.js';
import { setSuggestionBound } from '../../core/usecases/analysis/set-suggestion-bound.js';
import { submitPreferences } from '../../core/usecases/analysis/submit-preferences.js';
import { addArticle } from '../../core/usecases/media/add-article.js';
import { registerActor } from '../../core/usecases/media/register-actor.js';
import { addFeed } from '../../core/usecases/media/add-feed.js';
import { confirmStatement } from '../../core/usecases/media/confirm-statement.js';

type Outcome = 'allowed' | 'forbidden' | 'not_found' | 'rule' | 'conflict' | 'acknowledge';
interface Case {
  label: string;
  method: string;
  url: string;
  payload?: unknown;
  expect: Outcome;
  /** For not_found: the id in the URL to swap for a random one; both answers must be identical. */
  subject?: string;
  /** Use a fresh session (for sign-out). */
  fresh?: boolean;
  /** For not_found without an id to swap: the URL of something missing, to compare answers with. */
  ghost?: string;
}
interface Env {
  p: TestParley;
  other: ProcessId;
  /** A plenary note of the other process, for id substitution. */
  otherItem: string;
  joinable: ProcessId;
  compartments: Compartment[];
  /** A round of the other process, for id substitution. */
  otherRound: string;
  /** A communiqué released without embargo (public to every member). */
  released: CommuniqueView;
  /** A government statement logged beside it. */
  statement: string;
}
type Spec = (env: Env, role: DemoRoleKey) => Promise<Case[]>;

// ---- Implementation fixtures ------------------------------------------------------------------
/** A commitment the government is responsible for, from version 2 of the demo text. */
/** The demo's public accountability page, released (again) by the lead mediator; its address. */
async function releasedPage(env: Env): Promise<string> {
  const p = await releasePublicPicture(deps(env), {
    actor: await actorFor(env, 'leadMediator'),
    processId: env.p.demo.processId,
    title: 'Implementation',
    parts: { themes: null, commitments: true, progress: true },
  });
  return p.slug;
}
async function freshCommitment(env: Env) {
  const [c] = await createCommitments(deps(env), {
    actor: await actorFor(env, 'mediator'),
    processId: env.p.demo.processId,
    versionNumber: 2,
    commitments: [
      {
        provisionKey: 'p-humanitarian',
        wording: null,
        externalId: null,
        responsiblePartyIds: [env.p.demo.parties.gov],
        startsOn: '2026-01-01',
        deadline: '2026-12-31',
        recurrence: 'none',
        provisionType: 'human_rights',
        themeCode: null,
        weight: 1,
      },
    ],
  });
  return c!;
}
/** A theme no commitment uses, defined by a mediator in the demo (or by the other process's lead). */
async function freshTheme(env: Env, where: 'demo' | 'other' = 'demo') {
  return defineTheme(deps(env), {
    actor:
      where === 'demo'
        ? await actorFor(env, 'mediator')
        : await actorOf(deps(env), 'other.lead@fixture.parley'),
    processId: where === 'demo' ? env.p.demo.processId : env.other,
    code: `T-${randomUUID().slice(0, 8)}`,
    name: 'fixture',
    parentCode: null,
    pamType: null,
    paxCode: null,
  });
}
/** A theme's editable fields, as a body and as the base an edit starts from. */
const themeEdit = (t: { name: string }) => {
  const opened = { name: t.name, parentCode: null, pamType: null, paxCode: null };
  return { ...opened, name: 'edited', base: opened };
};
/** Evidence for a fresh commitment, submitted by a role (kept in its compartment). */
async function freshEvidence(env: Env, by: DemoRoleKey) {
  const c = await freshCommitment(env);
  const r = await submitEvidence(deps(env), {
    actor: await actorFor(env, by),
    processId: env.p.demo.processId,
    commitmentId: c.id,
    kind: 'report',
    text: 'fixture',
    url: null,
    observedOn: '2026-02-01',
    source: 'fixture',
    sha256: null,
  });
  return { commitment: c, evidence: r.evidence };
}
/** A file evidence for a fresh commitment, uploaded by a role (kept in its compartment). */
async function freshFile(env: Env, by: DemoRoleKey) {
  const c = await freshCommitment(env);
  const r = await submitEvidenceFile(deps(env), {
    actor: await actorFor(env, by),
    processId: env.p.demo.processId,
    commitmentId: c.id,
    fileName: 'fixture.txt',
    content: new TextEncoder().encode('fixture'),
    text: '',
    observedOn: '2026-02-01',
    source: 'fixture',
    maxBytes: 1024 * 1024,
  });
  return r.evidence;
}
/** A commitment with released evidence and a level entry on it. */
async function freshLevel(env: Env) {
  const { commitment, evidence } = await freshEvidence(env, 'mediator');
  const lead = await actorFor(env, 'leadMediator');
  const processId = env.p.demo.processId;
  await releaseEvidence(deps(env), { actor: lead, processId, evidenceId: evidence.id });
  const entry = await setLevel(deps(env), {
    actor: lead,
    processId,
    commitmentId: commitment.id,
    level: 1,
    effectiveOn: '2026-02-01',
    evidenceIds: [evidence.id],
    note: 'fixture',
  });
  return { commitment, evidence, entry };
}

// ---- The oracle: who may do what, from docs/who-sees-what.md ---------------------------------
const partyKey = (env: Env, c: Compartment) => demoPartyKey(env.p.demo, c);
const manages = (r: DemoRoleKey) => r === 'admin' || r === 'leadMediator';
const reads = (env: Env, r: DemoRoleKey, c: Compartment) => demoRoleReads(env.p.demo, r, c);
const writes = (env: Env, r: DemoRoleKey, c: Compartment) =>
  reads(env, r, c) &&
  r !== 'admin' &&
  !accompanying.includes(r) &&
  (c.kind !== 'public' || team.includes(r));
function releases(env: Env, r: DemoRoleKey, c: Compartment): boolean {
  if (c.kind === 'caucus' || c.kind === 'bilateral') return r === `${partyKey(env, c)}Head`;
  return r === 'leadMediator';
}
const widerThan = (env: Env, c: Compartment): Compartment | undefined =>
  env.compartments.find((x) =>
    c.kind === 'caucus'
      ? x.kind === 'bilateral' && x.partyId === c.partyId
      : c.kind === 'bilateral' || c.kind === 'mediators'
        ? x.kind === 'plenary'
        : c.kind === 'plenary'
          ? x.kind === 'public'
          : false,
  );
const delegates = [...delegation.gov, ...delegation.opp] as readonly string[];
/** Who may table in a compartment: a party's head or delegate to plenary or its own bilateral channel; the mediators to plenary, any bilateral channel or their room. */
function tables(env: Env, r: DemoRoleKey, c: Compartment): boolean {
  if (r === 'govHead' || r === 'govDelegate' || r === 'oppHead' || r === 'oppDelegate')
    return c.kind === 'plenary' || (c.kind === 'bilateral' && r.startsWith(partyKey(env, c)));
  if (team.includes(r))
    return c.kind === 'plenary' || c.kind === 'bilateral' || c.kind === 'mediators';
  return false;
}
const readOutcome = (ok: boolean): Outcome => (ok ? 'allowed' : 'not_found');
const writeOutcome = (canRead: boolean, canWrite: boolean): Outcome =>
  !canRead ? 'not_found' : canWrite ? 'allowed' : 'forbidden';
const manageOutcome = (r: DemoRoleKey): Outcome => (manages(r) ? 'allowed' : 'forbidden');

// ---- Fixtures --------------------------------------------------------------------------------
const deps = (env: Env) => env.p.runtime.deps;
const writerOf = (env: Env, c: Compartment): DemoRoleKey =>
  c.kind === 'caucus' || c.kind === 'bilateral'
    ? (`${partyKey(env, c)}Head` as DemoRoleKey)
    : 'leadMediator';
const emailOf = (env: Env, r: DemoRoleKey) =>
  env.p.demo.accounts.find((a) => a.key === r)?.email ?? '';
async function freshNote(env: Env, c: Compartment) {
  const actor = await actorOf(deps(env), emailOf(env, writerOf(env, c)));
  return createNote(deps(env), {
    actor,
    processId: env.p.demo.processId,
    compartmentId: c.id,
    title: 'fixture',
    body: 'fixture',
  });
}
async function freshMember(env: Env, role: 'adviser' | 'observer') {
  const admin = await actorOf(deps(env), emailOf(env, 'admin'));
  const { secret } = await createInvitation(deps(env), {
    actor: admin,
    processId: env.p.demo.processId,
    role,
    partyId: role === 'adviser' ? env.p.demo.parties.gov : null,
    inviteeLabel: 'fixture',
  });
  const r = await acceptInvitation(deps(env), {
    secret,
    ip: null,
    actor: null,
    newAccount: {
      email: `${randomUUID()}@fixture.parley`,
      displayName: 'Fixture',
      password: 'fixture-password-1',
    },
  });
  // An adviser's seat in the government's delegation takes effect once its head consents.
  if (r.user && r.pending) await confirmSeatAsHolder(deps(env), env.p.demo.processId, r.user.id);
  return r.user?.id ?? '';
}
/** A seat in the government's delegation, offered by the facilitator, awaiting the head's consent. */
async function pendingGovSeat(env: Env): Promise<string> {
  const admin = await actorOf(deps(env), emailOf(env, 'admin'));
  const { secret } = await createInvitation(deps(env), {
    actor: admin,
    processId: env.p.demo.processId,
    role: 'delegate',
    partyId: env.p.demo.parties.gov,
    inviteeLabel: 'fixture',
  });
  const r = await acceptInvitation(deps(env), {
    secret,
    ip: null,
    actor: null,
    newAccount: {
      email: `${randomUUID()}@fixture.parley`,
      displayName: 'Fixture',
      password: 'fixture-password-1',
    },
  });
  const seats = await deps(env).db.transaction((s) =>
    s.processes.listPendingSeats(env.p.demo.processId),
  );
  return seats.find((x) => x.userId === r.user?.id)?.id ?? '';
}
/** A seat's outcome: unknown to those who may not know of it, forbidden to those who know but may not act. */
const seatOutcome = (r: DemoRoleKey, may: boolean): Outcome =>
  !demoRoleKnowsSeat(r, 'gov') ? 'not_found' : may ? 'allowed' : 'forbidden';
async function freshProposal(env: Env, c: Compartment, by: DemoRoleKey) {
  const issue = env.p.demo.issues[0]!;
  return tableProposal(deps(env), {
    actor: await actorOf(deps(env), emailOf(env, by)),
    processId: env.p.demo.processId,
    compartmentId: c.id,
    round: 1,
    terms: [{ issueId: issue.id, optionId: issue.options[0]!.id }],
    note: 'fixture',
    respondsTo: null,
  });
}
async function draftRevision(env: Env) {
  return deps(env).db.transaction(
    async (s) => (await s.text.findDraft(env.p.demo.processId))?.revision ?? 0,
  );
}
async function freshVersion(env: Env, distribution: Distribution) {
  return publishVersion(deps(env), {
    actor: await actorOf(deps(env), emailOf(env, 'leadMediator')),
    processId: env.p.demo.processId,
    baseRevision: await draftRevision(env),
    note: 'fixture',
    distribution,
  });
}
/** Versions distributed to everyone, to the mediators only, and to the government only. */
async function versionFixtures(env: Env) {
  const plenary = env.compartments.find((c) => c.kind === 'plenary')!;
  const room = env.compartments.find((c) => c.kind === 'mediators')!;
  const govChannel = env.compartments.find(
    (c) => c.kind === 'bilateral' && c.partyId === env.p.demo.parties.gov,
  )!;
  return [
    { c: plenary, v: await freshVersion(env, { to: 'all' }) },
    { c: room, v: await freshVersion(env, { to: 'mediators' }) },
    { c: govChannel, v: await freshVersion(env, { to: 'party', partyId: env.p.demo.parties.gov }) },
  ];
}
async function currentStatus(env: Env) {
  return deps(env).db.transaction(
    async (s) => (await s.processes.findProcess(env.p.demo.processId))?.status,
  );
}

// ---- Fixtures for rounds, messages and communiqués ---------------------------------------------
const actorFor = async (env: Env, r: DemoRoleKey) => actorOf(deps(env), emailOf(env, r));
const compartmentOfKind = (env: Env, kind: Compartment['kind'], party?: 'gov' | 'opp') =>
  env.compartments.find(
    (c) => c.kind === kind && (party === undefined || c.partyId === env.p.demo.parties[party]),
  )!;
/** Every demo role acknowledges a round's rules, so the matrix tests access, not the gate. */
async function acknowledgeAll(env: Env, roundId: string, rulesHash: string) {
  for (const r of demoRoleKeys)
    await acknowledgeRound(deps(env), {
      actor: await actorFor(env, r),
      processId: env.p.demo.processId,
      roundId: asId(roundId),
      rulesHash,
    });
}
/** A new round of the demo process, acknowledged by every role unless told otherwise. */
async function freshRound(
  env: Env,
  options: { acknowledged?: boolean; to?: 'in_progress' | 'in_consultations' } = {},
) {
  const lead = await actorFor(env, 'leadMediator');
  const view = await createRound(deps(env), {
    actor: lead,
    processId: env.p.demo.processId,
    title: 'Matrix round',
    startsOn: '2019-06-01',
    endsOn: '2019-06-03',
    venue: 'Matrix venue',
    rules: null,
    invitees: [lead.userId],
  });
  if (options.acknowledged !== false)
    await acknowledgeAll(env, view.round.id, view.round.rulesHash);
  const move = (to: 'in_progress' | 'in_consultations') =>
    changeRoundStatus(deps(env), {
      actor: lead,
      processId: env.p.demo.processId,
      roundId: view.round.id,
      to,
      consultation:
        to === 'in_consultations'
          ? { subject: 'matrix', deadline: new Date(Date.now() + 86_400_000).toISOString() }
          : null,
    });
  if (options.to) await move('in_progress');
  if (options.to === 'in_consultations') await move('in_consultations');
  return view.round;
}
/** A session of the demo round, scheduled by whoever may. */
async function freshSession(env: Env, format: SessionFormat, party: 'gov' | 'opp' | null = null) {
  const by: DemoRoleKey = format === 'caucus' ? `${party ?? 'gov'}Head` : 'leadMediator';
  return scheduleSession(deps(env), {
    actor: await actorFor(env, by),
    processId: env.p.demo.processId,
    roundId: env.p.demo.roundId,
    format,
    partyId: party ? env.p.demo.parties[party] : null,
    title: 'Matrix session',
    startsAt: '2019-05-28T07:00:00Z',
    endsAt: '2019-05-28T08:00:00Z',
    agenda: [],
  });
}
/** A thread in a compartment, started by someone who may write there. */
async function freshThread(env: Env, c: Compartment) {
  return startThread(deps(env), {
    actor: await actorFor(env, writerOf(env, c)),
    processId: env.p.demo.processId,
    compartmentId: c.id,
    title: 'Matrix thread',
    body: 'matrix',
    sessionId: null,
  });
}
/** A communiqué drafted by the mediator, optionally circulated and approved by everyone. */
async function freshCommunique(env: Env, stage: 'draft' | 'circulated' | 'approved' | 'released') {
  const processId = env.p.demo.processId;
  const c = await draftCommunique(deps(env), {
    actor: await actorFor(env, 'mediator'),
    processId,
    kind: 'communique',
    title: 'Matrix communiqué',
    text: 'matrix',
    embargoUntil: null,
    roundId: null,
  });
  if (stage === 'draft') return c;
  const lead = await actorFor(env, 'leadMediator');
  await circulateCommunique(deps(env), {
    actor: lead,
    processId,
    communiqueId: c.id,
    hash: c.hash,
  });
  if (stage === 'circulated') return c;
  // Every party must approve: the parties the matrix added (which have no delegation) withdraw.
  const parties = await deps(env).db.transaction((s) => s.processes.listParties(processId));
  for (const party of parties)
    if (
      party.status !== 'withdrawn' &&
      party.id !== env.p.demo.parties.gov &&
      party.id !== env.p.demo.parties.opp
    )
      await changePartyStatus(deps(env), {
        actor: await actorFor(env, 'admin'),
        processId,
        partyId: party.id,
        to: 'withdrawn',
        reason: 'matrix fixture',
      });
  for (const r of ['govHead', 'oppHead', 'leadMediator'] as const)
    await approveCommunique(deps(env), {
      actor: await actorFor(env, r),
      processId,
      communiqueId: c.id,
      hash: c.hash,
    });
  if (stage === 'approved') return c;
  return releaseCommunique(deps(env), { actor: lead, processId, communiqueId: c.id, hash: c.hash });
}
/** A passkey registered to a role through the use cases, with a software authenticator. */
async function freshPasskey(
  env: Env,
  r: DemoRoleKey,
  key = new SoftwareAuthenticator(deps(env).config.passkeyOrigin),
) {
  const actor = await actorFor(env, r);
  const { challengeId, options } = await beginPasskeyRegistration(deps(env), { actor });
  return registerPasskey(deps(env), {
    actor,
    challengeId,
    name: 'fixture',
    response: key.create(options),
  });
}
/** Both parties' drafts re-saved to rate every issue the agenda has now (new ones at 5 / k × 10). */
async function rateWholeAgenda(env: Env) {
  const agenda = await deps(env).db.transaction((s) => s.record.listIssues(env.p.demo.processId));
  for (const head of ['govHead', 'oppHead'] as const) {
    const party = head === 'govHead' ? env.p.demo.parties.gov : env.p.demo.parties.opp;
    const current = (
      await deps(env).db.transaction((s) => s.preferences.listForEngine(env.p.demo.processId))
    ).find((x) => x.partyId === party)!;
    await savePreferences(deps(env), {
      actor: await actorFor(env, head),
      processId: env.p.demo.processId,
      baseRevision: current.revision,
      entry: {
        kind: 'numbers',
        weights: Object.fromEntries(agenda.map((i) => [i.id, current.weights[i.id] ?? 5])),
        scores: Object.fromEntries(
          agenda.map((i) => [
            i.id,
            Object.fromEntries(
              i.options.map((o, k) => [o.id, current.scores[i.id]?.[o.id] ?? k * 10]),
            ),
          ]),
        ),
        reservation: current.reservation,
      },
    });
  }
}
const organises = (r: DemoRoleKey) => organisers.includes(r);
const isHead = (r: DemoRoleKey) => heads.includes(r);
/** Who schedules a session (and records its attendance): a party's head or delegate its own caucus, the mediators the rest. */
const schedules = (env: Env, r: DemoRoleKey, format: SessionFormat, c: Compartment) =>
  format === 'caucus'
    ? r === `${partyKey(env, c)}Head` || r === `${partyKey(env, c)}Delegate`
    : team.includes(r);

// ---- The matrix: one spec per route ------------------------------------------------------------
/** An actor registered in a compartment's register by one who writes there. */
async function freshActor(env: Env, c: Compartment) {
  return registerActor(deps(env), {
    actor: await actorOf(deps(env), emailOf(env, writerOf(env, c))),
    processId: env.p.demo.processId,
    compartmentId: c.id,
    name: 'Fixture Actor',
    kind: 'person',
    role: 'unknown',
  });
}
/** An article kept in a compartment. */
async function freshArticle(env: Env, c: Compartment) {
  return addArticle(deps(env), {
    actor: await actorOf(deps(env), emailOf(env, writerOf(env, c))),
    processId: env.p.demo.processId,
    compartmentId: c.id,
    text: '«Vi er klare til å fortsette», sier Fixture Actor.',
  });
}
/** A feed whose articles go to a compartment (its address answers nothing: port 9 is closed). */
async function freshFeed(env: Env, c: Compartment) {
  return addFeed(deps(env), {
    actor: await actorOf(deps(env), emailOf(env, writerOf(env, c))),
    processId: env.p.demo.processId,
    compartmentId: c.id,
    url: 'http://127.0.0.1:9/matrix.xml',
  });
}
/** A statement confirmed in a compartment, of an actor registered there. */
async function freshStatement(env: Env, c: Compartment) {
  const a = await freshActor(env, c);
  return confirmStatement(deps(env), {
    actor: await actorOf(deps(env), emailOf(env, writerOf(env, c))),
    processId: env.p.demo.processId,
    actorId: a.id,
    quote: 'We are ready.',
    statedOn: '2019-07-08',
    stance: 'supporter',
    language: 'en',
  });
}
const P = (env: Env) => `/api/processes/${env.p.demo.processId}`;
const O = (env: Env) => `/api/processes/${env.other}`;
const perCompartment = (env: Env, f: (c: Compartment) => Promise<Case> | Case) =>
  Promise.all(env.compartments.map(f));

const matrix: Record<string, Spec> = {
  'POST /api/session': async (env, r) => [
    {
      label: 'sign in',
      method: 'POST',
      url: '/api/session',
      payload: { email: emailOf(env, r), password: demoPassword },
      expect: 'allowed',
    },
  ],
  'GET /api/session': async () => [
    { label: 'session', method: 'GET', url: '/api/session', expect: 'allowed' },
  ],
  'DELETE /api/session': async () => [
    { label: 'sign out', method: 'DELETE', url: '/api/session', expect: 'allowed', fresh: true },
  ],
  'GET /api/me/tokens': async () => [
    { label: 'tokens', method: 'GET', url: '/api/me/tokens', expect: 'allowed' },
  ],
  'POST /api/me/tokens': async () => [
    {
      label: 'new token',
      method: 'POST',
      url: '/api/me/tokens',
      payload: { name: 'm' },
      expect: 'allowed',
    },
  ],
  'DELETE /api/me/tokens/:tokenId': async (env, r) => {
    const mine = await createApiToken(deps(env), {
      actor: await actorOf(deps(env), emailOf(env, r)),
      name: 'mine',
    });
    const theirs = await createApiToken(deps(env), {
      actor: await actorOf(deps(env), emailOf(env, r === 'admin' ? 'observer' : 'admin')),
      name: 'theirs',
    });
    return [
      {
        label: 'own token',
        method: 'DELETE',
        url: `/api/me/tokens/${mine.token.id}`,
        expect: 'allowed',
      },
      {
        label: "another's token",
        method: 'DELETE',
        url: `/api/me/tokens/${theirs.token.id}`,
        expect: 'not_found',
        subject: theirs.token.id,
      },
    ];
  },
  'POST /api/me/totp/setup': async () => [
    {
      label: 'totp setup',
      method: 'POST',
      url: '/api/me/totp/setup',
      payload: {},
      expect: 'allowed',
    },
  ],
  'POST /api/me/totp/confirm': async (env, r) => {
    const { secret } = await beginTotpSetup(deps(env), {
      actor: await actorOf(deps(env), emailOf(env, r)),
    });
    return [
      {
        label: 'totp confirm',
        method: 'POST',
        url: '/api/me/totp/confirm',
        payload: { code: totpCodeAt(secret, new Date()) },
        expect: 'allowed',
      },
    ];
  },
  'POST /api/me/totp/disable': async (env, r) => {
    const user = await deps(env).db.transaction((s) => s.accounts.findUserByEmail(emailOf(env, r)));
    return [
      {
        label: 'totp disable',
        method: 'POST',
        url: '/api/me/totp/disable',
        // The next step's code (accepted within the window): the current one confirmed the
        // set-up, and a code is spent once.
        payload: { code: totpCodeAt(user?.totpSecret ?? '', new Date(Date.now() + 30_000)) },
        expect: 'allowed',
      },
    ];
  },
  'POST /api/account/passkeys/options': async () => [
    {
      label: 'passkey options',
      method: 'POST',
      url: '/api/account/passkeys/options',
      payload: {},
      expect: 'allowed',
    },
  ],
  'POST /api/account/passkeys': async (env, r) => {
    const { challengeId, options } = await beginPasskeyRegistration(deps(env), {
      actor: await actorFor(env, r),
    });
    const response = new SoftwareAuthenticator(deps(env).config.passkeyOrigin).create(options);
    return [
      {
        label: 'register a passkey',
        method: 'POST',
        url: '/api/account/passkeys',
        payload: { challengeId, name: 'matrix', response },
        expect: 'allowed',
      },
    ];
  },
  'GET /api/account/passkeys': async () => [
    { label: 'my passkeys', method: 'GET', url: '/api/account/passkeys', expect: 'allowed' },
  ],
  'PATCH /api/account/passkeys/:passkeyId': async (env, r) => {
    const mine = await freshPasskey(env, r);
    const theirs = await freshPasskey(env, r === 'admin' ? 'observer' : 'admin');
    return [
      {
        label: 'own passkey',
        method: 'PATCH',
        url: `/api/account/passkeys/${mine.id}`,
        payload: { name: 'renamed' },
        expect: 'allowed',
      },
      {
        label: "another's passkey",
        method: 'PATCH',
        url: `/api/account/passkeys/${theirs.id}`,
        payload: { name: 'renamed' },
        expect: 'not_found',
        subject: theirs.id,
      },
    ];
  },
  'DELETE /api/account/passkeys/:passkeyId': async (env, r) => {
    const mine = await freshPasskey(env, r);
    const theirs = await freshPasskey(env, r === 'admin' ? 'observer' : 'admin');
    return [
      {
        // The matrix signs in with passwords; only a passkey session removes a passkey (removal
        // itself: passkeys.test.ts).
        label: 'own passkey, from a password session',
        method: 'DELETE',
        url: `/api/account/passkeys/${mine.id}`,
        expect: 'rule',
      },
      {
        label: "another's passkey",
        method: 'DELETE',
        url: `/api/account/passkeys/${theirs.id}`,
        expect: 'not_found',
        subject: theirs.id,
      },
    ];
  },
  'POST /api/session/passkey/options': async () => [
    {
      label: 'passkey sign-in options',
      method: 'POST',
      url: '/api/session/passkey/options',
      payload: {},
      expect: 'allowed',
    },
  ],
  'POST /api/session/passkey': async (env, r) => {
    const key = new SoftwareAuthenticator(deps(env).config.passkeyOrigin);
    await freshPasskey(env, r, key);
    const { challengeId, options } = await beginPasskeySignIn(deps(env), {
      ip: '127.0.0.1',
      password: null,
    });
    return [
      {
        label: 'sign in with a passkey',
        method: 'POST',
        url: '/api/session/passkey',
        payload: { challengeId, response: key.get(options) },
        expect: 'allowed',
      },
    ];
  },
  'GET /api/processes': async () => [
    { label: 'my processes', method: 'GET', url: '/api/processes', expect: 'allowed' },
  ],
  'POST /api/processes': async (_env, r) => [
    {
      label: 'create',
      method: 'POST',
      url: '/api/processes',
      payload: { codename: 'X', title: 'Y' },
      expect: r === 'admin' ? 'allowed' : 'forbidden',
    },
  ],
  'GET /api/processes/:processId': async (env) => [
    { label: 'demo', method: 'GET', url: P(env), expect: 'allowed' },
    { label: 'other', method: 'GET', url: O(env), expect: 'not_found', subject: env.other },
  ],
  'PATCH /api/processes/:processId': async (env, r) => [
    {
      label: 'demo',
      method: 'PATCH',
      url: P(env),
      payload: { codename: 'NORDLYS' },
      expect: manageOutcome(r),
    },
    {
      label: 'other',
      method: 'PATCH',
      url: O(env),
      payload: { codename: 'NORDLYS' },
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/status': async (env, r) => {
    const to = (await currentStatus(env)) === 'active' ? 'suspended' : 'active';
    return [
      {
        label: 'demo',
        method: 'POST',
        url: `${P(env)}/status`,
        payload: { to, reason: 'matrix' },
        expect: manageOutcome(r),
      },
      {
        label: 'other',
        method: 'POST',
        url: `${O(env)}/status`,
        payload: { to: 'active', reason: 'matrix' },
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  'POST /api/processes/:processId/parties': async (env, r) => {
    const code = `Q${randomUUID().slice(0, 5)}`;
    return [
      {
        label: 'demo',
        method: 'POST',
        url: `${P(env)}/parties`,
        payload: { name: 'New', code },
        expect: manageOutcome(r),
      },
      {
        label: 'other',
        method: 'POST',
        url: `${O(env)}/parties`,
        payload: { name: 'New', code },
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  'POST /api/processes/:processId/parties/:partyId/status': async (env, r) => {
    const parties = await deps(env).db.transaction((s) =>
      s.processes.listParties(env.p.demo.processId),
    );
    return (['gov', 'opp'] as const).map((k) => {
      const party = parties.find((x) => x.id === env.p.demo.parties[k]);
      const to = party?.status === 'participating' ? 'suspended' : 'participating';
      return {
        label: `${k} standing`,
        method: 'POST',
        url: `${P(env)}/parties/${env.p.demo.parties[k]}/status`,
        payload: { to, reason: 'matrix' },
        expect: manages(r) || r === `${k}Head` ? 'allowed' : 'forbidden',
      } satisfies Case;
    });
  },
  'POST /api/processes/:processId/links': async (env, r) => [
    {
      label: 'demo',
      method: 'POST',
      url: `${P(env)}/links`,
      payload: { label: 'Earlier talks' },
      expect: manageOutcome(r),
    },
    {
      label: 'other',
      method: 'POST',
      url: `${O(env)}/links`,
      payload: { label: 'Earlier talks' },
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'GET /api/processes/:processId/invitations': async (env, r) => [
    { label: 'demo', method: 'GET', url: `${P(env)}/invitations`, expect: manageOutcome(r) },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/invitations`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/invitations': async (env, r) => [
    {
      label: 'demo',
      method: 'POST',
      url: `${P(env)}/invitations`,
      payload: { role: 'observer', inviteeLabel: 'x' },
      expect: manageOutcome(r),
    },
    {
      label: 'other',
      method: 'POST',
      url: `${O(env)}/invitations`,
      payload: { role: 'observer', inviteeLabel: 'x' },
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'DELETE /api/processes/:processId/invitations/:invitationId': async (env, r) => {
    const admin = await actorOf(deps(env), emailOf(env, 'admin'));
    const { invitation } = await createInvitation(deps(env), {
      actor: admin,
      processId: env.p.demo.processId,
      role: 'observer',
      partyId: null,
      inviteeLabel: 'x',
    });
    return [
      {
        label: 'demo',
        method: 'DELETE',
        url: `${P(env)}/invitations/${invitation.id}`,
        expect: manageOutcome(r),
      },
      {
        label: 'other',
        method: 'DELETE',
        url: `${O(env)}/invitations/${invitation.id}`,
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  'GET /api/invitations/:secret': async (env) => {
    const admin = await actorOf(deps(env), emailOf(env, 'admin'));
    const { secret } = await createInvitation(deps(env), {
      actor: admin,
      processId: env.p.demo.processId,
      role: 'observer',
      partyId: null,
      inviteeLabel: 'x',
    });
    return [
      { label: 'preview', method: 'GET', url: `/api/invitations/${secret}`, expect: 'allowed' },
    ];
  },
  'POST /api/invitations/:secret/accept': async (env) => {
    const owner = await actorOf(deps(env), 'joinable@fixture.parley');
    const { secret } = await createInvitation(deps(env), {
      actor: owner,
      processId: env.joinable,
      role: 'observer',
      partyId: null,
      inviteeLabel: 'x',
    });
    return [
      {
        label: 'accept',
        method: 'POST',
        url: `/api/invitations/${secret}/accept`,
        payload: {},
        expect: 'allowed',
      },
    ];
  },
  'PUT /api/processes/:processId/members/:userId': async (env, r) => {
    const target = await freshMember(env, 'adviser');
    return [
      {
        label: 'demo',
        method: 'PUT',
        url: `${P(env)}/members/${target}`,
        payload: { role: 'delegate', partyId: env.p.demo.parties.gov },
        expect: manageOutcome(r),
      },
      {
        label: 'other',
        method: 'PUT',
        url: `${O(env)}/members/${target}`,
        payload: { role: 'observer' },
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  'DELETE /api/processes/:processId/members/:userId': async (env, r) => {
    const target = await freshMember(env, 'adviser');
    return [
      {
        label: 'demo',
        method: 'DELETE',
        url: `${P(env)}/members/${target}`,
        expect: manageOutcome(r),
      },
      {
        label: 'other',
        method: 'DELETE',
        url: `${O(env)}/members/${target}`,
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  'GET /api/processes/:processId/access-changes': async (env) => [
    { label: 'demo', method: 'GET', url: `${P(env)}/access-changes`, expect: 'allowed' },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/access-changes`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/members/:userId/grants': async (env, r) => {
    const target = await freshMember(env, 'observer');
    const plenary = env.compartments.find((c) => c.kind === 'plenary')?.id;
    return [
      {
        label: 'demo',
        method: 'POST',
        url: `${P(env)}/members/${target}/grants`,
        payload: { compartmentId: plenary },
        expect: manageOutcome(r),
      },
      {
        label: 'other',
        method: 'POST',
        url: `${O(env)}/members/${target}/grants`,
        payload: { compartmentId: plenary },
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  'GET /api/processes/:processId/seats': async (env) => [
    { label: 'demo', method: 'GET', url: `${P(env)}/seats`, expect: 'allowed' },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/seats`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/seats/:seatId/confirm': async (env, r) => {
    const seat = await pendingGovSeat(env);
    return [
      {
        label: 'gov seat',
        method: 'POST',
        url: `${P(env)}/seats/${seat}/confirm`,
        expect: seatOutcome(r, confirmsSeatOf(r, 'gov')),
        subject: seat,
      },
      {
        label: 'other',
        method: 'POST',
        url: `${O(env)}/seats/${seat}/confirm`,
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  'POST /api/processes/:processId/seats/:seatId/decline': async (env, r) => {
    const seat = await pendingGovSeat(env);
    return [
      {
        // The head declines; the facilitator, who offered it, may withdraw it.
        label: 'gov seat',
        method: 'POST',
        url: `${P(env)}/seats/${seat}/decline`,
        expect: seatOutcome(r, confirmsSeatOf(r, 'gov') || r === 'admin'),
        subject: seat,
      },
      {
        label: 'other',
        method: 'POST',
        url: `${O(env)}/seats/${seat}/decline`,
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  'PUT /api/processes/:processId/members/:userId/delegation-admin': async (env, r) => {
    const target = env.p.demo.accounts.find((a) => a.key === 'govDelegate')?.userId ?? '';
    return [
      {
        label: 'gov delegate',
        method: 'PUT',
        url: `${P(env)}/members/${target}/delegation-admin`,
        payload: { delegationAdmin: false },
        expect: r === 'govHead' ? 'allowed' : 'forbidden',
      },
      {
        label: 'other',
        method: 'PUT',
        url: `${O(env)}/members/${target}/delegation-admin`,
        payload: { delegationAdmin: false },
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  'GET /api/processes/:processId/items': async (env, r) => [
    { label: 'all', method: 'GET', url: `${P(env)}/items`, expect: 'allowed' },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/items`,
      expect: 'not_found',
      subject: env.other,
    },
    ...(await perCompartment(env, (c) => ({
      label: c.kind,
      method: 'GET',
      url: `${P(env)}/items?compartmentId=${c.id}`,
      expect: readOutcome(reads(env, r, c)),
      subject: c.id,
    }))),
  ],
  'GET /api/processes/:processId/search': async (env) => [
    { label: 'all', method: 'GET', url: `${P(env)}/search?q=the`, expect: 'allowed' },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/search?q=the`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/compartments/:compartmentId/notes': async (env, r) =>
    perCompartment(env, (c) => ({
      label: c.kind,
      method: 'POST',
      url: `${P(env)}/compartments/${c.id}/notes`,
      payload: { title: 'matrix', body: 'matrix' },
      expect: writeOutcome(reads(env, r, c), writes(env, r, c)),
      subject: c.id,
    })),
  'GET /api/processes/:processId/compartments/:compartmentId/audience': async (env, r) =>
    perCompartment(env, (c) => ({
      label: c.kind,
      method: 'GET',
      url: `${P(env)}/compartments/${c.id}/audience`,
      expect: readOutcome(reads(env, r, c)),
      subject: c.id,
    })),
  'GET /api/processes/:processId/items/:itemId': async (env, r) => [
    ...(await perCompartment(env, (c) => {
      const id = env.p.demo.notes.get(c.id) ?? '';
      return {
        label: c.kind,
        method: 'GET',
        url: `${P(env)}/items/${id}`,
        expect: readOutcome(reads(env, r, c)),
        subject: id,
      };
    })),
    {
      label: "another process's item",
      method: 'GET',
      url: `${P(env)}/items/${env.otherItem}`,
      expect: 'not_found',
      subject: env.otherItem,
    },
  ],
  'PATCH /api/processes/:processId/items/:itemId': async (env, r) =>
    perCompartment(env, async (c) => {
      const note = await freshNote(env, c);
      return {
        label: c.kind,
        method: 'PATCH',
        url: `${P(env)}/items/${note.id}`,
        payload: { baseRevision: 1, body: 'edited' },
        expect: writeOutcome(reads(env, r, c), writes(env, r, c)),
        subject: note.id,
      };
    }),
  'POST /api/processes/:processId/items/:itemId/release': async (env, r) =>
    perCompartment(env, async (c) => {
      const note = await freshNote(env, c);
      const to = widerThan(env, c) ?? c;
      const canRead = reads(env, r, c);
      const expectation: Outcome = !canRead
        ? 'not_found'
        : c.kind === 'public'
          ? 'rule'
          : releases(env, r, c)
            ? 'allowed'
            : 'forbidden';
      return {
        label: c.kind,
        method: 'POST',
        url: `${P(env)}/items/${note.id}/release`,
        payload: { to: to.id, baseRevision: 1 },
        expect: expectation,
        subject: note.id,
      };
    }),
  'GET /api/processes/:processId/audit': async (env, r) => [
    { label: 'demo', method: 'GET', url: `${P(env)}/audit`, expect: manageOutcome(r) },
    // Narrowed to one compartment: a compartment the viewer may not read is like a missing one.
    ...(await perCompartment(env, (c) => ({
      label: `filtered ${c.kind}`,
      method: 'GET',
      url: `${P(env)}/audit?compartmentId=${c.id}`,
      expect: manages(r) ? readOutcome(reads(env, r, c)) : 'forbidden',
      subject: c.id,
    }))),
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/audit`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'GET /api/processes/:processId/record': async (env) => [
    { label: 'demo', method: 'GET', url: `${P(env)}/record`, expect: 'allowed' },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/record`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/issues': async (env, r) => [
    {
      label: 'demo',
      method: 'POST',
      url: `${P(env)}/issues`,
      payload: { title: `Issue ${randomUUID()}`, options: ['a', 'b'] },
      expect: r === 'admin' || team.includes(r) ? 'allowed' : 'forbidden',
    },
    {
      label: 'other',
      method: 'POST',
      url: `${O(env)}/issues`,
      payload: { title: 'x' },
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/demands': async (env, r) => [
    {
      label: 'gov demand',
      method: 'POST',
      url: `${P(env)}/demands`,
      payload: {
        partyId: env.p.demo.parties.gov,
        text: 'demand',
        source: 'press',
        statedOn: '2019-05-15',
      },
      expect:
        team.includes(r) || (delegation.gov as readonly string[]).includes(r)
          ? 'allowed'
          : 'forbidden',
    },
  ],
  'POST /api/processes/:processId/positions': async (env, r) => [
    {
      label: 'position',
      method: 'POST',
      url: `${P(env)}/positions`,
      payload: { issueId: env.p.demo.issues[0]!.id, text: 'position' },
      expect: delegates.includes(r) ? 'allowed' : 'forbidden',
    },
  ],
  'POST /api/processes/:processId/proposals': async (env, r) =>
    perCompartment(env, (c) => ({
      label: c.kind,
      method: 'POST',
      url: `${P(env)}/proposals`,
      payload: {
        compartmentId: c.id,
        round: 1,
        terms: [
          { issueId: env.p.demo.issues[0]!.id, optionId: env.p.demo.issues[0]!.options[1]!.id },
        ],
      },
      expect: !reads(env, r, c) ? 'not_found' : tables(env, r, c) ? 'allowed' : 'forbidden',
    })),
  'POST /api/processes/:processId/proposals/:proposalId/responses': async (env, r) => {
    const fixtures = env.compartments
      .filter((c) => c.kind === 'plenary' || c.kind === 'bilateral' || c.kind === 'mediators')
      .map((c) => ({ c, by: 'leadMediator' as DemoRoleKey }));
    fixtures.push({ c: env.compartments.find((c) => c.kind === 'plenary')!, by: 'govHead' });
    return Promise.all(
      fixtures.map(async ({ c, by }) => {
        const proposal = await freshProposal(env, c, by);
        const head = r === 'govHead' || r === 'oppHead';
        const answers = head && !(by === 'govHead' && r === 'govHead');
        return {
          label: `${c.kind} by ${by}`,
          method: 'POST',
          url: `${P(env)}/proposals/${proposal.id}/responses`,
          payload: { kind: 'accept' },
          expect: !reads(env, r, c) ? 'not_found' : answers ? 'allowed' : 'forbidden',
          subject: proposal.id,
        } satisfies Case;
      }),
    );
  },
  'GET /api/processes/:processId/text': async (env, r) => [
    {
      label: 'draft',
      method: 'GET',
      url: `${P(env)}/text`,
      expect: team.includes(r) ? 'allowed' : 'not_found',
    },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/text`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/text/edits': async (env, r) => [
    {
      label: 'retitle',
      method: 'POST',
      url: `${P(env)}/text/edits`,
      payload: {
        baseRevision: await draftRevision(env),
        edit: { kind: 'retitle', title: `Title ${randomUUID()}` },
      },
      expect: team.includes(r) ? 'allowed' : 'not_found',
    },
  ],
  'GET /api/processes/:processId/text/versions': async (env) => [
    { label: 'list', method: 'GET', url: `${P(env)}/text/versions`, expect: 'allowed' },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/text/versions`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/text/versions': async (env, r) => [
    {
      label: 'publish',
      method: 'POST',
      url: `${P(env)}/text/versions`,
      payload: { baseRevision: await draftRevision(env), distribution: 'mediators' },
      expect: team.includes(r) ? 'allowed' : 'not_found',
    },
  ],
  'GET /api/processes/:processId/text/versions/:number': async (env, r) =>
    (await versionFixtures(env)).map(({ c, v }) => ({
      label: c.kind,
      method: 'GET',
      url: `${P(env)}/text/versions/${v.number}`,
      expect: readOutcome(reads(env, r, c)),
    })),
  'GET /api/processes/:processId/text/diff': async (env, r) =>
    (await versionFixtures(env)).map(({ c, v }) => ({
      label: c.kind,
      method: 'GET',
      url: `${P(env)}/text/diff?from=1&to=${v.number}`,
      expect: readOutcome(
        reads(env, r, c) &&
          reads(
            env,
            r,
            env.compartments.find((x) => x.kind === 'plenary')!,
          ),
      ),
    })),
  'POST /api/processes/:processId/text/versions/:number/signatures': async (env, r) =>
    (await versionFixtures(env)).map(({ c, v }) => ({
      label: c.kind,
      method: 'POST',
      url: `${P(env)}/text/versions/${v.number}/signatures`,
      payload: { versionHash: v.hash },
      expect: !reads(env, r, c)
        ? 'not_found'
        : r === 'govHead' || r === 'oppHead'
          ? 'allowed'
          : 'forbidden',
    })),
  'GET /api/processes/:processId/text/versions/:number/verification': async (env, r) =>
    (await versionFixtures(env)).map(({ c, v }) => ({
      label: c.kind,
      method: 'GET',
      url: `${P(env)}/text/versions/${v.number}/verification`,
      expect: readOutcome(reads(env, r, c)),
    })),
  'GET /api/processes/:processId/amendments': async (env) => [
    { label: 'list', method: 'GET', url: `${P(env)}/amendments`, expect: 'allowed' },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/amendments`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/amendments': async (env, r) => [
    {
      label: 'propose',
      method: 'POST',
      url: `${P(env)}/amendments`,
      payload: {
        provision: 'p-campaign',
        change: { kind: 'insert', at: { position: 'end' }, wording: 'at least' },
      },
      expect: delegates.includes(r) && !r.endsWith('Adviser') ? 'allowed' : 'forbidden',
    },
  ],
  'POST /api/processes/:processId/amendments/:amendmentId/decision': async (env, r) => {
    const amendment = await proposeAmendment(deps(env), {
      actor: await actorOf(deps(env), emailOf(env, 'govHead')),
      processId: env.p.demo.processId,
      provision: asId('p-campaign'),
      change: { kind: 'insert', at: { position: 'end' }, wording: 'fixture' },
      note: 'fixture',
    });
    const channel = env.compartments.find(
      (c) => c.kind === 'bilateral' && c.partyId === env.p.demo.parties.gov,
    )!;
    return [
      {
        label: 'gov amendment',
        method: 'POST',
        url: `${P(env)}/amendments/${amendment.id}/decision`,
        payload: { decision: 'decline', baseRevision: await draftRevision(env) },
        expect: !reads(env, r, channel) ? 'not_found' : team.includes(r) ? 'allowed' : 'forbidden',
        subject: amendment.id,
      },
    ];
  },
  'GET /api/processes/:processId/text/versions/:number/export': async (env, r) =>
    (await versionFixtures(env)).map(({ c, v }) => ({
      label: c.kind,
      method: 'GET',
      url: `${P(env)}/text/versions/${v.number}/export?format=txt`,
      expect: readOutcome(reads(env, r, c)),
    })),
  'GET /api/processes/:processId/preferences': async (env, r) => [
    {
      label: 'mine',
      method: 'GET',
      url: `${P(env)}/preferences`,
      expect: delegates.includes(r) ? 'allowed' : 'forbidden',
    },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/preferences`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'PUT /api/processes/:processId/preferences': async (env, r) => {
    const party = r.startsWith('gov') ? env.p.demo.parties.gov : env.p.demo.parties.opp;
    const current = (
      await deps(env).db.transaction((s) => s.preferences.listForEngine(env.p.demo.processId))
    ).find((x) => x.partyId === party)!;
    // The agenda may have grown during the matrix (issues added above): rate every issue there is now.
    const agenda = await deps(env).db.transaction((s) => s.record.listIssues(env.p.demo.processId));
    const entry = {
      kind: 'numbers',
      weights: Object.fromEntries(agenda.map((i) => [i.id, current.weights[i.id] ?? 5])),
      scores: Object.fromEntries(
        agenda.map((i) => [
          i.id,
          Object.fromEntries(
            i.options.map((o, k) => [o.id, current.scores[i.id]?.[o.id] ?? k * 10]),
          ),
        ]),
      ),
      reservation: current.reservation,
    };
    return [
      {
        label: 'save',
        method: 'PUT',
        url: `${P(env)}/preferences`,
        payload: { baseRevision: current.revision, entry },
        expect: delegates.includes(r) ? 'allowed' : 'forbidden',
      },
    ];
  },
  'POST /api/processes/:processId/preferences/sharing': async (env, r) => [
    {
      label: 'share',
      method: 'POST',
      url: `${P(env)}/preferences/sharing`,
      payload: { shared: true },
      expect: r === 'govHead' || r === 'oppHead' ? 'allowed' : 'forbidden',
    },
  ],
  'GET /api/processes/:processId/analysis': async (env, r) => [
    {
      label: 'analysis',
      method: 'GET',
      url: `${P(env)}/analysis`,
      expect: team.includes(r) || delegates.includes(r) ? 'allowed' : 'forbidden',
    },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/analysis`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'GET /api/processes/:processId/preferences/submissions': async (env, r) => [
    {
      label: 'mine',
      method: 'GET',
      url: `${P(env)}/preferences/submissions`,
      expect: delegates.includes(r) ? 'allowed' : 'forbidden',
    },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/preferences/submissions`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/preferences/submissions': async (env, r) => {
    // Every party's draft rates the agenda as it is now (the matrix adds issues as it goes).
    await rateWholeAgenda(env);
    const party = r.startsWith('opp') ? env.p.demo.parties.opp : env.p.demo.parties.gov;
    const draft = (
      await deps(env).db.transaction((s) => s.preferences.listForEngine(env.p.demo.processId))
    ).find((x) => x.partyId === party)!;
    return [
      {
        label: 'submit',
        method: 'POST',
        url: `${P(env)}/preferences/submissions`,
        payload: { revision: draft.revision },
        expect: submitters.includes(r) ? 'allowed' : 'forbidden',
      },
      {
        label: 'other',
        method: 'POST',
        url: `${O(env)}/preferences/submissions`,
        payload: { revision: 1 },
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  'GET /api/processes/:processId/suggestion-sets': async (env, r) => [
    {
      label: 'sets',
      method: 'GET',
      url: `${P(env)}/suggestion-sets`,
      expect: decisionSupportReaders.includes(r) ? 'allowed' : 'forbidden',
    },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/suggestion-sets`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/suggestion-sets': async (env, r) => {
    // Submissions of the whole agenda as it is now, and room under the bound: the matrix tests
    // who may publish, not the bound (suggestion-sets.test.ts does).
    await rateWholeAgenda(env);
    for (const head of ['govHead', 'oppHead'] as const) {
      const actor = await actorFor(env, head);
      const party = head === 'govHead' ? env.p.demo.parties.gov : env.p.demo.parties.opp;
      const draft = (
        await deps(env).db.transaction((s) => s.preferences.listForEngine(env.p.demo.processId))
      ).find((x) => x.partyId === party)!;
      await submitPreferences(deps(env), {
        actor,
        processId: env.p.demo.processId,
        revision: draft.revision,
      });
    }
    await setSuggestionBound(deps(env), {
      actor: await actorFor(env, 'admin'),
      processId: env.p.demo.processId,
      setsPerRound: 20,
    });
    return [
      {
        label: 'publish',
        method: 'POST',
        url: `${P(env)}/suggestion-sets`,
        expect: publishers.includes(r) ? 'allowed' : 'forbidden',
      },
      {
        label: 'other',
        method: 'POST',
        url: `${O(env)}/suggestion-sets`,
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  'POST /api/processes/:processId/suggestion-sets/consents': async (env, r) => [
    {
      label: 'consent',
      method: 'POST',
      url: `${P(env)}/suggestion-sets/consents`,
      expect: isHead(r) ? 'allowed' : 'forbidden',
    },
    {
      label: 'other',
      method: 'POST',
      url: `${O(env)}/suggestion-sets/consents`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'PUT /api/processes/:processId/suggestion-sets/bound': async (env, r) => [
    {
      label: 'bound',
      method: 'PUT',
      url: `${P(env)}/suggestion-sets/bound`,
      payload: { setsPerRound: 20 },
      expect: boundSetters.includes(r) ? 'allowed' : 'forbidden',
    },
    {
      label: 'other',
      method: 'PUT',
      url: `${O(env)}/suggestion-sets/bound`,
      payload: { setsPerRound: 20 },
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'GET /api/processes/:processId/rounds': async (env) => [
    { label: 'demo', method: 'GET', url: `${P(env)}/rounds`, expect: 'allowed' },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/rounds`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/rounds': async (env, r) => {
    const payload = { title: 'Round', startsOn: '2019-06-01', endsOn: '2019-06-02', venue: 'x' };
    return [
      {
        label: 'demo',
        method: 'POST',
        url: `${P(env)}/rounds`,
        payload,
        expect: organises(r) ? 'allowed' : 'forbidden',
      },
      {
        label: 'other',
        method: 'POST',
        url: `${O(env)}/rounds`,
        payload,
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  'GET /api/processes/:processId/rounds/:roundId': async (env) => {
    const unacknowledged = await freshRound(env, { acknowledged: false });
    return [
      {
        label: 'demo round',
        method: 'GET',
        url: `${P(env)}/rounds/${env.p.demo.roundId}`,
        expect: 'allowed',
      },
      {
        label: 'unacknowledged',
        method: 'GET',
        url: `${P(env)}/rounds/${unacknowledged.id}`,
        expect: 'acknowledge',
      },
      {
        label: "another process's round",
        method: 'GET',
        url: `${P(env)}/rounds/${env.otherRound}`,
        expect: 'not_found',
        subject: env.otherRound,
      },
    ];
  },
  'PATCH /api/processes/:processId/rounds/:roundId': async (env, r) => {
    const round = await freshRound(env);
    return [
      {
        label: 'retitle',
        method: 'PATCH',
        url: `${P(env)}/rounds/${round.id}`,
        payload: { baseRevision: round.revision, title: 'Retitled' },
        expect: organises(r) ? 'allowed' : 'forbidden',
      },
    ];
  },
  'PUT /api/processes/:processId/rounds/:roundId/invitees': async (env, r) => {
    const round = await freshRound(env);
    return [
      {
        label: 'invite',
        method: 'PUT',
        url: `${P(env)}/rounds/${round.id}/invitees`,
        payload: { baseRevision: round.revision, invitees: [env.p.demo.accounts[1]!.userId] },
        expect: organises(r) ? 'allowed' : 'forbidden',
      },
    ];
  },
  'POST /api/processes/:processId/rounds/:roundId/status': async (env, r) => {
    const planned = await freshRound(env);
    const running = await freshRound(env, { to: 'in_progress' });
    return [
      {
        label: 'start',
        method: 'POST',
        url: `${P(env)}/rounds/${planned.id}/status`,
        payload: { to: 'in_progress' },
        expect: organises(r) ? 'allowed' : 'forbidden',
      },
      {
        label: 'into consultations',
        method: 'POST',
        url: `${P(env)}/rounds/${running.id}/status`,
        payload: {
          to: 'in_consultations',
          consultation: { subject: 'x', deadline: new Date(Date.now() + 86_400_000).toISOString() },
        },
        expect: team.includes(r) ? 'allowed' : 'forbidden',
      },
    ];
  },
  'POST /api/processes/:processId/rounds/:roundId/acknowledgement': async (env) => {
    const round = await freshRound(env, { acknowledged: false });
    return [
      {
        label: 'acknowledge',
        method: 'POST',
        url: `${P(env)}/rounds/${round.id}/acknowledgement`,
        payload: { rulesHash: round.rulesHash },
        expect: 'allowed',
      },
      {
        label: "another process's round",
        method: 'POST',
        url: `${P(env)}/rounds/${env.otherRound}/acknowledgement`,
        payload: { rulesHash: round.rulesHash },
        expect: 'not_found',
        subject: env.otherRound,
      },
    ];
  },
  'POST /api/processes/:processId/rounds/:roundId/consultation/responses': async (env, r) => {
    const round = await freshRound(env, { to: 'in_consultations' });
    return [
      {
        label: 'answer',
        method: 'POST',
        url: `${P(env)}/rounds/${round.id}/consultation/responses`,
        payload: { kind: 'accept' },
        expect: isHead(r) ? 'allowed' : 'forbidden',
      },
    ];
  },
  'POST /api/processes/:processId/rounds/:roundId/sessions': async (env, r) =>
    (
      [
        ['plenary', null],
        ['proximity', null],
        ['caucus', 'gov'],
        ['bilateral', 'gov'],
        ['bilateral', 'opp'],
      ] as const
    ).map(([format, party]) => {
      const c =
        format === 'caucus' || format === 'bilateral'
          ? compartmentOfKind(env, format, party ?? 'gov')
          : compartmentOfKind(env, 'plenary');
      return {
        label: `${format} ${party ?? ''}`,
        method: 'POST',
        url: `${P(env)}/rounds/${env.p.demo.roundId}/sessions`,
        payload: {
          format,
          partyId: party ? env.p.demo.parties[party] : null,
          title: 'Matrix',
          startsAt: '2019-05-28T07:00:00Z',
          endsAt: '2019-05-28T08:00:00Z',
        },
        expect: !reads(env, r, c)
          ? 'not_found'
          : schedules(env, r, format, c)
            ? 'allowed'
            : 'forbidden',
      } satisfies Case;
    }),
  'PUT /api/processes/:processId/rounds/:roundId/sessions/:sessionId/attendance': async (env, r) =>
    Promise.all(
      (
        [
          ['plenary', null],
          ['caucus', 'gov'],
          ['bilateral', 'gov'],
        ] as const
      ).map(async ([format, party]) => {
        const s = await freshSession(env, format, party);
        const c = env.compartments.find((x) => x.id === s.session.compartmentId)!;
        return {
          label: `${format} ${party ?? ''}`,
          method: 'PUT',
          url: `${P(env)}/rounds/${env.p.demo.roundId}/sessions/${s.session.id}/attendance`,
          payload: { baseRevision: s.session.revision, attendees: [] },
          expect: !reads(env, r, c)
            ? 'not_found'
            : schedules(env, r, format, c)
              ? 'allowed'
              : 'forbidden',
          subject: s.session.id,
        } satisfies Case;
      }),
    ),
  'PUT /api/processes/:processId/rounds/:roundId/sessions/:sessionId/minutes/:kind': async (
    env,
    r,
  ) => {
    const plenarySession = await freshSession(env, 'plenary');
    const bilateral = await freshSession(env, 'bilateral', 'gov');
    const path = (id: string) => `${P(env)}/rounds/${env.p.demo.roundId}/sessions/${id}/minutes`;
    const plenary = compartmentOfKind(env, 'plenary');
    const room = compartmentOfKind(env, 'mediators');
    const channel = compartmentOfKind(env, 'bilateral', 'gov');
    const keeps = team.includes(r);
    return [
      {
        label: "mediators' minutes",
        method: 'PUT',
        url: `${path(plenarySession.session.id)}/mediators`,
        payload: { baseRevision: 0, text: 'minutes' },
        expect:
          !reads(env, r, plenary) || !reads(env, r, room)
            ? 'not_found'
            : keeps
              ? 'allowed'
              : 'forbidden',
      },
      {
        label: 'plenary minutes',
        method: 'PUT',
        url: `${path(plenarySession.session.id)}/plenary`,
        payload: { baseRevision: 0, text: 'minutes' },
        expect: !reads(env, r, plenary) ? 'not_found' : keeps ? 'allowed' : 'forbidden',
        subject: plenarySession.session.id,
      },
      {
        label: 'plenary minutes of a bilateral session',
        method: 'PUT',
        url: `${path(bilateral.session.id)}/plenary`,
        payload: { baseRevision: 0, text: 'minutes' },
        expect: !reads(env, r, channel) ? 'not_found' : keeps ? 'rule' : 'forbidden',
        subject: bilateral.session.id,
      },
    ];
  },
  'POST /api/processes/:processId/rounds/:roundId/sessions/:sessionId/minutes/:kind/approvals':
    async (env, r) => {
      const s = await freshSession(env, 'plenary');
      const write = async (kind: 'plenary' | 'mediators') =>
        writeMinutes(deps(env), {
          actor: await actorFor(env, 'mediator'),
          processId: env.p.demo.processId,
          roundId: env.p.demo.roundId,
          sessionId: s.session.id,
          kind,
          baseRevision: 0,
          text: `${kind} minutes`,
        });
      const plenaryMinutes = await write('plenary');
      const own = await write('mediators');
      const path = `${P(env)}/rounds/${env.p.demo.roundId}/sessions/${s.session.id}/minutes`;
      const plenary = compartmentOfKind(env, 'plenary');
      const room = compartmentOfKind(env, 'mediators');
      return [
        {
          label: 'plenary minutes',
          method: 'POST',
          url: `${path}/plenary/approvals`,
          payload: { hash: plenaryMinutes.hash },
          expect: !reads(env, r, plenary) ? 'not_found' : isHead(r) ? 'allowed' : 'forbidden',
        },
        {
          label: "mediators' minutes",
          method: 'POST',
          url: `${path}/mediators/approvals`,
          payload: { hash: own.hash },
          expect: !reads(env, r, room) ? 'not_found' : 'rule',
        },
      ];
    },
  'POST /api/processes/:processId/rounds/:roundId/sessions/:sessionId/minutes/:kind/objections':
    async (env, r) => {
      const s = await freshSession(env, 'plenary');
      const write = async (kind: 'plenary' | 'mediators') =>
        writeMinutes(deps(env), {
          actor: await actorFor(env, 'mediator'),
          processId: env.p.demo.processId,
          roundId: env.p.demo.roundId,
          sessionId: s.session.id,
          kind,
          baseRevision: 0,
          text: `${kind} minutes`,
        });
      const plenaryMinutes = await write('plenary');
      const own = await write('mediators');
      const path = `${P(env)}/rounds/${env.p.demo.roundId}/sessions/${s.session.id}/minutes`;
      const payload = (hash: string) => ({ hash, kind: 'change_requested', comment: 'matrix' });
      return [
        {
          label: 'plenary minutes',
          method: 'POST',
          url: `${path}/plenary/objections`,
          payload: payload(plenaryMinutes.hash),
          // Only a party says no, through its head; the mediators change the minutes instead.
          expect: !reads(env, r, compartmentOfKind(env, 'plenary'))
            ? 'not_found'
            : isHead(r)
              ? 'allowed'
              : 'forbidden',
        },
        {
          label: "mediators' minutes",
          method: 'POST',
          url: `${path}/mediators/objections`,
          payload: payload(own.hash),
          expect: !reads(env, r, compartmentOfKind(env, 'mediators')) ? 'not_found' : 'rule',
        },
      ];
    },
  'GET /api/processes/:processId/threads': async (env, r) => [
    { label: 'all', method: 'GET', url: `${P(env)}/threads`, expect: 'allowed' },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/threads`,
      expect: 'not_found',
      subject: env.other,
    },
    ...(await perCompartment(env, (c) => ({
      label: c.kind,
      method: 'GET',
      url: `${P(env)}/threads?compartmentId=${c.id}`,
      expect: readOutcome(reads(env, r, c)),
      subject: c.id,
    }))),
  ],
  'POST /api/processes/:processId/threads': async (env, r) =>
    perCompartment(env, (c) => ({
      label: c.kind,
      method: 'POST',
      url: `${P(env)}/threads`,
      payload: { compartmentId: c.id, title: 'matrix', body: 'matrix' },
      expect: writeOutcome(reads(env, r, c), writes(env, r, c)),
    })),
  'GET /api/processes/:processId/threads/:threadId': async (env, r) =>
    perCompartment(env, async (c) => {
      const t = await freshThread(env, c);
      return {
        label: c.kind,
        method: 'GET',
        url: `${P(env)}/threads/${t.thread.id}`,
        expect: readOutcome(reads(env, r, c)),
        subject: t.thread.id,
      };
    }),
  'POST /api/processes/:processId/threads/:threadId/messages': async (env, r) =>
    perCompartment(env, async (c) => {
      const t = await freshThread(env, c);
      return {
        label: c.kind,
        method: 'POST',
        url: `${P(env)}/threads/${t.thread.id}/messages`,
        payload: { body: 'matrix' },
        expect: writeOutcome(reads(env, r, c), writes(env, r, c)),
        subject: t.thread.id,
      };
    }),
  'POST /api/processes/:processId/messages/:messageId/relay': async (env, r) => {
    const gov = compartmentOfKind(env, 'bilateral', 'gov');
    const opp = compartmentOfKind(env, 'bilateral', 'opp');
    const original = await freshThread(env, gov);
    const target = await freshThread(env, opp);
    const plenaryThread = await freshThread(env, compartmentOfKind(env, 'plenary'));
    const seesOriginal = reads(env, r, gov);
    return [
      {
        label: 'to the other side',
        method: 'POST',
        url: `${P(env)}/messages/${original.message.id}/relay`,
        payload: { toThreadId: target.thread.id, body: 'relayed' },
        expect: seesOriginal && reads(env, r, opp) && team.includes(r) ? 'allowed' : 'not_found',
        subject: seesOriginal ? undefined : original.message.id,
      },
      {
        label: 'into the plenary',
        method: 'POST',
        url: `${P(env)}/messages/${original.message.id}/relay`,
        payload: { toThreadId: plenaryThread.thread.id, body: 'relayed' },
        expect:
          seesOriginal && reads(env, r, compartmentOfKind(env, 'plenary')) ? 'rule' : 'not_found',
        subject: seesOriginal ? undefined : original.message.id,
      },
    ];
  },
  'GET /api/processes/:processId/communiques': async (env) => [
    { label: 'demo', method: 'GET', url: `${P(env)}/communiques`, expect: 'allowed' },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/communiques`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/communiques': async (env, r) => [
    {
      label: 'draft',
      method: 'POST',
      url: `${P(env)}/communiques`,
      payload: { kind: 'press_line', title: 'Line', text: 'matrix' },
      expect: team.includes(r) ? 'allowed' : 'forbidden',
    },
    {
      label: 'other',
      method: 'POST',
      url: `${O(env)}/communiques`,
      payload: { kind: 'press_line', title: 'Line', text: 'matrix' },
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'PATCH /api/processes/:processId/communiques/:communiqueId': async (env, r) => {
    const draft = await freshCommunique(env, 'draft');
    const circulated = await freshCommunique(env, 'circulated');
    const room = compartmentOfKind(env, 'mediators');
    const plenary = compartmentOfKind(env, 'plenary');
    const edit = (id: string) => `${P(env)}/communiques/${id}`;
    return [
      {
        label: 'draft',
        method: 'PATCH',
        url: edit(draft.id),
        payload: { baseRevision: draft.revision, text: 'edited' },
        expect: writeOutcome(reads(env, r, room), team.includes(r)),
        subject: draft.id,
      },
      {
        label: 'circulated',
        method: 'PATCH',
        url: edit(circulated.id),
        payload: { baseRevision: circulated.revision + 1, text: 'edited' },
        expect: writeOutcome(reads(env, r, plenary), team.includes(r)),
        subject: circulated.id,
      },
      {
        label: 'released',
        method: 'PATCH',
        url: edit(env.released.id),
        payload: { baseRevision: env.released.revision, text: 'edited' },
        expect: 'conflict',
      },
    ];
  },
  'POST /api/processes/:processId/communiques/:communiqueId/circulation': async (env, r) => {
    const draft = await freshCommunique(env, 'draft');
    return [
      {
        label: 'circulate',
        method: 'POST',
        url: `${P(env)}/communiques/${draft.id}/circulation`,
        payload: { hash: draft.hash },
        expect: !reads(env, r, compartmentOfKind(env, 'mediators'))
          ? 'not_found'
          : r === 'leadMediator'
            ? 'allowed'
            : 'forbidden',
        subject: draft.id,
      },
    ];
  },
  'POST /api/processes/:processId/communiques/:communiqueId/approvals': async (env, r) => {
    const draft = await freshCommunique(env, 'draft');
    const circulated = await freshCommunique(env, 'circulated');
    const approves = isHead(r) || r === 'leadMediator';
    return [
      {
        label: 'circulated',
        method: 'POST',
        url: `${P(env)}/communiques/${circulated.id}/approvals`,
        payload: { hash: circulated.hash },
        expect: !reads(env, r, compartmentOfKind(env, 'plenary'))
          ? 'not_found'
          : approves
            ? 'allowed'
            : 'forbidden',
        subject: circulated.id,
      },
      {
        label: 'draft',
        method: 'POST',
        url: `${P(env)}/communiques/${draft.id}/approvals`,
        payload: { hash: draft.hash },
        expect: !reads(env, r, compartmentOfKind(env, 'mediators'))
          ? 'not_found'
          : approves
            ? 'rule'
            : 'forbidden',
        subject: draft.id,
      },
    ];
  },
  'POST /api/processes/:processId/communiques/:communiqueId/objections': async (env, r) => {
    const draft = await freshCommunique(env, 'draft');
    const circulated = await freshCommunique(env, 'circulated');
    const payload = (hash: string) => ({ hash, kind: 'change_requested', comment: 'matrix' });
    return [
      {
        label: 'circulated',
        method: 'POST',
        url: `${P(env)}/communiques/${circulated.id}/objections`,
        payload: payload(circulated.hash),
        // Only a party says no: its head of delegation; the mediators change the draft instead.
        expect: !reads(env, r, compartmentOfKind(env, 'plenary'))
          ? 'not_found'
          : isHead(r)
            ? 'allowed'
            : 'forbidden',
        subject: circulated.id,
      },
      {
        label: 'draft',
        method: 'POST',
        url: `${P(env)}/communiques/${draft.id}/objections`,
        payload: payload(draft.hash),
        expect: !reads(env, r, compartmentOfKind(env, 'mediators')) ? 'not_found' : 'forbidden',
        subject: draft.id,
      },
    ];
  },
  'POST /api/processes/:processId/communiques/:communiqueId/release': async (env, r) => {
    const approved = await freshCommunique(env, 'approved');
    return [
      {
        label: 'release',
        method: 'POST',
        url: `${P(env)}/communiques/${approved.id}/release`,
        payload: { hash: approved.hash },
        expect: !reads(env, r, compartmentOfKind(env, 'plenary'))
          ? 'not_found'
          : r === 'leadMediator'
            ? 'allowed'
            : 'forbidden',
        subject: approved.id,
      },
    ];
  },
  'POST /api/processes/:processId/communiques/:communiqueId/withdrawal': async (env, r) => {
    const approved = await freshCommunique(env, 'approved');
    // Released with an undo window: in the plenary, not yet public, still withdrawable.
    const held = await releaseCommunique(deps(env), {
      actor: await actorFor(env, 'leadMediator'),
      processId: env.p.demo.processId,
      communiqueId: approved.id,
      hash: approved.hash,
      holdMinutes: 10,
    });
    return [
      {
        label: 'held release',
        method: 'POST',
        url: `${P(env)}/communiques/${held.id}/withdrawal`,
        payload: { hash: held.hash },
        expect: !reads(env, r, compartmentOfKind(env, 'plenary'))
          ? 'not_found'
          : r === 'leadMediator'
            ? 'allowed'
            : 'forbidden',
        subject: held.id,
      },
    ];
  },
  'POST /api/processes/:processId/statements': async (env, r) => {
    const payload = {
      partyId: env.p.demo.parties.gov,
      agreedLineId: env.released.id,
      source: 'press',
      statedOn: '2019-05-30',
      text: 'statement',
    };
    return [
      {
        label: 'gov statement',
        method: 'POST',
        url: `${P(env)}/statements`,
        payload,
        expect:
          team.includes(r) || (delegation.gov as readonly string[]).includes(r)
            ? 'allowed'
            : 'forbidden',
      },
      {
        label: 'other',
        method: 'POST',
        url: `${O(env)}/statements`,
        payload,
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  'POST /api/processes/:processId/statements/:statementId/divergence': async (env, r) => [
    {
      label: 'divergence',
      method: 'POST',
      url: `${P(env)}/statements/${env.statement}/divergence`,
      payload: { note: 'diverges' },
      expect: writeOutcome(reads(env, r, compartmentOfKind(env, 'plenary')), team.includes(r)),
      subject: env.statement,
    },
  ],
  // Actors and media: compartment material like notes (docs/who-sees-what.md).
  'GET /api/processes/:processId/actors': async (env) => [
    { label: 'all', method: 'GET', url: `${P(env)}/actors`, expect: 'allowed' },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/actors`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/actors': async (env, r) =>
    perCompartment(env, (c) => ({
      label: c.kind,
      method: 'POST',
      url: `${P(env)}/actors`,
      payload: { name: 'Matrix', kind: 'person', role: 'critic', compartmentId: c.id },
      expect: writeOutcome(reads(env, r, c), writes(env, r, c)),
      subject: c.id,
    })),
  'GET /api/processes/:processId/actors/:actorId': async (env, r) =>
    perCompartment(env, async (c) => {
      const a = await freshActor(env, c);
      return {
        label: c.kind,
        method: 'GET',
        url: `${P(env)}/actors/${a.id}`,
        expect: readOutcome(reads(env, r, c)),
        subject: a.id,
      };
    }),
  'POST /api/processes/:processId/actors/:actorId/stances': async (env, r) =>
    perCompartment(env, async (c) => {
      const a = await freshActor(env, c);
      return {
        label: c.kind,
        method: 'POST',
        url: `${P(env)}/actors/${a.id}/stances`,
        payload: { stance: 'spoiler', since: '2019-07-08', reason: 'matrix', baseRevision: 1 },
        expect: writeOutcome(reads(env, r, c), writes(env, r, c)),
        subject: a.id,
      };
    }),
  'POST /api/processes/:processId/actors/:actorId/release': async (env, r) =>
    perCompartment(env, async (c) => {
      const a = await freshActor(env, c);
      const to = widerThan(env, c) ?? c;
      const expectation: Outcome = !reads(env, r, c)
        ? 'not_found'
        : c.kind === 'public'
          ? 'rule'
          : releases(env, r, c)
            ? 'allowed'
            : 'forbidden';
      return {
        label: c.kind,
        method: 'POST',
        url: `${P(env)}/actors/${a.id}/release`,
        payload: { to: to.id, baseRevision: 1 },
        expect: expectation,
        subject: a.id,
      };
    }),
  'POST /api/processes/:processId/articles': async (env, r) => [
    ...(await perCompartment(env, (c) => ({
      label: c.kind,
      method: 'POST',
      url: `${P(env)}/articles`,
      payload: { text: 'Maduro dijo que sí.', compartmentId: c.id },
      expect: writeOutcome(reads(env, r, c), writes(env, r, c)),
      subject: c.id,
    }))),
    {
      label: 'other',
      method: 'POST',
      url: `${O(env)}/articles`,
      payload: { text: 'Maduro dijo que sí.' },
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'GET /api/processes/:processId/articles/:articleId': async (env, r) =>
    perCompartment(env, async (c) => {
      const a = await freshArticle(env, c);
      return {
        label: c.kind,
        method: 'GET',
        url: `${P(env)}/articles/${a.id}`,
        expect: readOutcome(reads(env, r, c)),
        subject: a.id,
      };
    }),
  'POST /api/processes/:processId/media/statements': async (env, r) =>
    perCompartment(env, async (c) => {
      const a = await freshActor(env, c);
      return {
        label: c.kind,
        method: 'POST',
        url: `${P(env)}/media/statements`,
        payload: {
          actorId: a.id,
          quote: 'We are ready.',
          statedOn: '2019-07-08',
          stance: 'supporter',
          language: 'en',
        },
        expect: writeOutcome(reads(env, r, c), writes(env, r, c)),
        subject: a.id,
      };
    }),
  'PATCH /api/processes/:processId/actors/:actorId': async (env, r) =>
    perCompartment(env, async (c) => {
      const a = await freshActor(env, c);
      return {
        label: c.kind,
        method: 'PATCH',
        url: `${P(env)}/actors/${a.id}`,
        payload: { notes: 'matrix', baseRevision: 1 },
        expect: writeOutcome(reads(env, r, c), writes(env, r, c)),
        subject: a.id,
      };
    }),
  'POST /api/processes/:processId/articles/upload': async (env, r) => [
    ...(await perCompartment(env, (c) => ({
      label: c.kind,
      method: 'POST',
      url: `${P(env)}/articles/upload`,
      payload: {
        fileName: 'a.html',
        content: Buffer.from('<html><body><p>Maduro dijo que sí.</p></body></html>').toString(
          'base64',
        ),
        compartmentId: c.id,
      },
      expect: writeOutcome(reads(env, r, c), writes(env, r, c)),
      subject: c.id,
    }))),
    {
      label: 'other',
      method: 'POST',
      url: `${O(env)}/articles/upload`,
      payload: { fileName: 'a.txt', content: Buffer.from('Maduro dijo.').toString('base64') },
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'PUT /api/processes/:processId/media/statements/:statementId/issues': async (env, r) =>
    perCompartment(env, async (c) => {
      const st = await freshStatement(env, c);
      return {
        label: c.kind,
        method: 'PUT',
        url: `${P(env)}/media/statements/${st.id}/issues`,
        payload: { issueIds: [env.p.demo.issues[0]!.id], baseRevision: 1 },
        expect: writeOutcome(reads(env, r, c), writes(env, r, c)),
        subject: st.id,
      };
    }),
  'GET /api/processes/:processId/feeds': async (env) => [
    { label: 'all', method: 'GET', url: `${P(env)}/feeds`, expect: 'allowed' },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/feeds`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/feeds': async (env, r) =>
    perCompartment(env, (c) => ({
      label: c.kind,
      method: 'POST',
      url: `${P(env)}/feeds`,
      payload: { url: 'http://127.0.0.1:9/matrix.xml', compartmentId: c.id },
      expect: writeOutcome(reads(env, r, c), writes(env, r, c)),
      subject: c.id,
    })),
  'POST /api/processes/:processId/feeds/:feedId/fetch': async (env, r) =>
    perCompartment(env, async (c) => {
      const f = await freshFeed(env, c);
      return {
        label: c.kind,
        method: 'POST',
        url: `${P(env)}/feeds/${f.id}/fetch`,
        expect: writeOutcome(reads(env, r, c), writes(env, r, c)),
        subject: f.id,
      };
    }),
  'DELETE /api/processes/:processId/feeds/:feedId': async (env, r) =>
    perCompartment(env, async (c) => {
      const f = await freshFeed(env, c);
      return {
        label: c.kind,
        method: 'DELETE',
        url: `${P(env)}/feeds/${f.id}`,
        expect: writeOutcome(reads(env, r, c), writes(env, r, c)),
        subject: f.id,
      };
    }),
  'GET /api/processes/:processId/media': async (env) => [
    { label: 'view', method: 'GET', url: `${P(env)}/media?language=es`, expect: 'allowed' },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/media`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'GET /api/me/calendar.ics': async () => [
    { label: 'calendar', method: 'GET', url: '/api/me/calendar.ics', expect: 'allowed' },
  ],
  'GET /api/audit/tree-head': (env, r) =>
    scopeCases(env, r, (scope) => `/api/audit/tree-head?scope=${scope}`),
  'GET /api/audit/consistency': (env, r) =>
    scopeCases(env, r, (scope) => `/api/audit/consistency?scope=${scope}&from=1&to=1`),
  'GET /api/audit/inclusion': (env, r) =>
    scopeCases(env, r, (scope) => `/api/audit/inclusion?scope=${scope}&seq=1`),
  // ---- Implementation (C10) ----
  'GET /api/processes/:processId/implementation': async (env) => [
    { label: 'demo', method: 'GET', url: `${P(env)}/implementation`, expect: 'allowed' },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/implementation`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/implementation/themes': async (env, r) => [
    {
      label: 'define',
      method: 'POST',
      url: `${P(env)}/implementation/themes`,
      payload: { code: `T-${randomUUID().slice(0, 8)}`, name: 'matrix' },
      expect: implementationPlanners.includes(r) ? 'allowed' : 'forbidden',
    },
    {
      label: 'other',
      method: 'POST',
      url: `${O(env)}/implementation/themes`,
      payload: { code: 'T', name: 'matrix' },
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'PATCH /api/processes/:processId/implementation/themes/:themeId': async (env, r) => {
    const [t, other] = [await freshTheme(env), await freshTheme(env, 'other')];
    return [
      {
        label: 'edit',
        method: 'PATCH',
        url: `${P(env)}/implementation/themes/${t.id}`,
        payload: themeEdit(t),
        expect: writeOutcome(
          reads(env, r, compartmentOfKind(env, 'plenary')),
          implementationPlanners.includes(r),
        ),
        subject: t.id,
      },
      {
        label: 'other process, through the demo',
        method: 'PATCH',
        url: `${P(env)}/implementation/themes/${other.id}`,
        payload: themeEdit(other),
        expect: 'not_found',
        subject: other.id,
      },
      {
        label: 'other process',
        method: 'PATCH',
        url: `${O(env)}/implementation/themes/${other.id}`,
        payload: themeEdit(other),
        expect: 'not_found',
        subject: other.id,
      },
    ];
  },
  'DELETE /api/processes/:processId/implementation/themes/:themeId': async (env, r) => {
    const [t, other] = [await freshTheme(env), await freshTheme(env, 'other')];
    return [
      {
        label: 'remove',
        method: 'DELETE',
        url: `${P(env)}/implementation/themes/${t.id}`,
        expect: writeOutcome(
          reads(env, r, compartmentOfKind(env, 'plenary')),
          implementationPlanners.includes(r),
        ),
        subject: t.id,
      },
      {
        label: 'other process, through the demo',
        method: 'DELETE',
        url: `${P(env)}/implementation/themes/${other.id}`,
        expect: 'not_found',
        subject: other.id,
      },
      {
        label: 'other process',
        method: 'DELETE',
        url: `${O(env)}/implementation/themes/${other.id}`,
        expect: 'not_found',
        subject: other.id,
      },
    ];
  },
  'POST /api/processes/:processId/implementation/commitments': async (env, r) => {
    const payload = {
      versionNumber: 2,
      commitments: [
        {
          provisionKey: 'p-humanitarian',
          responsiblePartyIds: [],
          startsOn: '2026-01-01',
          deadline: '2026-12-31',
          provisionType: 'human_rights',
        },
      ],
    };
    return [
      {
        label: 'create',
        method: 'POST',
        url: `${P(env)}/implementation/commitments`,
        payload,
        expect: implementationPlanners.includes(r) ? 'allowed' : 'forbidden',
      },
      {
        label: 'other',
        method: 'POST',
        url: `${O(env)}/implementation/commitments`,
        payload,
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  'GET /api/processes/:processId/implementation/commitments/:commitmentId': async (env, r) => {
    const c = await freshCommitment(env);
    return [
      {
        label: 'read',
        method: 'GET',
        url: `${P(env)}/implementation/commitments/${c.id}`,
        expect: readOutcome(reads(env, r, compartmentOfKind(env, 'plenary'))),
        subject: c.id,
      },
    ];
  },
  'PATCH /api/processes/:processId/implementation/commitments/:commitmentId': async (env, r) => {
    const c = await freshCommitment(env);
    return [
      {
        label: 'edit',
        method: 'PATCH',
        url: `${P(env)}/implementation/commitments/${c.id}`,
        payload: {
          baseRevision: c.revision,
          wording: 'edited',
          responsiblePartyIds: [],
          startsOn: '2026-01-01',
          deadline: '2026-12-31',
          provisionType: 'human_rights',
        },
        expect: writeOutcome(
          reads(env, r, compartmentOfKind(env, 'plenary')),
          implementationPlanners.includes(r),
        ),
        subject: c.id,
      },
    ];
  },
  'POST /api/processes/:processId/implementation/commitments/:commitmentId/evidence': async (
    env,
    r,
  ) => {
    const c = await freshCommitment(env);
    return [
      {
        label: 'submit',
        method: 'POST',
        url: `${P(env)}/implementation/commitments/${c.id}/evidence`,
        payload: { kind: 'report', text: 'matrix', observedOn: '2026-02-01', source: 'matrix' },
        expect: writeOutcome(
          reads(env, r, compartmentOfKind(env, 'plenary')),
          submitsEvidence(r, 'gov'),
        ),
        subject: c.id,
      },
    ];
  },
  'POST /api/processes/:processId/implementation/commitments/:commitmentId/evidence/file': async (
    env,
    r,
  ) => {
    const c = await freshCommitment(env);
    return [
      {
        label: 'upload',
        method: 'POST',
        url: `${P(env)}/implementation/commitments/${c.id}/evidence/file`,
        payload: {
          fileName: 'matrix.txt',
          content: Buffer.from('matrix').toString('base64'),
          observedOn: '2026-02-01',
          source: 'matrix',
        },
        expect: writeOutcome(
          reads(env, r, compartmentOfKind(env, 'plenary')),
          submitsEvidence(r, 'gov'),
        ),
        subject: c.id,
      },
    ];
  },
  // A file follows its evidence: its submitter's compartment until released, then the plenary.
  'GET /api/processes/:processId/implementation/evidence/:evidenceId/file': async (env, r) => {
    const party = await freshFile(env, 'govDelegate');
    const team = await freshFile(env, 'mediator');
    const released = await freshFile(env, 'mediator');
    await releaseEvidence(deps(env), {
      actor: await actorFor(env, 'leadMediator'),
      processId: env.p.demo.processId,
      evidenceId: released.id,
    });
    const url = (id: string) => `${P(env)}/implementation/evidence/${id}/file`;
    return [
      {
        label: "a file in the government's caucus",
        method: 'GET',
        url: url(party.id),
        expect: readOutcome(reads(env, r, compartmentOfKind(env, 'caucus', 'gov'))),
        subject: party.id,
      },
      {
        label: "a file in the mediators' room",
        method: 'GET',
        url: url(team.id),
        expect: readOutcome(reads(env, r, compartmentOfKind(env, 'mediators'))),
        subject: team.id,
      },
      {
        label: 'a file released to the plenary',
        method: 'GET',
        url: url(released.id),
        expect: readOutcome(reads(env, r, compartmentOfKind(env, 'plenary'))),
        subject: released.id,
      },
      {
        label: "another process's evidence",
        method: 'GET',
        url: `${O(env)}/implementation/evidence/${party.id}/file`,
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  'POST /api/processes/:processId/implementation/evidence/:evidenceId/release': async (env, r) => {
    const party = await freshEvidence(env, 'govDelegate');
    const team = await freshEvidence(env, 'mediator');
    const url = (id: string) => `${P(env)}/implementation/evidence/${id}/release`;
    return [
      {
        label: "the government's evidence, in its caucus",
        method: 'POST',
        url: url(party.evidence.id),
        expect: writeOutcome(
          reads(env, r, compartmentOfKind(env, 'caucus', 'gov')),
          r === 'govHead',
        ),
        subject: party.evidence.id,
      },
      {
        label: "the mediators' evidence, in their room",
        method: 'POST',
        url: url(team.evidence.id),
        expect: writeOutcome(
          reads(env, r, compartmentOfKind(env, 'mediators')),
          r === 'leadMediator',
        ),
        subject: team.evidence.id,
      },
    ];
  },
  'POST /api/processes/:processId/implementation/commitments/:commitmentId/levels': async (
    env,
    r,
  ) => {
    const { commitment, evidence } = await freshEvidence(env, 'mediator');
    await releaseEvidence(deps(env), {
      actor: await actorFor(env, 'leadMediator'),
      processId: env.p.demo.processId,
      evidenceId: evidence.id,
    });
    return [
      {
        label: 'set',
        method: 'POST',
        url: `${P(env)}/implementation/commitments/${commitment.id}/levels`,
        payload: { level: 2, effectiveOn: '2026-03-01', evidenceIds: [evidence.id] },
        expect: writeOutcome(
          reads(env, r, compartmentOfKind(env, 'plenary')),
          implementationPlanners.includes(r),
        ),
        subject: commitment.id,
      },
    ];
  },
  'POST /api/processes/:processId/implementation/commitments/:commitmentId/verifications': async (
    env,
    r,
  ) => {
    const { commitment, entry } = await freshLevel(env);
    return [
      {
        label: 'verify',
        method: 'POST',
        url: `${P(env)}/implementation/commitments/${commitment.id}/verifications`,
        payload: { entryId: entry.id, verdict: 'verified', reason: 'matrix' },
        expect: writeOutcome(
          reads(env, r, compartmentOfKind(env, 'plenary')),
          levelVerifiers.includes(r),
        ),
        subject: commitment.id,
      },
    ];
  },
  'POST /api/processes/:processId/implementation/verifications/:verificationId/resolution': async (
    env,
    r,
  ) => {
    const { commitment, entry } = await freshLevel(env);
    const dispute = await verifyLevel(deps(env), {
      actor: await actorFor(env, 'observer'),
      processId: env.p.demo.processId,
      commitmentId: commitment.id,
      entryId: entry.id,
      verdict: 'disputed',
      reason: 'matrix',
    });
    return [
      {
        label: 'resolve',
        method: 'POST',
        url: `${P(env)}/implementation/verifications/${dispute.id}/resolution`,
        payload: { resolution: 'matrix' },
        expect: writeOutcome(
          reads(env, r, compartmentOfKind(env, 'plenary')),
          r === 'leadMediator' || r === 'observer',
        ),
        subject: dispute.id,
      },
    ];
  },
  'GET /api/processes/:processId/implementation/progress': async (env) => [
    { label: 'demo', method: 'GET', url: `${P(env)}/implementation/progress`, expect: 'allowed' },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/implementation/progress`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'GET /api/processes/:processId/implementation/export': async (env, r) => [
    {
      label: 'csv',
      method: 'GET',
      url: `${P(env)}/implementation/export?format=commitments.csv`,
      expect: reads(env, r, compartmentOfKind(env, 'plenary')) ? 'allowed' : 'forbidden',
    },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/implementation/export?format=json`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'POST /api/processes/:processId/implementation/import': async (env, r) => {
    const payload = {
      commitmentsCsv:
        'external_id,provision_type,theme,wording,responsible,starts_on,deadline,recurrence,weight,version,provision\n',
    };
    return [
      {
        label: 'import',
        method: 'POST',
        url: `${P(env)}/implementation/import`,
        payload,
        expect: implementationPlanners.includes(r) ? 'allowed' : 'forbidden',
      },
      {
        label: 'other',
        method: 'POST',
        url: `${O(env)}/implementation/import`,
        payload,
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  // The public accountability page: any member sees it; the mediators release and withdraw it;
  // anyone, signed in or not, reads a released page at its address (docs/who-sees-what.md).
  'GET /api/processes/:processId/implementation/publication': async (env) => [
    {
      label: 'demo',
      method: 'GET',
      url: `${P(env)}/implementation/publication`,
      expect: 'allowed',
    },
    {
      label: 'other',
      method: 'GET',
      url: `${O(env)}/implementation/publication`,
      expect: 'not_found',
      subject: env.other,
    },
  ],
  'PUT /api/processes/:processId/implementation/publication': async (env, r) => {
    const payload = {
      title: 'Implementation',
      parts: { themes: null, commitments: true, progress: true },
    };
    return [
      {
        label: 'release',
        method: 'PUT',
        url: `${P(env)}/implementation/publication`,
        payload,
        expect: implementationPlanners.includes(r) ? 'allowed' : 'forbidden',
      },
      {
        label: 'other',
        method: 'PUT',
        url: `${O(env)}/implementation/publication`,
        payload,
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  'DELETE /api/processes/:processId/implementation/publication': async (env, r) => {
    await releasedPage(env);
    return [
      {
        label: 'withdraw',
        method: 'DELETE',
        url: `${P(env)}/implementation/publication`,
        expect: implementationPlanners.includes(r) ? 'allowed' : 'forbidden',
      },
      {
        label: 'other',
        method: 'DELETE',
        url: `${O(env)}/implementation/publication`,
        expect: 'not_found',
        subject: env.other,
      },
    ];
  },
  'GET /api/public/implementation/:slug': async (env) => {
    const slug = await releasedPage(env);
    return [
      {
        label: 'released, anonymous',
        method: 'GET',
        url: `/api/public/implementation/${slug}`,
        expect: 'allowed',
      },
      {
        label: 'never released, anonymous',
        method: 'GET',
        url: `/api/public/implementation/${slug.slice(0, 20)}${'A'.repeat(23)}`,
        expect: 'not_found',
      },
    ];
  },
  // The operator's alone (docs/who-sees-what.md): every member, whatever the role, is answered as
  // if there were no such route (http/metrics.test.ts compares the bodies).
  'GET /metrics': async () => [
    { label: 'metrics', method: 'GET', url: '/metrics', expect: 'not_found' },
  ],
};

/**
 * The audit scopes a role may witness (docs/who-sees-what.md, "The audit log's numbers"; the oracle's demoRoleWitnesses): each compartment
 * it reads, the set-up of a process it is in, its own reads, and — for those who read the process's
 * audit log — every member's reads. Any other scope answers like one that does not exist.
 */
async function scopeCases(
  env: Env,
  r: DemoRoleKey,
  url: (scope: string) => string,
): Promise<Case[]> {
  const other: DemoRoleKey = r === 'govHead' ? 'oppHead' : 'govHead';
  const userOf = async (k: DemoRoleKey) => (await actorOf(deps(env), emailOf(env, k))).userId;
  const ghost = url(`compartment:${randomUUID()}`);
  const processId = env.p.demo.processId;
  const witnesses = (scope: Parameters<typeof demoRoleWitnesses>[2]) =>
    readOutcome(demoRoleWitnesses(env.p.demo, r, scope));
  return [
    ...env.compartments.map((c) => ({
      label: `scope of ${c.kind}`,
      method: 'GET',
      url: url(`compartment:${c.id}`),
      expect: witnesses({ kind: 'compartment', compartment: c }),
      ghost,
    })),
    {
      label: 'set-up scope',
      method: 'GET',
      url: url(`process:${processId}`),
      expect: witnesses({ kind: 'process' }),
    },
    {
      label: 'own reads',
      method: 'GET',
      url: url(`member:${processId}:${await userOf(r)}`),
      expect: witnesses({ kind: 'member', of: r }),
    },
    {
      label: "another member's reads",
      method: 'GET',
      url: url(`member:${processId}:${await userOf(other)}`),
      expect: witnesses({ kind: 'member', of: other }),
      ghost,
    },
    {
      label: "another process's set-up",
      method: 'GET',
      url: url(`process:${env.other}`),
      expect: 'not_found',
      ghost,
    },
  ];
}

const statusFor: Record<Outcome, number[]> = {
  allowed: [200, 201],
  forbidden: [403],
  not_found: [404],
  rule: [422],
  conflict: [409],
  acknowledge: [403],
};
const [sqlite] = await testDatabases();

describe('the authorization matrix', () => {
  const p = useParley(sqlite!);
  let env: Env;
  const sessions = new Map<DemoRoleKey, Session>();
  beforeAll(async () => {
    const d = p.runtime.deps;
    const outsider = await createUser(d, {
      email: 'outsider@fixture.parley',
      displayName: 'Outsider',
      password: 'outsider-password',
      isAdmin: true,
    });
    const other = await createProcess(d, {
      actor: await actorOf(d, outsider.email),
      codename: 'OTHER',
      title: 'Not yours',
      requireTotp: false,
    });
    const { secret } = await createInvitation(d, {
      actor: await actorOf(d, outsider.email),
      processId: other.id,
      role: 'lead_mediator',
      partyId: null,
      inviteeLabel: 'x',
    });
    await acceptInvitation(d, {
      secret,
      ip: null,
      actor: null,
      newAccount: {
        email: 'other.lead@fixture.parley',
        displayName: 'Other lead',
        password: 'other-lead-password',
      },
    });
    const otherPlenary = (await d.db.transaction((s) => s.items.listCompartments(other.id))).find(
      (c) => c.kind === 'plenary',
    )!;
    const otherItem = await createNote(d, {
      actor: await actorOf(d, 'other.lead@fixture.parley'),
      processId: other.id,
      compartmentId: otherPlenary.id,
      title: 'other',
      body: 'other',
    });
    const joiner = await createUser(d, {
      email: 'joinable@fixture.parley',
      displayName: 'Joinable',
      password: 'joinable-password',
      isAdmin: true,
    });
    const joinable = await createProcess(d, {
      actor: await actorOf(d, joiner.email),
      codename: 'JOIN',
      title: 'Joinable',
      requireTotp: false,
    });
    const otherRound = await createRound(d, {
      actor: await actorOf(d, 'other.lead@fixture.parley'),
      processId: other.id,
      title: 'Other round',
      startsOn: '2019-06-01',
      endsOn: '2019-06-02',
      venue: 'elsewhere',
      rules: null,
      invitees: [],
    });
    const partial = {
      p,
      other: other.id,
      otherItem: otherItem.id,
      joinable: joinable.id,
      compartments: p.demo.compartments,
      otherRound: otherRound.round.id,
    };
    const demoRound = (await d.db.transaction((s) => s.rounds.findRound(p.demo.roundId)))!;
    await acknowledgeAll(partial as unknown as Env, demoRound.id, demoRound.rulesHash);
    const released = await freshCommunique(partial as unknown as Env, 'released');
    const statement = await logStatement(d, {
      actor: await actorOf(d, 'mediator@demo.parley'),
      processId: p.demo.processId,
      partyId: p.demo.parties.gov,
      roundId: null,
      agreedLineId: released.id,
      source: 'fixture',
      statedOn: '2019-05-30',
      text: 'fixture',
    });
    env = { ...partial, released, statement: statement.id };
    for (const r of demoRoleKeys) sessions.set(r, await p.session(r));
    // Every role has read something of the set-up, so its own audit scope has an entry to prove.
    for (const r of demoRoleKeys)
      await p.as(sessions.get(r)!, { method: 'GET', url: '/api/me/calendar.ics' });
  });

  it('covers every route of the route table', () => {
    const missing = routeTable.map((r) => `${r.method} ${r.url}`).filter((k) => !matrix[k]);
    expect(missing).toEqual([]);
  });

  it('answers every role on every route and compartment exactly as the policy says', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const def of routeTable) {
      const spec = matrix[`${def.method} ${def.url}`];
      if (!spec) continue;
      for (const role of demoRoleKeys) {
        for (const c of await spec(env, role)) {
          const account = env.p.demo.accounts.find((a) => a.key === role)!;
          const session = c.fresh
            ? await env.p.signIn(account.email, demoPassword)
            : sessions.get(role)!;
          const res = await env.p.as(def.auth === 'none' ? null : session, {
            method: c.method as 'GET',
            url: c.url,
            payload: c.payload as object,
          });
          checked++;
          const gated =
            res.statusCode === 403 && res.json().error?.code === 'ACKNOWLEDGEMENT_REQUIRED';
          if (
            !statusFor[c.expect].includes(res.statusCode) ||
            gated !== (c.expect === 'acknowledge')
          )
            mismatches.push(
              `${def.method} ${def.url} [${c.label}] as ${role}: expected ${c.expect}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
            );
          if (c.expect === 'not_found' && (c.subject || c.ghost)) {
            const ghost = await env.p.as(session, {
              method: c.method as 'GET',
              url: c.ghost ?? c.url.replace(c.subject ?? '', randomUUID()),
              payload: c.payload as object,
            });
            if (ghost.statusCode !== res.statusCode || ghost.body !== res.body)
              mismatches.push(
                `${def.method} ${def.url} [${c.label}] as ${role}: hidden answers ${res.body} but missing answers ${ghost.body}`,
              );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(400);
    // Thousands of requests, and more with every route: well past the default 30 s on a busy machine.
  }, 300_000);

  it('answers 401 on every signed-in route to an anonymous caller', async () => {
    for (const def of routeTable.filter((r) => r.auth === 'required' || r.auth === 'session')) {
      const url = def.url.replace(/:(\w+)/g, () => randomUUID());
      const res = await env.p.app.inject({
        method: def.method,
        url,
        payload: def.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${def.method} ${def.url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 403 to an API token on every route that manages sign-in methods or tokens', async () => {
    const { secret } = await createApiToken(deps(env), {
      actor: await actorFor(env, 'admin'),
      name: 'matrix',
    });
    const sessionOnly = routeTable.filter((r) => r.auth === 'session');
    expect(sessionOnly.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['POST /api/me/tokens', 'DELETE /api/account/passkeys/:passkeyId']),
    );
    for (const def of sessionOnly) {
      const res = await env.p.app.inject({
        method: def.method,
        url: def.url.replace(/:(\w+)/g, () => randomUUID()),
        headers: { authorization: `Bearer ${secret}` },
        payload: def.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${def.method} ${def.url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });
});
