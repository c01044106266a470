/**
 * Search over everything I may read in the process: notes, threads and messages, proposals, the
 * text, communiqués, statements, rounds, media and implementation, grouped by kind. The server
 * sends plain text with the matched ranges; they are highlighted here as React text nodes inside
 * <mark>, so nothing in a result is ever read as markup.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { SearchHit, SearchResult } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Link, navigate, useLocation } from '../../router.js';
import { Button, ErrorAlert, Loading, PageTitle, Section } from '../../ui/components.js';
import { useQuery } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';
import { CompartmentBadge } from './labels.js';

/** The search screen; the query lives in the address (?q=), so results can be bookmarked. */
export function SearchPage() {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const { search } = useLocation();
  const q = (search.get('q') ?? '').trim();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const results = useQuery(
    () => (q ? api.search.run(view.process.id, q) : Promise.resolve(null)),
    [view.process.id, q],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/processes/${view.process.id}/search?q=${encodeURIComponent(text.trim())}`);
  };
  const total = results.data?.total ?? 0;
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{view.process.codename}</p>
        <PageTitle documentTitle={`${t('search.title')} · ${view.process.codename}`}>
          {t('search.title')}
        </PageTitle>
        <p className="lead">{t('search.intro')}</p>
      </header>
      <form role="search" className="search-form" onSubmit={submit}>
        <label htmlFor="search-page-input" className="search-label">
          {t('search.label')}
        </label>
        <div className="copy-row">
          <input
            id="search-page-input"
            type="search"
            className="input"
            value={text}
            maxLength={200}
            onChange={(e) => setText(e.target.value)}
          />
          <Button type="submit" pending={results.loading && !!q}>
            {t('search.button')}
          </Button>
        </div>
      </form>
      <ErrorAlert error={results.error} />
      {!q ? (
        <p className="muted">{t('search.prompt')}</p>
      ) : results.loading && !results.data ? (
        <Loading />
      ) : (
        results.data && (
          <>
            <p className="search-summary" aria-live="polite">
              {t('search.results', { count: total, n: formats.number(total) })}
            </p>
            {total === 0 ? (
              <p className="empty">{t('search.none', { q })}</p>
            ) : (
              <Groups result={results.data} />
            )}
          </>
        )
      )}
    </div>
  );
}

function Groups({ result }: { result: SearchResult }) {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <>
      {result.groups.length > 1 && (
        <nav className="search-kinds" aria-label={t('searchResults.kinds')}>
          <ul>
            {result.groups.map((g) => (
              <li key={g.kind}>
                <a href={`#search-${g.kind}`}>
                  {t(`searchResults.kind.${g.kind}`)} ({formats.number(g.total)})
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {result.groups.map((g) => (
        <div key={g.kind} id={`search-${g.kind}`} className="search-group">
          <Section title={`${t(`searchResults.kind.${g.kind}`)} (${formats.number(g.total)})`}>
            <ul className="item-list">
              {g.hits.map((h) => (
                <HitCard key={`${h.kind} ${h.id} ${h.number ?? ''}`} hit={h} />
              ))}
            </ul>
            {g.total > g.hits.length && (
              <p className="muted small">
                {t('searchResults.more', {
                  shown: formats.number(g.hits.length),
                  total: formats.number(g.total),
                })}
              </p>
            )}
          </Section>
        </div>
      ))}
    </>
  );
}

/** The page a match is shown on, inside the process. */
function hitPath(h: SearchHit): string {
  switch (h.kind) {
    case 'note':
      return `/compartments/${h.compartmentId ?? ''}/notes/${h.id}`;
    case 'thread':
      return `/messages/${h.id}`;
    case 'message':
      return `/messages/${h.parentId ?? ''}`;
    case 'proposal':
      return '/record';
    case 'provision':
      return '/text';
    case 'version':
      return `/text/versions/${h.number ?? 1}`;
    case 'communique':
    case 'statement':
      return '/communiques';
    case 'round':
      return `/rounds/${h.id}`;
    case 'actor':
    case 'actor_statement':
    case 'article':
      return '/media';
    case 'commitment':
    case 'evidence':
      return '/implementation';
  }
}

function HitCard({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const date = hit.at && !Number.isNaN(Date.parse(hit.at)) ? hit.at : null;
  return (
    <li className="item-card search-hit">
      <div className="item-card-head">
        {hit.compartmentId ? (
          <CompartmentBadge compartmentId={hit.compartmentId} />
        ) : (
          <span className="badge">{t('searchResults.setUp')}</span>
        )}
        {hit.kind === 'version' && hit.number !== null && (
          <span className="badge">{t('searchResults.versionNumber', { n: hit.number })}</span>
        )}
        {date && (
          <span className="muted small">
            {date.length === 10 ? formats.date(date) : formats.dateTime(date)}
          </span>
        )}
      </div>
      <h3 className="item-title">
        <Link to={`/processes/${view.process.id}${hitPath(hit)}`}>
          <Marked text={hit.title || t(`searchResults.kind.${hit.kind}`)} marks={hit.titleMarks} />
        </Link>
      </h3>
      {hit.snippet && (
        <p className="item-excerpt">
          <Marked text={hit.snippet} marks={hit.snippetMarks} />
        </p>
      )}
    </li>
  );
}

/** A text with its matched ranges in <mark>: text nodes only, never HTML. */
export function Marked({
  text,
  marks,
}: {
  text: string;
  marks: ReadonlyArray<readonly [number, number]>;
}) {
  const parts: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at || end > text.length || end <= start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    parts.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return (
    <>
      {parts.map((p, i) =>
        p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}
