/** Checks shared by the use cases that release and withdraw the public accountability page. */
import { canPlanImplementation } from '../../access/policy.js';
import type { Compartment } from '../../access/compartments.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { requirePlenary, type ImplementationContext } from './implementation-context.js';

/** The public compartment, for a lead mediator or mediator; FORBIDDEN for anyone else. */
export function publicCompartmentFor(ic: ImplementationContext): Compartment {
  requirePlenary(ic);
  if (!canPlanImplementation(ic.membership))
    throw new DomainError(
      'FORBIDDEN',
      'Only the lead mediator and mediators release the public accountability page.',
    );
  const pub = ic.compartments.find((c) => c.kind === 'public');
  if (!pub) throw notFound('Public compartment');
  return pub;
}
