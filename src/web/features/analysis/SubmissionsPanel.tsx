/**
 * The party's submissions of its ratings: what it saves is a private draft; what it submits is a
 * numbered, immutable copy that the mediators' next suggestion set will use. The head of
 * delegation and delegates submit; every member of the delegation sees the list.
 */
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Preferences } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Button, ErrorAlert, Notice, Section } from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';
import { round1 } from './labels.js';

/** The submissions list and the button that submits the saved draft. */
export function SubmissionsPanel({ saved }: { saved: Preferences | null }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { view, liveTick } = useProcess();
  const list = useQuery(
    () => api.preferences.submissions(view.process.id),
    [view.process.id, liveTick],
  );
  const action = useAction();
  const submissions = list.data?.submissions ?? [];
  const latest = submissions[0];
  const maySubmit = view.me.role === 'head_of_delegation' || view.me.role === 'delegate';
  const current = latest !== undefined && saved !== null && latest.draftRevision === saved.revision;
  return (
    <Section title={t('preferences.submitTitle')} className="submissions">
      <p className="section-intro">{t('preferences.submitIntro')}</p>
      {saved && latest && (
        <p className="small">
          {current ? t('preferences.draftIsSubmitted') : t('preferences.draftChanged')}
        </p>
      )}
      {maySubmit ? (
        <Button
          disabled={!saved || current}
          pending={action.pending}
          pendingLabel={t('preferences.submitting')}
          onClick={() =>
            void action.run(async () => {
              if (!saved) return;
              await api.preferences.submit(view.process.id, saved.revision);
              list.reload();
            })
          }
        >
          {t('preferences.submit')}
        </Button>
      ) : (
        <p className="small">{t('preferences.submitWho')}</p>
      )}
      <ErrorAlert error={action.error ?? list.error} />
      {latest && !action.pending && current && (
        <Notice>{t('preferences.submitted', { n: formats.number(latest.number) })}</Notice>
      )}
      {submissions.length === 0 ? (
        <p className="empty">{t('preferences.noSubmissions')}</p>
      ) : (
        <ul className="submission-list">
          {submissions.map((s) => (
            <li key={s.number}>
              {t('preferences.submissionRow', {
                n: formats.number(s.number),
                date: formats.dateTime(s.submittedAt),
                r: formats.number(round1(s.reservation)),
              })}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
