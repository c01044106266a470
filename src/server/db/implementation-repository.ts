import type { Kysely } from 'kysely';
import type {
  Commitment,
  CommitmentBasis,
  Evidence,
  EvidenceKind,
  LevelEntry,
  Recurrence,
  Theme,
  Verdict,
  Verification,
} from '../../core/implementation/model.js';
import type { Level } from '../../core/implementation/pam.js';
import type { Publication, PublicPicture } from '../../core/implementation/public-picture.js';
import type { ImplementationStore } from '../../core/ports.js';
import { asId } from '../../core/shared/ids.js';
import type { ProcessBox, Sealer } from './data-keys.js';
import type {
  CommitmentsTable,
  DB,
  ImplEvidenceTable,
  ImplLevelsTable,
  ImplPublicationsTable,
  ImplThemesTable,
  ImplVerificationsTable,
} from './schema.js';
import { visibleTo } from './visible-to.js';

/** Rows per INSERT statement, under the limits on bound variables (SQLite 32,766, PostgreSQL 65,535). */
const batch = 400;

const chunks = <T>(xs: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += batch) out.push(xs.slice(i, i + batch));
  return out;
};

const ids = (json: string): string[] => JSON.parse(json) as string[];

const toTheme = (r: ImplThemesTable, box: ProcessBox): Theme => ({
  id: asId(r.id),
  processId: asId(r.process_id),
  code: r.code,
  name: box.row('impl_themes', [r.id]).open('name', r.name),
  parentCode: r.parent_code,
  pamType: r.pam_type,
  paxCode: r.pax_code,
});

const toCommitment = (r: CommitmentsTable, box: ProcessBox): Commitment => ({
  id: asId(r.id),
  processId: asId(r.process_id),
  compartmentId: asId(r.compartment_id),
  externalId: r.external_id,
  basis: r.basis as CommitmentBasis,
  versionId: r.version_id === null ? null : asId(r.version_id),
  versionNumber: r.version_number,
  provisionKey: r.provision_key,
  wording: box.row('commitments', [r.id]).open('wording', r.wording),
  responsiblePartyIds: ids(r.responsible).map((x) => asId(x)),
  startsOn: r.starts_on,
  deadline: r.deadline,
  recurrence: r.recurrence as Recurrence,
  provisionType: r.provision_type,
  themeCode: r.theme_code,
  weight: Number(r.weight),
  createdAt: r.created_at,
  createdBy: asId(r.created_by),
  revision: r.revision,
});

const toEvidence = (r: ImplEvidenceTable, box: ProcessBox): Evidence => {
  const row = box.row('impl_evidence', [r.id]);
  return {
    id: asId(r.id),
    processId: asId(r.process_id),
    commitmentId: asId(r.commitment_id),
    compartmentId: asId(r.compartment_id),
    kind: r.kind as EvidenceKind,
    text: row.open('text', r.text),
    url: r.url === null ? null : row.open('url', r.url),
    file:
      r.file_name === null
        ? null
        : {
            name: row.open('file_name', r.file_name),
            mediaType: r.file_type ?? 'application/octet-stream',
            size: Number(r.file_size ?? 0),
          },
    observedOn: r.observed_on,
    source: row.open('source', r.source),
    sha256: r.sha256,
    submittedBy: asId(r.submitted_by),
    submittedAt: r.submitted_at,
  };
};

const toPublication = (r: ImplPublicationsTable, box: ProcessBox): Publication => ({
  processId: r.process_id,
  compartmentId: r.compartment_id,
  slug: r.slug,
  picture: JSON.parse(
    box.row('impl_publications', [r.process_id]).open('picture', r.picture),
  ) as PublicPicture,
  releasedBy: r.released_by,
});

const toLevel = (r: ImplLevelsTable, box: ProcessBox): LevelEntry => ({
  id: asId(r.id),
  processId: asId(r.process_id),
  commitmentId: asId(r.commitment_id),
  level: Number(r.level) as Level,
  effectiveOn: r.effective_on,
  evidenceIds: ids(r.evidence_ids).map((x) => asId(x)),
  note: box.row('impl_levels', [r.id]).open('note', r.note),
  setBy: asId(r.set_by),
  setAt: r.set_at,
});

