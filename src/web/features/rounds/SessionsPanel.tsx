/**
 * A round's sessions: format, time, where it lives, agenda (issues of the process's agenda),
 * attendance and minutes — the mediators' own, and the plenary's that every party approves. What
 * the interface offers (scheduling a format, keeping minutes, approving for a party) follows the
 * domain's own policy functions; the API decides every request.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answeringParty, canKeepMinutes, canScheduleSession } from '../../../core/access/policy.js';
import { isDelegationRole } from '../../../core/process/model.js';
import {
  formatNeedsParty,
  minutesAllowed,
  minutesKinds,
  partiesShareChannel,
  sessionCompartmentKind,
  sessionFormats,
  sessionTimeProblems,
} from '../../../core/rounds/model.js';
import { api } from '../../api/client.js';
import type {
  AgendaIssue,
  Minutes,
  MinutesKind,
  ProcessView,
  RoundDetail,
  RoundSession,
  SessionFormat,
} from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import {
  Button,
  DemoAwareText,
  Disclosure,
  ErrorAlert,
  Notice,
  Section,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/components.js';
import { fromLocalInput, localTimeZone } from '../../ui/datetime.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { ObjectionForm, ObjectionLine } from '../communiques/ObjectionForm.js';
import { CompartmentBadge } from '../compartments/labels.js';
import { membershipOf, toCoreCompartment } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { PartyChip } from '../text/holders.js';
import { FormatBadge, MemberPicker, useSessionTimes } from './labels.js';

/** A format I may schedule, with its party for a caucus or bilateral session. */
interface SessionChoice {
  format: SessionFormat;
  partyId: string | null;
}

/** The formats (and parties) the signed-in member may schedule, by the domain's policy. */
function schedulable(view: ProcessView): SessionChoice[] {
  const me = membershipOf(view);
  const out: SessionChoice[] = [];
  for (const format of sessionFormats) {
    const kind = sessionCompartmentKind(format);
    const parties = formatNeedsParty(format)
      ? view.parties.filter((p) => p.status !== 'withdrawn').map((p) => p.id)
      : [null];
    for (const partyId of parties) {
      const c = view.compartments.find(
        (x) => x.kind === kind && (partyId === null || x.partyId === partyId),
      );
      const core = c ? toCoreCompartment(view.process.id, c) : null;
      if (core && canScheduleSession(me, format, core)) out.push({ format, partyId });
    }
  }
  return out;
}

