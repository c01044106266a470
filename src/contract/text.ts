/** The single negotiating text: the working draft, versions, diffs, signatures, amendments. */
import { z } from 'zod';
import { idSchema, text, timestamp } from './common.js';

const key = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'is not a chapter or provision key' });
export const provisionStatus = z.enum(['open', 'bracketed', 'agreed_ad_referendum', 'agreed']);
const holder = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('party'), party: idSchema }),
  z.object({ kind: z.literal('mediators') }),
  z.object({ kind: z.literal('unattributed') }),
]);
const segment = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plain'), text: z.string() }),
  z.object({
    kind: z.literal('bracket'),
    text: z.string(),
    holder,
    note: z.string().nullable(),
    /** True when the note goes out to the parties; absent, it is the drafters' own. */
    noteForParties: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('alternatives'),
    options: z.array(
      z.object({
        text: z.string(),
        holder,
        note: z.string().nullable(),
        noteForParties: z.boolean().optional(),
      }),
    ),
  }),
]);
/** The text's structure: chapters of provisions whose bodies are plain wording, brackets and alternatives. */
export const negotiatingText = z.object({
  title: z.string(),
  chapters: z.array(
    z.object({
      key,
      title: z.string(),
      provisions: z.array(z.object({ key, status: provisionStatus, body: z.array(segment) })),
    }),
  ),
});
export const overallStateResponse = z.object({
  everythingAgreed: z.boolean(),
  /** "Nothing is agreed until everything is agreed", or null once everything is. */
  banner: z.string().nullable(),
  provisionCount: z.number().int(),
  counts: z.record(provisionStatus, z.number().int()),
  allProvisionsAgreed: z.boolean(),
  openBrackets: z.number().int(),
  openAlternativeGroups: z.number().int(),
  signedBy: z.array(idSchema),
  unsigned: z.array(idSchema),
});
const directory = z.array(z.object({ id: idSchema, code: z.string() }));

export const workingTextResponse = z.object({
  text: negotiatingText,
  /** Name this revision when editing. */
  revision: z.number().int(),
  updatedAt: z.string(),
  /** The draft in the bracket syntax. */
  plainText: z.string(),
  state: overallStateResponse,
  directory,
});

export const textEditRequest = z.object({
  /** The revision the edit starts from. */
  baseRevision: z.number().int().min(0),
  edit: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('import'), plainText: z.string().max(2_000_000) }),
    z.object({ kind: z.literal('retitle'), title: z.string().max(500) }),
    z.object({ kind: z.literal('add_chapter'), title: text(500) }),
    z.object({ kind: z.literal('add_provision'), chapter: key, body: z.string().max(100_000) }),
    z.object({ kind: z.literal('replace_body'), provision: key, body: z.string().max(100_000) }),
    z.object({ kind: z.literal('remove_provision'), provision: key }),
    z.object({ kind: z.literal('set_status'), provision: key, status: provisionStatus }),
    z.object({
      kind: z.literal('resolve_bracket'),
      provision: key,
      segment: z.number().int().min(0),
      resolution: z.enum(['accept', 'delete']),
    }),
    z.object({
      kind: z.literal('choose_alternative'),
      provision: key,
      segment: z.number().int().min(0),
      option: z.number().int().min(0),
    }),
  ]),
});
export const editedResponse = z.object({ revision: z.number().int(), updatedAt: z.string() });

export const publishRequest = z.object({
  baseRevision: z.number().int().min(1),
  note: z.string().max(4000).default(''),
  /** "all" (plenary), "mediators" (not distributed yet), or a party id (its bilateral channel). */
  distribution: z.union([z.literal('all'), z.literal('mediators'), idSchema]),
});
const signatureResponse = z.object({
  partyId: idSchema,
  signedAt: timestamp,
  /** The SHA-256 the signatory signed. */
  versionHash: z.string(),
});
export const versionSummary = z.object({
  id: idSchema,
  number: z.number().int(),
  note: z.string(),
  /** What changed since the previous version, by provision only. */
  changeList: z.array(z.string()),
  /** SHA-256 of the version's canonical form. */
  hash: z.string(),
  publishedAt: timestamp,
  /** Where it was distributed. */
  compartmentId: idSchema,
  recipients: z.array(
    z.object({ userId: idSchema, displayName: z.string(), partyId: idSchema.nullable() }),
  ),
  signatures: z.array(signatureResponse),
});
export const versionListResponse = z.object({ versions: z.array(versionSummary) });
export const versionParams = z.object({
  processId: idSchema,
  number: z.coerce.number().int().min(1).max(100_000),
});
export const versionResponse = z.object({
  version: versionSummary,
  text: negotiatingText,
  plainText: z.string(),
  state: overallStateResponse,
  directory,
});
export const diffQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});
const wordOp = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
const snapshot = z
  .object({
    number: z.string(),
    chapterKey: key,
    status: provisionStatus,
    wording: z.string(),
    open: z.number().int(),
  })
  .nullable();
