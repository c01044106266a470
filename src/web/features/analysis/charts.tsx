/**
 * The analysis charts, drawn with Recharts: the frontier in two parties' utility space with the
 * solutions and the tabled proposals, the negotiation dance, and concessions per round. Every chart
 * sits in a figure with a caption and the same data as a table for those who do not read charts.
 * Colours follow the parties' colours in the text; shapes and labels repeat what colour says.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
  type LabelProps,
} from 'recharts';
import { useFormats } from '../../i18n/index.js';

/** Ink colours of the chart furniture (kept in step with app.css). */
export const chartInk = {
  grid: '#d6dce4',
  axis: '#566170',
  frontier: '#7d8998',
  reservation: '#8a5300',
  proposal: '#1b2430',
  improvement: '#1d6a3a',
  zone: '#e3f1e6',
};

/** Solution markers: a shape and an ink each, and where the label goes (they often sit close). */
export const solutionStyle = {
  nash: { shape: 'star', colour: '#1b2430', position: 'top' },
  'kalai-smorodinsky': { shape: 'diamond', colour: '#7a2e0e', position: 'right' },
  egalitarian: { shape: 'triangle', colour: '#0b5c60', position: 'bottom' },
  'max-welfare': { shape: 'square', colour: '#5a368c', position: 'left' },
} as const;

/** A chart in a figure, with its caption and its data as a table. */
export function ChartFigure({
  caption,
  table,
  children,
  className,
}: {
  caption: ReactNode;
  table?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <figure className={`chart-figure${className ? ` ${className}` : ''}`}>
      <div className="chart-box">{children}</div>
      <figcaption>{caption}</figcaption>
      {table && (
        <details className="chart-data">
          <summary>{t('analysis.asTable')}</summary>
          {table}
        </details>
      )}
    </figure>
  );
}

/**
 * A point's label on one line, beside its marker, with a white halo so it reads over lines and
 * other markers (Recharts' own labels wrap words into a narrow column).
 */
function pointLabel(position: 'top' | 'bottom' | 'left' | 'right', colour: string) {
  function PointLabel(props: LabelProps) {
    const box = (props.viewBox ?? {}) as {
      x?: number;
      y?: number;
      width?: number;
      height?: number;
    };
    const x = Number(box.x ?? props.x ?? 0);
    const y = Number(box.y ?? props.y ?? 0);
    const w = Number(box.width ?? 0);
    const h = Number(box.height ?? 0);
    const gap = 6;
    const places: Record<
      typeof position,
      { x: number; y: number; anchor: 'start' | 'middle' | 'end' }
    > = {
      top: { x: x + w / 2, y: y - gap, anchor: 'middle' },
      bottom: { x: x + w / 2, y: y + h + gap + 9, anchor: 'middle' },
      left: { x: x - gap, y: y + h / 2 + 4, anchor: 'end' },
      right: { x: x + w + gap, y: y + h / 2 + 4, anchor: 'start' },
    };
    const place = places[position];
    return (
      <text
        x={place.x}
        y={place.y}
        textAnchor={place.anchor}
        fill={colour}
        fontSize={12}
        fontWeight={650}
        stroke="#ffffff"
        strokeWidth={3}
        strokeLinejoin="round"
        paintOrder="stroke"
      >
        {props.value}
      </text>
    );
  }
  return PointLabel;
}

/** No marker at all (the faint frontier is a line only). */
const NoMarker = () => <g />;

type Shape = 'circle' | 'square' | 'triangle' | 'diamond' | 'star' | 'cross' | 'wye' | 'line';

