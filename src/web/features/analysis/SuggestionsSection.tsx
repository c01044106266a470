/**
 * What a party sees of the analysis: suggested packages with its own utility only (against its
 * reservation level), and its utility for the chosen proposal.
 */
import { useTranslation } from 'react-i18next';
import type { AgendaIssue, PartyAnalysis, Proposal } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { Section } from '../../ui/components.js';
import { useProcess } from '../processes/ProcessContext.js';
import { PackageView } from '../record/packages.js';
import { useProposalName } from '../record/proposalName.js';
import { useParties } from '../text/holders.js';
import { round1 } from './labels.js';

/** A party's suggested packages, with its own utility only. */
export function SuggestionsSection({
  view: v,
  issues,
  proposal,
}: {
  view: PartyAnalysis;
  issues: AgendaIssue[];
  proposal: Proposal | undefined;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { code } = useParties();
  const proposalName = useProposalName();
  const { view: process } = useProcess();
  return (
    <>
      <Section title={t('analysis.suggestionsTitle')}>
        <p className="section-intro">{t('analysis.suggestionsIntro', { party: code(v.party) })}</p>
        <p>
          {t('analysis.yourReservation', { n: formats.number(round1(v.reservation)) })}{' '}
          <Link to={`/processes/${process.process.id}/preferences`}>
            {t('analysis.editRatings')}
          </Link>
        </p>
        {v.proposal && proposal && (
          <p className="proposal-utility">
            {t('analysis.proposalUtility', {
              proposal: proposalName(proposal),
              n: formats.number(round1(v.proposal.utility)),
            })}
          </p>
        )}
        {v.suggestions.length === 0 ? (
          <p className="empty">{t('analysis.noSuggestions')}</p>
        ) : (
          <ol className="suggestion-list">
            {v.suggestions.map((s, i) => (
              <li key={i} className="suggestion-card">
                <div className="suggestion-head">
                  <span className="chip-row">
                    {s.labels.map((l) => (
                      <span key={l} className="badge badge-neutral-plain">
                        {l === 'alternative'
                          ? t('analysis.alternative')
                          : t(`analysis.solution.${l}`)}
                      </span>
                    ))}
                  </span>
                  <span className="own-utility">
                    <meter
                      min={0}
                      max={100}
                      low={v.reservation}
                      optimum={100}
                      value={s.utility}
                      aria-hidden="true"
                    />
                    <span className="strong">
                      {t('analysis.ownUtility', { n: formats.number(round1(s.utility)) })}
                    </span>
                  </span>
                </div>
                <PackageView
                  issues={issues}
                  pkg={s.package}
                  base={v.proposal?.package}
                  onlyChanges={false}
                />
              </li>
            ))}
          </ol>
        )}
        <p className="muted small">{t('analysis.partyPrivacy')}</p>
      </Section>
    </>
  );
}
