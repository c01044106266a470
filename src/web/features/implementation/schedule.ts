/** A commitment's schedule in words, as the table, its phone cards and its facts show it. */
import { useTranslation } from 'react-i18next';
import { useFormats } from '../../i18n/index.js';

/** The recurrences that fall due again and again (a one-off has its deadline alone). */
const frequencies = ['monthly', 'quarterly', 'yearly'] as const;
type Frequency = (typeof frequencies)[number];
const isFrequency = (r: string): r is Frequency => (frequencies as readonly string[]).includes(r);

/**
 * The schedule of a commitment: its deadline ("31 Dec 2026"), or how often it recurs and until
 * when ("Monthly until 31 Dec 2026", "Monthly, without end"), dates as the reader's language
 * writes them (or as `day` writes them).
 */
export function useScheduleText(
  day?: (isoDate: string) => string,
): (recurrence: string, deadline: string | null) => string {
  const { t } = useTranslation();
  const formats = useFormats();
  return (recurrence, deadline) => {
    const date = deadline === null ? null : (day ?? formats.day)(deadline);
    if (!isFrequency(recurrence)) return date ?? '—';
    return date === null
      ? t(`implementation.schedule.open_${recurrence}`)
      : t(`implementation.schedule.until_${recurrence}`, { date });
  };
}
