/** Packages (an option per issue) in words: what a mediator reads out to a delegation. */
import { useTranslation } from 'react-i18next';
import type { AgendaIssue } from '../../api/types.js';
import { SelectField } from '../../ui/components.js';

/** issue id → option id. */
export type PackageTerms = Record<string, string>;

/** The terms of a package in agenda order, as (issue, option) wordings. */
export function packageLines(
  issues: readonly AgendaIssue[],
  pkg: PackageTerms,
): Array<{ issueId: string; issue: string; option: string }> {
  return issues.flatMap((i) => {
    const optionId = pkg[i.id];
    if (optionId === undefined) return [];
    const option = i.options.find((o) => o.id === optionId)?.label ?? '?';
    return [{ issueId: i.id, issue: i.title, option }];
  });
}

/**
 * A package as a definition list. With `base`, the issues whose option differs from it are marked
 * (and, with `onlyChanges`, only those are listed).
 */
export function PackageView({
  issues,
  pkg,
  base,
  onlyChanges = false,
}: {
  issues: readonly AgendaIssue[];
  pkg: PackageTerms;
  base?: PackageTerms;
  onlyChanges?: boolean;
}) {
  const { t } = useTranslation();
  const all = packageLines(issues, pkg);
  const lines = all.filter((l) => !onlyChanges || !base || base[l.issueId] !== pkg[l.issueId]);
  if (lines.length === 0) return <p className="muted small">{t('record.sameAsProposal')}</p>;
  return (
    <>
      <dl className="package">
        {lines.map((l) => {
          const changed = base !== undefined && base[l.issueId] !== pkg[l.issueId];
          const before = changed
            ? issues
                .find((i) => i.id === l.issueId)
                ?.options.find((o) => o.id === base?.[l.issueId])
            : undefined;
          return (
            <div key={l.issueId} className={changed ? 'is-changed' : undefined}>
              <dt>{l.issue}</dt>
              <dd>
                {l.option}
                {before && (
                  <span className="instead-of">
                    {t('record.insteadOf', { option: before.label })}
                  </span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {onlyChanges && lines.length < all.length && (
        <p className="muted small package-rest">{t('record.otherwiseSame')}</p>
      )}
    </>
  );
}

/** Chooses an option per issue (or leaves an issue out). */
export function PackageEditor({
  issues,
  value,
  onChange,
}: {
  issues: readonly AgendaIssue[];
  value: PackageTerms;
  onChange: (next: PackageTerms) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="package-editor">
      <legend>{t('record.packageLegend')}</legend>
      {issues.map((i) => (
        <SelectField
          key={i.id}
          label={i.title}
          optional
          value={value[i.id] ?? ''}
          onChange={(e) => {
            const next = { ...value };
            if (e.target.value) next[i.id] = e.target.value;
            else delete next[i.id];
            onChange(next);
          }}
        >
          <option value="">{t('record.notIncluded')}</option>
          {i.options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </SelectField>
      ))}
    </fieldset>
  );
}
