/** The single negotiating text. */
import { processParams } from '../../../contract/common.js';
import {
  amendmentListResponse,
  amendmentParams,
  amendmentResponse,
  decideAmendmentRequest,
  decidedAmendmentResponse,
  diffQuery,
  diffResponse,
  exportQuery,
  exportResponse,
  editedResponse,
  proposeAmendmentRequest,
  publishRequest,
  signedResponse,
  signRequest,
  textEditRequest,
  verifyResponse,
  versionListResponse,
  versionParams,
  versionResponse,
  versionSummary,
  workingTextResponse,
} from '../../../contract/text.js';
import { asId } from '../../../core/shared/ids.js';
import { decideAmendment } from '../../../core/usecases/text/decide-amendment.js';
import { diffVersions } from '../../../core/usecases/text/diff-versions.js';
import { exportVersion } from '../../../core/usecases/text/export-version.js';
import { renderCopy } from '../../exports/render-copy.js';
import { editWorkingText } from '../../../core/usecases/text/edit-working-text.js';
import { type TextEdit } from '../../../core/text/apply-edit.js';
import { getVersion } from '../../../core/usecases/text/get-version.js';
import { getWorkingText } from '../../../core/usecases/text/get-working-text.js';
import { listAmendments } from '../../../core/usecases/text/list-amendments.js';
import { listVersions } from '../../../core/usecases/text/list-versions.js';
import { proposeAmendment } from '../../../core/usecases/text/propose-amendment.js';
import { publishVersion } from '../../../core/usecases/text/publish-version.js';
import { signVersion } from '../../../core/usecases/text/sign-version.js';
import { verifySignatures } from '../../../core/usecases/text/verify-signatures.js';
import { route, processIdOf } from '../route.js';
import { presentVersion, presentAmendment } from './presenters.js';

