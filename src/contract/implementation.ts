/** Implementation (C10): themes, commitments, evidence, levels, verifications, progress, exchange. */
import { z } from 'zod';
import { recurrences } from '../core/implementation/model.js';
import { pamProvisionTypes } from '../core/implementation/pam.js';
import { idSchema, text, timestamp } from './common.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month YYYY-MM' });
const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time' });
const level = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], {
  error: 'must be 0, 1, 2 or 3',
});

/** A PAM provision type key. */
export const provisionTypeKey = z.enum(
  pamProvisionTypes.map((p) => p.key) as [string, ...string[]],
  { error: 'must be a provision type of the scheme' },
);
/** How often an obligation recurs. */
export const recurrence = z.enum(recurrences);

/** Process and commitment in the path. */
export const commitmentParams = z.object({ processId: idSchema, commitmentId: idSchema });
/** Process and evidence in the path. */
export const evidenceParams = z.object({ processId: idSchema, evidenceId: idSchema });
/** Process and verification in the path. */
export const verificationParams = z.object({ processId: idSchema, verificationId: idSchema });

/** A theme or subtheme of the plan. */
export const themeResponse = z.object({
  /** Theme id. */
  id: idSchema,
  /** Its code (used in CSV files). */
  code: z.string(),
  /** Its name. */
  name: z.string(),
  /** The theme it is a subtheme of. */
  parentCode: z.string().nullable(),
  /** PAM provision type it maps to. */
  pamType: z.string().nullable(),
  /** PA-X category code. */
  paxCode: z.string().nullable(),
});
/** Define a theme. */
export const defineThemeRequest = z.object({
  /** Code: letters, digits, . _ - */
  code: text(32),
  /** Name. */
  name: text(200),
  /** Parent theme code, for a subtheme. */
  parentCode: text(32).nullable().default(null),
  /** PAM provision type. */
  pamType: provisionTypeKey.nullable().default(null),
  /** PA-X category code. */
  paxCode: text(32).nullable().default(null),
});

/** Process and theme in the path. */
export const themeParams = z.object({ processId: idSchema, themeId: idSchema });
/** What an edit may change of a theme. */
const themeFields = z.object({
  /** Name. */
  name: text(200),
  /** Parent theme code, for a subtheme; null for a theme. */
  parentCode: text(32).nullable(),
  /** PAM provision type, or null. */
  pamType: provisionTypeKey.nullable(),
  /** PA-X category code, or null. */
  paxCode: text(32).nullable(),
});
/** Edit a theme: everything but its code, from the theme as the editor opened it. */
export const editThemeRequest = themeFields.extend({
  /** The theme's code, if sent: it cannot change, so it must be the one it has. */
  code: z.string().max(32).optional(),
  /** The theme as the editor opened it; if it has changed since, the edit is refused (409). */
  base: z.object({
    /** Name as opened. */
    name: z.string().max(200),
    /** Parent as opened. */
    parentCode: z.string().max(32).nullable(),
    /** PAM provision type as opened. */
    pamType: z.string().max(64).nullable(),
    /** PA-X code as opened. */
    paxCode: z.string().max(32).nullable(),
  }),
});

const fields = {
  /** Responsible parties. */
  responsiblePartyIds: z.array(idSchema).max(20),
  /** Start. */
  startsOn: date,
  /** Deadline; null for a recurring obligation without end. */
  deadline: date.nullable(),
  /** Recurrence. */
  recurrence: recurrence.default('none'),
  /** PAM provision type. */
  provisionType: provisionTypeKey,
  /** Theme code. */
  themeCode: z.string().max(32).nullable().default(null),
  /** Weight in roll-ups. */
  weight: z.number().positive().max(1000).default(1),
};

