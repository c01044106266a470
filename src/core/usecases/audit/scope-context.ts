/**
 * The step every audit scope use case shares: open a scope the actor may witness. A scope is
 * witnessed by whoever may read what it records (core/audit/scope.ts): a compartment's by its
 * readers, a process's set-up by its members, a member's own reads by that member and by those
 * who may read the process's audit log. Any other scope — another's, one of a process the actor
 * is not in, one that does not exist, a malformed name — answers the same NOT_FOUND.
 */
import { canOnProcess, canSeeEvent, type Actor } from '../../access/policy.js';
import { parseAuditScope, type AuditScope, type AuditScopeName } from '../../audit/scope.js';
import type { Stores } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { asId } from '../../shared/ids.js';
import { openProcess, type ProcessContext } from '../process-context.js';

/** A scope the actor may witness, with the process it belongs to. */
export interface AuditScopeContext {
  /** The scope's name, as signed into its tree heads. */
  name: AuditScopeName;
  /** The scope, parsed. */
  scope: AuditScope;
  /** The process, as the actor sees it. */
  ctx: ProcessContext;
}

/** Opens a scope the actor may witness, or fails with NOT_FOUND as if it did not exist. */
export async function openAuditScope(
  stores: Stores,
  actor: Actor,
  name: string,
): Promise<AuditScopeContext> {
  const scope = parseAuditScope(name);
  if (!scope) throw notFound('Audit scope');
  const compartment =
    scope.kind === 'compartment'
      ? await stores.items.findCompartment(asId(scope.compartmentId))
      : null;
  if (compartment === undefined) throw notFound('Audit scope');
  const processId = compartment
    ? compartment.processId
    : asId<'Process'>(scope.kind === 'compartment' ? '' : scope.processId);
  const ctx = await openProcess(stores, actor, processId).catch((e: unknown) => {
    // Not a member, or no such process: like a scope that does not exist.
    if (e instanceof DomainError && e.code === 'NOT_FOUND') throw notFound('Audit scope');
    throw e;
  });
  const witnesses =
    scope.kind === 'process' ||
    (scope.kind === 'compartment' &&
      compartment !== null &&
      canSeeEvent(ctx.membership, compartment)) ||
    (scope.kind === 'member' &&
      (scope.userId === actor.userId || canOnProcess(ctx.membership, 'view_audit')));
  if (!witnesses) throw notFound('Audit scope');
  return { name, scope, ctx };
}
