/**
 * One round. Before first access each member acknowledges its confidentiality rules (the API
 * answers ACKNOWLEDGEMENT_REQUIRED until then); after that: its status and, for the organisers,
 * moving it on, its details and invitation list; consultations with principals and each party's
 * answer; its sessions with agenda, attendance and minutes.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  answeringParty,
  canOpenConsultations,
  canOrganiseRounds,
} from '../../../core/access/policy.js';
import {
  canTransitionRound,
  consultationAnswerProblems,
  consultationAnswers,
  roundStatuses,
} from '../../../core/rounds/model.js';
import { api, isApiError } from '../../api/client.js';
import type {
  Consultation,
  ConsultationAnswerKind,
  Round,
  RoundDetail,
  RoundStatus,
} from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Link, useLocation } from '../../router.js';
import {
  Button,
  DemoAwareText,
  Disclosure,
  ErrorAlert,
  Loading,
  Notice,
  PageTitle,
  Section,
  TextAreaField,
  TextField,
} from '../../ui/components.js';
import { fromLocalInput, localTimeZone } from '../../ui/datetime.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { membershipOf } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { PartyChip } from '../text/holders.js';
import { MemberPicker, RoundStatusBadge, useRoundDates, VenueText } from './labels.js';
import { EditRoundForm } from './RoundForm.js';
import { CalendarLink } from './RoundsPage.js';
import { SessionsPanel } from './SessionsPanel.js';

/** The round screen. */
export function RoundPage({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const { view, liveTick } = useProcess();
  const { search } = useLocation();
  const id = view.process.id;
  const list = useQuery(() => api.rounds.list(id), [id, liveTick]);
  const round = list.data?.rounds.find((r) => r.id === roundId);
  const open = round?.acknowledged === true;
  const detail = useQuery<RoundDetail | null>(
    () => (open ? api.rounds.get(id, roundId) : Promise.resolve(null)),
    [id, roundId, open, round?.rulesHash, round?.revision, liveTick],
  );
  const reload = () => {
    list.reload();
    detail.reload();
  };
  if (list.loading && !list.data) return <Loading />;
  if (!round)
    return (
      <div className="page page-narrow">
        <PageTitle documentTitle={t('rounds.notFound')}>{t('rounds.notFound')}</PageTitle>
        <ErrorAlert error={list.error} />
        <p>{t('rounds.notFoundHelp')}</p>
        <p>
          <Link to={`/processes/${id}/rounds`}>{t('rounds.backToRounds')}</Link>
        </p>
      </div>
    );
  const gated = !open || isApiError(detail.error, 'ACKNOWLEDGEMENT_REQUIRED');
  return (
    <div className="page">
      <RoundHeader round={round} />
      {gated && search.get('created') === '1' && <Notice>{t('rounds.created')}</Notice>}
      {gated ? (
        <AcknowledgementGate round={round} onDone={reload} />
      ) : (
        <>
          <ErrorAlert error={detail.error} />
          {detail.loading && !detail.data ? (
            <Loading />
          ) : detail.data ? (
            <RoundView round={detail.data} reload={reload} />
          ) : null}
        </>
      )}
    </div>
  );
}

function RoundHeader({ round }: { round: Round }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const dates = useRoundDates();
  const title = t('rounds.roundTitle', { number: round.number });
  return (
    <header className="page-header">
      <p className="breadcrumbs">
        <Link to={`/processes/${view.process.id}/rounds`}>{t('rounds.title')}</Link> › {title}
      </p>
      <p className="eyebrow">
        {view.process.codename} · {title}
      </p>
      <PageTitle documentTitle={`${title} · ${view.process.codename}`}>
        <DemoAwareText text={round.title} />
      </PageTitle>
      <dl className="meta-row">
        <div>
          <dt>{t('rounds.col.status')}</dt>
          <dd>
            <RoundStatusBadge status={round.status} />
          </dd>
        </div>
        <div>
          <dt>{t('rounds.col.dates')}</dt>
          <dd>{dates(round)}</dd>
        </div>
        <div>
          <dt>{t('rounds.col.venue')}</dt>
          <dd>
            <VenueText venue={round.venue} />
          </dd>
        </div>
        <div>
          <dt>{t('rounds.yourInvitation')}</dt>
          <dd>{round.invited ? t('rounds.invited') : t('rounds.notInvited')}</dd>
        </div>
      </dl>
    </header>
  );
}

/** The rules, and "I acknowledge" (bound to the rules' hash, so changed rules ask again). */
function AcknowledgementGate({ round, onDone }: { round: Round; onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const action = useAction();
  const acknowledge = () =>
    void action.run(async () => {
      await api.rounds.acknowledge(view.process.id, round.id, round.rulesHash);
      onDone();
    });
  return (
    <Section title={t('rounds.gate.title', { number: round.number })} className="gate-panel">
      <p className="section-intro">{t('rounds.gate.intro', { number: round.number })}</p>
      <RulesList rules={round.rules} />
      {!round.invited && <Notice tone="info">{t('rounds.gate.notInvited')}</Notice>}
      <ErrorAlert error={action.error} />
      <div className="form-actions">
        <Button onClick={acknowledge} pending={action.pending} pendingLabel={t('common.saving')}>
          {t('rounds.gate.acknowledge')}
        </Button>
        <span className="hint">{t('rounds.gate.recorded')}</span>
      </div>
    </Section>
  );
}

function RulesList({ rules }: { rules: string }) {
  const lines = rules
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    <ol className="rules-list">
      {lines.map((l, i) => (
        <li key={i}>
          <DemoAwareText text={l} />
        </li>
      ))}
    </ol>
  );
}

function RoundView({ round, reload }: { round: RoundDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const organiser = canOrganiseRounds(membershipOf(view));
  return (
    <>
      {organiser && <OrganisePanel round={round} reload={reload} />}
      <div className="grid-2">
        <InviteesPanel round={round} organiser={organiser} reload={reload} />
        <Section title={t('rounds.rulesTitle')}>
          <p className="section-intro">{t('rounds.rulesAcknowledged')}</p>
          <RulesList rules={round.rules} />
          <CalendarLink />
        </Section>
      </div>
      {(round.consultations.length > 0 || round.status === 'in_consultations') && (
        <ConsultationsPanel round={round} reload={reload} />
      )}
      <SessionsPanel round={round} reload={reload} />
    </>
  );
}

/** Moving the round on, and changing its details (organisers). */
function OrganisePanel({ round, reload }: { round: RoundDetail; reload: () => void }) {
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

/** Who is invited (as far as I may know), and changing the list (organisers). */
function InviteesPanel({
  round,
  organiser,
  reload,
}: {
  round: RoundDetail;
  organiser: boolean;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <Section title={t('rounds.invitees.title')}>
      <p className="section-intro">
        {organiser ? t('rounds.invitees.introOrganiser') : t('rounds.invitees.introMember')}
      </p>
      {saved && <Notice>{t('rounds.invitees.saved')}</Notice>}
      {round.invitees.length === 0 ? (
        <p className="empty">{t('rounds.invitees.none')}</p>
      ) : (
        <ul className="name-chips">
          {round.invitees.map((i) => (
            <li key={i.userId}>{i.displayName}</li>
          ))}
        </ul>
      )}
      {organiser && round.status !== 'closed' && (
        <Disclosure label={t('rounds.invitees.change')} variant="quiet">
          {(close) => (
            <InviteesForm
              round={round}
              onDone={() => {
                close();
                setSaved(true);
                reload();
              }}
            />
          )}
        </Disclosure>
      )}
    </Section>
  );
}

function InviteesForm({ round, onDone }: { round: Round; onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [base] = useState(round.revision);
  const [selected, setSelected] = useState(round.invitees.map((i) => i.userId));
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.rounds.setInvitees(view.process.id, round.id, {
        baseRevision: base,
        invitees: selected,
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset form-wide" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <MemberPicker legend={t('rounds.form.invitees')} selected={selected} onChange={setSelected} />
      <p className="hint">{t('rounds.form.inviteesHint')}</p>
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {t('rounds.invitees.save')}
        </Button>
      </div>
    </form>
  );
}

/** Consultations with principals: the subject, the deadline and each party's answer. */
function ConsultationsPanel({ round, reload }: { round: RoundDetail; reload: () => void }) {
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
