/**
 * The dashboard's "what is next and what is new": the next round of talks (its venue only for
 * invitees who acknowledged the rules) and the most recent material I may read. Both come from
 * the API, so they show only what the signed-in person may see, and refresh on live updates.
 */
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useFormats } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { DemoAwareText, ErrorAlert, Loading, Section } from '../../ui/components.js';
import { useQuery } from '../../ui/hooks.js';
import { ItemCard } from '../compartments/ItemCard.js';
import { useProcess } from './ProcessContext.js';

/** The next round and the latest material. */
export function ActivityPanel() {
  const { t } = useTranslation();
  const { view, liveTick } = useProcess();
  const formats = useFormats();
  const id = view.process.id;
  const rounds = useQuery(() => api.rounds.list(id), [id, liveTick]);
  const recent = useQuery(() => api.items.list(id, { limit: 5 }), [id, liveTick]);
  const next = (rounds.data?.rounds ?? [])
    .filter((r) => r.status !== 'closed')
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  return (
    <>
      <Section
        title={t('dashboard.nextRound')}
        actions={<Link to={`/processes/${id}/rounds`}>{t('rounds.allRounds')}</Link>}
      >
        {rounds.loading && !rounds.data ? <Loading /> : null}
        {rounds.error ? <ErrorAlert error={rounds.error} /> : null}
        {rounds.data && !next ? <p className="muted">{t('dashboard.noRound')}</p> : null}
        {next ? (
          <dl className="meta-row">
            <div>
              <dt>{t('dashboard.roundTitle', { number: next.number })}</dt>
              <dd>
                <Link to={`/processes/${id}/rounds/${next.id}`}>
                  <DemoAwareText text={next.title} />
                </Link>
              </dd>
            </div>
            <div>
              <dt>{t('dashboard.roundDates')}</dt>
              <dd>
                {formats.day(next.startsOn)} – {formats.day(next.endsOn)}
              </dd>
            </div>
            <div>
              <dt>{t('dashboard.roundVenue')}</dt>
              <dd>{next.venue.withheld ? t('dashboard.venueWithheld') : next.venue.name}</dd>
            </div>
          </dl>
        ) : null}
      </Section>
      <Section title={t('dashboard.recent')}>
        {recent.loading && !recent.data ? <Loading /> : null}
        {recent.error ? <ErrorAlert error={recent.error} /> : null}
        {recent.data && recent.data.items.length === 0 ? (
          <p className="muted">{t('dashboard.noRecent')}</p>
        ) : null}
        {recent.data && recent.data.items.length > 0 ? (
          <ul className="item-list">
            {recent.data.items.map((i) => (
              <ItemCard key={i.id} item={i} />
            ))}
          </ul>
        ) : null}
      </Section>
    </>
  );
}
