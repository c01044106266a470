/**
 * My party's private ratings: 100 points of importance split across the issues (with the running
 * total), a score from 0 to 100 for every option, and a reservation level — or the easier way in:
 * put the issues in order and rank each issue's options, see the numbers that follow, confirm.
 * The head of delegation shares the ratings with the mediator team or takes them back.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { preferencesFromRankings } from '../../../core/analysis/elicitation.js';
import type { PartyPreferences } from '../../../core/analysis/domain.js';
import { api, isApiError } from '../../api/client.js';
import type { AgendaIssue, Preferences } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Link } from '../../router.js';
import {
  Button,
  CheckboxField,
  ErrorAlert,
  Loading,
  Notice,
  PageTitle,
  Section,
  TextField,
} from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { CompartmentBadge } from '../compartments/labels.js';
import { useProcess } from '../processes/ProcessContext.js';

type Mode = 'numbers' | 'ranking';

/** The preferences screen. */
export function PreferencesPage() {
  const { t } = useTranslation();
  const { view } = useProcess();
  const data = useQuery(async () => {
    const [prefs, record] = await Promise.all([
      api.preferences.get(view.process.id),
      api.record.get(view.process.id),
    ]);
    return { prefs: prefs.preferences, issues: record.issues.filter((i) => i.options.length > 0) };
  }, [view.process.id]);
  return (
    <div className="page page-wide">
      <header className="page-header">
        <p className="eyebrow">{view.process.codename}</p>
        <PageTitle documentTitle={`${t('preferences.title')} · ${view.process.codename}`}>
          {t('preferences.title')}
        </PageTitle>
        <p className="lead">{t('preferences.intro')}</p>
      </header>
      <ErrorAlert error={data.error} />
      {data.loading && !data.data ? (
        <Loading />
      ) : data.data ? (
        data.data.issues.length === 0 ? (
          <p className="empty">{t('preferences.noAgenda')}</p>
        ) : (
          <Ratings
            saved={data.data.prefs}
            issues={data.data.issues}
            onSaved={(p) => data.setData({ ...data.data!, prefs: p })}
            reload={data.reload}
          />
        )
      ) : null}
    </div>
  );
}

function Ratings({
  saved,
  issues,
  onSaved,
  reload,
}: {
  saved: Preferences | null;
  issues: AgendaIssue[];
  onSaved: (p: Preferences) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { view } = useProcess();
  const [mode, setMode] = useState<Mode>(saved ? 'numbers' : 'ranking');
  const [justSaved, setJustSaved] = useState<Preferences['method'] | null>(null);
  const caucus = view.compartments.find(
    (c) => c.kind === 'caucus' && c.partyId === view.me.partyId,
  );
  const channel = view.compartments.find(
    (c) => c.kind === 'bilateral' && c.partyId === view.me.partyId,
  );
  const where = saved?.shared ? channel : caucus;
  const done = (p: Preferences) => {
    setJustSaved(p.method);
    setMode('numbers');
    onSaved(p);
  };
  return (
    <>
      <div className="prefs-status">
        <div className="chip-row">
          {where && <CompartmentBadge compartmentId={where.id} large />}
          <span>
            {saved
              ? t('preferences.savedMeta', {
                  date: formats.dateTime(saved.updatedAt),
                  method: t(`preferences.method.${saved.method}`),
                  revision: formats.number(saved.revision),
                })
              : t('preferences.notYet')}
          </span>
        </div>
        <p className="muted small">
          {saved?.shared ? t('preferences.sharedHelp') : t('preferences.privateHelp')}
        </p>
        <ShareToggle saved={saved} onChanged={reload} />
      </div>
      {justSaved && (
        <Notice>
          {justSaved === 'ranking'
            ? t('preferences.savedFromRanking')
            : t('preferences.savedNumbers')}{' '}
          <Link to={`/processes/${view.process.id}/analysis`}>{t('preferences.toAnalysis')}</Link>
        </Notice>
      )}
      <fieldset className="segmented mode-switch">
        <legend>{t('preferences.howLabel')}</legend>
        {(['ranking', 'numbers'] as const).map((m) => (
          <label key={m} className={mode === m ? 'is-selected' : undefined}>
            <input
              type="radio"
              name="prefs-mode"
              checked={mode === m}
              onChange={() => setMode(m)}
            />
            {t(`preferences.mode.${m}`)}
          </label>
        ))}
      </fieldset>
      {/* Each save starts the forms afresh from what was saved. */}
      {mode === 'ranking' ? (
        <RankingForm key={revisionOf(saved)} saved={saved} issues={issues} onSaved={done} />
      ) : (
        <NumbersForm key={revisionOf(saved)} saved={saved} issues={issues} onSaved={done} />
      )}
    </>
  );
}

function ShareToggle({ saved, onChanged }: { saved: Preferences | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const action = useAction();
  if (view.me.role !== 'head_of_delegation')
    return (
      <p className="small">
        {saved?.shared ? t('preferences.sharedByHead') : t('preferences.headShares')}
      </p>
    );
  return (
    <div>
      <CheckboxField
        label={t('preferences.share')}
        hint={saved ? t('preferences.shareHint') : t('preferences.shareFirst')}
        checked={saved?.shared ?? false}
        disabled={!saved || action.pending}
        onChange={(e) => {
          const shared = e.target.checked;
          void action.run(async () => {
            await api.preferences.share(view.process.id, shared);
            onChanged();
          });
        }}
      />
      <ErrorAlert error={action.error} />
    </div>
  );
}

/**
 * Weights as points with one decimal that add up to exactly 100 (largest remainders get the last
 * tenths), so that weights from a ranking (45.67 …) show as 45.7 … and still total 100.
 */
function tenthsSummingTo100(entries: Array<[string, number]>): Record<string, number> {
  const sum = entries.reduce((s, [, w]) => s + Math.max(0, w), 0) || 1;
  const scaled = entries.map(([id, w]) => ({ id, tenths: (Math.max(0, w) / sum) * 1000 }));
  const floors = scaled.map((x) => ({ ...x, floor: Math.floor(x.tenths) }));
  let missing = 1000 - floors.reduce((s, x) => s + x.floor, 0);
  const byRemainder = [...floors].sort((a, b) => b.tenths - b.floor - (a.tenths - a.floor));
  const extra = new Set<string>();
  for (const x of byRemainder) {
    if (missing <= 0) break;
    extra.add(x.id);
    missing -= 1;
  }
  return Object.fromEntries(floors.map((x) => [x.id, (x.floor + (extra.has(x.id) ? 1 : 0)) / 10]));
}

/** The saved ratings' revision (0 before the first save), for the next save. */
const revisionOf = (p: Preferences | null) => p?.revision ?? 0;

function StaleOrError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error, 'STALE_REVISION'))
    return <Notice tone="warning">{t('preferences.stale')}</Notice>;
  return <ErrorAlert error={error} />;
}

