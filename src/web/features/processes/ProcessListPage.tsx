/** My processes, and (for facilitator admins) the form to open a new one. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { Link, navigate } from '../../router.js';
import {
  Button,
  CheckboxField,
  DemoAwareText,
  ErrorAlert,
  Loading,
  Notice,
  PageTitle,
  Section,
  TextField,
} from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { useFormats } from '../../i18n/index.js';
import { useSignedIn } from '../auth/session.js';
import { StatusBadge, useRoleName } from './labels.js';

/** The list of processes I am a member of. */
export function ProcessListPage() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const formats = useFormats();
  const roleName = useRoleName();
  const list = useQuery(() => api.processes.list(), []);
  const processes = list.data?.processes ?? [];

  return (
    <div className="page page-narrow">
      <PageTitle documentTitle={t('processes.title')}>{t('processes.title')}</PageTitle>
      <p className="lead">{t('processes.intro')}</p>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        list.data &&
        (processes.length === 0 ? (
          <p className="empty">{t('processes.empty')}</p>
        ) : (
          <div className="panel table-wrap">
            <table className="table table-cards">
              <caption className="visually-hidden">{t('processes.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('processes.codename')}</th>
                  <th scope="col">{t('processes.titleColumn')}</th>
                  <th scope="col">{t('processes.status')}</th>
                  <th scope="col">{t('processes.myRole')}</th>
                  <th scope="col">{t('processes.created')}</th>
                </tr>
              </thead>
              <tbody>
                {processes.map((p) => (
                  <tr key={p.id}>
                    <th scope="row" data-label={t('processes.codename')}>
                      <Link to={`/processes/${p.id}`} className="strong-link">
                        {p.codename}
                      </Link>
                    </th>
                    <td data-label={t('processes.titleColumn')}>
                      <DemoAwareText text={p.title} />
                    </td>
                    <td data-label={t('processes.status')}>
                      <StatusBadge status={p.status} />
                    </td>
                    <td data-label={t('processes.myRole')}>{roleName(p.myRole)}</td>
                    <td data-label={t('processes.created')} className="nowrap">
                      {formats.date(p.createdAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))
      )}
      {session.user.isAdmin && <NewProcessForm />}
    </div>
  );
}

function NewProcessForm() {
  const { t } = useTranslation();
  const [codename, setCodename] = useState('');
  const [title, setTitle] = useState('');
  const [requireTotp, setRequireTotp] = useState(false);
  const action = useAction();
  // As the server insists: only a session opened with a second factor may require one.
  const mayRequireTotp = useSignedIn().mfa;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const created = await api.processes.create({
        codename,
        title,
        requireTotp: requireTotp && mayRequireTotp,
      });
      navigate(`/processes/${created.id}`);
    });
  };
  return (
    <Section title={t('processes.newTitle')}>
      <p className="section-intro">{t('processes.newIntro')}</p>
      <form className="form" onSubmit={submit}>
        <ErrorAlert error={action.error} />
        <div className="form-row">
          <TextField
            label={t('processes.codenameLabel')}
            hint={t('processes.codenameHint')}
            value={codename}
            maxLength={80}
            onChange={(e) => setCodename(e.target.value)}
            wrapperClassName="field-narrow"
          />
          <TextField
            label={t('processes.titleLabel')}
            hint={t('processes.titleHint')}
            value={title}
            maxLength={300}
            onChange={(e) => setTitle(e.target.value)}
            wrapperClassName="field-grow"
          />
        </div>
        {!mayRequireTotp && <Notice tone="info">{t('processes.requireTotpNeedsOwn')}</Notice>}
        <CheckboxField
          label={t('processes.requireTotp')}
          checked={requireTotp && mayRequireTotp}
          disabled={!mayRequireTotp}
          onChange={(e) => setRequireTotp(e.target.checked)}
        />
        <div className="form-actions">
          <Button type="submit" pending={action.pending} pendingLabel={t('common.creating')}>
            {t('processes.create')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
