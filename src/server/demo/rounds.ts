/**
 * The demo's round of talks in Oslo, May 2019, with its sessions, minutes, threads, a shuttle
 * relay, a released joint communiqué and a press line still awaiting approval. The dates follow
 * the public facts (a second meeting in Norway that month, planned to last until Wednesday); the
 * venue's details, every session, message, minute and wording are invented and marked as such.
 */
import type { Actor } from '../../core/access/policy.js';
import type { Compartment } from '../../core/access/compartments.js';
import type { Deps } from '../../core/ports.js';
import type { AgendaIssue } from '../../core/record/model.js';
import type { PartyId, ProcessId, RoundId, UserId } from '../../core/shared/ids.js';
import { acknowledgeRound } from '../../core/usecases/rounds/acknowledge-round.js';
import { approveCommunique } from '../../core/usecases/communiques/approve-communique.js';
import { approveMinutes } from '../../core/usecases/rounds/approve-minutes.js';
import { changeRoundStatus } from '../../core/usecases/rounds/change-round-status.js';
import { circulateCommunique } from '../../core/usecases/communiques/circulate-communique.js';
import { createRound } from '../../core/usecases/rounds/create-round.js';
import { draftCommunique } from '../../core/usecases/communiques/draft-communique.js';
import { logStatement } from '../../core/usecases/communiques/log-statement.js';
import { postMessage } from '../../core/usecases/messages/post-message.js';
import { raiseDivergence } from '../../core/usecases/communiques/raise-divergence.js';
import { recordAttendance } from '../../core/usecases/rounds/record-attendance.js';
import { relayMessage } from '../../core/usecases/messages/relay-message.js';
import { releaseCommunique } from '../../core/usecases/communiques/release-communique.js';
import { scheduleSession } from '../../core/usecases/rounds/schedule-session.js';
import { startThread } from '../../core/usecases/messages/start-thread.js';
import { writeMinutes } from '../../core/usecases/rounds/write-minutes.js';

/** The venue: the city is public; the rest is invented, and only invitees ever see it. */
export const demoVenue = (mark: string) =>
  `Oslo — a government guesthouse outside the city (venue withheld from non-invitees) ${mark}`;

