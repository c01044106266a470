/**
 * The browser session: who is signed in, and the CSRF token every write must carry. The session
 * itself is an HttpOnly cookie the app never sees; GET /api/session tells whether it is valid.
 */
import { forgetKeptDrafts } from '../../ui/unsaved.js';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import { api, isApiError, onSessionLost, setCsrfToken } from '../../api/client.js';
import type { Session, SignInRequest } from '../../api/types.js';
import { getPasskeyAssertion } from '../passkeys/ceremony.js';

/** Where the session stands. */
export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; reason: 'none' | 'signedOut' | 'expired'; error?: unknown }
  | { status: 'signedIn'; session: Session };

interface SessionApi {
  state: SessionState;
  /** Signs in; throws the ApiError (e.g. TOTP_REQUIRED) for the form to show. */
  signIn(body: SignInRequest): Promise<void>;
  /**
   * Signs in with a passkey: after e-mail and password as the second factor, or on its own with
   * null; throws the ApiError or the browser's CeremonyError for the form to show.
   */
  signInWithPasskey(credentials: { email: string; password: string } | null): Promise<void>;
  /** Signs out on the server and forgets the session here. */
  signOut(): Promise<void>;
  /** Reads the session again (e.g. after turning on a second factor). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

/** Provides the session to the app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // Requests still in flight when the user signs out answer 401; that is not an expiry.
  const signedIn = useRef(false);

  const adopt = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    signedIn.current = true;
    setState({ status: 'signedIn', session });
  }, []);

  const refresh = useCallback(async () => {
    try {
      adopt(await api.session.get());
    } catch (e) {
      setCsrfToken(null);
      signedIn.current = false;
      setState({
        status: 'signedOut',
        reason: 'none',
        error: isApiError(e, 'UNAUTHENTICATED') ? undefined : e,
      });
    }
  }, [adopt]);

  useEffect(() => {
    void refresh();
    onSessionLost(() => {
      if (!signedIn.current) return;
      signedIn.current = false;
      setCsrfToken(null);
      setState({ status: 'signedOut', reason: 'expired' });
    });
    return () => onSessionLost(null);
  }, [refresh]);

  const signIn = useCallback(
    async (body: SignInRequest) => {
      adopt(await api.session.signIn(body));
    },
    [adopt],
  );

  const signInWithPasskey = useCallback(
    async (credentials: { email: string; password: string } | null) => {
      const started = await api.passkeys.signInOptions(credentials);
      const response = await getPasskeyAssertion(started);
      adopt(await api.passkeys.signIn({ challengeId: started.challengeId, response }));
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    signedIn.current = false;
    try {
      await api.session.signOut();
    } catch {
      // Already gone on the server; forget it here all the same.
    }
    setCsrfToken(null);
    forgetKeptDrafts();
    setState({ status: 'signedOut', reason: 'signedOut' });
  }, []);

  const value = useMemo(
    () => ({ state, signIn, signInWithPasskey, signOut, refresh }),
    [state, signIn, signInWithPasskey, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session API. */
export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in session (only inside screens that require one). */
export function useSignedIn(): Session {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('not signed in');
  return state.session;
}