/** The sessions of an opened round, and scheduling a new one. */
export function SessionsPanel({ round, reload }: { round: RoundDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { view, liveTick } = useProcess();
  const record = useQuery(() => api.record.get(view.process.id), [view.process.id, liveTick]);
  const issues = record.data?.issues ?? [];
  const choices = schedulable(view);
  const [scheduled, setScheduled] = useState(false);
  const sessions = [...round.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <Section title={t('rounds.sessions.title')}>
      <p className="section-intro">{t('rounds.sessions.intro')}</p>
      {scheduled && <Notice>{t('rounds.sessions.scheduled')}</Notice>}
      {choices.length > 0 && round.status !== 'closed' && (
        <Disclosure label={t('rounds.sessions.schedule')} variant="primary">
          {(close) => (
            <ScheduleForm
              round={round}
              choices={choices}
              issues={issues}
              onDone={() => {
                close();
                setScheduled(true);
                reload();
              }}
            />
          )}
        </Disclosure>
      )}
      {sessions.length === 0 ? (
        <p className="empty">{t('rounds.sessions.none')}</p>
      ) : (
        <ul className="session-list">
          {sessions.map((s) => (
            <SessionCard key={s.id} round={round} session={s} issues={issues} reload={reload} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function useChoiceName(): (c: SessionChoice) => string {
  const { t } = useTranslation();
  const { partyCode } = useProcess();
  return (c) =>
    c.partyId
      ? t(`rounds.formatWithParty.${c.format as 'caucus' | 'bilateral'}`, {
          party: partyCode(c.partyId),
        })
      : t(`rounds.format.${c.format}`);
}

function ScheduleForm({
  round,
  choices,
  issues,
  onDone,
}: {
  round: RoundDetail;
  choices: SessionChoice[];
  issues: AgendaIssue[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const choiceName = useChoiceName();
  const [choice, setChoice] = useState(0);
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState(`${round.startsOn}T09:00`);
  const [endsAt, setEndsAt] = useState(`${round.startsOn}T11:00`);
  const [agenda, setAgenda] = useState<string[]>([]);
  const action = useAction();
  const start = fromLocalInput(startsAt);
  const end = fromLocalInput(endsAt);
  const endFirst = start !== null && end !== null && end <= start;
  const outside =
    start !== null &&
    end !== null &&
    !endFirst &&
    sessionTimeProblems(round, start, end).length > 0;
  const picked = choices[choice] ?? choices[0];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!picked || !start || !end || endFirst || outside) return;
    void action.run(async () => {
      await api.rounds.scheduleSession(view.process.id, round.id, {
        format: picked.format,
        partyId: picked.partyId,
        title,
        startsAt: start,
        endsAt: end,
        // In the agenda's own order.
        agenda: issues.filter((i) => agenda.includes(i.id)).map((i) => i.id),
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset form-wide" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <SelectField
        label={t('rounds.sessions.format')}
        hint={picked ? t(`rounds.formatHelp.${picked.format}`) : undefined}
        value={choice}
        onChange={(e) => setChoice(Number(e.target.value))}
      >
        {choices.map((c, i) => (
          <option key={`${c.format}-${c.partyId ?? ''}`} value={i}>
            {choiceName(c)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('rounds.sessions.sessionTitle')}
        value={title}
        maxLength={300}
        onChange={(e) => setTitle(e.target.value)}
      />
      <div className="form-row">
        <TextField
          label={t('rounds.sessions.startsAt')}
          type="datetime-local"
          wrapperClassName="field-narrow"
          value={startsAt}
          onChange={(e) => setStartsAt(e.target.value)}
        />
        <TextField
          label={t('rounds.sessions.endsAt')}
          type="datetime-local"
          wrapperClassName="field-narrow"
          value={endsAt}
          onChange={(e) => setEndsAt(e.target.value)}
        />
      </div>
      <p className="hint">{t('rounds.timesIn', { zone: localTimeZone() })}</p>
      {(endFirst || outside) && (
        <p className="field-error" role="alert">
          {endFirst ? t('rounds.sessions.endBeforeStart') : t('rounds.sessions.outsideRound')}
        </p>
      )}
      <fieldset className="member-picker">
        <legend>{t('rounds.sessions.agenda')}</legend>
        {issues.length === 0 ? (
          <p className="hint">{t('rounds.sessions.noIssues')}</p>
        ) : (
          <ul className="checkbox-grid">
            {issues.map((i) => (
              <li key={i.id}>
                <input
                  id={`agenda-${i.id}`}
                  type="checkbox"
                  checked={agenda.includes(i.id)}
                  onChange={(e) =>
                    setAgenda((a) =>
                      e.target.checked ? [...a, i.id] : a.filter((x) => x !== i.id),
                    )
                  }
                />
                <label htmlFor={`agenda-${i.id}`}>{i.title}</label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="form-actions">
        <Button
          type="submit"
          pending={action.pending}
          pendingLabel={t('common.saving')}
          disabled={endFirst || outside}
        >
          {t('rounds.sessions.scheduleSubmit')}
        </Button>
      </div>
    </form>
  );
}

function SessionCard({
  round,
  session: s,
  issues,
  reload,
}: {
  round: RoundDetail;
  session: RoundSession;
  issues: AgendaIssue[];
  reload: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const times = useSessionTimes();
  const me = membershipOf(view);
  const keeper = canKeepMinutes(me);
  const [attendanceSaved, setAttendanceSaved] = useState(false);
  const shared = partiesShareChannel(s.format);
  const issueTitle = (id: string) => issues.find((i) => i.id === id)?.title;
  return (
    <li className={`session-card session-${s.format}`}>
      <div className="item-card-head">
        <span className="chip-row">
          <FormatBadge format={s.format} />
          {s.partyId && <PartyChip partyId={s.partyId} />}
          <CompartmentBadge compartmentId={s.compartmentId} />
        </span>
        <span className="session-when">{times(s)}</span>
      </div>
      <h3 className="session-title">
        <DemoAwareText text={s.title} />
      </h3>
      {!shared && <p className="hint">{t('rounds.sessions.noSharedChannel')}</p>}
      <div className="session-grid">
        <div>
          <h4 className="minor-heading">{t('rounds.sessions.agenda')}</h4>
          {s.agenda.length === 0 ? (
            <p className="empty">{t('rounds.sessions.noAgenda')}</p>
          ) : (
            <ol className="agenda-list">
              {s.agenda.map((id) => (
                <li key={id}>{issueTitle(id) ?? t('rounds.sessions.unknownIssue')}</li>
              ))}
            </ol>
          )}
        </div>
        <div>
          <h4 className="minor-heading">{t('rounds.sessions.attendance')}</h4>
          {attendanceSaved && <Notice>{t('rounds.sessions.attendanceSaved')}</Notice>}
          {s.attendance.length === 0 ? (
            <p className="empty">{t('rounds.sessions.noAttendance')}</p>
          ) : (
            <ul className="name-chips" aria-label={t('rounds.sessions.attendance')}>
              {s.attendance.map((a) => (
                <li key={a.userId}>{a.displayName}</li>
              ))}
            </ul>
          )}
          {!shared && isDelegationRole(view.me.role) && (
            <p className="hint">{t('rounds.sessions.ownSideOnly')}</p>
          )}
          {keeper && (
            <Disclosure label={t('rounds.sessions.recordAttendance')} variant="quiet">
              {(close) => (
                <AttendanceForm
                  round={round}
                  session={s}
                  onDone={() => {
                    close();
                    setAttendanceSaved(true);
                    reload();
                  }}
                />
              )}
            </Disclosure>
          )}
        </div>
      </div>
      {minutesKinds.map((kind) => {
        const m = s.minutes.find((x) => x.kind === kind);
        const writable = keeper && minutesAllowed(kind, s.format);
        if (!m && !writable) return null;
        return (
          <MinutesBlock
            key={kind}
            round={round}
            session={s}
            kind={kind}
            minutes={m}
            writable={writable}
            reload={reload}
          />
        );
      })}
    </li>
  );
}

function AttendanceForm({
  round,
  session,
  onDone,
}: {
  round: RoundDetail;
  session: RoundSession;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [base] = useState(session.revision);
  const [selected, setSelected] = useState(session.attendance.map((a) => a.userId));
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.rounds.recordAttendance(view.process.id, round.id, session.id, {
        baseRevision: base,
        attendees: selected,
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset form-wide" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <MemberPicker
        legend={t('rounds.sessions.whoAttended')}
        selected={selected}
        onChange={setSelected}
      />
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {t('rounds.sessions.saveAttendance')}
        </Button>
      </div>
    </form>
  );
}

/** One kind of minutes: the text, its approvals (plenary), editing and approving. */
function MinutesBlock({
  round,
  session,
  kind,
  minutes: m,
  writable,
  reload,
}: {
  round: RoundDetail;
  session: RoundSession;
  kind: MinutesKind;
  minutes: Minutes | undefined;
  writable: boolean;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const { view, partyCode } = useProcess();
  const formats = useFormats();
  const myParty = answeringParty(membershipOf(view));
  const [notice, setNotice] = useState<string | null>(null);
  const approve = useAction();
  const mayApprove = kind === 'plenary' && m && myParty !== null && m.awaiting.includes(myParty);
  // In the order the process lists its parties.
  const place = (p: string) => view.parties.findIndex((x) => x.id === p);
  const approvers = m
    ? [...m.approvals.map((a) => a.partyId), ...m.awaiting].sort((a, b) => place(a) - place(b))
    : [];
  return (
    <section className={`minutes-block minutes-${kind}`}>
      <div className="item-card-head">
        <h4 className="minor-heading">{t(`rounds.minutes.${kind}`)}</h4>
        {m && (
          <span className="chip-row">
            {kind === 'plenary' && (
              <span className={`badge ${m.approved ? 'badge-ok' : 'badge-neutral-plain'}`}>
                {m.approved ? t('rounds.minutes.approved') : t('rounds.minutes.awaiting')}
              </span>
            )}
            <CompartmentBadge compartmentId={m.compartmentId} />
          </span>
        )}
      </div>
      {notice && <Notice>{notice}</Notice>}
      {m ? (
        <>
          <div className="minutes-text">
            <DemoAwareText text={m.text} />
          </div>
          <p className="muted small">
            {t('rounds.minutes.updated', { date: formats.dateTime(m.updatedAt) })}
          </p>
          {kind === 'plenary' && (
            <>
              <ul className="approval-list" aria-label={t('rounds.minutes.approvals')}>
                {approvers.map((partyId) => {
                  const a = m.approvals.find((x) => x.partyId === partyId);
                  const o = m.objections.find((x) => x.partyId === partyId);
                  return (
                    <li
                      key={partyId}
                      className={a ? 'is-approved' : o ? 'is-objected' : 'is-awaited'}
                    >
                      <PartyChip partyId={partyId} />
                      {a ? (
                        t('rounds.minutes.approvedOn', { date: formats.dateTime(a.approvedAt) })
                      ) : o ? (
                        <ObjectionLine objection={o} />
                      ) : (
                        t('rounds.minutes.notYet')
                      )}
                    </li>
                  );
                })}
              </ul>
              <p className="hint">{t('rounds.minutes.resetHint')}</p>
            </>
          )}
          {mayApprove && myParty && (
            <div className="stack-small">
              <ErrorAlert error={approve.error} />
              <Button
                pending={approve.pending}
                pendingLabel={t('common.saving')}
                onClick={() =>
                  void approve.run(async () => {
                    await api.rounds.approveMinutes(
                      view.process.id,
                      round.id,
                      session.id,
                      kind,
                      m.hash,
                    );
                    setNotice(t('rounds.minutes.approvedNotice'));
                    reload();
                  })
                }
              >
                {t('rounds.minutes.approve', { party: partyCode(myParty) })}
              </Button>
              <ObjectionForm
                name={m.id}
                rejectLabel={t('rounds.minutes.reject')}
                send={(answer) =>
                  api.rounds.objectToMinutes(view.process.id, round.id, session.id, kind, {
                    hash: m.hash,
                    ...answer,
                  })
                }
                onDone={() => {
                  setNotice(t('objection.recorded'));
                  reload();
                }}
              />
            </div>
          )}
        </>
      ) : (
        <p className="empty">{t('rounds.minutes.none')}</p>
      )}
      {writable && (
        <Disclosure
          label={m ? t('rounds.minutes.edit') : t(`rounds.minutes.write.${kind}`)}
          variant="quiet"
        >
          {(close) => (
            <MinutesForm
              round={round}
              session={session}
              kind={kind}
              minutes={m}
              onDone={() => {
                close();
                setNotice(t('rounds.minutes.saved'));
                reload();
              }}
            />
          )}
        </Disclosure>
      )}
    </section>
  );
}

function MinutesForm({
  round,
  session,
  kind,
  minutes,
  onDone,
}: {
  round: RoundDetail;
  session: RoundSession;
  kind: MinutesKind;
  minutes: Minutes | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [base] = useState(minutes?.revision ?? 0);
  const [text, setText] = useState(minutes?.text ?? '');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.rounds.writeMinutes(view.process.id, round.id, session.id, kind, {
        baseRevision: base,
        text,
      });
      onDone();
    });
  };
  const approvals = minutes?.approvals.length ?? 0;
  return (
    <form className="form form-inset form-wide" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <TextAreaField
        label={t(`rounds.minutes.${kind}`)}
        rows={6}
        maxLength={200_000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {kind === 'plenary' && approvals > 0 && (
        <Notice tone="warning">{t('rounds.minutes.resetWarning', { count: approvals })}</Notice>
      )}
      <div className="form-actions">
        <Button
          type="submit"
          pending={action.pending}
          pendingLabel={t('common.saving')}
          disabled={text.trim() === '' || text === minutes?.text}
        >
          {t('rounds.minutes.save')}
        </Button>
      </div>
    </form>
  );
}
