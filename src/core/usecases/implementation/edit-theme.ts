import type { Actor } from '../../access/policy.js';
import type { Theme } from '../../implementation/model.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { ProcessId, ThemeId } from '../../shared/ids.js';
import { openImplementation } from './implementation-context.js';
import { checkThemePlace, requireThemePlanner, themeGone, visibleTheme } from './theme-rules.js';

/** What an edit may change of a theme: everything but its code. */
export interface ThemeFields {
  /** Its name. */
  name: string;
  /** The code of the theme it is a subtheme of, or null. */
  parentCode: string | null;
  /** The PAM provision type it maps to, or null. */
  pamType: string | null;
  /** A PA-X category code, or null. */
  paxCode: string | null;
}

const fieldNames = ['name', 'parentCode', 'pamType', 'paxCode'] as const;

/**
 * The mediators change a theme's name, parent, PAM type or PA-X code. Its code stays: commitments,
 * CSV files and released pages refer to it. The edit names the theme as its editor opened it
 * (`base`); if it has changed since, the edit is refused rather than overwriting that change, and
 * if it was removed meanwhile the edit answers NOT_FOUND.
 */
export async function editTheme(
  deps: Deps<'db'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    themeId: ThemeId;
    /** The theme's code, if the editor sends it: it must be the one it has. */
    code?: string | undefined;
    fields: ThemeFields;
    base: ThemeFields;
  },
): Promise<Theme> {
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    const theme = await visibleTheme(s, ic, input.themeId);
    requireThemePlanner(ic, 'edit');
    if (input.code !== undefined && input.code !== theme.code)
      throw new DomainError(
        'INVALID_INPUT',
        `A theme's code cannot change: commitments and CSV files refer to ${theme.code}. Define a new theme instead.`,
        { field: 'code' },
      );
    // Placed under another theme: both are locked before the tree is read, so that another
    // instance removing either, placing the parent under a third or a theme under this one, has
    // either committed (and the rules below see it) or waits for this edit (and then sees it).
    const parent = input.fields.parentCode;
    if (parent !== null && parent !== theme.parentCode) {
      const locked = await s.implementation.lockThemes(
        ic.process.id,
        { use: [parent], change: [theme.code] },
        ic.visible,
      );
      if (!locked.includes(theme.code)) throw notFound('Theme');
    }
    const themes = await s.implementation.listThemes(ic.process.id, ic.visible);
    checkThemePlace(themes, { code: theme.code, ...input.fields });
    if (fieldNames.some((f) => theme[f] !== input.base[f]))
      throw new DomainError(
        'STALE_REVISION',
        'The theme changed since you opened it; review it and edit again.',
      );
    const changed = fieldNames.filter((f) => theme[f] !== input.fields[f]);
    if (changed.length === 0) return theme;
    const next: Theme = { ...theme, ...input.fields };
    if (!(await s.implementation.updateTheme(next, theme))) {
      if (await themeGone(s, ic, theme.id)) throw notFound('Theme');
      throw new DomainError(
        'STALE_REVISION',
        'The theme changed since you opened it; review it and edit again.',
      );
    }
    await s.audit.append({
      kind: 'theme.edited',
      data: { themeId: theme.id, code: theme.code, fields: changed },
      actorUserId: input.actor.userId,
      processId: ic.process.id,
      compartmentId: ic.plenary.id,
    });
    return next;
  });
}
