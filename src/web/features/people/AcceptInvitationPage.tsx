/**
 * /invite/:secret — what the invitation offers (codename, role, party), and accepting it: as the
 * signed-in user, or with a new account (then signed in straight away). The server answers a new
 * account on an e-mail that already has one exactly like any new account, and holds the invitation
 * for that account: if signing in with the new credentials fails, the page says so without knowing
 * which happened, and offers to sign in to the existing account, which then accepts.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { InvitationPreview } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { navigate } from '../../router.js';
import { Button, ErrorAlert, Loading, Notice, PageTitle, TextField } from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { SignInForm } from '../auth/SignInForm.js';
import { useSession } from '../auth/session.js';

/** The invitation screen. */
export function AcceptInvitationPage({ secret }: { secret: string }) {
  const { t } = useTranslation();
  const signedIn = useSession().state.status === 'signedIn';
  const preview = useQuery(() => api.invitations.preview(secret), [secret]);
  const { reload } = preview;
  const found = preview.data !== undefined;
  // An invitation held for an existing account shows only to that account, signed in: look again.
  useEffect(() => {
    if (signedIn && !found) reload();
  }, [signedIn, found, reload]);
  if (preview.loading && !preview.data) return <Loading />;
  if (!preview.data)
    return (
      <div className="auth-layout">
        <div className="auth-card">
          <PageTitle documentTitle={t('invite.invalidTitle')}>{t('invite.invalidTitle')}</PageTitle>
          <ErrorAlert error={preview.error} />
          <p>{t('invite.invalidHelp')}</p>
          {!signedIn && (
            <>
              <p className="muted">{t('invite.invalidSignIn')}</p>
              <SignInForm />
            </>
          )}
        </div>
      </div>
    );
  return <Invitation secret={secret} preview={preview.data} />;
}

function Invitation({ secret, preview }: { secret: string; preview: InvitationPreview }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const session = useSession();
  const [mode, setMode] = useState<'new' | 'signIn'>('new');
  // Kept here: signing in with a new account replaces the form that accepted.
  const [pending, setPending] = useState(false);
  const onPending = () => setPending(true);
  // Accepted with a new account whose credentials do not sign in: the e-mail may have an account.
  const [held, setHeld] = useState(false);
  const onHeld = () => setHeld(true);
  const role = t(`role.${preview.role}`);
  return (
    <div className="auth-layout">
      <div className="auth-card auth-card-wide">
        <p className="eyebrow">{t('invite.eyebrow')}</p>
        <PageTitle documentTitle={t('invite.title', { codename: preview.codename })}>
          {t('invite.title', { codename: preview.codename })}
        </PageTitle>
        <dl className="invite-facts">
          <div>
            <dt>{t('invite.process')}</dt>
            <dd className="strong">{preview.codename}</dd>
          </div>
          <div>
            <dt>{t('invite.role')}</dt>
            <dd>{role}</dd>
          </div>
          {preview.party && (
            <div>
              <dt>{t('invite.party')}</dt>
              <dd>
                {preview.party.name} ({preview.party.code})
              </dd>
            </div>
          )}
          <div>
            <dt>{t('invite.expires')}</dt>
            <dd>{formats.dateTime(preview.expiresAt)}</dd>
          </div>
        </dl>
        <p className="muted">{t('invite.titleHidden')}</p>
        {pending ? (
          <SeatPending />
        ) : session.state.status === 'signedIn' ? (
          <>
            {held && <Notice>{t('invite.heldSignedIn')}</Notice>}
            <AcceptAsMe
              secret={secret}
              name={session.state.session.user.displayName}
              onPending={onPending}
            />
          </>
        ) : held ? (
          <>
            <Notice>{t('invite.held')}</Notice>
            <h2 className="subheading">{t('invite.signInTitle')}</h2>
            <SignInForm />
          </>
        ) : mode === 'new' ? (
          <>
            <h2 className="subheading">{t('invite.newAccountTitle')}</h2>
            <NewAccountForm secret={secret} onPending={onPending} onHeld={onHeld} />
            <p className="switch-line">
              {t('invite.haveAccount')}{' '}
              <button type="button" className="link-button" onClick={() => setMode('signIn')}>
                {t('invite.signInToAccept')}
              </button>
            </p>
          </>
        ) : (
          <>
            <h2 className="subheading">{t('invite.signInTitle')}</h2>
            <SignInForm />
            <p className="switch-line">
              {t('invite.noAccount')}{' '}
              <button type="button" className="link-button" onClick={() => setMode('new')}>
                {t('invite.createInstead')}
              </button>
            </p>
          </>
        )}
      </div>
    </div>
  );
}

function AcceptAsMe({
  secret,
  name,
  onPending,
}: {
  secret: string;
  name: string;
  onPending: () => void;
}) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const action = useAction();
  const accept = () =>
    void action.run(async () => {
      const { processId, pending } = await api.invitations.accept(secret, { newAccount: null });
      if (pending) onPending();
      else navigate(`/processes/${processId}`);
    });
  return (
    <div className="stack-small">
      <ErrorAlert error={action.error} />
      <div className="form-actions">
        <Button onClick={accept} pending={action.pending} pendingLabel={t('invite.accepting')}>
          {t('invite.acceptAs', { name })}
        </Button>
      </div>
      <p className="muted small">
        {t('invite.notYou')}{' '}
        <button type="button" className="link-button" onClick={() => void signOut()}>
          {t('app.signOut')}
        </button>
      </p>
    </div>
  );
}

/** The seat waits for those who hold the room: until they confirm, the process shows nothing. */
function SeatPending() {
  const { t } = useTranslation();
  return (
    <div className="stack-small">
      <Notice>{t('invite.seatPending')}</Notice>
      <div className="form-actions">
        <Button variant="quiet" onClick={() => navigate('/')}>
          {t('invite.toMyProcesses')}
        </Button>
      </div>
    </div>
  );
}

function NewAccountForm({
  secret,
  onPending,
  onHeld,
}: {
  secret: string;
  onPending: () => void;
  onHeld: () => void;
}) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [accepted, setAccepted] = useState(false);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const { processId, pending } = await api.invitations.accept(secret, {
        newAccount: { email, displayName, password },
      });
      setAccepted(true);
      // The account exists now, unless the e-mail already had one (the answer is the same): sign
      // in with the same credentials so the person lands inside, or ask for the existing account.
      try {
        await signIn({ email, password });
      } catch {
        onHeld();
        return;
      }
      // Signed in to an account that already existed: the invitation waits for it to accept.
      if (
        await api.invitations.preview(secret).then(
          () => true,
          () => false,
        )
      ) {
        onHeld();
        return;
      }
      if (pending) onPending();
      else navigate(`/processes/${processId}`);
    });
  };
  return (
    <form className="form" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      {accepted && <Notice>{t('invite.accountCreated')}</Notice>}
      <TextField
        label={t('invite.displayName')}
        hint={t('invite.displayNameHint')}
        autoComplete="name"
        value={displayName}
        maxLength={200}
        onChange={(e) => setDisplayName(e.target.value)}
      />
      <TextField
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <TextField
        label={t('auth.password')}
        hint={t('invite.passwordHint')}
        type="password"
        autoComplete="new-password"
        minLength={12}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div className="form-actions">
        <Button
          type="submit"
          pending={action.pending}
          pendingLabel={t('invite.accepting')}
          disabled={accepted}
        >
          {t('invite.createAndAccept')}
        </Button>
      </div>
    </form>
  );
}
