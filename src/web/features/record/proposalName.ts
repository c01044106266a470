/**
 * How a proposal is named for people, shared by the record (answers, the "responds to" choice) and
 * the analysis (the proposal to analyse), so both screens call a proposal the same.
 */
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { useProcess } from '../processes/ProcessContext.js';

/** A proposal named for people: "Round 3 · OPP · 12 Nov 2026, 14:05". */
export function useProposalName(): (p: Proposal) => string {
  const { t } = useTranslation();
  const { partyCode } = useProcess();
  const formats = useFormats();
  return (p) =>
    t('record.proposalName', {
      round: p.round,
      by: p.tabledByParty ? partyCode(p.tabledByParty) : t('text.mediatorsTag'),
      date: formats.dateTime(p.tabledAt),
    });
}
