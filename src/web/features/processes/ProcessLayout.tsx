/**
 * Inside a process: the left navigation (overview; the negotiation — record, text, ratings,
 * analysis — where the role makes sense; the talks — rounds, messages, communiqués;
 * compartments; search, people, audit).
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { isDelegationRole, isMediatorRole } from '../../../core/process/model.js';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { Link, navigate, useLocation } from '../../router.js';
import { ErrorAlert, Loading, Notice, PageTitle, VisuallyHidden } from '../../ui/components.js';
import { useFormats } from '../../i18n/index.js';
import { useCompartmentName } from '../compartments/labels.js';
import { StatusBadge } from './labels.js';
import { useProcess, useProcessQuery } from './ProcessContext.js';
import { Unavailable } from './Unavailable.js';

/** Shows the process's screens once it has loaded, or why it cannot be shown. */
export function ProcessGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const query = useProcessQuery();
  if (!query || (query.loading && !query.data)) return <Loading />;
  if (query.error && !query.data && isApiError(query.error, 'NOT_FOUND'))
    return <Unavailable error={query.error} />;
  if (query.error && !query.data) {
    const mfa = isApiError(query.error, 'MFA_REQUIRED_BY_PROCESS');
    const passkey = isApiError(query.error, 'PASSKEY_REQUIRED_BY_PROCESS');
    const title = passkey
      ? t('passkeys.process.gateTitle')
      : mfa
        ? t('processNav.mfaRequired')
        : t('processNav.cannotOpen');
    return (
      <div className="page page-narrow">
        <PageTitle documentTitle={title}>{title}</PageTitle>
        {passkey ? (
          <Notice tone="warning">{t('passkeys.process.gateHelp')}</Notice>
        ) : (
          <ErrorAlert error={query.error} />
        )}
        <p>
          {passkey ? (
            <Link to="/account">{t('passkeys.process.goToAccount')}</Link>
          ) : mfa ? (
            <Link to="/account">{t('processNav.setUpTotp')}</Link>
          ) : (
            <Link to="/processes">{t('app.backToProcesses')}</Link>
          )}
        </p>
      </div>
    );
  }
  return <ProcessLayout>{children}</ProcessLayout>;
}

function ProcessLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const name = useCompartmentName();
  const base = `/processes/${view.process.id}`;
  // On a phone the menu waits behind a button, so that the page's own content comes first; it
  // closes again when a link in it is followed.
  const { pathname } = useLocation();
  const [menu, setMenu] = useState<{ open: boolean; at: string }>({ open: false, at: pathname });
  const menuOpen = menu.open && menu.at === pathname;
  return (
    <div className={menuOpen ? 'process-layout is-menu-open' : 'process-layout'}>
      <button
        type="button"
        className="button button-secondary process-menu-button"
        aria-expanded={menuOpen}
        aria-controls="process-nav"
        onClick={() => setMenu({ open: !menuOpen, at: pathname })}
      >
        {menuOpen ? t('phone.closeMenu') : t('phone.menu', { codename: view.process.codename })}
      </button>
      <nav id="process-nav" className="process-nav" aria-label={t('processNav.label')}>
        <div className="process-nav-head">
          <p className="eyebrow">{t('processNav.process')}</p>
          <p className="process-nav-codename">{view.process.codename}</p>
          <StatusBadge status={view.process.status} />
        </div>
        <SearchBox base={base} />
        <ul className="nav-list">
          <li>
            <Link to={base} current="exact">
              {t('processNav.overview')}
            </Link>
          </li>
        </ul>
        <h2 className="nav-heading">{t('negotiationNav.heading')}</h2>
        <ul className="nav-list">
          <li>
            <Link to={`${base}/record`} current="prefix">
              {t('negotiationNav.record')}
            </Link>
          </li>
          <li>
            <Link to={`${base}/text`} current="prefix">
              {t('negotiationNav.text')}
            </Link>
          </li>
          {isDelegationRole(view.me.role) && (
            <li>
              <Link to={`${base}/preferences`} current="prefix">
                {t('negotiationNav.preferences')}
              </Link>
            </li>
          )}
          {(isDelegationRole(view.me.role) || isMediatorRole(view.me.role)) && (
            <li>
              <Link to={`${base}/analysis`} current="prefix">
                {t('negotiationNav.analysis')}
              </Link>
            </li>
          )}
        </ul>
        <h2 className="nav-heading">{t('talksNav.heading')}</h2>
        <ul className="nav-list">
          <li>
            <Link to={`${base}/rounds`} current="prefix">
              {t('talksNav.rounds')}
            </Link>
          </li>
          <li>
            <Link to={`${base}/messages`} current="prefix">
              {t('talksNav.messages')}
            </Link>
          </li>
          <li>
            <Link to={`${base}/communiques`} current="prefix">
              {t('talksNav.communiques')}
            </Link>
          </li>
          <li>
            <Link to={`${base}/media`} current="prefix">
              {t('media.nav')}
            </Link>
          </li>
          <li>
            <Link to={`${base}/implementation`} current="prefix">
              {t('implementation.nav')}
            </Link>
          </li>
        </ul>
        <h2 className="nav-heading">{t('processNav.compartments')}</h2>
        <ul className="nav-list">
          {view.compartments.map((c) => (
            <li key={c.id}>
              <Link
                to={`${base}/compartments/${c.id}`}
                current="prefix"
                className="nav-compartment"
              >
                <span className={`kind-dot kind-${c.kind}`} aria-hidden="true" />
                <span className="nav-compartment-name">{name(c)}</span>
                <span className="nav-count">
                  {formats.number(c.itemCount)}
                  <VisuallyHidden>
                    {' '}
                    {t('processNav.itemsSuffix', { count: c.itemCount })}
                  </VisuallyHidden>
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <h2 className="nav-heading">{t('processNav.more')}</h2>
        <ul className="nav-list">
          <li>
            <Link to={`${base}/search`} current="prefix">
              {t('processNav.search')}
            </Link>
          </li>
          <li>
            <Link to={`${base}/people`} current="prefix">
              {t('processNav.people')}
            </Link>
          </li>
          {view.can.viewAudit && (
            <li>
              <Link to={`${base}/audit`} current="prefix">
                {t('processNav.audit')}
              </Link>
            </li>
          )}
        </ul>
      </nav>
      <div className="process-main">{children}</div>
    </div>
  );
}

function SearchBox({ base }: { base: string }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const [q, setQ] = useState(search.get('q') ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`${base}/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <form role="search" className="nav-search" onSubmit={submit}>
      <label htmlFor="process-search" className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id="process-search"
        type="search"
        className="input input-small"
        placeholder={t('search.placeholder')}
        value={q}
        maxLength={200}
        onChange={(e) => setQ(e.target.value)}
      />
      <button type="submit" className="button button-secondary button-small">
        {t('search.button')}
      </button>
    </form>
  );
}
