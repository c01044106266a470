/**
 * Joint communiqués and press lines: the mediators draft in their room and circulate the draft to
 * the parties; each party's head of delegation and the lead mediator approve the exact wording
 * (bound to its SHA-256, so any change resets every approval); the lead mediator releases it once
 * all have approved — numbered if a communiqué, public from its embargo. Beside the agreed line,
 * the parties' public statements, and the divergences the mediators raise.
 */
import { useConfirmation, type Confirmation } from '../../ui/ConfirmDialog.js';
import { AudienceSummary } from '../outward/AudienceSummary.js';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canDraftCommunique,
  canRelease,
  canReleaseCommunique,
  communiqueApproverFor,
} from '../../../core/access/policy.js';
import { communiqueKinds } from '../../../core/communiques/model.js';
import { api } from '../../api/client.js';
import type { Communique, CommuniqueKind, Round } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import {
  Button,
  DemoAwareText,
  Disclosure,
  ErrorAlert,
  Loading,
  Notice,
  PageTitle,
  Section,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/components.js';
import { fromLocalInput, localTimeZone, toLocalInput } from '../../ui/datetime.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { CompartmentBadge } from '../compartments/labels.js';
import { membershipOf, toCoreCompartment } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { PartyChip } from '../text/holders.js';
import { useCommuniqueName } from './labels.js';
import { ObjectionForm, ObjectionLine } from './ObjectionForm.js';
import { StatementsPanel } from './StatementsPanel.js';

/** The communiqués screen. */
export function CommuniquesPage() {
  const { t } = useTranslation();
  const { view, liveTick } = useProcess();
  const id = view.process.id;
  const list = useQuery(() => api.communiques.list(id), [id, liveTick]);
  const rounds = useQuery(() => api.rounds.list(id), [id, liveTick]);
  const me = membershipOf(view);
  const [drafted, setDrafted] = useState(false);
  // Kept here, not in the card: a card moves to another group when its state changes.
  const [notices, setNotices] = useState<Record<string, string>>({});
  const all = list.data?.communiques ?? [];
  const roundList = rounds.data?.rounds ?? [];
  const groups: Array<{ key: 'draft' | 'circulated' | 'released'; items: Communique[] }> = [
    { key: 'circulated', items: all.filter((c) => c.state === 'circulated') },
    { key: 'draft', items: all.filter((c) => c.state === 'draft') },
    { key: 'released', items: all.filter((c) => c.state === 'released') },
  ];
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{view.process.codename}</p>
        <PageTitle documentTitle={`${t('communiques.title')} · ${view.process.codename}`}>
          {t('communiques.title')}
        </PageTitle>
        <p className="lead">{t('communiques.intro')}</p>
      </header>
      {drafted && <Notice>{t('communiques.drafted')}</Notice>}
      {canDraftCommunique(me) && (
        <Disclosure label={t('communiques.draft')} variant="primary">
          {(close) => (
            <DraftForm
              rounds={roundList}
              onDone={() => {
                close();
                setDrafted(true);
                list.reload();
              }}
            />
          )}
        </Disclosure>
      )}
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <>
          {groups.map((g) =>
            g.items.length === 0 && g.key !== 'released' ? null : (
              <Section key={g.key} title={t(`communiques.group.${g.key}`)}>
                <p className="section-intro">{t(`communiques.groupIntro.${g.key}`)}</p>
                {g.items.length === 0 ? (
                  <p className="empty">{t('communiques.noneReleased')}</p>
                ) : (
                  <ul className="communique-list">
                    {g.items.map((c) => (
                      <CommuniqueCard
                        key={c.id}
                        communique={c}
                        rounds={roundList}
                        notice={notices[c.id] ?? null}
                        onNotice={(message) => setNotices((n) => ({ ...n, [c.id]: message }))}
                        reload={list.reload}
                      />
                    ))}
                  </ul>
                )}
              </Section>
            ),
          )}
          {list.data && (
            <StatementsPanel
              statements={list.data.statements}
              communiques={all}
              rounds={roundList}
              reload={list.reload}
            />
          )}
        </>
      )}
    </div>
  );
}

