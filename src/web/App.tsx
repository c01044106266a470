/** The shell (header, main, footer) and the routes of the app. */
import { Unavailable } from './features/processes/Unavailable.js';
import { lazy, Suspense, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { activity } from './api/client.js';
import type { LiveStatus } from './api/live.js';
import { SignInPage } from './features/auth/SignInPage.js';
import { useSession } from './features/auth/session.js';
import { MessagesPage } from './features/messages/MessagesPage.js';
import { ProcessDashboard } from './features/processes/ProcessDashboard.js';
import { ProcessGate } from './features/processes/ProcessLayout.js';
import { ProcessProvider, useOptionalProcess } from './features/processes/ProcessContext.js';
import { currentLanguage, languages, setLanguage, type LanguageCode } from './i18n/index.js';
import { Link, matchPath, navigate, useLocation } from './router.js';
import { Loading, PageTitle } from './ui/components.js';

/*
 * Screens are loaded when first opened, each a chunk of its own, so a fresh load fetches the
 * shell, the sign-in form and the process overview only (whose panel of threads shares the
 * messages screen's code). The analysis brings the chart library.
 */
const AccountPage = lazy(() =>
  import('./features/account/AccountPage.js').then((m) => ({ default: m.AccountPage })),
);
const PreferencesPage = lazy(() =>
  import('./features/analysis/PreferencesPage.js').then((m) => ({ default: m.PreferencesPage })),
);
const AuditPage = lazy(() =>
  import('./features/audit/AuditPage.js').then((m) => ({ default: m.AuditPage })),
);
const CommuniquesPage = lazy(() =>
  import('./features/communiques/CommuniquesPage.js').then((m) => ({ default: m.CommuniquesPage })),
);
const ImplementationPage = lazy(() =>
  import('./features/implementation/ImplementationPage.js').then((m) => ({
    default: m.ImplementationPage,
  })),
);
const PublicImplementationPage = lazy(() =>
  import('./features/implementation/PublicImplementationPage.js').then((m) => ({
    default: m.PublicImplementationPage,
  })),
);
const CompartmentPage = lazy(() =>
  import('./features/compartments/CompartmentPage.js').then((m) => ({
    default: m.CompartmentPage,
  })),
);
const MediaPage = lazy(() =>
  import('./features/media/MediaPage.js').then((m) => ({ default: m.MediaPage })),
);
const NotePage = lazy(() =>
  import('./features/compartments/NotePage.js').then((m) => ({ default: m.NotePage })),
);
const SearchPage = lazy(() =>
  import('./features/compartments/SearchPage.js').then((m) => ({ default: m.SearchPage })),
);
const ThreadPage = lazy(() =>
  import('./features/messages/ThreadPage.js').then((m) => ({ default: m.ThreadPage })),
);
const AcceptInvitationPage = lazy(() =>
  import('./features/people/AcceptInvitationPage.js').then((m) => ({
    default: m.AcceptInvitationPage,
  })),
);
const PeoplePage = lazy(() =>
  import('./features/people/PeoplePage.js').then((m) => ({ default: m.PeoplePage })),
);
const ProcessListPage = lazy(() =>
  import('./features/processes/ProcessListPage.js').then((m) => ({ default: m.ProcessListPage })),
);
const RecordPage = lazy(() =>
  import('./features/record/RecordPage.js').then((m) => ({ default: m.RecordPage })),
);
const RoundPage = lazy(() =>
  import('./features/rounds/RoundPage.js').then((m) => ({ default: m.RoundPage })),
);
const RoundsPage = lazy(() =>
  import('./features/rounds/RoundsPage.js').then((m) => ({ default: m.RoundsPage })),
);
const AmendmentsPage = lazy(() =>
  import('./features/text/AmendmentsPage.js').then((m) => ({ default: m.AmendmentsPage })),
);
const TextPage = lazy(() =>
  import('./features/text/TextPage.js').then((m) => ({ default: m.TextPage })),
);
const VersionPage = lazy(() =>
  import('./features/text/VersionPage.js').then((m) => ({ default: m.VersionPage })),
);
const VersionsPage = lazy(() =>
  import('./features/text/VersionsPage.js').then((m) => ({ default: m.VersionsPage })),
);
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
  if (path === '/analysis') return <AnalysisPage />;
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
        <Suspense fallback={<Loading />}>{children}</Suspense>
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
