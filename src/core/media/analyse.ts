/**
 * One article through the whole analysis: its language, the registered actors it mentions, its
 * quotations with their speakers, and names that look like actors not yet registered. Pure: the
 * same text and register give the same answer, with nothing fetched from anywhere.
 */
import { detectLanguage } from './language.js';
import {
  buildAliasIndex,
  findMentions,
  suggestNames,
  wordsOf,
  type AliasIndex,
  type MatchableActor,
} from './mentions.js';
import type { Mention, NameSuggestion, Quote } from './model.js';
import { findQuotes } from './quotes.js';

/** What the analysis found in one text. */
export interface Analysis {
  /** ISO 639-1 code, or `und`. */
  language: string;
  /** Registered actors mentioned, in order. */
  mentions: Mention[];
  /** Quotations, in order, with speakers where the text says who. */
  quotes: Quote[];
  /** Capitalised names matching no registered actor. */
  suggestions: NameSuggestion[];
}

/** Analyses a text against a register (or a prebuilt index of it, when many texts share one). */
export function analyseText(text: string, register: MatchableActor[] | AliasIndex): Analysis {
  const index = Array.isArray(register) ? buildAliasIndex(register) : register;
  const words = wordsOf(text);
  const mentions = findMentions(text, index, words);
  const language = detectLanguage(text);
  return {
    language,
    mentions,
    quotes: findQuotes(text, mentions, index, language),
    suggestions: suggestNames(text, mentions, words),
  };
}
