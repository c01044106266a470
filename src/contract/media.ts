/** Actors outside the table, articles brought in, and confirmed statements (C9). */
import { z } from 'zod';
import { actorKinds, stances } from '../core/media/model.js';
import { idSchema, text, timestamp } from './common.js';

const day = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });
const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}$/, { error: 'must be an ISO 639-1 or 639-3 code in lower case' });

/** Person, organisation, media outlet, state or international body. */
export const actorKind = z.enum(actorKinds);
/** Supporter, critic, spoiler, guarantor, neutral or unknown. */
export const stance = z.enum(stances);

/** An alias of an actor: its words, and its language when it belongs to one. */
export const actorAlias = z.object({
  /** The words. */
  text: text(200),
  /** ISO code, or null. */
  language: languageCode.nullable().default(null),
});

/** Process and actor ids in the path. */
export const actorParams = z.object({ processId: idSchema, actorId: idSchema });
/** Process and article ids in the path. */
export const articleParams = z.object({ processId: idSchema, articleId: idSchema });

/** A new actor in a register. */
export const registerActorRequest = z.object({
  /** The name. */
  name: text(200),
  /** What it is. */
  kind: actorKind,
  /** Its stance towards the process, as you judge it now. */
  role: stance,
  /** Why. */
  reason: z.string().trim().max(2000).optional(),
  /** Other names and spellings: words, or words with a language. */
  aliases: z
    .array(z.union([text(200).transform((t) => ({ text: t, language: null })), actorAlias]))
    .max(50)
    .default([]),
  /** Wikidata id (Q followed by digits). */
  wikidataId: z
    .string()
    .regex(/^Q[1-9][0-9]{0,11}$/, { error: 'must be a Wikidata id such as Q42' })
    .nullable()
    .default(null),
  /** Notes. */
  notes: z.string().max(10_000).default(''),
  /** The register: by default the mediators' room (a delegation: its caucus). */
  compartmentId: idSchema.optional(),
});

/** One entry of a stance history. */
export const stanceChangeResponse = z.object({
  /** The stance. */
  stance,
  /** From this day. */
  since: z.string(),
  /** Why. */
  reason: z.string(),
  /** Who set it. */
  setBy: idSchema,
  /** When it was recorded. */
  setAt: timestamp,
});

/** An actor as the reader sees it. */
export const actorResponse = z.object({
  /** Actor id. */
  id: idSchema,
  /** The register it is in. */
  compartmentId: idSchema,
  /** Name. */
  name: z.string(),
  /** Kind. */
  kind: actorKind,
  /** Current stance (the last of its history). */
  role: stance,
  /** Aliases. */
  aliases: z.array(z.object({ text: z.string(), language: z.string().nullable() })),
  /** Wikidata id. */
  wikidataId: z.string().nullable(),
  /** Notes. */
  notes: z.string(),
  /** Stance history, oldest first. */
  stances: z.array(stanceChangeResponse),
  /** Revision to name when changing it. */
  revision: z.number().int(),
  /** Registered. */
  createdAt: timestamp,
});

/** A confirmed statement. */
export const actorStatementResponse = z.object({
  /** Statement id. */
  id: idSchema,
  /** Where it lives. */
  compartmentId: idSchema,
  /** Who said it. */
  actorId: idSchema,
  /** The quote in its original language. */
  quote: z.string(),
  /** Its language. */
  language: z.string(),
  /** Source address. */
  url: z.string().nullable(),
  /** Outlet. */
  outlet: z.string().nullable(),
  /** The day it was said. */
  statedOn: z.string(),
  /** The stance it expresses, as confirmed. */
  stance,
  /** The article it came from. */
  articleId: idSchema.nullable(),
  /** When it was confirmed. */
  confirmedAt: timestamp,
  /** The agenda issues it concerns, in the agenda's order. */
  issueIds: z.array(idSchema),
  /** Revision to name when changing its issues. */
  revision: z.number().int(),
});

/** An actor with its timeline. */
export const actorDetailResponse = z.object({
  /** The actor. */
  actor: actorResponse,
  /** Its statements, oldest first. */
  timeline: z.array(actorStatementResponse),
});

/** The actors I may see. */
export const actorListResponse = z.object({
  /** Oldest first. */
  actors: z.array(actorResponse),
});

/** A stance judged anew. */
export const changeStanceRequest = z.object({
  /** The stance. */
  stance,
  /** From this day. */
  since: day,
  /** Why. */
  reason: text(2000),
  /** The revision you saw. */
  baseRevision: z.number().int().min(1),
});

/** A release of an actor to a wider compartment. */
export const releaseActorRequest = z.object({
  /** The wider compartment. */
  to: idSchema,
  /** The revision you saw. */
  baseRevision: z.number().int().min(1),
});

