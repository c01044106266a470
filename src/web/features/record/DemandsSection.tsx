/**
 * The parties' public demands, with their source and date, and recording one for a party the
 * domain's policy lets me speak for.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canRecordDemand } from '../../../core/access/policy.js';
import { asId } from '../../../core/shared/ids.js';
import { api } from '../../api/client.js';
import type { AgendaIssue, NegotiationRecord } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import {
  Button,
  DemoAwareText,
  Disclosure,
  ErrorAlert,
  Section,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/components.js';
import { useAction } from '../../ui/hooks.js';
import { membershipOf } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { PartyChip } from '../text/holders.js';
import { SharedLabel } from './labels.js';

/** The public demands, and recording one for a party I may speak for. */
export function DemandsSection({
  record,
  onAdded,
}: {
  record: NegotiationRecord;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const me = membershipOf(view);
  const parties = view.parties.filter((p) => canRecordDemand(me, asId(p.id)));
  const issue = (id: string | null) => record.issues.find((i) => i.id === id)?.title;
  return (
    <Section title={t('record.demandsTitle')} actions={<SharedLabel />}>
      {record.demands.length === 0 ? (
        <p className="empty">{t('record.demandsEmpty')}</p>
      ) : (
        <ul className="demand-list">
          {record.demands.map((d) => (
            <li key={d.id}>
              <div className="demand-head">
                <PartyChip partyId={d.partyId} />
                {issue(d.issueId) && <span className="muted small">{issue(d.issueId)}</span>}
              </div>
              <p className="demand-text">
                <DemoAwareText text={d.text} />
              </p>
              <p className="muted small">
                {t('record.demandSource', { source: d.source, date: formats.date(d.statedOn) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {parties.length > 0 && (
        <Disclosure label={t('record.addDemand')}>
          {(close) => (
            <DemandForm
              issues={record.issues}
              parties={parties}
              onDone={() => {
                close();
                onAdded();
              }}
            />
          )}
        </Disclosure>
      )}
    </Section>
  );
}

function DemandForm({
  issues,
  parties,
  onDone,
}: {
  issues: AgendaIssue[];
  parties: Array<{ id: string; code: string; name: string }>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [partyId, setPartyId] = useState(parties[0]?.id ?? '');
  const [issueId, setIssueId] = useState('');
  const [text, setText] = useState('');
  const [source, setSource] = useState('');
  const [statedOn, setStatedOn] = useState(new Date().toISOString().slice(0, 10));
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.record.recordDemand(view.process.id, {
        partyId,
        issueId: issueId || null,
        text,
        source,
        statedOn,
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      {parties.length > 1 && (
        <SelectField
          label={t('record.party')}
          value={partyId}
          onChange={(e) => setPartyId(e.target.value)}
        >
          {parties.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.code})
            </option>
          ))}
        </SelectField>
      )}
      <SelectField
        label={t('record.issue')}
        optional
        value={issueId}
        onChange={(e) => setIssueId(e.target.value)}
      >
        <option value="">{t('record.noIssue')}</option>
        {issues.map((i) => (
          <option key={i.id} value={i.id}>
            {i.title}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('record.demandText')}
        rows={2}
        value={text}
        maxLength={4000}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="form-row">
        <TextField
          label={t('record.source')}
          hint={t('record.sourceHint')}
          wrapperClassName="field-grow"
          value={source}
          maxLength={500}
          onChange={(e) => setSource(e.target.value)}
        />
        <TextField
          label={t('record.statedOn')}
          type="date"
          wrapperClassName="field-narrow"
          value={statedOn}
          onChange={(e) => setStatedOn(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {t('record.addDemandSubmit')}
        </Button>
      </div>
    </form>
  );
}
