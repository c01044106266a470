/** Implementation (C10): the plan, evidence, levels, verifications, progress, export and import. */
import { processParams } from '../../../contract/common.js';
import {
  commitmentListResponse,
  commitmentParams,
  commitmentQuery,
  commitmentResponse,
  commitmentTimelineResponse,
  createCommitmentsRequest,
  defineThemeRequest,
  editCommitmentRequest,
  editThemeRequest,
  evidenceFileDownload,
  evidenceParams,
  evidenceResponse,
  exportQuery,
  exportResponse,
  importRequest,
  importResponse,
  levelEntryResponse,
  progressQuery,
  progressResponse,
  publicationResponse,
  publicPictureResponse,
  publicSlugParams,
  releasePublicRequest,
  resolveDisputeRequest,
  setLevelRequest,
  submitEvidenceFileRequest,
  submitEvidenceRequest,
  themeParams,
  themeResponse,
  verificationParams,
  verificationResponse,
  verifyLevelRequest,
} from '../../../contract/implementation.js';
import { z } from 'zod';
import { asId } from '../../../core/shared/ids.js';
import { acceptedMediaTypes } from '../../../core/implementation/evidence-files.js';
import { createCommitments } from '../../../core/usecases/implementation/create-commitments.js';
import { defineTheme } from '../../../core/usecases/implementation/define-theme.js';
import { editCommitment } from '../../../core/usecases/implementation/edit-commitment.js';
import { editTheme } from '../../../core/usecases/implementation/edit-theme.js';
import { removeTheme } from '../../../core/usecases/implementation/remove-theme.js';
import { exportImplementation } from '../../../core/usecases/implementation/export-implementation.js';
import { getCommitment } from '../../../core/usecases/implementation/get-commitment.js';
import { getProgress } from '../../../core/usecases/implementation/get-progress.js';
import { importImplementation } from '../../../core/usecases/implementation/import-implementation.js';
import { listCommitments } from '../../../core/usecases/implementation/list-commitments.js';
import { releaseEvidence } from '../../../core/usecases/implementation/release-evidence.js';
import { resolveDispute } from '../../../core/usecases/implementation/resolve-dispute.js';
import { setLevel } from '../../../core/usecases/implementation/set-level.js';
import { submitEvidence } from '../../../core/usecases/implementation/submit-evidence.js';
import { submitEvidenceFile } from '../../../core/usecases/implementation/submit-evidence-file.js';
import { getEvidenceFile } from '../../../core/usecases/implementation/get-evidence-file.js';
import { verifyLevel } from '../../../core/usecases/implementation/verify-level.js';
import { getPublication } from '../../../core/usecases/implementation/get-publication.js';
import { readPublicPicture } from '../../../core/usecases/implementation/read-public-picture.js';
import { releasePublicPicture } from '../../../core/usecases/implementation/release-public-picture.js';
import { withdrawPublicPicture } from '../../../core/usecases/implementation/withdraw-public-picture.js';
import { okResponse } from '../../../contract/common.js';
import { processIdOf, route } from '../route.js';
import { contentDisposition } from '../content-disposition.js';
import {
  presentCommitment,
  presentEvidence,
  presentLevelEntry,
  presentPublicPicture,
  presentSummary,
  presentTheme,
  presentTimeline,
  presentVerification,
} from './presenters.js';

const base = '/api/processes/:processId/implementation';
const cid = (p: { commitmentId: string }) => asId<'Commitment'>(p.commitmentId);
const partyIds = (ids: readonly string[]) => ids.map((x) => asId<'Party'>(x));

