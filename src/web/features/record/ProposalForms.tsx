/**
 * Tabling a proposal (where, which round, a package, what it answers, a note) and answering one
 * (accept, reject, or counter with a package of one's own).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { NegotiationRecord, Proposal } from '../../api/types.js';
import { Button, ErrorAlert, SelectField, TextAreaField, TextField } from '../../ui/components.js';
import { useAction } from '../../ui/hooks.js';
import { useCompartmentName } from '../compartments/labels.js';
import { proposalCompartments } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { PackageEditor, type PackageTerms } from './packages.js';
import { useProposalName } from './proposalName.js';

/** The form that tables a proposal in a compartment I may propose in. */
export function ProposalForm({
  record,
  onDone,
}: {
  record: NegotiationRecord;
  onDone: () => void;
}) {
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

/** My party's answer to a proposal: accept, reject or counter. */
export function RespondForm({
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
