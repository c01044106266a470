/** Compartment material as the contract shows it. Never a row, never a field the contract does not name. */
import type { z } from 'zod';
import type { LabelledItem } from '../../../core/items/model.js';
import type { itemResponse } from '../../../contract/items.js';

/** An item with its compartment label and where the reader may release it. */
export const presentItem = (i: LabelledItem): z.input<typeof itemResponse> => ({
  id: i.id,
  compartmentId: i.compartmentId,
  compartmentLabel: i.compartmentLabel,
  compartmentKind: i.compartmentKind,
  compartmentPartyId: i.compartmentPartyId,
  releaseTargets: i.releaseTargets,
  kind: i.kind,
  title: i.title,
  body: i.body,
  authorUserId: i.authorUserId,
  createdAt: i.createdAt,
  updatedAt: i.updatedAt,
  revision: i.revision,
});
