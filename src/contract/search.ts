/** Search over everything a member may read in a process. */
import { z } from 'zod';
import { searchKinds } from '../core/search/results.js';

/** The query: the words to find (every word must occur, case ignored). */
export const searchQuery = z.object({
  /** The words, separated by spaces (at most 8 are used). */
  q: z.string().trim().min(1, 'Type at least one word to search for.').max(200),
});

/** A matched range [start, end) of a text, in UTF-16 code units: highlight it, never parse it. */
const mark = z.tuple([z.number().int().min(0), z.number().int().min(0)]);

/** One match. */
export const searchHitResponse = z.object({
  /** What it is. */
  kind: z.enum(searchKinds),
  /** Its id (a provision's key for the working text and versions). */
  id: z.string(),
  /** Its title or name. */
  title: z.string(),
  /** Matched ranges of the title. */
  titleMarks: z.array(mark),
  /** A stretch of its text around the first match, as plain text. */
  snippet: z.string(),
  /** Matched ranges of the snippet. */
  snippetMarks: z.array(mark),
  /** Its compartment; null for rounds (the process's set-up). */
  compartmentId: z.string().nullable(),
  /** Its date (ISO 8601 date or time), if it has one. */
  at: z.string().nullable(),
  /** What its page belongs to: a message's thread, a piece of evidence's commitment, a statement's actor. */
  parentId: z.string().nullable(),
  /** A version's or round's number, a communiqué's number, a proposal's round. */
  number: z.number().int().nullable(),
});

/** The matches of one kind. */
export const searchGroupResponse = z.object({
  /** The kind. */
  kind: z.enum(searchKinds),
  /** How many match (the hits are the first 20). */
  total: z.number().int(),
  /** The first matches, most recent first. */
  hits: z.array(searchHitResponse),
});

/** A search's answer. */
export const searchResponse = z.object({
  /** The words searched for, lower case, as the query was split. */
  terms: z.array(z.string()),
  /** How many matched over every kind. */
  total: z.number().int(),
  /** The matches by kind, in a fixed order of kinds. */
  groups: z.array(searchGroupResponse),
});
