/**
 * The process dashboard: status (and changing it), parties and their standing, the compartments I
 * may see with their counts, earlier processes, and the status history.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canTransition, canTransitionParty } from '../../../core/process/model.js';
import { api } from '../../api/client.js';
import {
  partyStatuses,
  processStatuses,
  type Party,
  type PartyStatus,
  type ProcessStatus,
  type StatusChange,
} from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Link } from '../../router.js';
import {
  Button,
  DemoAwareText,
  Disclosure,
  ErrorAlert,
  Notice,
  PageTitle,
  Section,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { CompartmentBadge, useAudience } from '../compartments/labels.js';
import { CommunicationPanel } from '../messages/CommunicationPanel.js';
import { TextSummaryPanel } from '../text/TextSummaryPanel.js';
import { ActivityPanel } from './ActivityPanel.js';
import { PasskeyRequirementPanel } from './PasskeyRequirementPanel.js';
import { PartyStatusBadge, StatusBadge, useRoleName } from './labels.js';
import { useProcess } from './ProcessContext.js';

/** The overview of one process. */
export function ProcessDashboard() {
  const { t } = useTranslation();
  const { view, partyCode } = useProcess();
  const roleName = useRoleName();
  const formats = useFormats();
  const p = view.process;
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{t('dashboard.eyebrow')}</p>
        <PageTitle documentTitle={p.codename}>{p.codename}</PageTitle>
        <p className="page-subtitle">
          <DemoAwareText text={p.title} />
        </p>
        <dl className="meta-row">
          <div>
            <dt>{t('dashboard.status')}</dt>
            <dd>
              <StatusBadge status={p.status} />
            </dd>
          </div>
          <div>
            <dt>{t('dashboard.yourRole')}</dt>
            <dd>{roleName(view.me.role, view.me.partyId ? partyCode(view.me.partyId) : null)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.created')}</dt>
            <dd>{formats.date(p.createdAt)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.secondFactor')}</dt>
            <dd>{p.requireTotp ? t('dashboard.totpRequired') : t('dashboard.totpOptional')}</dd>
          </div>
        </dl>
      </header>
      <div className="grid-2">
        <div className="stack">
          <StatusPanel />
          <TextSummaryPanel />
          <PartiesPanel />
          <PasskeyRequirementPanel />
        </div>
        <div className="stack">
          <ActivityPanel />
          <CommunicationPanel />
          <CompartmentsPanel />
          <LinksPanel />
        </div>
      </div>
      <HistoryPanel />
    </div>
  );
}

function StatusPanel() {
  const { t } = useTranslation();
  const { view, reload } = useProcess();
  const [done, setDone] = useState(false);
  const current = view.process.status;
  const targets = processStatuses.filter((s) => canTransition(current, s));
  return (
    <Section title={t('dashboard.statusTitle')}>
      <p className="status-line">
        <StatusBadge status={current} />
        <span className="muted">{t(`processStatusHelp.${current}`)}</span>
      </p>
      {done && <Notice>{t('dashboard.statusChanged')}</Notice>}
      {view.can.changeStatus &&
        (targets.length === 0 ? (
          <p className="muted">{t('dashboard.noTransitions')}</p>
        ) : (
          <Disclosure label={t('dashboard.changeStatus')}>
            {(close) => (
              <ChangeStatusForm
                targets={targets}
                onDone={() => {
                  setDone(true);
                  close();
                  reload();
                }}
              />
            )}
          </Disclosure>
        ))}
    </Section>
  );
}

function ChangeStatusForm({ targets, onDone }: { targets: ProcessStatus[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [to, setTo] = useState<ProcessStatus>(targets[0] ?? 'active');
  const [reason, setReason] = useState('');
  const [party, setParty] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.processes.changeStatus(view.process.id, {
        to,
        reason,
        causedByPartyId: party || null,
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <SelectField
        label={t('dashboard.newStatus')}
        value={to}
        onChange={(e) => setTo(e.target.value as ProcessStatus)}
      >
        {targets.map((s) => (
          <option key={s} value={s}>
            {t(`processStatus.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('dashboard.reason')}
        hint={t('dashboard.reasonHint')}
        value={reason}
        rows={3}
        maxLength={2000}
        onChange={(e) => setReason(e.target.value)}
      />
      {view.parties.length > 0 && (
        <SelectField
          label={t('dashboard.causedBy')}
          optional
          value={party}
          onChange={(e) => setParty(e.target.value)}
        >
          <option value="">{t('dashboard.noParty')}</option>
          {view.parties.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.code})
            </option>
          ))}
        </SelectField>
      )}
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {t('dashboard.recordStatus')}
        </Button>
      </div>
    </form>
  );
}

function PartiesPanel() {
  const { t } = useTranslation();
  const { view } = useProcess();
  return (
    <Section title={t('dashboard.partiesTitle')}>
      {view.parties.length === 0 ? (
        <p className="empty">{t('dashboard.partiesEmpty')}</p>
      ) : (
        <ul className="party-list">
          {view.parties.map((p) => (
            <PartyRow key={p.id} party={p} />
          ))}
        </ul>
      )}
      {view.can.manage && (
        <Disclosure label={t('dashboard.addParty')}>
          {(close) => <AddPartyForm onDone={close} />}
        </Disclosure>
      )}
    </Section>
  );
}

function PartyRow({ party }: { party: Party }) {
  const { t } = useTranslation();
  const { view, reload } = useProcess();
  const [done, setDone] = useState(false);
  const delegation = view.members.filter((m) => m.partyId === party.id);
  const head = delegation.find((m) => m.role === 'head_of_delegation');
  const mayChange =
    view.can.manage || (view.me.role === 'head_of_delegation' && view.me.partyId === party.id);
  const targets = partyStatuses.filter((s) => canTransitionParty(party.status, s));
  return (
    <li className="party-row">
      <div className="party-main">
        <span className="party-code">{party.code}</span>
        <div>
          <p className="party-name">{party.name}</p>
          <p className="muted small">
            {head ? t('dashboard.headIs', { name: head.displayName }) : t('dashboard.noHeadYet')} ·{' '}
            {t('dashboard.delegationSize', { count: delegation.length })}
          </p>
        </div>
        <PartyStatusBadge status={party.status} />
      </div>
      {done && <Notice>{t('dashboard.standingChanged')}</Notice>}
      {mayChange && targets.length > 0 && (
        <Disclosure label={t('dashboard.changeStanding', { party: party.code })} variant="quiet">
          {(close) => (
            <PartyStandingForm
              party={party}
              targets={targets}
              onDone={() => {
                setDone(true);
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

function PartyStandingForm({
  party,
  targets,
  onDone,
}: {
  party: Party;
  targets: PartyStatus[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [to, setTo] = useState<PartyStatus>(targets[0] ?? 'suspended');
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.processes.changePartyStatus(view.process.id, party.id, { to, reason });
      onDone();
    });
  };
  return (
    <form className="form form-inset" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <SelectField
        label={t('dashboard.newStanding')}
        value={to}
        onChange={(e) => setTo(e.target.value as PartyStatus)}
      >
        {targets.map((s) => (
          <option key={s} value={s}>
            {t(`partyAction.${s}`)}
          </option>
        ))}
      </SelectField>
      {to === 'withdrawn' && <Notice tone="warning">{t('dashboard.withdrawWarning')}</Notice>}
      <TextAreaField
        label={t('dashboard.reason')}
        hint={t('dashboard.reasonHint')}
        value={reason}
        rows={3}
        maxLength={2000}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="form-actions">
        <Button
          type="submit"
          variant={to === 'withdrawn' ? 'danger' : 'primary'}
          pending={action.pending}
          pendingLabel={t('common.saving')}
        >
          {t(`partyAction.${to}`)}
        </Button>
      </div>
    </form>
  );
}

function AddPartyForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { view, reload } = useProcess();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.processes.addParty(view.process.id, { name, code });
      reload();
      onDone();
    });
  };
  return (
    <form className="form form-inset" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <TextField
        label={t('dashboard.partyName')}
        hint={t('dashboard.partyNameHint')}
        value={name}
        maxLength={200}
        onChange={(e) => setName(e.target.value)}
      />
      <TextField
        label={t('dashboard.partyCode')}
        hint={t('dashboard.partyCodeHint')}
        value={code}
        pattern="[A-Za-z0-9]{2,8}"
        maxLength={8}
        className="input-code"
        onChange={(e) => setCode(e.target.value.toUpperCase())}
      />
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.adding')}>
          {t('dashboard.addPartySubmit')}
        </Button>
      </div>
    </form>
  );
}

function CompartmentsPanel() {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const audience = useAudience();
  return (
    <Section title={t('dashboard.compartmentsTitle')}>
      <p className="section-intro">{t('dashboard.compartmentsIntro')}</p>
      <ul className="compartment-list">
        {view.compartments.map((c) => (
          <li key={c.id}>
            <Link
              to={`/processes/${view.process.id}/compartments/${c.id}`}
              className={`compartment-card kind-${c.kind}`}
            >
              <span className="compartment-card-top">
                <CompartmentBadge compartmentId={c.id} />
                <span className="compartment-count">
                  {t('dashboard.itemCount', { count: c.itemCount, n: formats.number(c.itemCount) })}
                </span>
              </span>
              <span className="muted small">
                {audience(c)}
                {!c.writable && <> · {t('dashboard.readOnly')}</>}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function LinksPanel() {
  const { t } = useTranslation();
  const { view } = useProcess();
  return (
    <Section title={t('dashboard.linksTitle')}>
      {view.links.length === 0 ? (
        <p className="empty">{t('dashboard.linksEmpty')}</p>
      ) : (
        <ul className="link-list">
          {view.links.map((l, i) => (
            <li key={i}>
              <p className="link-label">
                {l.linkedProcessId ? (
                  <Link to={`/processes/${l.linkedProcessId}`}>{l.label}</Link>
                ) : (
                  l.label
                )}
              </p>
              {l.note && (
                <p className="muted small">
                  <DemoAwareText text={l.note} />
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {view.can.manage && (
        <Disclosure label={t('dashboard.addLink')}>
          {(close) => <AddLinkForm onDone={close} />}
        </Disclosure>
      )}
    </Section>
  );
}

function AddLinkForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { view, reload } = useProcess();
  const others = useQuery(() => api.processes.list(), []);
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const [linked, setLinked] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.processes.addLink(view.process.id, {
        label,
        note,
        linkedProcessId: linked || null,
      });
      reload();
      onDone();
    });
  };
  const candidates = (others.data?.processes ?? []).filter((p) => p.id !== view.process.id);
  return (
    <form className="form form-inset" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <TextField
        label={t('dashboard.linkLabel')}
        hint={t('dashboard.linkLabelHint')}
        value={label}
        maxLength={200}
        onChange={(e) => setLabel(e.target.value)}
      />
      <TextAreaField
        label={t('dashboard.linkNote')}
        optional
        value={note}
        rows={3}
        maxLength={4000}
        onChange={(e) => setNote(e.target.value)}
      />
      {candidates.length > 0 && (
        <SelectField
          label={t('dashboard.linkProcess')}
          optional
          value={linked}
          onChange={(e) => setLinked(e.target.value)}
        >
          <option value="">{t('dashboard.linkNotInParley')}</option>
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {p.codename}
            </option>
          ))}
        </SelectField>
      )}
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {t('dashboard.addLinkSubmit')}
        </Button>
      </div>
    </form>
  );
}

function HistoryPanel() {
  const { t } = useTranslation();
  const { view, partyCode, memberName } = useProcess();
  const formats = useFormats();
  const statusName = (h: StatusChange, s: string) =>
    h.subject === 'process'
      ? (processStatuses as readonly string[]).includes(s)
        ? t(`processStatus.${s as ProcessStatus}`)
        : s
      : (partyStatuses as readonly string[]).includes(s)
        ? t(`partyStatus.${s as PartyStatus}`)
        : s;
  const history = [...view.history].reverse();
  return (
    <Section title={t('dashboard.historyTitle')}>
      {history.length === 0 ? (
        <p className="empty">{t('dashboard.historyEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-cards">
            <caption className="visually-hidden">{t('dashboard.historyTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.when')}</th>
                <th scope="col">{t('dashboard.change')}</th>
                <th scope="col">{t('dashboard.reason')}</th>
                <th scope="col">{t('dashboard.recordedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h, i) => (
                <tr key={i}>
                  <td data-label={t('dashboard.when')} className="nowrap">
                    {formats.dateTime(h.at)}
                  </td>
                  <td data-label={t('dashboard.change')}>
                    <span className="strong">
                      {h.subject === 'process'
                        ? t('dashboard.processSubject')
                        : t('dashboard.partySubject', { party: partyCode(h.partyId) })}
                    </span>
                    : {statusName(h, h.from)} → {statusName(h, h.to)}
                    {h.subject === 'process' && h.partyId && (
                      <span className="muted small block">
                        {t('dashboard.causedByParty', { party: partyCode(h.partyId) })}
                      </span>
                    )}
                  </td>
                  <td data-label={t('dashboard.reason')}>
                    <DemoAwareText text={h.reason} />
                  </td>
                  <td data-label={t('dashboard.recordedBy')}>{memberName(h.byUserId)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
