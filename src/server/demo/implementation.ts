/**
 * The demo's implementation phase: the opposition signs version 2 as well, so that its agreed
 * humanitarian provision binds as a partial agreement (the rest of the text stays open), and the
 * mediators turn it into commitments that are tracked for two years. All wording, figures,
 * sources, evidence and verdicts are invented and marked as such.
 *
 * Dates are relative to today, not to the talks of May 2019: implementation starts on the first
 * day of the month two years before the current one, and evidence arrives month by month up to
 * last month. So the picture stays alive whenever the demo is seeded: the charts cover the last
 * two years, the overdue flag and the "no evidence in the last 90 days" flag are computed against
 * today, and one commitment's deadline is still ahead. Like the rest of the demo, each record
 * carries the time it was written (the demo's clock, within the last weeks); the dates a
 * commitment, a piece of evidence or a level speaks of are its own.
 *
 * What it shows:
 * - six commitments with themes and responsible parties: five `signed` from the humanitarian
 *   provision, one `ad_referendum` (planning) from the audit provision agreed ad referendum;
 * - evidence month by month from the parties (written by their delegates, kept in their caucus
 *   until their head releases it; the latest piece of two commitments still waits there), from
 *   the mediators' field team and from the observer;
 * - levels moving with that evidence, one of them back down, verified by the guarantor;
 * - one level disputed by the observer and left unresolved (the funds, H-04), so that both kinds
 *   of accompanying member give their verdict;
 * - one commitment overdue, with no evidence for the last seven months (the hospitals, H-02);
 * - the access and services themes released to the public accountability page.
 *
 * Seeding stays fast: the evidence, releases, levels and verifications of each step are handed to
 * the use cases together, so they share the database's commits (group commit).
 */
import type { Actor } from '../../core/access/policy.js';
import type { Level } from '../../core/implementation/pam.js';
import { monthEnd, monthsBetween } from '../../core/implementation/progress.js';
import type { Clock, Deps } from '../../core/ports.js';
import type { EvidenceId, PartyId, ProcessId } from '../../core/shared/ids.js';
import { createCommitments } from '../../core/usecases/implementation/create-commitments.js';
import { defineTheme } from '../../core/usecases/implementation/define-theme.js';
import { releaseEvidence } from '../../core/usecases/implementation/release-evidence.js';
import { releasePublicPicture } from '../../core/usecases/implementation/release-public-picture.js';
import { setLevel } from '../../core/usecases/implementation/set-level.js';
import { submitEvidence } from '../../core/usecases/implementation/submit-evidence.js';
import { verifyLevel } from '../../core/usecases/implementation/verify-level.js';
import { getVersion } from '../../core/usecases/text/get-version.js';
import { signVersion } from '../../core/usecases/text/sign-version.js';

/** The version the parties sign and the commitments come from. */
export const demoSignedVersion = 2;

/** How many months of evidence the demo holds (the months before the current one). */
export const demoImplementationMonths = 24;

/** What the implementation phase made, for the console and for tests. */
export interface DemoImplementation {
  /** The signed version. */
  versionNumber: number;
  /** The first month of implementation (YYYY-MM). */
  firstMonth: string;
  /** External ids of the commitments. */
  commitments: string[];
  /** The commitment past its deadline, with no recent evidence. */
  overdue: string;
  /** The commitment whose latest level stands disputed. */
  disputed: string;
  /** The themes released to the public page. */
  publicThemes: string[];
  /** The unguessable part of the public page's address. */
  publicSlug: string;
}

/** Who submits a piece of evidence. */
type Submitter = 'gov' | 'opp' | 'mediators' | 'observer';

/** A month's piece of evidence for a commitment. */
interface DemoEvidence {
  who: Submitter;
  source: string;
  text: string;
}

/**
 * A level the mediators record, citing the evidence of month `k`, and its verdict: a verification
 * is the guarantor's, a dispute the observer's.
 */
interface DemoLevel {
  k: number;
  level: Level;
  note: string;
  verdict: { kind: 'verified' | 'disputed'; reason: string } | null;
}

/** One commitment of the plan, with its history: months are counted from the first (k = 0). */
interface DemoCommitment {
  externalId: string;
  provisionKey: string;
  wording: string;
  responsible: Array<'gov' | 'opp'>;
  /** The month it starts (k). */
  startsK: number;
  /** The month at whose end it is due (k), or null when it recurs without end. */
  deadlineK: number | null;
  recurrence: 'none' | 'monthly';
  provisionType: string;
  themeCode: string;
  /** The evidence of month k, or null for none. */
  evidence: (k: number) => DemoEvidence | null;
  levels: DemoLevel[];
  /** Evidence of these months stays in its submitter's caucus. */
  unreleased?: number[];
}

