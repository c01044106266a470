/**
 * A commitment as its timeline opens it (wording, responsible parties, start, deadline or
 * recurrence, provision type, theme, weight) and, for the mediators who plan implementation (what
 * `PATCH …/implementation/commitments/:id` allows), editing it. An edit is sent from the revision
 * it was opened at: if someone saved meanwhile, the API refuses it and the form shows what differs
 * between the current commitment and the edit, to keep the edit on top of it or take the current
 * one. The domain's rules are checked before sending and said under the field they concern;
 * leaving with unsaved changes asks first, as in the other editors.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canPlanImplementation } from '../../../core/access/policy.js';
import { isDate } from '../../../core/implementation/model.js';
import { pamProvisionTypes } from '../../../core/implementation/pam.js';
import { api, isApiError } from '../../api/client.js';
import type { Commitment, EditCommitmentRequest, Theme } from '../../api/types.js';
import { useConfirmation } from '../../ui/ConfirmDialog.js';
import {
  Button,
  CheckboxField,
  DemoAwareText,
  ErrorAlert,
  Notice,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/components.js';
import { useAction } from '../../ui/hooks.js';
import { useKeptDraft, useUnsavedGuard } from '../../ui/unsaved.js';
import { useFormats } from '../../i18n/index.js';
import { membershipOf } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { PartyChip } from '../text/holders.js';
import { FieldProblem, invalidProps, serverField } from './field-problems.js';
import { pamTypeName } from './pam-names.js';
import { useScheduleText } from './schedule.js';
import { themeTree } from './themes.js';

/** How often a recurring obligation falls due (a one-off has none). */
type Frequency = 'monthly' | 'quarterly' | 'yearly';
const frequencies: readonly Frequency[] = ['monthly', 'quarterly', 'yearly'];

/** The catalogue key of a recurrence's name. */
const recurrenceKey = (r: string) =>
  `implementation.recurrence.${r}` as 'implementation.recurrence.none';

/** The form's values, as typed. */
interface Draft {
  wording: string;
  parties: string[];
  startsOn: string;
  schedule: 'once' | 'recurring';
  /** The deadline of a one-off, or the end of a recurring obligation ('' for none). */
  deadline: string;
  frequency: Frequency;
  provisionType: string;
  /** '' for no theme. */
  themeCode: string;
  weight: string;
}

const draftOf = (c: Commitment): Draft => ({
  wording: c.wording,
  parties: [...c.responsiblePartyIds],
  startsOn: c.startsOn,
  schedule: c.recurrence === 'none' ? 'once' : 'recurring',
  deadline: c.deadline ?? '',
  frequency: frequencies.find((f) => f === c.recurrence) ?? 'monthly',
  provisionType: c.provisionType,
  themeCode: c.themeCode ?? '',
  weight: String(c.weight),
});

/** A kept draft read back; anything unreadable falls back to the commitment's own values. */
function parseDraft(kept: string, fallback: Draft): Draft {
  try {
    const v = JSON.parse(kept) as Partial<Draft>;
    return { ...fallback, ...v, parties: Array.isArray(v.parties) ? v.parties : fallback.parties };
  } catch {
    return fallback;
  }
}

/** The edit as the API takes it. */
const requestOf = (d: Draft, baseRevision: number): EditCommitmentRequest => ({
  baseRevision,
  wording: d.wording.trim(),
  responsiblePartyIds: d.parties,
  startsOn: d.startsOn,
  deadline: d.deadline === '' ? null : d.deadline,
  recurrence: d.schedule === 'once' ? 'none' : d.frequency,
  provisionType: d.provisionType,
  themeCode: d.themeCode === '' ? null : d.themeCode,
  weight: Number(d.weight),
});

/** The fields of the form, in its order (also the order of a conflict's changes). */
const fields = [
  'wording',
  'parties',
  'startsOn',
  'schedule',
  'provisionType',
  'themeCode',
  'weight',
] as const;
type Field = (typeof fields)[number];

/** The values of the form each field stands for (a schedule is its kind, end and frequency). */
const draftKeys: Record<Field, ReadonlyArray<keyof Draft>> = {
  wording: ['wording'],
  parties: ['parties'],
  startsOn: ['startsOn'],
  schedule: ['schedule', 'deadline', 'frequency'],
  provisionType: ['provisionType'],
  themeCode: ['themeCode'],
  weight: ['weight'],
};

