/**
 * My party's private positions, kept in its caucus: an option or words per issue, and recording
 * one when the caucus is writable to me.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
} from '../../ui/components.js';
import { useAction } from '../../ui/hooks.js';
import { CompartmentBadge } from '../compartments/labels.js';
import { useProcess } from '../processes/ProcessContext.js';

/** My party's private positions, and recording one in its caucus. */
export function PositionsSection({
  record,
  onAdded,
}: {
  record: NegotiationRecord;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const { view, partyCode } = useProcess();
  const formats = useFormats();
  const caucus = view.compartments.find(
    (c) => c.kind === 'caucus' && c.partyId === view.me.partyId,
  );
  const option = (issueId: string, optionId: string | null) =>
    record.issues.find((i) => i.id === issueId)?.options.find((o) => o.id === optionId)?.label;
  return (
    <Section
      title={t('record.positionsTitle', { party: partyCode(view.me.partyId) })}
      actions={caucus && <CompartmentBadge compartmentId={caucus.id} />}
    >
      <p className="section-intro">{t('record.positionsIntro')}</p>
      {record.positions.length === 0 ? (
        <p className="empty">{t('record.positionsEmpty')}</p>
      ) : (
        <ul className="demand-list">
          {record.positions.map((p) => (
            <li key={p.id}>
              <div className="demand-head">
                <CompartmentBadge compartmentId={p.compartmentId} />
                <span className="strong small">
                  {record.issues.find((i) => i.id === p.issueId)?.title}
                </span>
              </div>
              {option(p.issueId, p.optionId) && (
                <p className="position-option">
                  {t('record.positionOption', { option: option(p.issueId, p.optionId) })}
                </p>
              )}
              {p.text && (
                <p className="demand-text">
                  <DemoAwareText text={p.text} />
                </p>
              )}
              <p className="muted small">{formats.dateTime(p.recordedAt)}</p>
            </li>
          ))}
        </ul>
      )}
      {caucus?.writable && record.issues.length > 0 && (
        <Disclosure label={t('record.addPosition')}>
          {(close) => (
            <PositionForm
              issues={record.issues}
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

function PositionForm({ issues, onDone }: { issues: AgendaIssue[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [issueId, setIssueId] = useState(issues[0]?.id ?? '');
  const [optionId, setOptionId] = useState('');
  const [text, setText] = useState('');
  const action = useAction();
  const issue = issues.find((i) => i.id === issueId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.record.recordPosition(view.process.id, {
        issueId,
        optionId: optionId || null,
        text,
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <SelectField
        label={t('record.issue')}
        value={issueId}
        onChange={(e) => {
          setIssueId(e.target.value);
          setOptionId('');
        }}
      >
        {issues.map((i) => (
          <option key={i.id} value={i.id}>
            {i.title}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('record.positionOptionLabel')}
        optional
        value={optionId}
        onChange={(e) => setOptionId(e.target.value)}
      >
        <option value="">{t('record.noOption')}</option>
        {issue?.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('record.positionText')}
        optional
        rows={3}
        maxLength={4000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {t('record.addPositionSubmit')}
        </Button>
      </div>
    </form>
  );
}
