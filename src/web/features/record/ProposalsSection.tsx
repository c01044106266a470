/**
 * The proposals round by round: each with its compartment, who tabled it, what it answers, its
 * package in words and the parties' answers; tabling one, and answering one when the domain's
 * policy lets my party respond.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canRespond } from '../../../core/access/policy.js';
import { asId } from '../../../core/shared/ids.js';
import type { NegotiationRecord, Proposal } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { DemoAwareText, Disclosure, Notice, Section } from '../../ui/components.js';
import { CompartmentBadge } from '../compartments/labels.js';
import { membershipOf, proposalCompartments, toCoreCompartment } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { PartyChip } from '../text/holders.js';
import { PackageView } from './packages.js';
import { ProposalForm, RespondForm } from './ProposalForms.js';
import { useProposalName } from './proposalName.js';

/** The proposals round by round, with tabling a new one. */
export function ProposalsSection({
  record,
  onChanged,
}: {
  record: NegotiationRecord;
  onChanged: () => void;
}) {
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
