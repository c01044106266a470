/**
 * The public accountability page, for anyone without an account: exactly the picture the
 * mediators released — the commitments with their verified levels, the progress charts with
 * their numbers beside them, the provision types × years matrix — and nothing else. It reads one
 * public route and needs no session.
 */
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { PublicPicture } from '../../api/types.js';
import { DemoAwareText, ErrorAlert, Loading, PageTitle, Section } from '../../ui/components.js';
import { useQuery } from '../../ui/hooks.js';
import { LevelBadge, MatrixTable, ProgressChart } from './charts.js';
import { pamTypeName } from './pam-names.js';
import { useScheduleText } from './schedule.js';

/** The page at `/public/implementation/:slug`. */
export function PublicImplementationPage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const page = useQuery(() => api.implementation.publicPage(slug), [slug]);
  if (page.error instanceof ApiError && page.error.status === 404)
    return (
      <div className="page page-narrow public-page">
        <PageTitle documentTitle={t('implementation.public.notFoundTitle')}>
          {t('implementation.public.notFoundTitle')}
        </PageTitle>
        <p>{t('implementation.public.notFound')}</p>
      </div>
    );
  if (page.error) return <ErrorAlert error={page.error} />;
  if (!page.data) return <Loading />;
  return <PublicPictureView picture={page.data} />;
}

function PublicPictureView({ picture }: { picture: PublicPicture }) {
  const { t, i18n } = useTranslation();
  const date = (d: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${d.slice(0, 10)}T00:00:00Z`),
    );
  const schedule = useScheduleText(date);
  const themeName = (code: string | null) =>
    code === null || code === '-'
      ? t('implementation.public.noTheme')
      : (picture.themes.find((x) => x.code === code)?.name ?? code);
  const progress = picture.progress;
  return (
    <div className="page implementation-page public-page">
      <header className="page-header">
        <p className="eyebrow">{t('implementation.public.eyebrow')}</p>
        <PageTitle documentTitle={picture.title}>
          <DemoAwareText text={picture.title} />
        </PageTitle>
        <p className="lead">{t('implementation.public.asOf', { date: date(picture.asOf) })}</p>
        <p className="muted">{t('implementation.public.verifiedOnly')}</p>
      </header>
      {picture.commitments.length > 0 && (
        <Section title={t('implementation.public.commitments')}>
          <div className="table-wrap">
            <table className="table commitments-table public-commitments">
              <thead>
                <tr>
                  <th scope="col">{t('implementation.public.col.commitment')}</th>
                  <th scope="col">{t('implementation.public.col.responsible')}</th>
                  <th scope="col">{t('implementation.public.col.deadline')}</th>
                  <th scope="col">{t('implementation.public.col.level')}</th>
                </tr>
              </thead>
              <tbody>
                {picture.commitments.map((c) => (
                  <tr key={c.ref}>
                    <td>
                      <p className="commitment-wording">
                        <DemoAwareText text={c.wording} />
                      </p>
                      <p className="muted small">
                        {c.ref} · {pamTypeName(t, c.provisionType)}
                        {c.themeCode !== null && <> · {themeName(c.themeCode)}</>}
                      </p>
                    </td>
                    <td data-label={t('implementation.public.col.responsible')}>
                      {c.responsible.join(', ')}
                    </td>
                    <td data-label={t('implementation.public.col.deadline')}>
                      {schedule(c.recurrence, c.deadline)}
                      {c.overdue && (
                        <>
                          {' '}
                          <span className="badge badge-warning">
                            {t('implementation.public.overdue')}
                          </span>
                        </>
                      )}
                    </td>
                    <td data-label={t('implementation.public.col.level')}>
                      <LevelBadge level={c.level} />
                      {c.levelSince && (
                        <p className="muted small">
                          {t('implementation.public.since', { date: date(c.levelSince) })}
                        </p>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      )}
      {progress && (
        <Section title={t('implementation.public.progress')}>
          <p className="section-intro">
            {t('implementation.public.progressIntro', { count: progress.commitments })}
          </p>
          <ProgressChart months={progress.overall} />
          {progress.byTheme.length > 1 &&
            progress.byTheme.map((g) => (
              <section key={g.key} className="public-theme">
                <h3>
                  {t('implementation.public.byTheme')}: {themeName(g.key)}
                </h3>
                <ProgressChart months={g.months} />
              </section>
            ))}
        </Section>
      )}
      {progress && progress.matrix.length > 0 && (
        <Section title={t('implementation.public.matrix')}>
          <p className="section-intro">{t('implementation.public.matrixIntro')}</p>
          <MatrixTable matrix={progress.matrix} />
        </Section>
      )}
      <p className="muted small">{t('implementation.public.footer')}</p>
    </div>
  );
}
