/**
 * The negotiation record: the agenda with its options, the parties' public demands (source and
 * date), my party's private positions (caucus), and the proposals round by round — a table of who
 * proposed what, when, per issue and round — with tabling a proposal and answering one.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canEditAgenda, canRecordDemand, canRespond } from '../../../core/access/policy.js';
import { isDelegationRole } from '../../../core/process/model.js';
import { asId } from '../../../core/shared/ids.js';
import { api } from '../../api/client.js';
import type { AgendaIssue, NegotiationRecord, Proposal } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import {
  Button,
  DemoAwareText,
  Disclosure,
  ErrorAlert,
  Loading,
  Notice,
  PageTitle,
  Section,
  SelectField,
  TextAreaField,
  TextField,
  VisuallyHidden,
} from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { CompartmentBadge, useCompartmentName } from '../compartments/labels.js';
import { membershipOf, proposalCompartments, toCoreCompartment } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { PartyChip } from '../text/holders.js';
import { PackageEditor, PackageView, type PackageTerms } from './packages.js';
import { useProposalName } from './proposalName.js';

/** The record screen. */
export function RecordPage() {
  const { t } = useTranslation();
  const { view, liveTick } = useProcess();
  const record = useQuery(() => api.record.get(view.process.id), [view.process.id, liveTick]);
  return (
    <div className="page page-wide">
      <header className="page-header">
        <p className="eyebrow">{view.process.codename}</p>
        <PageTitle documentTitle={`${t('record.title')} · ${view.process.codename}`}>
          {t('record.title')}
        </PageTitle>
        <p className="lead">{t('record.intro')}</p>
      </header>
      <ErrorAlert error={record.error} />
      {record.loading && !record.data ? (
        <Loading />
      ) : record.data ? (
        <RecordView record={record.data} reload={record.reload} />
      ) : null}
    </div>
  );
}

function RecordView({ record, reload }: { record: NegotiationRecord; reload: () => void }) {
  const { view } = useProcess();
  const me = membershipOf(view);
  return (
    <>
      <div className="grid-2">
        <Agenda issues={record.issues} canEdit={canEditAgenda(me)} onAdded={reload} />
        <div className="stack">
          <Demands record={record} onAdded={reload} />
          {isDelegationRole(view.me.role) && <Positions record={record} onAdded={reload} />}
        </div>
      </div>
      <Timeline record={record} />
      <Proposals record={record} onChanged={reload} />
    </>
  );
}

function SharedLabel() {
  const { t } = useTranslation();
  return <span className="badge badge-shared">{t('record.sharedWithAll')}</span>;
}

