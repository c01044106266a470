/**
 * One thread: its messages, posting where I may write, and for the lead mediator and mediators
 * the shuttle relay — carrying a party's message, possibly reworded, into a thread of the other
 * side's bilateral channel. A relay is shown as the API presents it to each reader: "relayed by
 * the mediators" for the receiving party; for the mediator team, who relayed it and that it is a
 * relay of an original kept in the sender's channel.
 */
import { useConfirmation } from '../../ui/ConfirmDialog.js';
import { AudienceSummary } from '../outward/AudienceSummary.js';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canRelay } from '../../../core/access/policy.js';
import { api, isApiError } from '../../api/client.js';
import type { Message, Thread, ThreadSummary } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Link } from '../../router.js';
import {
  Button,
  DemoAwareText,
  Disclosure,
  ErrorAlert,
  Loading,
  Notice,
  PageTitle,
  SelectField,
  TextAreaField,
} from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { CompartmentBadge, useAudience, useCompartmentName } from '../compartments/labels.js';
import { membershipOf, toCoreCompartment } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';

/** The thread screen. */
export function ThreadPage({ threadId }: { threadId: string }) {
  const { t } = useTranslation();
  const { view, liveTick } = useProcess();
  const id = view.process.id;
  const thread = useQuery(() => api.messages.thread(id, threadId), [id, threadId, liveTick]);
  const back = (
    <p className="breadcrumbs">
      <Link to={`/processes/${id}/messages`}>{t('messages.title')}</Link>
    </p>
  );
  if (thread.loading && !thread.data) return <Loading />;
  if (!thread.data)
    return (
      <div className="page page-narrow">
        {back}
        <PageTitle documentTitle={t('messages.notFound')}>{t('messages.notFound')}</PageTitle>
        {isApiError(thread.error, 'NOT_FOUND') ? (
          <p>{t('messages.notFoundHelp')}</p>
        ) : (
          <ErrorAlert error={thread.error} />
        )}
      </div>
    );
  return (
    <ThreadView
      back={back}
      thread={thread.data.thread}
      messages={thread.data.messages}
      reload={thread.reload}
    />
  );
}

function ThreadView({
  back,
  thread,
  messages,
  reload,
}: {
  back: ReactNode;
  thread: Thread;
  messages: Message[];
  reload: () => void;
}) {
  const { t } = useTranslation();
  const { view, compartment } = useProcess();
  const audience = useAudience();
  const c = compartment(thread.compartmentId);
  const targets = useRelayTargets(thread);
  return (
    <div className="page page-narrow">
      <header className="page-header">
        {back}
        <p className="eyebrow">
          {view.process.codename} · {t('messages.thread')}
        </p>
        <PageTitle documentTitle={`${thread.title} · ${view.process.codename}`}>
          <DemoAwareText text={thread.title} />
        </PageTitle>
        <div className={`audience-banner kind-${c?.kind ?? 'unknown'}`}>
          <CompartmentBadge compartmentId={thread.compartmentId} large />
          {c && (
            <p>
              <span className="strong">{t('compartments.visibleTo')}</span> {audience(c)}
            </p>
          )}
        </div>
      </header>
      {targets.possible && <Notice tone="info">{t('messages.relayExplained')}</Notice>}
      <ol className="message-list" aria-label={t('messages.messages')}>
        {messages.map((m) => (
          <MessageCard key={m.id} message={m} targets={targets} onRelayed={reload} />
        ))}
      </ol>
      {c?.writable ? (
        <PostForm thread={thread} onPosted={reload} />
      ) : (
        <p className="muted">{t('messages.readOnly')}</p>
      )}
    </div>
  );
}

/** Where a mediator may relay messages of this thread: threads of other parties' channels. */
interface RelayTargets {
  /** Whether relaying from this thread is possible at all for me. */
  possible: boolean;
  /** The threads a message may be relayed into. */
  threads: ThreadSummary[];
  loading: boolean;
}

function useRelayTargets(thread: Thread): RelayTargets {
  const { view, compartment, liveTick } = useProcess();
  const me = membershipOf(view);
  const from = compartment(thread.compartmentId);
  const fromCore = from ? toCoreCompartment(view.process.id, from) : null;
  // Relaying needs another party's bilateral channel to relay into.
  const others = view.compartments.filter((c) => {
    const core = toCoreCompartment(view.process.id, c);
    return fromCore !== null && core !== null && canRelay(me, fromCore, core);
  });
  const possible = others.length > 0;
  const all = useQuery(
    () => (possible ? api.messages.threads(view.process.id) : Promise.resolve({ threads: [] })),
    [view.process.id, possible, liveTick],
  );
  return {
    possible,
    threads: (all.data?.threads ?? []).filter((x) => others.some((c) => c.id === x.compartmentId)),
    loading: all.loading && !all.data,
  };
}

