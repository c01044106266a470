/**
 * Messages: the threads of every compartment I may read (each thread and its messages live in
 * exactly one compartment), narrowed to one compartment if asked, and starting a thread where I
 * may write.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { ThreadSummary } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Link, navigate, useLocation } from '../../router.js';
import {
  Button,
  DemoAwareText,
  Disclosure,
  ErrorAlert,
  Loading,
  PageTitle,
  Section,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { CompartmentBadge, useAudience, useCompartmentName } from '../compartments/labels.js';
import { useProcess } from '../processes/ProcessContext.js';

/** The messages screen. */
export function MessagesPage() {
  const { t } = useTranslation();
  const { view, liveTick, compartment } = useProcess();
  const { search } = useLocation();
  const name = useCompartmentName();
  const id = view.process.id;
  const filter = search.get('compartment') ?? '';
  const known = filter ? compartment(filter) : undefined;
  const threads = useQuery(() => api.messages.threads(id, known?.id), [id, known?.id, liveTick]);
  const writable = view.compartments.filter((c) => c.writable);
  const base = `/processes/${id}/messages`;
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{view.process.codename}</p>
        <PageTitle documentTitle={`${t('messages.title')} · ${view.process.codename}`}>
          {t('messages.title')}
        </PageTitle>
        <p className="lead">{t('messages.intro')}</p>
      </header>
      {writable.length > 0 && (
        <Disclosure label={t('messages.start')} variant="primary">
          {(close) => <StartThreadForm initialCompartment={known?.id} onCancel={close} />}
        </Disclosure>
      )}
      <Section
        title={
          known ? t('messages.threadsIn', { compartment: name(known) }) : t('messages.threads')
        }
        actions={
          <SelectField
            label={t('messages.show')}
            required={false}
            wrapperClassName="field-inline"
            value={known?.id ?? ''}
            onChange={(e) =>
              navigate(
                e.target.value ? `${base}?compartment=${encodeURIComponent(e.target.value)}` : base,
              )
            }
          >
            <option value="">{t('messages.allCompartments')}</option>
            {view.compartments.map((c) => (
              <option key={c.id} value={c.id}>
                {name(c)}
              </option>
            ))}
          </SelectField>
        }
      >
        <ErrorAlert error={threads.error} />
        {threads.loading && !threads.data ? (
          <Loading />
        ) : (threads.data?.threads.length ?? 0) === 0 ? (
          <p className="empty">{t('messages.empty')}</p>
        ) : (
          <ul className="item-list">
            {threads.data?.threads.map((th) => (
              <ThreadCard key={th.id} thread={th} />
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

/** A thread in a list: its compartment, title, how many messages, when last active. */
export function ThreadCard({ thread: th }: { thread: ThreadSummary }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  return (
    <li className="item-card thread-card">
      <div className="item-card-head">
        <CompartmentBadge compartmentId={th.compartmentId} />
        <span className="muted small">
          {th.lastPostedAt
            ? t('messages.lastPosted', { date: formats.dateTime(th.lastPostedAt) })
            : formats.dateTime(th.createdAt)}
        </span>
      </div>
      <h3 className="item-title">
        <Link to={`/processes/${view.process.id}/messages/${th.id}`}>
          <DemoAwareText text={th.title} />
        </Link>
      </h3>
      <p className="muted small">
        {t('messages.count', { count: th.messageCount, n: formats.number(th.messageCount) })}
      </p>
    </li>
  );
}

function StartThreadForm({
  initialCompartment,
  onCancel,
}: {
  initialCompartment: string | undefined;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const name = useCompartmentName();
  const audience = useAudience();
  const writable = view.compartments.filter((c) => c.writable);
  const [compartmentId, setCompartmentId] = useState(
    writable.find((c) => c.id === initialCompartment)?.id ?? writable[0]?.id ?? '',
  );
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const action = useAction();
  const chosen = writable.find((c) => c.id === compartmentId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const r = await api.messages.startThread(view.process.id, {
        compartmentId,
        title,
        body,
        sessionId: null,
      });
      navigate(`/processes/${view.process.id}/messages/${r.thread.id}`);
    });
  };
  return (
    <form className="form form-inset form-wide" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <SelectField
        label={t('messages.where')}
        hint={chosen ? t('messages.whoReads', { audience: audience(chosen) }) : undefined}
        value={compartmentId}
        onChange={(e) => setCompartmentId(e.target.value)}
      >
        {writable.map((c) => (
          <option key={c.id} value={c.id}>
            {name(c)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('messages.threadTitle')}
        value={title}
        maxLength={300}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextAreaField
        label={t('messages.firstMessage')}
        rows={4}
        maxLength={20_000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.creating')}>
          {t('messages.startSubmit')}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
