import type { Actor } from '../../access/policy.js';
import { canPlanImplementation } from '../../access/policy.js';
import type { Commitment, CommitmentBasis } from '../../implementation/model.js';
import type { Deps } from '../../ports.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { asId, type ProcessId } from '../../shared/ids.js';
import { findProvision } from '../../text/model.js';
import { printBody } from '../../text/plain-text.js';
import { parseCanonicalJson } from '../../text/version.js';
import { checkCommitmentFields, type CommitmentFields } from './commitment-rules.js';
import { openImplementation, requirePlenary } from './implementation-context.js';

/** One commitment to take from a provision; the wording defaults to the provision's. */
export type CommitmentDraft = Omit<CommitmentFields, 'wording'> & {
  /** The provision's key in the version. */
  provisionKey: string;
  /** The wording, or null to take the provision's own. */
  wording: string | null;
  /** An external id, or null to derive one (`v<number>-<provision>-<n>`). */
  externalId: string | null;
};

/**
 * The mediators turn provisions of a published version into commitments (one or several per
 * provision). A provision agreed in a version every party has signed gives `signed` commitments;
 * one agreed or agreed ad referendum in a version not yet signed by all gives `ad_referendum`
 * commitments, for planning. Open or bracketed provisions give none.
 */
export async function createCommitments(
  deps: Deps<'db' | 'clock' | 'ids'>,
  input: {
    actor: Actor;
    processId: ProcessId;
    versionNumber: number;
    commitments: CommitmentDraft[];
  },
): Promise<Commitment[]> {
  return deps.db.transaction(async (s) => {
    const ic = await openImplementation(s, input.actor, input.processId);
    requirePlenary(ic);
    if (!canPlanImplementation(ic.membership))
      throw new DomainError(
        'FORBIDDEN',
        'Only the lead mediator and mediators create commitments.',
      );
    const version = (await s.text.listVersions(ic.process.id, ic.visible)).find(
      (v) => v.number === input.versionNumber,
    );
    if (!version) throw notFound('Version');
    if (input.commitments.length === 0 || input.commitments.length > 200)
      throw new DomainError('INVALID_INPUT', 'Give 1 to 200 commitments at a time.', {
        field: 'commitments',
      });
    const text = parseCanonicalJson(version.canonical);
    const signatures = await s.text.listSignatures([version.id]);
    const signedByAll =
      ic.parties.length > 0 && ic.parties.every((p) => signatures.some((x) => x.partyId === p.id));
    // The themes named are locked as they are looked up: another instance cannot remove one until
    // this commits (its removal waits, then counts these commitments), and one it removed first
    // is missing.
    const themeCodes = new Set(
      await s.implementation.lockThemes(
        ic.process.id,
        {
          use: input.commitments.flatMap((d) => (d.themeCode === null ? [] : [d.themeCode])),
          change: [],
        },
        ic.visible,
      ),
    );
    const existing = new Set(
      (await s.implementation.listCommitments(ic.process.id, ic.visible)).map((c) => c.externalId),
    );
    const directory = ic.parties.map((p) => ({ id: p.id, code: p.code }));
    const now = deps.clock.now().toISOString();
    const perProvision = new Map<string, number>();
    const made: Commitment[] = [];
    for (const d of input.commitments) {
      const located = findProvision(text, asId(d.provisionKey));
      if (!located)
        throw new DomainError(
          'INVALID_INPUT',
          `Version ${version.number} has no provision ${d.provisionKey}.`,
          { field: 'provisionKey' },
        );
      const status = located.provision.status;
      if (status !== 'agreed' && status !== 'agreed_ad_referendum')
        throw new DomainError(
          'RULE_VIOLATION',
          `Provision ${located.number} is not agreed in version ${version.number}: only agreed provisions become commitments.`,
          { provision: d.provisionKey },
        );
      const basis: CommitmentBasis =
        status === 'agreed' && signedByAll ? 'signed' : 'ad_referendum';
      const n = (perProvision.get(d.provisionKey) ?? 0) + 1;
      perProvision.set(d.provisionKey, n);
      let externalId = d.externalId ?? `v${version.number}-${d.provisionKey}-${n}`;
      for (let k = n + 1; d.externalId === null && existing.has(externalId); k++)
        externalId = `v${version.number}-${d.provisionKey}-${k}`;
      if (existing.has(externalId))
        throw new DomainError(
          'CONFLICT',
          `A commitment already has the external id ${externalId}.`,
          { externalId },
        );
      existing.add(externalId);
      const fields: CommitmentFields = {
        ...d,
        wording: d.wording ?? printBody(located.provision.body, directory),
      };
      checkCommitmentFields(fields, ic.parties, themeCodes, externalId);
      made.push({
        id: asId(deps.ids.newId()),
        processId: ic.process.id,
        compartmentId: ic.plenary.id,
        externalId,
        basis,
        versionId: version.id,
        versionNumber: version.number,
        provisionKey: d.provisionKey,
        wording: fields.wording.trim(),
        responsiblePartyIds: fields.responsiblePartyIds,
        startsOn: fields.startsOn,
        deadline: fields.deadline,
        recurrence: fields.recurrence,
        provisionType: fields.provisionType,
        themeCode: fields.themeCode,
        weight: fields.weight,
        createdAt: now,
        createdBy: input.actor.userId,
        revision: 1,
      });
    }
    await s.implementation.insertCommitments(made);
    for (const c of made)
      await s.audit.append({
        kind: 'commitment.created',
        data: {
          commitmentId: c.id,
          externalId: c.externalId,
          basis: c.basis,
          versionId: c.versionId,
          provision: c.provisionKey,
        },
        actorUserId: input.actor.userId,
        processId: ic.process.id,
        compartmentId: ic.plenary.id,
      });
    return made;
  });
}
