/**
 * Decision support as the API lets me see it. The mediator team: the frontier of efficient packages
 * in two parties' utility space with the Nash, Kalai–Smorodinsky, egalitarian and max-welfare
 * points, the reservation levels, the tabled proposals, and improvements on a chosen proposal in
 * words. A party: suggested packages with its own utility only. Both: the negotiation dance, the
 * concessions per round and the stalling signal.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMediatorRole } from '../../../core/process/model.js';
import { api, isApiError } from '../../api/client.js';
import type {
  AgendaIssue,
  Analysis,
  MediatorAnalysis,
  PartyAnalysis,
  Proposal,
  SolutionKind,
} from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Link } from '../../router.js';
import {
  ErrorAlert,
  Loading,
  Notice,
  PageTitle,
  Section,
  SelectField,
  Spinner,
} from '../../ui/components.js';
import { useQuery } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';
import { PackageView, type PackageTerms } from '../record/packages.js';
import { useProposalName } from '../record/proposalName.js';
import { PartyChip, useParties } from '../text/holders.js';
import {
  ChartFigure,
  ConcessionChart,
  RoundLineChart,
  solutionStyle,
  chartInk,
  UtilityChart,
  type MarkedSeries,
  type UtilityPoint,
} from './charts.js';

const solutionKinds: SolutionKind[] = ['nash', 'kalai-smorodinsky', 'egalitarian', 'max-welfare'];
const round1 = (n: number) => Math.round(n * 10) / 10;

/** The analysis screen. */
export function AnalysisPage() {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [proposalId, setProposalId] = useState('');
  const [stallRounds, setStallRounds] = useState(2);
  const record = useQuery(() => api.record.get(view.process.id), [view.process.id]);
  const analysis = useQuery(
    () =>
      api.analysis.get(view.process.id, {
        proposalId: proposalId || undefined,
        stallRounds,
      }),
    [view.process.id, proposalId, stallRounds],
  );
  const proposalName = useProposalName();
  const notYet = isApiError(analysis.error, 'RULE_VIOLATION');
  const proposals = [...(record.data?.proposals ?? [])].sort(
    (a, b) => a.round - b.round || a.tabledAt.localeCompare(b.tabledAt),
  );
  const data = analysis.data;
  return (
    <div className="page page-wide">
      <header className="page-header">
        <p className="eyebrow">{view.process.codename}</p>
        <PageTitle documentTitle={`${t('analysis.title')} · ${view.process.codename}`}>
          {t('analysis.title')}
        </PageTitle>
        <p className="lead">{t('analysis.intro')}</p>
      </header>
      <div className="analysis-controls">
        <SelectField
          label={t('analysis.proposal')}
          hint={
            isMediatorRole(view.me.role)
              ? t('analysis.proposalHint')
              : t('analysis.proposalHintParty')
          }
          value={proposalId}
          onChange={(e) => setProposalId(e.target.value)}
        >
          <option value="">{t('analysis.noProposal')}</option>
          {proposals.map((p) => (
            <option key={p.id} value={p.id}>
              {proposalName(p)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('analysis.stallRounds')}
          hint={t('analysis.stallRoundsHint')}
          value={stallRounds}
          onChange={(e) => setStallRounds(Number(e.target.value))}
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {t('analysis.roundsCount', { count: n })}
            </option>
          ))}
        </SelectField>
        {analysis.loading && data && (
          <p className="recomputing" role="status">
            <Spinner small /> {t('analysis.recomputing')}
          </p>
        )}
      </div>
      {notYet ? (
        <Notice tone="info">
          <p className="alert-title">{t('analysis.notYetTitle')}</p>
          <p>{(analysis.error as Error).message}</p>
        </Notice>
      ) : (
        <ErrorAlert error={analysis.error} />
      )}
      {analysis.loading && !data ? (
        <Loading label={t('analysis.computing')} />
      ) : data && !notYet ? (
        <div
          className={analysis.loading ? 'is-reloading' : undefined}
          aria-busy={analysis.loading || undefined}
        >
          {data.view.kind === 'mediator' ? (
            <MediatorView
              analysis={data}
              view={data.view}
              issues={record.data?.issues ?? []}
              proposal={proposals.find((p) => p.id === proposalId)}
            />
          ) : (
            <PartyView
              view={data.view}
              issues={record.data?.issues ?? []}
              proposal={proposals.find((p) => p.id === proposalId)}
            />
          )}
          <Movement analysis={data} stallRounds={stallRounds} />
        </div>
      ) : null}
    </div>
  );
}

