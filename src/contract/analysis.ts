/** Decision support: private ratings, the analysis as each viewer may see it, and movement. */
import { z } from 'zod';
import { idSchema, timestamp } from './common.js';

const ranking = z.array(z.union([z.string(), z.array(z.string()).min(1)])).max(200);
const points = z.number().finite({ error: 'must be a number' });
export const preferenceEntry = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('numbers'),
    /** Issue id → importance (e.g. 100 points split across issues). */
    weights: z.record(z.string(), points),
    /** Issue id → option id → score 0–100. */
    scores: z.record(z.string(), z.record(z.string(), points)),
    /** Utility 0–100 without agreement. */
    reservation: points,
  }),
  z.object({
    kind: z.literal('ranking'),
    /** Issue ids, most important first; an inner list is a tie. */
    issueOrder: ranking,
    /** Issue id → option ids best first. */
    optionRankings: z.record(z.string(), ranking),
    reservation: points,
  }),
]);
export const savePreferencesRequest = z.object({
  /** The revision the change starts from (0 before the first save). */
  baseRevision: z.number().int().min(0),
  entry: preferenceEntry,
});
export const preferencesResponse = z.object({
  preferences: z
    .object({
      partyId: idSchema,
      /** Whether the mediator team can see them. */
      shared: z.boolean(),
      weights: z.record(z.string(), z.number()),
      scores: z.record(z.string(), z.record(z.string(), z.number())),
      reservation: z.number(),
      method: z.enum(['numbers', 'ranking']),
      revision: z.number().int(),
      updatedAt: timestamp,
    })
    .nullable(),
});
export const shareRequest = z.object({ shared: z.boolean() });

export const analysisQuery = z.object({
  /** A tabled proposal to analyse (its improvements are listed). */
  proposalId: idSchema.optional(),
  /** Requested frontier approximation, 0–0.5 of the 0–100 scale. */
  epsilon: z.coerce.number().min(0).max(0.5).optional(),
  /** Rounds without movement that make a stall (1–10, default 2). */
  stallRounds: z.coerce.number().int().min(1).max(10).optional(),
});

const pkg = z.record(z.string(), z.string());
const numbers = z.record(z.string(), z.number());
const solutionKind = z.enum(['nash', 'kalai-smorodinsky', 'egalitarian', 'max-welfare']);
const mediatorView = z.object({
  kind: z.literal('mediator'),
  visibleParties: z.array(z.string()),
  complete: z.boolean(),
  frontier: z.object({
    exact: z.boolean(),
    epsilon: z.number(),
    /** How many points the frontier has; `points` may be an even sample of them. */
    size: z.number().int(),
    points: z.array(z.object({ package: pkg, utilities: numbers })),
  }),
  ideal: numbers.nullable().optional(),
  solutions: z.array(
    z.object({
      kind: solutionKind,
      found: z.boolean(),
      package: pkg.nullable(),
      utilities: numbers,
      gains: numbers,
      value: z.number().optional(),
      individuallyRational: z.boolean().optional(),
    }),
  ),
  proposal: z
    .object({
      package: pkg,
      baseline: numbers,
      efficient: z.boolean().nullable(),
      improvements: z.array(
        z.object({
          package: pkg,
          utilities: numbers,
          gains: numbers,
          minGain: z.number().optional(),
          totalGain: z.number().optional(),
        }),
      ),
    })
    .nullable(),
});
const partyView = z.object({
  kind: z.literal('party'),
  party: z.string(),
  reservation: z.number(),
  suggestions: z.array(
    z.object({
      package: pkg,
      utility: z.number(),
      labels: z.array(z.union([solutionKind, z.literal('alternative')])),
    }),
  ),
  proposal: z.object({ package: pkg, utility: z.number() }).nullable(),
});
export const analysisResponse = z.object({
  view: z.discriminatedUnion('kind', [mediatorView, partyView]),
  movement: z.object({
    parties: z.array(
      z.object({
        party: z.string(),
        measure: z.enum(['utility', 'distance']),
        concessions: z.array(z.number().nullable()),
        total: z.number(),
      }),
    ),
    stalls: z.array(
      z.object({
        party: z.string(),
        fromRound: z.number().int(),
        toRound: z.number().int(),
        conceders: z.array(z.string()),
      }),
    ),
    stalledNow: z.array(z.string()),
  }),
  dance: z.array(z.object({ party: z.string(), round: z.number().int(), utilities: numbers })),
  /** The round numbers that movement indices refer to. */
  rounds: z.array(z.number().int()),
});
