/** My account: profile, passkeys, the TOTP second factor and personal API tokens (secret shown once). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { ApiToken, CreatedToken, TotpSetup } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import {
  Button,
  CopyField,
  ErrorAlert,
  Loading,
  Notice,
  PageTitle,
  Section,
  TextField,
} from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { useSession, useSignedIn } from '../auth/session.js';
import { PasskeysSection } from './PasskeysSection.js';

/** The account screen. */
export function AccountPage() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const formats = useFormats();
  const u = session.user;
  return (
    <div className="page page-narrow">
      <PageTitle documentTitle={t('account.title')}>{t('account.title')}</PageTitle>
      <Section title={t('account.profile')}>
        <dl className="facts">
          <div>
            <dt>{t('account.name')}</dt>
            <dd>{u.displayName}</dd>
          </div>
          <div>
            <dt>{t('auth.email')}</dt>
            <dd>{u.email}</dd>
          </div>
          {u.isAdmin && (
            <div>
              <dt>{t('account.systemRole')}</dt>
              <dd>{t('account.admin')}</dd>
            </div>
          )}
          <div>
            <dt>{t('account.sessionEnds')}</dt>
            <dd>
              {formats.dateTime(session.expiresAt)}
              {session.passkey ? (
                <> · {t('passkeys.sessionPasskey')}</>
              ) : (
                session.mfa && <> · {t('account.sessionMfa')}</>
              )}
            </dd>
          </div>
        </dl>
      </Section>
      <PasskeysSection />
      <TotpSection />
      <TokensSection />
    </div>
  );
}

function TokensSection() {
  const { t } = useTranslation();
  const formats = useFormats();
  const list = useQuery(() => api.tokens.list(), []);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const create = useAction();
  const revoke = useAction();
  const [revoking, setRevoking] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void create.run(async () => {
      const c = await api.tokens.create(name);
      setCreated(c);
      setName('');
      list.reload();
    });
  };
  const tokens = [...(list.data?.tokens ?? [])].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
  const status = (tok: ApiToken) => (tok.revokedAt ? 'revoked' : 'active');
  return (
    <Section title={t('account.tokensTitle')}>
      <p className="section-intro">{t('account.tokensIntro')}</p>
      {created && (
        <div className="secret-box">
          <p className="strong">{t('account.tokenCreated', { name: created.token.name })}</p>
          <Notice tone="warning">{t('account.tokenOnce')}</Notice>
          <CopyField label={t('account.tokenSecret')} value={created.secret} />
          <Button variant="quiet" onClick={() => setCreated(null)}>
            {t('account.tokenDone')}
          </Button>
        </div>
      )}
      <form className="form form-row form-row-end" onSubmit={submit}>
        <TextField
          label={t('account.tokenName')}
          hint={t('account.tokenNameHint')}
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          wrapperClassName="field-grow"
        />
        <div className="form-actions">
          <Button type="submit" pending={create.pending} pendingLabel={t('common.creating')}>
            {t('account.createToken')}
          </Button>
        </div>
      </form>
      <ErrorAlert error={create.error} />
      <h3 className="subheading">{t('account.yourTokens')}</h3>
      <ErrorAlert error={list.error ?? revoke.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : tokens.length === 0 ? (
        <p className="empty">{t('account.tokensEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-cards">
            <caption className="visually-hidden">{t('account.tokensTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account.tokenName')}</th>
                <th scope="col">{t('account.created')}</th>
                <th scope="col">{t('account.lastUsed')}</th>
                <th scope="col">{t('account.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('people.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((tok) => (
                <tr key={tok.id}>
                  <th scope="row" data-label={t('account.tokenName')}>
                    {tok.name}
                  </th>
                  <td data-label={t('account.created')} className="nowrap">
                    {formats.dateTime(tok.createdAt)}
                  </td>
                  <td data-label={t('account.lastUsed')} className="nowrap">
                    {tok.lastUsedAt ? formats.dateTime(tok.lastUsedAt) : t('account.never')}
                  </td>
                  <td data-label={t('account.status')}>
                    <span className={`badge badge-invitation token-${status(tok)}`}>
                      {t(`account.tokenStatus.${status(tok)}`)}
                    </span>
                  </td>
                  <td className="cell-actions">
                    {!tok.revokedAt && (
                      <Button
                        variant="danger"
                        className="button-small"
                        pending={revoke.pending && revoking === tok.id}
                        aria-label={t('account.revokeToken', { name: tok.name })}
                        onClick={() => {
                          setRevoking(tok.id);
                          void revoke.run(() => api.tokens.revoke(tok.id)).then(list.reload);
                        }}
                      >
                        {t('common.revoke')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function TotpSection() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const { refresh } = useSession();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [flash, setFlash] = useState<'enabled' | 'disabled' | null>(null);
  const action = useAction();
  const enabled = session.user.totpEnabled;

  const start = () =>
    void action.run(async () => {
      setFlash(null);
      setSetup(await api.totp.setup());
    });
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.totp.confirm(code);
      setSetup(null);
      setCode('');
      setFlash('enabled');
      await refresh();
    });
  };
  const disable = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.totp.disable(code);
      setCode('');
      setFlash('disabled');
      await refresh();
    });
  };
  const codeField = (
    <TextField
      label={t('account.code')}
      hint={t('auth.totpHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      className="input-code"
      value={code}
      onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
    />
  );
  return (
    <Section title={t('account.totpTitle')}>
      {flash === 'enabled' && <Notice>{t('account.totpEnabledNow')}</Notice>}
      {flash === 'disabled' && <Notice>{t('account.totpDisabledNow')}</Notice>}
      <ErrorAlert error={action.error} />
      <p className="status-line">
        <span className={`badge badge-invitation ${enabled ? 'token-active' : 'state-off'}`}>
          {enabled ? t('account.totpOn') : t('account.totpOff')}
        </span>
        <span className="muted">
          {enabled ? t('account.totpOnHelp') : t('account.totpOffHelp')}
        </span>
      </p>
      {enabled ? (
        <form className="form" onSubmit={disable}>
          {codeField}
          <div className="form-actions">
            <Button
              type="submit"
              variant="danger"
              pending={action.pending}
              pendingLabel={t('common.saving')}
            >
              {t('account.totpDisable')}
            </Button>
          </div>
        </form>
      ) : setup ? (
        <div className="stack-small">
          <p>{t('account.totpStep1')}</p>
          <CopyField label={t('account.totpSecret')} value={groupSecret(setup.secret)} />
          <CopyField label={t('account.totpUri')} value={setup.uri} />
          <p>{t('account.totpStep2')}</p>
          <form className="form" onSubmit={confirm}>
            {codeField}
            <div className="form-actions">
              <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
                {t('account.totpConfirm')}
              </Button>
              <Button variant="quiet" onClick={() => setSetup(null)}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        </div>
      ) : (
        <Button onClick={start} pending={action.pending}>
          {t('account.totpStart')}
        </Button>
      )}
    </Section>
  );
}

/** Groups a base32 secret in fours, as authenticator apps show it (they ignore the spaces). */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
