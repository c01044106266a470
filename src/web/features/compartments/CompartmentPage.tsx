/** One compartment: who sees it, its notes, and writing a new note when I may. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Compartment } from '../../api/types.js';
import { navigate } from '../../router.js';
import {
  Button,
  Disclosure,
  ErrorAlert,
  Loading,
  PageTitle,
  Section,
  TextAreaField,
  TextField,
} from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';
import { itemPath, ItemCard } from './ItemCard.js';
import { CompartmentBadge, useAudience, useCompartmentName } from './labels.js';

/** The compartment screen. */
export function CompartmentPage({ compartmentId }: { compartmentId: string }) {
  const { t } = useTranslation();
  const { view, compartment } = useProcess();
  const c = compartment(compartmentId);
  if (!c)
    return (
      <div className="page">
        <PageTitle documentTitle={t('compartments.notFound')}>
          {t('compartments.notFound')}
        </PageTitle>
        <p>{t('compartments.notFoundHelp')}</p>
      </div>
    );
  return <CompartmentView key={c.id} compartment={c} processId={view.process.id} />;
}

function CompartmentView({
  compartment: c,
  processId,
}: {
  compartment: Compartment;
  processId: string;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const name = useCompartmentName();
  const audience = useAudience();
  const items = useQuery(
    () => api.items.list(processId, { compartmentId: c.id }),
    [processId, c.id, c.itemCount],
  );
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">
          {view.process.codename} · {t('compartments.eyebrow')}
        </p>
        <PageTitle documentTitle={`${name(c)} · ${view.process.codename}`}>{name(c)}</PageTitle>
        <div className={`audience-banner kind-${c.kind}`}>
          <CompartmentBadge compartmentId={c.id} large />
          <p>
            <span className="strong">{t('compartments.visibleTo')}</span> {audience(c)}
          </p>
        </div>
      </header>
      {c.writable ? (
        <Disclosure label={t('compartments.writeNote')} variant="primary">
          {(close) => <NewNoteForm compartment={c} onCancel={close} />}
        </Disclosure>
      ) : (
        <p className="muted">{t('compartments.readOnly')}</p>
      )}
      <Section title={t('compartments.notes')}>
        <ErrorAlert error={items.error} />
        {items.loading && !items.data ? (
          <Loading />
        ) : (items.data?.items.length ?? 0) === 0 ? (
          <p className="empty">{t('compartments.empty')}</p>
        ) : (
          <ul className="item-list">
            {items.data?.items.map((i) => (
              <ItemCard key={i.id} item={i} />
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

function NewNoteForm({
  compartment,
  onCancel,
}: {
  compartment: Compartment;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { view, reload } = useProcess();
  const name = useCompartmentName();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const item = await api.items.createNote(view.process.id, compartment.id, { title, body });
      reload();
      navigate(itemPath(view.process.id, item));
    });
  };
  return (
    <form className="form form-inset" onSubmit={submit}>
      <p className="muted small">
        {t('compartments.writingInto', { compartment: name(compartment) })}
      </p>
      <ErrorAlert error={action.error} />
      <TextField
        label={t('compartments.noteTitle')}
        value={title}
        maxLength={300}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextAreaField
        label={t('compartments.noteBody')}
        hint={t('compartments.bodyHint')}
        value={body}
        rows={8}
        optional
        onChange={(e) => setBody(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {t('compartments.saveNote')}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
