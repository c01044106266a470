/** The sign-in form: e-mail and password, and a code field once the API asks for a second factor. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { Button, ErrorAlert, Notice, TextField } from '../../ui/components.js';
import { useAction } from '../../ui/hooks.js';
import { useSession } from './session.js';

/** Signs in; the session context then re-renders the app as the signed-in user. */
export function SignInForm({ initialEmail = '' }: { initialEmail?: string }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [totpPrompt, setTotpPrompt] = useState<string | null>(null);
  const action = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTotpPrompt(null);
    void action.run(async () => {
      try {
        await signIn({ email, password, totpCode: needsTotp && totpCode ? totpCode : undefined });
      } catch (err) {
        if (isApiError(err, 'TOTP_REQUIRED') && !needsTotp) {
          // First answer for an account with a second factor: ask for the code, not an error.
          setNeedsTotp(true);
          setTotpPrompt(err.message);
          return;
        }
        if (needsTotp) setTotpCode('');
        throw err;
      }
    });
  };

  return (
    <form className="form" onSubmit={submit}>
      <ErrorAlert error={action.error} title={t('auth.failed')} />
      {totpPrompt && <Notice tone="info">{totpPrompt}</Notice>}
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
        <Button type="submit" pending={action.pending} pendingLabel={t('auth.signingIn')}>
          {t('auth.signIn')}
        </Button>
      </div>
    </form>
  );
}