function CommuniqueCard({
  communique: c,
  rounds,
  notice,
  onNotice,
  reload,
}: {
  communique: Communique;
  rounds: Round[];
  /** What the last action on it did. */
  notice: string | null;
  onNotice: (message: string) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const { view, compartment, partyCode } = useProcess();
  const formats = useFormats();
  const label = useCommuniqueName();
  const me = membershipOf(view);
  const round = rounds.find((r) => r.id === c.roundId);
  const approver = communiqueApproverFor(me);
  const mySide = approver ? (approver.kind === 'party' ? approver.partyId : null) : undefined;
  const mayApprove =
    c.state === 'circulated' && mySide !== undefined && c.awaiting.includes(mySide);
  const from = compartment(c.compartmentId);
  const plenary = view.compartments.find((x) => x.kind === 'plenary');
  const publicRoom = view.compartments.find((x) => x.kind === 'public');
  const fromCore = from ? toCoreCompartment(view.process.id, from) : null;
  const plenaryCore = plenary ? toCoreCompartment(view.process.id, plenary) : null;
  const mayCirculate =
    c.state === 'draft' &&
    fromCore !== null &&
    plenaryCore !== null &&
    canRelease(me, fromCore, plenaryCore);
  const mayRelease = c.state === 'circulated' && canReleaseCommunique(me);
  const [hold, setHold] = useState(5);
  // When it would be public if released now: after the undo window, or its embargo if later.
  const releasePublicAt = () => {
    const held = new Date(Date.now() + hold * 60_000);
    const embargo = c.embargoUntil ? new Date(c.embargoUntil) : null;
    return embargo && embargo > held ? embargo : held;
  };
  const mayEdit = c.state !== 'released' && canDraftCommunique(me);
  const done = (message: string) => {
    onNotice(message);
    reload();
  };
  // In a stable order: the parties as the process lists them, then the mediator team.
  const place = (p: string | null) =>
    p === null ? view.parties.length : view.parties.findIndex((x) => x.id === p);
  const approvers = [...c.approvals.map((a) => a.partyId), ...c.awaiting].sort(
    (a, b) => place(a) - place(b),
  );
  return (
    <li className={`communique-card state-${c.state}`} id={`communique-${c.id}`}>
      <div className="item-card-head">
        <span className="chip-row">
          <span className={`badge kind-label kind-label-${c.kind}`}>{label(c)}</span>
          <span className={`badge badge-status communique-${c.state}`}>
            {t(`communiques.state.${c.state}`)}
          </span>
          <CompartmentBadge compartmentId={c.compartmentId} />
        </span>
        <span className="muted small">
          {c.releasedAt
            ? t('communiques.releasedOn', { date: formats.dateTime(c.releasedAt) })
            : t('communiques.updatedOn', { date: formats.dateTime(c.updatedAt) })}
        </span>
      </div>
      <h3 className="communique-title">
        <DemoAwareText text={c.title} />
      </h3>
      <div className="communique-text">
        <DemoAwareText text={c.text} />
      </div>
      <dl className="facts communique-facts">
        <div>
          <dt>{t('communiques.embargo')}</dt>
          <dd>{c.embargoUntil ? formats.dateTime(c.embargoUntil) : t('communiques.noEmbargo')}</dd>
        </div>
        <div>
          <dt>{t('communiques.publicLabel')}</dt>
          <dd>
            {c.isPublic
              ? t('communiques.isPublic')
              : c.state === 'released'
                ? t('communiques.publicFrom', {
                    date: formats.dateTime(
                      c.publicFrom ?? c.embargoUntil ?? c.releasedAt ?? c.updatedAt,
                    ),
                  })
                : t('communiques.notPublic')}
          </dd>
        </div>
        {round && (
          <div>
            <dt>{t('communiques.round')}</dt>
            <dd>{t('rounds.roundTitle', { number: round.number })}</dd>
          </div>
        )}
        <div>
          <dt>{t('communiques.fingerprint')}</dt>
          <dd>
            <code className="hash-short" title={c.hash}>
              {c.hash.slice(0, 12)}
            </code>
          </dd>
        </div>
      </dl>
      {c.state !== 'draft' && (
        <div className="approvals">
          <h4 className="minor-heading">{t('communiques.approvals')}</h4>
          <ul className="approval-list">
            {approvers.map((partyId) => {
              const a = c.approvals.find((x) => x.partyId === partyId);
              const o = c.objections.find((x) => x.partyId === partyId);
              return (
                <li
                  key={partyId ?? 'mediators'}
                  className={a ? 'is-approved' : o ? 'is-objected' : 'is-awaited'}
                >
                  <PartyChip partyId={partyId} />
                  {a ? (
                    t('communiques.approvedOn', { date: formats.dateTime(a.approvedAt) })
                  ) : o ? (
                    <ObjectionLine objection={o} />
                  ) : (
                    t('communiques.notYet')
                  )}
                </li>
              );
            })}
          </ul>
          {c.state === 'circulated' && <p className="hint">{t('communiques.resetHint')}</p>}
        </div>
      )}
      {notice && <Notice>{notice}</Notice>}
      <div className="action-row">
        {mayCirculate && (
          <HashAction
            confirm={
              plenary && {
                title: t('outward.circulate.title', { title: c.title }),
                confirmLabel: t('outward.circulate.confirm'),
                body: (
                  <AudienceSummary compartmentId={plenary.id} what={t('outward.circulate.what')} />
                ),
              }
            }
            label={t('communiques.circulate')}
            run={() => api.communiques.circulate(view.process.id, c.id, c.hash)}
            onDone={() => done(t('communiques.circulated'))}
          />
        )}
        {mayApprove && (
          <HashAction
            label={
              mySide === null
                ? t('communiques.approveForTeam')
                : t('communiques.approveForParty', { party: partyCode(mySide) })
            }
            run={() => api.communiques.approve(view.process.id, c.id, c.hash)}
            onDone={() => done(t('communiques.approved'))}
          />
        )}
        {mayApprove && mySide !== null && (
          <ObjectionForm
            name={c.id}
            send={(answer) =>
              api.communiques.object(view.process.id, c.id, { hash: c.hash, ...answer })
            }
            onDone={() => done(t('objection.recorded'))}
          />
        )}
        {c.state === 'released' && !c.isPublic && c.publicFrom && (
          <UndoWindow
            communique={c}
            publicFrom={c.publicFrom}
            mayWithdraw={canReleaseCommunique(me)}
            onDone={() => done(t('undo.withdrawn'))}
            onPublic={reload}
          />
        )}
        {mayRelease && (
          <SelectField
            label={t('undo.holdLabel')}
            hint={t('undo.holdHint')}
            wrapperClassName="field-narrow undo-hold"
            value={hold}
            onChange={(e) => setHold(Number(e.target.value))}
          >
            {[0, 2, 5, 10, 15].map((m) => (
              <option key={m} value={m}>
                {m === 0 ? t('undo.holdNone') : t('undo.holdMinutes', { count: m })}
              </option>
            ))}
          </SelectField>
        )}
        {mayRelease && (
          <HashAction
            confirm={
              publicRoom && {
                title: t('outward.release.title', { title: c.title }),
                confirmLabel: t('outward.release.confirm'),
                danger: true,
                body: (
                  <AudienceSummary
                    compartmentId={publicRoom.id}
                    publicLine={
                      hold > 0
                        ? t('undo.publicAt', {
                            time: formats.time(releasePublicAt().toISOString()),
                          })
                        : undefined
                    }
                    what={
                      c.kind === 'communique'
                        ? t('outward.release.whatNumbered')
                        : t('outward.release.what')
                    }
                  >
                    {c.embargoUntil && (
                      <p>
                        <strong>
                          {t('outward.publicFrom', { date: formats.dateTime(c.embargoUntil) })}
                        </strong>
                      </p>
                    )}
                  </AudienceSummary>
                ),
              }
            }
            label={
              c.kind === 'communique' ? t('communiques.releaseNumbered') : t('communiques.release')
            }
            disabled={c.awaiting.length > 0}
            run={() => api.communiques.release(view.process.id, c.id, c.hash, hold)}
            onDone={() => done(t('communiques.released'))}
            hint={
              c.awaiting.length > 0
                ? t('communiques.releaseWaiting', {
                    who: c.awaiting
                      .map((p) => (p === null ? t('communiques.mediatorTeam') : partyCode(p)))
                      .join(', '),
                  })
                : c.embargoUntil
                  ? t('communiques.releaseEmbargoHint', {
                      date: formats.dateTime(c.embargoUntil),
                    })
                  : t('communiques.releasePublicHint')
            }
          />
        )}
      </div>
      {mayEdit && (
        <Disclosure label={t('communiques.edit')} variant="quiet">
          {(close) => (
            <EditForm
              communique={c}
              onDone={() => {
                close();
                done(c.approvals.length > 0 ? t('communiques.savedReset') : t('communiques.saved'));
              }}
            />
          )}
        </Disclosure>
      )}
    </li>
  );
}

/**
 * A release not yet public: when it will be, counting down, and for the lead mediator the button
 * that withdraws it until then. When the time passes the list is read again (it is public now).
 */
function UndoWindow({
  communique: c,
  publicFrom,
  mayWithdraw,
  onDone,
  onPublic,
}: {
  communique: Communique;
  publicFrom: string;
  mayWithdraw: boolean;
  onDone: () => void;
  onPublic: () => void;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { view } = useProcess();
  const [now, setNow] = useState(() => Date.now());
  const until = new Date(publicFrom).getTime();
  const left = Math.max(0, until - now);
  useEffect(() => {
    if (left <= 0) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [left]);
  const passed = left <= 0;
  const told = useRef(false);
  useEffect(() => {
    // Once: the list read again shows it public (or, with a slow server clock, still held).
    if (passed && !told.current) {
      told.current = true;
      onPublic();
    }
  }, [passed, onPublic]);
  const time = formats.time(publicFrom);
  // Beyond an hour (an embargo rather than an undo window) the minutes are enough.
  const seconds = Math.ceil(left / 1000);
  const leftText =
    seconds >= 3600
      ? formats.dateTime(publicFrom)
      : `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  if (!mayWithdraw) return <p className="undo-window hint">{t('undo.heldUntil', { time })}</p>;
  return (
    <div className="undo-window" role="status">
      <p>
        <strong>{t('undo.countdown', { time, left: leftText })}</strong>
      </p>
      <HashAction
        label={t('undo.withdraw')}
        variant="secondary"
        disabled={passed}
        run={() => api.communiques.withdraw(view.process.id, c.id, c.hash)}
        onDone={onDone}
      />
    </div>
  );
}

/** A button that names the wording's hash (circulate, approve, release). */
function HashAction({
  label,
  run,
  onDone,
  hint,
  confirm,
  disabled = false,
  variant,
}: {
  /** The button's look; the primary one by default. */
  variant?: 'secondary';
  /** Asked before acting: who will receive what. */
  confirm?: Omit<Confirmation, 'onConfirm'> | undefined | false;
  label: string;
  run: () => Promise<unknown>;
  onDone: () => void;
  hint?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const action = useAction();
  const confirmation = useConfirmation();
  const act = () =>
    void action.run(async () => {
      await run();
      onDone();
    });
  return (
    <div className="hash-action">
      <ErrorAlert error={action.error} />
      {confirmation.dialog}
      <Button
        variant={variant}
        pending={action.pending}
        disabled={disabled}
        pendingLabel={t('common.saving')}
        onClick={() => (confirm ? confirmation.ask({ ...confirm, onConfirm: act }) : act())}
      >
        {label}
      </Button>
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
}

function DraftForm({ rounds, onDone }: { rounds: Round[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [kind, setKind] = useState<CommuniqueKind>('communique');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [embargo, setEmbargo] = useState('');
  const [roundId, setRoundId] = useState(
    [...rounds].sort((a, b) => b.number - a.number).find((r) => r.status !== 'closed')?.id ?? '',
  );
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.communiques.draft(view.process.id, {
        kind,
        title,
        text,
        embargoUntil: fromLocalInput(embargo),
        roundId: roundId || null,
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset form-wide" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <fieldset className="segmented">
        <legend>{t('communiques.kindLegend')}</legend>
        {communiqueKinds.map((k) => (
          <label key={k} className={kind === k ? 'is-selected' : undefined}>
            <input
              type="radio"
              name="communique-kind"
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            {t(`communiques.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <p className="hint">{t(`communiques.kindHelp.${kind}`)}</p>
      <TextField
        label={t('communiques.titleLabel')}
        value={title}
        maxLength={300}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextAreaField
        label={t('communiques.wording')}
        rows={6}
        maxLength={50_000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="form-row">
        <TextField
          label={t('communiques.embargoLabel')}
          hint={t('communiques.embargoHint', { zone: localTimeZone() })}
          optional
          type="datetime-local"
          wrapperClassName="field-grow"
          value={embargo}
          onChange={(e) => setEmbargo(e.target.value)}
        />
        {rounds.length > 0 && (
          <SelectField
            label={t('communiques.round')}
            optional
            wrapperClassName="field-grow"
            value={roundId}
            onChange={(e) => setRoundId(e.target.value)}
          >
            <option value="">{t('communiques.noRound')}</option>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {t('rounds.roundTitle', { number: r.number })} — {r.title}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <p className="hint">{t('communiques.draftHint')}</p>
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {t('communiques.draftSubmit')}
        </Button>
      </div>
    </form>
  );
}

function EditForm({ communique: c, onDone }: { communique: Communique; onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [base] = useState(c);
  const [title, setTitle] = useState(c.title);
  const [text, setText] = useState(c.text);
  const [embargo, setEmbargo] = useState(c.embargoUntil ? toLocalInput(c.embargoUntil) : '');
  const action = useAction();
  const embargoUntil = fromLocalInput(embargo);
  const changes = {
    ...(title !== base.title ? { title } : {}),
    ...(text !== base.text ? { text } : {}),
    ...(embargoUntil !== base.embargoUntil &&
    !(
      embargoUntil &&
      base.embargoUntil &&
      Date.parse(embargoUntil) === Date.parse(base.embargoUntil)
    )
      ? { embargoUntil }
      : {}),
  };
  const nothing = Object.keys(changes).length === 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (nothing) return;
    void action.run(async () => {
      await api.communiques.edit(view.process.id, c.id, {
        baseRevision: base.revision,
        ...changes,
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset form-wide" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      {base.approvals.length > 0 && (
        <Notice tone="warning">
          {t('communiques.editResets', { count: base.approvals.length })}
        </Notice>
      )}
      <TextField
        label={t('communiques.titleLabel')}
        value={title}
        maxLength={300}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextAreaField
        label={t('communiques.wording')}
        rows={6}
        maxLength={50_000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <TextField
        label={t('communiques.embargoLabel')}
        hint={t('communiques.embargoHint', { zone: localTimeZone() })}
        optional
        type="datetime-local"
        value={embargo}
        onChange={(e) => setEmbargo(e.target.value)}
      />
      <div className="form-actions">
        <Button
          type="submit"
          pending={action.pending}
          pendingLabel={t('common.saving')}
          disabled={nothing}
        >
          {t('communiques.save')}
        </Button>
        {nothing && <span className="hint">{t('communiques.nothingChanged')}</span>}
      </div>
    </form>
  );
}