const source = {
  border: 'Government: customs and border authority',
  health: 'Government: Ministry of Health',
  foreign: 'Government: Ministry of Foreign Affairs, visa office',
  govReport: 'Government: liaison office to the joint commission',
  oppReport: 'Opposition: liaison office to the joint commission',
  oppFunds: 'Opposition: international relations team',
  field: "Mediators' field team",
  observer: 'Observer: monitoring mission',
} as const;

/** The plan and its two years; `mark` ends every invented wording, `named` names month k. */
function demoPlan(mark: string, named: (k: number) => string): DemoCommitment[] {
  const trucks = (k: number) => 20 + ((k * 37) % 45);
  const gov = (s: string, text: string): DemoEvidence => ({ who: 'gov', source: s, text });
  const opp = (s: string, text: string): DemoEvidence => ({ who: 'opp', source: s, text });
  const observer = (text: string): DemoEvidence => ({
    who: 'observer',
    source: source.observer,
    text,
  });
  const field = (text: string): DemoEvidence => ({ who: 'mediators', source: source.field, text });
  const verified = (reason: string) => ({ kind: 'verified' as const, reason: `${reason} ${mark}` });
  return [
    {
      externalId: 'H-01',
      provisionKey: 'p-humanitarian',
      wording: `The Government authorises the United Nations agencies and the Red Cross to bring humanitarian shipments in through the four land crossings and the two main ports, and to distribute them in every state. ${mark}`,
      responsible: ['gov'],
      startsK: 0,
      deadlineK: 5,
      recurrence: 'none',
      provisionType: 'donor_support',
      themeCode: 'HUM-ACCESS',
      evidence: (k) => {
        const open = k < 1 ? 0 : k < 3 ? 1 : k < 5 ? 2 : 4;
        if (k === 0)
          return gov(
            source.border,
            `Instructions issued to customs; no shipment cleared yet. ${mark}`,
          );
        if (k <= 5)
          return gov(
            source.border,
            `${trucks(k)} trucks of humanitarian cargo cleared in ${named(k)}; ${open} of 4 crossings open to shipments. ${mark}`,
          );
        // Complete: the observer looks again every quarter.
        if ((k - 5) % 3 !== 0) return null;
        return observer(
          `Visit to two crossings in ${named(k)}: shipments cleared without delay (${trucks(k)} trucks this month). ${mark}`,
        );
      },
      levels: [
        {
          k: 1,
          level: 1,
          note: `First shipment cleared, at one crossing. ${mark}`,
          verdict: verified('Shipment seen at the crossing.'),
        },
        {
          k: 3,
          level: 2,
          note: `Two of the four crossings open to shipments. ${mark}`,
          verdict: verified('Both crossings visited.'),
        },
        {
          k: 5,
          level: 3,
          note: `All crossings and both ports open to shipments. ${mark}`,
          verdict: verified('Every crossing and port visited.'),
        },
      ],
    },
    {
      externalId: 'H-02',
      provisionKey: 'p-humanitarian',
      wording: `The Government restores a stable supply of electricity and water to the twelve public hospitals of Zulia state. ${mark}`,
      responsible: ['gov'],
      startsK: 0,
      deadlineK: 14,
      recurrence: 'none',
      provisionType: 'economic_social_development',
      themeCode: 'HUM-SERVICES',
      // Evidence stops after month 16: the commitment is overdue and silent.
      evidence: (k) => {
        if (k > 16 || (k % 2 !== 0 && k % 6 !== 3)) return null;
        const served = k < 2 ? 0 : 3 + Math.min(2, Math.floor((k - 2) / 6));
        return k % 2 === 0
          ? gov(
              source.health,
              `Generators and water tanks in service at ${served} of 12 hospitals in ${named(k)}. ${mark}`,
            )
          : field(
              `Calls to hospital directors in ${named(k)}: power cuts continue at most hospitals. ${mark}`,
            );
      },
      levels: [
        {
          k: 2,
          level: 1,
          note: `Generators delivered to three of the twelve hospitals. ${mark}`,
          verdict: verified('Three hospitals visited.'),
        },
      ],
    },
    {
      externalId: 'H-03',
      provisionKey: 'p-humanitarian',
      wording: `Each Party reports every month to the joint commission on humanitarian access in the areas where it has influence. ${mark}`,
      responsible: ['gov', 'opp'],
      startsK: 0,
      deadlineK: null,
      recurrence: 'monthly',
      provisionType: 'verification_mechanism',
      themeCode: 'HUM-ACCESS',
      // Each Party files its first report itself; from then on the observer, who sits in the
      // joint commission, records every month whether both reports arrived.
      evidence: (k) =>
        k === 0
          ? gov(
              source.govReport,
              `Access report for ${named(k)} delivered to the joint commission. ${mark}`,
            )
          : k === 1
            ? opp(
                source.oppReport,
                `Access report for ${named(k)} delivered to the joint commission. ${mark}`,
              )
            : observer(
                `Joint commission, ${named(k)}: both Parties' access reports received${k < 8 ? ', one of them incomplete' : ', complete and on time'}. ${mark}`,
              ),
      levels: [
        {
          k: 0,
          level: 1,
          note: `First report delivered late and incomplete. ${mark}`,
          verdict: verified('Report read in the joint commission.'),
        },
        {
          k: 2,
          level: 2,
          note: `Both Parties report on time. ${mark}`,
          verdict: verified('Reports read in the joint commission.'),
        },
        {
          k: 8,
          level: 3,
          note: `Complete reports, on time, for six months running. ${mark}`,
          verdict: verified('Six months of reports read.'),
        },
      ],
    },
    {
      externalId: 'H-04',
      provisionKey: 'p-humanitarian',
      wording: `The opposition asks the governments holding state funds frozen abroad to transfer them to a fund administered by the United Nations, for medicines, food and the power supply. ${mark}`,
      responsible: ['opp'],
      startsK: 0,
      deadlineK: 12,
      recurrence: 'none',
      provisionType: 'donor_support',
      themeCode: 'HUM-FUNDS',
      evidence: (k) => {
        if (k === 14)
          return observer(
            `The fund's statement for ${named(k)} shows one tranche received of the three expected. ${mark}`,
          );
        if (k % 2 !== 0 && k !== 7 && k !== 13 && k < 21) return null;
        const agreed = k < 7 ? 0 : 2;
        return opp(
          source.oppFunds,
          k < 2
            ? `Meetings with the three governments holding the funds in ${named(k)}. ${mark}`
            : k === 13
              ? `The UN-administered fund made its first disbursement, for medicines, in ${named(k)}. ${mark}`
              : `Letters and meetings in ${named(k)}: ${agreed} of 3 governments have agreed to transfer. ${mark}`,
        );
      },
      levels: [
        {
          k: 2,
          level: 1,
          note: `Formal requests sent to the three governments. ${mark}`,
          verdict: verified('Copies of the letters seen.'),
        },
        {
          k: 7,
          level: 2,
          note: `Two of the three governments agreed to transfer. ${mark}`,
          verdict: verified('Both agreements seen.'),
        },
        {
          k: 13,
          level: 3,
          note: `The fund made its first disbursement. ${mark}`,
          verdict: {
            kind: 'disputed',
            reason: `Only one tranche of three has reached the fund, and one government has not agreed to transfer: the request is not complete. ${mark}`,
          },
        },
      ],
      unreleased: [23],
    },
    {
      externalId: 'H-05',
      provisionKey: 'p-humanitarian',
      wording: `The Government grants visas and work permits to the staff of humanitarian organisations within thirty days of their application. ${mark}`,
      responsible: ['gov'],
      startsK: 0,
      deadlineK: null,
      recurrence: 'monthly',
      provisionType: 'donor_support',
      themeCode: 'HUM-ACCESS',
      evidence: (k) => {
        const share = k < 1 ? 20 : k < 4 ? 35 : k < 15 ? 80 : k < 19 ? 45 : 85;
        // The observer's survey every other month; the Government's figures every four.
        if (k % 2 === 0 && k % 4 !== 0 && k !== 22) return null;
        return k % 2 === 0
          ? gov(
              source.foreign,
              `${share}% of applications decided within thirty days in ${named(k)}. ${mark}`,
            )
          : observer(
              `Survey of humanitarian organisations in ${named(k)}: about ${share}% of their staff received visas in time. ${mark}`,
            );
      },
      levels: [
        {
          k: 1,
          level: 1,
          note: `About a third of applications decided in time. ${mark}`,
          verdict: verified('Confirmed by the organisations surveyed.'),
        },
        {
          k: 4,
          level: 2,
          note: `Most applications decided in time. ${mark}`,
          verdict: verified('Confirmed by the organisations surveyed.'),
        },
        {
          k: 15,
          level: 1,
          note: `Backlog: fewer than half of applications decided in time. ${mark}`,
          verdict: verified('Confirmed by the organisations surveyed.'),
        },
        {
          k: 19,
          level: 2,
          note: `Backlog cleared. ${mark}`,
          verdict: verified('Confirmed by the organisations surveyed.'),
        },
      ],
      unreleased: [22],
    },
    {
      externalId: 'E-01',
      provisionKey: 'p-audit',
      wording: `The mediators agree with both Parties the terms of reference of the independent experts who audit the voting machines and their software. ${mark}`,
      responsible: [],
      startsK: 18,
      deadlineK: 30,
      recurrence: 'none',
      provisionType: 'electoral_commission',
      themeCode: 'ELECTORAL',
      evidence: (k) =>
        k < 18 || k === 19 || k === 22
          ? null
          : field(
              k < 21
                ? `Consultations with both Parties on the experts' mandate in ${named(k)}. ${mark}`
                : `Draft terms of reference discussed with both Parties in ${named(k)}. ${mark}`,
            ),
      // Recorded, not yet verified: planning on a provision agreed ad referendum.
      levels: [
        {
          k: 21,
          level: 1,
          note: `Draft terms of reference shared with both Parties. ${mark}`,
          verdict: null,
        },
      ],
    },
  ];
}

