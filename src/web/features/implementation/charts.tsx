/**
 * The implementation charts, shared by the implementation screen and the public accountability
 * page: progress month by month (stacked shares by level and the weighted percentage) with its
 * numbers in a table beside it, and the provision types × years matrix.
 */
import { useTranslation } from 'react-i18next';
import { pamTypeName } from './pam-names.js';

/** One month of a roll-up, as the API gives it. */
export interface MonthRow {
  month: string;
  counts: number[];
  percent: number;
}

/** One cell of the provision types × years matrix. */
export interface MatrixRow {
  provisionType: string;
  year: number;
  mean: number;
  level: number;
}

const colours = ['#b8bec6', '#e0a43a', '#4f8fd6', '#2e8b57'];
const levelClass = ['level-0', 'level-1', 'level-2', 'level-3'];

/** The catalogue key of a level's name (levels outside 0–3 do not occur: the API checks them). */
export const levelKey = (l: number) => `implementation.level.${l}` as 'implementation.level.0';

/** A level as a labelled badge. */
export function LevelBadge({ level }: { level: number }) {
  const { t } = useTranslation();
  return (
    <span className={`badge level-badge ${levelClass[level] ?? ''}`}>
      {level} · {t(levelKey(level))}
    </span>
  );
}

/** Progress month by month: the chart, and the same numbers as a table beside it. */
export function ProgressChart({ months }: { months: readonly MonthRow[] }) {
  const { t } = useTranslation();
  const w = 640;
  const h = 220;
  const pad = 28;
  const bw = months.length === 0 ? 0 : (w - pad * 2) / months.length;
  const y = (share: number) => pad + (1 - share) * (h - pad * 2);
  return (
    <div className="progress-layout">
      <figure className="progress-chart">
        <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={t('implementation.chartLabel')}>
          {months.map((m, i) => {
            const n = m.counts.reduce((a, b) => a + b, 0) || 1;
            let acc = 0;
            return m.counts.map((c, l) => {
              const top = acc + c / n;
              const rect = (
                <rect
                  key={`${m.month}-${l}`}
                  x={pad + i * bw + 1}
                  y={y(top)}
                  width={Math.max(bw - 2, 1)}
                  height={y(acc) - y(top)}
                  fill={colours[l]}
                />
              );
              acc = top;
              return rect;
            });
          })}
          <polyline
            fill="none"
            stroke="#111"
            strokeWidth={2}
            points={months
              .map((m, i) => `${pad + i * bw + bw / 2},${y(m.percent / 100)}`)
              .join(' ')}
          />
          <text x={pad} y={pad - 8} fontSize={12}>
            100%
          </text>
          <text x={pad} y={h - 8} fontSize={12}>
            {months[0]?.month ?? ''}
          </text>
          <text x={w - pad} y={h - 8} fontSize={12} textAnchor="end">
            {months.at(-1)?.month ?? ''}
          </text>
        </svg>
        <figcaption className="legend">
          {[0, 1, 2, 3].map((l) => (
            <span key={l}>
              <span className="swatch" style={{ background: colours[l] }} /> {t(levelKey(l))}
            </span>
          ))}
          <span>— {t('implementation.weighted')}</span>
        </figcaption>
      </figure>
      {/* Two years and more scroll inside their box: focusable, so the keyboard scrolls it too. */}
      <div
        className="table-wrap progress-table"
        tabIndex={0}
        role="region"
        aria-label={t('implementation.chartLabel')}
      >
        <table className="table">
          <caption className="visually-hidden">{t('implementation.chartLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('implementation.month')}</th>
              {[0, 1, 2, 3].map((l) => (
                <th key={l} scope="col" className="num">
                  {l}
                </th>
              ))}
              <th scope="col" className="num">
                %
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                {m.counts.map((c, l) => (
                  <td key={l} className="num">
                    {c}
                  </td>
                ))}
                <td className="num">{m.percent}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The provision types × years matrix: each type's level at the end of each year. */
export function MatrixTable({ matrix }: { matrix: readonly MatrixRow[] }) {
  const { t } = useTranslation();
  const years = [...new Set(matrix.map((c) => c.year))];
  const types = [...new Set(matrix.map((c) => c.provisionType))];
  return (
    <div className="table-wrap">
      <table className="table matrix-table">
        <thead>
          <tr>
            <th scope="col">{t('implementation.provisionType')}</th>
            {years.map((y) => (
              <th key={y} scope="col" className="num">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {types.map((type) => (
            <tr key={type}>
              <th scope="row">{pamTypeName(t, type)}</th>
              {years.map((y) => {
                const cell = matrix.find((c) => c.provisionType === type && c.year === y);
                return (
                  <td
                    key={y}
                    className={`num ${levelClass[cell?.level ?? 0] ?? ''}`}
                    title={cell ? String(cell.mean) : ''}
                  >
                    {cell?.level ?? 0}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
