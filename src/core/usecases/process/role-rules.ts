import type { Party, Role } from '../../process/model.js';
import { isDelegationRole } from '../../process/model.js';
import { DomainError, notFound } from '../../shared/errors.js';
import type { PartyId } from '../../shared/ids.js';

/** A delegation role needs a party of the process; every other role must have none. */
export function checkRoleParty(
  role: Role,
  partyId: PartyId | null,
  parties: readonly Party[],
): void {
  if (isDelegationRole(role)) {
    if (!partyId)
      throw new DomainError(
        'RULE_VIOLATION',
        `The role ${role} belongs to a party: name the party.`,
      );
    if (!parties.some((p) => p.id === partyId)) throw notFound('Party');
  } else if (partyId) {
    throw new DomainError('RULE_VIOLATION', `The role ${role} does not belong to a party.`);
  }
}
