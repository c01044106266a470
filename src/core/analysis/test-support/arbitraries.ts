/**
 * fast-check generators of small random domains for the property tests: 2–4 parties, up to 6
 * issues × 5 options. Scores and weights are integers, and are often drawn from a few values so
 * that ties, identical options and dominated options — the cases the tie rules exist for — occur.
 */
import fc from 'fast-check';
import type { Domain, PartyPreferences } from '../domain.js';

/** The shapes the property tests use: any small domain, and the largest ones only. */
export const SMALL = { minParties: 2, maxParties: 4, maxIssues: 6, maxOptions: 5 } as const;
/** Only the largest shapes: 5–6 issues with 4–5 options (up to 15,625 packages). */
export const LARGE = { ...SMALL, minIssues: 5, minOptions: 4 } as const;

/** Bounds of a generated domain. */
export interface DomainBounds {
  /** Fewest parties. */
  readonly minParties: number;
  /** Most parties. */
  readonly maxParties: number;
  /** Fewest issues (default 1). */
  readonly minIssues?: number;
  /** Most issues. */
  readonly maxIssues: number;
  /** Fewest options per issue, except for the occasional single-option issue (default 2). */
  readonly minOptions?: number;
  /** Most options per issue. */
  readonly maxOptions: number;
  /** Most complete packages (keeps brute force quick). */
  readonly maxOutcomes?: number;
}

const score = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 50, 100) },
);

const weight = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 1, arbitrary: fc.constant(0) },
);

/** Generates a valid domain within the bounds. */
export function domainArbitrary(bounds: DomainBounds): fc.Arbitrary<Domain> {
  const maxOutcomes = bounds.maxOutcomes ?? Infinity;
  return fc
    .record({
      parties: fc.integer({ min: bounds.minParties, max: bounds.maxParties }),
      // Issue count uniform (fast-check's arrays favour short ones), options mostly 2 or more.
      optionCounts: fc
        .integer({ min: bounds.minIssues ?? 1, max: bounds.maxIssues })
        .chain((n) =>
          fc.array(
            fc.oneof(
              {
                weight: 4,
                arbitrary: fc.integer({ min: bounds.minOptions ?? 2, max: bounds.maxOptions }),
              },
              { weight: 1, arbitrary: fc.constant(1) },
            ),
            { minLength: n, maxLength: n },
          ),
        )
        .filter((counts) => counts.reduce((a, b) => a * b, 1) <= maxOutcomes),
    })
    .chain(({ parties, optionCounts }) =>
      fc
        .record({ opposed: fc.boolean(), coarse: fc.boolean(), mirror: fc.boolean() })
        .chain(({ opposed, coarse, mirror }) =>
          build(parties, optionCounts, opposed, coarse).map((d) =>
            mirror && d.issues.length < bounds.maxIssues ? mirrored(d) : d,
          ),
        ),
    );
}

/**
 * Appends a copy of the first issue (same options, weights and scores for every party): then
 * different packages — swapping the two issues' options — have identical utilities, and the
 * lexicographic tie rule decides which package represents them.
 */
function mirrored(domain: Domain): Domain {
  const first = domain.issues[0];
  if (first === undefined) return domain;
  const copy = { ...first, id: `${first.id}-mirror` };
  return {
    issues: [...domain.issues, copy],
    parties: domain.parties.map((p) => ({
      ...p,
      weights: { ...p.weights, [copy.id]: p.weights[first.id] ?? 0 },
      scores: { ...p.scores, [copy.id]: p.scores[first.id] ?? {} },
    })),
  };
}

/** Coarse weights and scores: few distinct values, so different packages often tie exactly. */
const coarseScore = fc.constantFrom(0, 50, 100);
const coarseWeight = fc.constantFrom(1, 2);

/**
 * Builds the parties. `opposed`: each party's scores run monotonically along every issue's
 * options, up for some parties and down for others — the shape of real bargaining issues, and one
 * where most options are Pareto-optimal, so frontiers are large. `coarse`: weights and scores
 * from a handful of values, so that the tie-breaking rules decide many results.
 */
function build(
  parties: number,
  optionCounts: number[],
  opposed: boolean,
  coarse: boolean,
): fc.Arbitrary<Domain> {
  const issues = optionCounts.map((m, i) => ({
    id: `issue-${i}`,
    options: Array.from({ length: m }, (_, o) => ({ id: `option-${o}` })),
  }));
  const party = (p: number): fc.Arbitrary<PartyPreferences> =>
    fc
      .record({
        weights: fc.array(coarse ? coarseWeight : weight, {
          minLength: issues.length,
          maxLength: issues.length,
        }),
        scores: fc.tuple(
          ...issues.map((issue) =>
            fc.array(coarse ? coarseScore : score, {
              minLength: issue.options.length,
              maxLength: issue.options.length,
            }),
          ),
        ),
        reservation: fc.oneof(fc.integer({ min: 0, max: 70 }), fc.constant(0)),
        rising: fc.array(fc.boolean(), { minLength: issues.length, maxLength: issues.length }),
      })
      .map(({ weights: drawn, scores: raw, reservation, rising }) => {
        // Copies: fast-check's values must stay untouched for shrinking.
        const scores = raw.map((list, i) =>
          opposed ? [...list].sort((a, b) => (rising[i] === true ? a - b : b - a)) : list,
        );
        // At least one issue must matter to the party.
        const weights = drawn.every((w) => w === 0)
          ? drawn.map((w, i) => (i === 0 ? 1 : w))
          : drawn;
        return {
          id: `party-${p}`,
          weights: Object.fromEntries(issues.map((issue, i) => [issue.id, weights[i] ?? 1])),
          scores: Object.fromEntries(
            issues.map((issue, i) => [
              issue.id,
              Object.fromEntries(issue.options.map((o, k) => [o.id, scores[i]?.[k] ?? 0])),
            ]),
          ),
          reservation,
        };
      });
  return fc
    .tuple(...Array.from({ length: parties }, (_, p) => party(p)))
    .map((ps): Domain => ({ issues, parties: ps }));
}

/** Generates a domain together with a proposal over it (option index per issue, -1 for open). */
export function domainWithProposal(
  bounds: DomainBounds,
  partial: boolean,
): fc.Arbitrary<{ domain: Domain; proposal: number[] }> {
  return domainArbitrary(bounds).chain((domain) =>
    fc
      .tuple(
        ...domain.issues.map((issue) =>
          fc.integer({ min: partial ? -1 : 0, max: issue.options.length - 1 }),
        ),
      )
      .map((proposal) => ({ domain, proposal })),
  );
}
