/** Checks and steps shared by the use cases that define, edit and remove a theme. */
import { canPlanImplementation } from '../../access/policy.js';
import type { Theme } from '../../implementation/model.js';
import { provisionType } from '../../implementation/pam.js';
import type { Stores } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { ThemeId } from '../../shared/ids.js';
import { requirePlenary, type ImplementationContext } from './implementation-context.js';

/** Requires the actor to plan implementation (the lead mediator and mediators). */
export function requireThemePlanner(ic: ImplementationContext, what: string): void {
  requirePlenary(ic);
  if (!canPlanImplementation(ic.membership))
    throw new DomainError('FORBIDDEN', `Only the lead mediator and mediators ${what} themes.`);
}

/** A theme the actor may read, or NOT_FOUND (a theme of another process answers the same). */
export async function visibleTheme(
  s: Stores,
  ic: ImplementationContext,
  id: ThemeId,
): Promise<Theme> {
  const t = await s.implementation.findTheme(id, ic.visible);
  if (!t || t.processId !== ic.process.id) throw notFound('Theme');
  return t;
}

/**
 * Whether a theme read earlier in the transaction is gone now (another instance removed it): a
 * write that then finds nothing answers NOT_FOUND, like a theme that never existed.
 */
export async function themeGone(
  s: Stores,
  ic: ImplementationContext,
  id: ThemeId,
): Promise<boolean> {
  return (await s.implementation.findTheme(id, ic.visible)) === undefined;
}

/**
 * Raises INVALID_INPUT, naming the field, when a theme's place in the tree or its PAM type breaks
 * a rule: a subtheme belongs to a theme that exists and is not itself a subtheme (nor the theme
 * itself), a theme that has subthemes stays a theme, and the type is one of the scheme's.
 */
export function checkThemePlace(
  themes: readonly Theme[],
  theme: { code: string; parentCode: string | null; pamType: string | null },
): void {
  const { code, parentCode, pamType } = theme;
  if (parentCode !== null) {
    if (parentCode === code)
      throw new DomainError('INVALID_INPUT', 'A theme cannot be a subtheme of itself.', {
        field: 'parentCode',
      });
    const parent = themes.find((t) => t.code === parentCode);
    if (!parent)
      throw new DomainError('INVALID_INPUT', `No theme has the code ${parentCode}.`, {
        field: 'parentCode',
      });
    if (parent.parentCode !== null)
      throw new DomainError(
        'INVALID_INPUT',
        'A subtheme belongs to a theme that is not itself a subtheme.',
        { field: 'parentCode' },
      );
    const subthemes = themes.filter((t) => t.parentCode === code).length;
    if (subthemes > 0)
      throw new DomainError(
        'INVALID_INPUT',
        `${code} has ${subthemes === 1 ? 'a subtheme' : `${subthemes} subthemes`}, so it cannot become a subtheme itself; move ${subthemes === 1 ? 'it' : 'them'} first.`,
        { field: 'parentCode' },
      );
  }
  if (pamType !== null && !provisionType(pamType))
    throw new DomainError('INVALID_INPUT', 'That is not a provision type of the scheme.', {
      field: 'pamType',
    });
}
