/** The sign-in screen, shown at any address while nobody is signed in. */
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice, PageTitle } from '../../ui/components.js';
import { SignInForm } from './SignInForm.js';
import { useSession } from './session.js';

/** Sign-in, with a note when the user just signed out or the session ended. */
export function SignInPage() {
  const { t } = useTranslation();
  const { state } = useSession();
  const reason = state.status === 'signedOut' ? state.reason : 'none';
  return (
    <div className="auth-layout">
      <div className="auth-card">
        <PageTitle documentTitle={t('auth.signInTitle')}>{t('auth.signInTitle')}</PageTitle>
        <p className="lead">{t('auth.signInIntro')}</p>
        {reason === 'signedOut' && <Notice>{t('auth.signedOut')}</Notice>}
        {reason === 'expired' && <Notice tone="warning">{t('auth.sessionLost')}</Notice>}
        {state.status === 'signedOut' && <ErrorAlert error={state.error} />}
        <SignInForm />
      </div>
      <p className="auth-footnote">{t('auth.confidentialNote')}</p>
    </div>
  );
}
