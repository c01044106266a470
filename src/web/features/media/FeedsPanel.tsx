/**
 * The feeds a team follows: each with how its last fetch went (the error, translated, when it
 * failed), a fetch on demand and removal; and following a new one.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { MediaFeed } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Button, ErrorAlert, Loading, Notice, TextField } from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';

/** The feeds section's content. */
export function FeedsPanel({ onArticles }: { onArticles: () => void }) {
  const { t } = useTranslation();
  const { view, liveTick } = useProcess();
  const id = view.process.id;
  const feeds = useQuery(() => api.media.feeds(id), [id, liveTick]);
  return (
    <>
      <p className="section-intro">{t('mediaIn.feeds.intro')}</p>
      <ErrorAlert error={feeds.error} />
      {feeds.loading && !feeds.data ? (
        <Loading />
      ) : (feeds.data?.feeds.length ?? 0) === 0 ? (
        <p className="empty">{t('mediaIn.feeds.none')}</p>
      ) : (
        <ul className="media-feed-list">
          {feeds.data?.feeds.map((f) => (
            <FeedRow
              key={f.id}
              feed={f}
              onChange={() => {
                feeds.reload();
                onArticles();
              }}
            />
          ))}
        </ul>
      )}
      <AddFeedForm onDone={feeds.reload} />
    </>
  );
}

function FeedRow({ feed, onChange }: { feed: MediaFeed; onChange: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const fetch = useAction();
  const remove = useAction();
  const [added, setAdded] = useState<number | null>(null);
  return (
    <li className="media-feed" data-testid="media-feed">
      <div>
        <strong>{feed.title || feed.url}</strong>{' '}
        <span className={`chip feed-${feed.lastStatus}`} data-testid="media-feed-status">
          {t(`mediaIn.feeds.${feed.lastStatus}`)}
        </span>{' '}
        <span className="muted small">
          {t('mediaIn.feeds.articles', { count: feed.articlesAdded })}
          {feed.lastFetchedAt &&
            ` · ${t('mediaIn.feeds.lastFetched', { when: formats.dateTime(feed.lastFetchedAt) })}`}
        </span>
      </div>
      <div className="muted small media-feed-url">{feed.url}</div>
      {feed.lastError && (
        <p className="media-feed-error" role="status" data-testid="media-feed-error">
          {t(`mediaIn.feeds.errors.${feed.lastError.code}`, {
            detail: feed.lastError.detail,
            defaultValue: feed.lastError.message,
          })}
        </p>
      )}
      <ErrorAlert error={fetch.error ?? remove.error} />
      {added !== null && <Notice>{t('mediaIn.feeds.fetched', { count: added })}</Notice>}
      <div className="form-actions">
        <Button
          variant="secondary"
          pending={fetch.pending}
          pendingLabel={t('mediaIn.feeds.fetching')}
          onClick={() =>
            void fetch.run(async () => {
              const r = await api.media.fetchFeed(view.process.id, feed.id);
              // A failed fetch shows its error on the feed instead.
              setAdded(r.feed.lastStatus === 'ok' ? r.added.length : null);
              onChange();
            })
          }
        >
          {t('mediaIn.feeds.fetch')}
        </Button>
        <Button
          variant="quiet"
          pending={remove.pending}
          onClick={() =>
            void remove.run(async () => {
              await api.media.removeFeed(view.process.id, feed.id);
              onChange();
            })
          }
        >
          {t('mediaIn.feeds.remove')}
        </Button>
      </div>
    </li>
  );
}

function AddFeedForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [interval, setInterval] = useState('30');
  const [done, setDone] = useState(false);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.media.addFeed(view.process.id, {
        url,
        title: title || undefined,
        intervalMinutes: Number(interval) || undefined,
      });
      setUrl('');
      setTitle('');
      setDone(true);
      onDone();
    });
  };
  return (
    <form
      className="form form-inset form-wide"
      onSubmit={submit}
      aria-label={t('mediaIn.feeds.add')}
    >
      <ErrorAlert error={action.error} />
      {done && <Notice>{t('mediaIn.feeds.added')}</Notice>}
      <TextField
        label={t('mediaIn.feeds.url')}
        type="url"
        required
        maxLength={2000}
        value={url}
        onChange={(e) => setUrl(e.target.value)}
      />
      <div className="form-row">
        <TextField
          label={t('mediaIn.feeds.name')}
          hint={t('mediaIn.feeds.nameHint')}
          optional
          maxLength={200}
          value={title}
          wrapperClassName="field-grow"
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextField
          label={t('mediaIn.feeds.interval')}
          type="number"
          min={5}
          max={1440}
          value={interval}
          wrapperClassName="field-narrow"
          onChange={(e) => setInterval(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {t('mediaIn.feeds.add')}
        </Button>
      </div>
    </form>
  );
}
