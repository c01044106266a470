/**
 * My party's private ratings: 100 points of importance split across the issues (with the running
 * total), a score from 0 to 100 for every option, and a reservation level — or the easier way in:
 * put the issues in order and rank each issue's options, see the numbers that follow, confirm.
 * The head of delegation shares the ratings with the mediator team or takes them back; the head
 * or a delegate submits them for the mediators' next suggestion set.
 */
import { useConfirmation } from '../../ui/ConfirmDialog.js';
import { AudienceSummary } from '../outward/AudienceSummary.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { AgendaIssue, Preferences } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { CheckboxField, ErrorAlert, Loading, Notice, PageTitle } from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { CompartmentBadge } from '../compartments/labels.js';
import { useProcess } from '../processes/ProcessContext.js';
import { NumbersForm } from './NumbersForm.js';
import { RankingForm } from './RankingForm.js';
import { revisionOf } from './ratingFields.js';
import { SubmissionsPanel } from './SubmissionsPanel.js';

type Mode = 'numbers' | 'ranking';

/** The preferences screen. */
export function PreferencesPage() {
  const { t } = useTranslation();
  const { view } = useProcess();
  const data = useQuery(async () => {
    const [prefs, record] = await Promise.all([
      api.preferences.get(view.process.id),
      api.record.get(view.process.id),
    ]);
    return { prefs: prefs.preferences, issues: record.issues.filter((i) => i.options.length > 0) };
  }, [view.process.id]);
  return (
    <div className="page page-wide">
      <header className="page-header">
        <p className="eyebrow">{view.process.codename}</p>
        <PageTitle documentTitle={`${t('preferences.title')} · ${view.process.codename}`}>
          {t('preferences.title')}
        </PageTitle>
        <p className="lead">{t('preferences.intro')}</p>
      </header>
      <ErrorAlert error={data.error} />
      {data.loading && !data.data ? (
        <Loading />
      ) : data.data ? (
        data.data.issues.length === 0 ? (
          <p className="empty">{t('preferences.noAgenda')}</p>
        ) : (
          <Ratings
            saved={data.data.prefs}
            issues={data.data.issues}
            onSaved={(p) => data.setData({ ...data.data!, prefs: p })}
            reload={data.reload}
          />
        )
      ) : null}
    </div>
  );
}

function Ratings({
  saved,
  issues,
  onSaved,
  reload,
}: {
  saved: Preferences | null;
  issues: AgendaIssue[];
  onSaved: (p: Preferences) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { view } = useProcess();
  const [mode, setMode] = useState<Mode>(saved ? 'numbers' : 'ranking');
  const [justSaved, setJustSaved] = useState<Preferences['method'] | null>(null);
  const caucus = view.compartments.find(
    (c) => c.kind === 'caucus' && c.partyId === view.me.partyId,
  );
  const channel = view.compartments.find(
    (c) => c.kind === 'bilateral' && c.partyId === view.me.partyId,
  );
  const where = saved?.shared ? channel : caucus;
  const done = (p: Preferences) => {
    setJustSaved(p.method);
    setMode('numbers');
    onSaved(p);
  };
  return (
    <>
      <div className="prefs-status">
        <div className="chip-row">
          {where && <CompartmentBadge compartmentId={where.id} large />}
          <span>
            {saved
              ? t('preferences.savedMeta', {
                  date: formats.dateTime(saved.updatedAt),
                  method: t(`preferences.method.${saved.method}`),
                  revision: formats.number(saved.revision),
                })
              : t('preferences.notYet')}
          </span>
        </div>
        <p className="muted small">
          {saved?.shared ? t('preferences.sharedHelp') : t('preferences.privateHelp')}
        </p>
        <ShareToggle saved={saved} onChanged={reload} />
      </div>
      <SubmissionsPanel saved={saved} />
      {justSaved && (
        <Notice>
          {justSaved === 'ranking'
            ? t('preferences.savedFromRanking')
            : t('preferences.savedNumbers')}{' '}
          <Link to={`/processes/${view.process.id}/analysis`}>{t('preferences.toAnalysis')}</Link>
        </Notice>
      )}
      <fieldset className="segmented mode-switch">
        <legend>{t('preferences.howLabel')}</legend>
        {(['ranking', 'numbers'] as const).map((m) => (
          <label key={m} className={mode === m ? 'is-selected' : undefined}>
            <input
              type="radio"
              name="prefs-mode"
              checked={mode === m}
              onChange={() => setMode(m)}
            />
            {t(`preferences.mode.${m}`)}
          </label>
        ))}
      </fieldset>
      {/* Each save starts the forms afresh from what was saved. */}
      {mode === 'ranking' ? (
        <RankingForm key={revisionOf(saved)} saved={saved} issues={issues} onSaved={done} />
      ) : (
        <NumbersForm key={revisionOf(saved)} saved={saved} issues={issues} onSaved={done} />
      )}
    </>
  );
}

function ShareToggle({ saved, onChanged }: { saved: Preferences | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const action = useAction();
  const confirmation = useConfirmation();
  const channel = view.compartments.find(
    (c) => c.kind === 'bilateral' && c.partyId === view.me.partyId,
  );
  if (view.me.role !== 'head_of_delegation')
    return (
      <p className="small">
        {saved?.shared ? t('preferences.sharedByHead') : t('preferences.headShares')}
      </p>
    );
  return (
    <div>
      <CheckboxField
        label={t('preferences.share')}
        hint={saved ? t('preferences.shareHint') : t('preferences.shareFirst')}
        checked={saved?.shared ?? false}
        disabled={!saved || action.pending}
        onChange={(e) => {
          const shared = e.target.checked;
          const apply = () =>
            void action.run(async () => {
              await api.preferences.share(view.process.id, shared);
              onChanged();
            });
          if (!shared || !channel) return apply();
          confirmation.ask({
            title: t('outward.share.title'),
            confirmLabel: t('outward.share.confirm'),
            body: (
              <AudienceSummary compartmentId={channel.id} what={t('outward.share.what')}>
                <p>{t('outward.share.canTakeBack')}</p>
              </AudienceSummary>
            ),
            onConfirm: apply,
          });
        }}
      />
      {confirmation.dialog}
      <ErrorAlert error={action.error} />
    </div>
  );
}
