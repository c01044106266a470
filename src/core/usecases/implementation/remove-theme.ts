import type { Actor } from '../../access/policy.js';
import type { Theme } from '../../implementation/model.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { ProcessId, ThemeId } from '../../shared/ids.js';
import { openImplementation } from './implementation-context.js';
import { requireThemePlanner, themeGone, visibleTheme } from './theme-rules.js';

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The refusal of a theme in use, saying how many commitments and subthemes use it. */
function inUse(theme: Theme, uses: { commitments: number; subthemes: number }): DomainError {
  const by = [
    uses.commitments > 0 ? counted(uses.commitments, 'commitment', 'commitments') : '',
    uses.subthemes > 0 ? counted(uses.subthemes, 'subtheme', 'subthemes') : '',
  ].filter((x) => x !== '');
  const them = uses.commitments + uses.subthemes === 1 ? 'it' : 'them';
  return new DomainError(
    'CONFLICT',
    `The theme ${theme.code} is still used by ${by.join(' and ') || 'a commitment or subtheme'}; move ${them} to another theme or remove ${them} first.`,
    { commitments: uses.commitments, subthemes: uses.subthemes },
  );
}

/**
 * The mediators remove a theme that no commitment and no subtheme uses; one still in use is
 * refused (CONFLICT) with how many use it, so that they can be moved first, and one removed
 * meanwhile answers NOT_FOUND. A released public page keeps the picture it was released with.
 */
export async function removeTheme(
  deps: Deps<'db'>,
  input: { actor: Actor; processId: ProcessId; themeId: ThemeId },
): Promise<Theme> {
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    const theme = await visibleTheme(s, ic, input.themeId);
    requireThemePlanner(ic, 'remove');
    // Locked before its uses are counted: a commitment or subtheme taking the theme on another
    // instance has either committed (and is counted) or waits for this removal (and finds the
    // theme gone); a removal that came first leaves nothing to lock.
    const locked = await s.implementation.lockThemes(
      ic.process.id,
      { use: [], change: [theme.code] },
      ic.visible,
    );
    if (!locked.includes(theme.code)) throw notFound('Theme');
    const count = () => s.implementation.countThemeUses(ic.process.id, theme.code, ic.visible);
    const uses = await count();
    if (uses.commitments > 0 || uses.subthemes > 0) throw inUse(theme, uses);
    // Guarded in SQL too; it deletes nothing if the theme went meanwhile (its code now another's).
    if (!(await s.implementation.deleteTheme(theme)))
      throw (await themeGone(s, ic, theme.id)) ? notFound('Theme') : inUse(theme, await count());
    await s.audit.append({
      kind: 'theme.removed',
      data: { themeId: theme.id, code: theme.code },
      actorUserId: input.actor.userId,
      processId: ic.process.id,
      compartmentId: ic.plenary.id,
    });
    return theme;
  });
}
