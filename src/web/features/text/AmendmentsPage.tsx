/**
 * Amendments. A party proposes one to a provision of the latest version it received — insert,
 * delete or replace, pointing at the words by quoting them — in its bilateral channel with the
 * mediators. The mediators see every party's and decide: accept as a bracketed alternative held by
 * the party, merge into the wording, or decline.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canHoldPen, canProposeAmendment } from '../../../core/access/policy.js';
import { locateQuote } from '../../../core/text/amendment.js';
import type {
  Provision as CoreProvision,
  Segment as CoreSegment,
} from '../../../core/text/model.js';
import { pieceOf, trimRange, type WordingRange } from '../../../core/text/structure.js';
import { api, isApiError } from '../../api/client.js';
import type {
  Amendment,
  AmendmentChange,
  NegotiatingText,
  TextProvision,
  TextSegment,
  TextVersion,
} from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Link, useLocation } from '../../router.js';
import {
  Button,
  DemoAwareText,
  ErrorAlert,
  Loading,
  Notice,
  PageTitle,
  Section,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/components.js';
import { useAction, useQuery, type Query } from '../../ui/hooks.js';
import { CompartmentBadge } from '../compartments/labels.js';
import { membershipOf } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { PartyChip } from './holders.js';
import { SelectableWording } from './SelectableWording.js';
import { listProvisions, plainWording, ProvisionBody } from './TextDocument.js';
import { TextTabs } from './TextTabs.js';

type Outcome = Amendment['outcome'];
type Decision = 'accept_as_alternative' | 'merge' | 'decline';

/** The amendments screen. */
export function AmendmentsPage() {
  const { t } = useTranslation();
  const { view } = useProcess();
  const me = membershipOf(view);
  const amendments = useQuery(() => api.amendments.list(view.process.id), [view.process.id]);
  const party = canProposeAmendment(me);
  // A party amends the latest version it received, and reads its amendments against it.
  const latest = useQuery(async () => {
    if (!party) return null;
    const { versions } = await api.text.versions(view.process.id);
    const n = versions.reduce((m, v) => Math.max(m, v.number), 0);
    return n === 0 ? null : api.text.version(view.process.id, n);
  }, [view.process.id, party]);
  return (
    <div className="page page-wide">
      <header className="page-header">
        <p className="eyebrow">
          {view.process.codename} · {t('text.title')}
        </p>
        <PageTitle documentTitle={`${t('text.tabAmendments')} · ${view.process.codename}`}>
          {t('text.tabAmendments')}
        </PageTitle>
        <TextTabs />
        <p className="lead">
          {canHoldPen(me) ? t('amendments.introMediators') : t('amendments.introParty')}
        </p>
      </header>
      {party && <ProposeSection latest={latest} onProposed={amendments.reload} />}
      <ErrorAlert error={amendments.error} />
      {amendments.loading && !amendments.data ? (
        <Loading />
      ) : canHoldPen(me) ? (
        <MediatorList
          amendments={amendments.data?.amendments ?? []}
          onDecided={amendments.reload}
        />
      ) : (
        <Section title={party ? t('amendments.ours') : t('amendments.listTitle')}>
          <AmendmentList
            amendments={amendments.data?.amendments ?? []}
            text={latest.data?.text ?? null}
            contextLabel={
              latest.data ? t('amendments.inVersion', { n: latest.data.version.number }) : undefined
            }
          />
        </Section>
      )}
    </div>
  );
}

/** "Replace “a” with “b”", in words. */
export function useChangeWords(): (c: AmendmentChange) => string {
  const { t } = useTranslation();
  return (c) => {
    switch (c.kind) {
      case 'insert': {
        const at = c.at;
        if ('quote' in at)
          return t(`amendments.words.insert_${at.position}`, {
            wording: c.wording,
            quote: at.quote,
          });
        return t(`amendments.words.insert_${at.position}`, { wording: c.wording });
      }
      case 'delete':
        return t('amendments.words.delete', { quote: c.target.quote });
      case 'replace':
        return t('amendments.words.replace', { quote: c.target.quote, wording: c.wording });
    }
  };
}

function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  return (
    <span className={`badge outcome outcome-${outcome}`}>{t(`amendments.outcome.${outcome}`)}</span>
  );
}

