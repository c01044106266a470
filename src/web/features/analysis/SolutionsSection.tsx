/**
 * The fair and efficient packages for the mediator team: the Nash, Kalai–Smorodinsky, egalitarian
 * and max-welfare solutions, each explained, in words, with its utilities and gains — or saying it
 * is the same package as an earlier one, or that none was found.
 */
import { useTranslation } from 'react-i18next';
import type { AgendaIssue, MediatorAnalysis, SolutionKind } from '../../api/types.js';
import { Section } from '../../ui/components.js';
import { PackageView } from '../record/packages.js';
import { Utilities } from './labels.js';

const solutionKinds: SolutionKind[] = ['nash', 'kalai-smorodinsky', 'egalitarian', 'max-welfare'];

/** The fair and efficient packages, one per solution concept, each in words with its utilities. */
export function SolutionsSection({
  view: v,
  issues,
}: {
  view: MediatorAnalysis;
  issues: AgendaIssue[];
}) {
  const { t } = useTranslation();
  const name = (k: SolutionKind) => t(`analysis.solution.${k}`);
  // A solution that is the same package as an earlier one says so instead of repeating it.
  const samePackage = (a: Record<string, string> | null, b: Record<string, string> | null) =>
    !!a &&
    !!b &&
    Object.keys(a).length === Object.keys(b).length &&
    Object.entries(a).every(([issue, option]) => b[issue] === option);
  const twinOf = (k: SolutionKind): SolutionKind | undefined => {
    const mine = v.solutions.find((x) => x.kind === k);
    return solutionKinds.slice(0, solutionKinds.indexOf(k)).find((other) => {
      const o = v.solutions.find((x) => x.kind === other);
      return o?.found && mine?.found && samePackage(o.package, mine.package);
    });
  };
  return (
    <Section title={t('analysis.solutionsTitle')}>
      <p className="section-intro">{t('analysis.solutionsIntro')}</p>
      <ul className="solution-list">
        {solutionKinds.map((k) => {
          const s = v.solutions.find((x) => x.kind === k);
          return (
            <li key={k} className="solution-card">
              <h3 className="solution-title">
                <span className={`solution-mark mark-${k}`} aria-hidden="true" />
                {name(k)}
              </h3>
              <p className="muted small">{t(`analysis.solutionHelp.${k}`)}</p>
              {s?.found && s.package && twinOf(k) ? (
                <p className="small">
                  {t('analysis.samePackageAs', { other: name(twinOf(k) as SolutionKind) })}
                </p>
              ) : s?.found && s.package ? (
                <>
                  <PackageView issues={issues} pkg={s.package} />
                  <Utilities
                    utilities={s.utilities}
                    gains={s.gains}
                    gainLabel={t('analysis.overReservation')}
                  />
                  {s.individuallyRational === false && (
                    <p className="warning-text small">{t('analysis.belowReservation')}</p>
                  )}
                </>
              ) : (
                <p className="muted">{t('analysis.noSolution')}</p>
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
