/**
 * The process's sign-in requirements: whether members must sign in with a passkey (everyone sees
 * it), and the switch for those who manage the process. Turning it on needs the organiser's own
 * session to have been opened with a passkey, as the server insists, so nobody locks themselves out.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { Button, CheckboxField, ErrorAlert, Notice, Section } from '../../ui/components.js';
import { useAction } from '../../ui/hooks.js';
import { useSignedIn } from '../auth/session.js';
import { useProcess } from './ProcessContext.js';

/** The panel on the process dashboard. */
export function PasskeyRequirementPanel() {
  const { t } = useTranslation();
  const { view, reload } = useProcess();
  const session = useSignedIn();
  const required = view.process.requirePasskey;
  const [wanted, setWanted] = useState(required);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const mayTurnOn = required || session.passkey;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void action.run(async () => {
      await api.processes.update(view.process.id, { requirePasskey: wanted });
      setSaved(true);
      reload();
    });
  };

  return (
    <Section title={t('passkeys.process.title')}>
      <dl className="facts">
        <div>
          <dt>{t('passkeys.process.label')}</dt>
          <dd>{required ? t('passkeys.process.required') : t('passkeys.process.optional')}</dd>
        </div>
      </dl>
      {saved && <Notice>{t('passkeys.process.saved')}</Notice>}
      {view.can.manage && (
        <form className="form" onSubmit={submit}>
          <ErrorAlert error={action.error} />
          {!mayTurnOn && <Notice tone="info">{t('passkeys.process.needOwnPasskey')}</Notice>}
          <CheckboxField
            label={t('passkeys.process.require')}
            hint={t('passkeys.process.requireHint')}
            checked={wanted}
            disabled={!mayTurnOn}
            onChange={(e) => setWanted(e.target.checked)}
          />
          <div className="form-actions">
            <Button
              type="submit"
              variant="secondary"
              disabled={wanted === required}
              pending={action.pending}
              pendingLabel={t('common.saving')}
            >
              {t('passkeys.process.saveSetting')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}
