/**
 * The versions I received, newest first, and what changed between two of them: a word-level diff
 * per provision (insertions and deletions marked), or a side-by-side comparison provision by
 * provision. The versions compared and the view live in the address (?from=&to=&view=).
 */
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { ProvisionStatus, TextDiff, VersionSummary } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Link, navigate, useLocation } from '../../router.js';
import {
  CheckboxField,
  DemoAwareText,
  ErrorAlert,
  Loading,
  PageTitle,
  Section,
  SelectField,
} from '../../ui/components.js';
import { useQuery } from '../../ui/hooks.js';
import { parseBody, type PartyDirectory } from '../../../core/text/plain-text.js';
import { CompartmentBadge } from '../compartments/labels.js';
import { useProcess } from '../processes/ProcessContext.js';
import { PartyChip, useParties } from './holders.js';
import { ProvisionBody, StatusMark } from './TextDocument.js';
import { TextTabs } from './TextTabs.js';

type WordOp = TextDiff['diff']['provisions'][number]['ops'][number];

/** The versions screen. */
export function VersionsPage() {
  const { t } = useTranslation();
  const { view } = useProcess();
  const versions = useQuery(() => api.text.versions(view.process.id), [view.process.id]);
  const list = [...(versions.data?.versions ?? [])].sort((a, b) => b.number - a.number);
  return (
    <div className="page page-wide">
      <header className="page-header">
        <p className="eyebrow">
          {view.process.codename} · {t('text.title')}
        </p>
        <PageTitle documentTitle={`${t('text.tabVersions')} · ${view.process.codename}`}>
          {t('text.tabVersions')}
        </PageTitle>
        <TextTabs />
      </header>
      <ErrorAlert error={versions.error} />
      {versions.loading && !versions.data ? (
        <Loading />
      ) : list.length === 0 ? (
        <p className="empty">{t('text.noVersionYet')}</p>
      ) : (
        <>
          <Compare versions={list} />
          <VersionList versions={list} />
        </>
      )}
    </div>
  );
}

