/**
 * Actors and media: the register of actors outside the table (the mediators' room by default, a
 * delegation's caucus for its own), articles pasted in and analysed on the server (language,
 * mentions and quotations highlighted in the text), a quotation confirmed as an actor's statement
 * by a person, each actor's timeline, and the statements over time by stance with their numbers.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { actorKinds, stances, type ActorKind, type Stance } from '../../../core/media/model.js';
import { api } from '../../api/client.js';
import type { MediaActor, MediaArticle, MediaView } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import {
  Button,
  ErrorAlert,
  Loading,
  Notice,
  PageTitle,
  Section,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';
import { ActorEditForm } from './ActorEditForm.js';
import { ArticleList, UploadArticleForm } from './ArticleTools.js';
import { FeedsPanel } from './FeedsPanel.js';
import { StatementIssues, type IssueRef } from './StatementIssues.js';

/** What the media view is narrowed to. */
interface Filter {
  actorId?: string;
  stance?: Stance;
  language?: string;
  issueId?: string;
}

/** The actors and media screen. */
export function MediaPage() {
  const { t } = useTranslation();
  const { view, liveTick } = useProcess();
  const id = view.process.id;
  const [filter, setFilter] = useState<Filter>({});
  const media = useQuery(() => api.media.view(id, filter), [id, liveTick, JSON.stringify(filter)]);
  // The agenda is the process's record, which every member sees.
  const record = useQuery(() => api.record.get(id), [id]);
  const issues: IssueRef[] = (record.data?.issues ?? []).map((i) => ({ id: i.id, title: i.title }));
  const [article, setArticle] = useState<MediaArticle | null>(null);
  const [openedArticle, setOpenedArticle] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const actors = media.data?.actors ?? [];
  const openArticle = (articleId: string | null) => {
    setOpenedArticle(articleId);
    if (articleId) setArticle(null);
  };
  return (
    <>
      <PageTitle documentTitle={t('media.title')}>{t('media.title')}</PageTitle>
      <p className="section-intro">{t('media.intro')}</p>
      <ErrorAlert error={media.error} />
      <Section title={t('media.actors.title')}>
        <RegisterActorForm onDone={media.reload} />
        {actors.length === 0 ? (
          <p className="empty">{t('media.actors.none')}</p>
        ) : (
          <ul className="media-actor-list">
            {actors.map((a) => (
              <li key={a.id} data-testid="media-actor">
                <button type="button" className="link-button" onClick={() => setOpened(a.id)}>
                  {a.name}
                </button>{' '}
                <span className="chip">{t(`media.kinds.${a.kind}`)}</span>{' '}
                <span className={`chip stance-${a.role}`}>{t(`media.stances.${a.role}`)}</span>
                {a.aliases.length > 0 && (
                  <span className="muted small"> — {a.aliases.map((x) => x.text).join(', ')}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        {opened && (
          <ActorTimeline actorId={opened} key={`${opened}-${liveTick}`} onEdited={media.reload} />
        )}
      </Section>
      <Section title={t('media.articles.title')}>
        <AddArticleForm onDone={(a) => (setArticle(a), setOpenedArticle(null), media.reload())} />
      </Section>
      <Section title={t('mediaIn.upload.title')}>
        <UploadArticleForm
          onDone={(a) => (setArticle(a), setOpenedArticle(null), media.reload())}
        />
      </Section>
      {article && (
        <ArticleAnalysis
          key={article.id}
          article={article}
          actors={actors}
          onConfirmed={media.reload}
        />
      )}
      <Section title={t('mediaIn.list.title')}>
        <ArticleList
          articles={media.data?.articles ?? []}
          openedId={openedArticle}
          onOpen={openArticle}
        />
        {openedArticle && (
          <OpenedArticle
            key={`${openedArticle}-${liveTick}`}
            articleId={openedArticle}
            actors={actors}
            onConfirmed={media.reload}
          />
        )}
      </Section>
      <Section title={t('mediaIn.feeds.title')}>
        <FeedsPanel onArticles={media.reload} />
      </Section>
      <Section title={t('media.statements.title')}>
        <Filters actors={actors} issues={issues} filter={filter} onChange={setFilter} />
        {media.loading && !media.data ? (
          <Loading />
        ) : (
          media.data && (
            <StatementsChart view={media.data} issues={issues} onChange={media.reload} />
          )
        )}
      </Section>
    </>
  );
}

function RegisterActorForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ActorKind>('person');
  const [role, setRole] = useState<Stance>('unknown');
  const [aliases, setAliases] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.media.register(view.process.id, {
        name,
        kind,
        role,
        aliases: aliases
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
      });
      setName('');
      setAliases('');
      setDone(true);
      onDone();
    });
  };
  return (
    <form
      className="form form-inset form-wide"
      onSubmit={submit}
      aria-label={t('media.actors.register')}
    >
      <ErrorAlert error={action.error} />
      {done && <Notice>{t('media.actors.registered')}</Notice>}
      <div className="form-row">
        <TextField
          label={t('media.actors.name')}
          value={name}
          maxLength={200}
          required
          wrapperClassName="field-grow"
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField
          label={t('media.actors.kind')}
          value={kind}
          wrapperClassName="field-narrow"
          onChange={(e) => setKind(e.target.value as ActorKind)}
        >
          {actorKinds.map((k) => (
            <option key={k} value={k}>
              {t(`media.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('media.actors.role')}
          value={role}
          wrapperClassName="field-narrow"
          onChange={(e) => setRole(e.target.value as Stance)}
        >
          {stances.map((s) => (
            <option key={s} value={s}>
              {t(`media.stances.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        label={t('media.actors.aliases')}
        hint={t('media.actors.aliasesHint')}
        optional
        value={aliases}
        maxLength={2000}
        onChange={(e) => setAliases(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {t('media.actors.register')}
        </Button>
      </div>
    </form>
  );
}

function ActorTimeline({ actorId, onEdited }: { actorId: string; onEdited: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const detail = useQuery(() => api.media.actor(view.process.id, actorId), [actorId]);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (detail.error) return <ErrorAlert error={detail.error} />;
  if (!detail.data) return <Loading />;
  const { actor, timeline } = detail.data;
  return (
    <div className="media-timeline" data-testid="actor-timeline">
      <h3>{t('media.timeline.title', { name: actor.name })}</h3>
      {saved && <Notice>{t('mediaIn.edit.saved')}</Notice>}
      {(actor.wikidataId || actor.notes) && (
        <p className="small">
          {actor.wikidataId && <span className="chip">{actor.wikidataId}</span>} {actor.notes}
        </p>
      )}
      {editing ? (
        <ActorEditForm
          actor={actor}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            setSaved(true);
            detail.reload();
            onEdited();
          }}
        />
      ) : (
        <Button variant="secondary" onClick={() => (setEditing(true), setSaved(false))}>
          {t('mediaIn.edit.open')}
        </Button>
      )}
      <ul className="small">
        {actor.stances.map((s, k) => (
          <li key={k}>
            {formats.day(s.since)}: {t(`media.stances.${s.stance}`)}
            {s.reason && ` — ${s.reason}`}
          </li>
        ))}
      </ul>
      {timeline.length === 0 ? (
        <p className="empty">{t('media.timeline.none')}</p>
      ) : (
        <ol>
          {timeline.map((s) => (
            <li key={s.id}>
              <span className="muted small">{formats.day(s.statedOn)}</span>{' '}
              <span className={`chip stance-${s.stance}`}>{t(`media.stances.${s.stance}`)}</span>
              <blockquote lang={s.language}>{s.quote}</blockquote>
              {s.outlet && <span className="muted small">{s.outlet}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function AddArticleForm({ onDone }: { onDone: (a: MediaArticle) => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [outlet, setOutlet] = useState('');
  const [url, setUrl] = useState('');
  const [publishedAt, setPublishedAt] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const a = await api.media.addArticle(view.process.id, {
        text,
        title: title || undefined,
        outlet: outlet || undefined,
        url: url || undefined,
        publishedAt: publishedAt || undefined,
      });
      setText('');
      onDone(a);
    });
  };
  return (
    <form
      className="form form-inset form-wide"
      onSubmit={submit}
      aria-label={t('media.articles.add')}
    >
      <ErrorAlert error={action.error} />
      <TextAreaField
        label={t('media.articles.text')}
        hint={t('media.articles.textHint')}
        rows={6}
        required
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="form-row">
        <TextField
          label={t('media.articles.headline')}
          optional
          value={title}
          wrapperClassName="field-grow"
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextField
          label={t('media.articles.outlet')}
          optional
          value={outlet}
          wrapperClassName="field-narrow"
          onChange={(e) => setOutlet(e.target.value)}
        />
        <TextField
          label={t('media.articles.publishedAt')}
          optional
          type="date"
          value={publishedAt}
          wrapperClassName="field-narrow"
          onChange={(e) => setPublishedAt(e.target.value)}
        />
      </div>
      <TextField
        label={t('media.articles.url')}
        optional
        type="url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('media.articles.analysing')}>
          {t('media.articles.add')}
        </Button>
      </div>
    </form>
  );
}

/** The article's text with mentions and quotations marked at their offsets. */
function Highlighted({ article, actors }: { article: MediaArticle; actors: MediaActor[] }) {
  const name = (id: string | null) => actors.find((a) => a.id === id)?.name ?? '';
  const marks = [
    ...article.quotes.map((q, k) => ({ start: q.start, end: q.end, kind: 'quote' as const, k })),
    ...article.mentions.map((m, k) => ({
      start: m.start,
      end: m.end,
      kind: 'mention' as const,
      k,
    })),
    ...article.suggestions.map((m, k) => ({
      start: m.start,
      end: m.end,
      kind: 'suggestion' as const,
      k,
    })),
  ].sort((a, b) => a.start - b.start || (a.kind === 'quote' ? -1 : 1));
  // Quotes may contain mentions: render quotes as outer spans, mentions inside them.
  const render = (from: number, to: number, inner: typeof marks): ReactNode[] => {
    const out: ReactNode[] = [];
    let at = from;
    for (const m of inner) {
      if (m.start < at || m.end > to) continue;
      out.push(article.text.slice(at, m.start));
      if (m.kind === 'quote')
        out.push(
          <q key={`q${m.k}`} className="media-quote" data-testid="media-quote">
            {render(
              m.start,
              m.end,
              marks.filter((x) => x.kind !== 'quote'),
            )}
          </q>,
        );
      else if (m.kind === 'suggestion')
        out.push(
          <mark key={`s${m.k}`} className="media-suggestion">
            {article.text.slice(m.start, m.end)}
          </mark>,
        );
      else
        out.push(
          <mark
            key={`m${m.k}`}
            className="media-mention"
            title={name(article.mentions[m.k]?.actorId ?? null)}
          >
            {article.text.slice(m.start, m.end)}
          </mark>,
        );
      at = m.end;
    }
    out.push(article.text.slice(at, to));
    return out;
  };
  return (
    <p className="media-article-text" lang={article.language} data-testid="media-article-text">
      {render(0, article.text.length, marks)}
    </p>
  );
}

/** An article from the list, read in full (an audited read) and shown with its analysis. */
function OpenedArticle({
  articleId,
  actors,
  onConfirmed,
}: {
  articleId: string;
  actors: MediaActor[];
  onConfirmed: () => void;
}) {
  const { view } = useProcess();
  const a = useQuery(() => api.media.article(view.process.id, articleId), [articleId]);
  if (a.error) return <ErrorAlert error={a.error} />;
  if (!a.data) return <Loading />;
  return <ArticleAnalysis article={a.data} actors={actors} onConfirmed={onConfirmed} />;
}

function ArticleAnalysis({
  article,
  actors,
  onConfirmed,
}: {
  article: MediaArticle;
  actors: MediaActor[];
  onConfirmed: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="media-analysis" data-testid="media-analysis">
      <p>
        {t('media.articles.language')}:{' '}
        <strong data-testid="media-language">
          {t(`media.languages.${article.language}`, article.language)}
        </strong>
        {' · '}
        {t('media.articles.found', {
          mentions: article.mentions.length,
          quotes: article.quotes.length,
        })}
      </p>
      <Highlighted article={article} actors={actors} />
      {article.suggestions.length > 0 && (
        <div className="media-suggestions" data-testid="media-suggestions">
          <h4>{t('mediaIn.suggestions.title')}</h4>
          <ul>
            {[...new Set(article.suggestions.map((s) => s.text))].map((name) => (
              <SuggestedName
                key={name}
                name={name}
                compartmentId={article.compartmentId}
                registered={actors.some((a) => a.name === name)}
                onDone={onConfirmed}
              />
            ))}
          </ul>
        </div>
      )}
      <ul className="media-quotes">
        {article.quotes.map((q, k) => (
          <QuoteSuggestion
            key={k}
            article={article}
            quote={q}
            actors={actors}
            onDone={onConfirmed}
          />
        ))}
      </ul>
    </div>
  );
}

/** A name the analysis suggests, taken into the register in one step (in the article's room). */
function SuggestedName({
  name,
  compartmentId,
  registered,
  onDone,
}: {
  name: string;
  compartmentId: string;
  registered: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [done, setDone] = useState(registered);
  const action = useAction();
  return (
    <li>
      <mark className="media-suggestion">{name}</mark>{' '}
      {done ? (
        <span className="small" role="status">
          {t('mediaIn.suggestions.registered', { name })}
        </span>
      ) : (
        <Button
          variant="secondary"
          pending={action.pending}
          onClick={() =>
            void action.run(async () => {
              await api.media.register(view.process.id, {
                name,
                kind: 'person',
                role: 'unknown',
                compartmentId,
              });
              setDone(true);
              onDone();
            })
          }
        >
          {t('mediaIn.suggestions.register', { name })}
        </Button>
      )}
      <ErrorAlert error={action.error} />
    </li>
  );
}

function QuoteSuggestion({
  article,
  quote,
  actors,
  onDone,
}: {
  article: MediaArticle;
  quote: MediaArticle['quotes'][number];
  actors: MediaActor[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [actorId, setActorId] = useState(quote.speakerActorId ?? '');
  const [stance, setStance] = useState<Stance>(
    actors.find((a) => a.id === quote.speakerActorId)?.role ?? 'unknown',
  );
  const [statedOn, setStatedOn] = useState((article.publishedAt ?? article.addedAt).slice(0, 10));
  const [confirmed, setConfirmed] = useState(false);
  const action = useAction();
  const speaker = actors.find((a) => a.id === quote.speakerActorId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.media.confirm(view.process.id, {
        actorId,
        quote: quote.text,
        statedOn,
        stance,
        articleId: article.id,
      });
      setConfirmed(true);
      onDone();
    });
  };
  return (
    <li className="media-quote-card">
      <blockquote lang={article.language}>{quote.text}</blockquote>
      <p className="small">
        {speaker ? t('media.quotes.speaker', { name: speaker.name }) : t('media.quotes.noSpeaker')}
      </p>
      {confirmed ? (
        <Notice>{t('media.quotes.confirmed')}</Notice>
      ) : (
        <form className="form-row" onSubmit={submit}>
          <ErrorAlert error={action.error} />
          <SelectField
            label={t('media.quotes.actor')}
            value={actorId}
            required
            onChange={(e) => setActorId(e.target.value)}
          >
            <option value="">—</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('media.quotes.stance')}
            value={stance}
            onChange={(e) => setStance(e.target.value as Stance)}
          >
            {stances.map((s) => (
              <option key={s} value={s}>
                {t(`media.stances.${s}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('media.quotes.statedOn')}
            type="date"
            value={statedOn}
            onChange={(e) => setStatedOn(e.target.value)}
          />
          <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
            {t('media.quotes.confirm')}
          </Button>
        </form>
      )}
    </li>
  );
}

function Filters({
  actors,
  issues,
  filter,
  onChange,
}: {
  actors: MediaActor[];
  issues: IssueRef[];
  filter: Filter;
  onChange: (f: Filter) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-row media-filters">
      <SelectField
        label={t('media.filters.actor')}
        value={filter.actorId ?? ''}
        onChange={(e) => onChange({ ...filter, actorId: e.target.value || undefined })}
      >
        <option value="">{t('media.filters.all')}</option>
        {actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('media.filters.stance')}
        value={filter.stance ?? ''}
        onChange={(e) =>
          onChange({ ...filter, stance: (e.target.value || undefined) as Stance | undefined })
        }
      >
        <option value="">{t('media.filters.all')}</option>
        {stances.map((s) => (
          <option key={s} value={s}>
            {t(`media.stances.${s}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('media.filters.language')}
        value={filter.language ?? ''}
        onChange={(e) => onChange({ ...filter, language: e.target.value || undefined })}
      >
        <option value="">{t('media.filters.all')}</option>
        {(['nb', 'nn', 'es', 'en', 'da', 'sv'] as const).map((l) => (
          <option key={l} value={l}>
            {t(`media.languages.${l}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('mediaIn.issues.filter')}
        value={filter.issueId ?? ''}
        onChange={(e) => onChange({ ...filter, issueId: e.target.value || undefined })}
      >
        <option value="">{t('media.filters.all')}</option>
        {issues.map((i) => (
          <option key={i.id} value={i.id}>
            {i.title}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

/** Statements per month, one bar per stance, with the numbers beside them. */
function StatementsChart({
  view,
  issues,
  onChange,
}: {
  view: MediaView;
  issues: IssueRef[];
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const { partyCode } = useProcess();
  const formats = useFormats();
  const name = (id: string) => view.actors.find((a) => a.id === id)?.name ?? '';
  const max = Math.max(1, ...view.chart.map((p) => p.total));
  return (
    <>
      {view.chart.length === 0 ? (
        <p className="empty">{t('media.statements.none')}</p>
      ) : (
        <table className="media-chart" data-testid="media-chart">
          <caption>{t('media.statements.chart')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('media.statements.month')}</th>
              <th scope="col">{t('media.statements.byStance')}</th>
              <th scope="col">{t('media.statements.total')}</th>
            </tr>
          </thead>
          <tbody>
            {view.chart.map((p) => (
              <tr key={p.period}>
                <th scope="row">
                  {p.period}
                  {p.rounds.length > 0 && (
                    <span className="muted small media-rounds">
                      {' '}
                      {p.rounds.map((n) => t('rounds.roundTitle', { number: n })).join(', ')}
                    </span>
                  )}
                </th>
                <td>
                  <div className="media-bar" style={{ width: `${(100 * p.total) / max}%` }}>
                    {stances
                      .filter((s) => (p.counts[s] ?? 0) > 0)
                      .map((s) => (
                        <span
                          key={s}
                          className={`media-bar-part stance-${s}`}
                          style={{ flexGrow: p.counts[s] ?? 0 }}
                        >
                          {t(`media.stances.${s}`)} {p.counts[s]}
                        </span>
                      ))}
                  </div>
                </td>
                <td>{p.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.partyStatements.length > 0 && (
        <>
          <h3>{t('media.statements.parties')}</h3>
          <ul className="media-statement-list">
            {[...view.partyStatements].reverse().map((s) => (
              <li key={s.id} data-testid="media-party-statement">
                <span className="muted small">{formats.day(s.statedOn)}</span>{' '}
                <strong>{partyCode(s.partyId)}</strong>{' '}
                <span className="muted small">{s.source}</span>
                <blockquote>{s.text}</blockquote>
              </li>
            ))}
          </ul>
        </>
      )}
      {view.statements.length > 0 && <h3>{t('media.statements.actors')}</h3>}
      <ul className="media-statement-list">
        {[...view.statements].reverse().map((s) => (
          <li key={s.id} data-testid="media-statement">
            <span className="muted small">{formats.day(s.statedOn)}</span>{' '}
            <strong>{name(s.actorId)}</strong>{' '}
            <span className={`chip stance-${s.stance}`}>{t(`media.stances.${s.stance}`)}</span>
            <blockquote lang={s.language}>{s.quote}</blockquote>
            <StatementIssues
              key={`${s.id}-${s.revision}`}
              statement={s}
              issues={issues}
              onDone={onChange}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