function Agenda({
  issues,
  canEdit,
  onAdded,
}: {
  issues: AgendaIssue[];
  canEdit: boolean;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Section title={t('record.agendaTitle')} actions={<SharedLabel />}>
      {issues.length === 0 ? (
        <p className="empty">{t('record.agendaEmpty')}</p>
      ) : (
        <ol className="issue-list">
          {issues.map((i) => (
            <li key={i.id}>
              <p className="issue-title">{i.title}</p>
              {i.description && <p className="muted small">{i.description}</p>}
              <ol className="option-chips" aria-label={t('record.optionsOf', { issue: i.title })}>
                {i.options.map((o) => (
                  <li key={o.id}>{o.label}</li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <Disclosure label={t('record.addIssue')}>
          {(close) => (
            <AddIssueForm
              onDone={() => {
                close();
                onAdded();
              }}
            />
          )}
        </Disclosure>
      )}
    </Section>
  );
}

function AddIssueForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [options, setOptions] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.record.addIssue(view.process.id, {
        title,
        description,
        options: options
          .split('\n')
          .map((o) => o.trim())
          .filter(Boolean),
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <TextField
        label={t('record.issueTitle')}
        value={title}
        maxLength={300}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextAreaField
        label={t('record.issueDescription')}
        optional
        rows={2}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <TextAreaField
        label={t('record.issueOptions')}
        hint={t('record.issueOptionsHint')}
        optional
        rows={4}
        value={options}
        onChange={(e) => setOptions(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.adding')}>
          {t('record.addIssueSubmit')}
        </Button>
      </div>
    </form>
  );
}

function Demands({ record, onAdded }: { record: NegotiationRecord; onAdded: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const me = membershipOf(view);
  const parties = view.parties.filter((p) => canRecordDemand(me, asId(p.id)));
  const issue = (id: string | null) => record.issues.find((i) => i.id === id)?.title;
  return (
    <Section title={t('record.demandsTitle')} actions={<SharedLabel />}>
      {record.demands.length === 0 ? (
        <p className="empty">{t('record.demandsEmpty')}</p>
      ) : (
        <ul className="demand-list">
          {record.demands.map((d) => (
            <li key={d.id}>
              <div className="demand-head">
                <PartyChip partyId={d.partyId} />
                {issue(d.issueId) && <span className="muted small">{issue(d.issueId)}</span>}
              </div>
              <p className="demand-text">
                <DemoAwareText text={d.text} />
              </p>
              <p className="muted small">
                {t('record.demandSource', { source: d.source, date: formats.date(d.statedOn) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {parties.length > 0 && (
        <Disclosure label={t('record.addDemand')}>
          {(close) => (
            <DemandForm
              issues={record.issues}
              parties={parties}
              onDone={() => {
                close();
                onAdded();
              }}
            />
          )}
        </Disclosure>
      )}
    </Section>
  );
}

function DemandForm({
  issues,
  parties,
  onDone,
}: {
  issues: AgendaIssue[];
  parties: Array<{ id: string; code: string; name: string }>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [partyId, setPartyId] = useState(parties[0]?.id ?? '');
  const [issueId, setIssueId] = useState('');
  const [text, setText] = useState('');
  const [source, setSource] = useState('');
  const [statedOn, setStatedOn] = useState(new Date().toISOString().slice(0, 10));
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.record.recordDemand(view.process.id, {
        partyId,
        issueId: issueId || null,
        text,
        source,
        statedOn,
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      {parties.length > 1 && (
        <SelectField
          label={t('record.party')}
          value={partyId}
          onChange={(e) => setPartyId(e.target.value)}
        >
          {parties.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.code})
            </option>
          ))}
        </SelectField>
      )}
      <SelectField
        label={t('record.issue')}
        optional
        value={issueId}
        onChange={(e) => setIssueId(e.target.value)}
      >
        <option value="">{t('record.noIssue')}</option>
        {issues.map((i) => (
          <option key={i.id} value={i.id}>
            {i.title}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('record.demandText')}
        rows={2}
        value={text}
        maxLength={4000}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="form-row">
        <TextField
          label={t('record.source')}
          hint={t('record.sourceHint')}
          wrapperClassName="field-grow"
          value={source}
          maxLength={500}
          onChange={(e) => setSource(e.target.value)}
        />
        <TextField
          label={t('record.statedOn')}
          type="date"
          wrapperClassName="field-narrow"
          value={statedOn}
          onChange={(e) => setStatedOn(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {t('record.addDemandSubmit')}
        </Button>
      </div>
    </form>
  );
}

function Positions({ record, onAdded }: { record: NegotiationRecord; onAdded: () => void }) {
  const { t } = useTranslation();
  const { view, partyCode } = useProcess();
  const formats = useFormats();
  const caucus = view.compartments.find(
    (c) => c.kind === 'caucus' && c.partyId === view.me.partyId,
  );
  const option = (issueId: string, optionId: string | null) =>
    record.issues.find((i) => i.id === issueId)?.options.find((o) => o.id === optionId)?.label;
  return (
    <Section
      title={t('record.positionsTitle', { party: partyCode(view.me.partyId) })}
      actions={caucus && <CompartmentBadge compartmentId={caucus.id} />}
    >
      <p className="section-intro">{t('record.positionsIntro')}</p>
      {record.positions.length === 0 ? (
        <p className="empty">{t('record.positionsEmpty')}</p>
      ) : (
        <ul className="demand-list">
          {record.positions.map((p) => (
            <li key={p.id}>
              <div className="demand-head">
                <CompartmentBadge compartmentId={p.compartmentId} />
                <span className="strong small">
                  {record.issues.find((i) => i.id === p.issueId)?.title}
                </span>
              </div>
              {option(p.issueId, p.optionId) && (
                <p className="position-option">
                  {t('record.positionOption', { option: option(p.issueId, p.optionId) })}
                </p>
              )}
              {p.text && (
                <p className="demand-text">
                  <DemoAwareText text={p.text} />
                </p>
              )}
              <p className="muted small">{formats.dateTime(p.recordedAt)}</p>
            </li>
          ))}
        </ul>
      )}
      {caucus?.writable && record.issues.length > 0 && (
        <Disclosure label={t('record.addPosition')}>
          {(close) => (
            <PositionForm
              issues={record.issues}
              onDone={() => {
                close();
                onAdded();
              }}
            />
          )}
        </Disclosure>
      )}
    </Section>
  );
}

function PositionForm({ issues, onDone }: { issues: AgendaIssue[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [issueId, setIssueId] = useState(issues[0]?.id ?? '');
  const [optionId, setOptionId] = useState('');
  const [text, setText] = useState('');
  const action = useAction();
  const issue = issues.find((i) => i.id === issueId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.record.recordPosition(view.process.id, {
        issueId,
        optionId: optionId || null,
        text,
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <SelectField
        label={t('record.issue')}
        value={issueId}
        onChange={(e) => {
          setIssueId(e.target.value);
          setOptionId('');
        }}
      >
        {issues.map((i) => (
          <option key={i.id} value={i.id}>
            {i.title}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('record.positionOptionLabel')}
        optional
        value={optionId}
        onChange={(e) => setOptionId(e.target.value)}
      >
        <option value="">{t('record.noOption')}</option>
        {issue?.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('record.positionText')}
        optional
        rows={3}
        maxLength={4000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {t('record.addPositionSubmit')}
        </Button>
      </div>
    </form>
  );
}

/** Who proposed what, when: issues down, rounds across. */
function Timeline({ record }: { record: NegotiationRecord }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const name = useCompartmentName();
  const rounds = [...new Set(record.timeline.map((e) => e.round))].sort((a, b) => a - b);
  const proposal = (id: string) => record.proposals.find((p) => p.id === id);
  return (
    <Section title={t('record.timelineTitle')}>
      <p className="section-intro">{t('record.timelineIntro')}</p>
      {rounds.length === 0 ? (
        <p className="empty">{t('record.proposalsEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table timeline-table">
            <caption className="visually-hidden">{t('record.timelineTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('record.issue')}</th>
                {rounds.map((r) => (
                  <th key={r} scope="col">
                    {t('record.round', { n: r })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {record.issues.map((issue) => (
                <tr key={issue.id}>
                  <th scope="row">{issue.title}</th>
                  {rounds.map((r) => {
                    const entries = record.timeline.filter(
                      (e) => e.issueId === issue.id && e.round === r,
                    );
                    return (
                      <td key={r}>
                        {entries.length === 0 ? (
                          <span className="muted" aria-label={t('record.nothingProposed')}>
                            —
                          </span>
                        ) : (
                          <ul className="timeline-cell">
                            {entries.map((e) => {
                              const c = view.compartments.find(
                                (x) => x.id === proposal(e.proposalId)?.compartmentId,
                              );
                              return (
                                <li key={e.proposalId} title={formats.dateTime(e.tabledAt)}>
                                  <PartyChip partyId={e.tabledByParty} />
                                  <span>
                                    <a href={`#proposal-${e.proposalId}`}>
                                      {issue.options.find((o) => o.id === e.optionId)?.label ?? '?'}
                                    </a>
                                    {c && c.kind !== 'plenary' && (
                                      <span
                                        className={`badge badge-compartment badge-tiny kind-${c.kind}`}
                                      >
                                        <VisuallyHidden>
                                          {t('compartments.inCompartment')}{' '}
                                        </VisuallyHidden>
                                        <span className="kind-icon" aria-hidden="true" />
                                        {name(c)}
                                      </span>
                                    )}
                                  </span>
                                </li>
                              );
                            })}
                          </ul>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function Proposals({ record, onChanged }: { record: NegotiationRecord; onChanged: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [tabled, setTabled] = useState(false);
  const where = proposalCompartments(view);
  const rounds = useMemo(
    () => [...new Set(record.proposals.map((p) => p.round))].sort((a, b) => b - a),
    [record.proposals],
  );
  return (
    <Section title={t('record.proposalsTitle')}>
      {tabled && <Notice>{t('record.tabled')}</Notice>}
      {where.length > 0 && record.issues.length > 0 && (
        <Disclosure label={t('record.tableProposal')} variant="primary">
          {(close) => (
            <ProposalForm
              record={record}
              onDone={() => {
                close();
                setTabled(true);
                onChanged();
              }}
            />
          )}
        </Disclosure>
      )}
      {rounds.length === 0 && <p className="empty">{t('record.proposalsEmpty')}</p>}
      {rounds.map((r) => (
        <div key={r} className="round-group">
          <h3 className="subheading">{t('record.round', { n: r })}</h3>
          <ul className="proposal-list">
            {record.proposals
              .filter((p) => p.round === r)
              .map((p) => (
                <ProposalCard key={p.id} proposal={p} record={record} onChanged={onChanged} />
              ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}

function ProposalCard({
  proposal: p,
  record,
  onChanged,
}: {
  proposal: Proposal;
  record: NegotiationRecord;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { view, partyCode } = useProcess();
  const formats = useFormats();
  const proposalName = useProposalName();
  const me = membershipOf(view);
  const c = view.compartments.find((x) => x.id === p.compartmentId);
  const core = c ? toCoreCompartment(view.process.id, c) : null;
  const answered = p.responses.some((r) => r.partyId === view.me.partyId);
  const mayRespond =
    core !== null &&
    !answered &&
    canRespond(me, core, p.tabledByParty ? asId(p.tabledByParty) : null);
  const answers = record.proposals.find((x) => x.id === p.respondsTo);
  return (
    <li className="proposal-card" id={`proposal-${p.id}`}>
      <div className="item-card-head">
        <span className="chip-row">
          <CompartmentBadge compartmentId={p.compartmentId} />
          <PartyChip partyId={p.tabledByParty} />
          <span className="strong">
            {p.tabledByParty
              ? t('record.tabledBy', { party: partyCode(p.tabledByParty) })
              : t('record.tabledByMediators')}
          </span>
        </span>
        <span className="muted small">{formats.dateTime(p.tabledAt)}</span>
      </div>
      {answers && (
        <p className="small">
          {t('record.answers')} <a href={`#proposal-${answers.id}`}>{proposalName(answers)}</a>
        </p>
      )}
      <PackageView
        issues={record.issues}
        pkg={Object.fromEntries(p.terms.map((x) => [x.issueId, x.optionId]))}
      />
      {p.note && (
        <p className="proposal-note">
          <DemoAwareText text={p.note} />
        </p>
      )}
      {p.responses.length > 0 && (
        <ul className="response-list" aria-label={t('record.responses')}>
          {p.responses.map((r, i) => {
            const counter = record.proposals.find((x) => x.id === r.counterProposalId);
            return (
              <li key={i}>
                <PartyChip partyId={r.partyId} />
                <span className={`badge response-${r.kind}`}>{t(`record.response.${r.kind}`)}</span>
                {r.note && <DemoAwareText text={r.note} />}
                {counter && (
                  <a href={`#proposal-${counter.id}`} className="small">
                    {t('record.seeCounter')}
                  </a>
                )}
                <span className="muted small">{formats.dateTime(r.respondedAt)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {mayRespond && (
        <Disclosure
          label={t('record.respond', { party: partyCode(view.me.partyId) })}
          variant="quiet"
        >
          {(close) => (
            <RespondForm
              proposal={p}
              record={record}
              onDone={() => {
                close();
                onChanged();
              }}
            />
          )}
        </Disclosure>
      )}
    </li>
  );
}

function ProposalForm({ record, onDone }: { record: NegotiationRecord; onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const name = useCompartmentName();
  const proposalName = useProposalName();
  const where = proposalCompartments(view);
  const lastRound = record.proposals.reduce((m, p) => Math.max(m, p.round), 1);
  const [compartmentId, setCompartmentId] = useState(
    where.find((c) => c.kind === 'plenary')?.id ?? where[0]?.id ?? '',
  );
  const [round, setRound] = useState(lastRound);
  const [terms, setTerms] = useState<PackageTerms>({});
  const [note, setNote] = useState('');
  const [respondsTo, setRespondsTo] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.record.tableProposal(view.process.id, {
        compartmentId,
        round,
        terms: Object.entries(terms).map(([issueId, optionId]) => ({ issueId, optionId })),
        note,
        respondsTo: respondsTo || null,
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset form-wide" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <div className="form-row">
        <SelectField
          label={t('record.where')}
          hint={t('record.whereHint')}
          wrapperClassName="field-grow"
          value={compartmentId}
          onChange={(e) => setCompartmentId(e.target.value)}
        >
          {where.map((c) => (
            <option key={c.id} value={c.id}>
              {name(c)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('record.roundLabel')}
          type="number"
          min={1}
          max={99}
          className="input-number"
          wrapperClassName="field-narrow"
          value={round}
          onChange={(e) => setRound(Number(e.target.value))}
        />
      </div>
      <PackageEditor issues={record.issues} value={terms} onChange={setTerms} />
      {record.proposals.length > 0 && (
        <SelectField
          label={t('record.respondsTo')}
          optional
          value={respondsTo}
          onChange={(e) => setRespondsTo(e.target.value)}
        >
          <option value="">{t('record.respondsToNone')}</option>
          {record.proposals.map((p) => (
            <option key={p.id} value={p.id}>
              {proposalName(p)}
            </option>
          ))}
        </SelectField>
      )}
      <TextAreaField
        label={t('record.proposalNote')}
        optional
        rows={2}
        maxLength={4000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="form-actions">
        <Button
          type="submit"
          pending={action.pending}
          pendingLabel={t('record.tabling')}
          disabled={Object.keys(terms).length === 0}
        >
          {t('record.tableSubmit')}
        </Button>
        {Object.keys(terms).length === 0 && <span className="hint">{t('record.pickOne')}</span>}
      </div>
    </form>
  );
}

function RespondForm({
  proposal,
  record,
  onDone,
}: {
  proposal: Proposal;
  record: NegotiationRecord;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [kind, setKind] = useState<'accept' | 'reject' | 'counter'>('accept');
  const [note, setNote] = useState('');
  const [terms, setTerms] = useState<PackageTerms>(
    Object.fromEntries(proposal.terms.map((x) => [x.issueId, x.optionId])),
  );
  const [round, setRound] = useState(proposal.round);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.record.respond(view.process.id, proposal.id, {
        kind,
        note,
        counter:
          kind === 'counter'
            ? {
                round,
                terms: Object.entries(terms).map(([issueId, optionId]) => ({ issueId, optionId })),
              }
            : null,
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset form-wide" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <fieldset className="segmented">
        <legend>{t('record.answerLegend')}</legend>
        {(['accept', 'reject', 'counter'] as const).map((k) => (
          <label key={k} className={kind === k ? 'is-selected' : undefined}>
            <input
              type="radio"
              name={`answer-${proposal.id}`}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            {t(`record.answer.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'counter' && (
        <>
          <TextField
            label={t('record.roundLabel')}
            type="number"
            min={1}
            max={99}
            className="input-number"
            value={round}
            onChange={(e) => setRound(Number(e.target.value))}
          />
          <PackageEditor issues={record.issues} value={terms} onChange={setTerms} />
        </>
      )}
      <TextAreaField
        label={t('record.answerNote')}
        optional
        rows={2}
        maxLength={4000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="form-actions">
        <Button
          type="submit"
          pending={action.pending}
          pendingLabel={t('common.saving')}
          disabled={kind === 'counter' && Object.keys(terms).length === 0}
        >
          {t(`record.answerSubmit.${kind}`)}
        </Button>
      </div>
    </form>
  );
}
