/**
 * Rating by ranking: put the issues in order, rank each issue's options, set a reservation level,
 * see the numbers that follow (computed with the domain's own conversion) and confirm them.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { preferencesFromRankings } from '../../../core/analysis/elicitation.js';
import type { PartyPreferences } from '../../../core/analysis/domain.js';
import { api } from '../../api/client.js';
import type { AgendaIssue, Preferences } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Button, ErrorAlert, Section } from '../../ui/components.js';
import { useAction } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';
import { OrderList } from './OrderList.js';
import { revisionOf, Slider, StaleOrError } from './ratingFields.js';

/** Ids sorted by a value, highest first (stable: agenda order breaks ties). */
function byValue(ids: string[], value: (id: string) => number | undefined): string[] {
  return [...ids].sort((a, b) => (value(b) ?? 0) - (value(a) ?? 0));
}

/** The ratings by ranking, shown as numbers to confirm before saving. */
export function RankingForm({
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
  const [order, setOrder] = useState<string[]>(() =>
    byValue(
      issues.map((i) => i.id),
      (id) => saved?.weights[id],
    ),
  );
  const [rankings, setRankings] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(
      issues.map((i) => [
        i.id,
        byValue(
          i.options.map((o) => o.id),
          (id) => saved?.scores[i.id]?.[id],
        ),
      ]),
    ),
  );
  const [reservation, setReservation] = useState(Math.round(saved?.reservation ?? 30));
  const [preview, setPreview] = useState<PartyPreferences | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const action = useAction();
  const issue = (id: string) => issues.find((i) => i.id === id);
  const showNumbers = (e: FormEvent) => {
    e.preventDefault();
    try {
      setPreview(
        preferencesFromRankings(
          issues.map((i) => ({ id: i.id, label: i.title, options: i.options })),
          { id: 'mine', issueOrder: order, optionRankings: rankings, reservation },
        ),
      );
      setPreviewError(null);
    } catch (err) {
      setPreviewError(err);
    }
  };
  const confirm = () =>
    void action.run(async () => {
      const r = await api.preferences.save(view.process.id, {
        baseRevision: revisionOf(saved),
        entry: { kind: 'ranking', issueOrder: order, optionRankings: rankings, reservation },
      });
      if (r.preferences) onSaved(r.preferences);
    });
  if (preview)
    return (
      <Section title={t('preferences.confirmTitle')} className="confirm-panel">
        <p className="section-intro">{t('preferences.confirmIntro')}</p>
        <div className="table-wrap">
          <table className="table confirm-table">
            <caption className="visually-hidden">{t('preferences.confirmTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('preferences.issueColumn')}</th>
                <th scope="col" className="num">
                  {t('preferences.weightColumn')}
                </th>
                <th scope="col">{t('preferences.scoresColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {order.map((id) => {
                const i = issue(id);
                if (!i) return null;
                return (
                  <tr key={id}>
                    <th scope="row">{i.title}</th>
                    <td className="num">
                      {formats.number(Math.round((preview.weights[id] ?? 0) * 10) / 10)}
                    </td>
                    <td>
                      <ul className="converted-scores">
                        {(rankings[id] ?? []).map((oid) => (
                          <li key={oid}>
                            <span>{i.options.find((o) => o.id === oid)?.label}</span>
                            <span className="score-number">
                              {formats.number(
                                Math.round((preview.scores[id]?.[oid] ?? 0) * 10) / 10,
                              )}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p>{t('preferences.reservationIs', { n: formats.number(reservation) })}</p>
        <StaleOrError error={action.error} />
        <div className="form-actions">
          <Button onClick={confirm} pending={action.pending} pendingLabel={t('common.saving')}>
            {t('preferences.confirmSave')}
          </Button>
          <Button variant="secondary" onClick={() => setPreview(null)}>
            {t('preferences.backToRanking')}
          </Button>
        </div>
        <p className="muted small">{t('preferences.ruleNote')}</p>
      </Section>
    );
  return (
    <form onSubmit={showNumbers}>
      <div className="grid-2">
        <Section title={t('preferences.orderTitle')}>
          <p className="section-intro">{t('preferences.orderIntro')}</p>
          <OrderList
            id="issue-order"
            label={t('preferences.orderTitle')}
            items={order.map((id) => ({ id, label: issue(id)?.title ?? '?' }))}
            onChange={setOrder}
          />
        </Section>
        <Section title={t('preferences.reservationTitle')}>
          <p className="section-intro">{t('preferences.reservationIntro')}</p>
          <Slider
            label={t('preferences.reservation')}
            value={reservation}
            onChange={setReservation}
          />
        </Section>
      </div>
      <Section title={t('preferences.rankTitle')}>
        <p className="section-intro">{t('preferences.rankIntro')}</p>
        <div className="rank-grid">
          {issues.map((i) => (
            <div key={i.id} className="rank-issue">
              <h3 className="rank-issue-title">{i.title}</h3>
              <OrderList
                id={`rank-${i.id}`}
                label={t('preferences.rankOf', { issue: i.title })}
                items={(rankings[i.id] ?? []).map((oid) => ({
                  id: oid,
                  label: i.options.find((o) => o.id === oid)?.label ?? '?',
                }))}
                onChange={(ids) => setRankings({ ...rankings, [i.id]: ids })}
              />
            </div>
          ))}
        </div>
      </Section>
      <ErrorAlert error={previewError} />
      <div className="form-actions">
        <Button type="submit">{t('preferences.showNumbers')}</Button>
      </div>
    </form>
  );
}
