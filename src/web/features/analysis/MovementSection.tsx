/**
 * Movement, for the mediator team and the parties alike: who has stalled (and since when), the
 * negotiation dance (positions by round, in utility space or as one's own utility), and the
 * concessions per round; each chart with its numbers as a table.
 */
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { Section } from '../../ui/components.js';
import { useProcess } from '../processes/ProcessContext.js';
import { useParties } from '../text/holders.js';
import { ChartFigure, ConcessionChart, RoundLineChart, UtilityChart } from './charts.js';
import { mergeLabels, round1, useCodes } from './labels.js';

/** Stalls, the negotiation dance and the concessions per round. */
export function MovementSection({
  analysis,
  stallRounds,
}: {
  analysis: Analysis;
  stallRounds: number;
}) {
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
