/**
 * The agenda: its issues with their options, seen by every member, and adding an issue (for those
 * the domain's policy lets edit the agenda).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { AgendaIssue } from '../../api/types.js';
import {
  Button,
  Disclosure,
  ErrorAlert,
  Section,
  TextAreaField,
  TextField,
} from '../../ui/components.js';
import { useAction } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';
import { SharedLabel } from './labels.js';

/** The agenda with its options, and adding an issue when I may edit it. */
export function AgendaSection({
  issues,
  canEdit,
  onAdded,
}: {
  issues: AgendaIssue[];
  canEdit: boolean;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Section title={t('record.agendaTitle')} actions={<SharedLabel />}>
      {issues.length === 0 ? (
        <p className="empty">{t('record.agendaEmpty')}</p>
      ) : (
        <ol className="issue-list">
          {issues.map((i) => (
            <li key={i.id}>
              <p className="issue-title">{i.title}</p>
              {i.description && <p className="muted small">{i.description}</p>}
              <ol className="option-chips" aria-label={t('record.optionsOf', { issue: i.title })}>
                {i.options.map((o) => (
                  <li key={o.id}>{o.label}</li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <Disclosure label={t('record.addIssue')}>
          {(close) => (
            <AddIssueForm
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

function AddIssueForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [options, setOptions] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.record.addIssue(view.process.id, {
        title,
        description,
        options: options
          .split('\n')
          .map((o) => o.trim())
          .filter(Boolean),
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <TextField
        label={t('record.issueTitle')}
        value={title}
        maxLength={300}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextAreaField
        label={t('record.issueDescription')}
        optional
        rows={2}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <TextAreaField
        label={t('record.issueOptions')}
        hint={t('record.issueOptionsHint')}
        optional
        rows={4}
        value={options}
        onChange={(e) => setOptions(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.adding')}>
          {t('record.addIssueSubmit')}
        </Button>
      </div>
    </form>
  );
}