/** The form's field a refusal of the API names. */
const fieldOfServer: Record<string, Field> = {
  wording: 'wording',
  responsiblePartyIds: 'parties',
  startsOn: 'startsOn',
  deadline: 'schedule',
  recurrence: 'schedule',
  provisionType: 'provisionType',
  themeCode: 'themeCode',
  weight: 'weight',
};

/** The commitment's wording and facts; the mediators may open the editor from here. */
export function CommitmentDetails({
  commitment,
  themes,
  onSaved,
}: {
  commitment: Commitment;
  themes: readonly Theme[];
  onSaved: (saved: Commitment) => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const schedule = useScheduleText();
  const [editing, setEditing] = useState(false);
  const planner = canPlanImplementation(membershipOf(view));
  if (editing && planner)
    return (
      <CommitmentEditForm
        commitment={commitment}
        themes={themes}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          onSaved(saved);
        }}
      />
    );
  const theme = themes.find((th) => th.code === commitment.themeCode);
  return (
    <div className="commitment-details">
      <p className="commitment-text">
        <DemoAwareText text={commitment.wording} />
      </p>
      <dl className="facts commitment-facts">
        <div>
          <dt>{t('implementation.col.responsible')}</dt>
          <dd>
            {commitment.responsiblePartyIds.length === 0
              ? t('implementation.edit.nobody')
              : commitment.responsiblePartyIds.map((p) => <PartyChip key={p} partyId={p} />)}
          </dd>
        </div>
        <div>
          <dt>{t('implementation.startsOn')}</dt>
          <dd>{commitment.startsOn}</dd>
        </div>
        <div>
          <dt>{t('implementation.edit.schedule')}</dt>
          <dd>{schedule(commitment.recurrence, commitment.deadline)}</dd>
        </div>
        <div>
          <dt>{t('implementation.provisionType')}</dt>
          <dd>{pamTypeName(t, commitment.provisionType)}</dd>
        </div>
        <div>
          <dt>{t('implementation.edit.theme')}</dt>
          <dd>
            {commitment.themeCode === null
              ? t('implementation.edit.noTheme')
              : theme
                ? `${theme.code} · ${theme.name}`
                : commitment.themeCode}
          </dd>
        </div>
        {commitment.weight !== 1 && (
          <div>
            <dt>{t('implementation.edit.weight')}</dt>
            <dd>{commitment.weight}</dd>
          </div>
        )}
      </dl>
      {planner && (
        <Button variant="secondary" className="button-small" onClick={() => setEditing(true)}>
          {t('implementation.edit.open')}
        </Button>
      )}
    </div>
  );
}

