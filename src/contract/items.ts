/** Compartment material (notes) and the audit log view. */
import { z } from 'zod';
import { auditKinds, type AuditKind } from '../core/audit/catalogue.js';
import { idSchema, text, timestamp } from './common.js';

export const itemResponse = z.object({
  /** Item id. */
  id: idSchema,
  /** The compartment it lives in. */
  compartmentId: idSchema,
  /** Label of that compartment, shown on every item. */
  compartmentLabel: z.string(),
  /** Kind of that compartment. */
  compartmentKind: z.enum(['public', 'plenary', 'caucus', 'mediators', 'bilateral']),
  /** Party of a caucus or bilateral compartment. */
  compartmentPartyId: idSchema.nullable(),
  /** Wider compartments the reader may release the item to. */
  releaseTargets: z.array(idSchema),
  /** Kind. */
  kind: z.enum(['note']),
  /** Title. */
  title: z.string(),
  /** Markdown body. */
  body: z.string(),
  /** Author. */
  authorUserId: idSchema,
  /** Created. */
  createdAt: timestamp,
  /** Last changed. */
  updatedAt: timestamp,
  /** Revision to name when editing. */
  revision: z.number().int(),
});
export const itemListResponse = z.object({ items: z.array(itemResponse) });
export const itemParams = z.object({ processId: idSchema, itemId: idSchema });
export const compartmentParams = z.object({ processId: idSchema, compartmentId: idSchema });
export const listItemsQuery = z.object({
  /** Only this compartment. */
  compartmentId: idSchema.optional(),
  /** Search in title and body. */
  q: z.string().max(200).optional(),
  /** At most this many (1–500). */
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export const createNoteRequest = z.object({ title: text(300), body: z.string().max(200_000) });
export const updateItemRequest = z
  .object({
    /** The revision the edit starts from. */
    baseRevision: z.number().int().min(1),
    title: text(300).optional(),
    body: z.string().max(200_000).optional(),
  })
  .refine((v) => v.title !== undefined || v.body !== undefined, {
    error: 'change the title or the body',
  });
export const releaseItemRequest = z.object({
  /** The wider compartment. */
  to: idSchema,
  /** The revision being released. */
  baseRevision: z.number().int().min(1),
});

export const auditEntryResponse = z.object({
  /** The audit scope the entry is in (core/audit/scope.ts): its log, its tree heads and proofs. */
  scope: z.string(),
  /** Its number in that scope (never the global log's, which counts every process's acts). */
  seq: z.number().int(),
  at: timestamp,
  actorUserId: z.string().nullable(),
  /** The actor's name, when a member of the process. */
  actorName: z.string().nullable(),
  compartmentId: z.string().nullable(),
  kind: z.string(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
/** A thing an entry names, by name: only those the viewer may read are named. */
export const auditSubjectResponse = z.object({
  /** What it is. */
  kind: z.enum([
    'item',
    'thread',
    'round',
    'commitment',
    'actor',
    'article',
    'communique',
    'proposal',
  ]),
  /** Its title or name (empty for a proposal, known by its round). */
  name: z.string(),
  /** A round's, a communiqué's or a proposal's round number; else null. */
  number: z.number().int().nullable(),
});
export const auditListResponse = z.object({
  entries: z.array(auditEntryResponse),
  /** The things the entries name that the viewer may read, by id (others stay unnamed). */
  subjects: z.record(z.string(), auditSubjectResponse),
});
/** A day, YYYY-MM-DD. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the day as YYYY-MM-DD.');
export const auditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).optional(),
    /** Only this person's acts. */
    userId: idSchema.optional(),
    /** Only this kind of event (a kind of the audit catalogue). */
    kind: z.enum(auditKinds as [AuditKind, ...AuditKind[]]).optional(),
    /** Only entries about this compartment. */
    compartmentId: idSchema.optional(),
    /** From this day (UTC), inclusive. */
    from: day.optional(),
    /** To this day (UTC), inclusive. */
    to: day.optional(),
    /** With beforeSeq: older entries than this one of an earlier page (its scope and number). */
    beforeScope: z.string().max(300).optional(),
    beforeSeq: z.coerce.number().int().min(1).optional(),
  })
  .refine((q) => (q.beforeScope === undefined) === (q.beforeSeq === undefined), {
    message: 'beforeScope and beforeSeq go together: the scope and number of the oldest entry seen',
    path: ['beforeSeq'],
  });
/** Which audit scope: `process:<id>`, `compartment:<id>` or `member:<processId>:<userId>`. */
const auditScopeParam = z.string().min(1).max(300);
/** The query of a tree head: the scope to witness. */
export const treeHeadQuery = z.object({ scope: auditScopeParam });

/** A signed head of the audit Merkle tree (RFC 9162), to keep as a witness. */
export const treeHeadResponse = z.object({
  /** Entries in the log. */
  treeSize: z.number().int(),
  /** Root hash (hex). */
  rootHash: z.string(),
  /** When it was signed. */
  timestamp: z.string(),
  /** Ed25519 signature (base64) over the head's canonical bytes. */
  signature: z.string(),
  /** Which key signed. */
  keyId: z.string(),
  /** The audit scope whose log this is (signed with the rest). */
  scope: z.string(),
});
export const consistencyQuery = z.object({
  scope: auditScopeParam,
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});
export const consistencyResponse = z.object({
  scope: z.string(),
  oldSize: z.number().int(),
  newSize: z.number().int(),
  /** The proof's nodes (hex), per RFC 9162 §2.1.4. */
  proof: z.array(z.string()),
});
export const inclusionQuery = z.object({
  scope: auditScopeParam,
  /** The entry to prove: its number in the scope. */
  seq: z.coerce.number().int().min(1),
  /** The size of the witnessed tree head to prove against; the current size when left out. */
  size: z.coerce.number().int().min(1).optional(),
});
export const inclusionResponse = z.object({
  scope: z.string(),
  seq: z.number().int(),
  kind: z.string(),
  at: z.string(),
  compartmentId: z.string().nullable(),
  /** The entry's chain hash; the leaf is `seq:hash`. */
  hash: z.string(),
  treeSize: z.number().int(),
  /** The audit path (hex), nearest the leaf first, per RFC 9162 §2.1.3. */
  proof: z.array(z.string()),
});
