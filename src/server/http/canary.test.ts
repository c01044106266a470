/**
 * The canary test: a unique string is planted in every compartment of the demo — in notes,
 * private positions, proposals, amendments, published versions and the working draft — and
 * further canaries in threads and messages (a shuttle relay among them), communiqué drafts and
 * releases, sessions, minutes and objections to them, consultation answers and public statements,
 * evidence files (their names and bytes), a theme renamed after its release and one removed, and
 * in a round's venue. Every demo role then reads through every GET route of the API (lists,
 * searches, single items, the record, the text and its versions, diffs, exports, verification,
 * amendments, analysis, rounds, threads, communiqués, the calendar, audit, errors). Each canary
 * must appear exactly where that role may see its compartment, and the venue only to the round's
 * invitees.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Compartment } from '../../core/access/compartments.js';
import { createNote } from '../../core/usecases/items/create-note.js';
import { editWorkingText } from '../../core/usecases/text/edit-working-text.js';
import { proposeAmendment } from '../../core/usecases/text/propose-amendment.js';
import { publishVersion } from '../../core/usecases/text/publish-version.js';
import { recordPosition } from '../../core/usecases/record/record-position.js';
import { tableProposal } from '../../core/usecases/record/table-proposal.js';
import { asId } from '../../core/shared/ids.js';
import { acknowledgeRound } from '../../core/usecases/rounds/acknowledge-round.js';
import { approveCommunique } from '../../core/usecases/communiques/approve-communique.js';
import { approveMinutes } from '../../core/usecases/rounds/approve-minutes.js';
import { objectToMinutes } from '../../core/usecases/rounds/object-to-minutes.js';
import { changeRoundStatus } from '../../core/usecases/rounds/change-round-status.js';
import { circulateCommunique } from '../../core/usecases/communiques/circulate-communique.js';
import { createRound } from '../../core/usecases/rounds/create-round.js';
import { draftCommunique } from '../../core/usecases/communiques/draft-communique.js';
import { logStatement } from '../../core/usecases/communiques/log-statement.js';
import { relayMessage } from '../../core/usecases/messages/relay-message.js';
import { releaseCommunique } from '../../core/usecases/communiques/release-communique.js';
import { withdrawCommunique } from '../../core/usecases/communiques/withdraw-communique.js';
import { respondToConsultation } from '../../core/usecases/rounds/respond-to-consultation.js';
import { scheduleSession } from '../../core/usecases/rounds/schedule-session.js';
import { startThread } from '../../core/usecases/messages/start-thread.js';
import { writeMinutes } from '../../core/usecases/rounds/write-minutes.js';
import { savePreferences } from '../../core/usecases/analysis/save-preferences.js';
import { submitPreferences } from '../../core/usecases/analysis/submit-preferences.js';
import { addArticle } from '../../core/usecases/media/add-article.js';
import { confirmStatement } from '../../core/usecases/media/confirm-statement.js';
import { registerActor } from '../../core/usecases/media/register-actor.js';
import { addFeed } from '../../core/usecases/media/add-feed.js';
import { demoRoleKeys, type DemoRoleKey } from '../demo/seed.js';
import { actorOf } from '../test-support/actors.js';
import { testDatabases } from '../test-support/databases.js';
import { useParley } from '../test-support/harness.js';
import {
  demoRoleKnowsSeat,
  demoRoleReads,
  demoRoleSeesVenue,
  partyKey,
} from '../test-support/oracle.js';
import { acceptInvitation } from '../../core/usecases/process/accept-invitation.js';
import { createInvitation } from '../../core/usecases/process/create-invitation.js';
import { createCommitments } from '../../core/usecases/implementation/create-commitments.js';
import { importImplementation } from '../../core/usecases/implementation/import-implementation.js';
import { submitEvidence } from '../../core/usecases/implementation/submit-evidence.js';
import { submitEvidenceFile } from '../../core/usecases/implementation/submit-evidence-file.js';
import { releaseEvidence } from '../../core/usecases/implementation/release-evidence.js';
import { setLevel } from '../../core/usecases/implementation/set-level.js';
import { verifyLevel } from '../../core/usecases/implementation/verify-level.js';
import { defineTheme } from '../../core/usecases/implementation/define-theme.js';
import { editTheme } from '../../core/usecases/implementation/edit-theme.js';
import { removeTheme } from '../../core/usecases/implementation/remove-theme.js';
import { releasePublicPicture } from '../../core/usecases/implementation/release-public-picture.js';
import { routeTable } from './app.js';

const [sqlite] = await testDatabases();

/** A canary per compartment and kind of material: its compartment and the string. */
interface Canary {
  compartment: Compartment;
  value: string;
  /** What carries it: notes and the record, messages, communiqués, round material. */
  what: 'note' | 'message' | 'communique' | 'round' | 'rating' | 'media' | 'implementation';
}