/** The implementation routes. */
export const implementationRoutes = [
  route({
    method: 'GET',
    url: base,
    summary:
      'The implementation plan: themes and commitments with their levels, disputes and flags.',
    tag: 'implementation',
    auth: 'required',
    params: processParams,
    response: commitmentListResponse,
    handler: async ({ actor, params, deps }) => {
      const r = await listCommitments(deps, { actor, processId: processIdOf(params) });
      return { themes: r.themes.map(presentTheme), commitments: r.commitments.map(presentSummary) };
    },
  }),
  route({
    method: 'POST',
    url: `${base}/themes`,
    summary: 'Define a theme or subtheme of the plan, mapped to PAM and optionally to PA-X.',
    tag: 'implementation',
    auth: 'required',
    params: processParams,
    body: defineThemeRequest,
    response: themeResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentTheme(await defineTheme(deps, { actor, processId: processIdOf(params), ...body })),
  }),
  route({
    method: 'PATCH',
    url: `${base}/themes/:themeId`,
    summary:
      "Edit a theme's name, parent, PAM type or PA-X code (its code stays), from the theme as opened.",
    tag: 'implementation',
    auth: 'required',
    params: themeParams,
    body: editThemeRequest,
    response: themeResponse,
    handler: async ({ actor, params, body, deps }) => {
      const { code, base: opened, ...fields } = body;
      return presentTheme(
        await editTheme(deps, {
          actor,
          processId: processIdOf(params),
          themeId: asId(params.themeId),
          code,
          fields,
          base: opened,
        }),
      );
    },
  }),
  route({
    method: 'DELETE',
    url: `${base}/themes/:themeId`,
    summary: 'Remove a theme that no commitment and no subtheme uses (409 says how many do).',
    tag: 'implementation',
    auth: 'required',
    params: themeParams,
    response: okResponse,
    handler: async ({ actor, params, deps }) => {
      await removeTheme(deps, {
        actor,
        processId: processIdOf(params),
        themeId: asId(params.themeId),
      });
      return { ok: true as const };
    },
  }),
  route({
    method: 'POST',
    url: `${base}/commitments`,
    summary: 'Create commitments from agreed provisions of a published version.',
    tag: 'implementation',
    auth: 'required',
    params: processParams,
    body: createCommitmentsRequest,
    response: z.array(commitmentResponse),
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      (
        await createCommitments(deps, {
          actor,
          processId: processIdOf(params),
          versionNumber: body.versionNumber,
          commitments: body.commitments.map((c) => ({
            ...c,
            responsiblePartyIds: partyIds(c.responsiblePartyIds),
          })),
        })
      ).map(presentCommitment),
  }),
  route({
    method: 'GET',
    url: `${base}/commitments/:commitmentId`,
    summary: "A commitment's timeline: levels, verifications, evidence; its level as of a date.",
    tag: 'implementation',
    auth: 'required',
    params: commitmentParams,
    query: commitmentQuery,
    response: commitmentTimelineResponse,
    handler: async ({ actor, params, query, deps }) =>
      presentTimeline(
        await getCommitment(deps, {
          actor,
          processId: processIdOf(params),
          commitmentId: cid(params),
          asOf: query.asOf ?? null,
          knownAt: query.knownAt ?? null,
        }),
        deps.config.evidenceFileMaxBytes,
      ),
  }),
  route({
    method: 'PATCH',
    url: `${base}/commitments/:commitmentId`,
    summary: "Edit a commitment's wording, parties, dates, type, theme or weight.",
    tag: 'implementation',
    auth: 'required',
    params: commitmentParams,
    body: editCommitmentRequest,
    response: commitmentResponse,
    handler: async ({ actor, params, body, deps }) => {
      const { baseRevision, ...fields } = body;
      return presentCommitment(
        await editCommitment(deps, {
          actor,
          processId: processIdOf(params),
          commitmentId: cid(params),
          baseRevision,
          fields: { ...fields, responsiblePartyIds: partyIds(fields.responsiblePartyIds) },
        }),
      );
    },
  }),
  route({
    method: 'POST',
    url: `${base}/commitments/:commitmentId/evidence`,
    summary:
      "Submit evidence for a commitment; it stays in the submitter's compartment until released.",
    tag: 'implementation',
    auth: 'required',
    params: commitmentParams,
    body: submitEvidenceRequest,
    response: evidenceResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) => {
      const r = await submitEvidence(deps, {
        actor,
        processId: processIdOf(params),
        commitmentId: cid(params),
        ...body,
      });
      return presentEvidence(r.evidence, r.released);
    },
  }),
  route({
    method: 'POST',
    url: `${base}/commitments/:commitmentId/evidence/file`,
    summary:
      "Upload a file as evidence (PDF, image, office document, text or CSV, by its content); the server computes its SHA-256 and keeps it sealed in the submitter's compartment until released.",
    tag: 'implementation',
    auth: 'required',
    params: commitmentParams,
    body: submitEvidenceFileRequest,
    response: evidenceResponse,
    status: 201,
    // The file in base64 (a third larger) and the other fields; a larger body answers 413 at once,
    // and a file just over the limit whose base64 still fits answers 413 from the use case.
    bodyLimit: (config) => Math.ceil((config.evidenceFileMaxBytes * 4) / 3) + 64 * 1024,
    handler: async ({ actor, params, body, deps }) => {
      const r = await submitEvidenceFile(deps, {
        actor,
        processId: processIdOf(params),
        commitmentId: cid(params),
        fileName: body.fileName,
        content: Buffer.from(body.content, 'base64'),
        text: body.text,
        observedOn: body.observedOn,
        source: body.source,
        maxBytes: deps.config.evidenceFileMaxBytes,
      });
      return presentEvidence(r.evidence, r.released);
    },
  }),
  route({
    method: 'GET',
    url: `${base}/evidence/:evidenceId/file`,
    summary:
      'Download the file of a file evidence, under the same rule as the evidence; audited. Always an attachment.',
    tag: 'implementation',
    auth: 'required',
    params: evidenceParams,
    response: evidenceFileDownload,
    handler: async ({ actor, params, deps, reply }) => {
      const d = await getEvidenceFile(deps, {
        actor,
        processId: processIdOf(params),
        evidenceId: asId(params.evidenceId),
      });
      // Only types recognised from the content are stored (never HTML or SVG), and anything else
      // goes out as bytes; the answer is an attachment, and nosniff keeps browsers from guessing.
      const type = acceptedMediaTypes.includes(d.file.mediaType)
        ? d.file.mediaType
        : 'application/octet-stream';
      void reply
        .header('content-type', type.startsWith('text/') ? `${type}; charset=utf-8` : type)
        .header('content-disposition', contentDisposition(d.file.name))
        .header('x-content-type-options', 'nosniff');
      return Buffer.from(d.content);
    },
  }),
  route({
    method: 'POST',
    url: `${base}/evidence/:evidenceId/release`,
    summary: 'Release evidence to the plenary, where levels may cite it.',
    tag: 'implementation',
    auth: 'required',
    params: evidenceParams,
    response: evidenceResponse,
    handler: async ({ actor, params, deps }) => {
      const e = await releaseEvidence(deps, {
        actor,
        processId: processIdOf(params),
        evidenceId: asId(params.evidenceId),
      });
      return presentEvidence(e, true);
    },
  }),
  route({
    method: 'POST',
    url: `${base}/commitments/:commitmentId/levels`,
    summary: "Record a commitment's level from a date, citing released evidence.",
    tag: 'implementation',
    auth: 'required',
    params: commitmentParams,
    body: setLevelRequest,
    response: levelEntryResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentLevelEntry(
        await setLevel(deps, {
          actor,
          processId: processIdOf(params),
          commitmentId: cid(params),
          level: body.level,
          effectiveOn: body.effectiveOn,
          evidenceIds: body.evidenceIds.map((x) => asId<'Evidence'>(x)),
          note: body.note,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: `${base}/commitments/:commitmentId/verifications`,
    summary: 'Verify or dispute a level entry, with a reason (guarantors and observers).',
    tag: 'implementation',
    auth: 'required',
    params: commitmentParams,
    body: verifyLevelRequest,
    response: verificationResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentVerification(
        await verifyLevel(deps, {
          actor,
          processId: processIdOf(params),
          commitmentId: cid(params),
          entryId: asId(body.entryId),
          verdict: body.verdict,
          reason: body.reason,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: `${base}/verifications/:verificationId/resolution`,
    summary: 'Resolve a dispute of a level (the lead mediator, or whoever raised it).',
    tag: 'implementation',
    auth: 'required',
    params: verificationParams,
    body: resolveDisputeRequest,
    response: verificationResponse,
    handler: async ({ actor, params, body, deps }) =>
      presentVerification(
        await resolveDispute(deps, {
          actor,
          processId: processIdOf(params),
          verificationId: asId(params.verificationId),
          resolution: body.resolution,
        }),
      ),
  }),
  route({
    method: 'GET',
    url: `${base}/progress`,
    summary:
      'Progress month by month (agreement, themes, parties), the types × years matrix, flags.',
    tag: 'implementation',
    auth: 'required',
    params: processParams,
    query: progressQuery,
    response: progressResponse,
    handler: async ({ actor, params, query, deps }) =>
      getProgress(deps, {
        actor,
        processId: processIdOf(params),
        from: query.from ?? null,
        to: query.to ?? null,
        silentFrom: query.silentFrom ?? null,
        silentTo: query.silentTo ?? null,
        knownAt: query.knownAt ?? null,
      }),
  }),
  route({
    method: 'GET',
    url: `${base}/export`,
    summary: 'Export commitments or levels as CSV (the import format), or everything as JSON.',
    tag: 'implementation',
    auth: 'required',
    params: processParams,
    query: exportQuery,
    response: exportResponse,
    handler: async ({ actor, params, query, deps, reply }) => {
      const body = await exportImplementation(deps, {
        actor,
        processId: processIdOf(params),
        format: query.format,
      });
      const csv = query.format !== 'json';
      void reply
        .header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="implementation-${query.format}"`);
      return body;
    },
  }),
  route({
    method: 'POST',
    url: `${base}/import`,
    summary: 'Import commitments and levels from CSV, atomically; every bad row is reported.',
    tag: 'implementation',
    auth: 'required',
    params: processParams,
    body: importRequest,
    response: importResponse,
    bodyLimit: 100 * 1024 * 1024,
    handler: async ({ actor, params, body, deps }) =>
      importImplementation(deps, {
        actor,
        processId: processIdOf(params),
        commitmentsCsv: body.commitmentsCsv,
        levelsCsv: body.levelsCsv,
      }),
  }),
  route({
    method: 'GET',
    url: `${base}/publication`,
    summary: "The process's public accountability page: its address and what it shows.",
    tag: 'implementation',
    auth: 'required',
    params: processParams,
    response: publicationResponse,
    handler: async ({ actor, params, deps }) => {
      const p = await getPublication(deps, { actor, processId: processIdOf(params) });
      return { slug: p?.slug ?? null, picture: p && presentPublicPicture(p.picture) };
    },
  }),
  route({
    method: 'PUT',
    url: `${base}/publication`,
    summary:
      'Release the implementation picture, or parts of it, to the public accountability page.',
    tag: 'implementation',
    auth: 'required',
    params: processParams,
    body: releasePublicRequest,
    response: publicationResponse,
    handler: async ({ actor, params, body, deps }) => {
      const p = await releasePublicPicture(deps, {
        actor,
        processId: processIdOf(params),
        title: body.title,
        parts: body.parts,
      });
      return { slug: p.slug, picture: presentPublicPicture(p.picture) };
    },
  }),
  route({
    method: 'DELETE',
    url: `${base}/publication`,
    summary: 'Withdraw the public accountability page; its address stops answering.',
    tag: 'implementation',
    auth: 'required',
    params: processParams,
    response: okResponse,
    handler: async ({ actor, params, deps }) => {
      await withdrawPublicPicture(deps, { actor, processId: processIdOf(params) });
      return { ok: true as const };
    },
  }),
  route({
    method: 'GET',
    url: '/api/public/implementation/:slug',
    summary:
      'A public accountability page, for anyone without an account: exactly what was released.',
    tag: 'implementation',
    auth: 'none',
    params: publicSlugParams,
    response: publicPictureResponse,
    handler: async ({ params, deps, reply }) => {
      const picture = await readPublicPicture(deps, { slug: params.slug });
      // The same for every reader until released again: caches and proxies may keep it a minute.
      void reply.header('cache-control', 'public, max-age=60');
      return presentPublicPicture(picture);
    },
  }),
];