/** A small drawing of a series' marker, for the legend. */
function LegendSymbol({ shape, colour }: { shape: Shape; colour: string }) {
  const c = 7;
  const marker = (() => {
    switch (shape) {
      case 'line':
        return <line x1={0} y1={c} x2={14} y2={c} stroke={colour} strokeWidth={2.5} />;
      case 'square':
        return <rect x={2} y={2} width={10} height={10} fill={colour} />;
      case 'triangle':
        return <polygon points="7,1 13,13 1,13" fill={colour} />;
      case 'diamond':
        return <polygon points="7,0 14,7 7,14 0,7" fill={colour} />;
      case 'star':
        return (
          <polygon
            points="7,0 8.8,5 14,5 9.8,8.2 11.4,13.5 7,10.3 2.6,13.5 4.2,8.2 0,5 5.2,5"
            fill={colour}
          />
        );
      case 'cross':
        return <path d="M5 0h4v5h5v4H9v5H5V9H0V5h5z" fill={colour} />;
      case 'wye':
        return <path d="M7 7V14M7 7L1 2M7 7l6-5" stroke={colour} strokeWidth={3} fill="none" />;
      case 'circle':
        return <circle cx={c} cy={c} r={5.5} fill={colour} />;
    }
  })();
  return (
    <svg width={14} height={14} viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      {marker}
    </svg>
  );
}

/** The key to a chart, as HTML (it wraps instead of covering the plot). */
export function ChartLegend({
  entries,
}: {
  entries: Array<{ key: string; name: string; shape: Shape; colour: string }>;
}) {
  const { t } = useTranslation();
  return (
    <ul className="chart-legend" aria-label={t('analysis.legend')}>
      {entries.map((e) => (
        <li key={e.key}>
          <LegendSymbol shape={e.shape} colour={e.colour} />
          <span>{e.name}</span>
        </li>
      ))}
    </ul>
  );
}

/** A point in a two-party utility space. */
export interface UtilityPoint {
  x: number;
  y: number;
  label?: string;
  /** What the tooltip says about it. */
  detail?: string;
}

/** One marked series in the frontier chart. */
export interface MarkedSeries {
  key: string;
  name: string;
  points: UtilityPoint[];
  colour: string;
  shape: Exclude<Shape, 'line'>;
  labelPosition?: 'top' | 'bottom' | 'left' | 'right';
  /** Connect the points in order (the dance). */
  connect?: boolean;
  size?: 'small' | 'large';
  /** Drawing order: higher is on top (Recharts draws scatters at 600). */
  zIndex?: number;
}

function PointTooltip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: UtilityPoint & { series?: string } }>;
}) {
  const formats = useFormats();
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="chart-tooltip">
      {p.series && <p className="strong">{p.series}</p>}
      {p.label && <p>{p.label}</p>}
      <p className="mono">
        ({formats.number(Math.round(p.x * 10) / 10)}, {formats.number(Math.round(p.y * 10) / 10)})
      </p>
      {p.detail && <p className="small">{p.detail}</p>}
    </div>
  );
}

/**
 * Utility space: x is one party's utility, y the other's (0–100), with the frontier as a line,
 * reference lines at the reservation levels (and the area both could accept between them), and any
 * marked series, with the key above the plot.
 */