const toVerification = (r: ImplVerificationsTable, box: ProcessBox): Verification => {
  const row = box.row('impl_verifications', [r.id]);
  return {
    id: asId(r.id),
    processId: asId(r.process_id),
    commitmentId: asId(r.commitment_id),
    levelEntryId: asId(r.level_entry_id),
    verdict: r.verdict as Verdict,
    reason: row.open('reason', r.reason),
    by: asId(r.by_user),
    at: r.at,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by === null ? null : asId(r.resolved_by),
    resolution: r.resolution === null ? null : row.open('resolution', r.resolution),
  };
};

/**
 * Implementation data in SQL; every read is filtered by `visibleTo`. Wording, evidence, notes,
 * reasons and theme names are encrypted; dates, levels, hashes and codes stay readable so that
 * roll-ups can be computed without opening them.
 */
export function implementationRepository(db: Kysely<DB>, sealer: Sealer): ImplementationStore {
  return {
    async insertTheme(t) {
      const plenary = await db
        .selectFrom('compartments')
        .select('id')
        .where('process_id', '=', t.processId)
        .where('kind', '=', 'plenary')
        .executeTakeFirstOrThrow();
      const box = (await sealer.writer(t.processId)).row('impl_themes', [t.id]);
      await db
        .insertInto('impl_themes')
        .values({
          id: t.id,
          process_id: t.processId,
          compartment_id: plenary.id,
          code: t.code,
          name: box.seal('name', t.name),
          parent_code: t.parentCode,
          pam_type: t.pamType,
          pax_code: t.paxCode,
        })
        .execute();
    },
    async listThemes(processId, visible) {
      const rows = await db
        .selectFrom('impl_themes')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .orderBy('code')
        .execute();
      const box = await sealer.reader(processId);
      return rows.map((r) => toTheme(r, box));
    },
    async insertCommitments(cs) {
      for (const part of chunks(cs)) {
        const values = await Promise.all(
          part.map(async (c) => ({
            id: c.id,
            process_id: c.processId,
            compartment_id: c.compartmentId,
            external_id: c.externalId,
            basis: c.basis,
            version_id: c.versionId,
            version_number: c.versionNumber,
            provision_key: c.provisionKey,
            wording: (await sealer.writer(c.processId))
              .row('commitments', [c.id])
              .seal('wording', c.wording),
            responsible: JSON.stringify(c.responsiblePartyIds),
            starts_on: c.startsOn,
            deadline: c.deadline,
            recurrence: c.recurrence,
            provision_type: c.provisionType,
            theme_code: c.themeCode,
            weight: c.weight,
            created_at: c.createdAt,
            created_by: c.createdBy,
            revision: c.revision,
          })),
        );
        await db.insertInto('commitments').values(values).execute();
      }
    },
    async updateCommitment(c, expectedRevision) {
      const box = (await sealer.writer(c.processId)).row('commitments', [c.id]);
      const res = await db
        .updateTable('commitments')
        .set({
          wording: box.seal('wording', c.wording),
          responsible: JSON.stringify(c.responsiblePartyIds),
          starts_on: c.startsOn,
          deadline: c.deadline,
          recurrence: c.recurrence,
          provision_type: c.provisionType,
          theme_code: c.themeCode,
          weight: c.weight,
          version_number: c.versionNumber,
          provision_key: c.provisionKey,
          revision: c.revision,
        })
        .where('id', '=', c.id)
        .where('revision', '=', expectedRevision)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async findCommitment(id, visible) {
      const r = await db
        .selectFrom('commitments')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(visible))
        .executeTakeFirst();
      return r && toCommitment(r, await sealer.reader(r.process_id));
    },
    async listCommitments(processId, visible) {
      const rows = await db
        .selectFrom('commitments')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .orderBy('external_id')
        .execute();
      const box = await sealer.reader(processId);
      return rows.map((r) => toCommitment(r, box));
    },
    async insertEvidence(es) {
      for (const part of chunks(es)) {
        const values = await Promise.all(
          part.map(async (e) => {
            const box = (await sealer.writer(e.processId)).row('impl_evidence', [e.id]);
            return {
              id: e.id,
              process_id: e.processId,
              commitment_id: e.commitmentId,
              compartment_id: e.compartmentId,
              kind: e.kind,
              text: box.seal('text', e.text),
              url: e.url === null ? null : box.seal('url', e.url),
              observed_on: e.observedOn,
              source: box.seal('source', e.source),
              sha256: e.sha256,
              submitted_by: e.submittedBy,
              submitted_at: e.submittedAt,
              file_name: e.file === null ? null : box.seal('file_name', e.file.name),
              file_type: e.file?.mediaType ?? null,
              file_size: e.file?.size ?? null,
            };
          }),
        );
        await db.insertInto('impl_evidence').values(values).execute();
      }
    },
    async findEvidence(id, visible) {
      const r = await db
        .selectFrom('impl_evidence')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(visible))
        .executeTakeFirst();
      return r && toEvidence(r, await sealer.reader(r.process_id));
    },
    async listEvidence(processId, visible, commitmentId) {
      let q = db
        .selectFrom('impl_evidence')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible));
      if (commitmentId !== undefined) q = q.where('commitment_id', '=', commitmentId);
      const rows = await q.orderBy('observed_on').orderBy('submitted_at').orderBy('id').execute();
      const box = await sealer.reader(processId);
      return rows.map((r) => toEvidence(r, box));
    },
    async insertEvidenceFile(e, content) {
      // Sealed like any confidential text (AES-256-GCM, bound to this row): the bytes in base64.
      const box = (await sealer.writer(e.processId)).row('impl_evidence_files', [e.id]);
      await db
        .insertInto('impl_evidence_files')
        .values({
          evidence_id: e.id,
          process_id: e.processId,
          content: box.seal('content', Buffer.from(content).toString('base64')),
        })
        .execute();
    },
    async readEvidenceFile(id, visible) {
      const r = await db
        .selectFrom('impl_evidence_files')
        .innerJoin('impl_evidence', 'impl_evidence.id', 'impl_evidence_files.evidence_id')
        .select([
          'impl_evidence_files.evidence_id as evidence_id',
          'impl_evidence_files.process_id as process_id',
          'impl_evidence_files.content as content',
        ])
        .where('impl_evidence_files.evidence_id', '=', id)
        .where(visibleTo(visible, 'impl_evidence.compartment_id'))
        .executeTakeFirst();
      if (!r) return undefined;
      const box = (await sealer.reader(r.process_id)).row('impl_evidence_files', [r.evidence_id]);
      return new Uint8Array(Buffer.from(box.open('content', r.content), 'base64'));
    },
    async moveEvidence(id, compartmentId) {
      await db
        .updateTable('impl_evidence')
        .set({ compartment_id: compartmentId })
        .where('id', '=', id)
        .execute();
    },
    async insertLevelEntries(es) {
      if (es.length === 0) return;
      const plenary = new Map<string, string>();
      for (const e of es)
        if (!plenary.has(e.processId)) {
          const r = await db
            .selectFrom('compartments')
            .select('id')
            .where('process_id', '=', e.processId)
            .where('kind', '=', 'plenary')
            .executeTakeFirstOrThrow();
          plenary.set(e.processId, r.id);
        }
      for (const part of chunks(es)) {
        const values = await Promise.all(
          part.map(async (e) => ({
            id: e.id,
            process_id: e.processId,
            commitment_id: e.commitmentId,
            compartment_id: plenary.get(e.processId) ?? '',
            level: e.level,
            effective_on: e.effectiveOn,
            evidence_ids: JSON.stringify(e.evidenceIds),
            note: (await sealer.writer(e.processId))
              .row('impl_levels', [e.id])
              .seal('note', e.note),
            set_by: e.setBy,
            set_at: e.setAt,
          })),
        );
        await db.insertInto('impl_levels').values(values).execute();
      }
    },
    async listLevelEntries(processId, visible, commitmentId) {
      let q = db
        .selectFrom('impl_levels')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible));
      if (commitmentId !== undefined) q = q.where('commitment_id', '=', commitmentId);
      const rows = await q.orderBy('set_at').orderBy('id').execute();
      const box = await sealer.reader(processId);
      return rows.map((r) => toLevel(r, box));
    },
    async listLevelFacts(processId, visible) {
      const rows = await db
        .selectFrom('impl_levels')
        .select(['id', 'commitment_id', 'level', 'effective_on', 'set_at'])
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        // In the order the history reads them, so grouping and sorting them in the roll-up is linear.
        .orderBy('commitment_id')
        .orderBy('effective_on')
        .orderBy('set_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: asId(r.id),
        commitmentId: asId(r.commitment_id),
        level: Number(r.level) as Level,
        effectiveOn: r.effective_on,
        setAt: r.set_at,
      }));
    },
    async listEvidenceDates(processId, visible) {
      const rows = await db
        .selectFrom('impl_evidence')
        .select(['commitment_id', 'observed_on'])
        .where('process_id', '=', processId)
        .where(visibleTo(visible))
        .execute();
      return rows.map((r) => ({ commitmentId: asId(r.commitment_id), observedOn: r.observed_on }));
    },
    async insertVerification(v) {
      const plenary = await db
        .selectFrom('commitments')
        .select('compartment_id')
        .where('id', '=', v.commitmentId)
        .executeTakeFirstOrThrow();
      const box = (await sealer.writer(v.processId)).row('impl_verifications', [v.id]);
      await db
        .insertInto('impl_verifications')
        .values({
          id: v.id,
          process_id: v.processId,
          commitment_id: v.commitmentId,
          compartment_id: plenary.compartment_id,
          level_entry_id: v.levelEntryId,
          verdict: v.verdict,
          reason: box.seal('reason', v.reason),
          by_user: v.by,
          at: v.at,
          resolved_at: v.resolvedAt,
          resolved_by: v.resolvedBy,
          resolution: v.resolution === null ? null : box.seal('resolution', v.resolution),
        })
        .execute();
    },
    async findVerification(id, visible) {
      const r = await db
        .selectFrom('impl_verifications')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(visible))
        .executeTakeFirst();
      return r && toVerification(r, await sealer.reader(r.process_id));
    },
    async resolveVerification(id, fields) {
      const r = await db
        .selectFrom('impl_verifications')
        .select('process_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const box = (await sealer.writer(r.process_id)).row('impl_verifications', [id]);
      const res = await db
        .updateTable('impl_verifications')
        .set({
          resolved_at: fields.resolvedAt,
          resolved_by: fields.resolvedBy,
          resolution: box.seal('resolution', fields.resolution),
        })
        .where('id', '=', id)
        .where('resolved_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async listVerifications(processId, visible, commitmentId) {
      let q = db
        .selectFrom('impl_verifications')
        .selectAll()
        .where('process_id', '=', processId)
        .where(visibleTo(visible));
      if (commitmentId !== undefined) q = q.where('commitment_id', '=', commitmentId);
      const rows = await q.orderBy('at').orderBy('id').execute();
      const box = await sealer.reader(processId);
      return rows.map((r) => toVerification(r, box));
    },
    // The public compartment is read by everyone, signed in or not: no visibility filter applies.
    async findPublication(processId) {
      const r = await db
        .selectFrom('impl_publications')
        .selectAll()
        .where('process_id', '=', processId)
        .executeTakeFirst();
      return r && toPublication(r, await sealer.reader(r.process_id));
    },
    async findPublicationBySlug(slug) {
      const r = await db
        .selectFrom('impl_publications')
        .selectAll()
        .where('slug', '=', slug)
        .executeTakeFirst();
      return r && toPublication(r, await sealer.reader(r.process_id));
    },
    async savePublication(p) {
      const box = (await sealer.writer(p.processId)).row('impl_publications', [p.processId]);
      const values = {
        compartment_id: p.compartmentId,
        slug: p.slug,
        picture: box.seal('picture', JSON.stringify(p.picture)),
        released_at: p.picture.releasedAt,
        released_by: p.releasedBy,
      };
      await db
        .insertInto('impl_publications')
        .values({ process_id: p.processId, ...values })
        .onConflict((oc) => oc.column('process_id').doUpdateSet(values))
        .execute();
    },
    async deletePublication(processId) {
      const res = await db
        .deleteFrom('impl_publications')
        .where('process_id', '=', processId)
        .executeTakeFirst();
      return Number(res.numDeletedRows) === 1;
    },
  };
}