function VersionList({ versions }: { versions: VersionSummary[] }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const base = `/processes/${view.process.id}/text/versions`;
  return (
    <Section title={t('text.historyTitle')}>
      <div className="table-wrap">
        <table className="table table-cards versions-table">
          <caption className="visually-hidden">{t('text.historyTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('text.versionColumn')}</th>
              <th scope="col">{t('text.published')}</th>
              <th scope="col">{t('text.distributedIn')}</th>
              <th scope="col">{t('text.note')}</th>
              <th scope="col">{t('text.signaturesTitle')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('text.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => {
              const previous = versions.find((x) => x.number < v.number);
              return (
                <tr key={v.id}>
                  <th scope="row" data-label={t('text.versionColumn')}>
                    <Link to={`${base}/${v.number}`}>
                      {t('text.versionTitle', { n: v.number })}
                    </Link>
                  </th>
                  <td data-label={t('text.published')} className="nowrap">
                    {formats.dateTime(v.publishedAt)}
                  </td>
                  <td data-label={t('text.distributedIn')}>
                    <CompartmentBadge compartmentId={v.compartmentId} />
                  </td>
                  <td data-label={t('text.note')}>
                    <DemoAwareText text={v.note} />
                    {v.changeList.length > 0 && (
                      <details className="change-list">
                        <summary>{t('text.changeList', { count: v.changeList.length })}</summary>
                        <ul>
                          {v.changeList.map((c, i) => (
                            <li key={i}>{c.replace(/^-\s*/, '')}</li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                  <td data-label={t('text.signaturesTitle')}>
                    {v.signatures.length === 0 ? (
                      <span className="muted">{t('text.nobodyYet')}</span>
                    ) : (
                      <span className="chip-row">
                        {v.signatures.map((s) => (
                          <PartyChip key={s.partyId} partyId={s.partyId} />
                        ))}
                      </span>
                    )}
                  </td>
                  <td className="cell-actions">
                    {previous && (
                      <Link
                        to={`${base}?from=${previous.number}&to=${v.number}`}
                        className="button button-quiet button-small"
                      >
                        {t('text.compareWithPrevious')}
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function Compare({ versions }: { versions: VersionSummary[] }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const { search } = useLocation();
  const numbers = versions.map((v) => v.number);
  const newest = numbers[0] ?? 1;
  const second = numbers[1] ?? newest;
  const read = (key: string, fallback: number) => {
    const n = Number(search.get(key));
    return numbers.includes(n) ? n : fallback;
  };
  const from = read('from', second);
  const to = read('to', newest);
  const mode = search.get('view') === 'side' ? 'side' : 'diff';
  const go = (next: { from?: number; to?: number; view?: string }) => {
    const q = new URLSearchParams({
      from: String(next.from ?? from),
      to: String(next.to ?? to),
      view: next.view ?? mode,
    });
    navigate(`/processes/${view.process.id}/text/versions?${q.toString()}`, { replace: true });
  };
  const diff = useQuery(
    () => (from === to ? Promise.resolve(null) : api.text.diff(view.process.id, from, to)),
    [view.process.id, from, to],
  );
  return (
    <Section title={t('text.compareTitle')}>
      <div className="compare-controls">
        <SelectField
          label={t('text.fromVersion')}
          value={from}
          onChange={(e) => go({ from: Number(e.target.value) })}
        >
          {numbers.map((n) => (
            <option key={n} value={n}>
              {t('text.versionTitle', { n })}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('text.toVersion')}
          value={to}
          onChange={(e) => go({ to: Number(e.target.value) })}
        >
          {numbers.map((n) => (
            <option key={n} value={n}>
              {t('text.versionTitle', { n })}
            </option>
          ))}
        </SelectField>
        <fieldset className="segmented">
          <legend>{t('text.compareView')}</legend>
          <label className={mode === 'diff' ? 'is-selected' : undefined}>
            <input
              type="radio"
              name="compare-view"
              checked={mode === 'diff'}
              onChange={() => go({ view: 'diff' })}
            />
            {t('text.viewDiff')}
          </label>
          <label className={mode === 'side' ? 'is-selected' : undefined}>
            <input
              type="radio"
              name="compare-view"
              checked={mode === 'side'}
              onChange={() => go({ view: 'side' })}
            />
            {t('text.viewSide')}
          </label>
        </fieldset>
      </div>
      <ErrorAlert error={diff.error} />
      {from === to ? (
        <p className="muted">{t('text.sameVersion')}</p>
      ) : diff.loading && !diff.data ? (
        <Loading />
      ) : diff.data ? (
        <div className={diff.loading ? 'is-reloading' : undefined}>
          {mode === 'diff' ? (
            <DiffView diff={diff.data} from={from} to={to} />
          ) : (
            <SideBySide diff={diff.data} from={from} to={to} />
          )}
        </div>
      ) : null}
    </Section>
  );
}

/** Wording in the bracket syntax, with each `{CODE}` attribution shown as the party's tag. */
function Attributed({ text }: { text: string }) {
  const { view } = useProcess();
  const { colourClass } = useParties();
  const parts: ReactNode[] = [];
  const re = /\{([A-Za-z?][A-Za-z0-9_-]*|\?)(?::([^}]*))?\}/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    const code = m[1] ?? '';
    const party = view.parties.find((p) => p.code.toLowerCase() === code.toLowerCase());
    const cls = party
      ? colourClass(party.id)
      : code.toLowerCase() === 'mediators'
        ? 'holder-mediators'
        : 'holder-unattributed';
    parts.push(
      <span key={m.index} className={`holder-tag inline-tag ${cls}`}>
        {code}
        {m[2] ? `: ${m[2].trim()}` : ''}
      </span>,
    );
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

/**
 * Wording in the bracket syntax, shown as the text shows it (brackets and alternatives coloured
 * by holder); the raw syntax if it cannot be read.
 */
function Formatted({ wording }: { wording: string }) {
  const { view } = useProcess();
  const directory = view.parties.map((p) => ({
    id: p.id,
    code: p.code,
  })) as unknown as PartyDirectory;
  try {
    const body = parseBody(wording, directory) as unknown as Parameters<
      typeof ProvisionBody
    >[0]['body'];
    return (
      <p className="diff-formatted">
        <ProvisionBody body={body} />
      </p>
    );
  } catch {
    return (
      <p className="diff-ops">
        <Attributed text={wording} />
      </p>
    );
  }
}

/** Word operations as reading text: insertions and deletions marked (and named for screen readers). */
function Ops({ ops }: { ops: WordOp[] }) {
  const { t } = useTranslation();
  return (
    <p className="diff-ops">
      {ops.map((op, i) => {
        if (op.op === 'equal') return <Attributed key={i} text={op.text} />;
        if (op.op === 'insert')
          return (
            <ins key={i} title={t('text.inserted')}>
              <Attributed text={op.text} />
            </ins>
          );
        return (
          <del key={i} title={t('text.deleted')}>
            <Attributed text={op.text} />
          </del>
        );
      })}
    </p>
  );
}

function StatusChange({ from, to }: { from: ProvisionStatus; to: ProvisionStatus }) {
  return (
    <span className="status-change">
      <StatusMark status={from} />
      <span aria-hidden="true">→</span>
      <StatusMark status={to} />
    </span>
  );
}

function DiffView({ diff: data, from, to }: { diff: TextDiff; from: number; to: number }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const [showAll, setShowAll] = useState(false);
  const d = data.diff;
  const changed = d.provisions.filter((p) => p.change !== 'unchanged');
  const shown = showAll ? d.provisions : changed;
  const chapters = d.chapters.filter((c) => c.change !== 'unchanged');
  const summary = (['changed', 'added', 'removed', 'unchanged'] as const).map((k) => ({
    k,
    n: d.summary[k] ?? 0,
  }));
  return (
    <div className="diff">
      <p className="diff-summary">
        <span className="strong">{t('text.diffBetween', { from, to })}</span>{' '}
        {summary
          .filter((s) => s.n > 0)
          .map((s) => (
            <span key={s.k} className={`count-pill count-${s.k}`}>
              {t(`text.diffCount.${s.k}`, { n: formats.number(s.n) })}
            </span>
          ))}
      </p>
      <p className="diff-key small muted">
        {t('text.diffKey')} <ins>{t('text.inserted')}</ins> <del>{t('text.deleted')}</del>
      </p>
      {d.title && (
        <p>
          {t('text.titleChanged')}: <del>{d.title.from}</del> <ins>{d.title.to}</ins>
        </p>
      )}
      {chapters.length > 0 && (
        <ul className="chapter-changes">
          {chapters.map((c) => (
            <li key={c.key}>
              {t(`text.chapterChange.${c.change as 'added' | 'removed' | 'retitled'}`, {
                n: c.to?.number ?? c.from?.number ?? '?',
                title: c.to?.title ?? c.from?.title ?? '',
              })}
            </li>
          ))}
        </ul>
      )}
      {d.identical && <p className="empty">{t('text.identical')}</p>}
      <ol className="diff-list">
        {shown.map((p) => {
          const number = p.to?.number ?? p.from?.number ?? '?';
          return (
            <li key={p.key} className={`diff-item diff-${p.change}`}>
              <div className="diff-head">
                <span className="provision-number">
                  {p.from && p.to && p.from.number !== p.to.number
                    ? `${p.from.number} → ${p.to.number}`
                    : number}
                </span>
                <span className={`badge change-badge change-${p.change}`}>
                  {t(`text.change.${p.change}`)}
                </span>
                {p.statusChanged && p.from && p.to && (
                  <StatusChange from={p.from.status} to={p.to.status} />
                )}
                {!p.statusChanged && (p.to ?? p.from) && (
                  <StatusMark status={(p.to ?? p.from)!.status} />
                )}
                {p.moved && <span className="muted small">{t('text.moved')}</span>}
              </div>
              {p.ops.length > 0 && p.change === 'changed' ? (
                <>
                  <Ops ops={p.ops} />
                  {p.to && (
                    <div className="now-reads">
                      <span className="now-reads-label">{t('text.nowReads')}</span>
                      <Formatted wording={p.to.wording} />
                    </div>
                  )}
                </>
              ) : p.ops.length > 0 ? (
                <Ops ops={p.ops} />
              ) : (
                <Formatted wording={p.to?.wording ?? p.from?.wording ?? ''} />
              )}
            </li>
          );
        })}
      </ol>
      {changed.length !== d.provisions.length && (
        <CheckboxField
          label={t('text.showUnchanged')}
          checked={showAll}
          onChange={(e) => setShowAll(e.target.checked)}
        />
      )}
    </div>
  );
}

function SideBySide({ diff: data, from, to }: { diff: TextDiff; from: number; to: number }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const [onlyDiffering, setOnlyDiffering] = useState(true);
  const c = data.comparison;
  const rows = onlyDiffering ? c.rows.filter((r) => r.relation !== 'same') : c.rows;
  return (
    <div className="side-by-side">
      <p className="diff-summary">
        {(['wording_differs', 'status_differs', 'only_in_a', 'only_in_b', 'same'] as const)
          .filter((k) => (c.summary[k] ?? 0) > 0)
          .map((k) => (
            <span key={k} className={`count-pill count-${k}`}>
              {t(`text.relationCount.${k}`, { n: formats.number(c.summary[k] ?? 0), from, to })}
            </span>
          ))}
      </p>
      <CheckboxField
        label={t('text.onlyDiffering')}
        checked={onlyDiffering}
        onChange={(e) => setOnlyDiffering(e.target.checked)}
      />
      <div className="table-wrap">
        <table className="table compare-table">
          <caption className="visually-hidden">{t('text.compareCaption', { from, to })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('text.provisionColumn')}</th>
              <th scope="col">{t('text.versionTitle', { n: from })}</th>
              <th scope="col">{t('text.versionTitle', { n: to })}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Fragment key={r.key}>
                <tr className={`relation-${r.relation}`}>
                  <th scope="row">
                    <span className="provision-number">{r.b?.number ?? r.a?.number ?? '?'}</span>
                    <span className={`badge change-badge relation-badge-${r.relation}`}>
                      {t(`text.relation.${r.relation}`)}
                    </span>
                  </th>
                  <td>
                    {r.a ? (
                      <>
                        <StatusMark status={r.a.status} />
                        <Formatted wording={r.a.wording} />
                      </>
                    ) : (
                      <span className="muted">{t('text.notInVersion', { n: from })}</span>
                    )}
                  </td>
                  <td>
                    {r.b ? (
                      <>
                        <StatusMark status={r.b.status} />
                        <Formatted wording={r.b.wording} />
                      </>
                    ) : (
                      <span className="muted">{t('text.notInVersion', { n: to })}</span>
                    )}
                  </td>
                </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p className="empty">{t('text.identical')}</p>}
    </div>
  );
}
