/**
 * The plan's own themes and subthemes, as a tree (theme → subthemes), each with the PAM provision
 * type it maps to, its PA-X category code and how many commitments it holds; and, for the
 * mediators who plan implementation (what `POST …/implementation/themes` allows), the form that
 * defines one and, on each theme, the same form to edit it and a removal to confirm. A theme's
 * code is its name in CSV files and cannot change, so the form checks it before sending and shows
 * it fixed when editing. A theme that commitments or subthemes use cannot be removed: the removal
 * is disabled and says how many use it (the server refuses it too).
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canPlanImplementation } from '../../../core/access/policy.js';
import { pamProvisionTypes } from '../../../core/implementation/pam.js';
import { api } from '../../api/client.js';
import type { CommitmentSummary, Theme } from '../../api/types.js';
import {
  Button,
  Disclosure,
  ErrorAlert,
  Notice,
  Section,
  SelectField,
  TextField,
} from '../../ui/components.js';
import { useConfirmation } from '../../ui/ConfirmDialog.js';
import { useAction } from '../../ui/hooks.js';
import { membershipOf } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { FieldProblem, invalidProps, serverField } from './field-problems.js';
import { pamTypeName } from './pam-names.js';
import { themeCodePattern, themeTree } from './themes.js';

/** The themes section of the implementation screen. */
export function ThemesPanel({
  themes,
  commitments,
  onDefined,
}: {
  themes: readonly Theme[];
  commitments: readonly CommitmentSummary[];
  onDefined: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const planner = canPlanImplementation(membershipOf(view));
  const [notice, setNotice] = useState<string | null>(null);
  // The theme as it was when its edit opened: a live update may bring a newer one meanwhile, and
  // the edit must start from what its editor saw, so that the server refuses a stale one.
  const [editing, setEditing] = useState<Theme | null>(null);
  const removal = useAction();
  const confirmation = useConfirmation();
  const count = (code: string) => commitments.filter((c) => c.commitment.themeCode === code).length;
  const subthemesOf = (code: string) => themes.filter((th) => th.parentCode === code).length;
  const tree = themeTree(themes);
  const remove = (theme: Theme) =>
    confirmation.ask({
      title: t('implementation.themes.removeTitle', { code: theme.code }),
      body: <p>{t('implementation.themes.removeBody', { name: theme.name })}</p>,
      confirmLabel: t('implementation.themes.removeConfirm'),
      danger: true,
      onConfirm: () =>
        void removal
          .run(() => api.implementation.removeTheme(view.process.id, theme.id))
          .then((done) => {
            if (!done) return;
            setNotice(t('implementation.themes.removed', { code: theme.code }));
            onDefined();
          }),
    });
  /** A theme's line, its actions and, while it is edited, the form in its place. */
  const entry = (theme: Theme, subthemes: ReactNode) => (
    <li key={theme.id}>
      {editing?.id === theme.id ? (
        <ThemeForm
          themes={themes}
          editing={editing}
          onCancel={() => setEditing(null)}
          onDone={(saved) => {
            setEditing(null);
            setNotice(t('implementation.themes.saved', { code: saved.code }));
            onDefined();
          }}
        />
      ) : (
        <ThemeLine
          theme={theme}
          commitments={count(theme.code)}
          subthemes={subthemesOf(theme.code)}
          actions={planner}
          onEdit={() => {
            removal.reset();
            setNotice(null);
            setEditing(theme);
          }}
          onRemove={() => remove(theme)}
          removing={removal.pending}
        />
      )}
      {subthemes}
    </li>
  );
  return (
    <Section title={t('implementation.themes.section')} className="themes-panel">
      <p className="section-intro">{t('implementation.themes.intro')}</p>
      {notice && <Notice>{notice}</Notice>}
      <ErrorAlert error={removal.error} />
      {tree.length === 0 ? (
        <p className="empty">{t('implementation.themes.none')}</p>
      ) : (
        <ul className="theme-tree" aria-label={t('implementation.themes.section')}>
          {tree.map(({ theme, subthemes }) =>
            entry(
              theme,
              subthemes.length > 0 && (
                <ul aria-label={t('implementation.themes.subthemesOf', { code: theme.code })}>
                  {subthemes.map((s) => entry(s, null))}
                </ul>
              ),
            ),
          )}
        </ul>
      )}
      {planner && (
        <Disclosure label={t('implementation.themes.add')}>
          {() => (
            <ThemeForm
              themes={themes}
              onDone={(theme) => {
                setNotice(
                  theme.parentCode === null
                    ? t('implementation.themes.defined', { code: theme.code })
                    : t('implementation.themes.definedSub', {
                        code: theme.code,
                        parent: theme.parentCode,
                      }),
                );
                onDefined();
              }}
            />
          )}
        </Disclosure>
      )}
      {confirmation.dialog}
    </Section>
  );
}

/**
 * One theme: code, name, what it maps to, how many commitments it holds; for the mediators, its
 * edit and removal (disabled, with the reason beside it, while commitments or subthemes use it).
 */
function ThemeLine({
  theme,
  commitments,
  subthemes,
  actions,
  onEdit,
  onRemove,
  removing,
}: {
  theme: Theme;
  commitments: number;
  subthemes: number;
  actions: boolean;
  onEdit: () => void;
  onRemove: () => void;
  removing: boolean;
}) {
  const { t } = useTranslation();
  const why = useId();
  const uses = [
    commitments > 0 && t('implementation.themes.commitments', { count: commitments }),
    subthemes > 0 && t('implementation.themes.subthemes', { count: subthemes }),
  ].filter((x): x is string => typeof x === 'string');
  const inUse = uses.length > 0;
  return (
    <div className="theme-line">
      <span className="theme-name">
        <code className="theme-code">{theme.code}</code> <strong>{theme.name}</strong>
      </span>
      <span className="theme-mapping muted small">
        {theme.pamType
          ? t('implementation.themes.pam', { type: pamTypeName(t, theme.pamType) })
          : t('implementation.themes.unmapped')}
        {theme.paxCode && <> · {t('implementation.themes.pax', { code: theme.paxCode })}</>}
        {' · '}
        {t('implementation.themes.commitments', { count: commitments })}
      </span>
      {actions && (
        <span className="theme-actions">
          <Button
            variant="quiet"
            className="button-small"
            aria-label={t('implementation.themes.editLabel', { code: theme.code })}
            onClick={onEdit}
          >
            {t('implementation.themes.edit')}
          </Button>
          <Button
            variant="quiet"
            className="button-small"
            aria-label={t('implementation.themes.removeLabel', { code: theme.code })}
            aria-describedby={inUse ? why : undefined}
            disabled={inUse || removing}
            onClick={onRemove}
          >
            {t('implementation.themes.remove')}
          </Button>
          {inUse && (
            <span id={why} className="theme-in-use muted small">
              {t('implementation.themes.inUse', {
                uses:
                  uses.length === 2
                    ? t('implementation.themes.usesBoth', { a: uses[0], b: uses[1] })
                    : uses[0],
              })}
            </span>
          )}
        </span>
      )}
    </div>
  );
}

type ThemeField = 'code' | 'name' | 'parentCode' | 'pamType' | 'paxCode';

/**
 * Defining a theme or a subtheme, or editing one (`editing`). Defining, it stays open after each
 * one, with the theme kept, so that a theme's subthemes are added one after the other; editing, it
 * starts from the theme as it is, shows its code fixed, and sends the theme as it was opened, so
 * that a change made meanwhile is refused rather than overwritten.
 */
function ThemeForm({
  themes,
  editing,
  onDone,
  onCancel,
}: {
  themes: readonly Theme[];
  editing?: Theme;
  onDone: (theme: Theme) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const form = useId();
  const [parentCode, setParentCode] = useState(editing?.parentCode ?? '');
  const [code, setCode] = useState(editing?.code ?? '');
  const [name, setName] = useState(editing?.name ?? '');
  const [pamType, setPamType] = useState(editing?.pamType ?? '');
  const [paxCode, setPaxCode] = useState(editing?.paxCode ?? '');
  const [tried, setTried] = useState(false);
  const action = useAction();
  // A theme with subthemes stays a theme: it is offered no parent.
  const hasSubthemes = editing !== undefined && themes.some((th) => th.parentCode === editing.code);
  // Only a theme can have subthemes: subthemes are not offered as parents, nor is the theme itself.
  const parents = hasSubthemes
    ? []
    : themes
        .filter((th) => th.parentCode === null && th.code !== editing?.code)
        .sort((a, b) => a.code.localeCompare(b.code));
  const problems: Partial<Record<ThemeField, string>> = {};
  if (editing) {
    // The code is fixed, and was checked when the theme was defined.
  } else if (!themeCodePattern.test(code.trim()))
    problems.code = t('implementation.themes.problem.codeFormat');
  else if (themes.some((th) => th.code === code.trim()))
    problems.code = t('implementation.themes.problem.codeTaken', { code: code.trim() });
  if (name.trim() === '') problems.name = t('implementation.themes.problem.name');
  const shown: Partial<Record<ThemeField, string>> = tried ? { ...problems } : {};
  // A refusal the form did not foresee still shows under the field it names.
  const refused = serverField(action.error) as ThemeField | null;
  if (refused && refused in fieldLabels && !shown[refused])
    shown[refused] = t('implementation.themes.problem.refused');
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const el = e.currentTarget;
    setTried(true);
    if (Object.keys(problems).length > 0) {
      action.reset();
      requestAnimationFrame(() => el.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const fields = {
      name: name.trim(),
      parentCode: parentCode === '' ? null : parentCode,
      pamType: pamType === '' ? null : pamType,
      paxCode: paxCode.trim() === '' ? null : paxCode.trim(),
    };
    const theme = await action.run(() =>
      editing
        ? api.implementation.editTheme(view.process.id, editing.id, {
            ...fields,
            base: {
              name: editing.name,
              parentCode: editing.parentCode,
              pamType: editing.pamType,
              paxCode: editing.paxCode,
            },
          })
        : api.implementation.defineTheme(view.process.id, { code: code.trim(), ...fields }),
    );
    if (!theme) return;
    setTried(false);
    if (!editing) {
      setCode('');
      setName('');
      setPamType('');
      setPaxCode('');
    }
    onDone(theme);
  };
  const parent = parents.find((p) => p.code === parentCode);
  return (
    <form
      className="form form-inset form-wide theme-form"
      onSubmit={submit}
      noValidate
      aria-label={
        editing ? t('implementation.themes.editTitle', { code: editing.code }) : undefined
      }
    >
      <p className="form-intro">
        {editing
          ? t('implementation.themes.editIntro', { code: editing.code })
          : t('implementation.themes.formIntro')}
      </p>
      <SelectField
        label={t('implementation.themes.parent')}
        hint={
          hasSubthemes
            ? t('implementation.themes.parentLocked', { code: editing?.code })
            : undefined
        }
        optional
        value={parentCode}
        disabled={hasSubthemes}
        onChange={(e) => setParentCode(e.target.value)}
      >
        <option value="">{t('implementation.themes.parentNone')}</option>
        {parents.map((p) => (
          <option key={p.id} value={p.code}>
            {p.code} · {p.name}
          </option>
        ))}
      </SelectField>
      <div className="form-row form-row-end">
        <TextField
          label={t('implementation.themes.code')}
          hint={
            editing ? t('implementation.themes.codeFixed') : t('implementation.themes.codeHint')
          }
          readOnly={editing !== undefined}
          wrapperClassName="field-narrow"
          className="mono"
          value={code}
          maxLength={32}
          autoComplete="off"
          spellCheck={false}
          placeholder={parent ? `${parent.code}.1` : undefined}
          onChange={(e) => setCode(e.target.value)}
          {...invalidProps(form, 'code', shown.code)}
        />
        <TextField
          label={t('implementation.themes.name')}
          wrapperClassName="field-grow"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          {...invalidProps(form, 'name', shown.name)}
        />
      </div>
      <FieldProblem form={form} field="code" problem={shown.code} />
      <FieldProblem form={form} field="name" problem={shown.name} />
      <div className="form-row form-row-end">
        <SelectField
          label={t('implementation.themes.pamType')}
          hint={t('implementation.themes.pamTypeHint')}
          wrapperClassName="field-grow"
          optional
          value={pamType}
          onChange={(e) => setPamType(e.target.value)}
          {...invalidProps(form, 'pamType', shown.pamType)}
        >
          <option value="">{t('implementation.themes.pamNone')}</option>
          {pamProvisionTypes.map((p) => (
            <option key={p.key} value={p.key} title={p.definition}>
              {pamTypeName(t, p.key)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('implementation.themes.paxCode')}
          hint={t('implementation.themes.paxHint')}
          wrapperClassName="field-narrow"
          className="mono"
          optional
          value={paxCode}
          maxLength={32}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setPaxCode(e.target.value)}
          {...invalidProps(form, 'paxCode', shown.paxCode)}
        />
      </div>
      <FieldProblem form={form} field="pamType" problem={shown.pamType} />
      <FieldProblem form={form} field="paxCode" problem={shown.paxCode} />
      <FieldProblem form={form} field="parentCode" problem={shown.parentCode} />
      <ErrorAlert error={action.error} />
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {editing
            ? t('implementation.themes.save')
            : parent
              ? t('implementation.themes.submitSub', { code: parent.code })
              : t('implementation.themes.submit')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

/** The fields a refusal may name. */
const fieldLabels: Record<ThemeField, true> = {
  code: true,
  name: true,
  parentCode: true,
  pamType: true,
  paxCode: true,
};