export function UtilityChart({
  xName,
  yName,
  frontier,
  frontierName,
  faintFrontier = false,
  reservation,
  series,
  height = 440,
}: {
  xName: string;
  yName: string;
  frontier: UtilityPoint[];
  frontierName: string;
  /** Draw the frontier as a thin line only (behind the dance). */
  faintFrontier?: boolean;
  reservation?: { x?: number; y?: number; xLabel: string; yLabel: string; areaLabel: string };
  series: MarkedSeries[];
  height?: number;
}) {
  const formats = useFormats();
  const tick = (v: number) => formats.number(v);
  const frontierColour = faintFrontier ? chartInk.grid : chartInk.frontier;
  const legend = [
    ...(frontier.length > 0
      ? [{ key: 'frontier', name: frontierName, shape: 'line' as const, colour: frontierColour }]
      : []),
    ...series.map((s) => ({ key: s.key, name: s.name, shape: s.shape, colour: s.colour })),
    ...(reservation?.x !== undefined && reservation.y !== undefined
      ? [
          {
            key: 'zone',
            name: reservation.areaLabel,
            shape: 'square' as const,
            colour: chartInk.zone,
          },
        ]
      : []),
  ];
  return (
    <>
      <ChartLegend entries={legend} />
      <ResponsiveContainer width="100%" height={height}>
        <ScatterChart margin={{ top: 12, right: 64, bottom: 36, left: 12 }} accessibilityLayer>
          <CartesianGrid stroke={chartInk.grid} strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            domain={[0, 100]}
            ticks={[0, 20, 40, 60, 80, 100]}
            tickFormatter={tick}
            stroke={chartInk.axis}
            label={{ value: xName, position: 'insideBottom', offset: -22, fill: chartInk.axis }}
          />
          <YAxis
            type="number"
            dataKey="y"
            domain={[0, 100]}
            ticks={[0, 20, 40, 60, 80, 100]}
            tickFormatter={tick}
            stroke={chartInk.axis}
            width={56}
            label={{
              value: yName,
              angle: -90,
              position: 'insideLeft',
              offset: 8,
              fill: chartInk.axis,
            }}
          />
          <ZAxis zAxisId="tiny" range={[10, 10]} />
          <ZAxis zAxisId="small" range={[30, 30]} />
          <ZAxis zAxisId="large" range={[200, 200]} />
          {reservation?.x !== undefined && reservation.y !== undefined && (
            <ReferenceArea
              x1={reservation.x}
              y1={reservation.y}
              x2={100}
              y2={100}
              fill={chartInk.zone}
              fillOpacity={0.35}
              stroke="none"
            />
          )}
          {reservation?.x !== undefined && (
            <ReferenceLine
              x={reservation.x}
              stroke={chartInk.reservation}
              strokeDasharray="6 4"
              label={{
                value: reservation.xLabel,
                position: 'insideBottomLeft',
                angle: -90,
                offset: 14,
                fill: chartInk.reservation,
                fontSize: 12,
              }}
            />
          )}
          {reservation?.y !== undefined && (
            <ReferenceLine
              y={reservation.y}
              stroke={chartInk.reservation}
              strokeDasharray="6 4"
              label={{
                value: reservation.yLabel,
                position: 'insideBottomLeft',
                fill: chartInk.reservation,
                fontSize: 12,
              }}
            />
          )}
          <Tooltip content={<PointTooltip />} cursor={{ strokeDasharray: '3 3' }} />
          {frontier.length > 0 && (
            <Scatter
              name={frontierName}
              data={frontier.map((p) => ({ ...p, series: frontierName }))}
              fill={frontierColour}
              line={{ stroke: frontierColour, strokeWidth: faintFrontier ? 3 : 1.5 }}
              shape={faintFrontier ? NoMarker : 'circle'}
              zAxisId="tiny"
              legendType="line"
              isAnimationActive={false}
            />
          )}
          {series.map((s) => (
            <Scatter
              key={s.key}
              name={s.name}
              data={s.points.map((p) => ({ ...p, series: s.name }))}
              fill={s.colour}
              stroke="#ffffff"
              shape={s.shape}
              legendType={s.shape}
              line={s.connect ? { stroke: s.colour, strokeWidth: 2 } : false}
              zAxisId={s.size === 'small' ? 'small' : 'large'}
              zIndex={s.zIndex}
              isAnimationActive={false}
            >
              {s.labelPosition && (
                <LabelList dataKey="label" content={pointLabel(s.labelPosition, s.colour)} />
              )}
            </Scatter>
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </>
  );
}

/** One bar series per party: concessions per round. */
export function ConcessionChart({
  data,
  parties,
  yName,
  height = 300,
}: {
  data: Array<Record<string, number | string | null>>;
  parties: Array<{ id: string; name: string; colour: string; shape: MarkedSeries['shape'] }>;
  yName: string;
  height?: number;
}) {
  const formats = useFormats();
  // Round ticks (0, 10, 20 … or 0, 20, 40 …) over the range of the values, zero included.
  const values = data.flatMap((row) =>
    parties.map((p) => row[p.id]).filter((v): v is number => typeof v === 'number'),
  );
  const low = Math.min(0, Math.floor(Math.min(0, ...values) / 10) * 10);
  const high = Math.max(10, Math.ceil(Math.max(0, ...values) / 10) * 10);
  const step = high - low > 60 ? 20 : 10;
  const ticks: number[] = [];
  for (let v = Math.floor(low / step) * step; v <= high; v += step) ticks.push(v);
  return (
    <>
      <ChartLegend
        entries={parties.map((p) => ({
          key: p.id,
          name: p.name,
          shape: 'square',
          colour: p.colour,
        }))}
      />
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={data}
          margin={{ top: 16, right: 24, bottom: 8, left: 12 }}
          accessibilityLayer
        >
          <CartesianGrid stroke={chartInk.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="round" stroke={chartInk.axis} />
          <YAxis
            stroke={chartInk.axis}
            domain={[ticks[0] ?? 0, ticks[ticks.length - 1] ?? 10]}
            ticks={ticks}
            tickFormatter={(v: number) => formats.number(v)}
            width={48}
            name={yName}
          />
          <ReferenceLine y={0} stroke={chartInk.axis} />
          <Tooltip
            formatter={(v) => (typeof v === 'number' ? formats.number(Math.round(v * 10) / 10) : v)}
          />
          {parties.map((p) => (
            <Bar key={p.id} dataKey={p.id} name={p.name} fill={p.colour} isAnimationActive={false}>
              <LabelList
                dataKey={p.id}
                position="top"
                fontSize={11}
                fill={chartInk.axis}
                formatter={(v) =>
                  typeof v === 'number' ? formats.number(Math.round(v * 10) / 10) : ''
                }
              />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </>
  );
}

/** Utility (0–100) per round, a line per series: a party's own view of everyone's positions. */
export function RoundLineChart({
  data,
  series,
  yName,
  reservation,
  reservationLabel,
  height = 280,
}: {
  data: Array<Record<string, number | string | null>>;
  series: Array<{ key: string; name: string; colour: string; shape: MarkedSeries['shape'] }>;
  yName: string;
  reservation?: number;
  reservationLabel?: string;
  height?: number;
}) {
  const formats = useFormats();
  return (
    <>
      <ChartLegend
        entries={series.map((s) => ({
          key: s.key,
          name: s.name,
          shape: s.shape,
          colour: s.colour,
        }))}
      />
      <ResponsiveContainer width="100%" height={height}>
        <LineChart
          data={data}
          margin={{ top: 16, right: 32, bottom: 8, left: 12 }}
          accessibilityLayer
        >
          <CartesianGrid stroke={chartInk.grid} strokeDasharray="3 3" />
          <XAxis dataKey="round" stroke={chartInk.axis} />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 20, 40, 60, 80, 100]}
            stroke={chartInk.axis}
            tickFormatter={(v: number) => formats.number(v)}
            width={56}
            label={{
              value: yName,
              angle: -90,
              position: 'insideLeft',
              offset: 8,
              fill: chartInk.axis,
            }}
          />
          {reservation !== undefined && (
            <ReferenceLine
              y={reservation}
              stroke={chartInk.reservation}
              strokeDasharray="6 4"
              label={{
                value: reservationLabel,
                position: 'insideBottomRight',
                fill: chartInk.reservation,
                fontSize: 12,
              }}
            />
          )}
          <Tooltip
            formatter={(v) => (typeof v === 'number' ? formats.number(Math.round(v * 10) / 10) : v)}
          />
          {series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stroke={s.colour}
              strokeWidth={2.5}
              dot={{ r: 5, fill: s.colour }}
              legendType={s.shape === 'cross' || s.shape === 'wye' ? 'circle' : s.shape}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </>
  );
}
