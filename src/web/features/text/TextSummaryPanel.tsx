/**
 * The negotiating text on the process dashboard: "nothing is agreed until everything is agreed",
 * how many brackets are open, and the latest version I received (or, for the mediator team, the
 * working draft).
 */
import { useTranslation } from 'react-i18next';
import { isMediatorRole } from '../../../core/process/model.js';
import { api, isApiError } from '../../api/client.js';
import type { OverallState } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { ErrorAlert, Loading, Section } from '../../ui/components.js';
import { useQuery } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';
import { TextState } from './TextDocument.js';

interface Summary {
  state: OverallState;
  /** The latest version received (null: the mediators' draft is summarised). */
  version: { number: number; publishedAt: string } | null;
  /** Versions received in all. */
  count: number;
}

/** The dashboard's text panel. */
export function TextSummaryPanel() {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const id = view.process.id;
  const mediator = isMediatorRole(view.me.role);
  const summary = useQuery(async (): Promise<Summary | null> => {
    const { versions } = await api.text.versions(id);
    const latest = versions.reduce<(typeof versions)[number] | null>(
      (m, v) => (m === null || v.number > m.number ? v : m),
      null,
    );
    if (mediator) {
      try {
        const draft = await api.text.draft(id);
        return { state: draft.state, version: null, count: versions.length };
      } catch (e) {
        if (!isApiError(e, 'NOT_FOUND')) throw e;
      }
    }
    if (!latest) return null;
    const v = await api.text.version(id, latest.number);
    return { state: v.state, version: latest, count: versions.length };
  }, [id, mediator]);
  return (
    <Section title={t('text.title')}>
      <ErrorAlert error={summary.error} />
      {summary.loading && !summary.data ? (
        <Loading />
      ) : summary.data ? (
        <>
          <p className="muted small">
            {summary.data.version
              ? t('text.dashboardVersion', {
                  n: summary.data.version.number,
                  date: formats.dateTime(summary.data.version.publishedAt),
                })
              : t('text.dashboardDraft', { count: summary.data.count })}
          </p>
          <TextState state={summary.data.state} signatures={summary.data.version !== null} />
        </>
      ) : (
        !summary.error && <p className="empty">{t('text.noVersionYet')}</p>
      )}
      <p>
        <Link to={`/processes/${id}/text`}>{t('text.open')}</Link>
      </p>
    </Section>
  );
}
