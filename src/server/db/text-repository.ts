import type { Kysely } from 'kysely';
import type { TextStore } from '../../core/ports.js';
import type { AmendmentChange, AmendmentOutcome } from '../../core/text/amendment.js';
import type { StoredAmendment, StoredVersion } from '../../core/text/stored.js';
import { canonicalJson, parseCanonicalJson } from '../../core/text/version.js';
import { asId } from '../../core/shared/ids.js';
import type { ProcessBox, Sealer } from './data-keys.js';
import type { AmendmentsTable, DB } from './schema.js';
import { visibleTo } from './visible-to.js';

const toAmendment = (r: AmendmentsTable, box: ProcessBox): StoredAmendment => {
  const sealed = box.row('amendments', [r.id]);
  return {
    id: asId(r.id),
    processId: asId(r.process_id),
    compartmentId: asId(r.compartment_id),
    partyId: asId(r.party_id),
    provision: asId(r.provision_key),
    change: JSON.parse(sealed.open('change', r.change)) as AmendmentChange,
    note: sealed.open('note', r.note),
    outcome: r.outcome as AmendmentOutcome,
    proposedBy: asId(r.proposed_by),
    proposedAt: r.proposed_at,
    decidedAt: r.decided_at,
  };
};

/**
 * The negotiating text in SQL. There is no update or delete of versions: the database refuses
 * them. The draft, each version's text, note and change list, and amendments are encrypted; a
 * version's SHA-256 (what signatures bind) stays readable.
 */
export function textRepository(db: Kysely<DB>, sealer: Sealer): TextStore {
  return {
    async findDraft(processId) {
      const r = await db
        .selectFrom('text_drafts')
        .selectAll()
        .where('process_id', '=', processId)
        .executeTakeFirst();
      if (!r) return undefined;
      const sealed = (await sealer.reader(processId)).row('text_drafts', [processId]);
      return {
        processId,
        text: parseCanonicalJson(sealed.open('canonical', r.canonical)),
        revision: r.revision,
        updatedAt: r.updated_at,
        updatedBy: asId(r.updated_by),
      };
    },
    async saveDraft(d, expectedRevision) {
      const sealed = (await sealer.writer(d.processId)).row('text_drafts', [d.processId]);
      const values = {
        canonical: sealed.seal('canonical', canonicalJson(d.text)),
        revision: d.revision,
        updated_at: d.updatedAt,
        updated_by: d.updatedBy,
      };
      if (expectedRevision === null) {
        const exists = await db
          .selectFrom('text_drafts')
          .select('revision')
          .where('process_id', '=', d.processId)
          .executeTakeFirst();
        if (exists) return false;
        await db
          .insertInto('text_drafts')
          .values({ process_id: d.processId, ...values })
          .execute();
        return true;
      }
      const r = await db
        .updateTable('text_drafts')
        .set(values)
        .where('process_id', '=', d.processId)
        .where('revision', '=', expectedRevision)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async insertVersion(v) {
      const sealed = (await sealer.writer(v.processId)).row('text_versions', [v.id]);
      await db
        .insertInto('text_versions')
        .values({
          id: v.id,
          process_id: v.processId,
          number: v.number,
          note: sealed.seal('note', v.note),
          change_list: sealed.seal('change_list', JSON.stringify(v.changeList)),
          canonical: sealed.seal('canonical', v.canonical),
          hash: v.hash,
          published_at: v.publishedAt,
          published_by: v.publishedBy,
          compartment_id: v.compartmentId,
        })
        .execute();
      if (v.recipients.length)
        await db
          .insertInto('version_recipients')
          .values(
            v.recipients.map((r) => ({
              version_id: v.id,
              user_id: r.userId,
              display_name: r.displayName,
              party_id: r.partyId,
            })),
          )
          .execute();
    },
    async listVersions(processId, visible) {
      const rows = await db
        .selectFrom('text_versions')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .orderBy('number')
        .execute();
      const recipients = rows.length
        ? await db
            .selectFrom('version_recipients')
            .selectAll()
            .where(
              'version_id',
              'in',
              rows.map((r) => r.id),
            )
            .orderBy('display_name')
            .execute()
        : [];
      const box = await sealer.reader(processId);
      return rows.map((r): StoredVersion => {
        const sealed = box.row('text_versions', [r.id]);
        return {
          id: asId(r.id),
          processId: asId(r.process_id),
          number: r.number,
          note: sealed.open('note', r.note),
          changeList: JSON.parse(sealed.open('change_list', r.change_list)) as string[],
          canonical: sealed.open('canonical', r.canonical),
          hash: r.hash,
          publishedAt: r.published_at,
          publishedBy: asId(r.published_by),
          compartmentId: asId(r.compartment_id),
          recipients: recipients
            .filter((x) => x.version_id === r.id)
            .map((x) => ({
              userId: asId(x.user_id),
              displayName: x.display_name,
              partyId: x.party_id === null ? null : asId(x.party_id),
            })),
        };
      });
    },
    async latestVersionNumber(processId) {
      const r = await db
        .selectFrom('text_versions')
        .select((eb) => eb.fn.max<number>('number').as('n'))
        .where('process_id', '=', processId)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async insertSignature(s) {
      await db
        .insertInto('version_signatures')
        .values({
          version_id: s.versionId,
          party_id: s.partyId,
          signed_by: s.signedBy,
          signed_at: s.signedAt,
          version_hash: s.versionHash,
        })
        .execute();
    },
    async listSignatures(versionIds) {
      if (versionIds.length === 0) return [];
      const rows = await db
        .selectFrom('version_signatures')
        .selectAll()
        .where('version_id', 'in', [...versionIds])
        .orderBy('signed_at')
        .execute();
      return rows.map((r) => ({
        versionId: asId(r.version_id),
        partyId: asId(r.party_id),
        signedBy: asId(r.signed_by),
        signedAt: r.signed_at,
        versionHash: r.version_hash,
      }));
    },
    async insertAmendment(a) {
      const sealed = (await sealer.writer(a.processId)).row('amendments', [a.id]);
      await db
        .insertInto('amendments')
        .values({
          id: a.id,
          process_id: a.processId,
          compartment_id: a.compartmentId,
          party_id: a.partyId,
          provision_key: a.provision,
          change: sealed.seal('change', JSON.stringify(a.change)),
          note: sealed.seal('note', a.note),
          outcome: a.outcome,
          proposed_by: a.proposedBy,
          proposed_at: a.proposedAt,
          decided_at: a.decidedAt,
        })
        .execute();
    },
    async listAmendments(processId, visible) {
      const rows = await db
        .selectFrom('amendments')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .orderBy('proposed_at')
        .orderBy('id')
        .execute();
      const box = await sealer.reader(processId);
      return rows.map((r) => toAmendment(r, box));
    },
    async decideAmendment(id, outcome, decidedAt) {
      const r = await db
        .updateTable('amendments')
        .set({ outcome, decided_at: decidedAt })
        .where('id', '=', id)
        .where('outcome', '=', 'pending')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
