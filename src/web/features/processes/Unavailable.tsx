/**
 * What a page says when what its address names cannot be shown: missing and not visible look
 * exactly alike (Parley answers both the same way, so that nothing hidden gives itself away), and
 * the page says so and offers the ways on — the process overview, search, the list of processes.
 * Any other failure is shown as the error it is.
 */
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { Link } from '../../router.js';
import { ErrorAlert, PageTitle } from '../../ui/components.js';
import { useOptionalProcess } from './ProcessContext.js';

/** The page for a thing that is not there, or not there for this reader. */
export function Unavailable({ error }: { error?: unknown }) {
  const { t } = useTranslation();
  const open = useOptionalProcess();
  const hidden =
    error === undefined || isApiError(error, 'NOT_FOUND') || isApiError(error, 'FORBIDDEN');
  if (!hidden) return <ErrorAlert error={error} />;
  const forbidden = isApiError(error, 'FORBIDDEN');
  const title = forbidden ? t('unavailable.forbiddenTitle') : t('unavailable.title');
  const base = open ? `/processes/${open.view.process.id}` : null;
  return (
    <div className="page page-narrow unavailable" data-testid="unavailable">
      <p className="eyebrow">{open?.view.process.codename ?? 'Parley'}</p>
      <PageTitle documentTitle={title}>{title}</PageTitle>
      <p className="lead">{forbidden ? t('unavailable.forbiddenBody') : t('unavailable.body')}</p>
      <h2 className="minor-heading">{t('unavailable.next')}</h2>
      <ul className="unavailable-ways">
        {base && (
          <li>
            <Link to={base}>
              {t('unavailable.overview', { codename: open?.view.process.codename ?? '' })}
            </Link>
          </li>
        )}
        {base && (
          <li>
            <Link to={`${base}/search`}>{t('unavailable.search')}</Link>
          </li>
        )}
        <li>
          <Link to="/processes">{t('app.backToProcesses')}</Link>
        </li>
        <li>{t('unavailable.ask')}</li>
      </ul>
    </div>
  );
}
