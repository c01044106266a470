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
/** A party's own analysis: from its own draft only (suggestions come in published sets). */
const partyView = z.object({
  kind: z.literal('party'),
  party: z.string(),
  /** Its own reservation level. */
  reservation: z.number(),
  /** The chosen proposal and the party's own utility of it. */
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

export const submitPreferencesRequest = z.object({
  /** The draft revision the submitter reviewed. */
  revision: z.number().int().min(1),
});
const submission = z.object({
  /** 1, 2, 3 … per party. */
  number: z.number().int(),
  submittedAt: timestamp,
  /** User id of who submitted. */
  submittedBy: idSchema,
  /** The draft revision submitted. */
  draftRevision: z.number().int(),
  method: z.enum(['numbers', 'ranking']),
  weights: numbers,
  scores: z.record(z.string(), numbers),
  reservation: z.number(),
});
export const submissionResponse = z.object({ submission });
export const submissionsResponse = z.object({
  /** Newest first. */
  submissions: z.array(submission),
});

const suggestionSet = z.object({
  id: idSchema,
  /** 1, 2, 3 … per process. */
  number: z.number().int(),
  /** The round it counts against (null: before the first round). */
  round: z.number().int().nullable(),
  publishedAt: timestamp,
  /** User id of the mediator who published it. */
  publishedBy: idSchema,
  /** The packages, in the same order for every reader. */
  packages: z.array(
    z.object({
      package: pkg,
      labels: z.array(solutionKind),
      /** Party id → utility: a party sees its own only; the mediators those of parties that share. */
      utilities: numbers,
    }),
  ),
  /** The parties' parts the reader may see: which submission the set used, and the reservation. */
  inputs: z.array(
    z.object({
      partyId: idSchema,
      submission: z.number().int(),
      reservation: z.number().nullable(),
    }),
  ),
});
export const suggestionSetResponse = z.object({ set: suggestionSet });
export const suggestionSetsResponse = z.object({
  viewer: z.enum(['mediator', 'party']),
  /** Oldest first. */
  sets: z.array(suggestionSet),
  bound: z.object({
    /** Sets a round allows without every party's consent. */
    setsPerRound: z.number().int(),
    /** The round publications count against now (null: before the first round started). */
    round: z.number().int().nullable(),
    publishedInRound: z.number().int(),
    /** Whether the next publication needs every party's consent. */
    consentNeeded: z.boolean(),
    /** Parties that consented to the next publication (a party sees only itself). */
    consented: z.array(idSchema),
  }),
  /** Mediator team only: submissions each party made since the last set. */
  pending: z
    .array(z.object({ partyId: idSchema, sinceLastSet: z.number().int(), submitted: z.boolean() }))
    .nullable(),
});
export const consentResponse = z.object({
  /** The number of the set the consent is for. */
  setNumber: z.number().int(),
});
export const suggestionBoundRequest = z.object({
  setsPerRound: z.number().int().min(0).max(20),
});
export const suggestionBoundResponse = suggestionBoundRequest;
