/** Search over every compartment I may read in the process; each hit shows its compartment. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useFormats } from '../../i18n/index.js';
import { navigate, useLocation } from '../../router.js';
import { Button, ErrorAlert, Loading, PageTitle, Section } from '../../ui/components.js';
import { useQuery } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';
import { ItemCard } from './ItemCard.js';

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
    () => (q ? api.items.list(view.process.id, { q }) : Promise.resolve(null)),
    [view.process.id, q],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/processes/${view.process.id}/search?q=${encodeURIComponent(text.trim())}`);
  };
  const items = results.data?.items ?? [];
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
        <Section
          title={t('search.results', { count: items.length, n: formats.number(items.length) })}
        >
          {items.length === 0 ? (
            <p className="empty">{t('search.none', { q })}</p>
          ) : (
            <ul className="item-list">
              {items.map((i) => (
                <ItemCard key={i.id} item={i} />
              ))}
            </ul>
          )}
        </Section>
      )}
    </div>
  );
}
