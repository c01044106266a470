/**
 * The negotiation record: the agenda with its options, the parties' public demands (source and
 * date), my party's private positions (caucus), and the proposals round by round — a table of who
 * proposed what, when, per issue and round — with tabling a proposal and answering one.
 */
import { useTranslation } from 'react-i18next';
import { canEditAgenda } from '../../../core/access/policy.js';
import { isDelegationRole } from '../../../core/process/model.js';
import { api } from '../../api/client.js';
import type { NegotiationRecord } from '../../api/types.js';
import { ErrorAlert, Loading, PageTitle } from '../../ui/components.js';
import { useQuery } from '../../ui/hooks.js';
import { membershipOf } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { AgendaSection } from './AgendaSection.js';
import { DemandsSection } from './DemandsSection.js';
import { PositionsSection } from './PositionsSection.js';
import { ProposalsSection } from './ProposalsSection.js';
import { TimelineSection } from './TimelineSection.js';

/** The record screen. */
export function RecordPage() {
  const { t } = useTranslation();
  const { view, liveTick } = useProcess();
  const record = useQuery(() => api.record.get(view.process.id), [view.process.id, liveTick]);
  return (
    <div className="page page-wide">
      <header className="page-header">
        <p className="eyebrow">{view.process.codename}</p>
        <PageTitle documentTitle={`${t('record.title')} · ${view.process.codename}`}>
          {t('record.title')}
        </PageTitle>
        <p className="lead">{t('record.intro')}</p>
      </header>
      <ErrorAlert error={record.error} />
      {record.loading && !record.data ? (
        <Loading />
      ) : record.data ? (
        <RecordView record={record.data} reload={record.reload} />
      ) : null}
    </div>
  );
}

/** The record's sections, laid out: agenda beside demands and positions, then the proposals. */
function RecordView({ record, reload }: { record: NegotiationRecord; reload: () => void }) {
  const { view } = useProcess();
  const me = membershipOf(view);
  return (
    <>
      <div className="grid-2">
        <AgendaSection issues={record.issues} canEdit={canEditAgenda(me)} onAdded={reload} />
        <div className="stack">
          <DemandsSection record={record} onAdded={reload} />
          {isDelegationRole(view.me.role) && <PositionsSection record={record} onAdded={reload} />}
        </div>
      </div>
      <TimelineSection record={record} />
      <ProposalsSection record={record} onChanged={reload} />
    </>
  );
}
