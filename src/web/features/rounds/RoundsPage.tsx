/**
 * The rounds of a process: number, title, dates, status and the venue (only for invitees who have
 * acknowledged the round's rules, "venue withheld" for everyone else), the personal calendar, and
 * for the organisers (facilitator, mediator team) setting up the next round.
 */
import { useTranslation } from 'react-i18next';
import { canOrganiseRounds } from '../../../core/access/policy.js';
import { api } from '../../api/client.js';
import type { Round } from '../../api/types.js';
import { Link, navigate } from '../../router.js';
import {
  DemoAwareText,
  Disclosure,
  ErrorAlert,
  Loading,
  PageTitle,
  Section,
} from '../../ui/components.js';
import { useQuery } from '../../ui/hooks.js';
import { membershipOf } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { RoundStatusBadge, useRoundDates, VenueText } from './labels.js';
import { CreateRoundForm } from './RoundForm.js';

/** The rounds screen. */
export function RoundsPage() {
  const { t } = useTranslation();
  const { view, liveTick } = useProcess();
  const id = view.process.id;
  const rounds = useQuery(() => api.rounds.list(id), [id, liveTick]);
  const organiser = canOrganiseRounds(membershipOf(view));
  const list = [...(rounds.data?.rounds ?? [])].sort((a, b) => a.number - b.number);
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{view.process.codename}</p>
        <PageTitle documentTitle={`${t('rounds.title')} · ${view.process.codename}`}>
          {t('rounds.title')}
        </PageTitle>
        <p className="lead">{t('rounds.intro')}</p>
      </header>
      <CalendarLink />
      {organiser && (
        <Disclosure label={t('rounds.create')} variant="primary">
          {() => (
            <CreateRoundForm
              onCreated={(r) => navigate(`/processes/${id}/rounds/${r.id}?created=1`)}
            />
          )}
        </Disclosure>
      )}
      <Section title={t('rounds.listTitle')}>
        <ErrorAlert error={rounds.error} />
        {rounds.loading && !rounds.data ? (
          <Loading />
        ) : list.length === 0 ? (
          <p className="empty">{t('rounds.empty')}</p>
        ) : (
          <RoundTable rounds={list} />
        )}
      </Section>
    </div>
  );
}

function RoundTable({ rounds }: { rounds: Round[] }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const dates = useRoundDates();
  return (
    <div className="table-wrap">
      <table className="table table-cards round-table">
        <caption className="visually-hidden">{t('rounds.listTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rounds.col.number')}</th>
            <th scope="col">{t('rounds.col.round')}</th>
            <th scope="col">{t('rounds.col.dates')}</th>
            <th scope="col">{t('rounds.col.status')}</th>
            <th scope="col">{t('rounds.col.venue')}</th>
            <th scope="col">{t('rounds.col.access')}</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => (
            <tr key={r.id}>
              <td data-label={t('rounds.col.number')} className="num-cell">
                {r.number}
              </td>
              <th scope="row" data-label={t('rounds.col.round')}>
                <Link to={`/processes/${view.process.id}/rounds/${r.id}`}>
                  <DemoAwareText text={r.title} />
                </Link>
              </th>
              <td data-label={t('rounds.col.dates')} className="nowrap">
                {dates(r)}
              </td>
              <td data-label={t('rounds.col.status')}>
                <RoundStatusBadge status={r.status} />
              </td>
              <td data-label={t('rounds.col.venue')} className="venue-cell">
                <VenueText venue={r.venue} />
              </td>
              <td data-label={t('rounds.col.access')}>
                {r.acknowledged ? (
                  <span className="badge access-badge access-ok">{t('rounds.acknowledged')}</span>
                ) : (
                  <span className="badge access-badge access-pending">
                    {t('rounds.toAcknowledge')}
                  </span>
                )}
                <span className="muted small block">
                  {r.invited ? t('rounds.invited') : t('rounds.notInvited')}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The personal calendar (every process), as a download. */
export function CalendarLink() {
  const { t } = useTranslation();
  return (
    <div className="calendar-link">
      <a href={api.rounds.calendarUrl} download="parley.ics" className="button button-secondary">
        {t('rounds.calendar')}
      </a>
      <p className="hint">{t('rounds.calendarHint')}</p>
    </div>
  );
}