function NumbersForm({
  saved,
  issues,
  onSaved,
}: {
  saved: Preferences | null;
  issues: AgendaIssue[];
  onSaved: (p: Preferences) => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const round1 = (n: number) => Math.round(n * 10) / 10;
  const [weights, setWeights] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      Object.entries(tenthsSummingTo100(issues.map((i) => [i.id, saved?.weights[i.id] ?? 1]))).map(
        ([id, w]) => [id, String(w)],
      ),
    ),
  );
  const [scores, setScores] = useState<Record<string, Record<string, number>>>(() =>
    Object.fromEntries(
      issues.map((i) => [
        i.id,
        Object.fromEntries(i.options.map((o) => [o.id, round1(saved?.scores[i.id]?.[o.id] ?? 50)])),
      ]),
    ),
  );
  const [reservation, setReservation] = useState(round1(saved?.reservation ?? 30));
  const action = useAction();
  const total = issues.reduce((s, i) => s + (Number(weights[i.id]) || 0), 0);
  const balanced = Math.abs(total - 100) < 0.05;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const r = await api.preferences.save(view.process.id, {
        baseRevision: revisionOf(saved),
        entry: {
          kind: 'numbers',
          weights: Object.fromEntries(issues.map((i) => [i.id, Number(weights[i.id]) || 0])),
          scores,
          reservation,
        },
      });
      if (r.preferences) onSaved(r.preferences);
    });
  };
  return (
    <form className="prefs-form" onSubmit={submit}>
      <Section title={t('preferences.weightsTitle')}>
        <p className="section-intro">{t('preferences.weightsIntro')}</p>
        <div className="weights-grid">
          {issues.map((i) => (
            <TextField
              key={i.id}
              label={i.title}
              type="number"
              min={0}
              max={100}
              step="any"
              inputMode="decimal"
              className="input-number"
              wrapperClassName="weight-field"
              value={weights[i.id] ?? ''}
              onChange={(e) => setWeights({ ...weights, [i.id]: e.target.value })}
            />
          ))}
        </div>
        <p className={`running-total ${balanced ? 'is-balanced' : 'is-off'}`} role="status">
          {t('preferences.total', { total: formats.number(round1(total)) })}{' '}
          {!balanced &&
            (total < 100
              ? t('preferences.toGo', { n: formats.number(round1(100 - total)) })
              : t('preferences.tooMany', { n: formats.number(round1(total - 100)) }))}
        </p>
      </Section>
      <Section title={t('preferences.scoresTitle')}>
        <p className="section-intro">{t('preferences.scoresIntro')}</p>
        <div className="score-issues">
          {issues.map((i) => (
            <fieldset key={i.id} className="score-issue">
              <legend>{i.title}</legend>
              {i.options.map((o) => (
                <Slider
                  key={o.id}
                  label={o.label}
                  value={scores[i.id]?.[o.id] ?? 0}
                  onChange={(v) => setScores({ ...scores, [i.id]: { ...scores[i.id], [o.id]: v } })}
                />
              ))}
            </fieldset>
          ))}
        </div>
      </Section>
      <Section title={t('preferences.reservationTitle')}>
        <p className="section-intro">{t('preferences.reservationIntro')}</p>
        <Slider
          label={t('preferences.reservation')}
          value={reservation}
          onChange={setReservation}
        />
      </Section>
      <StaleOrError error={action.error} />
      <div className="form-actions">
        <Button
          type="submit"
          pending={action.pending}
          pendingLabel={t('common.saving')}
          disabled={!balanced}
        >
          {t('preferences.saveNumbers')}
        </Button>
        {!balanced && <span className="hint">{t('preferences.mustBe100')}</span>}
      </div>
    </form>
  );
}