/** The month `k` months after `first` (YYYY-MM). */
function addMonths(first: string, k: number): string {
  const n = Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1 + k;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** Runs the calls together, so that their transactions share commits; answers in order. */
const together = <T>(calls: ReadonlyArray<() => Promise<T>>): Promise<T[]> =>
  Promise.all(calls.map((call) => call()));

/** Creates the implementation phase; `today` (YYYY-MM-DD) anchors its dates. */
export async function seedDemoImplementation(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  input: {
    processId: ProcessId;
    parties: { gov: PartyId; opp: PartyId };
    actors: {
      lead: Actor;
      mediator: Actor;
      govHead: Actor;
      govDelegate: Actor;
      oppHead: Actor;
      oppDelegate: Actor;
      guarantor: Actor;
      observer: Actor;
    };
    /** Today, from the real clock: the months of evidence end with the one before it. */
    today: string;
    /** The real clock, for the public page: it shows the picture as of today. */
    releaseClock: Clock;
    mark: string;
  },
): Promise<DemoImplementation> {
  const { processId, actors, mark } = input;
  const first = addMonths(input.today.slice(0, 7), -demoImplementationMonths);
  const month = (k: number) => addMonths(first, k);
  // Evidence and levels of a month fall between its 8th and its 21st day.
  const day = (k: number) => `${month(k)}-${String(8 + ((k * 5) % 14)).padStart(2, '0')}`;
  const named = (k: number) =>
    new Date(`${month(k)}-01T00:00:00Z`).toLocaleString('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  const plan = demoPlan(mark, named);

  // The opposition signs version 2: its agreed provisions bind as a partial agreement.
  const seen = await getVersion(deps, {
    actor: actors.oppHead,
    processId,
    number: demoSignedVersion,
  });
  await signVersion(deps, {
    actor: actors.oppHead,
    processId,
    number: demoSignedVersion,
    versionHash: seen.version.hash,
  });

  const themes = [
    { code: 'HUMANITARIAN', name: 'Humanitarian measures', parentCode: null, pamType: null },
    {
      code: 'HUM-ACCESS',
      name: 'Access for aid and aid workers',
      parentCode: 'HUMANITARIAN',
      pamType: 'donor_support',
    },
    {
      code: 'HUM-SERVICES',
      name: 'Hospitals and basic services',
      parentCode: 'HUMANITARIAN',
      pamType: 'economic_social_development',
    },
    {
      code: 'HUM-FUNDS',
      name: 'Funds frozen abroad',
      parentCode: 'HUMANITARIAN',
      pamType: 'donor_support',
    },
    {
      code: 'ELECTORAL',
      name: 'Electoral guarantees',
      parentCode: null,
      pamType: 'electoral_commission',
    },
  ];
  await together(
    themes.map(
      (t) => () => defineTheme(deps, { actor: actors.lead, processId, ...t, paxCode: null }),
    ),
  );

  const made = await createCommitments(deps, {
    actor: actors.lead,
    processId,
    versionNumber: demoSignedVersion,
    commitments: plan.map((c) => ({
      provisionKey: c.provisionKey,
      wording: c.wording,
      externalId: c.externalId,
      responsiblePartyIds: c.responsible.map((p) => input.parties[p]),
      startsOn: `${month(c.startsK)}-01`,
      deadline: c.deadlineK === null ? null : monthEnd(month(c.deadlineK)),
      recurrence: c.recurrence,
      provisionType: c.provisionType,
      themeCode: c.themeCode,
      weight: 1,
    })),
  });
  const idOf = new Map(made.map((c) => [c.externalId, c.id]));

  // Month by month, every piece of evidence, each by its submitter: a party's delegate writes its
  // reports, which its head then releases.
  const submitter: Record<Submitter, Actor> = {
    gov: actors.govDelegate,
    opp: actors.oppDelegate,
    mediators: actors.mediator,
    observer: actors.observer,
  };
  const pieces = plan.flatMap((c) =>
    Array.from({ length: demoImplementationMonths }, (_, k) => ({ c, k, e: c.evidence(k) })),
  );
  const wanted = pieces.flatMap((p) => (p.e ? [{ ...p, e: p.e }] : []));
  const submitted = await together(
    wanted.map((p) => () => {
      const commitmentId = idOf.get(p.c.externalId);
      if (!commitmentId) throw new Error(`demo commitment ${p.c.externalId} missing`);
      return submitEvidence(deps, {
        actor: submitter[p.e.who],
        processId,
        commitmentId,
        kind: 'report',
        text: p.e.text,
        url: null,
        observedOn: day(p.k),
        source: p.e.source,
        sha256: null,
      });
    }),
  );
  const evidence = new Map<string, EvidenceId>();
  wanted.forEach((p, i) => {
    const piece = submitted[i];
    if (piece) evidence.set(`${p.c.externalId}/${p.k}`, piece.evidence.id);
  });

  // Each party's head releases its evidence, the lead mediator the field team's; the latest piece
  // of two commitments waits in its caucus.
  const releaser: Record<Submitter, Actor | null> = {
    gov: actors.govHead,
    opp: actors.oppHead,
    mediators: actors.lead,
    observer: null,
  };
  await together(
    wanted.flatMap((p, i) => {
      const by = releaser[p.e.who];
      const piece = submitted[i];
      if (!by || !piece || piece.released || p.c.unreleased?.includes(p.k)) return [];
      return [() => releaseEvidence(deps, { actor: by, processId, evidenceId: piece.evidence.id })];
    }),
  );

  // The mediators record each level, citing that month's evidence.
  const levels = plan.flatMap((c) => c.levels.map((l) => ({ c, l })));
  const entries = await together(
    levels.map(({ c, l }) => () => {
      const commitmentId = idOf.get(c.externalId);
      const cited = evidence.get(`${c.externalId}/${l.k}`);
      if (!commitmentId || !cited) throw new Error(`demo evidence ${c.externalId}/${l.k} missing`);
      return setLevel(deps, {
        actor: actors.mediator,
        processId,
        commitmentId,
        level: l.level,
        effectiveOn: day(l.k),
        evidenceIds: [cited],
        note: l.note,
      });
    }),
  );

  // The guarantor verifies each level; the observer disputes one.
  await together(
    levels.flatMap(({ l }, i) => {
      const entry = entries[i];
      if (!l.verdict || !entry) return [];
      const verdict = l.verdict;
      return [
        () =>
          verifyLevel(deps, {
            actor: verdict.kind === 'verified' ? actors.guarantor : actors.observer,
            processId,
            commitmentId: entry.commitmentId,
            entryId: entry.id,
            verdict: verdict.kind,
            reason: verdict.reason,
          }),
      ];
    }),
  );

  // Access and services go public; the disputed funds and the electoral planning do not.
  const publicThemes = ['HUM-ACCESS', 'HUM-SERVICES'];
  const publication = await releasePublicPicture(
    { ...deps, clock: input.releaseClock },
    {
      actor: actors.lead,
      processId,
      title: `Implementation of the partial agreement on humanitarian measures ${mark}`,
      parts: { themes: publicThemes, commitments: true, progress: true },
    },
  );

  return {
    versionNumber: demoSignedVersion,
    firstMonth: first,
    commitments: plan.map((c) => c.externalId),
    overdue: 'H-02',
    disputed: 'H-04',
    publicThemes,
    publicSlug: publication.slug,
  };
}

/** The months the demo's implementation covers, from its first to the current one. */
export const demoImplementationSpan = (today: string): string[] =>
  monthsBetween(addMonths(today.slice(0, 7), -demoImplementationMonths), today.slice(0, 7));