/** Create commitments from provisions of a version. */
export const createCommitmentsRequest = z.object({
  /** The version's number. */
  versionNumber: z.number().int().positive(),
  /** One or several per provision. */
  commitments: z
    .array(
      z.object({
        /** The provision's key. */
        provisionKey: text(64),
        /** The wording; null takes the provision's. */
        wording: text(4000).nullable().default(null),
        /** External id; null derives one. */
        externalId: text(64).nullable().default(null),
        ...fields,
      }),
    )
    .min(1)
    .max(200),
});
/** Edit a commitment. */
export const editCommitmentRequest = z.object({
  /** The revision edited. */
  baseRevision: z.number().int().positive(),
  /** What must be done. */
  wording: text(4000),
  ...fields,
});

/** A commitment. */
export const commitmentResponse = z.object({
  /** Commitment id. */
  id: idSchema,
  /** External id. */
  externalId: z.string(),
  /** signed, ad_referendum or imported. */
  basis: z.string(),
  /** Version number it came from. */
  versionNumber: z.number().int().nullable(),
  /** Provision key. */
  provisionKey: z.string().nullable(),
  /** What must be done. */
  wording: z.string(),
  /** Responsible parties. */
  responsiblePartyIds: z.array(idSchema),
  /** Start. */
  startsOn: z.string(),
  /** Deadline. */
  deadline: z.string().nullable(),
  /** Recurrence. */
  recurrence: z.string(),
  /** PAM provision type. */
  provisionType: z.string(),
  /** Theme code. */
  themeCode: z.string().nullable(),
  /** Weight. */
  weight: z.number(),
  /** Revision to name when editing. */
  revision: z.number().int(),
});

/** A level entry. */
export const levelEntryResponse = z.object({
  /** Entry id. */
  id: idSchema,
  /** Level 0–3. */
  level: z.number().int(),
  /** From when. */
  effectiveOn: z.string(),
  /** Evidence cited. */
  evidenceIds: z.array(idSchema),
  /** Note. */
  note: z.string(),
  /** Recorded by. */
  setBy: idSchema,
  /** Recorded at. */
  setAt: timestamp,
});
/** A verification or dispute. */
export const verificationResponse = z.object({
  /** Id. */
  id: idSchema,
  /** The entry judged. */
  levelEntryId: idSchema,
  /** verified or disputed. */
  verdict: z.enum(['verified', 'disputed']),
  /** Why. */
  reason: z.string(),
  /** By. */
  by: idSchema,
  /** At. */
  at: timestamp,
  /** Resolved at (disputes). */
  resolvedAt: timestamp.nullable(),
  /** Resolution. */
  resolution: z.string().nullable(),
});
/** An uploaded file's name, type and size (its bytes come from the download route). */
export const evidenceFileResponse = z.object({
  /** The name it is offered under. */
  name: z.string(),
  /** Its media type, recognised from its content. */
  mediaType: z.string(),
  /** Its size in bytes. */
  size: z.number().int(),
});
/** A piece of evidence as its reader may see it. */
export const evidenceResponse = z.object({
  /** Id. */
  id: idSchema,
  /** report, link or file. */
  kind: z.enum(['report', 'link', 'file']),
  /** The report or description. */
  text: z.string(),
  /** The link. */
  url: z.string().nullable(),
  /** The uploaded file (kind file), or null. */
  file: evidenceFileResponse.nullable(),
  /** The date it speaks of. */
  observedOn: z.string(),
  /** Source. */
  source: z.string(),
  /** SHA-256. */
  sha256: z.string(),
  /** Where it is: released to the plenary, or still in the submitter's compartment. */
  compartmentId: idSchema,
  /** Released to the plenary. */
  released: z.boolean(),
  /** Submitted by. */
  submittedBy: idSchema,
  /** Submitted at. */
  submittedAt: timestamp,
});

