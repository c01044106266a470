/** How a party's private ratings are kept in a process. */
import type { CompartmentId, PartyId, ProcessId, UserId } from '../shared/ids.js';

/** A party's ratings, in its caucus (or, once shared, its bilateral channel with the mediators). */
export interface StoredPreferences {
  /** The process. */
  processId: ProcessId;
  /** Whose ratings. */
  partyId: PartyId;
  /** Where they live: the caucus while private, the bilateral channel once shared with the mediators. */
  compartmentId: CompartmentId;
  /** Issue id → importance (points, normalised by the engine). */
  weights: Record<string, number>;
  /** Issue id → option id → score 0–100. */
  scores: Record<string, Record<string, number>>;
  /** Utility 0–100 without agreement. */
  reservation: number;
  /** How they were entered: numbers, or rankings converted by the documented rule. */
  method: 'numbers' | 'ranking';
  /** Increases with every save; saves name the revision they start from. */
  revision: number;
  /** Last saved (ISO 8601). */
  updatedAt: string;
  /** Last saved by. */
  updatedBy: UserId;
}

/**
 * A party's submission: a numbered, immutable copy of its ratings at one moment, made on purpose.
 * Suggestion sets are computed from submissions only, never from the private draft.
 */
export interface StoredSubmission {
  /** The process. */
  processId: ProcessId;
  /** Whose ratings. */
  partyId: PartyId;
  /** 1, 2, 3 … per party. */
  number: number;
  /** The party's caucus: a submission is the party's own record. */
  compartmentId: CompartmentId;
  /** Issue id → importance. */
  weights: Record<string, number>;
  /** Issue id → option id → score 0–100. */
  scores: Record<string, Record<string, number>>;
  /** Utility 0–100 without agreement. */
  reservation: number;
  /** How the ratings were entered. */
  method: 'numbers' | 'ranking';
  /** The revision of the draft that was submitted. */
  draftRevision: number;
  /** When (ISO 8601). */
  submittedAt: string;
  /** By whom. */
  submittedBy: UserId;
}