export const diffResponse = z.object({
  diff: z.object({
    identical: z.boolean(),
    title: z.object({ from: z.string(), to: z.string() }).nullable(),
    chapters: z.array(
      z.object({
        key,
        change: z.enum(['added', 'removed', 'retitled', 'unchanged']),
        from: z.object({ number: z.number().int(), title: z.string() }).nullable(),
        to: z.object({ number: z.number().int(), title: z.string() }).nullable(),
      }),
    ),
    provisions: z.array(
      z.object({
        key,
        change: z.enum(['added', 'removed', 'changed', 'unchanged']),
        from: snapshot,
        to: snapshot,
        wordingChanged: z.boolean(),
        statusChanged: z.boolean(),
        chapterChanged: z.boolean(),
        moved: z.boolean(),
        ops: z.array(wordOp),
      }),
    ),
    summary: z.record(z.string(), z.number().int()),
  }),
  comparison: z.object({
    rows: z.array(
      z.object({
        key,
        a: snapshot,
        b: snapshot,
        relation: z.enum(['same', 'wording_differs', 'status_differs', 'only_in_a', 'only_in_b']),
        ops: z.array(wordOp),
      }),
    ),
    summary: z.record(z.string(), z.number().int()),
  }),
});
export const signRequest = z.object({
  /** The SHA-256 of the version as the signatory saw it. */
  versionHash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 in hex' }),
});
export const signedResponse = signatureResponse;
export const verifyResponse = z.object({
  versionIntact: z.boolean(),
  hash: z.string(),
  signatures: z.array(z.object({ partyId: idSchema, signedAt: timestamp, valid: z.boolean() })),
});

const anchor = z.object({
  quote: z.string().min(1).max(2000),
  occurrence: z.number().int().min(1).default(1),
});
export const amendmentChange = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('insert'),
    at: z.union([
      z.object({ position: z.enum(['start', 'end']) }),
      anchor.extend({ position: z.enum(['before', 'after']) }),
    ]),
    wording: z.string().min(1).max(10_000),
  }),
  z.object({ kind: z.literal('delete'), target: anchor }),
  z.object({ kind: z.literal('replace'), target: anchor, wording: z.string().min(1).max(10_000) }),
]);
export const proposeAmendmentRequest = z.object({
  provision: key,
  change: amendmentChange,
  note: z.string().max(4000).default(''),
});
export const amendmentResponse = z.object({
  id: idSchema,
  /** The party's bilateral channel. */
  compartmentId: idSchema,
  partyId: idSchema,
  provision: key,
  change: amendmentChange,
  note: z.string(),
  outcome: z.enum(['pending', 'accepted_as_alternative', 'merged', 'declined']),
  proposedAt: timestamp,
  decidedAt: timestamp.nullable(),
});
export const amendmentListResponse = z.object({ amendments: z.array(amendmentResponse) });
export const amendmentParams = z.object({ processId: idSchema, amendmentId: idSchema });
export const decideAmendmentRequest = z.object({
  decision: z.enum(['accept_as_alternative', 'merge', 'decline']),
  baseRevision: z.number().int().min(0),
});
export const decidedAmendmentResponse = z.object({
  amendment: amendmentResponse,
  revision: z.number().int(),
});

export const exportQuery = z.object({
  /** docx, pdf or txt (the bracket syntax with a header and footer). */
  format: z.enum(['docx', 'pdf', 'txt']),
  /** The language of the copy's fixed wording (headers, status marks, legend): en, es or nb. */
  lang: z.enum(['en', 'es', 'nb']).default('en'),
});
/** An issued copy: the file's bytes. */
export const exportResponse = z.instanceof(Buffer);