/** Party codes joined in words: "GOV and OPP". */
function useCodes(): (ids: readonly string[]) => string {
  const { code } = useParties();
  const { i18n } = useTranslation();
  return (ids) =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(ids.map((id) => code(id)));
}

/** The reservation levels the mediators can derive: utility minus gain of any found solution. */
function reservationsOf(v: MediatorAnalysis): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of v.solutions)
    if (s.found)
      for (const [party, u] of Object.entries(s.utilities)) {
        const g = s.gains[party];
        if (g !== undefined && out[party] === undefined) out[party] = round1(u - g);
      }
  return out;
}

function MediatorView({
  analysis,
  view: v,
  issues,
  proposal,
}: {
  analysis: Analysis;
  view: MediatorAnalysis;
  issues: AgendaIssue[];
  proposal: Proposal | undefined;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { code, chartColour, chartShape } = useParties();
  const codes = useCodes();
  const visible = v.visibleParties;
  const [axes, setAxes] = useState<[string, string] | null>(null);
  const [xParty, yParty] = axes ?? [visible[0] ?? '', visible[1] ?? ''];
  const reservations = reservationsOf(v);
  const at = (u: Record<string, number>): UtilityPoint => ({
    x: u[xParty] ?? 0,
    y: u[yParty] ?? 0,
  });
  const frontier = [...v.frontier.points]
    .map((p) => ({ ...at(p.utilities) }))
    .sort((a, b) => a.x - b.x || b.y - a.y);
  const solutions = v.solutions.filter((s) => s.found);
  const name = (k: SolutionKind) => t(`analysis.solution.${k}`);
  const series: MarkedSeries[] = [];
  // Tabled proposals: each party's position per round, as the dance records them.
  const parties = [...new Set(analysis.dance.map((d) => d.party))];
  for (const party of parties) {
    const steps = analysis.dance.filter((d) => d.party === party);
    series.push({
      key: `tabled-${party}`,
      name: t('analysis.tabledBy', { party: code(party) }),
      points: mergeLabels(
        steps.map((d) => ({ ...at(d.utilities), label: t('analysis.roundShort', { n: d.round }) })),
      ),
      colour: chartColour(party),
      shape: chartShape(party),
      size: 'small',
      labelPosition: 'right',
      zIndex: 610,
    });
  }
  // Improvements that are one of the solutions are numbered on that solution's marker.
  const same = (a: Record<string, number>, b: Record<string, number>) =>
    Math.abs((a[xParty] ?? 0) - (b[xParty] ?? 0)) < 0.01 &&
    Math.abs((a[yParty] ?? 0) - (b[yParty] ?? 0)) < 0.01;
  const improvements = (v.proposal?.improvements ?? []).map((imp, i) => ({ imp, n: i + 1 }));
  const onSolution = (u: Record<string, number>) =>
    improvements.filter(({ imp }) => same(imp.utilities, u)).map(({ n }) => n);
  if (v.proposal) {
    series.push({
      key: 'proposal',
      name: t('analysis.chosenProposal'),
      points: [{ ...at(v.proposal.baseline), label: t('analysis.chosenProposalShort') }],
      colour: chartInk.proposal,
      shape: 'cross',
      labelPosition: 'bottom',
      zIndex: 640,
    });
    const apart = improvements.filter(
      ({ imp }) => !solutions.some((s) => same(s.utilities, imp.utilities)),
    );
    if (improvements.length > 0)
      series.push({
        key: 'improvements',
        name: t('analysis.improvements'),
        points: apart.map(({ imp, n }) => ({ ...at(imp.utilities), label: `${n}` })),
        colour: chartInk.improvement,
        shape: 'wye',
        size: 'small',
        labelPosition: 'left',
        zIndex: 620,
      });
  }
  // Solutions at the same point share one marker and one label ("Nash, KS (2)").
  const groups: Array<{ lead: (typeof solutions)[number]; kinds: SolutionKind[] }> = [];
  for (const s of solutions) {
    const group = groups.find((g) => same(g.lead.utilities, s.utilities));
    if (group) group.kinds.push(s.kind);
    else groups.push({ lead: s, kinds: [s.kind] });
  }
  for (const { lead, kinds } of groups) {
    const style = solutionStyle[lead.kind];
    const numbers = onSolution(lead.utilities);
    const short = kinds.map((k) => t(`analysis.solutionShort.${k}`)).join(', ');
    series.push({
      key: lead.kind,
      name: kinds.map(name).join(' = '),
      points: [
        {
          ...at(lead.utilities),
          label: numbers.length ? `${short} (${numbers.join(', ')})` : short,
        },
      ],
      colour: style.colour,
      shape: style.shape,
      labelPosition: style.position,
      // The solutions on top: an improvement is often one of them.
      zIndex: 700,
    });
  }
  const canChart = visible.length >= 2;
  // A solution that is the same package as an earlier one says so instead of repeating it.
  const samePackage = (a: Record<string, string> | null, b: Record<string, string> | null) =>
    !!a &&
    !!b &&
    Object.keys(a).length === Object.keys(b).length &&
    Object.entries(a).every(([issue, option]) => b[issue] === option);
  const twinOf = (k: SolutionKind): SolutionKind | undefined => {
    const mine = v.solutions.find((x) => x.kind === k);
    return solutionKinds.slice(0, solutionKinds.indexOf(k)).find((other) => {
      const o = v.solutions.find((x) => x.kind === other);
      return o?.found && mine?.found && samePackage(o.package, mine.package);
    });
  };
  const nash = solutions.find((s) => s.kind === 'nash');
  return (
    <>
      <Section title={t('analysis.frontierTitle')}>
        <p className="section-intro">
          {t('analysis.sharedBy', { parties: visible.length ? codes(visible) : t('common.none') })}{' '}
          {v.frontier.exact
            ? t('analysis.exact', { count: v.frontier.size, n: formats.number(v.frontier.size) })
            : t('analysis.approximate', {
                n: formats.number(v.frontier.size),
                epsilon: formats.number(v.frontier.epsilon),
              })}
          {v.frontier.points.length < v.frontier.size &&
            ` ${t('analysis.sampled', { n: formats.number(v.frontier.points.length) })}`}
        </p>
        {!v.complete && <Notice tone="info">{t('analysis.incomplete')}</Notice>}
        {canChart ? (
          <>
            {visible.length > 2 && (
              <div className="form-row">
                <SelectField
                  label={t('analysis.xAxis')}
                  value={xParty}
                  onChange={(e) => setAxes([e.target.value, yParty])}
                >
                  {visible.map((p) => (
                    <option key={p} value={p}>
                      {code(p)}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  label={t('analysis.yAxis')}
                  value={yParty}
                  onChange={(e) => setAxes([xParty, e.target.value])}
                >
                  {visible.map((p) => (
                    <option key={p} value={p}>
                      {code(p)}
                    </option>
                  ))}
                </SelectField>
              </div>
            )}
            <ChartFigure
              className="frontier-figure"
              caption={`${t('analysis.frontierCaption', { x: code(xParty), y: code(yParty) })}${
                v.proposal?.improvements.length ? ` ${t('analysis.numbersCaption')}` : ''
              }`}
              table={
                <SolutionTable
                  rows={solutions.map((s) => ({
                    label: name(s.kind),
                    utilities: s.utilities,
                    gains: s.gains,
                  }))}
                  parties={visible}
                />
              }
            >
              <UtilityChart
                xName={t('analysis.utilityOf', { party: code(xParty) })}
                yName={t('analysis.utilityOf', { party: code(yParty) })}
                frontier={frontier}
                frontierName={t('analysis.frontier')}
                reservation={{
                  x: reservations[xParty],
                  y: reservations[yParty],
                  xLabel: t('analysis.reservationOf', { party: code(xParty) }),
                  yLabel: t('analysis.reservationOf', { party: code(yParty) }),
                  areaLabel: t('analysis.zone'),
                }}
                series={series}
              />
            </ChartFigure>
          </>
        ) : (
          <Notice tone="info">{t('analysis.needTwo')}</Notice>
        )}
      </Section>
      <Section title={t('analysis.solutionsTitle')}>
        <p className="section-intro">{t('analysis.solutionsIntro')}</p>
        <ul className="solution-list">
          {solutionKinds.map((k) => {
            const s = v.solutions.find((x) => x.kind === k);
            return (
              <li key={k} className="solution-card">
                <h3 className="solution-title">
                  <span className={`solution-mark mark-${k}`} aria-hidden="true" />
                  {name(k)}
                </h3>
                <p className="muted small">{t(`analysis.solutionHelp.${k}`)}</p>
                {s?.found && s.package && twinOf(k) ? (
                  <p className="small">
                    {t('analysis.samePackageAs', { other: name(twinOf(k) as SolutionKind) })}
                  </p>
                ) : s?.found && s.package ? (
                  <>
                    <PackageView issues={issues} pkg={s.package} />
                    <Utilities
                      utilities={s.utilities}
                      gains={s.gains}
                      gainLabel={t('analysis.overReservation')}
                    />
                    {s.individuallyRational === false && (
                      <p className="warning-text small">{t('analysis.belowReservation')}</p>
                    )}
                  </>
                ) : (
                  <p className="muted">{t('analysis.noSolution')}</p>
                )}
              </li>
            );
          })}
        </ul>
      </Section>
      <ProposalPanel
        view={v}
        issues={issues}
        proposal={proposal}
        nash={nash ? { utilities: nash.utilities } : undefined}
      />
    </>
  );
}

/** Merges labels of points at the same place: "R1" and "R2" become "R1, R2". */
function mergeLabels(points: UtilityPoint[]): UtilityPoint[] {
  const out: UtilityPoint[] = [];
  for (const p of points) {
    const same = out.find((q) => Math.abs(q.x - p.x) < 0.01 && Math.abs(q.y - p.y) < 0.01);
    if (same) same.label = `${same.label ?? ''}, ${p.label ?? ''}`;
    else out.push({ ...p });
  }
  return out;
}

function Utilities({
  utilities,
  gains,
  gainLabel,
}: {
  utilities: Record<string, number>;
  gains?: Record<string, number>;
  gainLabel: string;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const signed = (n: number) => `${n >= 0 ? '+' : '−'}${formats.number(Math.abs(round1(n)))}`;
  return (
    <ul className="utility-list">
      {Object.entries(utilities).map(([party, u]) => (
        <li key={party}>
          <PartyChip partyId={party} />
          <span>{t('analysis.utilityValue', { n: formats.number(round1(u)) })}</span>
          {gains?.[party] !== undefined && (
            <span className="muted small">
              {signed(gains[party] ?? 0)} {gainLabel}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function SolutionTable({
  rows,
  parties,
}: {
  rows: Array<{ label: string; utilities: Record<string, number>; gains: Record<string, number> }>;
  parties: readonly string[];
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { code } = useParties();
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('analysis.concept')}</th>
          {parties.map((p) => (
            <th key={p} scope="col" className="num">
              {t('analysis.utilityOf', { party: code(p) })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            {parties.map((p) => (
              <td key={p} className="num">
                {formats.number(round1(r.utilities[p] ?? 0))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProposalPanel({
  view: v,
  issues,
  proposal,
  nash,
}: {
  view: MediatorAnalysis;
  issues: AgendaIssue[];
  proposal: Proposal | undefined;
  nash?: { utilities: Record<string, number> };
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { code } = useParties();
  const proposalName = useProposalName();
  if (!v.proposal || !proposal)
    return (
      <Section title={t('analysis.proposalTitle')}>
        <p className="muted">{t('analysis.chooseProposal')}</p>
      </Section>
    );
  const base: PackageTerms = v.proposal.package;
  const signed = (n: number) => `${n >= 0 ? '+' : '−'}${formats.number(Math.abs(round1(n)))}`;
  return (
    <Section title={t('analysis.proposalTitle')}>
      <p className="strong">{proposalName(proposal)}</p>
      <div className="grid-2">
        <div>
          <PackageView issues={issues} pkg={base} />
        </div>
        <div>
          <Utilities utilities={v.proposal.baseline} gainLabel="" />
          <p>
            {v.proposal.efficient === null
              ? t('analysis.partial')
              : v.proposal.efficient
                ? t('analysis.efficient')
                : t('analysis.notEfficient')}
          </p>
          {nash && (
            <p className="small">
              {t('analysis.fromNash')}{' '}
              {Object.keys(v.proposal.baseline)
                .map(
                  (p) =>
                    `${code(p)} ${signed((nash.utilities[p] ?? 0) - (v.proposal?.baseline[p] ?? 0))}`,
                )
                .join(' · ')}
            </p>
          )}
        </div>
      </div>
      <h3 className="subheading">
        {t('analysis.improvementsTitle', { count: v.proposal.improvements.length })}
      </h3>
      {v.proposal.improvements.length === 0 ? (
        <p className="muted">{t('analysis.noImprovements')}</p>
      ) : (
        <ol className="improvement-list">
          {v.proposal.improvements.map((imp, i) => (
            <li key={i} className="improvement-card">
              <p className="strong">{t('analysis.improvementN', { n: i + 1 })}</p>
              <PackageView issues={issues} pkg={imp.package} base={base} onlyChanges />
              <Utilities
                utilities={imp.utilities}
                gains={imp.gains}
                gainLabel={t('analysis.overProposal')}
              />
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function PartyView({
  view: v,
  issues,
  proposal,
}: {
  view: PartyAnalysis;
  issues: AgendaIssue[];
  proposal: Proposal | undefined;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { code } = useParties();
  const proposalName = useProposalName();
  const { view: process } = useProcess();
  return (
    <>
      <Section title={t('analysis.suggestionsTitle')}>
        <p className="section-intro">{t('analysis.suggestionsIntro', { party: code(v.party) })}</p>
        <p>
          {t('analysis.yourReservation', { n: formats.number(round1(v.reservation)) })}{' '}
          <Link to={`/processes/${process.process.id}/preferences`}>
            {t('analysis.editRatings')}
          </Link>
        </p>
        {v.proposal && proposal && (
          <p className="proposal-utility">
            {t('analysis.proposalUtility', {
              proposal: proposalName(proposal),
              n: formats.number(round1(v.proposal.utility)),
            })}
          </p>
        )}
        {v.suggestions.length === 0 ? (
          <p className="empty">{t('analysis.noSuggestions')}</p>
        ) : (
          <ol className="suggestion-list">
            {v.suggestions.map((s, i) => (
              <li key={i} className="suggestion-card">
                <div className="suggestion-head">
                  <span className="chip-row">
                    {s.labels.map((l) => (
                      <span key={l} className="badge badge-neutral-plain">
                        {l === 'alternative'
                          ? t('analysis.alternative')
                          : t(`analysis.solution.${l}`)}
                      </span>
                    ))}
                  </span>
                  <span className="own-utility">
                    <meter
                      min={0}
                      max={100}
                      low={v.reservation}
                      optimum={100}
                      value={s.utility}
                      aria-hidden="true"
                    />
                    <span className="strong">
                      {t('analysis.ownUtility', { n: formats.number(round1(s.utility)) })}
                    </span>
                  </span>
                </div>
                <PackageView
                  issues={issues}
                  pkg={s.package}
                  base={v.proposal?.package}
                  onlyChanges={false}
                />
              </li>
            ))}
          </ol>
        )}
        <p className="muted small">{t('analysis.partyPrivacy')}</p>
      </Section>
    </>
  );
}

function Movement({ analysis, stallRounds }: { analysis: Analysis; stallRounds: number }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { view: process } = useProcess();
  const { code, chartColour, chartShape } = useParties();
  const codes = useCodes();
  const { movement, dance, rounds } = analysis;
  const v = analysis.view;
  const me = v.kind === 'party' ? v.party : null;
  const roundLabel = (i: number) => t('analysis.roundShort', { n: rounds[i] ?? i + 1 });
  const utilityParties = movement.parties.filter((p) => p.measure === 'utility');
  const distanceParties = movement.parties.filter((p) => p.measure === 'distance');
  const concessionData = rounds.slice(1).map((_, k) => {
    const i = k + 1;
    const row: Record<string, number | string | null> = { round: roundLabel(i) };
    for (const p of utilityParties) row[p.party] = p.concessions[i] ?? null;
    return row;
  });
  const visible = v.kind === 'mediator' ? v.visibleParties : [];
  const [xParty, yParty] = [visible[0] ?? '', visible[1] ?? ''];
  const danceParties = [...new Set(dance.map((d) => d.party))];
  return (
    <Section title={t('analysis.movementTitle')}>
      <p className="section-intro">{t('analysis.movementIntro')}</p>
      {movement.stalls.length === 0 ? (
        <p className="no-stall">{t('analysis.noStall', { count: stallRounds })}</p>
      ) : (
        movement.stalls.map((s, i) => {
          const first = rounds[Math.max(0, s.fromRound - stallRounds + 1)] ?? s.fromRound;
          const last = rounds[s.toRound] ?? s.toRound;
          const n = s.toRound - s.fromRound + stallRounds;
          const now = movement.stalledNow.includes(s.party) && s.toRound === rounds.length - 1;
          return (
            <div key={i} className="alert alert-warning stall-warning" role="alert">
              <p className="alert-title">
                <span aria-hidden="true">⚠ </span>
                {t('analysis.stall', {
                  count: n,
                  party: code(s.party),
                  others: codes(s.conceders),
                })}
              </p>
              <p>
                {first === last
                  ? t('analysis.stallOne', { round: last })
                  : t('analysis.stallSpan', { from: first, to: last })}
                {now && ` ${t('analysis.stalledNow')}`}
              </p>
            </div>
          );
        })
      )}
      <div className="grid-2 movement-grid">
        {v.kind === 'mediator' && visible.length >= 2 ? (
          <ChartFigure
            caption={t('analysis.danceCaption', { x: code(xParty), y: code(yParty) })}
            table={<DanceTable analysis={analysis} />}
          >
            <UtilityChart
              height={360}
              xName={t('analysis.utilityOf', { party: code(xParty) })}
              yName={t('analysis.utilityOf', { party: code(yParty) })}
              frontier={[...v.frontier.points]
                .map((p) => ({ x: p.utilities[xParty] ?? 0, y: p.utilities[yParty] ?? 0 }))
                .sort((a, b) => a.x - b.x || b.y - a.y)}
              frontierName={t('analysis.frontier')}
              faintFrontier
              series={danceParties.map((party) => ({
                key: party,
                name: t('analysis.positionsOf', { party: code(party) }),
                points: mergeLabels(
                  dance
                    .filter((d) => d.party === party)
                    .map((d) => ({
                      x: d.utilities[xParty] ?? 0,
                      y: d.utilities[yParty] ?? 0,
                      label: t('analysis.roundShort', { n: d.round }),
                    })),
                ),
                colour: chartColour(party),
                shape: chartShape(party),
                connect: true,
                labelPosition: 'right',
              }))}
            />
          </ChartFigure>
        ) : me ? (
          <ChartFigure
            caption={t('analysis.ownDanceCaption', { party: code(me) })}
            table={<DanceTable analysis={analysis} />}
          >
            <RoundLineChart
              yName={t('analysis.utilityOf', { party: code(me) })}
              reservation={v.kind === 'party' ? v.reservation : undefined}
              reservationLabel={t('analysis.reservationOf', { party: code(me) })}
              data={rounds.map((r) => {
                const row: Record<string, number | string | null> = {
                  round: t('analysis.roundShort', { n: r }),
                };
                for (const party of danceParties)
                  row[party] =
                    dance.find((d) => d.party === party && d.round === r)?.utilities[me] ?? null;
                return row;
              })}
              series={danceParties.map((party) => ({
                key: party,
                name: t('analysis.positionsOf', { party: code(party) }),
                colour: chartColour(party),
                shape: chartShape(party),
              }))}
            />
          </ChartFigure>
        ) : null}
        <ChartFigure
          caption={t('analysis.concessionCaption')}
          table={
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('analysis.party')}</th>
                  {rounds.slice(1).map((r) => (
                    <th key={r} scope="col" className="num">
                      {t('analysis.roundShort', { n: r })}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('analysis.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {movement.parties.map((p) => (
                  <tr key={p.party}>
                    <th scope="row">
                      {code(p.party)}{' '}
                      <span className="muted small">({t(`analysis.measure.${p.measure}`)})</span>
                    </th>
                    {p.concessions.slice(1).map((c, i) => (
                      <td key={i} className="num">
                        {c === null
                          ? '—'
                          : p.measure === 'utility'
                            ? formats.number(round1(c))
                            : formats.percent(c)}
                      </td>
                    ))}
                    <td className="num">
                      {p.measure === 'utility'
                        ? formats.number(round1(p.total))
                        : formats.percent(p.total)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          {utilityParties.length > 0 && concessionData.length > 0 ? (
            <ConcessionChart
              yName={t('analysis.concessionPoints')}
              data={concessionData}
              parties={utilityParties.map((p) => ({
                id: p.party,
                name: code(p.party),
                colour: chartColour(p.party),
                shape: chartShape(p.party),
              }))}
            />
          ) : (
            <p className="muted">{t('analysis.noConcessionData')}</p>
          )}
        </ChartFigure>
      </div>
      {distanceParties.map((p) => (
        <p key={p.party} className="muted small">
          {t('analysis.distanceNote', {
            party: code(p.party),
            values: p.concessions
              .slice(1)
              .map((c, i) => `${roundLabel(i + 1)} ${c === null ? '—' : formats.percent(c)}`)
              .join(', '),
          })}
        </p>
      ))}
      <p className="muted small">
        <Link to={`/processes/${process.process.id}/record`}>{t('analysis.toRecord')}</Link>
      </p>
    </Section>
  );
}

function DanceTable({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { code } = useParties();
  const cols = [...new Set(analysis.dance.flatMap((d) => Object.keys(d.utilities)))];
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('analysis.tabledByColumn')}</th>
          <th scope="col">{t('analysis.roundColumn')}</th>
          {cols.map((c) => (
            <th key={c} scope="col" className="num">
              {t('analysis.utilityOf', { party: code(c) })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {analysis.dance.map((d, i) => (
          <tr key={i}>
            <th scope="row">{code(d.party)}</th>
            <td>{d.round}</td>
            {cols.map((c) => (
              <td key={c} className="num">
                {formats.number(round1(d.utilities[c] ?? 0))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
