/** Search results as the contract shows them, field by field. */
import type { z } from 'zod';
import type { searchResponse } from '../../../contract/search.js';
import type { SearchHit } from '../../../core/search/results.js';
import type { SearchResult } from '../../../core/usecases/search/search-process.js';

/** One match: its title and snippet as plain text with the matched ranges beside them. */
const presentHit = (h: SearchHit) => ({
  kind: h.kind,
  id: h.id,
  title: h.title,
  titleMarks: h.titleMarks.map(([a, b]): [number, number] => [a, b]),
  snippet: h.snippet.text,
  snippetMarks: h.snippet.marks.map(([a, b]): [number, number] => [a, b]),
  compartmentId: h.compartmentId,
  at: h.at,
  parentId: h.parentId,
  number: h.number,
});

/** A search's answer, grouped by kind. */
export const presentSearch = (r: SearchResult): z.input<typeof searchResponse> => ({
  terms: r.terms,
  total: r.total,
  groups: r.groups.map((g) => ({ kind: g.kind, total: g.total, hits: g.hits.map(presentHit) })),
});
