/**
 * The audit log of a process, newest first, for those allowed to see it. Entries about
 * compartments I cannot read are left out by the API. Older entries load page by page.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import {
  partyStatuses,
  processStatuses,
  roles,
  type AuditEntry,
  type PartyStatus,
  type ProcessStatus,
  type Role,
} from '../../api/types.js';
import { useDynamicT, useFormats } from '../../i18n/index.js';
import { Button, ErrorAlert, Loading, PageTitle, Section } from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { useCompartmentName } from '../compartments/labels.js';
import { useProcess } from '../processes/ProcessContext.js';
import { useRoleName } from '../processes/labels.js';

const pageSize = 100;

/** The audit screen. */
export function AuditPage() {
  const { t } = useTranslation();
  const { view } = useProcess();
  const first = useQuery(
    () => api.audit.list(view.process.id, { limit: pageSize }),
    [view.process.id],
  );
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [exhausted, setExhausted] = useState(false);
  const more = useAction();
  const entries = [...(first.data?.entries ?? []), ...older];
  const loadOlder = () =>
    void more.run(async () => {
      // Newest first: the last entry shown is the oldest. Entries are numbered in their audit scope
      // (never in the server's whole log), so a page starts before a (scope, number) pair.
      const oldest = entries[entries.length - 1];
      if (!oldest) return;
      const page = await api.audit.list(view.process.id, {
        limit: pageSize,
        beforeScope: oldest.scope,
        beforeSeq: oldest.seq,
      });
      setOlder((o) => [...o, ...page.entries]);
      if (page.entries.length < pageSize) setExhausted(true);
    });
  const canLoadMore =
    !exhausted && (first.data?.entries.length ?? 0) >= pageSize && entries.length > 0;
  return (
    <div className="page page-wide">
      <header className="page-header">
        <p className="eyebrow">{view.process.codename}</p>
        <PageTitle documentTitle={`${t('audit.title')} · ${view.process.codename}`}>
          {t('audit.title')}
        </PageTitle>
        <p className="lead">{t('audit.intro')}</p>
      </header>
      <ErrorAlert error={first.error} />
      {first.loading && !first.data ? (
        <Loading />
      ) : (
        <Section
          title={t('audit.entries')}
          actions={
            <Button
              variant="secondary"
              className="button-small"
              onClick={() => {
                setOlder([]);
                setExhausted(false);
                first.reload();
              }}
              pending={first.loading}
            >
              {t('audit.refresh')}
            </Button>
          }
        >
          {entries.length === 0 ? (
            <p className="empty">{t('audit.empty')}</p>
          ) : (
            <AuditTable entries={entries} />
          )}
          <ErrorAlert error={more.error} />
          {canLoadMore ? (
            <div className="form-actions">
              <Button variant="secondary" onClick={loadOlder} pending={more.pending}>
                {t('audit.older')}
              </Button>
            </div>
          ) : (
            entries.length > 0 && <p className="muted small">{t('audit.start')}</p>
          )}
        </Section>
      )}
    </div>
  );
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const dyn = useDynamicT();
  const { compartment } = useProcess();
  const formats = useFormats();
  const name = useCompartmentName();
  const details = useDetails();
  // The API names the actor; an entry without a name is the system's or a former member's.
  const actor = (e: AuditEntry) =>
    e.actorName ?? (e.actorUserId ? t('common.formerMember') : t('common.system'));
  const kindName = (kind: string) => dyn(`auditKind.${kind.replace('.', '_')}`, kind);
  return (
    <div className="table-wrap">
      <table className="table table-audit table-cards">
        <caption className="visually-hidden">{t('audit.title')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('audit.seq')}
            </th>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.what')}</th>
            <th scope="col">{t('audit.where')}</th>
            <th scope="col">{t('audit.details')}</th>
            <th scope="col">{t('audit.hash')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const c = compartment(e.compartmentId);
            return (
              <tr key={`${e.scope} ${e.seq}`}>
                <td className="num" data-label={t('audit.seq')}>
                  {formats.number(e.seq)}
                </td>
                <td className="audit-when" data-label={t('audit.at')}>
                  {formats.dateTime(e.at)}
                </td>
                <td data-label={t('audit.who')}>{actor(e)}</td>
                <td data-label={t('audit.what')}>
                  <span className="audit-kind">{kindName(e.kind)}</span>
                  <code className="audit-code">{e.kind}</code>
                </td>
                <td data-label={t('audit.where')}>
                  {c ? (
                    <span className={`badge badge-compartment kind-${c.kind}`}>
                      <span className="kind-icon" aria-hidden="true" />
                      {name(c)}
                    </span>
                  ) : (
                    <span className="muted">{t('common.none')}</span>
                  )}
                </td>
                <td className="audit-details" data-label={t('audit.details')}>
                  <dl className="audit-data">
                    {details(e).map(([k, v]) => (
                      <div key={k}>
                        <dt>{k}</dt>
                        <dd>{v}</dd>
                      </div>
                    ))}
                  </dl>
                </td>
                <td data-label={t('audit.hash')}>
                  <code className="hash" title={e.hash}>
                    {e.hash.slice(0, 10)}…
                  </code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An entry's data as (label, value) pairs: ids become names where the process knows them. */
function useDetails(): (e: AuditEntry) => Array<[string, string]> {
  const { t } = useTranslation();
  const dyn = useDynamicT();
  const { view, memberName, compartment } = useProcess();
  const name = useCompartmentName();
  const roleName = useRoleName();
  const party = (id: string) => view.parties.find((p) => p.id === id)?.code;
  const show = (key: string, value: unknown): string => {
    if (typeof value !== 'string') return JSON.stringify(value);
    if (key === 'userId') return memberName(value);
    if (key === 'role' && (roles as readonly string[]).includes(value))
      return roleName(value as Role);
    if ((processStatuses as readonly string[]).includes(value))
      return t(`processStatus.${value as ProcessStatus}`);
    if ((partyStatuses as readonly string[]).includes(value))
      return t(`partyStatus.${value as PartyStatus}`);
    if (uuid.test(value)) {
      const c = compartment(value);
      if (c) return name(c);
      if (key === 'from' || key === 'to' || key === 'compartmentId')
        return t('audit.hiddenCompartment');
      return party(value) ?? `${value.slice(0, 8)}…`;
    }
    return value;
  };
  return (e) =>
    Object.entries(e.data)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => [dyn(`auditField.${k}`, k), show(k, v)]);
}
