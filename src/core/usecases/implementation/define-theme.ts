import type { Actor } from '../../access/policy.js';
import type { Theme } from '../../implementation/model.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type ProcessId } from '../../shared/ids.js';
import { openImplementation } from './implementation-context.js';
import { checkThemePlace, requireThemePlanner } from './theme-rules.js';

/** The mediators add a theme (or a subtheme of one) to the plan, mapped to PAM and optionally PA-X. */
export async function defineTheme(
  deps: Deps<'db' | 'ids'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    code: string;
    name: string;
    parentCode: string | null;
    pamType: string | null;
    paxCode: string | null;
  },
): Promise<Theme> {
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    requireThemePlanner(ic, 'define');
    if (!/^[A-Za-z0-9._-]{1,32}$/.test(input.code))
      throw new DomainError('INVALID_INPUT', 'Give the code as 1 to 32 letters, digits or . _ -.', {
        field: 'code',
      });
    // The parent is locked before the tree is read: another instance removing it or placing it
    // under a theme has either committed (and the rules below see it) or waits for this one.
    if (input.parentCode !== null)
      await s.implementation.lockThemes(
        ic.process.id,
        { use: [input.parentCode], change: [] },
        ic.visible,
      );
    const themes = await s.implementation.listThemes(ic.process.id, ic.visible);
    if (themes.some((t) => t.code === input.code))
      throw new DomainError('CONFLICT', `A theme already has the code ${input.code}.`);
    checkThemePlace(themes, input);
    const theme: Theme = {
      id: asId(deps.ids.newId()),
      processId: ic.process.id,
      code: input.code,
      name: input.name,
      parentCode: input.parentCode,
      pamType: input.pamType,
      paxCode: input.paxCode,
    };
    await s.implementation.insertTheme(theme);
    await s.audit.append({
      kind: 'theme.defined',
      data: { themeId: theme.id, code: theme.code },
      actorUserId: input.actor.userId,
      processId: ic.process.id,
      compartmentId: ic.plenary.id,
    });
    return theme;
  });
}
