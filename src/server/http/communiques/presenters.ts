/**
 * Communiqués, press lines and public statements as the contract shows them.
 * Never a row, never a field the contract does not name.
 */
import type { z } from 'zod';
import { communiqueResponse, statementResponse } from '../../../contract/communiques.js';
import type { PublicStatement } from '../../../core/communiques/model.js';
import type { CommuniqueView } from '../../../core/usecases/communiques/communique-view.js';

/** A communiqué as the contract says, placed where it is visible now. */
export const presentCommunique = (c: CommuniqueView): z.input<typeof communiqueResponse> => ({
  id: c.id,
  kind: c.kind,
  number: c.number,
  title: c.title,
  text: c.text,
  embargoUntil: c.embargoUntil,
  state: c.state,
  compartmentId: c.visibleIn,
  isPublic: c.isPublic,
  roundId: c.roundId,
  hash: c.hash,
  revision: c.revision,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  releasedAt: c.releasedAt,
  publicFrom: c.publicFrom,
  approvals: c.approvals.map((a) => ({
    partyId: a.partyId,
    hash: a.hash,
    approvedAt: a.approvedAt,
  })),
  awaiting: c.awaiting,
  objections: c.objections.map((o) => ({
    partyId: o.partyId,
    kind: o.kind,
    comment: o.comment,
    at: o.at,
  })),
});

/** A public statement with the mediators' divergence note. */
export const presentStatement = (s: PublicStatement): z.input<typeof statementResponse> => ({
  id: s.id,
  partyId: s.partyId,
  roundId: s.roundId,
  agreedLineId: s.agreedLineId,
  source: s.source,
  statedOn: s.statedOn,
  text: s.text,
  divergence: s.divergence,
  recordedAt: s.recordedAt,
});