/** A commitment with where it stands. */
export const commitmentSummaryResponse = z.object({
  /** The commitment. */
  commitment: commitmentResponse,
  /** Level today. */
  level: z.number().int(),
  /** Disputes not resolved. */
  openDisputes: z.number().int(),
  /** Verifications of the latest entry. */
  verified: z.number().int(),
  /** Past its deadline and not complete. */
  overdue: z.boolean(),
  /** Latest date of released evidence. */
  lastEvidenceOn: z.string().nullable(),
});
/** The plan. */
export const commitmentListResponse = z.object({
  /** Themes. */
  themes: z.array(themeResponse),
  /** Commitments. */
  commitments: z.array(commitmentSummaryResponse),
});
/** A commitment's timeline. */
export const commitmentTimelineResponse = commitmentSummaryResponse.extend({
  /** Level entries. */
  entries: z.array(levelEntryResponse),
  /** Verifications and disputes. */
  verifications: z.array(verificationResponse),
  /** Evidence. */
  evidence: z.array(evidenceResponse),
  /** The level as of a date, if asked. */
  asOf: z
    .object({ date: z.string(), knownAt: z.string().nullable(), level: z.number().int() })
    .nullable(),
  /** The largest file this server accepts as evidence, in bytes. */
  evidenceFileMaxBytes: z.number().int(),
});
/** Ask for a commitment's level as of a date (as known at a time). */
export const commitmentQuery = z.object({
  /** Date. */
  asOf: date.optional(),
  /** Time. */
  knownAt: instant.optional(),
});

