/**
 * Rating in numbers: 100 points of importance split across the issues (with the running total), a
 * score from 0 to 100 for every option, and a reservation level.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { AgendaIssue, Preferences } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Button, Section, TextField } from '../../ui/components.js';
import { useAction } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';
import { revisionOf, Slider, StaleOrError } from './ratingFields.js';

/**
 * Weights as points with one decimal that add up to exactly 100 (largest remainders get the last
 * tenths), so that weights from a ranking (45.67 …) show as 45.7 … and still total 100.
 */
function tenthsSummingTo100(entries: Array<[string, number]>): Record<string, number> {
  const sum = entries.reduce((s, [, w]) => s + Math.max(0, w), 0) || 1;
  const scaled = entries.map(([id, w]) => ({ id, tenths: (Math.max(0, w) / sum) * 1000 }));
  const floors = scaled.map((x) => ({ ...x, floor: Math.floor(x.tenths) }));
  let missing = 1000 - floors.reduce((s, x) => s + x.floor, 0);
  const byRemainder = [...floors].sort((a, b) => b.tenths - b.floor - (a.tenths - a.floor));
  const extra = new Set<string>();
  for (const x of byRemainder) {
    if (missing <= 0) break;
    extra.add(x.id);
    missing -= 1;
  }
  return Object.fromEntries(floors.map((x) => [x.id, (x.floor + (extra.has(x.id) ? 1 : 0)) / 10]));
}

/** The ratings as numbers: weights, option scores and the reservation level. */
export function NumbersForm({
  saved,
  issues,
  onSaved,
}: {
  saved: Preferences | null;
  issues: AgendaIssue[];
  onSaved: (p: Preferences) => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const round1 = (n: number) => Math.round(n * 10) / 10;
  const [weights, setWeights] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      Object.entries(tenthsSummingTo100(issues.map((i) => [i.id, saved?.weights[i.id] ?? 1]))).map(
        ([id, w]) => [id, String(w)],
      ),
    ),
  );
  const [scores, setScores] = useState<Record<string, Record<string, number>>>(() =>
    Object.fromEntries(
      issues.map((i) => [
        i.id,
        Object.fromEntries(i.options.map((o) => [o.id, round1(saved?.scores[i.id]?.[o.id] ?? 50)])),
      ]),
    ),
  );
  const [reservation, setReservation] = useState(round1(saved?.reservation ?? 30));
  const action = useAction();
  const total = issues.reduce((s, i) => s + (Number(weights[i.id]) || 0), 0);
  const balanced = Math.abs(total - 100) < 0.05;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const r = await api.preferences.save(view.process.id, {
        baseRevision: revisionOf(saved),
        entry: {
          kind: 'numbers',
          weights: Object.fromEntries(issues.map((i) => [i.id, Number(weights[i.id]) || 0])),
          scores,
          reservation,
        },
      });
      if (r.preferences) onSaved(r.preferences);
    });
  };
  return (
    <form className="prefs-form" onSubmit={submit}>
      <Section title={t('preferences.weightsTitle')}>
        <p className="section-intro">{t('preferences.weightsIntro')}</p>
        <div className="weights-grid">
          {issues.map((i) => (
            <TextField
              key={i.id}
              label={i.title}
              type="number"
              min={0}
              max={100}
              step="any"
              inputMode="decimal"
              className="input-number"
              wrapperClassName="weight-field"
              value={weights[i.id] ?? ''}
              onChange={(e) => setWeights({ ...weights, [i.id]: e.target.value })}
            />
          ))}
        </div>
        <p className={`running-total ${balanced ? 'is-balanced' : 'is-off'}`} role="status">
          {t('preferences.total', { total: formats.number(round1(total)) })}{' '}
          {!balanced &&
            (total < 100
              ? t('preferences.toGo', { n: formats.number(round1(100 - total)) })
              : t('preferences.tooMany', { n: formats.number(round1(total - 100)) }))}
        </p>
      </Section>
      <Section title={t('preferences.scoresTitle')}>
        <p className="section-intro">{t('preferences.scoresIntro')}</p>
        <div className="score-issues">
          {issues.map((i) => (
            <fieldset key={i.id} className="score-issue">
              <legend>{i.title}</legend>
              {i.options.map((o) => (
                <Slider
                  key={o.id}
                  label={o.label}
                  value={scores[i.id]?.[o.id] ?? 0}
                  onChange={(v) => setScores({ ...scores, [i.id]: { ...scores[i.id], [o.id]: v } })}
                />
              ))}
            </fieldset>
          ))}
        </div>
      </Section>
      <Section title={t('preferences.reservationTitle')}>
        <p className="section-intro">{t('preferences.reservationIntro')}</p>
        <Slider
          label={t('preferences.reservation')}
          value={reservation}
          onChange={setReservation}
        />
      </Section>
      <StaleOrError error={action.error} />
      <div className="form-actions">
        <Button
          type="submit"
          pending={action.pending}
          pendingLabel={t('common.saving')}
          disabled={!balanced}
        >
          {t('preferences.saveNumbers')}
        </Button>
        {!balanced && <span className="hint">{t('preferences.mustBe100')}</span>}
      </div>
    </form>
  );
}