/** Creates the Oslo round and everything in it; returns the round's id. */
export async function seedDemoRounds(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  input: {
    processId: ProcessId;
    parties: { gov: PartyId; opp: PartyId };
    compartments: readonly Compartment[];
    issues: readonly AgendaIssue[];
    actors: { lead: Actor; mediator: Actor; govHead: Actor; oppHead: Actor };
    /** Who is invited to the round (the others see "venue withheld"). */
    invitees: UserId[];
    mark: string;
  },
): Promise<RoundId> {
  const { processId, actors, mark } = input;
  const channel = (party: PartyId) => {
    const c = input.compartments.find((x) => x.kind === 'bilateral' && x.partyId === party);
    if (!c) throw new Error('demo bilateral channel missing');
    return c.id;
  };
  const plenary = input.compartments.find((c) => c.kind === 'plenary');
  if (!plenary) throw new Error('demo plenary missing');
  const issue = (i: number) => {
    const x = input.issues[i];
    if (!x) throw new Error('demo agenda issue missing');
    return x.id;
  };

  const created = await createRound(deps, {
    actor: actors.lead,
    processId,
    title: `Second meeting in Norway this month ${mark}`,
    startsOn: '2019-05-25',
    endsOn: '2019-05-29',
    venue: demoVenue(mark),
    rules: null,
    invitees: input.invitees,
  });
  const roundId = created.round.id;
  // Those who run the demo's round acknowledged its rules on first access; everyone else is asked
  // to when they first open it.
  for (const actor of [actors.lead, actors.mediator, actors.govHead, actors.oppHead])
    await acknowledgeRound(deps, { actor, processId, roundId, rulesHash: created.round.rulesHash });
  await changeRoundStatus(deps, {
    actor: actors.lead,
    processId,
    roundId,
    to: 'in_progress',
    consultation: null,
  });

  const opening = await scheduleSession(deps, {
    actor: actors.lead,
    processId,
    roundId,
    format: 'plenary',
    partyId: null,
    title: `Opening plenary ${mark}`,
    startsAt: '2019-05-25T07:00:00Z',
    endsAt: '2019-05-25T09:30:00Z',
    agenda: [issue(0), issue(1)],
  });
  await scheduleSession(deps, {
    actor: actors.mediator,
    processId,
    roundId,
    format: 'bilateral',
    partyId: input.parties.gov,
    title: `Mediators with the government delegation ${mark}`,
    startsAt: '2019-05-26T08:00:00Z',
    endsAt: '2019-05-26T10:00:00Z',
    agenda: [issue(4), issue(0)],
  });
  const proximity = await scheduleSession(deps, {
    actor: actors.lead,
    processId,
    roundId,
    format: 'proximity',
    partyId: null,
    title: `Proximity talks on the electoral calendar ${mark}`,
    startsAt: '2019-05-27T07:00:00Z',
    endsAt: '2019-05-27T15:00:00Z',
    agenda: [issue(0), issue(2)],
  });
  await recordAttendance(deps, {
    actor: actors.mediator,
    processId,
    roundId,
    sessionId: opening.session.id,
    baseRevision: opening.session.revision,
    attendees: input.invitees,
  });
  await recordAttendance(deps, {
    actor: actors.mediator,
    processId,
    roundId,
    sessionId: proximity.session.id,
    baseRevision: proximity.session.revision,
    attendees: [
      actors.lead.userId,
      actors.mediator.userId,
      actors.govHead.userId,
      actors.oppHead.userId,
    ],
  });

  await writeMinutes(deps, {
    actor: actors.mediator,
    processId,
    roundId,
    sessionId: opening.session.id,
    kind: 'mediators',
    baseRevision: 0,
    text: `Both delegations restated their opening positions. The government linked any electoral calendar to sanctions relief; the opposition asked for an election date before anything else. Tone constructive. ${mark}`,
  });
  const plenaryMinutes = await writeMinutes(deps, {
    actor: actors.mediator,
    processId,
    roundId,
    sessionId: opening.session.id,
    kind: 'plenary',
    baseRevision: 0,
    text: `1. The facilitator welcomed the delegations.\n2. The parties confirmed the agenda of the round.\n3. The parties agreed to meet in proximity format on Monday. ${mark}`,
  });
  for (const actor of [actors.govHead, actors.oppHead])
    await approveMinutes(deps, {
      actor,
      processId,
      roundId,
      sessionId: opening.session.id,
      kind: 'plenary',
      hash: plenaryMinutes.hash,
    });
  await writeMinutes(deps, {
    actor: actors.mediator,
    processId,
    roundId,
    sessionId: proximity.session.id,
    kind: 'mediators',
    baseRevision: 0,
    text: `Six passages between the rooms. Movement on the observers; none yet on the date. ${mark}`,
  });

  await startThread(deps, {
    actor: actors.lead,
    processId,
    compartmentId: plenary.id,
    title: `Logistics for the opening plenary ${mark}`,
    body: `Cars leave the hotels at 08:15. No phones in the plenary room. ${mark}`,
    sessionId: null,
  });
  const govSide = await startThread(deps, {
    actor: actors.govHead,
    processId,
    compartmentId: channel(input.parties.gov),
    title: `Proximity talks — government room ${mark}`,
    body: `Tell the other side: we can discuss an electoral calendar in the same package as phased sanctions relief. ${mark}`,
    sessionId: proximity.session.id,
  });
  const oppSide = await startThread(deps, {
    actor: actors.mediator,
    processId,
    compartmentId: channel(input.parties.opp),
    title: `Proximity talks — opposition room ${mark}`,
    body: `The mediators will carry messages between the rooms today. ${mark}`,
    sessionId: proximity.session.id,
  });
  await relayMessage(deps, {
    actor: actors.mediator,
    processId,
    messageId: govSide.message.id,
    toThreadId: oppSide.thread.id,
    body: `The other delegation is ready to discuss an electoral calendar if the package also addresses sanctions. ${mark}`,
  });
  await postMessage(deps, {
    actor: actors.oppHead,
    processId,
    threadId: oppSide.thread.id,
    body: `Only with a date. Ask them for a month. ${mark}`,
  });

  const communique = await draftCommunique(deps, {
    actor: actors.mediator,
    processId,
    kind: 'communique',
    title: 'Joint communiqué on the meeting in Norway',
    text: `Representatives of the main political actors met in Norway from 25 to 29 May at the invitation of the facilitator. The parties will not comment on the content of the talks. ${mark}`,
    embargoUntil: '2019-05-29T18:00:00Z',
    roundId,
  });
  await circulateCommunique(deps, {
    actor: actors.lead,
    processId,
    communiqueId: communique.id,
    hash: communique.hash,
  });
  for (const actor of [actors.govHead, actors.oppHead, actors.lead])
    await approveCommunique(deps, {
      actor,
      processId,
      communiqueId: communique.id,
      hash: communique.hash,
    });
  await releaseCommunique(deps, {
    actor: actors.lead,
    processId,
    communiqueId: communique.id,
    hash: communique.hash,
  });

  const line = await draftCommunique(deps, {
    actor: actors.mediator,
    processId,
    kind: 'press_line',
    title: 'Line to take after the round',
    text: `The talks took place in a constructive atmosphere. The parties will continue the process. No details of the content will be given. ${mark}`,
    embargoUntil: null,
    roundId,
  });
  await circulateCommunique(deps, {
    actor: actors.lead,
    processId,
    communiqueId: line.id,
    hash: line.hash,
  });
  for (const actor of [actors.govHead, actors.lead])
    await approveCommunique(deps, { actor, processId, communiqueId: line.id, hash: line.hash });

  await logStatement(deps, {
    actor: actors.mediator,
    processId,
    partyId: input.parties.gov,
    roundId,
    agreedLineId: communique.id,
    source: 'Public video address by the president (paraphrased)',
    statedOn: '2019-05-29',
    text: 'Confirms the talks in Norway and thanks Norway for its facilitation.',
  });
  const divergent = await logStatement(deps, {
    actor: actors.mediator,
    processId,
    partyId: input.parties.opp,
    roundId,
    agreedLineId: communique.id,
    source: `Radio interview with an opposition spokesperson ${mark}`,
    statedOn: '2019-05-30',
    text: `Says an election date has been agreed in Oslo. ${mark}`,
  });
  await raiseDivergence(deps, {
    actor: actors.lead,
    processId,
    statementId: divergent.id,
    note: `The agreed line gives no details of the content, and nothing is agreed until everything is agreed. ${mark}`,
  });
  return roundId;
}