/** Characters a pasted text may not hold: NUL and other controls (a binary file). */
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const controlCharacters = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/;
/** A text that is an HTML page rather than an article's words. */
const htmlPage = /<\s*(?:html|body|head|div|p|script|style|article|span|!doctype)\b[^>]*>/i;

/** An article's text as pasted. */
export const articleText = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(200_000, { error: 'an article may hold at most 200,000 characters' })
  .refine((t) => !controlCharacters.test(t), {
    error: 'holds control characters or undecodable bytes: paste the article’s text, not a file',
  })
  .refine((t) => !htmlPage.test(t), {
    error: 'looks like HTML: paste the article’s text, not the page’s markup',
  });

/** An article to bring in. */
export const addArticleRequest = z.object({
  /** The text. */
  text: articleText,
  /** Headline. */
  title: z.string().trim().max(500).optional(),
  /** Source address. */
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
    .max(2000)
    .optional(),
  /** Outlet. */
  outlet: z.string().trim().max(200).optional(),
  /** Publication date or date and time. */
  publishedAt: z.union([day, z.iso.datetime({ offset: true })]).optional(),
  /** Where to keep it: by default the mediators' room (a delegation: its caucus). */
  compartmentId: idSchema.optional(),
});

/** A registered actor found in an article. */
export const mentionResponse = z.object({
  /** The actor. */
  actorId: idSchema,
  /** The matched words, as written. */
  text: z.string(),
  /** Offset of the first character (UTF-16). */
  start: z.number().int(),
  /** Offset after the last. */
  end: z.number().int(),
});

/** A quotation found in an article. */
export const quoteResponse = z.object({
  /** The quoted words. */
  text: z.string(),
  /** Its speaker, where the text says who and the actor is registered. */
  speakerActorId: idSchema.nullable(),
  /** Offset of the first quoted character. */
  start: z.number().int(),
  /** Offset after the last. */
  end: z.number().int(),
});

/** An article and what the analysis found. */
export const articleResponse = z.object({
  /** Article id. */
  id: idSchema,
  /** Where it is kept. */
  compartmentId: idSchema,
  /** Headline. */
  title: z.string(),
  /** The text. */
  text: z.string(),
  /** Source address. */
  url: z.string().nullable(),
  /** Outlet. */
  outlet: z.string().nullable(),
  /** Publication date. */
  publishedAt: z.string().nullable(),
  /** Detected language: ISO 639-1 (nb, nn, es, en, da, sv …) or und. */
  language: z.string(),
  /** Registered actors mentioned. */
  mentions: z.array(mentionResponse),
  /** Quotations, with speakers where the text says who. */
  quotes: z.array(quoteResponse),
  /** Names that look like actors not yet registered. */
  suggestions: z.array(z.object({ text: z.string(), start: z.number(), end: z.number() })),
  /** When it was brought in. */
  addedAt: timestamp,
  /** The feed it came from, if any. */
  feedId: idSchema.nullable(),
});

/** A quote confirmed as an actor's statement. */
export const confirmStatementRequest = z.object({
  /** Who said it. */
  actorId: idSchema,
  /** The quote, in its original language (words of the article when one is named). */
  quote: text(5000),
  /** The day it was said. */
  statedOn: day,
  /** The stance it expresses. */
  stance,
  /** The article it was found in. */
  articleId: idSchema.optional(),
  /** Its language, when not from an article. */
  language: languageCode.optional(),
  /** Source address, when not from an article. */
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
    .max(2000)
    .optional(),
  /** Outlet, when not from an article. */
  outlet: z.string().trim().max(200).optional(),
  /** The agenda issues it concerns. */
  issueIds: z.array(idSchema).max(100).default([]),
});

/** Process and statement ids in the path. */
export const mediaStatementParams = z.object({ processId: idSchema, statementId: idSchema });

/** The agenda issues a statement concerns, anew. */
export const setStatementIssuesRequest = z.object({
  /** The whole list; empty clears it. */
  issueIds: z.array(idSchema).max(100),
  /** The revision you saw. */
  baseRevision: z.number().int().min(1),
});

/** Changes to an actor's entry; the stance changes only through its history. */
export const editActorRequest = z
  .object({
    /** A new name. */
    name: text(200).optional(),
    /** A new kind. */
    kind: actorKind.optional(),
    /** The whole new list of aliases. */
    aliases: z
      .array(z.union([text(200).transform((t) => ({ text: t, language: null })), actorAlias]))
      .max(50)
      .optional(),
    /** A new Wikidata id, or null to clear it. */
    wikidataId: z
      .string()
      .regex(/^Q[1-9][0-9]{0,11}$/, { error: 'must be a Wikidata id such as Q42' })
      .nullable()
      .optional(),
    /** New notes. */
    notes: z.string().max(10_000).optional(),
    /** The revision you saw. */
    baseRevision: z.number().int().min(1),
  })
  .strict();

