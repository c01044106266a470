/**
 * The frontier of efficient packages for the mediator team: two parties' utilities (any two, when
 * more can be seen) with the solution concepts, the reservation levels and the zone of agreement,
 * each party's tabled proposals by round, and the improvements on the chosen proposal; the numbers
 * as a table beside the chart.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Analysis, MediatorAnalysis, SolutionKind } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Notice, Section, SelectField } from '../../ui/components.js';
import { useParties } from '../text/holders.js';
import {
  ChartFigure,
  solutionStyle,
  chartInk,
  UtilityChart,
  type MarkedSeries,
  type UtilityPoint,
} from './charts.js';
import { mergeLabels, round1, useCodes } from './labels.js';

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

/**
 * The efficient packages in two parties' utility space, with the solutions, the reservation levels,
 * the tabled proposals and the improvements on the chosen one marked on it.
 */
export function FrontierSection({
  analysis,
  view: v,
}: {
  analysis: Analysis;
  view: MediatorAnalysis;
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
  return (
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