describe('canaries planted in every compartment', () => {
  const p = useParley(sqlite!);
  const canaries: Canary[] = [];
  const crawled = new Set<string>();
  const seen = new Map<DemoRoleKey, string>();
  let publicSlug = '';
  const venueCanary = `VENUECANARY${randomUUID().slice(0, 8)}`;
  const seatCanary = `SEATCANARY${randomUUID().slice(0, 8)}`;
  const removedThemeCanary = `REMOVEDTHEMECANARY${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    const d = p.runtime.deps;
    const processId = p.demo.processId;
    const email = (r: DemoRoleKey) => p.demo.accounts.find((a) => a.key === r)!.email;
    const actor = async (r: DemoRoleKey) => actorOf(d, email(r));
    const issue = p.demo.issues[0]!;
    const lead = await actor('leadMediator');
    // A seat in the government's delegation, offered by the facilitator and awaiting the head's
    // consent: the name of the person offered it is the canary.
    const offered = await createInvitation(d, {
      actor: await actor('admin'),
      processId,
      role: 'delegate',
      partyId: p.demo.parties.gov,
      inviteeLabel: 'seat canary',
    });
    await acceptInvitation(d, {
      secret: offered.secret,
      ip: null,
      actor: null,
      newAccount: {
        email: `${randomUUID()}@canary.parley`,
        displayName: `Delegate ${seatCanary}`,
        password: 'seat-canary-password',
      },
    });
    for (const c of p.demo.compartments) {
      const label = c.partyId ? `${c.kind}-${partyKey(p.demo, c)}` : c.kind;
      const value = `CANARY${label.replace('-', '')}${randomUUID().slice(0, 8)}`;
      canaries.push({ compartment: c, value, what: 'note' });
      const writer: DemoRoleKey = c.partyId
        ? (`${partyKey(p.demo, c)}Head` as DemoRoleKey)
        : 'leadMediator';
      await createNote(d, {
        actor: await actor(writer),
        processId,
        compartmentId: c.id,
        title: `Note ${value}`,
        body: `Body ${value}`,
      });
      if (c.kind === 'caucus')
        await recordPosition(d, {
          actor: await actor(writer),
          processId,
          issueId: issue.id,
          optionId: null,
          text: `Position ${value}`,
        });
      if (c.kind === 'plenary' || c.kind === 'bilateral' || c.kind === 'mediators') {
        await tableProposal(d, {
          actor: c.kind === 'bilateral' ? await actor(writer) : lead,
          processId,
          compartmentId: c.id,
          round: 4,
          terms: [{ issueId: issue.id, optionId: issue.options[1]!.id }],
          note: `Proposal ${value}`,
          respondsTo: null,
        });
        const revision =
          (await d.db.transaction((s) => s.text.findDraft(processId)))?.revision ?? 0;
        await publishVersion(d, {
          actor: lead,
          processId,
          baseRevision: revision,
          note: `Version ${value}`,
          distribution:
            c.kind === 'plenary'
              ? { to: 'all' }
              : c.kind === 'mediators'
                ? { to: 'mediators' }
                : { to: 'party', partyId: asId(c.partyId!) },
        });
      }
      if (c.kind === 'bilateral')
        await proposeAmendment(d, {
          actor: await actor(writer),
          processId,
          provision: asId('p-campaign'),
          change: { kind: 'insert', at: { position: 'end' }, wording: 'as agreed' },
          note: `Amendment ${value}`,
        });
    }
    // The working draft lives in the mediators' room: its title carries that room's canary.
    const room = canaries.find((c) => c.compartment.kind === 'mediators')!;
    const revision = (await d.db.transaction((s) => s.text.findDraft(processId)))?.revision ?? 0;
    await editWorkingText(d, {
      actor: lead,
      processId,
      baseRevision: revision,
      edit: { kind: 'retitle', title: `Draft ${room.value}` },
    });

    // ---- Ratings: a submission's reservation, distinctive digits, in each party's caucus ------
    // The draft goes back to its old value afterwards, so only the submission holds the canary
    // (a suggestion set published from it would show the party its own number, as it may).
    for (const key of ['gov', 'opp'] as const) {
      const caucus = p.demo.compartments.find(
        (c) => c.kind === 'caucus' && c.partyId === p.demo.parties[key],
      )!;
      const head = await actor(`${key}Head`);
      const value = `${key === 'gov' ? 37 : 29}.${String(Math.floor(Math.random() * 9e5) + 1e5)}1`;
      canaries.push({ compartment: caucus, value, what: 'rating' });
      const before = await d.db.transaction(async (s) =>
        s.preferences.find(
          processId,
          p.demo.parties[key],
          p.demo.compartments.map((c) => c.id),
        ),
      );
      const entry = (reservation: number) => ({
        kind: 'numbers' as const,
        weights: before!.weights,
        scores: before!.scores,
        reservation,
      });
      const saved = await savePreferences(d, {
        actor: head,
        processId,
        baseRevision: before!.revision,
        entry: entry(Number(value)),
      });
      await submitPreferences(d, { actor: head, processId, revision: saved.preferences.revision });
      await savePreferences(d, {
        actor: head,
        processId,
        baseRevision: saved.preferences.revision,
        entry: entry(before!.reservation),
      });
    }

    // ---- Rounds, messages and communiqués ----------------------------------------------------
    const canaryFor = (c: Compartment, what: Canary['what']) => {
      const label = c.partyId ? `${c.kind}${partyKey(p.demo, c)}` : c.kind;
      const value = `${what.toUpperCase()}CANARY${label}${randomUUID().slice(0, 8)}`;
      canaries.push({ compartment: c, value, what });
      return value;
    };
    const of = (kind: Compartment['kind'], party?: 'gov' | 'opp') =>
      p.demo.compartments.find(
        (c) => c.kind === kind && (party === undefined || c.partyId === p.demo.parties[party]),
      )!;
    const writerOf = (c: Compartment): DemoRoleKey =>
      c.partyId ? (`${partyKey(p.demo, c)}Head` as DemoRoleKey) : 'leadMediator';
    const venueRound = await createRound(d, {
      actor: lead,
      processId,
      title: 'Round with a canary venue',
      startsOn: '2019-06-10',
      endsOn: '2019-06-12',
      venue: `Venue ${venueCanary}`,
      rules: null,
      invitees: p.demo.roundInvitees.map((k) => p.demo.accounts.find((a) => a.key === k)!.userId),
    });
    for (const roundId of [p.demo.roundId, venueRound.round.id]) {
      const round = (await d.db.transaction((s) => s.rounds.findRound(roundId)))!;
      for (const role of demoRoleKeys)
        await acknowledgeRound(d, {
          actor: await actor(role),
          processId,
          roundId,
          rulesHash: round.rulesHash,
        });
    }
    // Threads and messages in every compartment; a shuttle relay from one channel to the other.
    const firstMessages = new Map<string, string>();
    const threadIn = new Map<string, string>();
    for (const c of p.demo.compartments) {
      const value = canaryFor(c, 'message');
      const t = await startThread(d, {
        actor: await actor(writerOf(c)),
        processId,
        compartmentId: c.id,
        title: `Thread ${value}`,
        body: `Message ${value}`,
        sessionId: null,
      });
      firstMessages.set(c.id, t.message.id);
      threadIn.set(c.id, t.thread.id);
    }
    const oppMessage = canaries.find(
      (x) => x.what === 'message' && x.compartment.id === of('bilateral', 'opp').id,
    )!;
    await relayMessage(d, {
      actor: await actor('mediator'),
      processId,
      messageId: asId(firstMessages.get(of('bilateral', 'gov').id)!),
      toThreadId: asId(threadIn.get(of('bilateral', 'opp').id)!),
      body: `Reworded for the other side ${oppMessage.value}`,
    });
    // Communiqués: a draft in the mediators' room, a circulated draft and an embargoed release in
    // the plenary, a release without embargo in public.
    const mediator = await actor('mediator');
    const draft = async (value: string, embargoUntil: string | null = null) =>
      draftCommunique(d, {
        actor: mediator,
        processId,
        kind: 'communique',
        title: `Communiqué ${value}`,
        text: `Wording ${value}`,
        embargoUntil,
        roundId: null,
      });
    const approveAndRelease = async (c: { id: typeof roomDraft.id; hash: string }) => {
      await circulateCommunique(d, { actor: lead, processId, communiqueId: c.id, hash: c.hash });
      for (const r of ['govHead', 'oppHead', 'leadMediator'] as const)
        await approveCommunique(d, {
          actor: await actor(r),
          processId,
          communiqueId: c.id,
          hash: c.hash,
        });
      await releaseCommunique(d, { actor: lead, processId, communiqueId: c.id, hash: c.hash });
    };
    const roomDraft = await draft(canaryFor(of('mediators'), 'communique'));
    void roomDraft;
    const plenaryValue = canaryFor(of('plenary'), 'communique');
    const circulated = await draft(plenaryValue);
    await circulateCommunique(d, {
      actor: lead,
      processId,
      communiqueId: circulated.id,
      hash: circulated.hash,
    });
    await approveAndRelease(await draft(plenaryValue, '2099-01-01T00:00:00Z'));
    // Releases in their undo window: one still held, one withdrawn; neither is public.
    for (const withdraw of [false, true]) {
      const c = await draft(plenaryValue);
      await circulateCommunique(d, { actor: lead, processId, communiqueId: c.id, hash: c.hash });
      for (const r of ['govHead', 'oppHead', 'leadMediator'] as const)
        await approveCommunique(d, {
          actor: await actor(r),
          processId,
          communiqueId: c.id,
          hash: c.hash,
        });
      await releaseCommunique(d, {
        actor: lead,
        processId,
        communiqueId: c.id,
        hash: c.hash,
        holdMinutes: 30,
      });
      if (withdraw)
        await withdrawCommunique(d, { actor: lead, processId, communiqueId: c.id, hash: c.hash });
    }
    const released = await draft(canaryFor(of('public'), 'communique'));
    await approveAndRelease(released);
    // Round material: sessions, minutes, a consultation and its answers, a public statement.
    const roundId = p.demo.roundId;
    const plenaryRound = canaryFor(of('plenary'), 'round');
    const session = await scheduleSession(d, {
      actor: lead,
      processId,
      roundId,
      format: 'plenary',
      partyId: null,
      title: `Session ${plenaryRound}`,
      startsAt: '2019-05-28T07:00:00Z',
      endsAt: '2019-05-28T09:00:00Z',
      agenda: [],
    });
    for (const party of ['gov', 'opp'] as const) {
      await scheduleSession(d, {
        actor: await actor(`${party}Head`),
        processId,
        roundId,
        format: 'caucus',
        partyId: p.demo.parties[party],
        title: `Caucus ${canaryFor(of('caucus', party), 'round')}`,
        startsAt: '2019-05-28T10:00:00Z',
        endsAt: '2019-05-28T11:00:00Z',
        agenda: [],
      });
      await scheduleSession(d, {
        actor: lead,
        processId,
        roundId,
        format: 'bilateral',
        partyId: p.demo.parties[party],
        title: `Bilateral ${canaryFor(of('bilateral', party), 'round')}`,
        startsAt: '2019-05-28T12:00:00Z',
        endsAt: '2019-05-28T13:00:00Z',
        agenda: [],
      });
    }
    const minutes = (kind: 'mediators' | 'plenary', text: string) =>
      writeMinutes(d, {
        actor: mediator,
        processId,
        roundId,
        sessionId: session.session.id,
        kind,
        baseRevision: 0,
        text,
      });
    await minutes('mediators', `Minutes ${canaryFor(of('mediators'), 'round')}`);
    const plenaryMinutes = await minutes('plenary', `Minutes ${plenaryRound}`);
    await approveMinutes(d, {
      actor: await actor('govHead'),
      processId,
      roundId,
      sessionId: session.session.id,
      kind: 'plenary',
      hash: plenaryMinutes.hash,
    });
    // The opposition asks for a change: its comment is for the mediator team and its own
    // delegation (the audience of its bilateral channel); the government sees only that it said no.
    await objectToMinutes(d, {
      actor: await actor('oppHead'),
      processId,
      roundId,
      sessionId: session.session.id,
      kind: 'plenary',
      hash: plenaryMinutes.hash,
      objection: 'change_requested',
      comment: `Objection ${canaryFor(of('bilateral', 'opp'), 'round')}`,
    });
    await changeRoundStatus(d, {
      actor: lead,
      processId,
      roundId,
      to: 'in_consultations',
      consultation: {
        subject: `Consulted on ${plenaryRound}`,
        deadline: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    for (const party of ['gov', 'opp'] as const) {
      const value = canaries.find(
        (x) => x.what === 'round' && x.compartment.id === of('bilateral', party).id,
      )!.value;
      await respondToConsultation(d, {
        actor: await actor(`${party}Head`),
        processId,
        roundId,
        kind: 'counter_text',
        text: `Counter-text ${value}`,
      });
    }
    await logStatement(d, {
      actor: mediator,
      processId,
      partyId: p.demo.parties.gov,
      roundId,
      agreedLineId: released.id,
      source: `Source ${plenaryRound}`,
      statedOn: '2019-05-30',
      text: `Statement ${plenaryRound}`,
    });
    // Actors, articles and confirmed statements in every compartment: names, aliases, notes,
    // article texts and quotes carry the canary.
    const mediaIds: { actors: string[]; articles: string[] } = { actors: [], articles: [] };
    for (const c of p.demo.compartments) {
      const label = c.partyId ? `${c.kind}-${partyKey(p.demo, c)}` : c.kind;
      const value = `MEDIACANARY${label.replace('-', '')}${randomUUID().slice(0, 8)}`;
      canaries.push({ compartment: c, value, what: 'media' });
      const writer = await actor(
        c.partyId ? (`${partyKey(p.demo, c)}Head` as DemoRoleKey) : 'leadMediator',
      );
      const registered = await registerActor(d, {
        actor: writer,
        processId,
        compartmentId: c.id,
        name: `Ana ${value}`,
        kind: 'person',
        role: 'critic',
        reason: `Reason ${value}`,
        aliases: [{ text: `Alias ${value}`, language: null }],
        notes: `Notes ${value}`,
      });
      const article = await addArticle(d, {
        actor: writer,
        processId,
        compartmentId: c.id,
        title: `Title ${value}`,
        text: `«No vamos a ceder ahora ${value}», dijo Ana ${value} en Caracas.`,
        outlet: `Outlet ${value}`,
      });
      await confirmStatement(d, {
        actor: writer,
        processId,
        actorId: registered.id,
        quote: `No vamos a ceder ahora ${value}`,
        statedOn: '2019-07-08',
        stance: 'critic',
        articleId: article.id,
      });
      mediaIds.actors.push(registered.id);
      mediaIds.articles.push(article.id);
      // A feed followed into the compartment: its address and name carry the canary.
      await addFeed(d, {
        actor: writer,
        processId,
        compartmentId: c.id,
        url: `https://example.org/${value}.xml`,
        title: `Feed ${value}`,
      });
    }
    // ---- Implementation: a commitment, its level and a dispute in the plenary; evidence kept in
    // the government's caucus and in the mediators' room, unreleased.
    const [commitment] = await createCommitments(d, {
      actor: lead,
      processId,
      versionNumber: 2,
      commitments: [
        {
          provisionKey: 'p-humanitarian',
          wording: `Commitment ${canaryFor(of('plenary'), 'implementation')}`,
          externalId: null,
          responsiblePartyIds: [p.demo.parties.gov],
          startsOn: '2026-01-01',
          deadline: '2026-12-31',
          recurrence: 'none',
          provisionType: 'human_rights',
          themeCode: null,
          weight: 1,
        },
      ],
    });
    const evidenceBy = async (r: DemoRoleKey, text: string) =>
      (
        await submitEvidence(d, {
          actor: await actor(r),
          processId,
          commitmentId: commitment!.id,
          kind: 'report',
          text,
          url: null,
          observedOn: '2026-02-01',
          source: text,
          sha256: null,
        })
      ).evidence;
    await evidenceBy('govDelegate', `Evidence ${canaryFor(of('caucus', 'gov'), 'implementation')}`);
    await evidenceBy('mediator', `Evidence ${canaryFor(of('mediators'), 'implementation')}`);
    const releasedEvidence = await evidenceBy(
      'mediator',
      `Evidence ${canaryFor(of('plenary'), 'implementation')}`,
    );
    await releaseEvidence(d, { actor: lead, processId, evidenceId: releasedEvidence.id });
    // Files as evidence: one canary in the file's name, another in its bytes, in the government's
    // caucus, in the mediators' room and, released, in the plenary.
    const fileBy = async (r: DemoRoleKey, c: Compartment) =>
      (
        await submitEvidenceFile(d, {
          actor: await actor(r),
          processId,
          commitmentId: commitment!.id,
          fileName: `Scan ${canaryFor(c, 'implementation')}.txt`,
          content: new TextEncoder().encode(`Field notes ${canaryFor(c, 'implementation')}`),
          text: '',
          observedOn: '2026-02-01',
          source: 'canary',
          maxBytes: 1024 * 1024,
        })
      ).evidence;
    const files = [
      await fileBy('govDelegate', of('caucus', 'gov')),
      await fileBy('mediator', of('mediators')),
      await fileBy('mediator', of('plenary')),
    ];
    await releaseEvidence(d, { actor: lead, processId, evidenceId: files[2]!.id });
    const entry = await setLevel(d, {
      actor: lead,
      processId,
      commitmentId: commitment!.id,
      level: 1,
      effectiveOn: '2026-02-01',
      evidenceIds: [releasedEvidence.id],
      note: `Level ${canaryFor(of('plenary'), 'implementation')}`,
    });
    await verifyLevel(d, {
      actor: await actor('observer'),
      processId,
      commitmentId: commitment!.id,
      entryId: entry.id,
      verdict: 'disputed',
      reason: `Dispute ${canaryFor(of('plenary'), 'implementation')}`,
    });
    // An imported level history (a run): its notes, sources and links carry plenary canaries.
    await importImplementation(d, {
      actor: lead,
      processId,
      commitmentsCsv:
        'external_id,provision_type,theme,wording,responsible,starts_on,deadline,recurrence,weight,version,provision\n' +
        `RUN-1,ceasefire,,Imported ${canaryFor(of('plenary'), 'implementation')},GOV,2026-01-01,2026-12-31,none,1,,`,
      levelsCsv: [
        'external_id,effective_on,level,note,evidence_source,evidence_url,evidence_sha256',
        `RUN-1,2026-02-01,1,Run ${canaryFor(of('plenary'), 'implementation')},Team ${canaryFor(of('plenary'), 'implementation')},,${'a'.repeat(64)}`,
        `RUN-1,2026-03-01,2,Run ${canaryFor(of('plenary'), 'implementation')},Team,https://example.org/${canaryFor(of('plenary'), 'implementation')},${'b'.repeat(64)}`,
      ].join('\n'),
    });
    // The public accountability page: one theme released, whose commitment carries a public
    // canary; the plenary's commitment above (no theme) stays off the page.
    await defineTheme(d, {
      actor: lead,
      processId,
      code: 'PUB',
      name: `Theme ${canaryFor(of('public'), 'implementation')}`,
      parentCode: null,
      pamType: null,
      paxCode: null,
    });
    await createCommitments(d, {
      actor: lead,
      processId,
      versionNumber: 2,
      commitments: [
        {
          provisionKey: 'p-humanitarian',
          wording: `Commitment ${canaryFor(of('public'), 'implementation')}`,
          externalId: 'public-1',
          responsiblePartyIds: [p.demo.parties.gov],
          startsOn: '2026-01-01',
          deadline: '2026-12-31',
          recurrence: 'none',
          provisionType: 'human_rights',
          themeCode: 'PUB',
          weight: 1,
        },
      ],
    });
    const publication = await releasePublicPicture(d, {
      actor: lead,
      processId,
      title: `Page ${canaryFor(of('public'), 'implementation')}`,
      parts: { themes: ['PUB'], commitments: true, progress: true },
    });
    publicSlug = publication.slug;
    // After the release the released theme is renamed in the plenary: the page keeps the name it
    // was released with, and the new one reaches only those who read the plenary.
    const releasedTheme = (
      await d.db.transaction((s) => s.implementation.listThemes(processId, [of('plenary').id]))
    ).find((t) => t.code === 'PUB')!;
    const opened = {
      name: releasedTheme.name,
      parentCode: releasedTheme.parentCode,
      pamType: releasedTheme.pamType,
      paxCode: releasedTheme.paxCode,
    };
    await editTheme(d, {
      actor: lead,
      processId,
      themeId: releasedTheme.id,
      fields: { ...opened, name: `Theme ${canaryFor(of('plenary'), 'implementation')}` },
      base: opened,
    });
    // A theme defined and removed: its name reaches nobody afterwards.
    const removed = await defineTheme(d, {
      actor: lead,
      processId,
      code: 'GONE',
      name: `Theme ${removedThemeCanary}`,
      parentCode: null,
      pamType: null,
      paxCode: null,
    });
    await removeTheme(d, { actor: lead, processId, themeId: removed.id });
    const versions = (
      await d.db.transaction((s) =>
        s.text.listVersions(
          processId,
          p.demo.compartments.map((c) => c.id),
        ),
      )
    ).map((v) => v.number);
    const notes = await d.db.transaction((s) =>
      s.items.listItems({ processId, visible: p.demo.compartments.map((c) => c.id), limit: 500 }),
    );
    const threads = await d.db.transaction((s) =>
      s.messages.listThreads({ processId, visible: p.demo.compartments.map((c) => c.id) }),
    );
    // Every audit scope of the process: each compartment's, the set-up's, and each member's reads.
    const scopes = (
      await p.runtime.database.db
        .selectFrom('audit_log')
        .select('scope')
        .where('process_id', '=', processId)
        .groupBy('scope')
        .execute()
    ).map((r) => r.scope ?? '');
    const P = `/api/processes/${processId}`;
    const urls: Array<[string, string]> = [
      ['/api/session', '/api/session'],
      ['/api/me/tokens', '/api/me/tokens'],
      ['/api/account/passkeys', '/api/account/passkeys'],
      ['/api/processes', '/api/processes'],
      ['/api/processes/:processId', P],
      ['/api/processes/:processId/invitations', `${P}/invitations`],
      ['/api/processes/:processId/items', `${P}/items`],
      ['/api/processes/:processId/items', `${P}/items?q=CANARY`],
      ['/api/processes/:processId/search', `${P}/search?q=CANARY`],
      ...p.demo.compartments.map((c): [string, string] => [
        '/api/processes/:processId/items',
        `${P}/items?compartmentId=${c.id}`,
      ]),
      ...notes.map((n): [string, string] => [
        '/api/processes/:processId/items/:itemId',
        `${P}/items/${n.id}`,
      ]),
      ['/api/processes/:processId/items/:itemId', `${P}/items/${randomUUID()}`],
      ...p.demo.compartments.map((c): [string, string] => [
        '/api/processes/:processId/compartments/:compartmentId/audience',
        `${P}/compartments/${c.id}/audience`,
      ]),
      ['/api/processes/:processId/audit', `${P}/audit?limit=500`],
      ['/api/processes/:processId/record', `${P}/record`],
      ['/api/processes/:processId/text', `${P}/text`],
      ['/api/processes/:processId/text/versions', `${P}/text/versions`],
      ...versions.flatMap((n): Array<[string, string]> => [
        ['/api/processes/:processId/text/versions/:number', `${P}/text/versions/${n}`],
        ['/api/processes/:processId/text/diff', `${P}/text/diff?from=1&to=${n}`],
        [
          '/api/processes/:processId/text/versions/:number/export',
          `${P}/text/versions/${n}/export?format=txt`,
        ],
        [
          '/api/processes/:processId/text/versions/:number/verification',
          `${P}/text/versions/${n}/verification`,
        ],
      ]),
      ['/api/processes/:processId/amendments', `${P}/amendments`],
      ['/api/processes/:processId/preferences', `${P}/preferences`],
      ['/api/processes/:processId/preferences/submissions', `${P}/preferences/submissions`],
      ['/api/processes/:processId/analysis', `${P}/analysis`],
      ['/api/processes/:processId/suggestion-sets', `${P}/suggestion-sets`],
      ...scopes.flatMap((scope): Array<[string, string]> => [
        ['/api/audit/tree-head', `/api/audit/tree-head?scope=${scope}`],
        ['/api/audit/consistency', `/api/audit/consistency?scope=${scope}&from=1&to=1`],
        ['/api/audit/inclusion', `/api/audit/inclusion?scope=${scope}&seq=1`],
      ]),
      ['/api/processes/:processId/access-changes', `${P}/access-changes`],
      ['/api/processes/:processId/seats', `${P}/seats`],
      ['/api/processes/:processId/rounds', `${P}/rounds`],
      ['/api/processes/:processId/rounds/:roundId', `${P}/rounds/${p.demo.roundId}`],
      ['/api/processes/:processId/rounds/:roundId', `${P}/rounds/${venueRound.round.id}`],
      ['/api/processes/:processId/rounds/:roundId', `${P}/rounds/${randomUUID()}`],
      ['/api/processes/:processId/threads', `${P}/threads`],
      ...p.demo.compartments.map((c): [string, string] => [
        '/api/processes/:processId/threads',
        `${P}/threads?compartmentId=${c.id}`,
      ]),
      ...threads.map((t): [string, string] => [
        '/api/processes/:processId/threads/:threadId',
        `${P}/threads/${t.id}`,
      ]),
      ['/api/processes/:processId/threads/:threadId', `${P}/threads/${randomUUID()}`],
      ['/api/processes/:processId/communiques', `${P}/communiques`],
      ['/api/processes/:processId/implementation', `${P}/implementation`],
      [
        '/api/processes/:processId/implementation/commitments/:commitmentId',
        `${P}/implementation/commitments/${commitment!.id}`,
      ],
      [
        '/api/processes/:processId/implementation/commitments/:commitmentId',
        `${P}/implementation/commitments/${randomUUID()}`,
      ],
      ...[...files.map((f) => f.id), randomUUID()].map((id): [string, string] => [
        '/api/processes/:processId/implementation/evidence/:evidenceId/file',
        `${P}/implementation/evidence/${id}/file`,
      ]),
      ['/api/processes/:processId/implementation/progress', `${P}/implementation/progress`],
      ...['commitments.csv', 'levels.csv', 'json'].map((f): [string, string] => [
        '/api/processes/:processId/implementation/export',
        `${P}/implementation/export?format=${f}`,
      ]),
      ['/api/processes/:processId/implementation/publication', `${P}/implementation/publication`],
      ['/api/public/implementation/:slug', `/api/public/implementation/${publicSlug}`],
      ['/api/me/calendar.ics', '/api/me/calendar.ics'],
      ['/api/processes/:processId/actors', `${P}/actors`],
      ...mediaIds.actors.map((id): [string, string] => [
        '/api/processes/:processId/actors/:actorId',
        `${P}/actors/${id}`,
      ]),
      ['/api/processes/:processId/actors/:actorId', `${P}/actors/${randomUUID()}`],
      ...mediaIds.articles.map((id): [string, string] => [
        '/api/processes/:processId/articles/:articleId',
        `${P}/articles/${id}`,
      ]),
      ['/api/processes/:processId/articles/:articleId', `${P}/articles/${randomUUID()}`],
      ['/api/processes/:processId/media', `${P}/media`],
      ['/api/processes/:processId/media', `${P}/media?language=es`],
      ['/api/processes/:processId/feeds', `${P}/feeds`],
    ];
    for (const role of demoRoleKeys) {
      const session = await p.session(role);
      let all = '';
      for (const [route, url] of urls) {
        crawled.add(route);
        const res = await p.as(session, { method: 'GET', url });
        // iCalendar folds long lines; unfold so a canary split across two lines is still found.
        all += `\n${res.body.replace(/\r\n[ \t]/g, '')}`;
      }
      seen.set(role, all);
    }
    // Planting and reading every compartment as every role is long on a shared, busy machine.
  }, 240_000);

  it('crawls every GET route of the route table that reads a process', () => {
    const skipped = [
      '/api/invitations/:secret', // reached with an invitation's secret only: it shows the codename
      '/metrics', // the operator's token only; metrics.test.ts plants canaries and reads it
    ];
    const missing = routeTable
      .filter((r) => r.method === 'GET' && !skipped.includes(r.url))
      .map((r) => r.url)
      .filter((url) => !crawled.has(url));
    expect(missing).toEqual([]);
  });

  it('shows each canary to exactly the roles that may read its compartment', () => {
    const wrong: string[] = [];
    for (const role of demoRoleKeys) {
      const body = seen.get(role) ?? '';
      for (const c of canaries) {
        const may = demoRoleReads(p.demo, role, c.compartment);
        const found = body.includes(c.value);
        if (may !== found)
          wrong.push(
            `${role} ${found ? 'sees' : 'misses'} the ${c.compartment.kind} ${c.what} canary${c.compartment.partyId ? ` of ${partyKey(p.demo, c.compartment)}` : ''}`,
          );
      }
    }
    expect(wrong).toEqual([]);
    expect(canaries.filter((c) => c.what === 'message')).toHaveLength(p.demo.compartments.length);
  });

  it('shows anyone without an account the public canaries of the released page and nothing else', async () => {
    const res = await p.app.inject({
      method: 'GET',
      url: `/api/public/implementation/${publicSlug}`,
    });
    expect(res.statusCode).toBe(200);
    const wrong = canaries
      .filter(
        (c) =>
          res.body.includes(c.value) !==
          (c.compartment.kind === 'public' && c.what === 'implementation'),
      )
      .map((c) => `${c.compartment.kind} ${c.what}`);
    expect(wrong).toEqual([]);
  });

  it('shows nobody the name of a theme that was removed', () => {
    const wrong = demoRoleKeys.filter((role) =>
      (seen.get(role) ?? '').includes(removedThemeCanary),
    );
    expect(wrong).toEqual([]);
  });

  it('shows a seat awaiting a party’s consent only to those who may know of it', () => {
    const wrong = demoRoleKeys.filter(
      (role) => (seen.get(role) ?? '').includes(seatCanary) !== demoRoleKnowsSeat(role, 'gov'),
    );
    expect(wrong).toEqual([]);
    expect(seen.get('govHead')).toContain(seatCanary);
  });

  it('shows the canary venue only to those invited to the round', () => {
    const wrong = demoRoleKeys.filter(
      (role) => (seen.get(role) ?? '').includes(venueCanary) !== demoRoleSeesVenue(p.demo, role),
    );
    expect(wrong).toEqual([]);
  });
});