/** An HTML or text file brought in as an article. */
export const uploadArticleRequest = z.object({
  /** The file's name (its ending tells HTML from text, with its content). */
  fileName: z.string().trim().max(300).default(''),
  /** The file's content type as the browser gave it, if any (it may name the charset). */
  contentType: z.string().trim().max(200).optional(),
  /** The file's bytes, base64-encoded. */
  content: z
    .string()
    .min(1, { error: 'must not be empty: choose a file' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be the file’s bytes in base64' }),
  /** Headline (by default the page's title). */
  title: z.string().trim().max(500).optional(),
  /** Source address. */
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
    .max(2000)
    .optional(),
  /** Outlet. */
  outlet: z.string().trim().max(200).optional(),
  /** Publication date or date and time. */
  publishedAt: z.union([day, z.iso.datetime({ offset: true })]).optional(),
  /** Where to keep it: by default the mediators' room (a delegation: its caucus). */
  compartmentId: idSchema.optional(),
});

/** Process and feed ids in the path. */
export const feedParams = z.object({ processId: idSchema, feedId: idSchema });

/** A feed to follow. */
export const addFeedRequest = z.object({
  /** Its address. */
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).max(2000),
  /** A name for it (by default the feed's own title). */
  title: z.string().trim().max(200).optional(),
  /** Minutes between two fetches (5 to 1440; 30 by default). */
  intervalMinutes: z.number().int().min(5).max(1440).optional(),
  /** Where its articles go: by default the mediators' room (a delegation: its caucus). */
  compartmentId: idSchema.optional(),
});

/** A feed as the reader sees it. */
export const feedResponse = z.object({
  /** Feed id. */
  id: idSchema,
  /** Where its articles go. */
  compartmentId: idSchema,
  /** Its address. */
  url: z.string(),
  /** Its name. */
  title: z.string(),
  /** Minutes between fetches. */
  intervalMinutes: z.number().int(),
  /** When it was last fetched. */
  lastFetchedAt: timestamp.nullable(),
  /** How that went: never fetched yet, ok, or error. */
  lastStatus: z.enum(['never', 'ok', 'error']),
  /** What went wrong last time: a code to translate, its detail and the English words. */
  lastError: z
    .object({
      /** unreachable, timeout, too_large, http_status, not_a_feed, bad_address or forbidden_address. */
      code: z.string(),
      /** A status code, a size limit, the parser's words. */
      detail: z.string(),
      /** In English. */
      message: z.string(),
    })
    .nullable(),
  /** Articles it has brought in. */
  articlesAdded: z.number().int(),
  /** When it was added. */
  createdAt: timestamp,
});

/** The feeds I may see. */
export const feedListResponse = z.object({
  /** Oldest first. */
  feeds: z.array(feedResponse),
});

/** The media view's filters. */
export const mediaQuery = z.object({
  /** One actor. */
  actorId: idSchema.optional(),
  /** One stance. */
  stance: stance.optional(),
  /** One language. */
  language: languageCode.optional(),
  /** One agenda issue. */
  issueId: idSchema.optional(),
  /** From this day. */
  from: day.optional(),
  /** To this day. */
  to: day.optional(),
});

/** One month of the chart. */
export const chartPeriodResponse = z.object({
  /** YYYY-MM. */
  period: z.string(),
  /** Statements per stance. */
  counts: z.record(stance, z.number().int()),
  /** All of them. */
  total: z.number().int(),
  /** Numbers of the rounds of talks held (partly) in this month. */
  rounds: z.array(z.number().int()),
});

/** The media view. */
export const mediaViewResponse = z.object({
  /** Actors I may see. */
  actors: z.array(actorResponse),
  /** Statements that pass the filters, oldest first. */
  statements: z.array(actorStatementResponse),
  /** The parties' own public statements logged beside the agreed line, in the period. */
  partyStatements: z.array(
    z.object({
      /** Statement id. */
      id: idSchema,
      /** Whose. */
      partyId: idSchema,
      /** Where it was made. */
      source: z.string(),
      /** When (YYYY-MM-DD). */
      statedOn: z.string(),
      /** What was said. */
      text: z.string(),
    }),
  ),
  /** Articles I may see, newest first, without their text. */
  articles: z.array(articleResponse.omit({ text: true })),
  /** Statements per month and stance. */
  chart: z.array(chartPeriodResponse),
});

/** A fetch of a feed: the feed after it, and the articles it brought in (without their text). */
export const feedFetchResponse = z.object({
  /** The feed. */
  feed: feedResponse,
  /** New articles. */
  added: z.array(articleResponse.omit({ text: true })),
});
