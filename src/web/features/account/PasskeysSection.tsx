/** My passkeys on the account page: add one (the browser creates it), rename and remove them. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Passkey } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Button, ErrorAlert, Loading, Notice, Section, TextField } from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { createPasskey, passkeysSupported, useCeremonyErrors } from '../passkeys/ceremony.js';

/** The passkeys panel. */
export function PasskeysSection() {
  const { t } = useTranslation();
  const formats = useFormats();
  const list = useQuery(() => api.passkeys.list(), []);
  const [name, setName] = useState('');
  const [flash, setFlash] = useState<string | null>(null);
  const add = useAction();
  const remove = useAction();
  const [removing, setRemoving] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const ceremonyError = useCeremonyErrors();
  const supported = passkeysSupported();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFlash(null);
    void add.run(async () => {
      const started = await api.passkeys.registrationOptions();
      const response = await createPasskey(started);
      const created = await api.passkeys.register({
        challengeId: started.challengeId,
        name,
        response,
      });
      setFlash(t('passkeys.added', { name: created.name }));
      setName('');
      list.reload();
    });
  };
  const removeOne = (key: Passkey) => {
    setFlash(null);
    setRemoving(key.id);
    void remove.run(async () => {
      await api.passkeys.remove(key.id);
      setFlash(t('passkeys.removed', { name: key.name }));
      list.reload();
    });
  };
  const passkeys = list.data?.passkeys ?? [];

  return (
    <Section title={t('passkeys.title')}>
      <p className="section-intro">{t('passkeys.intro')}</p>
      {flash && <Notice>{flash}</Notice>}
      {supported ? (
        <form className="form form-row form-row-end" onSubmit={submit}>
          <TextField
            label={t('passkeys.name')}
            hint={t('passkeys.nameHint')}
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            wrapperClassName="field-grow"
          />
          <div className="form-actions">
            <Button type="submit" pending={add.pending} pendingLabel={t('passkeys.waiting')}>
              {t('passkeys.add')}
            </Button>
          </div>
        </form>
      ) : (
        <Notice tone="warning">{t('passkeys.unsupported')}</Notice>
      )}
      <ErrorAlert error={ceremonyError(add.error)} />
      <h3 className="subheading">{t('passkeys.yours')}</h3>
      <ErrorAlert error={list.error ?? remove.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : passkeys.length === 0 ? (
        <p className="empty">{t('passkeys.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-cards">
            <caption className="visually-hidden">{t('passkeys.yours')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account.name')}</th>
                <th scope="col">{t('passkeys.created')}</th>
                <th scope="col">{t('passkeys.lastUsed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('people.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {passkeys.map((key) => (
                <tr key={key.id}>
                  <th scope="row" data-label={t('account.name')}>
                    {editing === key.id ? (
                      <RenameForm
                        passkey={key}
                        onCancel={() => setEditing(null)}
                        onDone={(renamed) => {
                          setEditing(null);
                          list.setData({
                            passkeys: passkeys.map((k) => (k.id === renamed.id ? renamed : k)),
                          });
                        }}
                      />
                    ) : (
                      key.name
                    )}
                  </th>
                  <td data-label={t('passkeys.created')} className="nowrap">
                    {formats.dateTime(key.createdAt)}
                  </td>
                  <td data-label={t('passkeys.lastUsed')} className="nowrap">
                    {key.lastUsedAt ? formats.dateTime(key.lastUsedAt) : t('passkeys.never')}
                  </td>
                  <td className="cell-actions">
                    {editing !== key.id && (
                      <Button
                        variant="secondary"
                        className="button-small"
                        aria-label={t('passkeys.renameLabel', { name: key.name })}
                        onClick={() => {
                          setFlash(null);
                          setEditing(key.id);
                        }}
                      >
                        {t('passkeys.rename')}
                      </Button>
                    )}{' '}
                    <Button
                      variant="danger"
                      className="button-small"
                      pending={remove.pending && removing === key.id}
                      aria-label={t('passkeys.removeLabel', { name: key.name })}
                      onClick={() => removeOne(key)}
                    >
                      {t('passkeys.remove')}
                    </Button>
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

function RenameForm({
  passkey,
  onDone,
  onCancel,
}: {
  passkey: Passkey;
  onDone: (p: Passkey) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(passkey.name);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => onDone(await api.passkeys.rename(passkey.id, name)));
  };
  return (
    <form
      className="form"
      onSubmit={submit}
      aria-label={t('passkeys.renameLabel', { name: passkey.name })}
    >
      <ErrorAlert error={action.error} />
      <TextField
        autoFocus
        label={t('passkeys.newName')}
        value={name}
        maxLength={100}
        onChange={(e) => setName(e.target.value)}
      />
      <div className="form-actions">
        <Button
          type="submit"
          className="button-small"
          pending={action.pending}
          pendingLabel={t('common.saving')}
        >
          {t('passkeys.save')}
        </Button>
        <Button variant="quiet" className="button-small" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
