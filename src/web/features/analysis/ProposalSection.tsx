/**
 * The proposal chosen for analysis, for the mediator team: its package, utilities, whether it is
 * efficient, how far it is from the Nash solution, and the packages that improve on it for every
 * party, in words.
 */
import { useTranslation } from 'react-i18next';
import type { AgendaIssue, MediatorAnalysis, Proposal } from '../../api/types.js';
import { Section } from '../../ui/components.js';
import { PackageView, type PackageTerms } from '../record/packages.js';
import { useProposalName } from '../record/proposalName.js';
import { useParties } from '../text/holders.js';
import { Utilities, useSigned } from './labels.js';

/** The chosen proposal analysed, with the packages that improve on it. */
export function ProposalSection({
  view: v,
  issues,
  proposal,
  nash,
}: {
  view: MediatorAnalysis;
  issues: AgendaIssue[];
  proposal: Proposal | undefined;
  nash?: { utilities: Record<string, number> };
}) {
  const { t } = useTranslation();
  const { code } = useParties();
  const proposalName = useProposalName();
  const signed = useSigned();
  if (!v.proposal || !proposal)
    return (
      <Section title={t('analysis.proposalTitle')}>
        <p className="muted">{t('analysis.chooseProposal')}</p>
      </Section>
    );
  const base: PackageTerms = v.proposal.package;
  return (
    <Section title={t('analysis.proposalTitle')}>
      <p className="strong">{proposalName(proposal)}</p>
      <div className="grid-2">
        <div>
          <PackageView issues={issues} pkg={base} />
        </div>
        <div>
          <Utilities utilities={v.proposal.baseline} gainLabel="" />
          <p>
            {v.proposal.efficient === null
              ? t('analysis.partial')
              : v.proposal.efficient
                ? t('analysis.efficient')
                : t('analysis.notEfficient')}
          </p>
          {nash && (
            <p className="small">
              {t('analysis.fromNash')}{' '}
              {Object.keys(v.proposal.baseline)
                .map(
                  (p) =>
                    `${code(p)} ${signed((nash.utilities[p] ?? 0) - (v.proposal?.baseline[p] ?? 0))}`,
                )
                .join(' · ')}
            </p>
          )}
        </div>
      </div>
      <h3 className="subheading">
        {t('analysis.improvementsTitle', { count: v.proposal.improvements.length })}
      </h3>
      {v.proposal.improvements.length === 0 ? (
        <p className="muted">{t('analysis.noImprovements')}</p>
      ) : (
        <ol className="improvement-list">
          {v.proposal.improvements.map((imp, i) => (
            <li key={i} className="improvement-card">
              <p className="strong">{t('analysis.improvementN', { n: i + 1 })}</p>
              <PackageView issues={issues} pkg={imp.package} base={base} onlyChanges />
              <Utilities
                utilities={imp.utilities}
                gains={imp.gains}
                gainLabel={t('analysis.overProposal')}
              />
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