function MessageCard({
  message: m,
  targets,
  onRelayed,
}: {
  message: Message;
  targets: RelayTargets;
  onRelayed: () => void;
}) {
  const { t } = useTranslation();
  const { memberName } = useProcess();
  const formats = useFormats();
  const [relayed, setRelayed] = useState<ThreadSummary | null>(null);
  // The team sees who relayed a message and that it has an original elsewhere; a party only
  // "relayed by the mediators" (the API sends no author for it).
  const author = m.relayed
    ? m.authorUserId
      ? t('messages.relayedBy', { name: memberName(m.authorUserId) })
      : t('messages.relayedByMediators')
    : m.authorName;
  return (
    <li className={`message${m.relayed ? ' message-relayed' : ''}`} id={`message-${m.id}`}>
      <div className="message-head">
        <span className="chip-row">
          <span className="message-author">{author}</span>
          {m.relayed && <span className="badge relay-badge">{t('messages.relayBadge')}</span>}
        </span>
        <span className="muted small">{formats.dateTime(m.postedAt)}</span>
      </div>
      <div className="message-body">
        <DemoAwareText text={m.body} />
      </div>
      {m.relayed && m.relayOf && <p className="hint">{t('messages.relayOfHint')}</p>}
      {relayed && (
        <Notice>
          {t('messages.relayedTo')} <RelayedLink thread={relayed} />
        </Notice>
      )}
      {targets.possible && !m.relayed && (
        <Disclosure label={t('messages.relay')} variant="quiet">
          {(close) => (
            <RelayForm
              message={m}
              targets={targets}
              onDone={(to) => {
                close();
                setRelayed(to);
                onRelayed();
              }}
            />
          )}
        </Disclosure>
      )}
    </li>
  );
}

function RelayedLink({ thread }: { thread: ThreadSummary }) {
  const { view } = useProcess();
  return (
    <Link to={`/processes/${view.process.id}/messages/${thread.id}`}>
      <DemoAwareText text={thread.title} />
    </Link>
  );
}

function RelayForm({
  message,
  targets,
  onDone,
}: {
  message: Message;
  targets: RelayTargets;
  onDone: (to: ThreadSummary) => void;
}) {
  const { t } = useTranslation();
  const { view, compartment } = useProcess();
  const name = useCompartmentName();
  const [to, setTo] = useState(targets.threads[0]?.id ?? '');
  const [body, setBody] = useState(message.body);
  const action = useAction();
  const target = targets.threads.find((x) => x.id === to);
  const confirmation = useConfirmation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    confirmation.ask({
      title: t('outward.relay.title', { to: channel(target) }),
      confirmLabel: t('outward.relay.confirm'),
      body: (
        <AudienceSummary compartmentId={target.compartmentId} what={t('outward.relay.what')}>
          <blockquote className="audience-quote">{body}</blockquote>
          <p>{t('outward.cannotUndo')}</p>
        </AudienceSummary>
      ),
      onConfirm: () =>
        void action.run(async () => {
          await api.messages.relay(view.process.id, message.id, { toThreadId: target.id, body });
          onDone(target);
        }),
    });
  };
  if (targets.loading) return <Loading />;
  if (targets.threads.length === 0)
    return <p className="hint form-inset">{t('messages.noRelayTarget')}</p>;
  const channel = (x: ThreadSummary) => {
    const c = compartment(x.compartmentId);
    return c ? name(c) : x.compartmentLabel;
  };
  return (
    <form className="form form-inset" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      {confirmation.dialog}
      <SelectField label={t('messages.relayTo')} value={to} onChange={(e) => setTo(e.target.value)}>
        {targets.threads.map((x) => (
          <option key={x.id} value={x.id}>
            {channel(x)}: {x.title}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('messages.relayWording')}
        hint={t('messages.relayWordingHint')}
        rows={4}
        maxLength={20_000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('messages.relaying')}>
          {t('messages.relaySubmit')}
        </Button>
      </div>
    </form>
  );
}

function PostForm({ thread, onPosted }: { thread: Thread; onPosted: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [body, setBody] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.messages.post(view.process.id, thread.id, body);
      setBody('');
      onPosted();
    });
  };
  return (
    <form className="form post-form" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <TextAreaField
        label={t('messages.yourMessage')}
        rows={3}
        maxLength={20_000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      <div className="form-actions">
        <Button
          type="submit"
          pending={action.pending}
          pendingLabel={t('messages.posting')}
          disabled={body.trim() === ''}
        >
          {t('messages.post')}
        </Button>
      </div>
    </form>
  );
}
