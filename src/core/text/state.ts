/**
 * "Nothing is agreed until everything is agreed": the overall state of a text, which drives the
 * banner shown over it. The banner stays until every provision is agreed (ad referendum is not
 * enough) and every party has signed this very version (a signature on another version, i.e. with
 * another hash, does not count).
 */
import type { PartyId } from '../shared/ids.js';
import {
  countOpen,
  listProvisions,
  provisionStatuses,
  type NegotiatingText,
  type ProvisionStatus,
} from './model.js';

/** The banner's wording, as negotiators know it. */
export const naeuea = 'Nothing is agreed until everything is agreed';

/** A party's signature on a published version, as far as the overall state needs it. */
export interface SignatureRecord {
  /** The party whose authorised signatory signed. */
  readonly party: PartyId;
  /** The SHA-256 of the version that was signed (see `versionHash`). */
  readonly versionHash: string;
}

/** What the overall state is computed from. */
export interface OverallStateInput {
  /** The text shown. */
  readonly text: NegotiatingText;
  /** The hash of the published version shown; null for the working draft, which nobody signs. */
  readonly versionHash: string | null;
  /** Every party to the talks (all must sign). */
  readonly parties: readonly PartyId[];
  /** Signatures recorded in the process, on any version. */
  readonly signatures: readonly SignatureRecord[];
}

/** Where the whole text stands. */
export interface OverallState {
  /** True only when every provision is agreed and every party signed this version. */
  readonly everythingAgreed: boolean;
  /** The banner to show, or null once everything is agreed. */
  readonly banner: string | null;
  /** How many provisions the text has. */
  readonly provisionCount: number;
  /** How many provisions are in each status. */
  readonly counts: Readonly<Record<ProvisionStatus, number>>;
  /** True when there is at least one provision and all are agreed. */
  readonly allProvisionsAgreed: boolean;
  /** Open bracketed passages over the whole text. */
  readonly openBrackets: number;
  /** Open alternatives groups over the whole text. */
  readonly openAlternativeGroups: number;
  /** Parties that signed this version, in the order of `parties`. */
  readonly signedBy: readonly PartyId[];
  /** Parties that have not signed this version yet, in the order of `parties`. */
  readonly unsigned: readonly PartyId[];
}

/**
 * The overall state of a text. An empty text, or a process without parties, is never "everything
 * agreed": there is nothing anyone agreed to.
 */
export function overallState(input: OverallStateInput): OverallState {
  const counts = Object.fromEntries(provisionStatuses.map((s) => [s, 0])) as Record<
    ProvisionStatus,
    number
  >;
  let openBrackets = 0;
  let openAlternativeGroups = 0;
  const provisions = listProvisions(input.text);
  for (const { provision } of provisions) {
    counts[provision.status] += 1;
    const open = countOpen(provision.body);
    openBrackets += open.brackets;
    openAlternativeGroups += open.alternativeGroups;
  }
  const hash = input.versionHash;
  const signed = new Set(
    hash === null ? [] : input.signatures.filter((s) => s.versionHash === hash).map((s) => s.party),
  );
  const signedBy = input.parties.filter((p) => signed.has(p));
  const unsigned = input.parties.filter((p) => !signed.has(p));
  const allProvisionsAgreed = provisions.length > 0 && counts.agreed === provisions.length;
  const everythingAgreed = allProvisionsAgreed && input.parties.length > 0 && unsigned.length === 0;
  return {
    everythingAgreed,
    banner: everythingAgreed ? null : naeuea,
    provisionCount: provisions.length,
    counts,
    allProvisionsAgreed,
    openBrackets,
    openAlternativeGroups,
    signedBy,
    unsigned,
  };
}