/** Submit evidence. */
export const submitEvidenceRequest = z.object({
  /** report or link. */
  kind: z.enum(['report', 'link']),
  /** The report, or what the link shows. */
  text: text(20000),
  /** The link. */
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http or https address' })
    .max(2000)
    .nullable()
    .default(null),
  /** The date it speaks of. */
  observedOn: date,
  /** Source. */
  source: text(300),
  /** SHA-256 of the document; for a report, null hashes its text. */
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, { error: 'must be a SHA-256 in hex' })
    .nullable()
    .default(null),
});
/** Upload a file as evidence. */
export const submitEvidenceFileRequest = z.object({
  /** The file's name (it names the file; its type is recognised from its content). */
  fileName: z.string().trim().max(300).default(''),
  /** The file's bytes, base64-encoded. */
  content: z
    .string()
    .min(1, { error: 'must not be empty: choose a file' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be the file’s bytes in base64' }),
  /** What the file shows (may be empty). */
  text: z.string().trim().max(20000).default(''),
  /** The date it speaks of. */
  observedOn: date,
  /** Source. */
  source: text(300),
});
/** A file evidence's bytes. */
export const evidenceFileDownload = z.instanceof(Buffer);

/** Record a level. */
export const setLevelRequest = z.object({
  /** 0–3. */
  level,
  /** From when. */
  effectiveOn: date,
  /** Released evidence. */
  evidenceIds: z.array(idSchema).min(1, { error: 'a level moves only with evidence' }).max(50),
  /** Note. */
  note: z.string().max(2000).default(''),
});
/** Verify or dispute a level entry. */
export const verifyLevelRequest = z.object({
  /** The entry. */
  entryId: idSchema,
  /** verified or disputed. */
  verdict: z.enum(['verified', 'disputed']),
  /** Why. */
  reason: z.string().max(2000).default(''),
});
/** Resolve a dispute. */
export const resolveDisputeRequest = z.object({
  /** How. */
  resolution: text(2000),
});

const monthProgress = z.object({
  /** YYYY-MM. */
  month: z.string(),
  /** Counts at 0..3. */
  counts: z.array(z.number().int()),
  /** Shares at 0..3. */
  shares: z.array(z.number()),
  /** Weighted percent. */
  percent: z.number(),
});
/** Ask for progress. */
export const progressQuery = z.object({
  /** First month. */
  from: month.optional(),
  /** Last month. */
  to: month.optional(),
  /** Silent period start. */
  silentFrom: date.optional(),
  /** Silent period end. */
  silentTo: date.optional(),
  /** As known at. */
  knownAt: instant.optional(),
});
/** The progress picture. */
export const progressResponse = z.object({
  /** Months. */
  months: z.array(z.string()),
  /** Whole agreement. */
  overall: z.array(monthProgress),
  /** Per theme. */
  byTheme: z.array(z.object({ key: z.string(), months: z.array(monthProgress) })),
  /** Per party. */
  byParty: z.array(z.object({ key: z.string(), months: z.array(monthProgress) })),
  /** Provision types × years. */
  matrix: z.array(
    z.object({
      provisionType: z.string(),
      year: z.number().int(),
      commitments: z.number().int(),
      mean: z.number(),
      level: z.number().int(),
    }),
  ),
  /** Overdue commitment ids. */
  overdue: z.array(idSchema),
  /** Silent commitment ids. */
  silent: z.array(idSchema),
  /** Silent period. */
  silentFrom: z.string(),
  /** Silent period. */
  silentTo: z.string(),
  /** As known at. */
  knownAt: z.string().nullable(),
});

/** The export formats. */
export const exportQuery = z.object({
  /** commitments.csv, levels.csv, json, or pam.csv (accord × provision type × year, level 0–3). */
  format: z.enum(['commitments.csv', 'levels.csv', 'json', 'pam.csv']),
});
/** An export (CSV or JSON text). */
export const exportResponse = z.string();
/** Import files. */
export const importRequest = z.object({
  /** The commitments file. */
  commitmentsCsv: z.string().max(48 * 1024 * 1024),
  /** The levels file. */
  levelsCsv: z
    .string()
    .max(48 * 1024 * 1024)
    .nullable()
    .default(null),
});
/** What an import did. */
export const importResponse = z.object({
  /** Created. */
  created: z.number().int(),
  /** Updated. */
  updated: z.number().int(),
  /** Unchanged. */
  unchanged: z.number().int(),
  /** Levels appended. */
  levels: z.number().int(),
  /** Level rows skipped. */
  levelsUnchanged: z.number().int(),
});

/** Which parts of the picture go public. */
const publicParts = z.object({
  /** Theme codes whose commitments go public (with their subthemes), or null for all. */
  themes: z.array(text(32)).max(200).nullable(),
  /** The commitments with their verified levels. */
  commitments: z.boolean(),
  /** The month-by-month progress and the provision types × years matrix. */
  progress: z.boolean(),
});
/** Release the picture, or parts of it, to the public accountability page. */
export const releasePublicRequest = z.object({
  /** The page's title. */
  title: text(200),
  /** What goes public. */
  parts: publicParts,
});
/** The released picture, as anyone may read it: no internal id of anything in it. */
export const publicPictureResponse = z.object({
  /** The page's title. */
  title: z.string(),
  /** When released (ISO 8601). */
  releasedAt: z.string(),
  /** The day the levels are as of. */
  asOf: z.string(),
  /** What is released. */
  parts: publicParts,
  /** Released themes with commitments. */
  themes: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Released commitments with their verified level. */
  commitments: z.array(
    z.object({
      /** The process's own key (external id). */
      ref: z.string(),
      wording: z.string(),
      provisionType: z.string(),
      themeCode: z.string().nullable(),
      /** Responsible parties' names. */
      responsible: z.array(z.string()),
      startsOn: z.string(),
      deadline: z.string().nullable(),
      recurrence,
      /** Verified level today. */
      level: z.number().int(),
      /** Since when that verified level holds. */
      levelSince: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  /** Progress over the released commitments (verified levels only), if released. */
  progress: z
    .object({
      commitments: z.number().int(),
      overall: z.array(monthProgress),
      byTheme: z.array(z.object({ key: z.string(), months: z.array(monthProgress) })),
      matrix: z.array(
        z.object({
          provisionType: z.string(),
          year: z.number().int(),
          commitments: z.number().int(),
          mean: z.number(),
          level: z.number().int(),
        }),
      ),
    })
    .nullable(),
});
/** The process's public page: its address and what it shows, or nothing released. */
export const publicationResponse = z.object({
  /** The page's address, or null when nothing is released. */
  slug: z.string().nullable(),
  /** The released picture, or null. */
  picture: publicPictureResponse.nullable(),
});
/** A public page's address. */
export const publicSlugParams = z.object({ slug: z.string().max(200) });