/** A labelled 0–100 slider with its value beside it. */
function Slider({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (v: number) => void;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const id = useId();
  return (
    <div className="slider-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={0}
        max={100}
        step={1}
        value={value}
        aria-valuetext={t('preferences.outOf100', { n: formats.number(value) })}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output htmlFor={id} className="slider-value">
        {formats.number(value)}
      </output>
    </div>
  );
}

/** Moves an entry of a list one place up (-1) or down (+1). */
function moved<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** An ordered list whose entries move with keyboard-accessible up and down buttons. */
function OrderList({
  id,
  items,
  onChange,
  label,
}: {
  id: string;
  items: Array<{ id: string; label: string }>;
  onChange: (ids: string[]) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const [focus, setFocus] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);
  const [announce, setAnnounce] = useState('');
  const refs = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    if (!focus) return;
    const index = items.findIndex((x) => x.id === focus.id);
    // At an end, the button that moved it is disabled: focus its partner instead.
    const dir =
      focus.dir === 'up' && index === 0
        ? 'down'
        : focus.dir === 'down' && index === items.length - 1
          ? 'up'
          : focus.dir;
    refs.current.get(`${dir}:${focus.id}`)?.focus();
  }, [focus, items]);
  const move = (index: number, by: -1 | 1) => {
    const item = items[index];
    if (!item) return;
    onChange(moved(items, index, by).map((x) => x.id));
    setFocus({ id: item.id, dir: by < 0 ? 'up' : 'down' });
    setAnnounce(
      t('preferences.movedTo', { item: item.label, n: index + by + 1, total: items.length }),
    );
  };
  return (
    <>
      <ol className="order-list" aria-label={label} id={id}>
        {items.map((x, i) => (
          <li key={x.id}>
            <span className="order-rank" aria-hidden="true">
              {i + 1}
            </span>
            <span className="order-label">{x.label}</span>
            <span className="order-buttons">
              <button
                type="button"
                className="button button-secondary button-icon"
                ref={(el) => {
                  if (el) refs.current.set(`up:${x.id}`, el);
                  else refs.current.delete(`up:${x.id}`);
                }}
                disabled={i === 0}
                aria-label={t('preferences.moveUp', { item: x.label })}
                onClick={() => move(i, -1)}
              >
                <span aria-hidden="true">▲</span>
              </button>
              <button
                type="button"
                className="button button-secondary button-icon"
                ref={(el) => {
                  if (el) refs.current.set(`down:${x.id}`, el);
                  else refs.current.delete(`down:${x.id}`);
                }}
                disabled={i === items.length - 1}
                aria-label={t('preferences.moveDown', { item: x.label })}
                onClick={() => move(i, 1)}
              >
                <span aria-hidden="true">▼</span>
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
    </>
  );
}

/** Ids sorted by a value, highest first (stable: agenda order breaks ties). */
function byValue(ids: string[], value: (id: string) => number | undefined): string[] {
  return [...ids].sort((a, b) => (value(b) ?? 0) - (value(a) ?? 0));
}

function RankingForm({
  saved,
  issues,
  onSaved,
}: {
  saved: Preferences | null;
  issues: AgendaIssue[];
  onSaved: (p: Preferences) => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const [order, setOrder] = useState<string[]>(() =>
    byValue(
      issues.map((i) => i.id),
      (id) => saved?.weights[id],
    ),
  );
  const [rankings, setRankings] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(
      issues.map((i) => [
        i.id,
        byValue(
          i.options.map((o) => o.id),
          (id) => saved?.scores[i.id]?.[id],
        ),
      ]),
    ),
  );
  const [reservation, setReservation] = useState(Math.round(saved?.reservation ?? 30));
  const [preview, setPreview] = useState<PartyPreferences | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const action = useAction();
  const issue = (id: string) => issues.find((i) => i.id === id);
  const showNumbers = (e: FormEvent) => {
    e.preventDefault();
    try {
      setPreview(
        preferencesFromRankings(
          issues.map((i) => ({ id: i.id, label: i.title, options: i.options })),
          { id: 'mine', issueOrder: order, optionRankings: rankings, reservation },
        ),
      );
      setPreviewError(null);
    } catch (err) {
      setPreviewError(err);
    }
  };
  const confirm = () =>
    void action.run(async () => {
      const r = await api.preferences.save(view.process.id, {
        baseRevision: revisionOf(saved),
        entry: { kind: 'ranking', issueOrder: order, optionRankings: rankings, reservation },
      });
      if (r.preferences) onSaved(r.preferences);
    });
  if (preview)
    return (
      <Section title={t('preferences.confirmTitle')} className="confirm-panel">
        <p className="section-intro">{t('preferences.confirmIntro')}</p>
        <div className="table-wrap">
          <table className="table confirm-table">
            <caption className="visually-hidden">{t('preferences.confirmTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('preferences.issueColumn')}</th>
                <th scope="col" className="num">
                  {t('preferences.weightColumn')}
                </th>
                <th scope="col">{t('preferences.scoresColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {order.map((id) => {
                const i = issue(id);
                if (!i) return null;
                return (
                  <tr key={id}>
                    <th scope="row">{i.title}</th>
                    <td className="num">
                      {formats.number(Math.round((preview.weights[id] ?? 0) * 10) / 10)}
                    </td>
                    <td>
                      <ul className="converted-scores">
                        {(rankings[id] ?? []).map((oid) => (
                          <li key={oid}>
                            <span>{i.options.find((o) => o.id === oid)?.label}</span>
                            <span className="score-number">
                              {formats.number(
                                Math.round((preview.scores[id]?.[oid] ?? 0) * 10) / 10,
                              )}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p>{t('preferences.reservationIs', { n: formats.number(reservation) })}</p>
        <StaleOrError error={action.error} />
        <div className="form-actions">
          <Button onClick={confirm} pending={action.pending} pendingLabel={t('common.saving')}>
            {t('preferences.confirmSave')}
          </Button>
          <Button variant="secondary" onClick={() => setPreview(null)}>
            {t('preferences.backToRanking')}
          </Button>
        </div>
        <p className="muted small">{t('preferences.ruleNote')}</p>
      </Section>
    );
  return (
    <form onSubmit={showNumbers}>
      <div className="grid-2">
        <Section title={t('preferences.orderTitle')}>
          <p className="section-intro">{t('preferences.orderIntro')}</p>
          <OrderList
            id="issue-order"
            label={t('preferences.orderTitle')}
            items={order.map((id) => ({ id, label: issue(id)?.title ?? '?' }))}
            onChange={setOrder}
          />
        </Section>
        <Section title={t('preferences.reservationTitle')}>
          <p className="section-intro">{t('preferences.reservationIntro')}</p>
          <Slider
            label={t('preferences.reservation')}
            value={reservation}
            onChange={setReservation}
          />
        </Section>
      </div>
      <Section title={t('preferences.rankTitle')}>
        <p className="section-intro">{t('preferences.rankIntro')}</p>
        <div className="rank-grid">
          {issues.map((i) => (
            <div key={i.id} className="rank-issue">
              <h3 className="rank-issue-title">{i.title}</h3>
              <OrderList
                id={`rank-${i.id}`}
                label={t('preferences.rankOf', { issue: i.title })}
                items={(rankings[i.id] ?? []).map((oid) => ({
                  id: oid,
                  label: i.options.find((o) => o.id === oid)?.label ?? '?',
                }))}
                onChange={(ids) => setRankings({ ...rankings, [i.id]: ids })}
              />
            </div>
          ))}
        </div>
      </Section>
      <ErrorAlert error={previewError} />
      <div className="form-actions">
        <Button type="submit">{t('preferences.showNumbers')}</Button>
      </div>
    </form>
  );
}
