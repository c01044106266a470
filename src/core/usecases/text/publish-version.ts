import type { Actor } from '../../access/policy.js';
import { canHoldPen, canReadCompartment, requireRead } from '../../access/policy.js';
import type { Deps } from '../../ports.js';
import { formatChangeList, revisionChangeList } from '../../text/change-list.js';
import type { StoredVersion } from '../../text/stored.js';
import { textForParties } from '../../text/notes.js';
import { canonicalJson, parseCanonicalJson } from '../../text/version.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { asId, type PartyId, type ProcessId } from '../../shared/ids.js';
import { emptyText, openText } from './text-context.js';

/** To whom a version goes: every party (plenary), one party (its bilateral channel), or nobody yet. */
export type Distribution = { to: 'all' } | { to: 'party'; partyId: PartyId } | { to: 'mediators' };

/**
 * Publishes the working draft as the next numbered version: its canonical form and SHA-256 are
 * fixed for ever, its change list against the previous version names provisions only (never who
 * asked for what), and the members who receive it are recorded. A version that goes to a party
 * leaves out every drafter's note not marked for the parties; one kept among the mediators keeps them.
 */
export async function publishVersion(
  deps: Deps<'db' | 'clock' | 'ids' | 'hashing'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    baseRevision: number;
    note: string;
    distribution: Distribution;
  },
): Promise<StoredVersion> {
  return deps.db.transaction(async (s) => {
    const tc = await openText(s, input.actor, input.processId);
    requireRead(tc.membership, tc.room, 'Text');
    if (!canHoldPen(tc.membership))
      throw new DomainError(
        'FORBIDDEN',
        'Only the lead mediator and the mediators publish versions.',
      );
    const draft = await s.text.findDraft(input.processId);
    if (!draft || draft.text.chapters.length === 0)
      throw new DomainError(
        'RULE_VIOLATION',
        'The text is empty: write at least one provision before publishing.',
      );
    if (draft.revision !== input.baseRevision)
      throw new DomainError(
        'STALE_REVISION',
        'The text changed since you opened it; review it before publishing.',
        {
          currentRevision: draft.revision,
        },
      );
    const d = input.distribution;
    const target =
      d.to === 'all'
        ? tc.compartments.find((c) => c.kind === 'plenary')
        : d.to === 'party'
          ? tc.compartments.find((c) => c.kind === 'bilateral' && c.partyId === d.partyId)
          : tc.room;
    if (!target) throw notFound('Party');
    const all = await s.text.listVersions(
      input.processId,
      tc.compartments.map((c) => c.id),
    );
    const previous = all[all.length - 1];
    const outgoing = d.to === 'mediators' ? draft.text : textForParties(draft.text);
    const canonical = canonicalJson(outgoing);
    const members = await s.processes.listMembers(input.processId);
    const version: StoredVersion = {
      id: asId(deps.ids.newId()),
      processId: input.processId,
      number: (await s.text.latestVersionNumber(input.processId)) + 1,
      note: input.note.trim(),
      changeList: formatChangeList(
        revisionChangeList(previous ? parseCanonicalJson(previous.canonical) : emptyText, outgoing),
      )
        .split('\n')
        .filter((line) => line.trim() !== ''),
      canonical,
      hash: deps.hashing.sha256(canonical),
      publishedAt: deps.clock.now().toISOString(),
      publishedBy: input.actor.userId,
      compartmentId: target.id,
      recipients: members
        .filter((m) => canReadCompartment(m, target))
        .map((m) => ({ userId: m.userId, displayName: m.displayName, partyId: m.partyId })),
    };
    await s.text.insertVersion(version);
    await s.audit.append({
      kind: 'version.published',
      data: {
        versionId: version.id,
        number: version.number,
        hash: version.hash,
        recipients: version.recipients.length,
      },
      actorUserId: input.actor.userId,
      processId: input.processId,
      compartmentId: target.id,
    });
    return version;
  });
}
