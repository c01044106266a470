/**
 * The audit log of a process, newest first, for those allowed to see it. Entries about
 * compartments I cannot read are left out by the API. Older entries load page by page.
 */
import { useState, type FormEvent } from 'react';
import { auditKinds, readKinds, type AuditKind } from '../../../core/audit/catalogue.js';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import {
  partyStatuses,
  processStatuses,
  roles,
  type AuditEntry,
  type AuditList,
  type AuditQuery,
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
  const [filter, setFilter] = useState<Filter>({});
  const first = useQuery(
    () => api.audit.list(view.process.id, { limit: pageSize, ...filter }),
    [view.process.id, JSON.stringify(filter)],
  );
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [olderSubjects, setOlderSubjects] = useState<AuditList['subjects']>({});
  const [exhausted, setExhausted] = useState(false);
  const [grouped, setGrouped] = useState(true);
  const more = useAction();
  const entries = [...(first.data?.entries ?? []), ...older];
  const subjects = { ...olderSubjects, ...(first.data?.subjects ?? {}) };
  const apply = (f: Filter) => {
    setOlder([]);
    setOlderSubjects({});
    setExhausted(false);
    setFilter(f);
  };
  const loadOlder = () =>
    void more.run(async () => {
      // Newest first: the last entry shown is the oldest. Entries are numbered in their audit scope
      // (never in the server's whole log), so a page starts before a (scope, number) pair.
      const oldest = entries[entries.length - 1];
      if (!oldest) return;
      const page = await api.audit.list(view.process.id, {
        limit: pageSize,
        ...filter,
        beforeScope: oldest.scope,
        beforeSeq: oldest.seq,
      });
      setOlder((o) => [...o, ...page.entries]);
      setOlderSubjects((o) => ({ ...o, ...page.subjects }));
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
      <FilterForm current={filter} onApply={apply} />
      <ErrorAlert error={first.error} />
      {first.loading && !first.data ? (
        <Loading />
      ) : (
        <Section
          title={t('audit.entries')}
          actions={
            <div className="audit-actions">
              <label className="checkbox-row">
                <input
                  type="checkbox"
                  checked={grouped}
                  onChange={(e) => setGrouped(e.target.checked)}
                />
                {t('auditTool.grouped')}
              </label>
              <CsvButton entries={entries} subjects={subjects} />
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
            </div>
          }
        >
          {entries.length === 0 ? (
            <p className="empty">{t('audit.empty')}</p>
          ) : (
            <AuditTable entries={entries} subjects={subjects} grouped={grouped} />
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

function AuditTable({
  entries,
  subjects,
  grouped,
}: {
  entries: AuditEntry[];
  subjects: AuditList['subjects'];
  grouped: boolean;
}) {
  const { t } = useTranslation();
  const { compartment } = useProcess();
  const formats = useFormats();
  const name = useCompartmentName();
  const details = useDetails(subjects);
  const actor = useActorName();
  const kindName = useKindName();
  const rows = grouped
    ? groupReads(entries)
    : entries.map((e) => ({ entry: e, count: 1, last: e }));
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
          {rows.map(({ entry: e, count, last }) => {
            const c = compartment(e.compartmentId);
            return (
              <tr key={`${e.scope} ${e.seq}`}>
                <td className="num" data-label={t('audit.seq')}>
                  {count > 1
                    ? t('auditTool.between', {
                        from: formats.number(last.seq),
                        to: formats.number(e.seq),
                      })
                    : formats.number(e.seq)}
                </td>
                <td className="audit-when" data-label={t('audit.at')}>
                  {count > 1
                    ? t('auditTool.between', {
                        from: formats.dateTime(last.at),
                        to: formats.dateTime(e.at),
                      })
                    : formats.dateTime(e.at)}
                </td>
                <td data-label={t('audit.who')}>{actor(e)}</td>
                <td data-label={t('audit.what')}>
                  <span className="audit-kind">
                    {count > 1
                      ? t('auditTool.times', { count, name: actor(e), what: kindName(e.kind) })
                      : kindName(e.kind)}
                  </span>
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
function useDetails(subjects: AuditList['subjects']): (e: AuditEntry) => Array<[string, string]> {
  const { t } = useTranslation();
  const dyn = useDynamicT();
  const { view, memberName, compartment } = useProcess();
  const name = useCompartmentName();
  const roleName = useRoleName();
  const party = (id: string) => view.parties.find((p) => p.id === id)?.code;
  const show = (key: string, value: unknown): string => {
    if (typeof value === 'boolean') return value ? t('auditTool.yes') : t('auditTool.no');
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) return value.map((v) => show(key, v)).join(', ');
    if (typeof value !== 'string') return JSON.stringify(value);
    if (key === 'userId' || key.endsWith('By')) return memberName(value);
    const subject = subjects[value];
    if (subject)
      return subject.kind === 'round'
        ? `${t('auditTool.round', { n: subject.number ?? 0 })} · ${subject.name}`
        : subject.kind === 'proposal'
          ? t('auditTool.round', { n: subject.number ?? 0 })
          : subject.name || t('auditTool.hiddenItem');
    if (/Id$/.test(key) && uuid.test(value) && !compartment(value) && !party(value))
      return t('auditTool.hiddenItem');
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

/** The filters of the log (the query's own fields). */
type Filter = Pick<AuditQuery, 'userId' | 'kind' | 'compartmentId' | 'from' | 'to'>;

/** Who did it: the API names members; an entry without a name is the system's or a former member's. */
function useActorName(): (e: AuditEntry) => string {
  const { t } = useTranslation();
  return (e) => e.actorName ?? (e.actorUserId ? t('common.formerMember') : t('common.system'));
}

/** The translated name of a kind of entry. */
function useKindName(): (kind: string) => string {
  const dyn = useDynamicT();
  return (kind) => dyn(`auditKind.${kind.replace('.', '_')}`, kind);
}

/** A row of the table: an entry, or the newest of a run of the same read (with the oldest). */
interface Row {
  entry: AuditEntry;
  count: number;
  last: AuditEntry;
}

/**
 * Ordinary reading grouped: a run of entries (newest first) by the same person, of the same read
 * kind, about the same compartment and thing, on the same day, becomes one row with its count.
 */
export function groupReads(entries: readonly AuditEntry[]): Row[] {
  const rows: Row[] = [];
  const key = (e: AuditEntry) =>
    JSON.stringify([e.actorUserId, e.kind, e.compartmentId, e.data, e.at.slice(0, 10)]);
  for (const e of entries) {
    const row = rows[rows.length - 1];
    if (row && readKinds.has(e.kind as AuditKind) && key(row.entry) === key(e)) {
      row.count += 1;
      row.last = e;
    } else rows.push({ entry: e, count: 1, last: e });
  }
  return rows;
}

function FilterForm({ current, onApply }: { current: Filter; onApply: (f: Filter) => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const kindName = useKindName();
  const name = useCompartmentName();
  const [draft, setDraft] = useState<Filter>(current);
  const set = (k: keyof Filter, v: string) =>
    setDraft((d) => ({ ...d, [k]: v === '' ? undefined : v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const kinds = [...auditKinds].sort((a, b) => kindName(a).localeCompare(kindName(b)));
  return (
    <form className="audit-filters" onSubmit={submit} aria-label={t('auditTool.filters')}>
      <label>
        <span>{t('auditTool.person')}</span>
        <select
          className="input"
          value={draft.userId ?? ''}
          onChange={(e) => set('userId', e.target.value)}
        >
          <option value="">{t('auditTool.anyone')}</option>
          {view.members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.displayName}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('auditTool.kind')}</span>
        <select
          className="input"
          value={draft.kind ?? ''}
          onChange={(e) => set('kind', e.target.value)}
        >
          <option value="">{t('auditTool.anyKind')}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {kindName(k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('auditTool.compartment')}</span>
        <select
          className="input"
          value={draft.compartmentId ?? ''}
          onChange={(e) => set('compartmentId', e.target.value)}
        >
          <option value="">{t('auditTool.anyCompartment')}</option>
          {view.compartments.map((c) => (
            <option key={c.id} value={c.id}>
              {name(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('auditTool.from')}</span>
        <input
          className="input"
          type="date"
          value={draft.from ?? ''}
          onChange={(e) => set('from', e.target.value)}
        />
      </label>
      <label>
        <span>{t('auditTool.to')}</span>
        <input
          className="input"
          type="date"
          value={draft.to ?? ''}
          onChange={(e) => set('to', e.target.value)}
        />
      </label>
      <div className="form-actions">
        <Button type="submit">{t('auditTool.apply')}</Button>
        <Button
          variant="secondary"
          onClick={() => {
            setDraft({});
            onApply({});
          }}
        >
          {t('auditTool.clear')}
        </Button>
      </div>
    </form>
  );
}

/** A CSV cell: quoted, and never read as a formula by a spreadsheet. */
function cell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Downloads the entries shown (the filtered view, every entry) as CSV, in the interface language. */
function CsvButton({
  entries,
  subjects,
}: {
  entries: AuditEntry[];
  subjects: AuditList['subjects'];
}) {
  const { t } = useTranslation();
  const { compartment } = useProcess();
  const name = useCompartmentName();
  const details = useDetails(subjects);
  const actor = useActorName();
  const kindName = useKindName();
  const download = () => {
    const head = [
      t('audit.seq'),
      t('audit.at'),
      t('audit.who'),
      t('audit.what'),
      t('audit.where'),
      t('audit.details'),
      t('audit.hash'),
    ];
    const lines = entries.map((e) => {
      const c = compartment(e.compartmentId);
      return [
        String(e.seq),
        e.at,
        actor(e),
        kindName(e.kind),
        c ? name(c) : '',
        details(e)
          .map(([k, v]) => `${k}: ${v}`)
          .join('; '),
        e.hash,
      ];
    });
    const csv = [head, ...lines].map((l) => l.map(cell).join(',')).join('\r\n');
    const url = URL.createObjectURL(
      new Blob([`\ufeff${csv}\r\n`], { type: 'text/csv;charset=utf-8' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = 'audit.csv';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Button
      variant="secondary"
      className="button-small"
      onClick={download}
      disabled={entries.length === 0}
    >
      {t('auditTool.exportCsv')}
    </Button>
  );
}
