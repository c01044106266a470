import type { CompartmentKind } from '../access/compartments.js';
import type { CompartmentId, ItemId, PartyId, ProcessId, UserId } from '../shared/ids.js';

/** The kinds of item a compartment holds. Notes first; the record and text add more kinds. */
export const itemKinds = ['note'] as const;
export type ItemKind = (typeof itemKinds)[number];

/** A piece of material in exactly one compartment. */
export interface Item {
  /** Stable id. */
  id: ItemId;
  /** The process. */
  processId: ProcessId;
  /** The one compartment it lives in; changes only by an audited release. */
  compartmentId: CompartmentId;
  /** What it is. */
  kind: ItemKind;
  /** Short title. */
  title: string;
  /** Body in Markdown. */
  body: string;
  /** Who wrote it. */
  authorUserId: UserId;
  /** Created (ISO 8601). */
  createdAt: string;
  /** Last changed (ISO 8601). */
  updatedAt: string;
  /** Increases with every change; edits must name the revision they start from. */
  revision: number;
}

/** An item with the label of its compartment, which every screen shows beside it. */
export type LabelledItem = Item & {
  /** E.g. "Plenary", "GOV caucus". */
  compartmentLabel: string;
  /** The kind of that compartment, for the interface to colour and translate. */
  compartmentKind: CompartmentKind;
  /** The party of a caucus or bilateral compartment. */
  compartmentPartyId: PartyId | null;
  /** The wider compartments the reader may release this item to (empty when none). */
  releaseTargets: CompartmentId[];
};