/** Amendments as cards; with `text`, each shows the provision's current wording. */
function AmendmentList({
  amendments,
  text,
  contextLabel,
  actions,
}: {
  amendments: Amendment[];
  text: NegotiatingText | null;
  /** Says where the quoted wording comes from ("In the working draft"). */
  contextLabel?: string;
  actions?: (a: Amendment) => ReactNode;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const words = useChangeWords();
  const provisions = text ? listProvisions(text) : [];
  if (amendments.length === 0) return <p className="empty">{t('amendments.none')}</p>;
  return (
    <ul className="amendment-list">
      {amendments.map((a) => {
        const at = provisions.find((p) => p.provision.key === a.provision);
        return (
          <li key={a.id} className={`amendment-card outcome-line-${a.outcome}`}>
            <div className="item-card-head">
              <span className="chip-row">
                <CompartmentBadge compartmentId={a.compartmentId} />
                <PartyChip partyId={a.partyId} />
              </span>
              <OutcomeBadge outcome={a.outcome} />
            </div>
            <p className="amendment-change">
              <span className="strong">
                {at
                  ? t('amendments.onProvision', { number: at.number })
                  : t('amendments.onKey', { key: a.provision })}
              </span>{' '}
              {words(a.change)}
            </p>
            {a.note && (
              <p className="amendment-note">
                <DemoAwareText text={a.note} />
              </p>
            )}
            {at && (
              <figure className="amendment-context">
                {contextLabel && <figcaption>{contextLabel}</figcaption>}
                <blockquote>
                  <ProvisionBody body={at.provision.body} />
                </blockquote>
              </figure>
            )}
            <p className="muted small">
              {t('amendments.proposedOn', { date: formats.dateTime(a.proposedAt) })}
              {a.decidedAt && (
                <> · {t('amendments.decidedOn', { date: formats.dateTime(a.decidedAt) })}</>
              )}
            </p>
            {actions?.(a)}
          </li>
        );
      })}
    </ul>
  );
}

function MediatorList({
  amendments,
  onDecided,
}: {
  amendments: Amendment[];
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const draft = useQuery(() => api.text.draft(view.process.id), [view.process.id]);
  const [decided, setDecided] = useState<{ outcome: Outcome; revision: number } | null>(null);
  const action = useAction();
  const [busy, setBusy] = useState<string | null>(null);
  const pending = amendments.filter((a) => a.outcome === 'pending');
  const done = amendments.filter((a) => a.outcome !== 'pending');
  const decide = (a: Amendment, decision: Decision) => {
    if (!draft.data) return;
    const base = draft.data.revision;
    setBusy(`${a.id}:${decision}`);
    setDecided(null);
    void action
      .run(async () => {
        try {
          const r = await api.amendments.decide(view.process.id, a.id, {
            decision,
            baseRevision: base,
          });
          setDecided({ outcome: r.amendment.outcome, revision: r.revision });
        } finally {
          draft.reload();
          onDecided();
        }
      })
      .finally(() => setBusy(null));
  };
  const stale = isApiError(action.error, 'STALE_REVISION');
  const text = draft.data?.text ?? null;
  const textPath = `/processes/${view.process.id}/text`;
  return (
    <>
      {decided && (
        <Notice>
          {t(`amendments.decided.${decided.outcome}`, {
            revision: formats.number(decided.revision),
          })}{' '}
          <Link to={textPath}>{t('amendments.openDraft')}</Link>
        </Notice>
      )}
      {stale ? (
        <Notice tone="warning">{t('amendments.stale')}</Notice>
      ) : (
        <ErrorAlert error={action.error} />
      )}
      <ErrorAlert error={draft.error} />
      <Section title={t('amendments.pendingTitle', { count: pending.length })}>
        <AmendmentList
          amendments={pending}
          text={text}
          contextLabel={t('amendments.inDraft')}
          actions={(a) => (
            <div className="form-actions decision-actions">
              {(
                [
                  ['accept_as_alternative', 'primary'],
                  ['merge', 'secondary'],
                  ['decline', 'quiet'],
                ] as const
              ).map(([decision, variant]) => (
                <Button
                  key={decision}
                  variant={variant}
                  className="button-small"
                  disabled={!draft.data || busy !== null}
                  pending={busy === `${a.id}:${decision}`}
                  onClick={() => decide(a, decision)}
                >
                  {t(`amendments.decision.${decision}`)}
                </Button>
              ))}
            </div>
          )}
        />
      </Section>
      <Section title={t('amendments.decidedTitle', { count: done.length })}>
        <AmendmentList amendments={done} text={text} contextLabel={t('amendments.inDraft')} />
      </Section>
    </>
  );
}

/** The latest version the party received, to amend. */
function ProposeSection({
  latest,
  onProposed,
}: {
  latest: Query<TextVersion | null>;
  onProposed: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Section title={t('amendments.proposeTitle')}>
      <ErrorAlert error={latest.error} />
      {latest.loading && !latest.data ? (
        <Loading />
      ) : latest.data ? (
        <ProposeForm
          text={latest.data.text}
          number={latest.data.version.number}
          onProposed={onProposed}
        />
      ) : (
        <p className="empty">{t('text.noVersionYet')}</p>
      )}
    </Section>
  );
}

type Kind = 'insert' | 'delete' | 'replace';
type Where = 'start' | 'end' | 'before' | 'after';

function ProposeForm({
  text,
  number,
  onProposed,
}: {
  text: NegotiatingText;
  number: number;
  onProposed: () => void;
}) {
  const { t } = useTranslation();
  const { view, compartment } = useProcess();
  const { search } = useLocation();
  // Agreed wording is reopened by the mediators before anyone amends it.
  const provisions = listProvisions(text).filter(
    (p) => p.provision.status === 'open' || p.provision.status === 'bracketed',
  );
  const wanted = search.get('provision');
  const [key, setKey] = useState(
    provisions.find((p) => p.provision.key === wanted)?.provision.key ??
      provisions[0]?.provision.key ??
      '',
  );
  const [kind, setKind] = useState<Kind>('replace');
  const [where, setWhere] = useState<Where>('end');
  const [quote, setQuote] = useState('');
  const [occurrence, setOccurrence] = useState(1);
  const [wording, setWording] = useState('');
  const [note, setNote] = useState('');
  const [proposed, setProposed] = useState(false);
  const action = useAction();
  const chosen = provisions.find((p) => p.provision.key === key);
  const channel = view.compartments.find(
    (c) => c.kind === 'bilateral' && c.partyId === view.me.partyId,
  );
  const needsQuote = kind !== 'insert' || where === 'before' || where === 'after';
  const needsWording = kind !== 'delete';
  const matches =
    chosen && needsQuote && quote !== ''
      ? locateQuote(chosen.provision as unknown as CoreProvision, quote).length
      : 0;
  /** Words selected in the provision become the quote, with the occurrence they are. */
  const chooseWords = (range: WordingRange) => {
    if (!chosen) return;
    const core = chosen.provision as unknown as CoreProvision;
    const piece = pieceOf(core.body as CoreSegment[], range);
    if (piece === null) return;
    const r = trimRange(piece, range);
    const words = piece.slice(r.start, r.end);
    if (words === '') return;
    const found = locateQuote(core, words);
    const index = found.findIndex(
      (m) => m.segment === r.segment && m.option === r.option && m.start === r.start,
    );
    setQuote(words);
    setOccurrence(index >= 0 ? index + 1 : 1);
    if (kind === 'insert' && (where === 'start' || where === 'end')) setWhere('after');
  };
  // Words typed with other capitals than the provision's: offer the provision's own.
  const caseMatch =
    chosen && needsQuote && quote !== '' && matches === 0
      ? caseInsensitiveMatch(chosen.provision.body, quote)
      : null;
  const change = (): AmendmentChange => {
    const anchor = { quote, occurrence };
    if (kind === 'delete') return { kind, target: anchor };
    if (kind === 'replace') return { kind, target: anchor, wording };
    return where === 'start' || where === 'end'
      ? { kind, at: { position: where }, wording }
      : { kind, at: { ...anchor, position: where }, wording };
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProposed(false);
    void action.run(async () => {
      await api.amendments.propose(view.process.id, { provision: key, change: change(), note });
      setProposed(true);
      setQuote('');
      setWording('');
      setNote('');
      setOccurrence(1);
      onProposed();
    });
  };
  const selectProvision = (p: TextProvision) => setKey(p.key);
  return (
    <form className="form form-wide" onSubmit={submit}>
      <p className="section-intro">
        {t('amendments.proposeIntro', { n: number })}{' '}
        {channel && compartment(channel.id) && <CompartmentBadge compartmentId={channel.id} />}
      </p>
      {proposed && <Notice>{t('amendments.proposed')}</Notice>}
      <ErrorAlert error={action.error} />
      <SelectField
        label={t('amendments.provision')}
        value={key}
        onChange={(e) => {
          const p = provisions.find((x) => x.provision.key === e.target.value);
          if (p) selectProvision(p.provision);
        }}
      >
        {provisions.map((p) => (
          <option key={p.provision.key} value={p.provision.key}>
            {p.number} — {excerpt(p.provision)}
          </option>
        ))}
      </SelectField>
      {chosen && (
        <div className="amendment-context amend-select">
          <p className="hint">
            <span className="provision-number">{chosen.number}</span>{' '}
            {t('drafting.amendSelectHint')}
          </p>
          <SelectableWording
            key={chosen.provision.key}
            body={chosen.provision.body}
            label={t('drafting.amendSelectTitle')}
            onSelect={(range) => {
              if (range !== null && range !== 'across') chooseWords(range);
            }}
          />
          {needsQuote && quote !== '' && matches > 0 && (
            <p className="selection-state" aria-live="polite">
              {t('drafting.amendSelected', {
                words: quote,
                where:
                  matches > 1
                    ? t('drafting.amendOccurrence', { n: occurrence, total: matches })
                    : '',
                interpolation: { escapeValue: false },
              })}
            </p>
          )}
        </div>
      )}
      <fieldset className="segmented">
        <legend>{t('amendments.kindLabel')}</legend>
        {(['insert', 'delete', 'replace'] as const).map((k) => (
          <label key={k} className={kind === k ? 'is-selected' : undefined}>
            <input
              type="radio"
              name="amend-kind"
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            {t(`amendments.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'insert' && (
        <SelectField
          label={t('amendments.whereLabel')}
          value={where}
          onChange={(e) => setWhere(e.target.value as Where)}
        >
          {(['end', 'start', 'before', 'after'] as const).map((w) => (
            <option key={w} value={w}>
              {t(`amendments.where.${w}`)}
            </option>
          ))}
        </SelectField>
      )}
      {needsQuote && (
        <div className="form-row form-row-end">
          <TextField
            label={kind === 'insert' ? t('amendments.anchorQuote') : t('amendments.quote')}
            hint={t('amendments.quoteHint')}
            wrapperClassName="field-grow"
            value={quote}
            maxLength={2000}
            onChange={(e) => {
              setQuote(e.target.value);
              setOccurrence(1);
            }}
          />
          {matches > 1 && (
            <SelectField
              label={t('amendments.occurrence')}
              wrapperClassName="field-narrow"
              value={occurrence}
              onChange={(e) => setOccurrence(Number(e.target.value))}
            >
              {Array.from({ length: matches }, (_, i) => (
                <option key={i} value={i + 1}>
                  {t('amendments.occurrenceN', { n: i + 1, total: matches })}
                </option>
              ))}
            </SelectField>
          )}
        </div>
      )}
      {needsQuote && quote !== '' && (
        <p
          className={`quote-check ${matches === 0 ? 'is-missing' : 'is-found'}`}
          aria-live="polite"
        >
          {matches === 0
            ? t('amendments.quoteMissing')
            : t('amendments.quoteFound', { count: matches })}
        </p>
      )}
      {caseMatch !== null && (
        <p className="quote-check">
          {t('drafting.caseMismatch', { found: caseMatch, interpolation: { escapeValue: false } })}{' '}
          <Button
            variant="secondary"
            className="button-small"
            onClick={() => {
              setQuote(caseMatch);
              setOccurrence(1);
            }}
          >
            {t('drafting.useFound', { found: caseMatch, interpolation: { escapeValue: false } })}
          </Button>
        </p>
      )}
      {needsWording && (
        <TextAreaField
          label={kind === 'replace' ? t('amendments.replacement') : t('amendments.insertion')}
          rows={2}
          maxLength={10_000}
          value={wording}
          onChange={(e) => setWording(e.target.value)}
        />
      )}
      <TextAreaField
        label={t('amendments.note')}
        hint={t('amendments.noteHint')}
        optional
        rows={2}
        maxLength={4000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="form-actions">
        <Button
          type="submit"
          pending={action.pending}
          pendingLabel={t('amendments.proposing')}
          disabled={(needsQuote && matches === 0) || (needsWording && wording.trim() === '')}
        >
          {t('amendments.propose')}
        </Button>
      </div>
    </form>
  );
}

function excerpt(p: TextProvision): string {
  const s = plainWording(p.body);
  return s.length > 70 ? `${s.slice(0, 68)}…` : s;
}

/** The provision's own spelling of words typed with other capitals, or null. */
function caseInsensitiveMatch(body: readonly TextSegment[], quote: string): string | null {
  const wanted = quote.toLocaleLowerCase();
  for (const s of body) {
    const pieces = s.kind === 'alternatives' ? s.options.map((o) => o.text) : [s.text];
    for (const text of pieces) {
      const at = text.toLocaleLowerCase().indexOf(wanted);
      // Lower-casing can change a text's length (rare letters); then offer nothing.
      if (at >= 0 && text.length === text.toLocaleLowerCase().length)
        return text.slice(at, at + quote.length);
    }
  }
  return null;
}
