/**
 * Decision support as the API lets me see it. The mediator team: the frontier of efficient packages
 * in two parties' utility space with the Nash, Kalai–Smorodinsky, egalitarian and max-welfare
 * points, the reservation levels, the tabled proposals, and improvements on a chosen proposal in
 * words — from the ratings of the parties that shared them only. A party: its own numbers. Both:
 * the published suggestion sets (a party with its own utility only), the negotiation dance, the
 * concessions per round and the stalling signal.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMediatorRole } from '../../../core/process/model.js';
import { api, isApiError } from '../../api/client.js';
import type { AgendaIssue, Analysis, MediatorAnalysis, Proposal } from '../../api/types.js';
import {
  ErrorAlert,
  Loading,
  Notice,
  PageTitle,
  SelectField,
  Spinner,
} from '../../ui/components.js';
import { useQuery } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';
import { useProposalName } from '../record/proposalName.js';
import { FrontierSection } from './FrontierSection.js';
import { MovementSection } from './MovementSection.js';
import { ProposalSection } from './ProposalSection.js';
import { SolutionsSection } from './SolutionsSection.js';
import { SuggestionSetsSection } from './SuggestionSetsSection.js';
import { SuggestionsSection } from './SuggestionsSection.js';

/** The analysis screen. */
export function AnalysisPage() {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [proposalId, setProposalId] = useState('');
  const [stallRounds, setStallRounds] = useState(2);
  const record = useQuery(() => api.record.get(view.process.id), [view.process.id]);
  const analysis = useQuery(
    () =>
      api.analysis.get(view.process.id, {
        proposalId: proposalId || undefined,
        stallRounds,
      }),
    [view.process.id, proposalId, stallRounds],
  );
  const proposalName = useProposalName();
  const notYet = isApiError(analysis.error, 'RULE_VIOLATION');
  const proposals = [...(record.data?.proposals ?? [])].sort(
    (a, b) => a.round - b.round || a.tabledAt.localeCompare(b.tabledAt),
  );
  const data = analysis.data;
  return (
    <div className="page page-wide">
      <header className="page-header">
        <p className="eyebrow">{view.process.codename}</p>
        <PageTitle documentTitle={`${t('analysis.title')} · ${view.process.codename}`}>
          {t('analysis.title')}
        </PageTitle>
        <p className="lead">{t('analysis.intro')}</p>
      </header>
      <div className="analysis-controls">
        <SelectField
          label={t('analysis.proposal')}
          hint={
            isMediatorRole(view.me.role)
              ? t('analysis.proposalHint')
              : t('analysis.proposalHintParty')
          }
          value={proposalId}
          onChange={(e) => setProposalId(e.target.value)}
        >
          <option value="">{t('analysis.noProposal')}</option>
          {proposals.map((p) => (
            <option key={p.id} value={p.id}>
              {proposalName(p)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('analysis.stallRounds')}
          hint={t('analysis.stallRoundsHint')}
          value={stallRounds}
          onChange={(e) => setStallRounds(Number(e.target.value))}
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {t('analysis.roundsCount', { count: n })}
            </option>
          ))}
        </SelectField>
        {analysis.loading && data && (
          <p className="recomputing" role="status">
            <Spinner small /> {t('analysis.recomputing')}
          </p>
        )}
      </div>
      {notYet ? (
        <Notice tone="info">
          <p className="alert-title">{t('analysis.notYetTitle')}</p>
          <p>{t('analysis.notYetBody')}</p>
        </Notice>
      ) : (
        <ErrorAlert error={analysis.error} />
      )}
      {analysis.loading && !data ? (
        <Loading label={t('analysis.computing')} />
      ) : data && !notYet ? (
        <div
          className={analysis.loading ? 'is-reloading' : undefined}
          aria-busy={analysis.loading || undefined}
        >
          {data.view.kind === 'mediator' ? (
            <MediatorView
              analysis={data}
              view={data.view}
              issues={record.data?.issues ?? []}
              proposal={proposals.find((p) => p.id === proposalId)}
            />
          ) : (
            <SuggestionsSection
              view={data.view}
              proposal={proposals.find((p) => p.id === proposalId)}
            />
          )}
        </div>
      ) : null}
      <SuggestionSetsSection issues={record.data?.issues ?? []} />
      {data && !notYet && <MovementSection analysis={data} stallRounds={stallRounds} />}
    </div>
  );
}

/** What the mediator team sees: the frontier, the fair and efficient packages, the proposal analysed. */
function MediatorView({
  analysis,
  view: v,
  issues,
  proposal,
}: {
  analysis: Analysis;
  view: MediatorAnalysis;
  issues: AgendaIssue[];
  proposal: Proposal | undefined;
}) {
  const solutions = v.solutions.filter((s) => s.found);
  const nash = solutions.find((s) => s.kind === 'nash');
  return (
    <>
      <FrontierSection analysis={analysis} view={v} />
      <SolutionsSection view={v} issues={issues} />
      <ProposalSection
        view={v}
        issues={issues}
        proposal={proposal}
        nash={nash ? { utilities: nash.utilities } : undefined}
      />
    </>
  );
}
