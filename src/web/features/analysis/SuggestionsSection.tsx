/**
 * What a party sees of its own analysis: its reservation level and what the chosen proposal is
 * worth to it, from its own ratings alone. Suggested packages come only in published suggestion
 * sets (SuggestionSetsSection).
 */
import { useTranslation } from 'react-i18next';
import type { PartyAnalysis, Proposal } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { Section } from '../../ui/components.js';
import { useProcess } from '../processes/ProcessContext.js';
import { useProposalName } from '../record/proposalName.js';
import { useParties } from '../text/holders.js';
import { round1 } from './labels.js';

/** A party's own analysis: nothing here depends on another party's ratings. */
export function SuggestionsSection({
  view: v,
  proposal,
}: {
  view: PartyAnalysis;
  proposal: Proposal | undefined;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { code } = useParties();
  const proposalName = useProposalName();
  const { view: process } = useProcess();
  return (
    <Section title={t('analysis.ownTitle')}>
      <p className="section-intro">{t('analysis.ownIntro', { party: code(v.party) })}</p>
      <p>
        {t('analysis.yourReservation', { n: formats.number(round1(v.reservation)) })}{' '}
        <Link to={`/processes/${process.process.id}/preferences`}>{t('analysis.editRatings')}</Link>
      </p>
      {v.proposal && proposal && (
        <p className="proposal-utility">
          {t('analysis.proposalUtility', {
            proposal: proposalName(proposal),
            n: formats.number(round1(v.proposal.utility)),
          })}
        </p>
      )}
    </Section>
  );
}
