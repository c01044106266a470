/**
 * Who an outward action reaches, in words: read from the server's count of a compartment's
 * readers (`GET …/compartments/:id/audience`), never guessed by the client.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ErrorAlert, Loading } from '../../ui/components.js';
import { useQuery } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';

/** "Goes to the GOV and OPP delegations and the mediator team — 7 people", and what goes with it. */
export function AudienceSummary({
  compartmentId,
  what,
  children,
  publicLine,
}: {
  /** The compartment the action puts the material into. */
  compartmentId: string;
  /** What goes out, e.g. "Version 4 of the text". */
  what: string;
  /** Further lines (notes included, whether it can be undone). */
  children?: ReactNode;
  /** For a public audience: when it becomes public, instead of "public now, cannot be undone". */
  publicLine?: string | undefined;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const audience = useQuery(
    () => api.processes.audience(view.process.id, compartmentId),
    [view.process.id, compartmentId],
  );
  if (audience.error) return <ErrorAlert error={audience.error} />;
  const a = audience.data;
  if (!a) return <Loading label={t('outward.counting')} />;
  const codes = a.parties.map((x) => view.parties.find((p) => p.id === x.partyId)?.code ?? '?');
  const groups: string[] = [];
  if (codes.length > 0)
    groups.push(
      t('outward.delegations', {
        count: codes.length,
        parties: new Intl.ListFormat(t('outward.listLocale'), { type: 'conjunction' }).format(
          codes,
        ),
      }),
    );
  if (a.mediatorTeam > 0) groups.push(t('outward.mediatorTeam'));
  if (a.others > 0) groups.push(t('outward.others', { count: a.others }));
  const who = new Intl.ListFormat(t('outward.listLocale'), { type: 'conjunction' }).format(groups);
  return (
    <div className="audience" data-testid="audience">
      <p className="audience-what">{what}</p>
      {a.kind === 'public' ? (
        <p className="audience-who">
          <strong>{publicLine ?? t('outward.public')}</strong>
        </p>
      ) : (
        <p className="audience-who">
          <strong>{t('outward.goesTo', { who, count: a.people })}</strong>
        </p>
      )}
      {children}
    </div>
  );
}
