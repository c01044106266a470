/**
 * Numbers, names and lists shared by the sections of the analysis screen: utilities rounded to a
 * tenth, signed gains, party codes in words, chart labels merged where points meet.
 */
import { useTranslation } from 'react-i18next';
import { useFormats } from '../../i18n/index.js';
import { PartyChip, useParties } from '../text/holders.js';
import type { UtilityPoint } from './charts.js';

/** A utility or gain rounded to one decimal, as the analysis shows them. */
export const round1 = (n: number) => Math.round(n * 10) / 10;

/** A gain or loss with its sign: "+12.5", "−3". */
export function useSigned(): (n: number) => string {
  const formats = useFormats();
  return (n) => `${n >= 0 ? '+' : '−'}${formats.number(Math.abs(round1(n)))}`;
}

/** Party codes joined in words: "GOV and OPP". */
export function useCodes(): (ids: readonly string[]) => string {
  const { code } = useParties();
  const { i18n } = useTranslation();
  return (ids) =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(ids.map((id) => code(id)));
}

/** Merges labels of points at the same place: "R1" and "R2" become "R1, R2". */
export function mergeLabels(points: UtilityPoint[]): UtilityPoint[] {
  const out: UtilityPoint[] = [];
  for (const p of points) {
    const same = out.find((q) => Math.abs(q.x - p.x) < 0.01 && Math.abs(q.y - p.y) < 0.01);
    if (same) same.label = `${same.label ?? ''}, ${p.label ?? ''}`;
    else out.push({ ...p });
  }
  return out;
}

/** Each party's utility for a package, with its gain over a reference when given. */
export function Utilities({
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
  const signed = useSigned();
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
