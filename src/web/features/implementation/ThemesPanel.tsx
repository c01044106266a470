/**
 * The plan's own themes and subthemes, as a tree (theme → subthemes), each with the PAM provision
 * type it maps to, its PA-X category code and how many commitments it holds; and, for the
 * mediators who plan implementation (what `POST …/implementation/themes` allows), the form that
 * defines one. A theme's code is its name in CSV files and cannot change, so the form checks it
 * before sending.
 */
import { useId, useState, type FormEvent } from 'react';
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
  const count = (code: string) => commitments.filter((c) => c.commitment.themeCode === code).length;
  const tree = themeTree(themes);
  return (
    <Section title={t('implementation.themes.section')} className="themes-panel">
      <p className="section-intro">{t('implementation.themes.intro')}</p>
      {notice && <Notice>{notice}</Notice>}
      {tree.length === 0 ? (
        <p className="empty">{t('implementation.themes.none')}</p>
      ) : (
        <ul className="theme-tree" aria-label={t('implementation.themes.section')}>
          {tree.map(({ theme, subthemes }) => (
            <li key={theme.id}>
              <ThemeLine theme={theme} commitments={count(theme.code)} />
              {subthemes.length > 0 && (
                <ul aria-label={t('implementation.themes.subthemesOf', { code: theme.code })}>
                  {subthemes.map((s) => (
                    <li key={s.id}>
                      <ThemeLine theme={s} commitments={count(s.code)} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {planner && (
        <Disclosure label={t('implementation.themes.add')}>
          {() => (
            <ThemeForm
              themes={themes}
              onDefined={(theme) => {
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
    </Section>
  );
}

/** One theme: code, name, what it maps to, how many commitments it holds. */
function ThemeLine({ theme, commitments }: { theme: Theme; commitments: number }) {
  const { t } = useTranslation();
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
    </div>
  );
}

type ThemeField = 'code' | 'name' | 'parentCode' | 'pamType' | 'paxCode';

/**
 * Defining a theme or a subtheme. It stays open after each one, with the theme kept, so that a
 * theme's subthemes are added one after the other.
 */
function ThemeForm({
  themes,
  onDefined,
}: {
  themes: readonly Theme[];
  onDefined: (theme: Theme) => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const form = useId();
  const [parentCode, setParentCode] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [pamType, setPamType] = useState('');
  const [paxCode, setPaxCode] = useState('');
  const [tried, setTried] = useState(false);
  const action = useAction();
  // Only a theme can have subthemes: subthemes are not offered as parents.
  const parents = themes
    .filter((th) => th.parentCode === null)
    .sort((a, b) => a.code.localeCompare(b.code));
  const problems: Partial<Record<ThemeField, string>> = {};
  if (!themeCodePattern.test(code.trim()))
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
    const theme = await action.run(() =>
      api.implementation.defineTheme(view.process.id, {
        code: code.trim(),
        name: name.trim(),
        parentCode: parentCode === '' ? null : parentCode,
        pamType: pamType === '' ? null : pamType,
        paxCode: paxCode.trim() === '' ? null : paxCode.trim(),
      }),
    );
    if (!theme) return;
    setTried(false);
    setCode('');
    setName('');
    setPamType('');
    setPaxCode('');
    onDefined(theme);
  };
  const parent = parents.find((p) => p.code === parentCode);
  return (
    <form className="form form-inset form-wide theme-form" onSubmit={submit} noValidate>
      <p className="form-intro">{t('implementation.themes.formIntro')}</p>
      <SelectField
        label={t('implementation.themes.parent')}
        optional
        value={parentCode}
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
          hint={t('implementation.themes.codeHint')}
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
          {parent
            ? t('implementation.themes.submitSub', { code: parent.code })
            : t('implementation.themes.submit')}
        </Button>
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
