/**
 * The dashboard's "communication": the most recently active threads I may read, and the
 * communiqués and press lines waiting for my side's approval. Refreshes on live updates.
 */
import { useTranslation } from 'react-i18next';
import { communiqueApproverFor } from '../../../core/access/policy.js';
import { api } from '../../api/client.js';
import { Link } from '../../router.js';
import { ErrorAlert, Loading, Notice, Section } from '../../ui/components.js';
import { useQuery } from '../../ui/hooks.js';
import { membershipOf } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { ThreadCard } from './MessagesPage.js';

/** Latest threads and approvals waiting for me. */
export function CommunicationPanel() {
  const { t } = useTranslation();
  const { view, liveTick } = useProcess();
  const id = view.process.id;
  const threads = useQuery(() => api.messages.threads(id), [id, liveTick]);
  const communiques = useQuery(() => api.communiques.list(id), [id, liveTick]);
  const approver = communiqueApproverFor(membershipOf(view));
  const mySide = approver ? (approver.kind === 'party' ? approver.partyId : null) : undefined;
  const waiting =
    mySide === undefined
      ? 0
      : (communiques.data?.communiques ?? []).filter(
          (c) => c.state === 'circulated' && c.awaiting.includes(mySide),
        ).length;
  const latest = (threads.data?.threads ?? []).slice(0, 3);
  return (
    <Section
      title={t('messages.panelTitle')}
      actions={<Link to={`/processes/${id}/messages`}>{t('messages.allThreads')}</Link>}
    >
      {waiting > 0 && (
        <Notice tone="warning">
          <Link to={`/processes/${id}/communiques`}>
            {t('communiques.awaitingYou', { count: waiting })}
          </Link>
        </Notice>
      )}
      <ErrorAlert error={threads.error} />
      {threads.loading && !threads.data ? (
        <Loading />
      ) : latest.length === 0 ? (
        <p className="muted">{t('messages.empty')}</p>
      ) : (
        <ul className="item-list">
          {latest.map((th) => (
            <ThreadCard key={th.id} thread={th} />
          ))}
        </ul>
      )}
    </Section>
  );
}