/** The editor of one commitment, from the revision it was opened at. */
function CommitmentEditForm({
  commitment,
  themes,
  onClose,
  onSaved,
}: {
  commitment: Commitment;
  themes: readonly Theme[];
  onClose: () => void;
  onSaved: (saved: Commitment) => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const form = useId();
  const schedule = useScheduleText();
  const confirmation = useConfirmation();
  const formats = useFormats();
  // The revision the edit starts from; it moves only when the editor takes a newer one.
  const [base, setBase] = useState(commitment);
  // Kept in the browser until saved or discarded, so that closing the timeline, opening another
  // commitment or reloading loses nothing: it comes back when this editor opens on the same revision.
  const kept = useKeptDraft(
    `${view.process.id}.commitment.${commitment.id}`,
    JSON.stringify(draftOf(base)),
  );
  const draft = parseDraft(kept.value, draftOf(base));
  const setDraft = (d: Draft) => kept.setValue(JSON.stringify(d));
  const [conflict, setConflict] = useState<Commitment | null>(null);
  const [reapplied, setReapplied] = useState<number | null>(null);
  const [tried, setTried] = useState(false);
  const action = useAction();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft({ ...draft, [key]: value });
  const differs = (a: Draft, b: Draft) =>
    JSON.stringify(requestOf(a, 0)) !== JSON.stringify(requestOf(b, 0));
  const dirty = differs(draft, draftOf(base));
  useUnsavedGuard(dirty, t('unsaved.leave'));

  const problems: Partial<Record<Field, string>> = {};
  const wording = draft.wording.trim();
  if (wording === '' || wording.length > 4000)
    problems.wording = t('implementation.edit.problem.wording');
  if (!isDate(draft.startsOn)) problems.startsOn = t('implementation.edit.problem.startsOn');
  if (draft.schedule === 'once' && draft.deadline === '')
    problems.schedule = t('implementation.edit.problem.deadlineMissing');
  else if (draft.deadline !== '' && !isDate(draft.deadline))
    problems.schedule = t('implementation.edit.problem.deadlineDate');
  else if (draft.deadline !== '' && isDate(draft.startsOn) && draft.deadline < draft.startsOn)
    problems.schedule =
      draft.schedule === 'once'
        ? t('implementation.edit.problem.deadlineBefore')
        : t('implementation.edit.problem.untilBefore');
  const weight = Number(draft.weight);
  if (draft.weight.trim() === '' || !(Number.isFinite(weight) && weight > 0 && weight <= 1000))
    problems.weight = t('implementation.edit.problem.weight');
  const shown: Partial<Record<Field, string>> = tried ? { ...problems } : {};
  const refused = serverField(action.error);
  const refusedField = refused ? fieldOfServer[refused] : undefined;
  if (refusedField && !shown[refusedField])
    shown[refusedField] = t('implementation.edit.problem.refused');

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const el = e.currentTarget;
    setTried(true);
    setReapplied(null);
    if (Object.keys(problems).length > 0) {
      action.reset();
      requestAnimationFrame(() => el.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const saved = await action.run(async () => {
      try {
        return await api.implementation.editCommitment(
          view.process.id,
          base.id,
          requestOf(draft, base.revision),
        );
      } catch (err) {
        if (!isApiError(err, 'STALE_REVISION')) throw err;
        const now = await api.implementation.timeline(view.process.id, base.id);
        setConflict(now.commitment);
        return null;
      }
    });
    if (!saved) return;
    kept.discard();
    onSaved(saved);
  };
  const close = () => {
    if (!dirty) {
      kept.discard();
      return onClose();
    }
    confirmation.ask({
      title: t('implementation.edit.discardTitle', { id: base.externalId }),
      body: <p>{t('implementation.edit.discardBody')}</p>,
      confirmLabel: t('unsaved.discard'),
      danger: true,
      onConfirm: () => {
        kept.discard();
        onClose();
      },
    });
  };

  const partyName = (id: string) => view.parties.find((p) => p.id === id)?.code ?? '?';
  const themeName = (code: string) => {
    const th = themes.find((x) => x.code === code);
    return th ? `${th.code} · ${th.name}` : code;
  };
  /** A field of a draft in words, for the comparison of a conflict. */
  const shownValue = (d: Draft, f: Field): string => {
    const r = requestOf(d, 0);
    switch (f) {
      case 'wording':
        return r.wording;
      case 'parties':
        return r.responsiblePartyIds.length === 0
          ? t('implementation.edit.nobody')
          : r.responsiblePartyIds.map(partyName).join(', ');
      case 'startsOn':
        return r.startsOn;
      case 'schedule':
        return schedule(r.recurrence ?? 'none', r.deadline);
      case 'provisionType':
        return pamTypeName(t, r.provisionType);
      case 'themeCode':
        return r.themeCode ? themeName(r.themeCode) : t('implementation.edit.noTheme');
      case 'weight':
        return String(r.weight);
    }
  };
  const label = (f: Field): string => {
    switch (f) {
      case 'wording':
        return t('implementation.wording');
      case 'parties':
        return t('implementation.col.responsible');
      case 'startsOn':
        return t('implementation.startsOn');
      case 'schedule':
        return t('implementation.edit.schedule');
      case 'provisionType':
        return t('implementation.provisionType');
      case 'themeCode':
        return t('implementation.edit.theme');
      case 'weight':
        return t('implementation.edit.weight');
    }
  };
  const current = conflict ? draftOf(conflict) : null;
  // What each side changed from the revision the edit started at.
  const original = draftOf(base);
  const changed = (a: Draft, f: Field) => shownValue(a, f) !== shownValue(original, f);
  const theirs = current ? fields.filter((f) => changed(current, f)) : [];
  const mine = fields.filter((f) => changed(draft, f));
  /** The current commitment with the fields this editor changed applied on top of it. */
  const merged = (now: Draft): Draft => {
    const m: Record<keyof Draft, unknown> = { ...now };
    for (const f of mine) for (const k of draftKeys[f]) m[k] = draft[k];
    return m as unknown as Draft;
  };
  const tree = themeTree(themes);
  // A theme the list no longer offers (e.g. read before the plan reloaded) stays choosable.
  const unknownTheme = draft.themeCode !== '' && !themes.some((x) => x.code === draft.themeCode);

  return (
    <form
      className="form form-inset form-wide commitment-editor"
      onSubmit={submit}
      noValidate
      aria-label={t('implementation.edit.title', { id: base.externalId })}
    >
      {confirmation.dialog}
      <h4>{t('implementation.edit.title', { id: base.externalId })}</h4>
      {conflict && current && (
        <div className="conflict" role="alert">
          <p className="conflict-title strong">{t('implementation.edit.staleTitle')}</p>
          <p>{t('implementation.edit.staleBody')}</p>
          <div className="conflict-columns">
            <section
              className="conflict-version"
              aria-label={t('implementation.edit.theirs', { revision: conflict.revision })}
            >
              <h3>{t('implementation.edit.theirs', { revision: conflict.revision })}</h3>
              {theirs.length === 0 ? (
                <p>{t('implementation.edit.theirsNone')}</p>
              ) : (
                <dl className="facts-stacked">
                  {theirs.map((f) => (
                    <div key={f}>
                      <dt className="strong">{label(f)}</dt>
                      <dd>{shownValue(current, f)}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </section>
            <section
              className="conflict-version conflict-mine"
              aria-label={t('implementation.edit.yours')}
            >
              <h3>{t('implementation.edit.yours')}</h3>
              <dl className="facts-stacked">
                {mine.map((f) => (
                  <div key={f}>
                    <dt className="strong">{label(f)}</dt>
                    <dd>{shownValue(draft, f)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          </div>
          <div className="form-actions">
            <Button
              onClick={() => {
                setBase(conflict);
                setDraft(merged(current));
                setConflict(null);
                setReapplied(conflict.revision);
              }}
            >
              {t('implementation.edit.keepMine')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setBase(conflict);
                setDraft(draftOf(conflict));
                setConflict(null);
                setTried(false);
              }}
            >
              {t('implementation.edit.takeCurrent')}
            </Button>
          </div>
        </div>
      )}
      {kept.restoredAt && (
        <Notice tone="info">
          {t('implementation.edit.restored', { date: formats.dateTime(kept.restoredAt) })}
        </Notice>
      )}
      {kept.stale && (
        <Notice tone="warning">
          {t('implementation.edit.stale', { date: formats.dateTime(kept.stale.at) })}
          <pre className="kept-text">{parseDraft(kept.stale.text, draftOf(base)).wording}</pre>
        </Notice>
      )}
      {reapplied !== null && (
        <Notice tone="info">{t('implementation.edit.reapplied', { revision: reapplied })}</Notice>
      )}
      {!conflict && commitment.revision > base.revision && (
        <Notice tone="warning">
          {t('implementation.edit.changedMeanwhile', { revision: commitment.revision })}
        </Notice>
      )}
      <TextAreaField
        label={t('implementation.wording')}
        rows={Math.min(8, Math.max(3, Math.ceil(draft.wording.length / 70)))}
        maxLength={4000}
        value={draft.wording}
        onChange={(e) => set('wording', e.target.value)}
        {...invalidProps(form, 'wording', shown.wording)}
      />
      <FieldProblem form={form} field="wording" problem={shown.wording} />
      <fieldset className="fieldset">
        <legend>{t('implementation.col.responsible')}</legend>
        <p className="hint">{t('implementation.edit.responsibleHint')}</p>
        {view.parties.map((p) => (
          <CheckboxField
            key={p.id}
            label={p.name}
            checked={draft.parties.includes(p.id)}
            onChange={(e) =>
              set(
                'parties',
                // In the process's order of parties, whatever the order of the clicks.
                view.parties
                  .map((x) => x.id)
                  .filter((x) => (x === p.id ? e.target.checked : draft.parties.includes(x))),
              )
            }
          />
        ))}
      </fieldset>
      <FieldProblem form={form} field="parties" problem={shown.parties} />
      <TextField
        label={t('implementation.startsOn')}
        type="date"
        wrapperClassName="field-date"
        value={draft.startsOn}
        onChange={(e) => set('startsOn', e.target.value)}
        {...invalidProps(form, 'startsOn', shown.startsOn)}
      />
      <FieldProblem form={form} field="startsOn" problem={shown.startsOn} />
      <fieldset className="fieldset schedule-fieldset">
        <legend>{t('implementation.edit.schedule')}</legend>
        <div className="segmented">
          {(['once', 'recurring'] as const).map((s) => (
            <label key={s} className={draft.schedule === s ? 'is-selected' : undefined}>
              <input
                type="radio"
                name={`${form}-schedule`}
                checked={draft.schedule === s}
                onChange={() => set('schedule', s)}
              />
              {t(`implementation.edit.${s}`)}
            </label>
          ))}
        </div>
        <div className="form-row">
          {draft.schedule === 'recurring' && (
            <SelectField
              label={t('implementation.edit.frequency')}
              wrapperClassName="field-date"
              value={draft.frequency}
              onChange={(e) =>
                set('frequency', frequencies.find((f) => f === e.target.value) ?? 'monthly')
              }
            >
              {frequencies.map((f) => (
                <option key={f} value={f}>
                  {t(recurrenceKey(f))}
                </option>
              ))}
            </SelectField>
          )}
          <TextField
            label={
              draft.schedule === 'once'
                ? t('implementation.col.deadline')
                : t('implementation.edit.until')
            }
            hint={draft.schedule === 'once' ? undefined : t('implementation.edit.untilHint')}
            optional={draft.schedule === 'recurring'}
            type="date"
            wrapperClassName="field-date"
            min={draft.startsOn || undefined}
            value={draft.deadline}
            onChange={(e) => set('deadline', e.target.value)}
            {...invalidProps(form, 'schedule', shown.schedule)}
          />
        </div>
      </fieldset>
      <FieldProblem form={form} field="schedule" problem={shown.schedule} />
      <div className="form-row">
        <SelectField
          label={t('implementation.provisionType')}
          wrapperClassName="field-grow"
          value={draft.provisionType}
          onChange={(e) => set('provisionType', e.target.value)}
          {...invalidProps(form, 'provisionType', shown.provisionType)}
        >
          {pamProvisionTypes.map((p) => (
            <option key={p.key} value={p.key} title={p.definition}>
              {pamTypeName(t, p.key)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('implementation.edit.theme')}
          wrapperClassName="field-grow"
          optional
          value={draft.themeCode}
          onChange={(e) => set('themeCode', e.target.value)}
          {...invalidProps(form, 'themeCode', shown.themeCode)}
        >
          <option value="">{t('implementation.edit.noTheme')}</option>
          {tree.flatMap(({ theme, subthemes }) => [
            <option key={theme.id} value={theme.code}>
              {theme.code} · {theme.name}
            </option>,
            ...subthemes.map((s) => (
              <option key={s.id} value={s.code}>
                {'\u00a0\u00a0\u00a0↳ '}
                {s.code} · {s.name}
              </option>
            )),
          ])}
          {unknownTheme && <option value={draft.themeCode}>{draft.themeCode}</option>}
        </SelectField>
      </div>
      <FieldProblem form={form} field="provisionType" problem={shown.provisionType} />
      <FieldProblem form={form} field="themeCode" problem={shown.themeCode} />
      <TextField
        label={t('implementation.edit.weight')}
        hint={t('implementation.edit.weightHint')}
        type="number"
        inputMode="decimal"
        min={0}
        max={1000}
        step="any"
        wrapperClassName="field-weight"
        className="input-number"
        value={draft.weight}
        onChange={(e) => set('weight', e.target.value)}
        {...invalidProps(form, 'weight', shown.weight)}
      />
      <FieldProblem form={form} field="weight" problem={shown.weight} />
      <ErrorAlert error={action.error} />
      <div className="form-actions">
        <Button
          type="submit"
          pending={action.pending}
          pendingLabel={t('common.saving')}
          disabled={!dirty || conflict !== null}
        >
          {t('implementation.edit.save')}
        </Button>
        <Button variant="quiet" onClick={close}>
          {t('common.cancel')}
        </Button>
        {!dirty && <span className="hint">{t('implementation.edit.nothingChanged')}</span>}
      </div>
    </form>
  );
}
