/**
 * Organising a round (organisers only): moving it on by the domain's own transition rule (starting
 * or resuming it, pausing it for consultations with a subject and deadline, closing it) and
 * changing its details.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canOpenConsultations } from '../../../core/access/policy.js';
import { canTransitionRound, roundStatuses } from '../../../core/rounds/model.js';
import { api } from '../../api/client.js';
import type { Round, RoundDetail, RoundStatus } from '../../api/types.js';
import {
  Button,
  Disclosure,
  ErrorAlert,
  Notice,
  Section,
  TextAreaField,
  TextField,
} from '../../ui/components.js';
import { fromLocalInput, localTimeZone } from '../../ui/datetime.js';
import { useAction } from '../../ui/hooks.js';
import { membershipOf } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { RoundStatusBadge } from './labels.js';
import { EditRoundForm } from './RoundForm.js';

/** Moving the round on, and changing its details (organisers). */
export function OrganisePanel({ round, reload }: { round: RoundDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const me = membershipOf(view);
  const [done, setDone] = useState<RoundStatus | 'edited' | null>(null);
  const targets = roundStatuses.filter(
    (s) =>
      canTransitionRound(round.status, s) && (s !== 'in_consultations' || canOpenConsultations(me)),
  );
  const after = (what: RoundStatus | 'edited') => {
    setDone(what);
    reload();
  };
  return (
    <Section title={t('rounds.organise.title')}>
      <p className="status-line">
        <RoundStatusBadge status={round.status} />
        <span className="muted">{t(`rounds.statusHelp.${round.status}`)}</span>
      </p>
      {done && (
        <Notice>
          {done === 'edited' ? t('rounds.organise.saved') : t('rounds.organise.moved')}
        </Notice>
      )}
      <div className="action-row">
        {targets.includes('in_progress') && (
          <StatusButton round={round} to="in_progress" onDone={() => after('in_progress')} />
        )}
      </div>
      {targets.includes('in_consultations') && (
        <Disclosure label={t('rounds.organise.toConsultations')}>
          {(close) => (
            <ConsultationForm
              round={round}
              onDone={() => {
                close();
                after('in_consultations');
              }}
            />
          )}
        </Disclosure>
      )}
      {targets.includes('closed') && (
        <Disclosure label={t('rounds.organise.toClosed')} variant="quiet">
          {(close) => (
            <div className="form form-inset">
              <Notice tone="warning">{t('rounds.organise.closeWarning')}</Notice>
              <div className="form-actions">
                <StatusButton
                  round={round}
                  to="closed"
                  onDone={() => {
                    close();
                    after('closed');
                  }}
                />
              </div>
            </div>
          )}
        </Disclosure>
      )}
      {round.status !== 'closed' && (
        <Disclosure label={t('rounds.organise.edit')} variant="quiet">
          {(close) => (
            <EditRoundForm
              round={round}
              onDone={() => {
                close();
                after('edited');
              }}
            />
          )}
        </Disclosure>
      )}
    </Section>
  );
}

function StatusButton({
  round,
  to,
  onDone,
}: {
  round: Round;
  to: 'in_progress' | 'closed';
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const action = useAction();
  const label =
    to === 'closed'
      ? t('rounds.organise.close')
      : round.status === 'in_consultations'
        ? t('rounds.organise.resume')
        : t('rounds.organise.start');
  return (
    <div className="stack-small">
      <ErrorAlert error={action.error} />
      <Button
        variant={to === 'closed' ? 'danger' : 'primary'}
        pending={action.pending}
        pendingLabel={t('common.saving')}
        onClick={() =>
          void action.run(async () => {
            await api.rounds.changeStatus(view.process.id, round.id, { to, consultation: null });
            onDone();
          })
        }
      >
        {label}
      </Button>
    </div>
  );
}

/** Pausing the round for consultations with principals: what is consulted on, until when. */
function ConsultationForm({ round, onDone }: { round: Round; onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [subject, setSubject] = useState('');
  const [deadline, setDeadline] = useState('');
  const action = useAction();
  const instant = fromLocalInput(deadline);
  const past = instant !== null && Date.parse(instant) <= Date.now();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!instant || past) return;
    void action.run(async () => {
      await api.rounds.changeStatus(view.process.id, round.id, {
        to: 'in_consultations',
        consultation: { subject, deadline: instant },
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <TextAreaField
        label={t('rounds.consultation.subject')}
        hint={t('rounds.consultation.subjectHint')}
        rows={3}
        maxLength={4000}
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
      />
      <TextField
        label={t('rounds.consultation.deadline')}
        hint={t('rounds.timesIn', { zone: localTimeZone() })}
        type="datetime-local"
        value={deadline}
        onChange={(e) => setDeadline(e.target.value)}
      />
      {past && (
        <p className="field-error" role="alert">
          {t('rounds.consultation.deadlinePast')}
        </p>
      )}
      <div className="form-actions">
        <Button
          type="submit"
          pending={action.pending}
          pendingLabel={t('common.saving')}
          disabled={past}
        >
          {t('rounds.consultation.submit')}
        </Button>
      </div>
    </form>
  );
}
