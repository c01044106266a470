/**
 * A round's consultations with principals: each one's subject, deadline and state, every party's
 * answer (and, for the mediators, who has not answered yet), and my party's answer while one is
 * open, checked with the domain's own rule before sending.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answeringParty, canOpenConsultations } from '../../../core/access/policy.js';
import { consultationAnswerProblems, consultationAnswers } from '../../../core/rounds/model.js';
import { api } from '../../api/client.js';
import type { Consultation, ConsultationAnswerKind, Round, RoundDetail } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import {
  Button,
  DemoAwareText,
  Disclosure,
  ErrorAlert,
  Section,
  TextAreaField,
} from '../../ui/components.js';
import { useAction } from '../../ui/hooks.js';
import { membershipOf } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { PartyChip } from '../text/holders.js';

/** Consultations with principals: the subject, the deadline and each party's answer. */
export function ConsultationsPanel({ round, reload }: { round: RoundDetail; reload: () => void }) {
  const { t } = useTranslation();
  const consultations = [...round.consultations].sort((a, b) =>
    b.openedAt.localeCompare(a.openedAt),
  );
  return (
    <Section title={t('rounds.consultation.title')}>
      <p className="section-intro">{t('rounds.consultation.intro')}</p>
      {consultations.length === 0 ? (
        <p className="empty">{t('rounds.consultation.none')}</p>
      ) : (
        <ul className="consultation-list">
          {consultations.map((c) => (
            <ConsultationCard key={c.id} round={round} consultation={c} reload={reload} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function ConsultationCard({
  round,
  consultation: c,
  reload,
}: {
  round: Round;
  consultation: Consultation;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const { view, partyCode } = useProcess();
  const formats = useFormats();
  const me = membershipOf(view);
  const myParty = answeringParty(me);
  const open = c.closedAt === null && Date.parse(c.deadline) > Date.now();
  const mine = c.responses.find((r) => r.partyId === myParty);
  const mediatorView = canOpenConsultations(me);
  const silent = mediatorView
    ? view.parties.filter(
        (p) => p.status !== 'withdrawn' && !c.responses.some((r) => r.partyId === p.id),
      )
    : [];
  return (
    <li className="consultation-card">
      <div className="item-card-head">
        <span className="chip-row">
          <span
            className={`badge badge-status ${open ? 'round-status-in_consultations' : 'state-off'}`}
          >
            {open ? t('rounds.consultation.isOpen') : t('rounds.consultation.closed')}
          </span>
          <span className="muted small">
            {t('rounds.consultation.until', { deadline: formats.dateTime(c.deadline) })}
          </span>
        </span>
        <span className="muted small">
          {t('rounds.consultation.opened', { date: formats.dateTime(c.openedAt) })}
        </span>
      </div>
      <p className="consultation-subject">
        <DemoAwareText text={c.subject} />
      </p>
      <h3 className="minor-heading">{t('rounds.consultation.answers')}</h3>
      {c.responses.length === 0 && silent.length === 0 ? (
        <p className="empty">{t('rounds.consultation.noAnswers')}</p>
      ) : (
        <ul className="response-list">
          {c.responses.map((r) => (
            <li key={r.partyId}>
              <PartyChip partyId={r.partyId} />
              <span className={`badge answer-${r.kind}`}>{t(`rounds.answer.${r.kind}`)}</span>
              {r.text && (
                <span className="answer-text">
                  <DemoAwareText text={r.text} />
                </span>
              )}
              <span className="muted small">{formats.dateTime(r.respondedAt)}</span>
            </li>
          ))}
          {silent.map((p) => (
            <li key={p.id}>
              <PartyChip partyId={p.id} />
              <span className="muted">{t('rounds.consultation.noAnswerYet')}</span>
            </li>
          ))}
        </ul>
      )}
      {myParty && open && (
        <Disclosure
          label={
            mine
              ? t('rounds.consultation.answerAgain', { party: partyCode(myParty) })
              : t('rounds.consultation.answer', { party: partyCode(myParty) })
          }
          variant={mine ? 'quiet' : 'primary'}
        >
          {(close) => (
            <AnswerForm
              round={round}
              onDone={() => {
                close();
                reload();
              }}
            />
          )}
        </Disclosure>
      )}
    </li>
  );
}

function AnswerForm({ round, onDone }: { round: Round; onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [kind, setKind] = useState<ConsultationAnswerKind>('accept');
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const action = useAction();
  const missing = consultationAnswerProblems(kind, text).length > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missing) return;
    void action.run(async () => {
      await api.rounds.answerConsultation(view.process.id, round.id, { kind, text });
      onDone();
    });
  };
  return (
    <form className="form form-inset" onSubmit={submit} noValidate>
      <ErrorAlert error={action.error} />
      <fieldset className="segmented">
        <legend>{t('rounds.consultation.answerLegend')}</legend>
        {consultationAnswers.map((k) => (
          <label key={k} className={kind === k ? 'is-selected' : undefined}>
            <input
              type="radio"
              name={`answer-${round.id}`}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            {t(`rounds.answer.${k}`)}
          </label>
        ))}
      </fieldset>
      <TextAreaField
        label={
          kind === 'counter_text'
            ? t('rounds.consultation.counterText')
            : t('rounds.consultation.reservations')
        }
        optional={kind === 'accept'}
        rows={4}
        maxLength={20_000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {tried && missing && (
        <p className="field-error" role="alert">
          {kind === 'counter_text'
            ? t('rounds.consultation.counterMissing')
            : t('rounds.consultation.reservationsMissing')}
        </p>
      )}
      <p className="hint">{t('rounds.consultation.replaceHint')}</p>
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {t('rounds.consultation.send')}
        </Button>
      </div>
    </form>
  );
}
