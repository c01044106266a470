/**
 * A suggestion set as one reader sees it (threat model: analysis/disclosure.ts). A party: the
 * packages, in the set's order, with its own utility of each and the number of its own submission
 * the set used — nothing of another party. The mediator team: the packages, which submission of
 * each party was used, and the utilities of the parties that share their ratings with it now.
 */
import type { SuggestionSet } from '../../analysis/suggestion-sets.js';
import type { SolutionKind } from '../../analysis/objectives.js';
import type { PartyId, RoundId, SuggestionSetId, UserId } from '../../shared/ids.js';

/** One package of a set for a reader. */
export interface SuggestionPackageView {
  /** Issue id → option id. */
  package: Record<string, string>;
  /** The solution concepts that chose it. */
  labels: SolutionKind[];
  /** Utility per party whose numbers the reader may see (a party: its own only). */
  utilities: Record<string, number>;
}

/** A set for a reader. */
export interface SuggestionSetView {
  /** The set. */
  id: SuggestionSetId;
  /** Its number in the process. */
  number: number;
  /** The number of the round it counts against (null: before the first round). */
  round: number | null;
  /** When it was published. */
  publishedAt: string;
  /** Who published it. */
  publishedBy: UserId;
  /** The packages, in the set's order (the same for every reader). */
  packages: SuggestionPackageView[];
  /** The parties' parts the reader may see: which submission was used, and the reservation. */
  inputs: { partyId: PartyId; submission: number; reservation: number | null }[];
}

/** Shapes stored sets for a reader: `inputs` were already loaded for the reader only. */
export function setsForReader(
  sets: readonly SuggestionSet[],
  roundNumber: (id: RoundId | null) => number | null,
): SuggestionSetView[] {
  return sets.map((set) => ({
    id: set.id,
    number: set.number,
    round: roundNumber(set.roundId),
    publishedAt: set.publishedAt,
    publishedBy: set.publishedBy,
    packages: set.packages.map((p, k) => ({
      package: { ...p.package },
      labels: [...p.labels],
      utilities: Object.fromEntries(
        set.inputs.flatMap((i) =>
          i.numbers === null ? [] : [[i.partyId, i.numbers.utilities[k] ?? 0]],
        ),
      ),
    })),
    inputs: set.inputs.map((i) => ({
      partyId: i.partyId,
      submission: i.submissionNumber,
      reservation: i.numbers?.reservation ?? null,
    })),
  }));
}
