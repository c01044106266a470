/**
 * What both ways of rating (numbers, ranking) share: the revision a save builds on, the notice
 * when someone else saved first, and a 0–100 slider.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import type { Preferences } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { ErrorAlert, Notice } from '../../ui/components.js';

/** The saved ratings' revision (0 before the first save), for the next save. */
export const revisionOf = (p: Preferences | null) => p?.revision ?? 0;

/** A failed save: "someone saved first" when the revision was stale, else the error. */
export function StaleOrError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error, 'STALE_REVISION'))
    return <Notice tone="warning">{t('preferences.stale')}</Notice>;
  return <ErrorAlert error={error} />;
}

/** A labelled 0–100 slider with its value beside it. */
export function Slider({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (v: number) => void;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const id = useId();
  return (
    <div className="slider-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={0}
        max={100}
        step={1}
        value={value}
        aria-valuetext={t('preferences.outOf100', { n: formats.number(value) })}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output htmlFor={id} className="slider-value">
        {formats.number(value)}
      </output>
    </div>
  );
}
