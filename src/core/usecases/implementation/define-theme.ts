import type { Actor } from '../../access/policy.js';
import { canPlanImplementation } from '../../access/policy.js';
import type { Theme } from '../../implementation/model.js';
import { provisionType } from '../../implementation/pam.js';
import type { Deps } from '../../ports.js';
import { DomainError } from '../../shared/errors.js';
import { asId, type ProcessId } from '../../shared/ids.js';
import { openImplementation, requirePlenary } from './implementation-context.js';

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
    requirePlenary(ic);
    if (!canPlanImplementation(ic.membership))
      throw new DomainError('FORBIDDEN', 'Only the lead mediator and mediators define themes.');
    const themes = await s.implementation.listThemes(ic.process.id, ic.visible);
    if (!/^[A-Za-z0-9._-]{1,32}$/.test(input.code))
      throw new DomainError('INVALID_INPUT', 'Give the code as 1 to 32 letters, digits or . _ -.', {
        field: 'code',
      });
    if (themes.some((t) => t.code === input.code))
      throw new DomainError('CONFLICT', `A theme already has the code ${input.code}.`);
    if (
      input.parentCode !== null &&
      !themes.some((t) => t.code === input.parentCode && t.parentCode === null)
    )
      throw new DomainError(
        'INVALID_INPUT',
        'A subtheme belongs to a theme that is not itself a subtheme.',
        { field: 'parentCode' },
      );
    if (input.pamType !== null && !provisionType(input.pamType))
      throw new DomainError('INVALID_INPUT', 'That is not a provision type of the scheme.', {
        field: 'pamType',
      });
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
