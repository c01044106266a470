/**
 * Who proposed what, when: a table of the agenda's issues by round, each cell the options tabled
 * (by whom, in which compartment), linking to the proposal below.
 */
import { useTranslation } from 'react-i18next';
import type { NegotiationRecord } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Section, VisuallyHidden } from '../../ui/components.js';
import { useCompartmentName } from '../compartments/labels.js';
import { useProcess } from '../processes/ProcessContext.js';
import { PartyChip } from '../text/holders.js';

/** Who proposed what, when: issues down, rounds across. */
export function TimelineSection({ record }: { record: NegotiationRecord }) {
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
