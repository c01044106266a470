/**
 * How the negotiating text lives in a process: one working draft held by the mediator team, the
 * published versions (immutable, each in the compartment it was distributed to), signatures and
 * the parties' amendments.
 */
import type { Amendment, AmendmentChange, AmendmentOutcome } from './amendment.js';
import type { NegotiatingText } from './model.js';
import type {
  AmendmentId,
  CompartmentId,
  PartyId,
  ProcessId,
  ProvisionId,
  UserId,
  VersionId,
} from '../shared/ids.js';

/** The working draft. */
export interface WorkingDraft {
  /** The process. */
  processId: ProcessId;
  /** The text. */
  text: NegotiatingText;
  /** Increases with every edit; edits name the revision they start from. */
  revision: number;
  /** Last edited (ISO 8601). */
  updatedAt: string;
  /** Last edited by. */
  updatedBy: UserId;
}

/** Someone a version was distributed to, as recorded when it was published. */
export interface Recipient {
  /** The member. */
  userId: UserId;
  /** Their name then. */
  displayName: string;
  /** Their party, if any. */
  partyId: PartyId | null;
}

/** A published version as stored: the exact canonical bytes and their hash never change. */
export interface StoredVersion {
  /** Stable id. */
  id: VersionId;
  /** The process. */
  processId: ProcessId;
  /** 1, 2, 3 … */
  number: number;
  /** The mediators' note. */
  note: string;
  /** The change list against the previous version, naming provisions only. */
  changeList: string[];
  /** `canonicalJson(text)`, exactly as hashed. */
  canonical: string;
  /** SHA-256 of `canonical`. */
  hash: string;
  /** Published (ISO 8601). */
  publishedAt: string;
  /** Published by. */
  publishedBy: UserId;
  /** Where it was distributed: plenary (every party), one party's bilateral channel, or the mediators' room. */
  compartmentId: CompartmentId;
  /** Who received it. */
  recipients: Recipient[];
}

/** A party's signature on a version. */
export interface StoredSignature {
  /** The version signed. */
  versionId: VersionId;
  /** The party. */
  partyId: PartyId;
  /** The signatory. */
  signedBy: UserId;
  /** When (ISO 8601). */
  signedAt: string;
  /** The version hash the signatory saw and signed. */
  versionHash: string;
}

/** A party's proposed amendment and what became of it. */
export interface StoredAmendment {
  /** Stable id. */
  id: AmendmentId;
  /** The process. */
  processId: ProcessId;
  /** The party's bilateral channel with the mediators, where it lives. */
  compartmentId: CompartmentId;
  /** The proposing party. */
  partyId: PartyId;
  /** The provision amended. */
  provision: ProvisionId;
  /** The change proposed. */
  change: AmendmentChange;
  /** Why, in the party's words. */
  note: string;
  /** Pending, or what the mediators decided. */
  outcome: AmendmentOutcome;
  /** Proposed by. */
  proposedBy: UserId;
  /** When (ISO 8601). */
  proposedAt: string;
  /** Decided (ISO 8601). */
  decidedAt: string | null;
}

/** The core amendment of a stored one. */
export function asAmendment(a: StoredAmendment): Amendment {
  return { id: a.id, provision: a.provision, proposedBy: a.partyId, change: a.change };
}
