/**
 * Actors and media (C9): who outside the table says what. An actor is registered in one
 * compartment (the mediators' room by default, a party's caucus for its own register) and moves
 * only by release; its stance towards the process is a history of dated, reasoned changes made by
 * people. Articles are pasted texts analysed offline (language, mentions, quotes); nothing becomes
 * a statement until a person confirms a quote.
 */
import type { CompartmentId, Id, IssueId, ProcessId, UserId } from '../shared/ids.js';

/** A registered actor outside the table. */
export type MediaActorId = Id<'MediaActor'>;
/** An article brought in by a mediator or a party. */
export type ArticleId = Id<'Article'>;
/** A confirmed public statement of an actor. */
export type ActorStatementId = Id<'ActorStatement'>;
/** An RSS or Atom feed the mediators follow. */
export type FeedId = Id<'MediaFeed'>;

/** The kinds of actor (ACLED-like, coarse). */
export const actorKinds = [
  'person',
  'organisation',
  'media-outlet',
  'state',
  'international-body',
] as const;
/** One kind of actor. */
export type ActorKind = (typeof actorKinds)[number];

/** An actor's role towards the process, as people judge it. */
export const stances = [
  'supporter',
  'critic',
  'spoiler',
  'guarantor',
  'neutral',
  'unknown',
] as const;
/** One stance. */
export type Stance = (typeof stances)[number];

/** The languages Parley tells apart in articles (ISO 639-1), and `und` when it cannot tell. */
export const articleLanguages = ['nb', 'nn', 'es', 'en', 'da', 'sv', 'und'] as const;
/** One detected language; other languages eld recognises are kept as their ISO code. */
export type ArticleLanguage = string;

/** One entry of an actor's stance history. */
export interface StanceChange {
  /** The stance from this date on. */
  stance: Stance;
  /** The day it holds from (YYYY-MM-DD), as the person judged. */
  since: string;
  /** Why, in the person's words. */
  reason: string;
  /** Who set it. */
  setBy: UserId;
  /** When it was recorded (ISO 8601). */
  setAt: string;
}

/** An alias of an actor, with its language when it belongs to one. */
export interface ActorAlias {
  /** The words as they appear in text. */
  text: string;
  /** ISO 639-1 code, or null when the spelling is not tied to a language. */
  language: string | null;
}

/** A registered actor. */
export interface MediaActor {
  /** Stable id. */
  id: MediaActorId;
  /** The process whose register holds it. */
  processId: ProcessId;
  /** The compartment it lives in; changes only by release. */
  compartmentId: CompartmentId;
  /** Name as registered. */
  name: string;
  /** What it is. */
  kind: ActorKind;
  /** Other names and spellings. */
  aliases: ActorAlias[];
  /** Optional Wikidata id (Q123). */
  wikidataId: string | null;
  /** Free notes. */
  notes: string;
  /** The stance history, oldest first; never empty. */
  stances: StanceChange[];
  /** Who registered it. */
  createdBy: UserId;
  /** When (ISO 8601). */
  createdAt: string;
  /** Increases with every change. */
  revision: number;
}

/** An actor's current stance: the last entry of its history. */
export function currentStance(actor: Pick<MediaActor, 'stances'>): Stance {
  return actor.stances[actor.stances.length - 1]?.stance ?? 'unknown';
}

/** A registered actor mentioned in a text: which, the words, and where. */
export interface Mention {
  /** The actor. */
  actorId: MediaActorId;
  /** The words exactly as they stand in the text. */
  text: string;
  /** Offset of the first character (UTF-16 code units). */
  start: number;
  /** Offset after the last character. */
  end: number;
}

/** A quotation found in a text, with its speaker where the text says who. */
export interface Quote {
  /** The quoted words, without the quotation marks. */
  text: string;
  /** The registered actor who said it, or null. */
  speakerActorId: MediaActorId | null;
  /** Offset of the first quoted character. */
  start: number;
  /** Offset after the last quoted character. */
  end: number;
}

/** A name-like sequence of capitalised words that matches no registered actor. */
export interface NameSuggestion {
  /** The words. */
  text: string;
  /** Offset of the first character. */
  start: number;
  /** Offset after the last character. */
  end: number;
}