export const textRoutes = [
  route({
    method: 'GET',
    url: '/api/processes/:processId/text',
    summary: "The working draft (the mediator team's).",
    tag: 'text',
    auth: 'required',
    params: processParams,
    response: workingTextResponse,
    handler: async ({ actor, params, deps }) => {
      const v = await getWorkingText(deps, { actor, processId: processIdOf(params) });
      return {
        text: v.draft.text,
        revision: v.draft.revision,
        updatedAt: v.draft.updatedAt,
        plainText: v.plainText,
        state: v.state,
        directory: v.directory,
      };
    },
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/text/edits',
    summary:
      'Edit the working draft from a named revision (stale revisions answer 409 with the current text).',
    tag: 'text',
    auth: 'required',
    params: processParams,
    body: textEditRequest,
    response: editedResponse,
    handler: async ({ actor, params, body, deps }) => {
      const d = await editWorkingText(deps, {
        actor,
        processId: processIdOf(params),
        baseRevision: body.baseRevision,
        edit: body.edit as TextEdit,
      });
      return { revision: d.revision, updatedAt: d.updatedAt };
    },
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/text/versions',
    summary: 'The published versions I have received, with signatures.',
    tag: 'text',
    auth: 'required',
    params: processParams,
    response: versionListResponse,
    handler: async ({ actor, params, deps }) => ({
      versions: (await listVersions(deps, { actor, processId: processIdOf(params) })).map((v) =>
        presentVersion(v, v.signatures),
      ),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/text/versions',
    summary:
      'Publish the working draft as the next immutable, numbered version, to all parties, one, or none.',
    tag: 'text',
    auth: 'required',
    params: processParams,
    body: publishRequest,
    response: versionSummary,
    status: 201,
    handler: async ({ actor, params, body, deps }) => {
      const d = body.distribution;
      const v = await publishVersion(deps, {
        actor,
        processId: processIdOf(params),
        baseRevision: body.baseRevision,
        note: body.note,
        distribution:
          d === 'all'
            ? { to: 'all' }
            : d === 'mediators'
              ? { to: 'mediators' }
              : { to: 'party', partyId: asId(d) },
      });
      return presentVersion(v, []);
    },
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/text/versions/:number',
    summary: 'One published version, with its state and signatures.',
    tag: 'text',
    auth: 'required',
    params: versionParams,
    response: versionResponse,
    handler: async ({ actor, params, deps }) => {
      const v = await getVersion(deps, {
        actor,
        processId: processIdOf(params),
        number: params.number,
      });
      return {
        version: presentVersion(v.version, v.signatures),
        text: v.text,
        plainText: v.plainText,
        state: v.state,
        directory: v.directory,
      };
    },
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/text/versions/:number/export',
    summary:
      'A copy of a version issued to me (DOCX, PDF or text), with my name in the footer, its fixed wording in the language asked for; audited.',
    tag: 'text',
    auth: 'required',
    params: versionParams,
    query: exportQuery,
    response: exportResponse,
    handler: async ({ actor, params, query, deps, reply }) => {
      const copy = await exportVersion(deps, {
        actor,
        processId: processIdOf(params),
        number: params.number,
        format: query.format,
      });
      const file = await renderCopy(copy, query.format, deps.fingerprintKey, query.lang);
      void reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`);
      return file.body;
    },
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/text/diff',
    summary: 'Word-level diff and provision-by-provision comparison of two versions.',
    tag: 'text',
    auth: 'required',
    params: processParams,
    query: diffQuery,
    response: diffResponse,
    handler: async ({ actor, params, query, deps }) =>
      diffVersions(deps, { actor, processId: processIdOf(params), from: query.from, to: query.to }),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/text/versions/:number/signatures',
    summary: 'Sign a version for my party (head of delegation), naming the hash I saw.',
    tag: 'text',
    auth: 'required',
    params: versionParams,
    body: signRequest,
    response: signedResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      signVersion(deps, {
        actor,
        processId: processIdOf(params),
        number: params.number,
        versionHash: body.versionHash,
      }),
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/text/versions/:number/verification',
    summary: 'Re-hash a version and check its signatures.',
    tag: 'text',
    auth: 'required',
    params: versionParams,
    response: verifyResponse,
    handler: async ({ actor, params, deps }) =>
      verifySignatures(deps, { actor, processId: processIdOf(params), number: params.number }),
  }),
  route({
    method: 'GET',
    url: '/api/processes/:processId/amendments',
    summary: 'Amendments I may see: my party’s, or every party’s for the mediators.',
    tag: 'text',
    auth: 'required',
    params: processParams,
    response: amendmentListResponse,
    handler: async ({ actor, params, deps }) => ({
      amendments: (await listAmendments(deps, { actor, processId: processIdOf(params) })).map(
        presentAmendment,
      ),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/amendments',
    summary: 'Propose an amendment for my party, in our bilateral channel with the mediators.',
    tag: 'text',
    auth: 'required',
    params: processParams,
    body: proposeAmendmentRequest,
    response: amendmentResponse,
    status: 201,
    handler: async ({ actor, params, body, deps }) =>
      presentAmendment(
        await proposeAmendment(deps, {
          actor,
          processId: processIdOf(params),
          provision: asId(body.provision),
          change: body.change,
          note: body.note,
        }),
      ),
  }),
  route({
    method: 'POST',
    url: '/api/processes/:processId/amendments/:amendmentId/decision',
    summary: 'Accept an amendment as a bracketed alternative, merge it, or decline it.',
    tag: 'text',
    auth: 'required',
    params: amendmentParams,
    body: decideAmendmentRequest,
    response: decidedAmendmentResponse,
    handler: async ({ actor, params, body, deps }) => {
      const r = await decideAmendment(deps, {
        actor,
        processId: processIdOf(params),
        amendmentId: asId(params.amendmentId),
        decision: body.decision,
        baseRevision: body.baseRevision,
      });
      return { amendment: presentAmendment(r.amendment), revision: r.draft.revision };
    },
  }),
];
