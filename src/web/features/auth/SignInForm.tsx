/**
 * The sign-in form: e-mail and password; then a code field once the API asks for a second factor,
 * or a passkey button when the account has a passkey. A passkey on its own signs in too.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { Button, ErrorAlert, Notice, TextField } from '../../ui/components.js';
import { useAction } from '../../ui/hooks.js';
import { passkeysSupported, useCeremonyErrors } from '../passkeys/ceremony.js';
import { useSession } from './session.js';

/** The second factors the API named in its answer. */
const methodsOf = (details: Record<string, unknown> | undefined): string[] =>
  Array.isArray(details?.methods) ? (details.methods as string[]) : [];

/** Signs in; the session context then re-renders the app as the signed-in user. */
export function SignInForm({ initialEmail = '' }: { initialEmail?: string }) {
  const { t } = useTranslation();
  const { signIn, signInWithPasskey } = useSession();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [passkeyOffered, setPasskeyOffered] = useState(false);
  const [prompt, setPrompt] = useState<string | null>(null);
  const action = useAction();
  const passkeyAction = useAction();
  const ceremonyError = useCeremonyErrors();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPrompt(null);
    passkeyAction.reset();
    void action.run(async () => {
      try {
        await signIn({ email, password, totpCode: needsTotp && totpCode ? totpCode : undefined });
      } catch (err) {
        if (isApiError(err, 'TOTP_REQUIRED') && !needsTotp) {
          // First answer for an account with a second factor: ask for the code, not an error.
          setNeedsTotp(true);
          setPasskeyOffered(methodsOf(err.details).includes('passkey'));
          setPrompt(err.message);
          return;
        }
        if (isApiError(err, 'PASSKEY_REQUIRED')) {
          setPasskeyOffered(true);
          setPrompt(t('passkeys.signIn.secondFactor'));
          return;
        }
        if (needsTotp) setTotpCode('');
        throw err;
      }
    });
  };

  const usePasskey = (credentials: { email: string; password: string } | null) => {
    action.reset();
    void passkeyAction.run(() => signInWithPasskey(credentials));
  };

  return (
    <div className="stack-small">
      <form className="form" onSubmit={submit}>
        <ErrorAlert error={action.error} title={t('auth.failed')} />
        <ErrorAlert error={ceremonyError(passkeyAction.error)} title={t('auth.failed')} />
        {prompt && <Notice tone="info">{prompt}</Notice>}
        <TextField
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoFocus={!initialEmail}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus={!!initialEmail}
        />
        {needsTotp && (
          <TextField
            autoFocus
            label={t('auth.totpCode')}
            hint={t('auth.totpHint')}
            name="totpCode"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            className="input-code"
            value={totpCode}
            onChange={(e) => setTotpCode(e.target.value.replace(/\D/g, ''))}
          />
        )}
        <div className="form-actions">
          {passkeyOffered && (
            <Button
              autoFocus={!needsTotp}
              pending={passkeyAction.pending}
              pendingLabel={t('passkeys.signIn.waiting')}
              onClick={() => usePasskey({ email, password })}
            >
              {t('passkeys.signIn.usePasskey')}
            </Button>
          )}
          {(!passkeyOffered || needsTotp) && (
            <Button
              type="submit"
              variant={passkeyOffered ? 'secondary' : 'primary'}
              pending={action.pending}
              pendingLabel={t('auth.signingIn')}
            >
              {t('auth.signIn')}
            </Button>
          )}
        </div>
      </form>
      {!passkeyOffered && !needsTotp && passkeysSupported() && (
        <div className="stack-small">
          <p className="muted small">{t('passkeys.signIn.passwordlessHint')}</p>
          <Button
            variant="secondary"
            pending={passkeyAction.pending}
            pendingLabel={t('passkeys.signIn.waiting')}
            onClick={() => usePasskey(null)}
          >
            {t('passkeys.signIn.passwordless')}
          </Button>
        </div>
      )}
    </div>
  );
}