/** An article brought in, with what the analysis found. */
export interface Article {
  /** Stable id. */
  id: ArticleId;
  /** The process. */
  processId: ProcessId;
  /** Where it lives. */
  compartmentId: CompartmentId;
  /** Headline, if given. */
  title: string;
  /** The text as pasted. */
  text: string;
  /** Source address, if given. */
  url: string | null;
  /** Outlet name, if given. */
  outlet: string | null;
  /** Publication date (YYYY-MM-DD or ISO 8601), if given. */
  publishedAt: string | null;
  /** The detected language. */
  language: ArticleLanguage;
  /** Registered actors mentioned. */
  mentions: Mention[];
  /** Quotations found. */
  quotes: Quote[];
  /** Names that look like actors not yet registered. */
  suggestions: NameSuggestion[];
  /** Who brought it in (for a feed's entry: who added the feed). */
  addedBy: UserId;
  /** When (ISO 8601). */
  addedAt: string;
  /** The feed it came from, or null when pasted or uploaded. */
  feedId: FeedId | null;
}

/** A public statement of an actor, confirmed by a person. */
export interface ActorStatement {
  /** Stable id. */
  id: ActorStatementId;
  /** The process. */
  processId: ProcessId;
  /** Where it lives (the compartment of the article it came from, or chosen). */
  compartmentId: CompartmentId;
  /** Who said it. */
  actorId: MediaActorId;
  /** The quote in its original language. */
  quote: string;
  /** Its language. */
  language: ArticleLanguage;
  /** Source address, if any. */
  url: string | null;
  /** Outlet, if any. */
  outlet: string | null;
  /** The day it was said or published (YYYY-MM-DD). */
  statedOn: string;
  /** The stance it expresses, as the confirming person judged. */
  stance: Stance;
  /** The article it was found in, if any. */
  articleId: ArticleId | null;
  /** Who confirmed it. */
  confirmedBy: UserId;
  /** When (ISO 8601). */
  confirmedAt: string;
  /** The agenda issues it concerns, as people judged; may be empty. */
  issueIds: IssueId[];
  /** Increases with every change (its issues edited). */
  revision: number;
}

/** How the last fetch of a feed went. */
export type FeedStatus = 'never' | 'ok' | 'error';

/**
 * What can go wrong fetching a feed: no answer, too slow, too large, an HTTP status other than
 * 2xx, no feed in the answer, an address that is no http(s) URL, and an address (or a redirect's)
 * on a private or reserved network that the operator did not allow. The web app has words for
 * each.
 */
export const feedProblemCodes = [
  'unreachable',
  'timeout',
  'too_large',
  'http_status',
  'not_a_feed',
  'bad_address',
  'forbidden_address',
] as const;

/** One of `feedProblemCodes`. */
export type FeedProblemCode = (typeof feedProblemCodes)[number];

/**
 * An RSS or Atom feed the mediators follow. The server fetches it on a schedule; each new entry
 * becomes an article in the feed's compartment, analysed like a pasted one. Entries already taken
 * are remembered by guid (or link), so an entry is never brought in twice.
 */
export interface MediaFeed {
  /** Stable id. */
  id: FeedId;
  /** The process. */
  processId: ProcessId;
  /** Where its articles go (and who may see the feed itself). */
  compartmentId: CompartmentId;
  /** The feed's address (http or https). */
  url: string;
  /** A name for people; the feed's own title once fetched, if none was given. */
  title: string;
  /** Guids (or links) of the entries already taken, newest last; bounded. */
  seen: string[];
  /** Minutes between two fetches. */
  intervalMinutes: number;
  /** When it was last fetched (ISO 8601), or null. */
  lastFetchedAt: string | null;
  /** How that went. */
  lastStatus: FeedStatus;
  /** What went wrong last time, in words for people; null when it went well. */
  lastError: string | null;
  /** How many articles it has brought in so far. */
  articlesAdded: number;
  /** Who added it (articles from it are brought in in their name). */
  createdBy: UserId;
  /** When (ISO 8601). */
  createdAt: string;
  /** Increases with every change. */
  revision: number;
}

/** How many entry keys a feed remembers: far more than any feed lists at once. */
export const feedMemory = 2000;

/** One entry of a feed, read and reduced to plain text. */
export interface FeedEntry {
  /** What identifies it across fetches: its guid (Atom: id), else its link. */
  key: string;
  /** Its title. */
  title: string;
  /** Its main text (HTML reduced to paragraphs of plain text). */
  text: string;
  /** Its link, if any. */
  url: string | null;
  /** When it was published (ISO 8601), if the feed says. */
  publishedAt: string | null;
}
