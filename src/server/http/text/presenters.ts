/**
 * Versions and amendments of the negotiating text as the contract shows them.
 * Never a row, never a field the contract does not name.
 */
import type { z } from 'zod';
import { amendmentResponse, versionSummary } from '../../../contract/text.js';
import type { StoredAmendment, StoredSignature, StoredVersion } from '../../../core/text/stored.js';

/** A published version in a list: number, hash, note, recipients and signatures. */
export const presentVersion = (
  v: StoredVersion,
  signatures: StoredSignature[],
): z.input<typeof versionSummary> => ({
  id: v.id,
  number: v.number,
  note: v.note,
  changeList: v.changeList,
  hash: v.hash,
  publishedAt: v.publishedAt,
  compartmentId: v.compartmentId,
  recipients: v.recipients,
  signatures: signatures.map((s) => ({
    partyId: s.partyId,
    signedAt: s.signedAt,
    versionHash: s.versionHash,
  })),
});

/** An amendment as the proposing party and the mediators see it. */
export const presentAmendment = (a: StoredAmendment): z.input<typeof amendmentResponse> => ({
  id: a.id,
  compartmentId: a.compartmentId,
  partyId: a.partyId,
  provision: a.provision,
  change: a.change,
  note: a.note,
  outcome: a.outcome,
  proposedAt: a.proposedAt,
  decidedAt: a.decidedAt,
});
