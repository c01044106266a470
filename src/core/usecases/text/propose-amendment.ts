import type { Actor } from '../../access/policy.js';
import { canProposeAmendment } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import type { AmendmentChange } from '../../text/amendment.js';
import { decideAmendment } from '../../text/amendment.js';
import { findProvision } from '../../text/model.js';
import type { StoredAmendment } from '../../text/stored.js';
import { parseCanonicalJson } from '../../text/version.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { asId, type ProcessId, type ProvisionId } from '../../shared/ids.js';
import { openText } from './text-context.js';

/**
 * A party proposes an amendment (insert, delete, replace) to a provision of the latest version it
 * received. It lives in the party's bilateral channel with the mediators; no other party sees it.
 */
export async function proposeAmendment(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    provision: ProvisionId;
    change: AmendmentChange;
    note: string;
  },
): Promise<StoredAmendment> {
  return deps.db.transaction(async (s) => {
    const tc = await openText(s, input.actor, input.processId);
    const m = tc.membership;
    if (!canProposeAmendment(m))
      throw new DomainError(
        'FORBIDDEN',
        "Amendments are proposed by a party's head of delegation or delegates.",
      );
    const channel = tc.compartments.find((c) => c.kind === 'bilateral' && c.partyId === m.partyId);
    if (!channel) throw notFound('Process');
    const versions = await s.text.listVersions(input.processId, tc.visible);
    const latest = versions[versions.length - 1];
    if (!latest)
      throw new DomainError(
        'RULE_VIOLATION',
        'No version of the text has been distributed to you yet.',
      );
    const text = parseCanonicalJson(latest.canonical);
    if (!findProvision(text, input.provision)) throw notFound('Provision');
    // Check now that the amendment applies to the text the party has, so a typo in a quote is
    // caught while the delegate is still writing.
    decideAmendment(
      text,
      {
        id: asId('check'),
        provision: input.provision,
        proposedBy: m.partyId,
        change: input.change,
      },
      'merge',
    );
    const amendment: StoredAmendment = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      compartmentId: channel.id,
      partyId: m.partyId,
      provision: input.provision,
      change: input.change,
      note: input.note.trim(),
      outcome: 'pending',
      proposedBy: input.actor.userId,
      proposedAt: deps.clock.now().toISOString(),
      decidedAt: null,
    };
    await s.text.insertAmendment(amendment);
    await s.audit.append({
      kind: 'amendment.proposed',
      data: { amendmentId: amendment.id, provision: input.provision },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: channel.id,
    });
    return amendment;
  });
}
