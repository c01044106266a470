/** The shell (header, main, footer) and the routes of the app. */
import { Unavailable } from './features/processes/Unavailable.js';
import { lazy, Suspense, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { activity } from './api/client.js';
import type { LiveStatus } from './api/live.js';
import { AccountPage } from './features/account/AccountPage.js';
import { PreferencesPage } from './features/analysis/PreferencesPage.js';
import { AuditPage } from './features/audit/AuditPage.js';
import { SignInPage } from './features/auth/SignInPage.js';
import { useSession } from './features/auth/session.js';
import { CommuniquesPage } from './features/communiques/CommuniquesPage.js';
import { ImplementationPage } from './features/implementation/ImplementationPage.js';
import { PublicImplementationPage } from './features/implementation/PublicImplementationPage.js';
import { CompartmentPage } from './features/compartments/CompartmentPage.js';
import { MediaPage } from './features/media/MediaPage.js';
import { NotePage } from './features/compartments/NotePage.js';
import { SearchPage } from './features/compartments/SearchPage.js';
import { MessagesPage } from './features/messages/MessagesPage.js';
import { ThreadPage } from './features/messages/ThreadPage.js';
import { AcceptInvitationPage } from './features/people/AcceptInvitationPage.js';
import { PeoplePage } from './features/people/PeoplePage.js';
import { ProcessDashboard } from './features/processes/ProcessDashboard.js';
import { ProcessGate } from './features/processes/ProcessLayout.js';
import { ProcessListPage } from './features/processes/ProcessListPage.js';
import { ProcessProvider, useOptionalProcess } from './features/processes/ProcessContext.js';
import { RecordPage } from './features/record/RecordPage.js';
import { RoundPage } from './features/rounds/RoundPage.js';
import { RoundsPage } from './features/rounds/RoundsPage.js';
import { AmendmentsPage } from './features/text/AmendmentsPage.js';
import { TextPage } from './features/text/TextPage.js';
import { VersionPage } from './features/text/VersionPage.js';
import { VersionsPage } from './features/text/VersionsPage.js';
import { currentLanguage, languages, setLanguage, type LanguageCode } from './i18n/index.js';
import { Link, matchPath, navigate, useLocation } from './router.js';
import { Loading, PageTitle } from './ui/components.js';

// The analysis brings the chart library: loaded when first opened, not with the app.
const AnalysisPage = lazy(() =>
  import('./features/analysis/AnalysisPage.js').then((m) => ({ default: m.AnalysisPage })),
);

/** The whole app. */
export function App() {
  const { pathname } = useLocation();
  const { state } = useSession();

  useEffect(() => {
    if (state.status === 'signedIn' && (pathname === '/' || pathname === '/signin'))
      navigate('/processes', { replace: true });
  }, [state.status, pathname]);

  // The public accountability page needs no account: shown whatever the session.
  const publicPage = matchPath('/public/implementation/:slug', pathname);
  if (publicPage?.slug)
    return (
      <Shell>
        <PublicImplementationPage key={publicPage.slug} slug={publicPage.slug} />
      </Shell>
    );
  if (state.status === 'loading')
    return (
      <Shell>
        <Loading />
      </Shell>
    );
  const invite = matchPath('/invite/:secret', pathname);
  if (invite?.secret)
    return (
      <Shell>
        <AcceptInvitationPage key={invite.secret} secret={invite.secret} />
      </Shell>
    );
  if (state.status === 'signedOut')
    return (
      <Shell>
        <SignInPage />
      </Shell>
    );
  if (pathname === '/' || pathname === '/signin' || pathname === '/processes')
    return (
      <Shell>
        <ProcessListPage />
      </Shell>
    );
  if (pathname === '/account')
    return (
      <Shell>
        <AccountPage />
      </Shell>
    );
  const inProcess = /^\/processes\/([^/]+)(\/.*)?$/.exec(pathname);
  if (inProcess?.[1]) {
    const processId = decodeURIComponent(inProcess[1]);
    const page = processPage(inProcess[2] ?? '');
    return (
      <ProcessProvider key={processId} processId={processId}>
        <Shell>
          <ProcessGate>{page ?? <Unavailable />}</ProcessGate>
        </Shell>
      </ProcessProvider>
    );
  }
  return (
    <Shell>
      <NotFound />
    </Shell>
  );
}

/** The screen for a path inside a process (after /processes/:id). */
function processPage(rest: string): ReactNode | null {
  const path = rest.replace(/\/$/, '');
  if (path === '') return <ProcessDashboard />;
  if (path === '/people') return <PeoplePage />;
  if (path === '/audit') return <AuditPage />;
  if (path === '/search') return <SearchPage />;
  if (path === '/record') return <RecordPage />;
  if (path === '/text') return <TextPage />;
  if (path === '/text/versions') return <VersionsPage />;
  if (path === '/text/amendments') return <AmendmentsPage />;
  if (path === '/preferences') return <PreferencesPage />;
  if (path === '/rounds') return <RoundsPage />;
  if (path === '/messages') return <MessagesPage />;
  if (path === '/communiques') return <CommuniquesPage />;
  if (path === '/media') return <MediaPage />;
  if (path === '/implementation') return <ImplementationPage />;
  if (path === '/analysis')
    return (
      <Suspense fallback={<Loading />}>
        <AnalysisPage />
      </Suspense>
    );
  const round = matchPath('/rounds/:roundId', path);
  if (round?.roundId) return <RoundPage key={round.roundId} roundId={round.roundId} />;
  const thread = matchPath('/messages/:threadId', path);
  if (thread?.threadId) return <ThreadPage key={thread.threadId} threadId={thread.threadId} />;
  const version = matchPath('/text/versions/:number', path);
  if (version?.number && /^[1-9][0-9]{0,5}$/.test(version.number))
    return <VersionPage key={version.number} number={Number(version.number)} />;
  const note = matchPath('/compartments/:compartmentId/notes/:itemId', path);
  if (note?.compartmentId && note.itemId)
    return <NotePage key={note.itemId} compartmentId={note.compartmentId} itemId={note.itemId} />;
  const compartment = matchPath('/compartments/:compartmentId', path);
  if (compartment?.compartmentId)
    return (
      <CompartmentPage key={compartment.compartmentId} compartmentId={compartment.compartmentId} />
    );
  return null;
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const busy = useSyncExternalStore(activity.subscribe, activity.getSnapshot) > 0;
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Header busy={busy} />
      <main id="main" tabIndex={-1} className="app-main" aria-busy={busy || undefined}>
        {children}
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}

function Header({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  const { state, signOut } = useSession();
  const open = useOptionalProcess();
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link to="/processes" className="brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span className="brand-name">Parley</span>
        </Link>
        {state.status === 'signedIn' && (
          <nav className="header-nav" aria-label={t('app.mainNavigation')}>
            <Link to="/processes" current="exact">
              {t('app.myProcesses')}
            </Link>
          </nav>
        )}
        {open && (
          <div className="header-process">
            <span className="header-process-label">{t('app.openProcess')}</span>
            <Link to={`/processes/${open.view.process.id}`} className="header-codename">
              {open.view.process.codename}
            </Link>
            <LiveIndicator status={open.liveStatus} />
          </div>
        )}
        <div className="header-tools">
          <LanguageSwitch />
          {state.status === 'signedIn' && (
            <>
              <Link to="/account" current="exact" className="header-user">
                <span className="visually-hidden">{t('app.signedInAs')} </span>
                {state.session.user.displayName}
              </Link>
              <button
                type="button"
                className="button button-header"
                onClick={() => void signOut().then(() => navigate('/', { replace: true }))}
              >
                {t('app.signOut')}
              </button>
            </>
          )}
        </div>
      </div>
      <div className={busy ? 'activity-bar is-busy' : 'activity-bar'} aria-hidden="true" />
    </header>
  );
}

/**
 * Whether the open process's screens update by themselves, or why not; said to screen readers on
 * change. Nothing while the first connection is being made.
 */
function LiveIndicator({ status }: { status: LiveStatus }) {
  const { t } = useTranslation();
  const shown = status !== 'connecting';
  return (
    <span
      className={shown ? `live-indicator is-${status}` : 'live-indicator'}
      role="status"
      title={shown ? t(`app.liveHint.${status}`) : undefined}
    >
      {shown && t(`app.live.${status}`)}
    </span>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const value = i18n.language ? currentLanguage() : 'en';
  return (
    <div className="language-switch">
      <label htmlFor="language-select">{t('app.language')}</label>
      <select
        id="language-select"
        className="select-header"
        value={value}
        onChange={(e) => setLanguage(e.target.value as LanguageCode)}
      >
        {languages.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="page page-narrow">
      <PageTitle documentTitle={t('app.notFoundTitle')}>{t('app.notFoundTitle')}</PageTitle>
      <p>{t('app.notFoundBody')}</p>
      <p>
        <Link to="/processes">{t('app.backToProcesses')}</Link>
      </p>
    </div>
  );
}
