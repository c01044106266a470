/**
 * Search results: which documents match a query, grouped by kind, each with its title's marks
 * and a snippet of its text. Pure: the search use case gathers the documents the reader may see
 * (and nothing else), this module decides which match and in what order.
 *
 * The order is a function of the documents alone — kind in the fixed order of `searchKinds`, then
 * within a kind the most recent first, then by id — so two readers who may see the same documents
 * get the same results whatever else the server holds.
 */
import { findMarks, matchesAll, snippetOf, type Mark, type Snippet } from './match.js';

/** What a search finds, in the order the groups are shown. */
export const searchKinds = [
  'note',
  'thread',
  'message',
  'proposal',
  'provision',
  'version',
  'communique',
  'statement',
  'round',
  'actor',
  'actor_statement',
  'article',
  'commitment',
  'evidence',
] as const;
/** One kind of searchable material. */
export type SearchKind = (typeof searchKinds)[number];

/** A piece of material the reader may read, as the search sees it. */
export interface SearchDocument {
  /** What it is. */
  kind: SearchKind;
  /** Its id (a provision's key for the working text and versions). */
  id: string;
  /** Its title or name, as shown in the results. */
  title: string;
  /** Its searchable text besides the title (body, wording, quote, notes). */
  text: string;
  /** The compartment it lies in; null for the process's set-up (rounds). */
  compartmentId: string | null;
  /** When it was written or last changed (ISO 8601), for the order; null when it has no date. */
  at: string | null;
  /** The thing its page belongs to: a message's thread, a piece of evidence's commitment. */
  parentId: string | null;
  /** A number its page is found by: a version's number, a round's number. */
  number: number | null;
}

/** One match. */
export interface SearchHit {
  /** The document's kind. */
  kind: SearchKind;
  /** The document's id. */
  id: string;
  /** Its title. */
  title: string;
  /** The matched ranges of the title. */
  titleMarks: readonly Mark[];
  /** A stretch of its text around the first match. */
  snippet: Snippet;
  /** Its compartment. */
  compartmentId: string | null;
  /** Its date. */
  at: string | null;
  /** See `SearchDocument.parentId`. */
  parentId: string | null;
  /** See `SearchDocument.number`. */
  number: number | null;
}

/** The matches of one kind: how many, and the first of them. */
export interface SearchGroup {
  /** The kind. */
  kind: SearchKind;
  /** How many documents of this kind match. */
  total: number;
  /** The first `perKind` of them, most recent first. */
  hits: SearchHit[];
}

/** The documents that match every term, grouped by kind (only kinds with a match), in order. */
export function groupMatches(
  documents: readonly SearchDocument[],
  terms: readonly string[],
  perKind: number,
): SearchGroup[] {
  const groups: SearchGroup[] = [];
  for (const kind of searchKinds) {
    const found = documents
      .filter((d) => d.kind === kind && matchesAll([d.title, d.text], terms))
      .sort(
        (a, b) =>
          (b.at ?? '').localeCompare(a.at ?? '') ||
          (b.number ?? 0) - (a.number ?? 0) ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
    if (found.length === 0) continue;
    groups.push({
      kind,
      total: found.length,
      hits: found.slice(0, perKind).map((d) => ({
        kind,
        id: d.id,
        title: d.title,
        titleMarks: findMarks(d.title, terms),
        snippet: snippetOf(d.text, terms),
        compartmentId: d.compartmentId,
        at: d.at,
        parentId: d.parentId,
        number: d.number,
      })),
    });
  }
  return groups;
}
